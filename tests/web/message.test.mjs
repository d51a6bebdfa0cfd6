// A message is signed once the user gives their name, asked plainly on the
// message itself the first time; the next message is signed without asking.
// The draft never pastes the debrief's own notes into a sentence.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as h from './harness.mjs';

describe('messages', { skip: h.missingBuild() }, () => {
  let server;
  let browser;
  h.site((s) => ({ server, browser } = s));

  test('the name is asked once and signs every message after', async (t) => {
    const phone = await h.newPhone(browser, server);
    t.after(() => phone.close());
    const { page } = phone;
    await h.open(page, '#/leads');
    await h.addLead(page, 'Quill Press', 'Editor');
    await h.openLead(page, 'Quill Press');
    await h.addInterview(page, -120, 45, 'screen');
    await page.locator('ul.rows li.row', { hasText: 'Screen' }).first().waitFor();

    await h.tap(page, 'write-thank-you');
    const body = h.tid(page, 'msg-body');
    await body.waitFor();
    assert.match(await body.inputValue(), /Best regards,$/, 'no name yet');
    // asked plainly, on the message itself
    await h.tid(page, 'msg-sign').waitFor();
    await h.tid(page, 'msg-my-name').fill('Sam Rivera');
    await h.tap(page, 'msg-sign-save');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="msg-body"]')?.value.endsWith('Best regards,\nSam Rivera'),
      null,
      { timeout: 10_000 },
    );
    assert.equal(await h.tid(page, 'msg-sign').count(), 0, 'asked once');

    // another message: signed, not asked
    await h.go(page, '#/leads');
    await h.openLead(page, 'Quill Press');
    await h.tap(page, 'write-check-in');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="msg-body"]')?.value.endsWith('Sam Rivera'),
      null,
      { timeout: 10_000 },
    );
    assert.equal(await h.tid(page, 'msg-sign').count(), 0);
    await phone.done();
  });
});

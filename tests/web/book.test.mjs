// Taking a lead offers to book its interview at once (the next thing every
// taken lead needs); "Later" puts the offer away.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as h from './harness.mjs';

describe('booking after taking a lead', { skip: h.missingBuild() }, () => {
  let server;
  let browser;
  h.site((s) => ({ server, browser } = s));

  test('take it, book it: the lead page opens with the interview form', async (t) => {
    const phone = await h.newPhone(browser, server);
    t.after(() => phone.close());
    const { page } = phone;
    await h.open(page, '#/leads');
    await h.addLead(page, 'Orbit Foods', 'Data Analyst');
    await h.addLead(page, 'Lumen Energy', 'API Engineer');

    // the first: later
    await h.tid(page, 'deck-take').waitFor();
    await h.tap(page, 'deck-take');
    await h.tid(page, 'book-offer').waitFor();
    assert.match(await h.tid(page, 'book-offer').innerText(), /Orbit Foods/);
    await h.tap(page, 'book-later');
    await h.tid(page, 'book-offer').waitFor({ state: 'detached' });

    // the second: now
    await h.tap(page, 'deck-take');
    await page.locator('[data-testid="book-offer"]', { hasText: 'Lumen Energy' }).waitFor();
    await h.tap(page, 'book-now');
    await page.waitForFunction(() => /^#\/leads\/[^/]+\/book$/.test(location.hash));
    await page.locator('h1', { hasText: 'Lumen Energy' }).waitFor();
    const form = page.locator('form[aria-label="Add an interview"]');
    await form.waitFor();
    const at = await h.localDateTime(page, 24 * 60);
    await form.locator('#iv-date').fill(at.date);
    await form.locator('#iv-time').fill(at.time);
    await form.locator('button[type="submit"]').tap();
    await page.locator('ul.rows li.row', { hasText: 'Coming up' }).first().waitFor();
    await phone.done();
  });
});

// Search across the journal, at phone size: typing finds a lead by a word of
// its role, Open goes to it, and coming back finds the search as it was.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as h from './harness.mjs';

describe('search', { skip: h.missingBuild() }, () => {
  let server;
  let browser;
  h.site((s) => ({ server, browser } = s));

  test('a search is still there on the way back from a result', async (t) => {
    const phone = await h.newPhone(browser, server);
    t.after(() => phone.close());
    const { page } = phone;
    await h.open(page, '#/leads');
    await h.addLead(page, 'Harbor Analytics', 'Data Engineer');
    await h.go(page, '#/search');
    const box = h.tid(page, 'search-box');
    await box.waitFor();
    await box.fill('enginer'); // a typo still finds it
    const hit = page.locator('main li', { hasText: 'Harbor Analytics' }).first();
    await hit.waitFor();
    await hit.getByRole('button').first().tap();
    await page.waitForFunction(() => /^#\/leads\/[^/]+$/.test(location.hash));
    await page.goBack();
    await page.waitForFunction(() => location.hash === '#/search');
    await h.tid(page, 'search-box').waitFor();
    assert.equal(await h.tid(page, 'search-box').inputValue(), 'enginer');
    await page.locator('main li', { hasText: 'Harbor Analytics' }).first().waitFor();
    await phone.done();
  });
});

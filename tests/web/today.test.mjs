// Today over the sample journal (`demo.html`): a follow-up marked Done leaves the
// list and stays done after a reload; a "Prepare" row opens its checklist;
// the sample journal is kept apart from the user's own (index.html: empty).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as h from './harness.mjs';

describe('today', { skip: h.missingBuild() }, () => {
  let server;
  let browser;
  h.site((s) => ({ server, browser } = s));

  const rowTitles = (page) => page.locator('main ul.rows li.row .row-title').allInnerTexts();

  test('Done clears a follow-up for good; the sample journal stays apart', async (t) => {
    const phone = await h.newPhone(browser, server);
    t.after(() => phone.close());
    const { page } = phone;
    await h.open(page, '#/', { demo: true });
    await page.locator('main h1', { hasText: 'Today' }).waitFor();
    // testids number the rows of the list: the first Done is on whichever row has one
    const done0 = page.locator('[data-testid^="today-done-"]').first();
    await done0.waitFor();
    const doneId = await done0.getAttribute('data-testid');
    const rows = await page.locator('main ul.rows li.row').count();
    // the row that holds it, and what it is about
    const row = page.locator('main ul.rows li.row', { has: h.tid(page, doneId) });
    const kind = (await row.locator('.row-kind').innerText()).trim();
    const about = (await row.locator('.row-title').innerText()).trim();
    await h.tap(page, doneId);
    await h.eventually(async () => (await page.locator('main ul.rows li.row').count()) === rows - 1, {
      message: `the "${kind}" row for ${about} leaves the list`,
    });
    const left = async () =>
      page.evaluate(
        ([k, a]) =>
          [...document.querySelectorAll('main ul.rows li.row')].some(
            (r) => r.querySelector('.row-kind')?.textContent.trim() === k && r.querySelector('.row-title')?.textContent.trim() === a,
          ),
        [kind, about],
      );
    assert.equal(await left(), false);
    const kept = await page.evaluate(() => location.pathname);
    // (reload through the sample's own address: whether a plain reload stays in it is checked at the end)
    const sample = () =>
      h.eventually(async () => (await page.locator('main ul.rows li.row').count()) === rows - 1, {
        message: `demo.html opens the sample journal again on a later visit (the service worker now serves the files), with ${rows - 1} rows on Today`,
        timeout: 8000,
      });
    await page.goto(h.urlOf(server.url, '#/', { demo: true }));
    await h.journalOpen(page);
    await sample();
    assert.equal(await left(), false, 'still done after a reload');

    // a Prepare row, if the sample has one today, opens the checklist
    // (rows that open a lead share the prefix: pick the checklist's own)
    const open = page.locator('[data-testid^="today-open-"]', { hasText: 'Open checklist' }).first();
    if (await open.count()) {
      await open.tap();
      await h.tid(page, 'walking-in').waitFor();
      assert.match(await page.evaluate(() => location.hash), /^#\/prep\/[^/]+$/);
    }

    // the user's own journal is a different one: empty
    await page.goto(h.urlOf(server.url, '#/'));
    await h.journalOpen(page);
    await page.locator('main h1', { hasText: 'Today' }).waitFor();
    assert.match(await page.locator('main').innerText(), /Nothing due right now\./, 'index.html (not demo.html) is the user\'s own journal: empty');
    assert.deepEqual(await rowTitles(page), []);
    // and the sample is still there when asked for again
    await page.goto(h.urlOf(server.url, '#/', { demo: true }));
    await h.journalOpen(page);
    await sample();
    assert.equal(
      kept,
      '/demo.html',
      `the address stays on demo.html while the sample journal is open (it became ${kept} after the app started), so a reload stays in the sample instead of switching to the user's own journal`,
    );
    await phone.done();
  });
});

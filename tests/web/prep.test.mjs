// Prep: an interview added through a lead's form gets a checklist; a ticked
// item stays ticked after a reload. A second interview that overlaps the
// first shows the collision with a suggested new time (never a cancellation),
// and accepting the suggestion moves it. Mirrors step 3 of tests/e2e_desktop.rs.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as h from './harness.mjs';

describe('prep checklist and collisions', { skip: h.missingBuild() }, () => {
  let server;
  let browser;
  h.site((s) => ({ server, browser } = s));

  test('tick an item, reload, still ticked; an overlapping interview shows the conflict', async (t) => {
    const phone = await h.newPhone(browser, server);
    t.after(() => phone.close());
    const { page } = phone;
    await h.open(page, '#/prep');
    // the list arrives from the journal's worker: wait for it, not for "Loading…"
    await page.locator('main', { hasText: 'No interviews coming up.' }).waitFor();
    assert.match(await page.locator('main').innerText(), /No interviews coming up\./);

    // An interview tomorrow, through the lead page.
    await h.go(page, '#/leads');
    await h.addLead(page, 'Brightpath', 'Platform Engineer');
    const leadHash = await h.openLead(page, 'Brightpath');
    const first = await h.addInterview(page, 20 * 60, 45, 'screen');
    const row = page.locator('ul.rows li.row', { hasText: 'Screen' }).first();
    await row.waitFor();
    const rowText = await row.innerText();
    assert.ok(
      rowText.includes(first.shown),
      `the interview row shows the time that was entered (${first.shown}) in the phone's zone: ${JSON.stringify(rowText)}`,
    );
    assert.equal(await h.tid(page, 'conflict').count(), 0, 'no conflict with one interview');

    // Its checklist.
    await h.go(page, '#/prep');
    await h.tap(page, 'prep-open-0');
    await page.locator('h1', { hasText: 'Brightpath — Screen' }).waitFor();
    const progress = page.locator('.progress');
    const before = (await progress.innerText()).trim();
    const m = before.match(/^0 of (\d+) ready$/);
    assert.ok(m, `a fresh checklist: ${before}`);
    const item = h.tid(page, 'check-DayBefore-0');
    assert.equal(await item.isChecked(), false);
    await item.tap();
    await h.eventually(async () => (await progress.innerText()).trim() === `1 of ${m[1]} ready`, { message: 'progress 1 of N' });
    assert.equal(await item.isChecked(), true);
    await h.shot(page, 'web-checklist-ticked');
    const checklistHash = await page.evaluate(() => location.hash);
    assert.match(checklistHash, /^#\/prep\/[^/]+$/);

    await h.reload(page);
    await page.locator('h1', { hasText: 'Brightpath — Screen' }).waitFor();
    assert.equal(await h.tid(page, 'check-DayBefore-0').isChecked(), true, 'still ticked after a reload');
    assert.equal((await page.locator('.progress').innerText()).trim(), `1 of ${m[1]} ready`);

    // Walking in: the calm view opens and closes.
    await h.tap(page, 'walking-in');
    await page.getByRole('dialog', { name: 'Walking in' }).waitFor();
    await page.getByRole('button', { name: 'Back to the list' }).tap();
    await h.tid(page, 'walking-in').waitFor();

    // A second interview, for another lead, overlapping the first.
    await h.go(page, '#/leads');
    await h.addLead(page, 'Northwind', 'Backend Developer');
    await h.openLead(page, 'Northwind');
    await h.addInterview(page, 20 * 60 + 15, 60, 'technical');
    const conflict = h.tid(page, 'conflict');
    await conflict.waitFor({ state: 'visible', timeout: 10_000 });
    const said = await conflict.innerText();
    assert.match(said, /Two interviews collide/);
    assert.match(said, /overlaps 1 interview/);
    assert.match(said, /Keep the interview you already agreed to/);
    const sm = said.match(/Suggested new time:\s*(.+)/);
    assert.ok(sm, `a suggested time: ${said}`);
    const suggested = sm[1].trim();
    await h.shot(page, 'web-conflict');

    // Accept the suggestion: the new interview moves there.
    await page.getByRole('button', { name: 'Ask to move it to that time' }).tap();
    await conflict.waitFor({ state: 'detached' });
    const moved = page.locator('ul.rows li.row', { hasText: 'Technical' }).first();
    await h.eventually(async () => (await moved.innerText()).includes(suggested), {
      message: `the Northwind interview shows ${suggested}`,
    });
    await h.reload(page);
    await page.locator('ul.rows li.row', { hasText: 'Technical' }).first().waitFor();
    assert.ok(
      (await page.locator('ul.rows li.row', { hasText: 'Technical' }).first().innerText()).includes(suggested),
      'the move persisted',
    );

    // The first interview was not touched.
    await h.go(page, leadHash);
    await page.locator('h1', { hasText: 'Brightpath' }).waitFor();
    assert.ok((await page.locator('ul.rows li.row', { hasText: 'Screen' }).first().innerText()).includes(first.shown));
    await h.go(page, checklistHash);
    await page.locator('h1', { hasText: 'Brightpath — Screen' }).waitFor();
    assert.equal(await h.tid(page, 'check-DayBefore-0').isChecked(), true);
    await phone.done();
  });
});

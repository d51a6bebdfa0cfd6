// Zone rules in the browser: neither wasm module holds a time zone database;
// the page places a typed time with the browser's rules and the journal
// worker asks the browser's Intl. A phone in Paris (the harness's zone):
// a time in the spring gap is refused with the reason, a time after the
// clocks change shows as typed on both sides of the change, and the calendar
// export describes Paris with its winter and summer offsets.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import * as h from './harness.mjs';

describe('time zones without a zone database', { skip: h.missingBuild() }, () => {
  let server;
  let browser;
  h.site((s) => ({ server, browser } = s));

  async function addAt(page, date, time) {
    await h.tap(page, 'add-interview');
    const form = page.locator('form[aria-label="Add an interview"]');
    await form.waitFor();
    await form.locator('#iv-date').fill(date);
    await form.locator('#iv-time').fill(time);
    await form.locator('#iv-minutes').fill('45');
    await form.locator('button[type="submit"]').tap();
    return form;
  }

  test('the spring gap is refused, times either side of the change read as typed, the calendar knows Paris', async (t) => {
    const phone = await h.newPhone(browser, server);
    t.after(() => phone.close());
    const { page } = phone;
    assert.equal(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone), 'Europe/Paris');
    await h.open(page, '#/leads');
    await h.addLead(page, 'Tidewater', 'Analyst');
    await h.openLead(page, 'Tidewater');

    // 02:30 on 28 March 2027 does not exist in Paris (clocks go 02:00 -> 03:00)
    const form = await addAt(page, '2027-03-28', '02:30');
    const problem = form.locator('.field-error');
    await problem.waitFor();
    assert.match(await problem.innerText(), /does not exist in Europe\/Paris/);

    // the same form, an hour that exists: after the change, summer time
    await form.locator('#iv-time').fill('09:15');
    await form.locator('button[type="submit"]').tap();
    await page.locator('ul.rows li.row', { hasText: '09:15' }).first().waitFor();
    // and one before the change, winter time
    await addAt(page, '2027-03-26', '08:40');
    await page.locator('ul.rows li.row', { hasText: '08:40' }).first().waitFor();
    // the journal (the worker) keeps them at those wall-clock times, with their offsets
    const backup = await h.exportBackup(page);
    const starts = (backup.json.interviews || []).map((i) => i.plan.start).sort();
    assert.deepEqual(starts, [
      '2027-03-26T08:40:00+01:00[Europe/Paris]',
      '2027-03-28T09:15:00+02:00[Europe/Paris]',
    ]);

    // the calendar export: Paris described by its own offsets, from the browser's rules
    await h.go(page, '#/data');
    await h.tid(page, 'data-export-ics').waitFor();
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), h.tap(page, 'data-export-ics')]);
    const ics = readFileSync(await file.path(), 'utf8');
    assert.match(ics, /BEGIN:VTIMEZONE\r\nTZID:Europe\/Paris/);
    assert.match(ics, /TZOFFSETTO:\+0200/);
    assert.match(ics, /TZOFFSETTO:\+0100/);
    assert.match(ics, /BEGIN:DAYLIGHT/);
    assert.match(ics, /DTSTART;TZID=Europe\/Paris:20270328T091500/);
    assert.match(ics, /DTSTART;TZID=Europe\/Paris:20270326T084000/);
  });
});

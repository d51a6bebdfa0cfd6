// The reps tracker: an interview that has been held counts as a rep, and the
// confidence given in its debrief (quick capture, which defaults to the
// interview that just ended) appears on the chart. Mirrors steps 2–3 of
// tests/e2e_desktop.rs.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as h from './harness.mjs';

describe('reps tracker', { skip: h.missingBuild() }, () => {
  let server;
  let browser;
  h.site((s) => ({ server, browser } = s));

  async function repsFigures(page) {
    await h.go(page, '#/reps');
    await page.locator('h1', { hasText: 'Reps' }).waitFor();
    const total = (await h.textOf(page, 'reps-total')).replace(/\s+/g, ' ');
    const chart = h.tid(page, 'confidence-chart');
    await chart.waitFor();
    return {
      total,
      label: await chart.getAttribute('aria-label'),
      dots: await chart.locator('circle.after-dot').count(),
      line: await chart.locator('polyline.after').count(),
    };
  }

  test('a held interview is a rep; its debrief confidence feeds the chart', async (t) => {
    const phone = await h.newPhone(browser, server);
    t.after(() => phone.close());
    const { page } = phone;
    await h.open(page, '#/reps');
    const empty = await repsFigures(page);
    assert.equal(empty.total, '0 reps');
    assert.match(empty.label, /Rate your confidence after an interview/);
    assert.equal(empty.dots, 0);
    assert.match(await page.locator('main').innerText(), /Your first rep is waiting\./);

    // An interview that ended an hour ago.
    await h.go(page, '#/leads');
    await h.addLead(page, 'Northwind', 'Backend Developer');
    await h.openLead(page, 'Northwind');
    await h.addInterview(page, -120, 60, 'screen');
    await page.locator('ul.rows li.row', { hasText: 'Screen' }).first().waitFor();

    const held = await repsFigures(page);
    assert.equal(held.total, '1 rep', 'the held interview counts');
    assert.match(held.label, /Rate your confidence/, 'no confidence yet');
    assert.equal(held.dots, 0);

    // Today asks for the debrief.
    await h.go(page, '#/');
    await page.getByRole('button', { name: /Capture how it went: .*Northwind/ }).waitFor();

    // Quick capture defaults to it; confidence 4 and a line of what went well.
    await h.go(page, '#/capture');
    const about = h.tid(page, 'capture-about');
    await about.waitFor();
    await h.eventually(async () => (await about.inputValue()) !== '', {
      message: 'quick capture picks the interview that just ended',
    });
    assert.match(await about.locator('option:checked').innerText(), /Northwind/);
    await h.tap(page, 'confidence-4');
    await h.eventually(async () => (await h.tid(page, 'confidence-4').getAttribute('aria-pressed')) === 'true', {
      message: 'confidence 4 is shown as picked',
    });
    await h.tid(page, 'capture-went-well').tap();
    await page.keyboard.type('Explained the billing migration clearly', { delay: 20 });
    await h.eventually(async () => (await h.textOf(page, 'save-state')) === 'Saved', { message: 'saved' });

    const rated = await repsFigures(page);
    assert.equal(rated.total, '1 rep');
    assert.match(rated.label, /After your first rated rep: 4 out of 5/);
    assert.equal(rated.dots, 1, 'one dot on the chart');
    assert.notDeepEqual(rated, held, 'the chart changed');
    await h.shot(page, 'web-reps-one-rep');

    await h.reload(page);
    assert.deepEqual(await repsFigures(page), rated, 'the same after a reload');

    // The lead page shows the debrief.
    await h.go(page, '#/leads');
    await h.openLead(page, 'Northwind');
    assert.match(await page.locator('main').innerText(), /Went well: Explained the billing migration clearly/);
    await phone.done();
  });
});

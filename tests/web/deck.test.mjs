// The swipe deck on a phone, with real touch swipes (CDP touch events):
// right takes, left asks why and answers a weak reason with a counter-point
// (Reconsider brings the lead back, Keep my pass keeps it), up asks for more
// info, a short swipe snaps back, and Undo reverses the last decision. Mirrors
// step 1 of tests/e2e_desktop.rs; after a reload the pipeline shows what was
// decided.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as h from './harness.mjs';

const LEADS = ['Alpha Labs', 'Beta Works', 'Gamma Co', 'Delta Ltd', 'Epsilon', 'Zeta Partners'];

describe('deck triage by touch', { skip: h.missingBuild() }, () => {
  let server;
  let browser;
  h.site((s) => ({ server, browser } = s));

  /** Swipes the top card by (dx, dy); returns the card's transform read while the finger is still down. */
  async function swipe(page, cdp, dx, dy, { holdMs = 60 } = {}) {
    const card = h.tid(page, 'deck-card');
    await card.waitFor({ state: 'visible' });
    await h.settledTransform(page, 150); // a new top card may still be sliding into place
    const from = await h.centre(card);
    const { held, steps } = await h.touchSwipe(page, cdp, from, { x: from.x + dx, y: from.y + dy }, 10, {
      holdMs,
      onStep: () => h.cardTransform(page),
      onHold: async () => ({
        ...(await h.cardTransform(page)),
        hint: await page.evaluate(() => document.querySelector('[data-testid="deck-card"] .hint')?.textContent ?? null),
      }),
    });
    return { held, steps };
  }

  async function topBecomes(page, company) {
    return h.eventually(async () => (await h.topCompany(page)) === company, {
      message: `the top card is ${company}`,
      timeout: 10_000,
    });
  }

  test('swipes decide, the counter-point offers Reconsider, undo reverses, all of it persists', async (t) => {
    const phone = await h.newPhone(browser, server);
    t.after(() => phone.close());
    const { page } = phone;
    await h.open(page, '#/leads');
    await page.locator('h1', { hasText: 'Leads' }).waitFor();
    assert.match(await page.locator('main').innerText(), /No leads waiting\./, 'a fresh browser starts with an empty deck');

    for (const c of LEADS) await h.addLead(page, c);
    assert.equal(await h.topCompany(page), LEADS[0], 'the oldest lead is on top');
    assert.match(await page.locator('.deck-count').innerText(), /6 to decide/);
    await h.shot(page, 'web-deck-before');
    const cdp = await phone.cdp();

    // A short swipe follows the finger, then snaps back: nothing decided.
    const short = await swipe(page, cdp, 60, 4, { holdMs: 80 });
    assert.ok(short.held, 'the card is there mid-swipe');
    assert.ok(!short.held.identity && short.held.x > 30, `mid-swipe the card follows the finger right: ${short.held.raw}`);
    const xs = short.steps.map((s) => s?.x ?? 0);
    assert.ok(xs.at(-1) > xs[1], `the card moved further as the finger moved: ${xs.join(', ')}`);
    const rest = await h.settledTransform(page);
    assert.ok(rest && Math.abs(rest.x) < 0.5 && Math.abs(rest.y) < 0.5, `after a short swipe it snaps back: ${rest?.raw}`);
    assert.equal(await h.topCompany(page), LEADS[0], 'a short swipe decides nothing');

    // Right: take Alpha Labs.
    const right = await swipe(page, cdp, 180, 8);
    assert.ok(right.held.x > 110, `mid-swipe right the card is translated right: ${right.held.raw}`);
    assert.equal(right.held.hint, 'Take it', 'past the threshold the card says "Take it"');
    assert.equal(short.held.hint, null, 'below the threshold no hint');
    await topBecomes(page, 'Beta Works');

    // Left on Beta Works: the sheet asks why; a weak reason gets the counter-point; Reconsider.
    const left = await swipe(page, cdp, -180, 10);
    assert.ok(left.held.x < -110, `mid-swipe left the card is translated left: ${left.held.raw}`);
    assert.equal(left.held.hint, 'Pass');
    const sheet = page.getByRole('dialog', { name: 'Why pass on Beta Works?' });
    await sheet.waitFor();
    await h.tap(page, 'reason-6'); // "They'll probably say no"
    await h.tid(page, 'reconsider').waitFor();
    const counter = (await page.locator('.counterpoint').innerText()).trim();
    assert.match(counter, /Passed on Beta Works/);
    assert.match(counter, /one more rep/, 'the counter-point to fear of rejection');
    await h.shot(page, 'web-deck-counterpoint');
    await h.tap(page, 'reconsider');
    await topBecomes(page, 'Beta Works');

    // Left again on Beta Works, with a strong reason: no counter-point.
    await swipe(page, cdp, -180, 0);
    await page.getByRole('dialog', { name: 'Why pass on Beta Works?' }).waitFor();
    await h.tap(page, 'reason-0'); // "Outside my skills"
    await topBecomes(page, 'Gamma Co');
    assert.equal(await h.tid(page, 'reconsider').count(), 0, 'a strong reason gets no counter-point');

    // Left on Gamma Co with a weak reason, and keep the pass.
    await swipe(page, cdp, -170, -5);
    await page.getByRole('dialog', { name: 'Why pass on Gamma Co?' }).waitFor();
    await h.tap(page, 'reason-5'); // "No time"
    await h.tid(page, 'keep-pass').waitFor();
    await h.tap(page, 'keep-pass');
    await topBecomes(page, 'Delta Ltd');

    // Up on Delta Ltd: more info (it goes to the back of the deck).
    const up = await swipe(page, cdp, 5, -200);
    assert.ok(up.held.y < -110, `mid-swipe up the card is translated up: ${up.held.raw}`);
    assert.equal(up.held.hint, 'More info');
    await topBecomes(page, 'Epsilon');

    // A button: take Epsilon… and undo that.
    await h.tap(page, 'deck-take');
    await topBecomes(page, 'Zeta Partners');
    await h.tap(page, 'deck-undo');
    await topBecomes(page, 'Epsilon');
    await h.shot(page, 'web-deck-after');

    const expected = {
      New: ['Epsilon', 'Zeta Partners'],
      'Need more info': ['Delta Ltd'],
      'Taking the interview': ['Alpha Labs'],
      Passed: ['Beta Works', 'Gamma Co'],
    };
    const sorted = (p) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, [...v].sort()]).sort());
    assert.deepEqual(sorted(await h.pipeline(page)), sorted(expected), 'the pipeline before reload');

    // Everything persisted.
    await h.reload(page);
    await page.locator('section.pipeline').waitFor();
    assert.deepEqual(sorted(await h.pipeline(page)), sorted(expected), 'the pipeline after reload');
    assert.match(await page.locator('.deck-count').innerText(), /3 to decide/);

    // The lead pages tell the same story.
    await h.openLead(page, 'Beta Works');
    const beta = await page.locator('main').innerText();
    assert.match(beta, /Passed/);
    assert.match(beta, /Outside my skills/, 'the pass reason is kept');
    assert.match(beta, /\(undone\)/, 'the reconsidered pass shows as undone');
    await h.go(page, '#/leads');
    await h.openLead(page, 'Epsilon');
    assert.match(await page.locator('.screen-head .sub').innerText(), /· New$/, 'the undone take left Epsilon new');
    await phone.done();
  });

  test('a fast fling is not lost and a cancelled touch decides nothing', async (t) => {
    const phone = await h.newPhone(browser, server);
    t.after(() => phone.close());
    const { page } = phone;
    await h.open(page, '#/leads');
    await h.addLead(page, 'Fling Co');
    await h.addLead(page, 'Cancel Co');
    const cdp = await phone.cdp();
    // three moves, no pause: a flick
    const card = h.tid(page, 'deck-card');
    const from = await h.centre(card);
    await h.touchSwipe(page, cdp, from, { x: from.x + 170, y: from.y }, 3, { stepMs: 5 });
    await h.eventually(async () => (await h.topCompany(page)) === 'Cancel Co', { message: 'the fling took Fling Co' });
    // touchCancel mid-way (the system took the touch), below the threshold: the card comes back
    await h.settledTransform(page, 150);
    const c2 = await h.centre(card);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: c2.x, y: c2.y, id: 2 }] });
    for (let i = 1; i <= 3; i++) {
      await h.sleep(16);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: c2.x + i * 30, y: c2.y, id: 2 }] });
    }
    const mid = await h.cardTransform(page);
    assert.ok(mid.x > 30, `the card followed the finger before the cancel: ${mid.raw}`);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchCancel', touchPoints: [] });
    const rest = await h.settledTransform(page);
    assert.equal(await h.topCompany(page), 'Cancel Co', 'a cancelled touch decides nothing');
    assert.ok(Math.abs(rest.x) < 0.5 && Math.abs(rest.y) < 0.5, `the card is back in place: ${rest.raw}`);
    // and the next real swipe still works
    await h.touchSwipe(page, cdp, c2, { x: c2.x - 170, y: c2.y }, 8);
    await page.getByRole('dialog', { name: 'Why pass on Cancel Co?' }).waitFor();
    await page.getByRole('button', { name: 'Back to the card' }).tap();
    await h.eventually(async () => (await h.topCompany(page)) === 'Cancel Co', { message: 'back to the card' });
    const back = await h.settledTransform(page);
    assert.ok(Math.abs(back.x) < 0.5, `"Back to the card" shows it in place: ${back.raw}`);
    await h.reload(page);
    const p = await h.pipeline(page);
    assert.deepEqual(p['Taking the interview'], ['Fling Co'], JSON.stringify(p));
    assert.deepEqual(p.New, ['Cancel Co'], JSON.stringify(p));
    await phone.done();
  });
});

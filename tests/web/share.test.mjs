// Leads from where they are found, in the browser: the installed web app's
// share target (the manifest's share_target, called as the browser calls it
// when another app shares into Reps) puts the posting in the deck as a lead
// to check; a reload adds nothing and loses nothing; the same posting shared
// again is "already in your deck". And a posting pasted into Add a lead
// fills the form; the ad is kept, shown on the lead page and found by search.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import * as h from './harness.mjs';

const SHARED = {
  title: 'Senior Platform Engineer - Initech | LinkedIn',
  text: 'Check out this job at Initech: Senior Platform Engineer. Remote (EU), €90k–€110k a year.',
  url: 'https://www.linkedin.com/jobs/view/4000000001/',
};

/** The address the browser opens for a share, from the manifest itself. */
function shareUrl(base, shared) {
  const manifest = JSON.parse(readFileSync(join(h.DIST, 'manifest.webmanifest'), 'utf8'));
  const target = manifest.share_target;
  assert.equal(target.method, 'GET', 'a share target that needs no server');
  const action = new URL(target.action, `${base}/manifest.webmanifest`);
  for (const [field, name] of Object.entries(target.params)) {
    if (shared[field] !== undefined) action.searchParams.set(name, shared[field]);
  }
  return action.toString();
}

describe('sharing into the web app', { skip: h.missingBuild() }, () => {
  let server;
  let browser;
  h.site((s) => ({ server, browser } = s));

  test('a share lands in the deck once, survives reloads and is checked with one tap', async (t) => {
    const phone = await h.newPhone(browser, server);
    t.after(() => phone.close());
    const { page } = phone;
    // the app has been used before: its journal exists
    await h.open(page, '#/');

    await page.goto(shareUrl(server.url, SHARED), { waitUntil: 'load' });
    await h.journalOpen(page);
    const notice = h.tid(page, 'shared-notice');
    await notice.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await notice.innerText(), /Added to your deck: Initech — Senior Platform Engineer\./);
    // the address lost the share, so a reload cannot bring it again
    await page.waitForFunction(() => location.search === '');
    assert.match(await page.evaluate(() => location.hash), /^#\/leads/);
    assert.equal(await h.topCompany(page), 'Initech');
    const check = h.tid(page, 'deck-check');
    assert.match(await check.innerText(), /Read from a shared posting: check the details\./);
    const facts = await page.locator('[data-testid="deck-card"] .card-facts').innerText();
    assert.match(facts, /90,000–110,000 EUR a year/);
    assert.match(facts, /Remote/);
    await h.shot(page, 'web-share-landed');

    // a reload loses nothing and adds nothing
    await h.reload(page);
    await h.go(page, '#/leads');
    await h.eventually(async () => (await h.topCompany(page)) === 'Initech', { message: 'the lead is still there' });
    assert.equal(await notice.count(), 0, 'nothing is said again after a reload');
    assert.match(await page.locator('.deck-count').innerText(), /^1 to decide/);

    // shared a second time from the other app: already there
    await page.goto(shareUrl(server.url, SHARED), { waitUntil: 'load' });
    await h.journalOpen(page);
    await notice.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await notice.innerText(), /You already have this one: Initech — Senior Platform Engineer\./);
    await h.tap(page, 'shared-notice-ok');
    await notice.waitFor({ state: 'detached' });
    assert.match(await page.locator('.deck-count').innerText(), /^1 to decide/);

    // "Looks right": checked, and it stays checked
    await h.tap(page, 'deck-check-ok');
    await check.waitFor({ state: 'detached' });
    await h.reload(page);
    await h.go(page, '#/leads');
    await h.eventually(async () => (await h.topCompany(page)) === 'Initech', { message: 'still in the deck' });
    assert.equal(await check.count(), 0, 'checked once is checked');
  });

  test('a bare link asks for what it cannot tell; a pasted ad fills the form and is kept', async (t) => {
    const phone = await h.newPhone(browser, server);
    t.after(() => phone.close());
    const { page } = phone;
    await h.open(page, '#/');
    // a link alone: the lead is there, the card asks to fill it in
    await page.goto(shareUrl(server.url, { url: 'https://www.linkedin.com/jobs/view/4000000002/' }), { waitUntil: 'load' });
    await h.journalOpen(page);
    await h.tid(page, 'shared-notice').waitFor({ state: 'visible', timeout: 15_000 });
    // the note goes by itself after a few seconds
    await h.tid(page, 'shared-notice').waitFor({ state: 'detached', timeout: 15_000 });
    assert.equal(await h.topCompany(page), 'Company not known yet');
    assert.match(await h.tid(page, 'deck-check').innerText(), /fill in what Reps could not tell/);
    assert.equal(await h.tid(page, 'deck-check-ok').count(), 0, 'nothing to confirm yet');
    await h.tap(page, 'deck-check-fix');
    // the lead page opens with its form ready
    await page.locator('#e-company').waitFor({ state: 'visible' });
    await page.locator('#e-company').fill('Globex');
    await page.locator('#e-role').fill('Data Engineer');
    await page.locator('form[aria-label="Edit the lead"] button[type="submit"]').tap();
    await page.locator('h1', { hasText: 'Globex' }).waitFor();

    // a pasted ad fills Add a lead
    await h.go(page, '#/leads');
    await h.tap(page, 'add-lead');
    const ad =
      'Softwareentwickler (m/w/d) bei Muster GmbH in Hamburg | StepStone\n' +
      'Gehalt: 55.000 – 65.000 € brutto/Jahr, Homeoffice möglich.\n' +
      'Sie entwickeln unsere Lagerverwaltung in Rust weiter.';
    await h.tid(page, 'lead-paste').fill(ad);
    await h.tap(page, 'lead-paste-fill');
    await h.eventually(async () => (await h.tid(page, 'lead-company').inputValue()) === 'Muster GmbH', {
      message: 'the company is filled in',
    });
    assert.equal(await h.tid(page, 'lead-role').inputValue(), 'Softwareentwickler');
    assert.match(await h.tid(page, 'lead-paste-note').innerText(), /Filled in from the posting/);
    await h.shot(page, 'web-share-paste-filled');
    await h.withoutReload(page, 'Adding the pasted lead', () => h.tap(page, 'lead-save'));
    await h.pipelineRow(page, 'Muster GmbH').waitFor({ state: 'visible' });
    await h.openLead(page, 'Muster GmbH');
    const kept = h.tid(page, 'lead-ad');
    await kept.locator('summary').tap();
    assert.match(await kept.innerText(), /Lagerverwaltung in Rust/);
    // and found by search through the ad's words
    await h.go(page, '#/search');
    await h.tid(page, 'search-box').fill('Lagerverwaltung');
    await h.tid(page, 'search-results').filter({ hasText: 'Muster GmbH' }).waitFor();
  });

  test('the manifest offers Reps as a share target for text and links', async () => {
    const manifest = JSON.parse(readFileSync(join(h.DIST, 'manifest.webmanifest'), 'utf8'));
    assert.deepEqual(Object.keys(manifest.share_target.params).sort(), ['text', 'title', 'url']);
    assert.ok(new URL(manifest.share_target.action, 'https://x/app/').href.startsWith('https://x/app/'), 'inside the scope');
  });
});

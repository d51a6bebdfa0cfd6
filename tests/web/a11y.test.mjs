// Accessibility: axe-core on every screen — Today, Leads, a lead, Capture,
// Prep, a checklist, Reps, People, Data, Offers, Search, a message — over an empty journal (a fresh
// browser) and the sample journal (`demo.html`), in light and dark; plus the
// dialogs (pass sheet, counter-point, walking in) and the add-lead form.
// Fails on any serious or critical violation; prints a table of counts. Saves
// a phone-size screenshot of every screen in both themes
// (`web-<screen>-<theme>.png`, `web-<screen>-empty-<theme>.png`).

import { after, describe, test } from 'node:test';
import * as h from './harness.mjs';

describe('accessibility of every screen', { skip: h.missingBuild() }, () => {
  let server;
  let browser;
  const all = [];
  h.site((s) => ({ server, browser } = s));
  after(() => {
    if (all.length) console.log(`\naxe-core ${'-'.repeat(60)}\n${h.axeTable(all)}\nscreenshots: ${h.SHOTS}\n`);
  });

  /** Waits until the screen has loaded its data (no "Loading…" left). */
  async function settled(page, title) {
    if (title) await page.locator('main h1', { hasText: title }).first().waitFor();
    await page.waitForFunction(() => !document.querySelector('main .loading'), null, { timeout: 10_000 });
    await page.evaluate(() => document.fonts?.ready);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }

  async function screens({ theme, demo }) {
    const phone = await h.newPhone(browser, server, { colorScheme: theme, bypassCSP: true });
    const { page } = phone;
    const tag = `${demo ? 'demo' : 'empty'} ${theme}`;
    const results = [];
    const audit = async (name) => {
      results.push(await h.axeAudit(page, `${name} (${tag})`, { fail: false }));
      await h.shot(page, `web-${name}${demo ? '' : '-empty'}-${theme}`);
    };
    try {
      await h.open(page, '#/', { demo });
      await settled(page, 'Today');
      await audit('today');

      await h.go(page, '#/leads');
      await settled(page, 'Leads');
      await audit('leads');

      if (demo) {
        // the dialogs and the form, over the sample deck
        await h.tap(page, 'add-lead');
        await h.tid(page, 'lead-company').waitFor();
        await audit('leads-add-form');
        await page.getByRole('button', { name: 'Cancel' }).tap();
        await h.tap(page, 'deck-pass');
        await page.getByRole('dialog').first().waitFor();
        await audit('leads-pass-sheet');
        await h.tap(page, 'reason-6');
        await h.tid(page, 'reconsider').waitFor();
        await audit('leads-counterpoint');
        await h.tap(page, 'reconsider');
        await h.tid(page, 'deck-card').waitFor();
      }

      if (!demo) {
        await h.go(page, '#/capture');
        await settled(page, 'Capture');
        await audit('capture');
        await h.go(page, '#/prep');
        await settled(page, 'Prep');
        await audit('prep');
        await h.go(page, '#/reps');
        await settled(page, 'Reps');
        await audit('reps');
        await h.go(page, '#/people');
        await settled(page, 'People');
        await audit('people');
        await h.go(page, '#/data');
        await h.tid(page, 'data-export').waitFor();
        await settled(page);
        await audit('data');
        // a lead and a checklist need one lead and one interview
        await h.go(page, '#/leads');
        await h.addLead(page, 'Acme Robotics', 'Engineer');
      }

      const first = demo ? 'Northwind Logistics' : 'Acme Robotics';
      await h.openLead(page, first);
      if (!demo) {
        await h.addInterview(page, 26 * 60, 60, 'screen');
        await page.locator('ul.rows li.row', { hasText: 'Screen' }).first().waitFor();
      }
      await settled(page, first);
      await audit('lead');

      if (demo) {
        await h.go(page, '#/capture');
        await settled(page, 'Capture');
        await audit('capture');
      }
      await h.go(page, '#/prep');
      await settled(page, 'Prep');
      if (demo) await audit('prep');
      await h.tap(page, 'prep-open-0');
      await h.tid(page, 'walking-in').waitFor();
      await settled(page);
      await audit('checklist');
      if (demo) {
        await h.tap(page, 'walking-in');
        await page.getByRole('dialog', { name: 'Walking in' }).waitFor();
        await audit('checklist-walking-in');
        await page.getByRole('button', { name: 'Back to the list' }).tap();
        for (const [hash, title, name] of [
          ['#/reps', 'Reps', 'reps'],
          ['#/people', 'People', 'people'],
        ]) {
          await h.go(page, hash);
          await settled(page, title);
          await audit(name);
        }
        await h.go(page, '#/data');
        await h.tid(page, 'data-export').waitFor();
        await settled(page);
        await audit('data');
        // follow-through: offers side by side, search, a message
        await h.go(page, '#/offers');
        await h.tid(page, 'offers-compare').waitFor();
        await settled(page, 'Offers');
        await audit('offers');
        await h.go(page, '#/search');
        await h.tid(page, 'search-box').fill('intervew');
        await h.tid(page, 'search-results').waitFor();
        await settled(page, 'Search');
        await audit('search');
        await h.openLead(page, 'Northwind Logistics');
        await h.tap(page, 'write-accept-offer');
        await h.tid(page, 'msg-body').waitFor();
        await settled(page, 'Accept the offer');
        await audit('message');
      }
      all.push(...results);
      h.assertNoSeriousAxe(results);
      await phone.done();
    } catch (e) {
      all.push(...results);
      await phone.close();
      throw e;
    }
  }

  for (const demo of [false, true])
    for (const theme of ['light', 'dark'])
      test(`${demo ? 'sample journal' : 'empty journal'}, ${theme}`, () => screens({ theme, demo }));
});

// Storage full: with the origin's quota squeezed (CDP
// Storage.overrideQuotaForOrigin), adding a lead fails with a plain message
// that mentions storage, and nothing saved before is lost; once space is back
// (override removed, page reloaded) everything is there and saving works.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as h from './harness.mjs';

const STORAGE_WORDS = /storage|space|full|quota/i;

describe('storage quota', { skip: h.missingBuild() }, () => {
  let server;
  let browser;
  h.site((s) => ({ server, browser } = s));

  /** Every alert on the page, as text. */
  async function alerts(page) {
    return page.evaluate(() =>
      [...document.querySelectorAll('[role="alert"], .field-error, .error, [data-testid="save-state"].failed')]
        .map((e) => e.textContent.trim())
        .filter(Boolean),
    );
  }

  test('a full disk is reported in plain words and loses nothing', async (t) => {
    const phone = await h.newPhone(browser, server);
    t.after(() => phone.close());
    const { page } = phone;
    await h.open(page, '#/leads');
    const kept = ['Kept One', 'Kept Two'];
    for (const c of kept) await h.addLead(page, c);
    await h.tap(page, 'deck-take'); // Kept One: taken
    await h.eventually(async () => (await h.topCompany(page)) === 'Kept Two', { message: 'Kept One taken' });
    const before = await h.pipeline(page);

    const cdp = await phone.cdp();
    const origin = new URL(server.url).origin;
    const usage = await cdp.send('Storage.getUsageAndQuota', { origin });
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
    // a failed write may also be logged by the app or the browser
    phone.allow(STORAGE_WORDS);
    phone.allow(/QuotaExceeded/);

    // Try to add a lead. It may fit in space the file already has; then write
    // what surely needs more (60 KB of notes on a lead, a few times) until the
    // journal has to grow its file, which must be refused. With space back,
    // nothing acknowledged may be lost.
    let refused = null;
    let broken = null;
    const added = [];
    const edited = [];
    /** Waits for the outcome of a save: an alert, a broken journal, or `saved()` true. */
    const outcome = (what, saved) =>
      h.eventually(
        async () => {
          const state = await page.evaluate(() => document.documentElement.dataset.journal).catch(() => null);
          if (state === 'failed') return { broken: (await page.locator('body').innerText()).trim() };
          if (state !== 'open') return false; // reloading
          const a = await alerts(page);
          if (a.length) return { alert: a.join(' | ') };
          return (await saved()) ? { saved: true } : false;
        },
        { message: `${what} is saved or refused`, timeout: 20_000 },
      );
    const record = (o, onSaved) => {
      if (o.alert) refused = o.alert;
      else if (o.broken) broken = o.broken;
      else onSaved();
    };

    await h.go(page, '#/leads');
    if (!(await h.tid(page, 'lead-company').isVisible())) await h.tap(page, 'add-lead');
    await h.tid(page, 'lead-company').fill('Squeezed In');
    await h.tid(page, 'lead-role').fill('Engineer');
    await h.tap(page, 'lead-save');
    record(
      await outcome('the lead', async () => (await h.tid(page, 'add-lead').isVisible()) && (await h.pipelineRow(page, 'Squeezed In').count()) > 0),
      () => added.push('Squeezed In'),
    );
    for (let i = 0; i < 4 && !refused && !broken; i++) {
      const lead = kept[i % kept.length];
      const note = `Round ${i}: ${'I saw the team demo the product and it was honest about its limits. '.repeat(900)}`.slice(0, 60_000);
      await h.go(page, '#/leads');
      await h.openLead(page, lead);
      await h.tap(page, 'edit-lead');
      await page.locator('#e-seen').fill(note);
      await page.locator('form[aria-label="Edit the lead"] button[type="submit"]').tap();
      record(
        await outcome(`the notes on ${lead}`, async () => (await h.tid(page, 'edit-lead').isVisible()) && (await page.locator('main').innerText()).includes(`Round ${i}:`)),
        () => edited.push({ lead, round: i }),
      );
    }
    await h.shot(page, 'web-quota-full');
    const size = await page
      .evaluate(async () => {
        const root = await navigator.storage.getDirectory();
        for await (const [name, f] of root.entries()) if (f.kind === 'file') return `${name}: ${(await f.getFile()).size} bytes`;
        return 'no file';
      })
      .catch((e) => String(e));

    // Space again: the journal must open with everything acknowledged.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await page.reload();
    await page.waitForFunction(() => ['open', 'failed'].includes(document.documentElement.dataset.journal), null, {
      timeout: h.OPEN_TIMEOUT,
    });
    const state = await page.evaluate(() => document.documentElement.dataset.journal);
    const story =
      `with a 1-byte quota: lead(s) shown as saved: ${added.join(', ') || 'none'}; notes shown as saved: ${edited.map((e) => `${e.lead} round ${e.round}`).join(', ') || 'none'}` +
      (refused ? `, then refused with: ${JSON.stringify(refused)}` : '') +
      (broken ? `, then the journal stopped opening: ${JSON.stringify(broken)}` : '') +
      `; journal file ${size}; usage before ${usage.usage} bytes`;
    if (state !== 'open') {
      await h.shot(page, 'web-quota-after');
      assert.fail(`after the quota was lifted the journal no longer opens — ${story}. The page says: ${(await page.locator('body').innerText()).trim()}`);
    }
    await h.go(page, '#/leads');
    await page.locator('section.pipeline').waitFor();
    const after = await h.pipeline(page);
    for (const [stage, leads] of Object.entries(before))
      for (const l of leads) assert.ok(after[stage]?.includes(l), `${l} kept under ${stage} after the reload (${story}): ${JSON.stringify(after)}`);
    for (const name of added) assert.ok(after.New?.includes(name), `${name} was shown as saved, so it must be kept (${story}): ${JSON.stringify(after)}`);
    for (const { lead, round } of edited.slice(-kept.length)) {
      await h.go(page, '#/leads');
      await h.openLead(page, lead);
      assert.match(await page.locator('main').innerText(), new RegExp(`Round ${round}:`), `the notes on ${lead} shown as saved are kept (${story})`);
    }
    assert.ok(refused, `no refusal: ${story}`);
    assert.match(refused, STORAGE_WORDS, `the message says it is about storage: ${JSON.stringify(refused)}`);
    assert.doesNotMatch(refused, /panic|unwrap|RuntimeError|undefined|\bErr\(|\{.*:.*\}/, `plain words: ${refused}`);

    // and saving works again
    await h.addLead(page, 'After The Storm');
    await h.reload(page);
    await h.pipelineRow(page, 'After The Storm').waitFor();
    await phone.done();
  });
});

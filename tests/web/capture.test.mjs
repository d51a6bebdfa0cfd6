// Quick capture: a debrief typed on the phone keyboard is saved as it is
// typed. Reloading in the middle of the sentence (the web's closest thing to
// the desktop test's SIGKILL) keeps an in-order prefix of what was typed; once
// the screen says "Saved", a reload keeps all of it. Mirrors step 2 of
// tests/e2e_desktop.rs.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as h from './harness.mjs';

const SENTENCE = 'Explained the billing migration clearly and calmly, then asked about the on-call rota';

describe('quick capture', { skip: h.missingBuild() }, () => {
  let server;
  let browser;
  h.site((s) => ({ server, browser } = s));

  /** What the exported journal holds in debrief notes (to tell "lost" from "not shown"). */
  async function savedNotes(page) {
    try {
      const b = await h.exportBackup(page);
      return (b.json?.debriefs || []).map((d) => d.body?.went_well).filter(Boolean);
    } catch (e) {
      return [`(could not export: ${e.message.split('\n')[0]})`];
    }
  }

  function verdict(saved, ok) {
    if (saved.some((n) => n.startsWith('(could not export'))) return 'whether it was saved could not be checked (no export)';
    return saved.some(ok) ? 'the text was saved, but the capture screen does not show the draft again' : 'the typed text is not in the journal';
  }

  async function typeInto(page, text, delay) {
    const notes = h.tid(page, 'capture-went-well');
    await notes.waitFor({ state: 'visible' });
    await notes.tap();
    await page.keyboard.type(text, { delay });
  }

  test('a reload mid-sentence keeps what was typed so far, in order', async (t) => {
    const phone = await h.newPhone(browser, server);
    t.after(() => phone.close());
    const { page } = phone;
    await h.open(page, '#/capture');
    assert.match(await h.textOf(page, 'save-state'), /Start typing/);
    const part = SENTENCE.slice(0, 34);
    await typeInto(page, part, 70); // ~2.4 s of typing
    const onScreen = await h.tid(page, 'capture-went-well').inputValue();
    assert.equal(onScreen, part, 'the field shows exactly what was typed, in order');
    // no waiting for "Saved": reload right after the last key
    await h.reload(page);
    if (!(await page.evaluate(() => location.hash)).startsWith('#/capture')) await h.go(page, '#/capture');
    const notes = h.tid(page, 'capture-went-well');
    await notes.waitFor({ state: 'visible' });
    // the draft may be put back a moment after the field mounts
    let kept = '';
    try {
      kept = await h.eventually(async () => notes.inputValue(), { timeout: 5000, message: 'the draft is shown again' });
    } catch {
      kept = await notes.inputValue();
    }
    if (!kept) {
      const saved = await savedNotes(page);
      assert.fail(
        `after the reload the capture field is empty. The exported journal holds these debrief texts: ${JSON.stringify(saved)} — ` +
          verdict(saved, (n) => part.startsWith(n)),
      );
    }
    assert.ok(part.startsWith(kept), `${JSON.stringify(kept)} is a prefix of what was typed (${JSON.stringify(part)})`);
    assert.ok(kept.length >= 12, `at most the last fraction of a second is lost: ${JSON.stringify(kept)}`);
    await h.shot(page, 'web-capture-after-reload');
    await phone.done();
  });

  test('typing that has finished is all kept', async (t) => {
    const phone = await h.newPhone(browser, server);
    t.after(() => phone.close());
    const { page } = phone;
    await h.open(page, '#/capture');
    await typeInto(page, SENTENCE, 25);
    await h.eventually(async () => (await h.textOf(page, 'save-state')) === 'Saved', {
      message: 'the screen says "Saved"',
      timeout: 10_000,
    });
    assert.equal(await h.tid(page, 'capture-went-well').inputValue(), SENTENCE);
    await h.reload(page);
    if (!(await page.evaluate(() => location.hash)).startsWith('#/capture')) await h.go(page, '#/capture');
    const notes = h.tid(page, 'capture-went-well');
    await notes.waitFor({ state: 'visible' });
    let kept = '';
    try {
      kept = await h.eventually(async () => notes.inputValue(), { timeout: 5000, message: 'the draft is shown again' });
    } catch {
      kept = await notes.inputValue();
    }
    if (kept !== SENTENCE) {
      const saved = await savedNotes(page);
      assert.fail(
        `after "Saved" and a reload the field holds ${JSON.stringify(kept)}; the exported journal holds ${JSON.stringify(saved)} — ` +
          verdict(saved, (n) => n === SENTENCE),
      );
    }
    await phone.done();
  });
});

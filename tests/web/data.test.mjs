// The Data screen: export downloads the whole journal as a JSON backup;
// importing it into another browser's empty journal brings the leads over;
// a corrupt file and a JSON file that is not a Reps backup are refused with
// a clear message and change nothing.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as h from './harness.mjs';

describe('export and import', { skip: h.missingBuild() }, () => {
  let server;
  let browser;
  let dir;
  h.site((s) => ({ server, browser } = s));
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'reps-web-data-'));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const companies = (backup) => (backup.leads || []).map((l) => l.details?.company).sort();

  async function importFile(page, path) {
    await h.go(page, '#/data');
    const input = h.tid(page, 'data-import');
    await input.waitFor({ state: 'attached' });
    const message = h.tid(page, 'data-message');
    const before = (await message.count()) ? await message.innerText() : null;
    await input.setInputFiles(path);
    return h.eventually(
      async () => {
        if (!(await message.count()) || !(await message.isVisible())) return false;
        const now = (await message.innerText()).trim();
        return now && now !== before ? now : false;
      },
      { message: 'data-message shows the result', timeout: 15_000 },
    );
  }

  test('export, import into an empty journal, refuse bad files', async (t) => {
    // A journal with two leads, one of them taken.
    const a = await h.newPhone(browser, server);
    t.after(() => a.close());
    await h.open(a.page, '#/leads');
    await h.addLead(a.page, 'Alpha Labs', 'Engineer');
    await h.addLead(a.page, 'Beta Works', 'Designer');
    await h.tap(a.page, 'deck-take');
    await h.eventually(async () => (await h.topCompany(a.page)) === 'Beta Works', { message: 'Alpha taken' });

    const backup = await h.exportBackup(a.page);
    const today = await a.page.evaluate(() => {
      const d = new Date();
      const p = (n) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
    });
    assert.equal(backup.name, `reps-backup-${today}.json`, 'the file is named for the day');
    assert.ok(backup.json, `the file is JSON: ${backup.text.slice(0, 200)}`);
    assert.equal(backup.json.format, 'reps-backup');
    assert.equal(backup.json.version, 1);
    assert.deepEqual(companies(backup.json), ['Alpha Labs', 'Beta Works']);
    await h.shot(a.page, 'web-data-exported');
    await a.done();

    const good = join(dir, backup.name);
    writeFileSync(good, backup.text);
    const corrupt = join(dir, 'reps-backup-cut.json');
    writeFileSync(corrupt, backup.text.slice(0, Math.floor(backup.text.length / 2)));
    const foreign = join(dir, 'package.json');
    writeFileSync(foreign, JSON.stringify({ name: 'not-a-backup', leads: [{ company: 'Evil Corp' }] }));

    // A fresh browser: empty, then the backup.
    const b = await h.newPhone(browser, server);
    t.after(() => b.close());
    const { page } = b;
    await h.open(page, '#/data');
    await h.tid(page, 'data-export').waitFor();
    const said = await importFile(page, good);
    assert.doesNotMatch(said, /not|error|fail|could/i, `the import succeeded: ${said}`);
    await h.shot(page, 'web-data-imported');
    await h.go(page, '#/leads');
    await h.pipelineRow(page, 'Alpha Labs').waitFor();
    const expected = { 'Taking the interview': ['Alpha Labs'], New: ['Beta Works'] };
    assert.deepEqual(await h.pipeline(page), expected);
    await h.reload(page);
    assert.deepEqual(await h.pipeline(page), expected, 'the import persisted');

    // A cut-short file: refused, clearly, nothing changed.
    const cut = await importFile(page, corrupt);
    assert.match(cut, /not a readable backup|cut short|could not|can't|cannot|not read/i, `a clear refusal: ${cut}`);
    await h.shot(page, 'web-data-corrupt');
    // A JSON file that is not a backup: refused, clearly, nothing changed.
    const other = await importFile(page, foreign);
    assert.match(other, /not a Reps backup/i, `a clear refusal: ${other}`);
    await h.go(page, '#/leads');
    assert.deepEqual(await h.pipeline(page), expected, 'the refused files changed nothing');
    const after = await h.exportBackup(page);
    assert.deepEqual(companies(after.json), ['Alpha Labs', 'Beta Works']);
    assert.equal(after.json.interviews.length, backup.json.interviews.length);
    await b.done();
  });

  test('importing the same backup twice adds nothing new', async (t) => {
    const a = await h.newPhone(browser, server);
    t.after(() => a.close());
    await h.open(a.page, '#/leads');
    await h.addLead(a.page, 'Gamma Co');
    const backup = await h.exportBackup(a.page);
    const file = join(dir, 'twice.json');
    writeFileSync(file, backup.text);
    // importing its own backup into the same journal
    await importFile(a.page, file);
    await h.go(a.page, '#/leads');
    await h.pipelineRow(a.page, 'Gamma Co').waitFor();
    assert.deepEqual(await h.pipeline(a.page), { New: ['Gamma Co'] }, 'no duplicate lead');
    await a.done();
  });
});

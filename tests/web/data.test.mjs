// The Data screen: export downloads the whole journal as a JSON backup;
// importing it into another browser's empty journal brings the leads over;
// a corrupt file and a JSON file that is not a Reps backup are refused with
// a clear message and change nothing. The formats other apps read download
// with their types; an invite becomes an interview on a new lead; another
// tracker's CSV is previewed, refused while a row is bad, then imported.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
    assert.equal(backup.json.version, 3, "the backup layout of this build");
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

  const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../crates/reps-core/tests/fixtures');

  async function download(page, testid) {
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), h.tap(page, testid)]);
    assert.equal(await file.failure(), null);
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
  }

  test('calendar, contacts and spreadsheet out; an invite and a tracker CSV in', async (t) => {
    const a = await h.newPhone(browser, server);
    t.after(() => a.close());
    const { page } = a;
    await h.open(page, '#/data');
    await h.tid(page, 'data-export').waitFor();

    // an invite: read, then added on a new lead named from it
    await h.tid(page, 'data-invite').setInputFiles(join(fixtures, 'ics/google-meet.ics'));
    await h.tid(page, 'data-invite-add-0').waitFor();
    await h.shot(page, 'web-data-invite');
    await h.tap(page, 'data-invite-add-0');
    const added = await h.eventually(async () => {
      const t = (await h.tid(page, 'data-invite-message').innerText()).trim();
      return t.startsWith('Added') ? t : false;
    }, { message: 'the invite was added' });
    assert.match(added, /Added the interview of/);

    // a broken invite: a clear message, nothing added
    await h.tid(page, 'data-invite').setInputFiles(join(fixtures, 'ics/broken-truncated.ics'));
    const broken = await h.eventually(async () => {
      const t = (await h.tid(page, 'data-invite-message').innerText()).trim();
      return /was not read/.test(t) ? t : false;
    }, { message: 'the broken invite is refused' });
    assert.match(broken, /Nothing was added/);

    // a tracker's CSV with one bad row: the import stays closed
    const good = readFileSync(join(fixtures, 'csv/huntr-style.csv'), 'utf8');
    const lines = good.trimEnd().split(/\r?\n/);
    const bad = join(dir, 'tracker-bad.csv');
    writeFileSync(bad, [...lines, 'Data Engineer,,Applied,2026-02-01T10:15:00.000Z,2026-02-03,,,,'].join('\n') + '\n');
    await h.tid(page, 'data-tracker').setInputFiles(bad);
    await h.tid(page, 'data-tracker-problems').waitFor();
    assert.equal(await h.tid(page, 'data-tracker-import').isDisabled(), true, 'nothing can be imported while a row is bad');
    await h.shot(page, 'web-data-tracker-problem');
    // the good file: preview, then all of it
    const fine = join(dir, 'tracker.csv');
    writeFileSync(fine, good);
    await h.tid(page, 'data-tracker').setInputFiles(fine);
    await h.eventually(async () => !(await h.tid(page, 'data-tracker-problems').count()), { message: 'no problems' });
    await h.tap(page, 'data-tracker-import');
    const imported = await h.eventually(async () => {
      const t = (await h.tid(page, 'data-tracker-message').innerText()).trim();
      return t.startsWith('Added') ? t : false;
    }, { message: 'the tracker rows were added' });
    assert.match(imported, /Added \d+ leads/);

    // what goes out: a calendar with the imported interview, contacts, the spreadsheet
    const ics = await download(page, 'data-export-ics');
    assert.match(ics.name, /^reps-interviews-\d{4}-\d{2}-\d{2}\.ics$/);
    assert.ok(ics.text.startsWith('BEGIN:VCALENDAR\r\n'), ics.text.slice(0, 40));
    assert.match(ics.text, /BEGIN:VEVENT/);
    assert.match(ics.text, /BEGIN:VALARM/);
    const vcf = await download(page, 'data-export-vcf');
    assert.match(vcf.name, /\.vcf$/);
    const csv = await download(page, 'data-export-csv');
    assert.match(csv.name, /\.csv$/);
    const rows = csv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    assert.ok(rows.length >= lines.length, `every lead has a row: ${rows.length}`);
    await a.done();
  });
  test('an encrypted backup: saved with a passphrase, refused with a wrong one, imported with the right one', async (t) => {
    const a = await h.newPhone(browser, server);
    t.after(() => a.close());
    await h.open(a.page, '#/leads');
    await h.addLead(a.page, 'Sealed Labs', 'Engineer');
    await h.go(a.page, '#/data');
    await h.tap(a.page, 'data-export-sealed');
    await h.tid(a.page, 'data-seal-pass').fill('correct horse battery');
    await h.tid(a.page, 'data-seal-again').fill('correct horse batery');
    await h.tap(a.page, 'data-seal-save');
    await a.page.locator('[data-testid="data-seal-message"]', { hasText: 'not the same' }).waitFor();
    await h.tid(a.page, 'data-seal-again').fill('correct horse battery');
    const [download] = await Promise.all([
      a.page.waitForEvent('download', { timeout: 60_000 }),
      h.tap(a.page, 'data-seal-save'),
    ]);
    const name = download.suggestedFilename();
    assert.match(name, /^reps-backup-\d{4}-\d{2}-\d{2}\.age$/);
    const text = readFileSync(await download.path(), 'utf8');
    assert.ok(text.startsWith('-----BEGIN AGE ENCRYPTED FILE-----'), text.slice(0, 80));
    assert.ok(!text.includes('Sealed Labs'), 'nothing readable in the file');
    await a.page.locator('[data-testid="data-seal-message"]', { hasText: 'passphrase' }).waitFor();
    await a.done();
    const sealed = join(dir, name);
    writeFileSync(sealed, text);

    const b = await h.newPhone(browser, server);
    t.after(() => b.close());
    await h.open(b.page, '#/data');
    const input = h.tid(b.page, 'data-import');
    await input.waitFor({ state: 'attached' });
    await input.setInputFiles(sealed);
    await h.tid(b.page, 'data-unlock-pass').fill('not the passphrase');
    await h.tap(b.page, 'data-unlock');
    const refused = b.page.locator('[data-testid="data-unlock-message"]', { hasText: 'does not open' });
    await refused.waitFor({ timeout: 60_000 });
    assert.match(await refused.innerText(), /not changed/);
    await h.tid(b.page, 'data-unlock-pass').fill('correct horse battery');
    await h.tap(b.page, 'data-unlock');
    await b.page.locator('[data-testid="data-message"]', { hasText: 'Imported' }).waitFor({ timeout: 60_000 });
    await h.go(b.page, '#/leads');
    await h.pipelineRow(b.page, 'Sealed Labs').waitFor();
    await h.shot(b.page, 'web-data-sealed-imported');
    await b.done();
  });
});

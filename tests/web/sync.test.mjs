// Sync from the browser: a WebDAV server nobody here wrote (wsgidav, on
// 127.0.0.1, allowing the page's origin), a debrief written in Chromium,
// and the desktop journal (the `reps` command line, the same core) taking
// it in. A server that does not allow the page's origin is refused with a
// message that says why. Needs `pip install -r tests/sync/requirements.txt`
// and the `reps` binary (REPS_BIN; ./reps.sh test sets both up).

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as h from './harness.mjs';

const BIN = process.env.REPS_BIN || join(process.env.CARGO_TARGET_DIR || join(homedir(), '.cache', 'reps-target'), 'debug', 'reps');
const PASS = 'correct horse battery';
const USER = 'ana';
const PASSWORD = 'app-password-1';

function missingTools() {
  const dav = spawnSync('python3', ['-c', 'import wsgidav, cheroot']).status === 0;
  if (!dav || !existsSync(BIN)) {
    const what = !dav ? 'wsgidav (pip install -r tests/sync/requirements.txt)' : `the reps binary at ${BIN}`;
    assert.ok(!process.env.REPS_WEB_REQUIRE_BUILD, `${what} is missing`);
    return `${what} is missing`;
  }
  return h.missingBuild();
}

function freePort() {
  return new Promise((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** wsgidav serving `root`; `origin` is the page origin it allows (or none). */
async function webdav(root, origin) {
  mkdirSync(root, { recursive: true });
  const port = await freePort();
  const args = [join(h.REPO, 'tests', 'sync', 'webdav.py'), root, String(port), USER, PASSWORD];
  if (origin) args.push(origin);
  const child = spawn('python3', args, { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((ok, fail) => {
    child.stdout.on('data', (d) => (String(d).startsWith('ready') ? ok() : null));
    child.on('exit', (code) => fail(new Error(`wsgidav exited ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/dav`, close: () => child.kill() };
}

function reps(dataDir, args) {
  const out = spawnSync(BIN, ['--data-dir', dataDir, ...args], {
    // no session bus: the desktop keeps the key in its journal file, never
    // in the keychain of whoever runs the tests
    env: {
      ...process.env,
      REPS_PASSPHRASE: PASS,
      REPS_WEBDAV_PASSWORD: PASSWORD,
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/reps-test-bus',
    },
    encoding: 'utf8',
  });
  assert.equal(out.status, 0, `reps ${args.join(' ')}: ${out.stdout}${out.stderr}`);
  return out.stdout;
}

async function setUp(page, url) {
  await h.go(page, '#/data');
  await h.tap(page, 'data-sync-setup');
  await h.tid(page, 'data-sync-url').fill(url);
  await h.tid(page, 'data-sync-user').fill(USER);
  await h.tid(page, 'data-sync-password').fill(PASSWORD);
  await h.tid(page, 'data-sync-device').fill('Browser');
  await h.tid(page, 'data-sync-pass').fill(PASS);
  await h.tap(page, 'data-sync-start');
  return h.eventually(
    async () => {
      const m = h.tid(page, 'data-sync-message');
      if (!(await m.count())) return false;
      const text = (await m.innerText()).trim();
      return text.startsWith('Connecting') ? false : text;
    },
    { message: 'the sync section says how setting up went', timeout: 30_000 },
  );
}

describe('sync from the browser', { skip: missingTools() }, () => {
  let server;
  let browser;
  let dir;
  h.site((s) => ({ server, browser } = s));
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'reps-web-sync-'));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a debrief written in Chromium reaches the desktop journal through WebDAV', async (t) => {
    const dav = await webdav(join(dir, 'dav'), server.url);
    t.after(() => dav.close());
    const desktop = join(dir, 'desktop');
    // the desktop starts the journal on the server
    reps(desktop, ['sync', 'webdav', dav.url, USER, '--name', 'Laptop']);

    const phone = await h.newPhone(browser, server);
    t.after(() => phone.close());
    await h.open(phone.page, '#/data');
    const said = await setUp(phone.page, dav.url);
    assert.match(said, /Sync is set up/, said);
    // where the key is kept, said plainly: a browser has no keychain
    assert.match(await h.textOf(phone.page, 'data-sync-key'), /a browser has no keychain/);
    await h.shot(phone.page, 'web-sync-set-up');

    // a debrief, written with thumbs
    await h.go(phone.page, '#/capture');
    const wentWell = h.tid(phone.page, 'capture-went-well');
    await wentWell.waitFor();
    await wentWell.fill('Explained the caching design clearly');
    await h.eventually(async () => /Saved/.test(await h.textOf(phone.page, 'save-state')), {
      message: 'the debrief is saved',
    });
    // Sync now, from the Data screen
    await h.go(phone.page, '#/data');
    await h.tap(phone.page, 'data-sync-now');
    await h.eventually(
      async () => {
        const text = await h.textOf(phone.page, 'data-sync-state');
        return /nothing waiting to be sent/.test(text) ? text : false;
      },
      { message: 'the browser sent its changes', timeout: 30_000 },
    );
    await h.shot(phone.page, 'web-sync-state');

    // the desktop takes it in
    reps(desktop, ['sync']);
    const backup = JSON.parse(
      (() => {
        const file = join(dir, 'desktop-backup.json');
        reps(desktop, ['export', 'backup', file]);
        return spawnSync('cat', [file], { encoding: 'utf8' }).stdout;
      })(),
    );
    assert.ok(
      backup.debriefs.some((d) => d.body.went_well === 'Explained the caching design clearly'),
      JSON.stringify(backup.debriefs.map((d) => d.body.went_well)),
    );
    // and the browser hears of the desktop
    const status = reps(desktop, ['sync', 'status']);
    assert.match(status, /Browser: last heard from/, status);

    // set up again from the state (a key lost, or a new name): the place is
    // filled in, the secrets asked again, and it syncs on under the new name
    await h.go(phone.page, '#/data');
    await h.tap(phone.page, 'data-sync-again');
    assert.match(await h.tid(phone.page, 'data-sync-url').inputValue(), /127\.0\.0\.1/);
    assert.equal(await h.tid(phone.page, 'data-sync-user').inputValue(), USER);
    assert.equal(await h.tid(phone.page, 'data-sync-password').inputValue(), '');
    await h.tid(phone.page, 'data-sync-password').fill(PASSWORD);
    await h.tid(phone.page, 'data-sync-device').fill('Tablet');
    await h.tid(phone.page, 'data-sync-pass').fill(PASS);
    await h.shot(phone.page, 'web-sync-again');
    await h.tap(phone.page, 'data-sync-start');
    await h.eventually(
      async () => /as “Tablet”/.test(await h.textOf(phone.page, 'data-sync-card')),
      { message: 'set up again under the new name', timeout: 30_000 },
    );
    assert.match(await h.textOf(phone.page, 'data-sync-message'), /Sync is set up/);
    await phone.done();
  });

  test('the setup form says what is missing before it connects', async (t) => {
    const phone = await h.newPhone(browser, server);
    t.after(() => phone.close());
    await h.open(phone.page, '#/data');
    await h.tap(phone.page, 'data-sync-setup');
    await h.tid(phone.page, 'data-sync-url').fill('https://dav.example/reps/');
    await h.tid(phone.page, 'data-sync-user').fill(USER);
    await h.tid(phone.page, 'data-sync-device').fill('  ');
    await h.tid(phone.page, 'data-sync-pass').fill(PASS);
    await h.tap(phone.page, 'data-sync-start');
    assert.match(await h.textOf(phone.page, 'data-sync-message'), /Give this device a name/);
    await h.shot(phone.page, 'web-sync-no-name');
    // the refusal goes as soon as the field is edited
    await h.tid(phone.page, 'data-sync-device').fill('Phone');
    await h.eventually(async () => (await h.tid(phone.page, 'data-sync-message').count()) === 0, {
      message: 'the refusal is cleared by the edit',
    });
    await h.tid(phone.page, 'data-sync-pass').fill('short');
    await h.tap(phone.page, 'data-sync-start');
    assert.match(await h.textOf(phone.page, 'data-sync-message'), /Choose a passphrase of at least/);
    await phone.done();
  });

  test('a server that does not allow this page is refused with a reason', async (t) => {
    const dav = await webdav(join(dir, 'dav-closed'), null);
    t.after(() => dav.close());
    const phone = await h.newPhone(browser, server);
    t.after(() => phone.close());
    // the browser itself reports the refused request in the console
    phone.allow(/CORS|Access-Control|Failed to load resource|net::ERR_FAILED/);
    await h.open(phone.page, '#/data');
    const said = await setUp(phone.page, dav.url);
    assert.match(said, /CORS/, said);
    assert.match(said, /Nothing was changed/, said);
    await phone.done();
  });
});

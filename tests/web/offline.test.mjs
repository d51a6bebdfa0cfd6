// Offline: after the first visit the service worker controls the page; with
// the network gone (context offline and the server refusing connections) a
// reload still starts the app and opens the journal with its data. The web
// manifest is linked, parses, and its icons load.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import * as h from './harness.mjs';

describe('offline and installable', { skip: h.missingBuild() }, () => {
  let server;
  let browser;
  h.site((s) => ({ server, browser } = s));

  test('the site is plain static files any server can serve', () => {
    const files = [];
    const walk = (d) => {
      for (const e of readdirSync(d, { withFileTypes: true }))
        e.isDirectory() ? walk(join(d, e.name)) : files.push(join(d, e.name));
    };
    walk(h.DIST);
    const unreadable = files.filter((f) => !(statSync(f).mode & 0o004)).map((f) => relative(h.DIST, f));
    assert.deepEqual(unreadable, [], 'every file is world-readable (a server running as another user gets 403 otherwise)');
    for (const f of ['index.html', 'demo.html', 'reps.js', 'reps_bg.wasm', 'reps_worker.js', 'reps_worker_bg.wasm', 'worker.js', 'sw.js', 'manifest.webmanifest', 'reps.css', 'sizes.json'])
      assert.ok(files.includes(join(h.DIST, f)), `${f} is in the site`);
    const all = JSON.parse(readFileSync(join(h.DIST, 'sizes.json'), 'utf8'));
    for (const [module, file] of [['page', 'reps_bg.wasm'], ['worker', 'reps_worker_bg.wasm']]) {
      const sizes = all[module];
      for (const k of ['raw', 'opt', 'gzip']) assert.ok(Number.isInteger(sizes?.[k]) && sizes[k] > 0, `sizes.json has ${module}.${k}`);
      assert.equal(statSync(join(h.DIST, file)).size, sizes.opt, `the served ${file} is the optimised one`);
      assert.ok(sizes.gzip < sizes.opt && sizes.opt <= sizes.raw);
    }
    // the offline copy lists every file of the site
    const sw = readFileSync(join(h.DIST, 'sw.js'), 'utf8');
    const missing = files
      .map((f) => relative(h.DIST, f))
      .filter((f) => !['sw.js', 'sizes.json'].includes(f))
      .filter((f) => !f.startsWith('selftest')) // the storage self-test pages (backend.test.mjs) are not the app
      .filter((f) => !sw.includes(`"${f}"`) && !sw.includes(`'${f}'`));
    assert.deepEqual(missing, [], 'sw.js precaches every file');
  });

  test('the manifest is linked, parses, and its icons load', async (t) => {
    const phone = await h.newPhone(browser, server);
    t.after(() => phone.close());
    const { page } = phone;
    await h.open(page, '#/');
    const href = await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.href || null);
    assert.ok(href, 'index.html has <link rel="manifest">');
    const res = await page.request.get(href);
    assert.equal(res.status(), 200, `${href} loads`);
    assert.match(res.headers()['content-type'] || '', /^application\/manifest\+json/);
    const manifest = JSON.parse(await res.text());
    assert.ok(manifest.name || manifest.short_name, 'a name');
    assert.ok(manifest.start_url, 'a start_url');
    assert.ok(['standalone', 'fullscreen', 'minimal-ui'].includes(manifest.display), `an app display mode: ${manifest.display}`);
    assert.ok(Array.isArray(manifest.icons) && manifest.icons.length, 'icons');
    const sizes = [];
    for (const icon of manifest.icons) {
      const url = new URL(icon.src, href).href;
      const r = await page.request.get(url);
      assert.equal(r.status(), 200, `icon ${url} loads`);
      assert.match(r.headers()['content-type'] || '', /^image\//, `icon ${url} is an image`);
      assert.ok((await r.body()).length > 100, `icon ${url} is not empty`);
      sizes.push(...String(icon.sizes || '').split(/\s+/));
    }
    assert.ok(
      sizes.some((s) => s === 'any' || Number(s.split('x')[0]) >= 192),
      `an icon of at least 192 px (or "any") for the home screen: ${sizes.join(' ')}`,
    );
    // the start URL and scope stay on this site
    const start = new URL(manifest.start_url, href);
    assert.equal(start.origin, new URL(href).origin);
    // a page icon for the tab, and a theme colour for the phone's bars
    assert.ok(await page.evaluate(() => !!document.querySelector('link[rel~="icon"]')), '<link rel="icon">');
    if (!(await page.evaluate(() => !!document.querySelector('meta[name="theme-color"]'))))
      t.diagnostic('note: no <meta name="theme-color"> (the phone bars keep the browser colour)');
    // the manifest also opens the app: start_url loads with the journal
    await page.goto(start.href);
    await h.journalOpen(page);
    await phone.done();
  });

  test('after the first visit the app starts and opens its journal offline', async (t) => {
    const own = await h.serve(h.DIST); // a server this test may take down
    t.after(() => own.close());
    const phone = await h.newPhone(browser, own);
    t.after(() => phone.close());
    const { page, context } = phone;
    await h.open(page, '#/leads');
    await h.addLead(page, 'Offline Co');
    const controlled = await page
      .waitForFunction(() => !!navigator.serviceWorker?.controller, null, { timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    if (!controlled) {
      const reg = await page.evaluate(async () => {
        const r = await navigator.serviceWorker?.getRegistration();
        return r ? { scope: r.scope, active: !!r.active, installing: !!r.installing, waiting: !!r.waiting } : null;
      });
      assert.fail(`the service worker does not control the page after the first load (registration: ${JSON.stringify(reg)})`);
    }
    const sw = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
    assert.match(sw, /\/sw\.js$/);
    // let the worker finish caching what it precaches
    await page.evaluate(() => navigator.serviceWorker.ready);
    await h.sleep(500);

    await context.setOffline(true);
    own.down();
    const failed = [];
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
    await h.reload(page);
    await h.pipelineRow(page, 'Offline Co').waitFor();
    assert.equal(await page.evaluate(() => navigator.onLine), false, 'the page knows it is offline');
    // every screen's code is there: walk the tabs
    for (const [tab, title] of [
      ['tab-today', 'Today'],
      ['tab-capture', 'Capture'],
      ['tab-prep', 'Prep'],
      ['tab-reps', 'Reps'],
      ['tab-people', 'People'],
      ['tab-leads', 'Leads'],
    ]) {
      await h.tap(page, tab);
      await page.locator('main h1', { hasText: title }).first().waitFor();
    }
    // saving works offline (the journal is local)
    await h.addLead(page, 'Written Offline');
    await h.shot(page, 'web-offline');
    // a brand-new navigation (not a reload) offline, too
    await page.goto(h.urlOf(own.url, '#/leads'));
    await h.journalOpen(page);
    await h.pipelineRow(page, 'Written Offline').waitFor();
    assert.deepEqual(failed, [], 'no request failed offline');
    await phone.done();
  });
});

// Benchmark of the Reps web build, in Debian's Chromium at phone size.
// Prints figures; asserts nothing about time.
//
//   node tests/web/bench.mjs
//
// 1. The wasm sizes from `sizes.json` (page and worker modules: raw, after wasm-opt, gzip).
// 2. Launch: time from navigation to `window.REPS_READY_MS` (the capture
//    field mounted) for the app at `#/capture`, and for the floor page (a
//    minimal Dioxus page with one text field), in interleaved rounds, a fresh
//    browser context (empty cache and storage) each time. Medians and the
//    ratio app / floor (goal ≤ 1.25×). Env REPS_WEB_BENCH_ROUNDS (default 15).
// 3. Swipe smoothness: a CDP touch swipe across the deck card, one touchMove
//    every ~16 ms; the page records the card's transform on every animation
//    frame. Reports the longest gap between two frames where the transform
//    changed, frames longer than 16.7 ms without an update, and frames where
//    the finger had moved but the card had not (goal: none).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as h from './harness.mjs';

const ROUNDS = Math.max(1, Number(process.env.REPS_WEB_BENCH_ROUNDS || 15));
const SWIPES = Math.max(1, Number(process.env.REPS_WEB_BENCH_SWIPES || 5));
const FRAME = 1000 / 60;
// 'frame': one touchMove per animation frame (default); 'timer': every 16.7 ms by Node's clock
const PACING = process.env.REPS_WEB_BENCH_PACING === 'timer' ? 'timer' : 'frame';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};
const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : 'n/a');

function sizes() {
  const file = join(h.DIST, 'sizes.json');
  if (!existsSync(file)) return { note: `no ${file}` };
  const s = JSON.parse(readFileSync(file, 'utf8'));
  const served = (name) => (existsSync(join(h.DIST, name)) ? readFileSync(join(h.DIST, name)).length : null);
  return {
    page: { ...s.page, shipped: served('reps_bg.wasm') },
    worker: { ...s.worker, shipped: served('reps_worker_bg.wasm') },
  };
}

/** Time between the first and the second opening (lets the browser finish and cache its compile). */
const WARM_PAUSE_MS = Number(process.env.REPS_WEB_WARM_PAUSE_MS || 2500);

/** One cold launch (fresh context) and then a warm one in the same context; each waits for REPS_READY_MS. */
async function launchOnce(browser, url) {
  const context = await browser.newContext({ ...h.PHONE, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => window.REPS_READY_MS, null, { timeout: 60_000, polling: 10 });
    const ready = await handle.jsonValue();
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      return n ? { ttfb: n.responseStart, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd } : null;
    });
    // The next opening, as on any later day: the same browser profile, its
    // HTTP cache revalidated (304) and the compiled code the browser kept.
    await page.waitForTimeout(WARM_PAUSE_MS);
    const again = await context.newPage();
    again.on('pageerror', (e) => errors.push(e.message));
    await page.close();
    await again.goto(url, { waitUntil: 'commit' });
    const warm = await (await again.waitForFunction(() => window.REPS_READY_MS, null, { timeout: 60_000, polling: 10 })).jsonValue();
    return { ready, warm, nav, errors };
  } finally {
    await context.close();
  }
}

async function launchBench(browser, app, floor) {
  const appUrl = h.urlOf(app.url, '#/capture');
  const floorUrl = `${floor.url}/index.html`;
  // one warm-up of each (browser caches are per context, so this only warms the browser itself)
  await launchOnce(browser, appUrl);
  await launchOnce(browser, floorUrl);
  const a = [];
  const f = [];
  const aw = [];
  const fw = [];
  const errs = new Set();
  for (let i = 0; i < ROUNDS; i++) {
    const order = i % 2 ? [['floor', floorUrl], ['app', appUrl]] : [['app', appUrl], ['floor', floorUrl]];
    for (const [which, url] of order) {
      const r = await launchOnce(browser, url);
      (which === 'app' ? a : f).push(r.ready);
      (which === 'app' ? aw : fw).push(r.warm);
      for (const e of r.errors) errs.add(`${which}: ${e}`);
    }
    process.stderr.write(`  launch round ${i + 1}/${ROUNDS}: cold app ${ms(a.at(-1))}, floor ${ms(f.at(-1))}; warm app ${ms(aw.at(-1))}, floor ${ms(fw.at(-1))}\n`);
  }
  return { app: a, floor: f, appWarm: aw, floorWarm: fw, errors: [...errs] };
}

/** Installs a per-frame recorder of the card's transform and of pointer moves. */
function recorder() {
  window.__frames = [];
  window.__moves = [];
  window.__recording = true;
  if (!window.__listening) {
    window.__listening = true;
    addEventListener('pointermove', (e) => window.__recording && window.__moves.push(e.timeStamp), { capture: true, passive: true });
  }
  let last = null;
  const tick = (t) => {
    if (!window.__recording) return;
    const card = document.querySelector('[data-testid="deck-card"]');
    const tf = card ? getComputedStyle(card).transform : null;
    window.__frames.push({ t, tf, changed: tf !== last });
    last = tf;
    if (window.__repsFrame) window.__repsFrame(String(t));
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * The same measurement on a card moved by ten lines of plain JavaScript: the
 * floor of this method (timer jitter between Node's touch events and the
 * browser's frames), to read the app's figures against.
 */
const REFERENCE = `<!doctype html><meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{margin:0;font:16px sans-serif}.card{margin:80px 20px;min-height:240px;border:1px solid #888;border-radius:20px;touch-action:none;will-change:transform}</style>
<div class="card" data-testid="deck-card"><h2 class="card-company">Reference</h2></div>
<script>
const c = document.querySelector('.card'); let s = null;
c.onpointerdown = (e) => { s = [e.clientX, e.clientY]; };
c.onpointermove = (e) => { if (s) c.style.transform = 'translate(' + (e.clientX - s[0]) + 'px,' + (e.clientY - s[1]) + 'px)'; };
c.onpointerup = c.onpointercancel = () => { s = null; c.style.transform = ''; };
</script>`;

async function swipeBench(browser, app) {
  const context = await browser.newContext({ ...h.PHONE });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    if (app) {
      await page.goto(h.urlOf(app.url, '#/leads', { demo: true }));
      await h.journalOpen(page);
    } else {
      await page.setContent(REFERENCE);
    }
    const card = h.tid(page, 'deck-card');
    await card.waitFor({ state: 'visible', timeout: 20_000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Runtime.enable');
    await cdp.send('Runtime.addBinding', { name: '__repsFrame' });
    const rounds = [];
    for (let s = 0; s < SWIPES; s++) {
      const c = await h.centre(card);
      await page.evaluate(recorder);
      await h.sleep(100);
      // out to the right, across to the left, back to the middle: ~1.3 s of
      // continuous movement that ends below the threshold (no decision)
      const path = [];
      for (let i = 1; i <= 20; i++) path.push({ x: c.x + (100 * i) / 20, y: c.y + (6 * i) / 20 });
      for (let i = 1; i <= 40; i++) path.push({ x: c.x + 100 - (200 * i) / 40, y: c.y + 6 });
      for (let i = 1; i <= 20; i++) path.push({ x: c.x - 100 + (100 * i) / 20, y: c.y + 6 - (6 * i) / 20 });
      const pt = (p) => [{ x: p.x, y: p.y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
      const t0 = await page.evaluate(() => performance.now());
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: pt(c) });
      if (PACING === 'timer') {
        let next = Date.now();
        for (const p of path) {
          next += FRAME;
          const wait = next - Date.now();
          if (wait > 0) await h.sleep(wait);
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: pt(p) });
        }
      } else {
        // one move per frame: the page's frame callback calls a CDP binding and
        // the move is sent at once, so it lands early in the frame, like a
        // phone's touch input resampled to the display
        await new Promise((done, fail) => {
          let i = 0;
          const sent = [];
          const onTick = (ev) => {
            if (ev.name !== '__repsFrame') return;
            if (i >= path.length) {
              cdp.off('Runtime.bindingCalled', onTick);
              Promise.all(sent).then(done, fail);
              return;
            }
            // not awaited: CDP keeps the order, and Chromium delivers moves aligned to frames
            sent.push(cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: pt(path[i++]) }));
          };
          cdp.on('Runtime.bindingCalled', onTick);
        });
      }
      const t1 = await page.evaluate(() => performance.now());
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await h.sleep(300);
      const { frames, moves } = await page.evaluate(() => {
        window.__recording = false;
        return { frames: window.__frames, moves: window.__moves };
      });
      rounds.push(analyse(frames, moves, t0, t1));
      await h.settledTransform(page);
    }
    return { rounds, errors };
  } finally {
    await context.close();
  }
}

/** Frame figures for the time the finger was moving ([t0, t1]). */
function analyse(frames, moves, t0, t1) {
  const during = frames.filter((f) => f.t >= t0 && f.t <= t1 + FRAME);
  const intervals = during.slice(1).map((f, i) => f.t - during[i].t);
  const changes = during.filter((f) => f.changed).map((f) => f.t);
  const gaps = changes.slice(1).map((t, i) => t - changes[i]);
  // frames after the first move that showed no new position of the card
  const firstChange = changes[0] ?? Infinity;
  const withoutUpdate = during.filter((f) => f.t > firstChange && !f.changed).length;
  // frames where a pointermove had arrived before the previous frame, yet
  // neither that frame nor this one moved the card (input left waiting)
  let stale = 0;
  for (let i = 2; i < during.length; i++) {
    const arrived = moves.some((m) => m > during[i - 2].t && m <= during[i - 1].t);
    if (arrived && !during[i - 1].changed && !during[i].changed) stale++;
  }
  return {
    frames: during.length,
    moves: moves.filter((m) => m >= t0 && m <= t1).length,
    medianFrame: median(intervals),
    longestFrame: Math.max(0, ...intervals),
    changes: changes.length,
    longestGap: Math.max(0, ...gaps),
    p95Gap: pct(gaps, 95),
    withoutUpdate,
    stale,
  };
}

async function main() {
  const problems = [];
  const out = { sizes: sizes() };
  if (h.missingBuild()) {
    console.error(h.missingBuild());
    process.exitCode = 2;
    return;
  }
  const floorMissing = h.missingBuild(h.FLOOR_DIST);
  const app = await h.serve(h.DIST);
  const floor = floorMissing ? null : await h.serve(h.FLOOR_DIST);
  const browser = await h.launch();
  try {
    if (floor) out.launch = await launchBench(browser, app, floor);
    else problems.push(floorMissing);
    out.swipe = await swipeBench(browser, app);
    out.reference = await swipeBench(browser, null);
  } finally {
    await browser.close();
    await app.close();
    await floor?.close();
  }

  const s = out.sizes;
  const lines = [];
  lines.push('Reps web benchmark (Chromium, 390×844 phone, headless)');
  lines.push(`  build: ${h.DIST}`);
  if (s.note) lines.push(`  wasm sizes: ${s.note}`);
  else {
    for (const [label, m] of [['page  ', s.page], ['worker', s.worker]])
      lines.push(
        `  wasm ${label}: raw ${kb(m.raw)}, after wasm-opt ${kb(m.opt)}, gzip ${kb(m.gzip)}` +
          (m.shipped != null && m.shipped !== m.opt ? ' (served file differs from the optimised one!)' : ''),
      );
    const gz = s.page.gzip + s.worker.gzip;
    lines.push(`  whole app, gzip: ${kb(gz)} (goal < 1.5 MB: ${gz < 1.5 * 1024 * 1024 ? 'met' : 'NOT met'})`);
  }
  if (out.launch) {
    const am = median(out.launch.app);
    const fm = median(out.launch.floor);
    lines.push(`  launch to ready, ${ROUNDS} interleaved cold rounds (fresh context each):`);
    lines.push(`    app #/capture : median ${ms(am)}  (min ${ms(Math.min(...out.launch.app))}, max ${ms(Math.max(...out.launch.app))})`);
    lines.push(`    floor page    : median ${ms(fm)}  (min ${ms(Math.min(...out.launch.floor))}, max ${ms(Math.max(...out.launch.floor))})`);
    lines.push(`    ratio app/floor: ${(am / fm).toFixed(2)}×  (goal ≤ 1.25×: ${am / fm <= 1.25 ? 'met' : 'NOT met'})`);
    const awm = median(out.launch.appWarm);
    const fwm = median(out.launch.floorWarm);
    lines.push(`  the next opening in the same browser profile (HTTP cache revalidated, compiled code kept):`);
    lines.push(`    app #/capture : median ${ms(awm)}  (min ${ms(Math.min(...out.launch.appWarm))}, max ${ms(Math.max(...out.launch.appWarm))})`);
    lines.push(`    floor page    : median ${ms(fwm)}  (min ${ms(Math.min(...out.launch.floorWarm))}, max ${ms(Math.max(...out.launch.floorWarm))})`);
    lines.push(`    ratio app/floor: ${(awm / fwm).toFixed(2)}×  (goal ≤ 1.25×: ${awm / fwm <= 1.25 ? 'met' : 'NOT met'})`);
    for (const e of out.launch.errors) problems.push(`page error during launch: ${e}`);
  }
  const swipeLines = (label, r) => {
    const worst = (k) => Math.max(...r.map((x) => x[k]));
    const sum = (k) => r.reduce((a, x) => a + x[k], 0);
    lines.push(`  ${label}, ${r.length} back-and-forth touch drags (one touchMove per ${PACING === 'timer' ? '16.7 ms of Node\'s clock' : 'animation frame'}):`);
    lines.push(
      `    frames ${sum('frames')}, pointer moves ${sum('moves')}, median frame ${median(r.map((x) => x.medianFrame)).toFixed(1)} ms, longest frame ${worst('longestFrame').toFixed(1)} ms`,
    );
    lines.push(`    longest gap between two frames where the card moved: ${worst('longestGap').toFixed(1)} ms (p95 ${median(r.map((x) => x.p95Gap)).toFixed(1)} ms)`);
    lines.push(`    frames over 16.7 ms without an update: ${sum('withoutUpdate')} of ${sum('frames')} (goal: none)`);
    lines.push(`    frames where a move had arrived but the card still had not moved a frame later: ${sum('stale')}`);
  };
  swipeLines('swipe on the app\'s deck card (demo.html#/leads)', out.swipe.rounds);
  swipeLines('same swipe on a plain-JS reference card (the method\'s own jitter)', out.reference.rounds);
  for (const e of out.swipe.errors) problems.push(`page error during the swipe: ${e}`);
  if (problems.length) lines.push('  notes:', ...problems.map((p) => `    - ${p}`));
  console.log(`\n${lines.join('\n')}\n`);
  if (process.env.REPS_WEB_BENCH_JSON) console.log(JSON.stringify(out, null, 2));
}

await main();

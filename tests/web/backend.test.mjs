// The storage backend on its own, in the browser: redb over an OPFS sync
// access handle (src/web/opfs.rs + the core's PageBackend), without the
// journal on top. A worker commits rows one durable transaction at a time
// and acknowledges them; the page navigates away mid-stream, which kills the
// worker between (or inside) commits; a new worker reopens the file and every
// acknowledged row must be there. Repeated a few times on the same file.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as h from './harness.mjs';

describe('the OPFS storage backend', { skip: h.missingBuild() }, () => {
  let server;
  let browser;
  h.site((s) => ({ server, browser } = s));

  test('what was acknowledged survives the worker being killed mid-write', async (t) => {
    const phone = await h.newPhone(browser, server);
    t.after(() => phone.close());
    const { page } = phone;
    const rounds = Number(process.env.REPS_WEB_KILL_ROUNDS || 4);
    let total = 0;
    for (let round = 0; round < rounds; round++) {
      await page.goto(`${server.url}/selftest.html?write`);
      // let it write for a moment that differs per round
      await page.waitForFunction(() => Number(sessionStorage.getItem('acked') || 0) > 0, null, { timeout: 15_000 });
      await page.waitForTimeout(150 + 170 * round);
      // navigating away ends the page and its worker, possibly mid-commit
      await page.goto(`${server.url}/selftest.html?check`);
      const result = await page.waitForFunction(() => window.SELFTEST, null, { timeout: 15_000 }).then((v) => v.jsonValue());
      assert.equal(result.error, undefined, `the check ran: ${result.error}`);
      assert.ok(result.acknowledged > 0, 'rows were acknowledged');
      assert.equal(result.missing, 0, `round ${round}: every acknowledged row is there (${JSON.stringify(result)})`);
      assert.ok(result.stored >= result.acknowledged, `stored ${result.stored} >= acknowledged ${result.acknowledged}`);
      total = result.stored;
      // the next round starts again from row 0 and overwrites: the file is reused
      await page.evaluate(() => sessionStorage.removeItem('acked'));
    }
    t.diagnostic(`last round: ${total} rows stored`);
    await phone.done();
  });
});

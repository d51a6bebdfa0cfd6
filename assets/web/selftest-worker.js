// The OPFS backend alone, in a worker (see src/web/selftest.rs). Messages:
// {mode: 'write'} commits rows and posts {acked: n} after every batch, until
// the page goes away; {mode: 'check', acknowledged: n} posts the check.
import init, { BackendSelfTest } from './reps_worker.js';
import { openSyncHandle } from './opfs.js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

self.onmessage = async ({ data }) => {
  try {
    await init({ module_or_path: './reps_worker_bg.wasm' });
    const db = BackendSelfTest.open(await openSyncHandle('selftest.redb'));
    if (data.mode === 'write') {
      let next = 0;
      for (;;) {
        next = db.commit(next, 5);
        self.postMessage({ acked: next });
        await sleep(0);
      }
    } else {
      self.postMessage({ check: JSON.parse(db.check(data.acknowledged)) });
    }
  } catch (e) {
    self.postMessage({ error: String(e && e.message ? e.message : e) });
  }
};

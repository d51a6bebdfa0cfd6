// The journal's owner in the browser. OPFS sync access handles exist only in
// a dedicated worker, so the journal (redb and the core, compiled into their
// own module, reps_worker_bg.wasm) lives here; the page talks to it with JSON
// messages (see src/web/).
import init, { JournalWorker, opened_message } from './reps_worker.js';
import { openSyncHandle } from './opfs.js';


// The page's first message says which journal to open: the user's own or the
// sample (see src/web/client.rs).
const hello = new Promise((resolve) => {
  self.onmessage = (event) => resolve(event.data || {});
});

// One tab owns the journal. After a reload the old page's worker can hold the
// lock and the file for a second or two, so wait a little before saying a
// second tab has it.
function takeLock(FILE) {
  if (!navigator.locks) return Promise.resolve(true);
  return new Promise((resolve) => {
    navigator.locks
      .request(`reps:${FILE}`, { signal: AbortSignal.timeout(6000) }, () => {
        resolve(true);
        return new Promise(() => {}); // held for the life of this worker
      })
      .catch(() => resolve(false));
  });
}

function explain(e) {
  if (e && e.name === 'QuotaExceededError') return 'This browser will not give Reps storage space for this site.';
  if (e && e.name === 'NoModificationAllowedError') return 'Reps is open in another tab or window. Close it, then reload this page.';
  if (e && e.name === 'SecurityError') return 'This browser does not allow this site to keep files (private mode can do this). Reps needs it to keep your journal.';
  return String(e && e.message ? e.message : e);
}

async function start() {
  // Instantiate the wasm while the browser finds the file.
  const ready = init({ module_or_path: './reps_worker_bg.wasm' });
  const { demo = false } = await hello;
  const FILE = demo ? 'demo.redb' : 'journal.redb';
  if (!(await takeLock(FILE))) {
    await ready;
    self.postMessage(opened_message('Reps is open in another tab or window. Close it, then reload this page.'));
    return;
  }
  let journal;
  try {
    if (!navigator.storage || !navigator.storage.getDirectory) {
      throw new Error('This browser cannot keep files for a site (no Origin Private File System). Please use a current Chrome, Edge, Firefox or Safari.');
    }
    const handle = await openSyncHandle(FILE);
    await ready;
    journal = JournalWorker.open(handle, demo);
  } catch (e) {
    await ready;
    self.postMessage(opened_message(explain(e)));
    return;
  }
  // a sync job is answered later by a message of its own (an empty reply now)
  self.onmessage = (event) => {
    const reply = journal.serve(event.data);
    if (reply) self.postMessage(reply);
  };
  self.postMessage(opened_message(undefined));
}

start().catch((e) => self.postMessage(JSON.stringify({ Opened: { Err: explain(e) } })));

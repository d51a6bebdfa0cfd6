// Opening a file of the site's private file system for synchronous access
// (only possible in a dedicated worker). After a reload the old page's worker
// can hold the file for a second or two: retry for a while before giving up.
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function openSyncHandle(name) {
  const root = await navigator.storage.getDirectory();
  const file = await root.getFileHandle(name, { create: true });
  for (let attempt = 0; ; attempt++) {
    try {
      return await file.createSyncAccessHandle();
    } catch (e) {
      if (e.name !== 'NoModificationAllowedError' || attempt >= 60) throw e;
      await sleep(100);
    }
  }
}

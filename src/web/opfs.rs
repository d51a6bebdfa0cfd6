//! The journal's file in the browser: an OPFS `FileSystemSyncAccessHandle`,
//! which is synchronous like redb's storage API but exists only inside a
//! dedicated worker. Every `flush` is a real sync to disk (measured: nothing
//! acknowledged was lost across reloads and browser kills).
//!
//! The JS handle cannot be `Send`, which redb's backend trait requires; it
//! stays in a thread-local table and [`OpfsFile`] holds only its key. The
//! worker is single-threaded, so the table is always the one the handle is in.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io;

use reps_core::PageFile;
use wasm_bindgen::JsCast;
use web_sys::{DomException, FileSystemReadWriteOptions, FileSystemSyncAccessHandle};

thread_local! {
    static HANDLES: RefCell<HashMap<u32, FileSystemSyncAccessHandle>> = RefCell::new(HashMap::new());
}

/// One open OPFS file, by key into the worker's handle table.
#[derive(Debug, Clone, Copy)]
pub struct OpfsFile {
    key: u32,
}

impl OpfsFile {
    /// Keeps `handle` for the life of the worker under `key`.
    pub fn keep(key: u32, handle: FileSystemSyncAccessHandle) -> OpfsFile {
        HANDLES.with(|h| h.borrow_mut().insert(key, handle));
        OpfsFile { key }
    }

    fn with<T>(
        &self,
        f: impl FnOnce(&FileSystemSyncAccessHandle) -> io::Result<T>,
    ) -> io::Result<T> {
        HANDLES.with(|h| match h.borrow().get(&self.key) {
            Some(handle) => f(handle),
            None => Err(io::Error::new(
                io::ErrorKind::NotFound,
                "the journal file is no longer open in this tab",
            )),
        })
    }
}

/// The browser's storage for this site is full.
fn full() -> io::Error {
    io::Error::new(
        io::ErrorKind::StorageFull,
        "this browser will not give Reps more storage space (export a backup, then free space or allow more storage for this site)",
    )
}

/// Turns a DOM exception into an I/O error a user can act on.
fn io_error(err: wasm_bindgen::JsValue) -> io::Error {
    let name = err
        .dyn_ref::<DomException>()
        .map(|e| e.name())
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" => full(),
        "" => io::Error::other(format!("browser storage failed: {err:?}")),
        other => io::Error::other(format!("browser storage failed ({other})")),
    }
}

fn at(offset: u64) -> FileSystemReadWriteOptions {
    let options = FileSystemReadWriteOptions::new();
    options.set_at(offset as f64);
    options
}

impl PageFile for OpfsFile {
    fn size(&self) -> io::Result<u64> {
        self.with(|h| h.get_size().map(|s| s as u64).map_err(io_error))
    }

    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        self.with(|h| {
            h.read_with_u8_array_and_options(buf, &at(offset))
                .map(|n| n as usize)
                .map_err(io_error)
        })
    }

    fn write_at(&self, offset: u64, data: &[u8]) -> io::Result<usize> {
        self.with(|h| {
            let written = h
                .write_with_u8_array_and_options(data, &at(offset))
                .map_err(io_error)?;
            // Over quota, Chromium does not throw: it reports a nonsense
            // count (seen: 2^32 - 8) and writes nothing. Anything but the
            // whole buffer is treated as a full store.
            if written != data.len() as f64 {
                return Err(full());
            }
            Ok(data.len())
        })
    }

    fn truncate(&self, len: u64) -> io::Result<()> {
        self.with(|h| {
            h.truncate_with_f64(len as f64).map_err(io_error)?;
            // Over quota, growing is silently ignored: check it happened.
            if h.get_size().map_err(io_error)? != len as f64 {
                return Err(full());
            }
            Ok(())
        })
    }

    fn flush(&self) -> io::Result<()> {
        self.with(|h| h.flush().map_err(io_error))
    }

    // `close` keeps the handle: the worker reopens the journal on the same
    // file after a storage error, and the browser releases the handle when
    // the worker ends.
}

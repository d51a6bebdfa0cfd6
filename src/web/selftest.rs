//! The OPFS backend on its own, in the browser, against redb's contract:
//! what a commit acknowledged is there after the worker is killed and the
//! file reopened. `assets/web/selftest.html` drives it: a worker commits
//! rows and acknowledges each; the page reloads mid-stream (killing the
//! worker), then a fresh worker checks every acknowledged row.

use redb::{Database, ReadableDatabase, ReadableTableMetadata, TableDefinition};
use reps_core::PageBackend;
use wasm_bindgen::prelude::*;
use web_sys::FileSystemSyncAccessHandle;

use super::opfs::OpfsFile;

const ROWS: TableDefinition<u64, u64> = TableDefinition::new("rows");

/// A redb database over one OPFS file, with no journal on top.
#[wasm_bindgen]
pub struct BackendSelfTest {
    db: Database,
}

fn text(e: impl std::fmt::Display) -> String {
    e.to_string()
}

#[wasm_bindgen]
impl BackendSelfTest {
    /// Opens (or creates) the database in `handle`.
    pub fn open(handle: FileSystemSyncAccessHandle) -> Result<BackendSelfTest, String> {
        let file = OpfsFile::keep(99, handle);
        let db = Database::builder()
            .create_with_backend(PageBackend::new(file))
            .map_err(text)?;
        Ok(BackendSelfTest { db })
    }

    /// (Counts are `u32` so that JavaScript passes plain numbers.)
    /// Commits rows `from..from + count`, one durable transaction each;
    /// returns the next row number. Each return acknowledges its rows.
    pub fn commit(&self, from: u32, count: u32) -> Result<u32, String> {
        for n in u64::from(from)..u64::from(from + count) {
            let txn = self.db.begin_write().map_err(text)?;
            txn.open_table(ROWS)
                .map_err(text)?
                .insert(n, n * 7)
                .map_err(text)?;
            txn.commit().map_err(text)?;
        }
        Ok(from + count)
    }

    /// How many rows are stored, and whether rows `0..acknowledged` are all
    /// there with their values.
    pub fn check(&self, acknowledged: u32) -> Result<String, String> {
        let acknowledged = u64::from(acknowledged);
        let txn = self.db.begin_read().map_err(text)?;
        let (stored, missing) = match txn.open_table(ROWS) {
            Ok(table) => {
                let stored = table.len().map_err(text)?;
                let mut missing = 0u64;
                for n in 0..acknowledged {
                    let value = table.get(n).map_err(text)?.map(|v| v.value());
                    if value != Some(n * 7) {
                        missing += 1;
                    }
                }
                (stored, missing)
            }
            Err(redb::TableError::TableDoesNotExist(_)) => (0, acknowledged),
            Err(e) => return Err(text(e)),
        };
        Ok(format!(
            r#"{{"stored":{stored},"acknowledged":{acknowledged},"missing":{missing}}}"#
        ))
    }
}

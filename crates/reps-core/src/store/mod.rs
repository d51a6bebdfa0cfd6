//! Storage, and only storage: the redb tables and their layout
//! ([`tables`]), the record codec ([`codec`]), reading and the one place
//! every write goes through ([`Read`], [`Writer`]), the schema and its
//! numbered migrations ([`schema`]), and the positioned-file backend the
//! browser uses ([`PageFile`], [`PageBackend`]). What the user does with the
//! journal lives in [`crate::journal`].

mod access;
pub mod codec;
mod page_file;
pub mod schema;
pub mod tables;

use std::fs::File;
use std::io::Read as _;
use std::path::Path;

use redb::{Database, ReadOnlyDatabase, StorageBackend};

pub(crate) use access::{Read, Record, TakenIn, Writer, doc_from, tail_of};
pub use page_file::{PageBackend, PageFile};

use crate::error::{Error, Result};

/// The first bytes of every redb file.
const REDB_MAGIC: [u8; 9] = [b'r', b'e', b'd', b'b', 0x1A, 0x0A, 0xA9, 0x0D, 0x0A];

/// Opens (or creates) the database file at `path`. A foreign file or one
/// from a newer Reps is refused and left byte-for-byte untouched.
pub(crate) fn open_file(path: &Path) -> Result<Database> {
    if path.exists() {
        refuse_foreign(path)?;
        refuse_newer(path)?;
    } else if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::Disk(e.to_string()))?;
    }
    Ok(Database::create(path)?)
}

/// Opens the database held by `backend`; storage that holds something
/// other than a redb database is refused untouched.
pub(crate) fn open_backend(backend: impl StorageBackend) -> Result<Database> {
    let len = backend.len().map_err(|e| Error::Disk(e.to_string()))?;
    if len > 0 {
        let mut head = [0u8; REDB_MAGIC.len()];
        let n = head.len().min(len as usize);
        backend
            .read(0, &mut head[..n])
            .map_err(|e| Error::Disk(e.to_string()))?;
        if n < head.len() || head != REDB_MAGIC {
            return Err(not_a_journal());
        }
    }
    Ok(Database::builder().create_with_backend(backend)?)
}

fn not_a_journal() -> Error {
    Error::Corrupt("this file is not a Reps journal (it was left untouched)".into())
}

/// A non-empty file that does not start like a redb database is not ours.
fn refuse_foreign(path: &Path) -> Result<()> {
    let mut head = [0u8; REDB_MAGIC.len()];
    let mut file = File::open(path).map_err(|e| Error::Disk(e.to_string()))?;
    let n = file
        .read(&mut head)
        .map_err(|e| Error::Disk(e.to_string()))?;
    if n == 0 {
        return Ok(());
    }
    if n < head.len() || head != REDB_MAGIC {
        return Err(not_a_journal());
    }
    Ok(())
}

/// Looks at the schema version through a read-only handle, so a file from a
/// newer Reps is refused before anything could write to it.
fn refuse_newer(path: &Path) -> Result<()> {
    match ReadOnlyDatabase::open(path) {
        Ok(ro) => {
            if let Some(v) = schema::version_of(&ro)? {
                schema::check_supported(v)?;
            }
            Ok(())
        }
        Err(redb::DatabaseError::DatabaseAlreadyOpen) => Err(Error::Busy),
        Err(redb::DatabaseError::UpgradeRequired(v)) => Err(Error::Corrupt(format!(
            "the file uses storage format {v}, which this build cannot read"
        ))),
        // A file that needs crash recovery cannot be opened read-only; the
        // normal open repairs it and checks the version afterwards.
        Err(_) => Ok(()),
    }
}

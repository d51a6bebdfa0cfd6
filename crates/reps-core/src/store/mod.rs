//! The journal on disk: one redb file, one [`Journal`] handle, every command
//! one committed write transaction (durable when it returns), every query one
//! read transaction (a consistent snapshot).

mod access;
pub mod codec;
mod contacts;
mod debriefs;
mod followups;
mod insights;
mod interviews;
mod leads;
mod messages;
mod page_file;
pub mod schema;
mod search;
pub mod tables;
mod tracker;

use std::fs::File;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use redb::{Database, ReadOnlyDatabase, ReadableDatabase, StorageBackend};

pub(crate) use access::{Read, Record, Writer};
pub use contacts::CompanyHistory;
pub use debriefs::RESUME_WITHIN_MINUTES;
pub use insights::Counts;
pub use interviews::Scheduled;
pub(crate) use interviews::schedule;
pub use leads::{Decided, Decision};
pub use messages::MessageAbout;
pub use page_file::{PageBackend, PageFile};

use crate::error::{Error, Result};
use crate::id::IdGen;
use crate::time::{Clock, Stamp};

/// The user's journal: the only way in or out of the stored data.
///
/// Commands are named for what the user does (`add_lead`, `decide`,
/// `save_debrief`…) and each runs in one write transaction that is committed
/// durably (fsync) before it returns, or not at all.
pub struct Journal {
    db: Database,
    clock: Arc<dyn Clock>,
    ids: IdGen,
    path: Option<PathBuf>,
    /// Built on the first search, kept up to date from commits.
    search_index: std::sync::Mutex<search::SearchIndex>,
}

impl std::fmt::Debug for Journal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Journal")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// The first bytes of every redb file.
const REDB_MAGIC: [u8; 9] = [b'r', b'e', b'd', b'b', 0x1A, 0x0A, 0xA9, 0x0D, 0x0A];

impl Journal {
    /// Opens the journal at `path`, creating it if missing and upgrading an
    /// older schema. A foreign file or one from a newer Reps is refused and
    /// left byte-for-byte untouched.
    pub fn open(path: impl AsRef<Path>, clock: impl Clock + 'static) -> Result<Self> {
        Self::open_with(path.as_ref(), Arc::new(clock))
    }

    /// Closes the journal and opens its file again, on the same clock.
    ///
    /// After a storage error (a full disk) redb refuses further writes on its
    /// handle; the file itself still holds the last good commit, so the owner
    /// reopens it and the user can go on once there is space. A journal over
    /// another backend cannot be reopened here: the backend went with it.
    pub fn reopen(self) -> Result<Self> {
        let Some(path) = self.path.clone() else {
            return Err(Error::Disk(
                "this journal is not a file, so it cannot be reopened".into(),
            ));
        };
        let clock = self.clock.clone();
        drop(self);
        Self::open_with(&path, clock)
    }

    fn open_with(path: &Path, clock: Arc<dyn Clock>) -> Result<Self> {
        if path.exists() {
            refuse_foreign(path)?;
            refuse_newer(path)?;
        } else if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::Disk(e.to_string()))?;
        }
        let db = Database::create(path)?;
        Self::prepare(db, clock, Some(path.to_path_buf()))
    }

    /// A journal in memory only: for demos, tests and the importer's dry run.
    pub fn in_memory(clock: impl Clock + 'static) -> Result<Self> {
        Self::with_backend(redb::backends::InMemoryBackend::new(), clock)
    }

    /// A journal over any redb storage backend (the web build uses browser storage).
    ///
    /// Like [`Journal::open`], storage that holds something other than a redb
    /// database is refused untouched.
    pub fn with_backend(backend: impl StorageBackend, clock: impl Clock + 'static) -> Result<Self> {
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
        let db = Database::builder().create_with_backend(backend)?;
        Self::prepare(db, Arc::new(clock), None)
    }

    fn prepare(db: Database, clock: Arc<dyn Clock>, path: Option<PathBuf>) -> Result<Self> {
        let ids = IdGen::new();
        schema::prepare(&db, clock.now(), &ids)?;
        Ok(Self {
            db,
            clock,
            ids,
            path,
            search_index: search::SearchIndex::new(),
        })
    }

    /// Where the file is, for an on-disk journal.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The journal's idea of now.
    pub fn now(&self) -> Stamp {
        self.clock.now()
    }

    /// Runs `f` in one write transaction and commits it durably only if `f` succeeds.
    pub(crate) fn write<T>(&self, f: impl FnOnce(&Writer<'_>) -> Result<T>) -> Result<T> {
        let txn = self.db.begin_write()?;
        let (out, touched) = {
            let w = Writer::new(&txn, self.clock.now(), &self.ids);
            let out = f(&w);
            (out, w.into_touched())
        };
        match out {
            Ok(v) => {
                txn.commit()?;
                self.committed(&touched);
                Ok(v)
            }
            Err(e) => {
                // Nothing of a failed command may land; abort errors are secondary.
                let _ = txn.abort();
                Err(e)
            }
        }
    }

    /// Runs `f` on a consistent snapshot.
    pub(crate) fn read<T>(&self, f: impl FnOnce(&redb::ReadTransaction) -> Result<T>) -> Result<T> {
        let txn = self.db.begin_read()?;
        f(&txn)
    }
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

#[allow(dead_code)]
fn _assert_send_sync() {
    fn is<T: Send + Sync>() {}
    is::<Journal>();
}

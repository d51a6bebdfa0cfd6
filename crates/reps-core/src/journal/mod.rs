//! The application layer: the [`Journal`] and everything a person does
//! with it, one file per activity — triaging leads ([`triage`]), interviews
//! and their prep ([`interviews`], [`prep`]), capture ([`capture`]),
//! following through ([`follow_ups`], [`messages`], [`offers`]), people
//! ([`people`]), what is due ([`today`]), the weekly look back ([`insights`]), search ([`search`]),
//! settings ([`settings`]) and data in and out ([`data_in`], [`data_out`],
//! [`tracker_import`]), plus what is shown outside the app ([`outside`]).
//!
//! Every **command** is exactly one write transaction ([`Journal::write`]),
//! committed durably before it returns, or not at all. Every **query**
//! reads one snapshot ([`Journal::read`]) and returns a view record built
//! here, so every shell (the Dioxus screens, the uniffi surface, the widget
//! snapshot) shows the same thing and only forwards.

mod capture;
mod data_in;
mod data_out;
mod follow_ups;
pub mod goes_to;
mod insights;
mod interviews;
mod messages;
mod offers;
pub mod outside;
mod people;
pub mod practice;
mod prep;
mod search;
mod settings;
pub mod shared;
pub mod sync;
mod today;
mod tracker_import;
mod triage;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use redb::{Database, ReadableDatabase, StorageBackend};

pub use capture::RESUME_WITHIN_MINUTES;
pub use goes_to::{GoesTo, MessageFor};
pub use insights::{Counts, RepsPage};
pub use interviews::{Collision, Scheduled};
pub use messages::{MessageAbout, MessageDraft};
pub use offers::OfferFile;
pub use outside::{NextInterview, Outside, Reminder, ReminderItem};
pub use people::{CompanyHistory, Person};
pub use practice::{CardOffer, PracticeCard, PracticeFacts, PracticePage, Rated, SkillPractice};
pub use prep::{ChecklistPage, PracticeOffer, WalkingIn};
pub use search::SearchResult;
pub use today::{Lesson, ThisWeek, TodayRow, WeekRow};
pub use triage::{Decided, Decision, LeadMove, LeadPage};

use crate::error::{Error, Result};
use crate::id::IdGen;
use crate::store::{self, Writer, schema};
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
    /// This install's device id: signs its changes to the records' documents.
    actor: Vec<u8>,
    /// The records' documents written last, kept loaded.
    docs: crate::sync::doc::DocCache,
    /// Whether writes keep the records' documents (always, but in the
    /// benchmark's baseline: [`Journal::without_sync_documents`]).
    documents: bool,
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
        let db = store::open_file(path)?;
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
        let db = store::open_backend(backend)?;
        Self::prepare(db, Arc::new(clock), None)
    }

    fn prepare(db: Database, clock: Arc<dyn Clock>, path: Option<PathBuf>) -> Result<Self> {
        let ids = IdGen::new();
        let actor = schema::prepare(&db, clock.now(), &ids)?;
        Ok(Self {
            db,
            clock,
            ids,
            actor,
            docs: crate::sync::doc::DocCache::default(),
            documents: true,
            path,
            search_index: search::SearchIndex::new(),
        })
    }

    /// The same journal writing its records without their sync documents:
    /// only so the benchmark can time the autosave as it was before sync,
    /// side by side with the real one. Never for a journal a person uses
    /// (its records would stop syncing).
    #[doc(hidden)]
    pub fn without_sync_documents(mut self) -> Self {
        self.documents = false;
        self
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
        let (out, done) = {
            let w = self.writer(&txn);
            let out = f(&w);
            (out, w.into_touched())
        };
        match out {
            Ok(v) => {
                self.commit(txn, done)?;
                Ok(v)
            }
            Err(e) => {
                // Nothing of a failed command may land; abort errors are secondary.
                let _ = txn.abort();
                Err(e)
            }
        }
    }

    /// Like [`Journal::write`], but `f` returning `None` leaves nothing
    /// written either (sync's "this file waits for an earlier one").
    pub(crate) fn write_unless<T>(
        &self,
        f: impl FnOnce(&Writer<'_>) -> Result<Option<T>>,
    ) -> Result<Option<T>> {
        let txn = self.db.begin_write()?;
        let (out, done) = {
            let w = self.writer(&txn);
            let out = f(&w);
            (out, w.into_touched())
        };
        match out {
            Ok(Some(v)) => {
                self.commit(txn, done)?;
                Ok(Some(v))
            }
            other => {
                let _ = txn.abort();
                other
            }
        }
    }

    /// The writer of one transaction: its time, ids, device and documents.
    fn writer<'t>(&'t self, txn: &'t redb::WriteTransaction) -> Writer<'t> {
        let mut w = Writer::new(
            txn,
            self.clock.now(),
            &self.ids,
            &self.actor,
            Some(&self.docs),
        );
        w.documents = self.documents;
        w
    }

    /// Commits durably, then brings the search index and the documents
    /// kept loaded up to date.
    fn commit(
        &self,
        txn: redb::WriteTransaction,
        (touched, written): (Vec<crate::rules::search::Target>, crate::sync::doc::Docs),
    ) -> Result<()> {
        txn.commit()?;
        self.committed(&touched);
        self.docs.keep(written);
        Ok(())
    }

    /// Runs `f` on a consistent snapshot.
    pub(crate) fn read<T>(&self, f: impl FnOnce(&redb::ReadTransaction) -> Result<T>) -> Result<T> {
        let txn = self.db.begin_read()?;
        f(&txn)
    }
}

#[allow(dead_code)]
fn _assert_send_sync() {
    fn is<T: Send + Sync>() {}
    is::<Journal>();
}

#[cfg(test)]
mod doc_tests {
    use super::*;
    use crate::store::tables::{DOC_TAILS, DOCS, LEADS};
    use crate::{LeadDetails, Source};
    use redb::{ReadableDatabase, TableHandle};

    /// The document stored for `lead`, read back as a record.
    fn stored_doc(j: &Journal, lead: &crate::Lead) -> crate::Lead {
        let txn = j.db.begin_read().unwrap();
        let docs = txn.open_table(DOCS).unwrap();
        let tails = txn.open_table(DOC_TAILS).unwrap();
        crate::store::doc_from(&docs, &tails, LEADS.name(), lead.id.key(), b"reader")
            .unwrap()
            .unwrap()
            .read::<crate::Lead>("lead")
            .unwrap()
    }

    #[test]
    fn an_aborted_write_leaves_no_stale_document_behind() {
        let clock = crate::time::ManualClock::new(crate::time::at("2026-06-01T10:00:00Z[UTC]"));
        let j = Journal::in_memory(clock).unwrap();
        let lead = j
            .add_lead(LeadDetails::new("Acme", "Dev", Source::JobBoard))
            .unwrap();
        assert_eq!(stored_doc(&j, &lead), lead);
        // a command that writes the lead, then fails: nothing of it lands
        let mut changed = lead.clone();
        changed.details.location = "Lyon".into();
        let failed = j.write(|w| {
            w.put(Some(&lead), &changed)?;
            Err::<(), _>(Error::NothingToUndo)
        });
        assert!(failed.is_err());
        assert_eq!(j.lead(lead.id).unwrap(), lead);
        assert_eq!(
            stored_doc(&j, &lead),
            lead,
            "the document did not keep the aborted edit"
        );
        // the next write starts from what was committed
        let mut edited = lead.details.clone();
        edited.role = "Senior Dev".into();
        let after = j.edit_lead(lead.id, edited).unwrap();
        assert_eq!(stored_doc(&j, &after), after);
        assert_eq!(after.details.location, "");
    }
}

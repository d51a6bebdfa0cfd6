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
    use crate::store::Read;
    use crate::store::tables::{CARDS, DEBRIEFS, DOC_BEHIND, DOC_TAILS, DOCS, LEADS};
    use crate::{CardBody, DebriefBody, LeadDetails, Source};
    use redb::{ReadableDatabase, ReadableTableMetadata, TableHandle};

    /// The record the stored document of `(table, key)` holds, and how many
    /// changes were appended to it since it was last stored whole.
    fn stored<R: serde::de::DeserializeOwned>(j: &Journal, table: &str, key: u128) -> (R, usize) {
        let txn = j.db.begin_read().unwrap();
        let docs = txn.open_table(DOCS).unwrap();
        let tails = txn.open_table(DOC_TAILS).unwrap();
        let doc = crate::store::doc_from(&docs, &tails, table, key, b"reader")
            .unwrap()
            .unwrap();
        let chunks = tails
            .range((table, key, 0u32)..=(table, key, u32::MAX))
            .unwrap()
            .count();
        (doc.read("record").unwrap(), chunks)
    }

    /// The records whose documents are behind what was typed.
    fn behind(j: &Journal) -> u64 {
        let txn = j.db.begin_read().unwrap();
        txn.open_table(DOC_BEHIND).unwrap().len().unwrap()
    }

    fn journal() -> Journal {
        let clock = crate::time::ManualClock::new(crate::time::at("2026-06-01T10:00:00Z[UTC]"));
        Journal::in_memory(clock).unwrap()
    }

    /// A card written directly, with only its question.
    fn card(j: &Journal) -> crate::Card {
        j.add_card(CardBody {
            question: "Why us?".into(),
            ..Default::default()
        })
        .unwrap()
    }

    #[test]
    fn typing_writes_the_record_and_its_document_takes_it_all_in_one_change_later() {
        let j = journal();
        let id = j.capture_note("They use").unwrap();
        let key = id.key();
        let (_, chunks_before) = stored::<crate::Debrief>(&j, DEBRIEFS.name(), key);
        let mut body = j.debrief(id).unwrap().body;
        for c in " Kafka.".chars() {
            body.notes.push(c);
            j.save_debrief(id, body.clone()).unwrap();
        }
        // each keystroke is in the record, none yet in its document
        assert_eq!(j.debrief(id).unwrap().body.notes, "They use Kafka.");
        let (held, chunks) = stored::<crate::Debrief>(&j, DEBRIEFS.name(), key);
        assert_eq!(held.body.notes, "They use");
        assert_eq!(chunks, chunks_before, "no keystroke wrote the document");
        assert_eq!(behind(&j), 1);

        j.catch_up_documents().unwrap();
        let (held, chunks) = stored::<crate::Debrief>(&j, DEBRIEFS.name(), key);
        assert_eq!(
            held,
            j.debrief(id).unwrap(),
            "the document holds the record"
        );
        assert_eq!(chunks, chunks_before + 1, "seven keystrokes, one change");
        assert_eq!(behind(&j), 0);
        // caught up already: nothing more is written
        j.catch_up_documents().unwrap();
        assert_eq!(stored::<crate::Debrief>(&j, DEBRIEFS.name(), key).1, chunks);
    }

    #[test]
    fn another_write_of_a_typed_record_brings_its_document_up_to_date_first() {
        let j = journal();
        let card = card(&j);
        let key = card.id.key();
        let mut body = card.body.clone();
        body.answer = "Your product".into();
        j.edit_card(card.id, body.clone()).unwrap();
        body.answer.push_str(" and your team.");
        j.edit_card(card.id, body).unwrap();
        assert_eq!(behind(&j), 1);
        // a practice is an ordinary write: the typing lands with it
        j.rate_card(card.id, crate::Grade::Good, None).unwrap();
        assert_eq!(behind(&j), 0);
        let (held, _) = stored::<crate::Card>(&j, CARDS.name(), key);
        assert_eq!(held.body.answer, "Your product and your team.");
        let now: crate::Card = j.read(|r| r.load(key)).unwrap();
        assert_eq!(held, now);
    }

    #[test]
    fn a_typed_record_deleted_before_its_document_caught_up_leaves_no_mark() {
        let j = journal();
        let card = card(&j);
        let mut body = card.body.clone();
        body.said = "I rambled".into();
        j.edit_card(card.id, body).unwrap();
        assert_eq!(behind(&j), 1);
        j.delete_card(card.id).unwrap();
        assert_eq!(behind(&j), 0);
        j.catch_up_documents().unwrap();
    }

    #[test]
    fn without_sync_documents_typing_marks_nothing() {
        let j = journal().without_sync_documents();
        let id = j.capture_note("Notes").unwrap();
        j.save_debrief(
            id,
            DebriefBody {
                notes: "Notes, more".into(),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(behind(&j), 0);
    }

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

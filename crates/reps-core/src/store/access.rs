//! Typed access to the tables inside one transaction: loading records,
//! reading indexes, and writing a record together with every index row it
//! implies (old rows removed, new rows added, in the same transaction).

use std::cell::RefCell;
use std::ops::Deref;

use redb::{ReadTransaction, ReadableTable, TableDefinition, TableHandle, WriteTransaction};
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::codec::{decode, encode};
use super::tables::*;
use crate::error::{Error, Result};
use crate::id::IdGen;
use crate::rules::search::Target;
use crate::sync::doc::{DocCache, Docs, RecordDoc, ToStore};
use crate::time::Stamp;
use crate::{
    Card, Checklist, ChecklistTemplate, Contact, Debrief, FollowUp, Interview, Lead, Settings,
};

/// One index row a record implies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Ix {
    LeadStatus(u8, u128),
    LeadCompany(String, u128),
    InterviewStart(i64, u128),
    InterviewLead(u128, u128),
    InterviewContact(u128, u128),
    DebriefInterview(u128, u128),
    DebriefLead(u128, u128),
    ContactCompany(String, u128),
    FollowUpDue(i64, u128),
    FollowUpLead(u128, u128),
    FollowUpContact(u128, u128),
    FollowUpRule(String, u128),
    CardDue(i64, u128),
    CardDebrief(u128, u128),
}

macro_rules! set_row {
    ($txn:expr, $def:expr, $key:expr, $insert:expr) => {{
        let mut t = $txn.open_table($def)?;
        if $insert {
            t.insert($key, ())?;
        } else {
            t.remove($key)?;
        }
    }};
}

impl Ix {
    fn apply(&self, txn: &WriteTransaction, insert: bool) -> Result<()> {
        match self {
            Ix::LeadStatus(a, b) => set_row!(txn, LEAD_BY_STATUS, (*a, *b), insert),
            Ix::LeadCompany(a, b) => set_row!(txn, LEAD_BY_COMPANY, (a.as_str(), *b), insert),
            Ix::InterviewStart(a, b) => set_row!(txn, INTERVIEW_BY_START, (*a, *b), insert),
            Ix::InterviewLead(a, b) => set_row!(txn, INTERVIEW_BY_LEAD, (*a, *b), insert),
            Ix::InterviewContact(a, b) => set_row!(txn, INTERVIEW_BY_CONTACT, (*a, *b), insert),
            Ix::DebriefInterview(a, b) => set_row!(txn, DEBRIEF_BY_INTERVIEW, (*a, *b), insert),
            Ix::DebriefLead(a, b) => set_row!(txn, DEBRIEF_BY_LEAD, (*a, *b), insert),
            Ix::ContactCompany(a, b) => set_row!(txn, CONTACT_BY_COMPANY, (a.as_str(), *b), insert),
            Ix::FollowUpDue(a, b) => set_row!(txn, FOLLOW_UP_BY_DUE, (*a, *b), insert),
            Ix::FollowUpLead(a, b) => set_row!(txn, FOLLOW_UP_BY_LEAD, (*a, *b), insert),
            Ix::FollowUpContact(a, b) => set_row!(txn, FOLLOW_UP_BY_CONTACT, (*a, *b), insert),
            Ix::CardDue(a, b) => set_row!(txn, CARD_BY_DUE, (*a, *b), insert),
            Ix::CardDebrief(a, b) => set_row!(txn, CARD_BY_DEBRIEF, (*a, *b), insert),
            Ix::FollowUpRule(k, id) => {
                let mut t = txn.open_table(FOLLOW_UP_BY_RULE)?;
                if insert {
                    t.insert(k.as_str(), id)?;
                } else {
                    t.remove(k.as_str())?;
                }
            }
        }
        Ok(())
    }
}

/// A record kind stored in its own table.
pub(crate) trait Record: Serialize + DeserializeOwned {
    /// Its table.
    const TABLE: Records;
    /// Its name in error messages.
    const KIND: &'static str;
    /// Its key.
    fn key(&self) -> u128;
    /// The index rows it implies.
    fn indexes(&self) -> Vec<Ix> {
        Vec::new()
    }
    /// What search finds it as, for the records search covers.
    fn search_target(&self) -> Option<Target> {
        None
    }
}

impl Record for Lead {
    const TABLE: Records = LEADS;
    const KIND: &'static str = "lead";
    fn search_target(&self) -> Option<Target> {
        Some(Target::Lead(self.id))
    }
    fn key(&self) -> u128 {
        self.id.key()
    }
    fn indexes(&self) -> Vec<Ix> {
        vec![
            Ix::LeadStatus(self.status.code(), self.key()),
            Ix::LeadCompany(self.company_key(), self.key()),
        ]
    }
}

impl Record for Interview {
    const TABLE: Records = INTERVIEWS;
    const KIND: &'static str = "interview";
    fn search_target(&self) -> Option<Target> {
        Some(Target::Interview(self.id))
    }
    fn key(&self) -> u128 {
        self.id.key()
    }
    fn indexes(&self) -> Vec<Ix> {
        let mut v = vec![
            Ix::InterviewStart(self.plan.start.millis(), self.key()),
            Ix::InterviewLead(self.lead.key(), self.key()),
        ];
        let mut people: Vec<u128> = self.plan.people.iter().map(|c| c.key()).collect();
        people.sort_unstable();
        people.dedup();
        v.extend(
            people
                .into_iter()
                .map(|c| Ix::InterviewContact(c, self.key())),
        );
        v
    }
}

impl Record for Debrief {
    const TABLE: Records = DEBRIEFS;
    const KIND: &'static str = "debrief";
    fn search_target(&self) -> Option<Target> {
        Some(Target::Debrief(self.id))
    }
    fn key(&self) -> u128 {
        self.id.key()
    }
    fn indexes(&self) -> Vec<Ix> {
        let mut v = Vec::new();
        if let Some(i) = self.interview {
            v.push(Ix::DebriefInterview(i.key(), self.key()));
        }
        if let Some(l) = self.lead {
            v.push(Ix::DebriefLead(l.key(), self.key()));
        }
        v
    }
}

impl Record for Contact {
    const TABLE: Records = CONTACTS;
    const KIND: &'static str = "contact";
    fn search_target(&self) -> Option<Target> {
        Some(Target::Contact(self.id))
    }
    fn key(&self) -> u128 {
        self.id.key()
    }
    fn indexes(&self) -> Vec<Ix> {
        let company = crate::domain::lead::company_key(&self.details.company);
        if company.is_empty() {
            Vec::new()
        } else {
            vec![Ix::ContactCompany(company, self.key())]
        }
    }
}

impl Record for FollowUp {
    const TABLE: Records = FOLLOW_UPS;
    const KIND: &'static str = "follow-up";
    fn key(&self) -> u128 {
        self.id.key()
    }
    fn indexes(&self) -> Vec<Ix> {
        let mut v = Vec::new();
        if self.is_open() {
            v.push(Ix::FollowUpDue(self.effective_due().millis(), self.key()));
        }
        if let Some(l) = self.lead {
            v.push(Ix::FollowUpLead(l.key(), self.key()));
        }
        if let Some(c) = self.contact {
            v.push(Ix::FollowUpContact(c.key(), self.key()));
        }
        if let Some(k) = &self.rule_key {
            v.push(Ix::FollowUpRule(k.clone(), self.key()));
        }
        v
    }
}

impl Record for Card {
    const TABLE: Records = CARDS;
    const KIND: &'static str = "practice card";
    fn key(&self) -> u128 {
        self.id.key()
    }
    fn indexes(&self) -> Vec<Ix> {
        // the due day follows from the reviews, so a merge that brings in
        // another device's practice moves the card in the index too
        let due = crate::rules::practice::schedule(self).due;
        let mut v = vec![Ix::CardDue(due.millis(), self.key())];
        if let Some(from) = &self.from {
            v.push(Ix::CardDebrief(from.debrief.key(), self.key()));
        }
        v
    }
}

impl Record for ChecklistTemplate {
    const TABLE: Records = TEMPLATES;
    const KIND: &'static str = "checklist template";
    fn key(&self) -> u128 {
        self.id.key()
    }
}

impl Record for Checklist {
    const TABLE: Records = CHECKLISTS;
    const KIND: &'static str = "checklist";
    fn key(&self) -> u128 {
        self.interview.key()
    }
}

/// The appended changes of a record's document: their bytes one after the
/// other, and how many chunks.
pub(crate) fn tail_of(
    tails: &impl ReadableTable<(&'static str, u128, u32), &'static [u8]>,
    table: &str,
    key: u128,
) -> Result<(Vec<u8>, u32)> {
    let mut bytes = Vec::new();
    let mut chunks = 0;
    for row in tails.range((table, key, 0u32)..=(table, key, u32::MAX))? {
        let (_, v) = row?;
        bytes.extend_from_slice(v.value());
        chunks += 1;
    }
    Ok((bytes, chunks))
}

/// A record's stored document: its whole part and the changes appended
/// since, or `None` when it has none.
pub(crate) fn doc_from(
    docs: &impl ReadableTable<(&'static str, u128), &'static [u8]>,
    tails: &impl ReadableTable<(&'static str, u128, u32), &'static [u8]>,
    table: &str,
    key: u128,
    actor: &[u8],
) -> Result<Option<RecordDoc>> {
    let Some(whole) = docs.get((table, key))? else {
        return Ok(None);
    };
    let (tail, chunks) = tail_of(tails, table, key)?;
    Ok(Some(RecordDoc::load_stored(
        whole.value(),
        &tail,
        chunks,
        actor,
    )?))
}

/// What taking in another device's changes to one record did.
#[derive(Debug)]
pub(crate) enum TakenIn<R> {
    /// They build on changes not seen yet: nothing was written.
    Waiting,
    /// This device had them all already.
    Unchanged,
    /// The record before and after (`None`: absent, or forgotten).
    Changed { old: Option<R>, new: Option<R> },
}

enum Merged {
    Waiting,
    Unchanged,
    Changed(Box<RecordDoc>),
}

/// Reading, the same inside a read or a write transaction.
pub(crate) trait Read {
    /// A record, if present.
    fn load_opt<R: Record>(&self, key: u128) -> Result<Option<R>>;
    /// Every record of a kind, in key (creation) order.
    fn load_all<R: Record>(&self) -> Result<Vec<R>>;
    /// The newest record of a kind (keys are time-ordered ids).
    fn load_newest<R: Record>(&self) -> Result<Option<R>>;
    /// Visits raw stored bytes of every record of a table.
    fn scan_raw(&self, table: Records, f: &mut dyn FnMut(u128, &[u8]) -> Result<()>) -> Result<()>;
    /// Record keys under `prefix` in a `(u128, u128)` index.
    fn ix_children(
        &self,
        def: TableDefinition<(u128, u128), ()>,
        prefix: u128,
    ) -> Result<Vec<u128>>;
    /// Record keys under `prefix` in a `(&str, u128)` index.
    fn ix_named(&self, def: TableDefinition<(&str, u128), ()>, prefix: &str) -> Result<Vec<u128>>;
    /// Lead keys with a status.
    fn ix_status(&self, code: u8) -> Result<Vec<u128>>;
    /// Record keys with `from <= time <= to` (millis) in a time index, in time order.
    fn ix_time(
        &self,
        def: TableDefinition<(i64, u128), ()>,
        from: i64,
        to: i64,
    ) -> Result<Vec<u128>>;
    /// The follow-up a rule key points at.
    fn rule_id(&self, key: &str) -> Result<Option<u128>>;
    /// The stored settings (defaults when none).
    fn read_settings(&self) -> Result<Settings>;

    /// A record that must exist.
    fn load<R: Record>(&self, key: u128) -> Result<R> {
        self.load_opt(key)?.ok_or_else(|| Error::NotFound {
            kind: R::KIND,
            id: Uuid::from_u128(key).to_string(),
        })
    }
    /// Several records by key, skipping none (a missing one is corruption).
    fn load_many<R: Record>(&self, keys: &[u128]) -> Result<Vec<R>> {
        keys.iter().map(|k| self.load(*k)).collect()
    }
}

macro_rules! impl_read {
    ($t:ty) => {
        impl Read for $t {
            fn load_opt<R: Record>(&self, key: u128) -> Result<Option<R>> {
                let table = self.open_table(R::TABLE)?;
                let got = table.get(key)?;
                got.map(|g| decode(g.value(), R::TABLE.name(), key))
                    .transpose()
            }
            fn load_newest<R: Record>(&self) -> Result<Option<R>> {
                let table = self.open_table(R::TABLE)?;
                let newest = table.last()?;
                newest
                    .map(|(k, v)| decode(v.value(), R::TABLE.name(), k.value()))
                    .transpose()
            }
            fn load_all<R: Record>(&self) -> Result<Vec<R>> {
                let table = self.open_table(R::TABLE)?;
                let mut out = Vec::new();
                for row in table.range::<u128>(..)? {
                    let (k, v) = row?;
                    out.push(decode(v.value(), R::TABLE.name(), k.value())?);
                }
                Ok(out)
            }
            fn scan_raw(
                &self,
                def: Records,
                f: &mut dyn FnMut(u128, &[u8]) -> Result<()>,
            ) -> Result<()> {
                let table = self.open_table(def)?;
                for row in table.range::<u128>(..)? {
                    let (k, v) = row?;
                    f(k.value(), v.value())?;
                }
                Ok(())
            }
            fn ix_children(
                &self,
                def: TableDefinition<(u128, u128), ()>,
                prefix: u128,
            ) -> Result<Vec<u128>> {
                let table = self.open_table(def)?;
                let mut out = Vec::new();
                for row in table.range((prefix, 0u128)..=(prefix, u128::MAX))? {
                    out.push(row?.0.value().1);
                }
                Ok(out)
            }
            fn ix_named(
                &self,
                def: TableDefinition<(&str, u128), ()>,
                prefix: &str,
            ) -> Result<Vec<u128>> {
                let table = self.open_table(def)?;
                let mut out = Vec::new();
                for row in table.range((prefix, 0u128)..=(prefix, u128::MAX))? {
                    out.push(row?.0.value().1);
                }
                Ok(out)
            }
            fn ix_status(&self, code: u8) -> Result<Vec<u128>> {
                let table = self.open_table(LEAD_BY_STATUS)?;
                let mut out = Vec::new();
                for row in table.range((code, 0u128)..=(code, u128::MAX))? {
                    out.push(row?.0.value().1);
                }
                Ok(out)
            }
            fn ix_time(
                &self,
                def: TableDefinition<(i64, u128), ()>,
                from: i64,
                to: i64,
            ) -> Result<Vec<u128>> {
                if from > to {
                    return Ok(Vec::new());
                }
                let table = self.open_table(def)?;
                let mut out = Vec::new();
                for row in table.range((from, 0u128)..=(to, u128::MAX))? {
                    out.push(row?.0.value().1);
                }
                Ok(out)
            }
            fn rule_id(&self, key: &str) -> Result<Option<u128>> {
                let table = self.open_table(FOLLOW_UP_BY_RULE)?;
                Ok(table.get(key)?.map(|g| g.value()))
            }
            fn read_settings(&self) -> Result<Settings> {
                let table = self.open_table(SETTINGS)?;
                match table.get("settings")? {
                    Some(g) => decode(g.value(), SETTINGS.name(), 0),
                    None => Ok(Settings::default()),
                }
            }
        }
    };
}

impl_read!(ReadTransaction);
impl_read!(WriteTransaction);
impl_read!(Writer<'_>);

/// A write transaction with the time of the change and the id source.
pub(crate) struct Writer<'a> {
    txn: &'a WriteTransaction,
    /// The time every change in this transaction carries.
    pub now: Stamp,
    ids: &'a IdGen,
    /// This device's id, which signs the changes of the records' documents.
    actor: &'a [u8],
    /// Documents kept loaded between writes (none during a migration).
    cache: Option<&'a DocCache>,
    /// Documents written in this transaction, for the cache once committed.
    written: RefCell<Docs>,
    /// The searched records written so far, for the search index after commit.
    touched: RefCell<Vec<Target>>,
    /// Whether records' documents are written (see
    /// `Journal::without_sync_documents`).
    pub(crate) documents: bool,
}

impl<'a> Writer<'a> {
    pub(crate) fn new(
        txn: &'a WriteTransaction,
        now: Stamp,
        ids: &'a IdGen,
        actor: &'a [u8],
        cache: Option<&'a DocCache>,
    ) -> Self {
        Self {
            txn,
            now,
            ids,
            actor,
            cache,
            written: RefCell::new(Docs::new()),
            touched: RefCell::new(Vec::new()),
            documents: true,
        }
    }

    /// The searched records this transaction wrote, and the documents it
    /// wrote (for the cache, once committed).
    pub(crate) fn into_touched(self) -> (Vec<Target>, Docs) {
        (self.touched.into_inner(), self.written.into_inner())
    }

    /// A new time-ordered id.
    pub fn new_id(&self) -> Uuid {
        self.ids.next(self.now)
    }

    /// Writes `new`, replacing `old` (the stored version, if any) and moving its index rows.
    pub fn put<R: Record>(&self, old: Option<&R>, new: &R) -> Result<()> {
        self.put_record(old, new)?;
        if !self.documents {
            return Ok(());
        }
        self.put_doc(R::TABLE.name(), new.key(), old, new)
    }

    /// Writes `new` as the person types it (an autosave), replacing `old`:
    /// the record and its index rows now, its document only marked behind
    /// ([`DOC_BEHIND`]). [`Writer::catch_up`] later folds everything typed
    /// since into the document as one change, so a keystroke with sync on
    /// costs what it cost before sync.
    pub fn put_as_typed<R: Record>(&self, old: &R, new: &R) -> Result<()> {
        self.put_record(Some(old), new)?;
        if !self.documents {
            return Ok(());
        }
        let mut behind = self.txn.open_table(DOC_BEHIND)?;
        let id = (R::TABLE.name(), new.key());
        if behind.get(id)?.is_none() {
            behind.insert(id, ())?;
        }
        Ok(())
    }

    /// Whether the document of `(table, key)` is behind its record (see
    /// [`Writer::put_as_typed`]); the mark is taken off, as the caller
    /// brings the document up to date in this transaction.
    fn take_behind_mark(&self, table: &str, key: u128) -> Result<bool> {
        let mut behind = self.txn.open_table(DOC_BEHIND)?;
        // looked up first: most writes find no mark and change nothing
        if behind.get((table, key))?.is_none() {
            return Ok(false);
        }
        behind.remove((table, key))?;
        Ok(true)
    }

    /// Brings the document of the record `key` up to date with the record
    /// when it is behind (see [`Writer::put_as_typed`]): everything typed
    /// since becomes one change, to send with the next round.
    pub(crate) fn catch_up<R: Record>(&self, key: u128) -> Result<()> {
        let table = R::TABLE.name();
        if !self.take_behind_mark(table, key)? {
            return Ok(());
        }
        let Some(record) = self.load_opt::<R>(key)? else {
            return Ok(());
        };
        self.catch_up_doc(table, key, &record)
    }

    /// Writes `record` into the document of `(table, key)`, which may hold
    /// an older version of it than the last one written.
    fn catch_up_doc<T: serde::Serialize>(&self, table: &str, key: u128, record: &T) -> Result<()> {
        let id = (table.to_string(), key);
        let mut doc = self.doc_of(&id)?;
        self.mark_unsent(table, key, &mut doc)?;
        doc.catch_up(record)?;
        self.store_doc(table, key, &mut doc)?;
        self.keep_written(id, doc);
        Ok(())
    }

    /// Writes the record and moves its index rows, leaving its document alone.
    fn put_record<R: Record>(&self, old: Option<&R>, new: &R) -> Result<()> {
        let old_ix = old.map(Record::indexes).unwrap_or_default();
        let new_ix = new.indexes();
        for ix in old_ix.iter().filter(|ix| !new_ix.contains(ix)) {
            ix.apply(self.txn, false)?;
        }
        for ix in new_ix.iter().filter(|ix| !old_ix.contains(ix)) {
            ix.apply(self.txn, true)?;
        }
        let bytes = encode(new)?;
        self.txn
            .open_table(R::TABLE)?
            .insert(new.key(), bytes.as_slice())?;
        if let Some(t) = new.search_target() {
            self.touched.borrow_mut().push(t);
        }
        Ok(())
    }

    /// Brings the record's document in line with `record`, in this
    /// transaction: only what changed becomes an Automerge change.
    pub(crate) fn put_doc<T: serde::Serialize>(
        &self,
        table: &str,
        key: u128,
        old: Option<&T>,
        record: &T,
    ) -> Result<()> {
        if self.take_behind_mark(table, key)? {
            // `old` is newer than what the document holds
            return self.catch_up_doc(table, key, record);
        }
        let id = (table.to_string(), key);
        let mut doc = self.doc_of(&id)?;
        self.mark_unsent(table, key, &mut doc)?;
        doc.write_change(old, record)?;
        self.store_doc(table, key, &mut doc)?;
        // a bulk write (an import) keeps only a few loaded: the others are
        // read from the table again if written twice
        self.keep_written(id, doc);
        Ok(())
    }

    /// The document of `id`: written earlier in this transaction, else kept
    /// from the last commit, else read from the tables, else a new one.
    fn doc_of(&self, id: &(String, u128)) -> Result<RecordDoc> {
        Ok(self
            .stored_doc(id)?
            .unwrap_or_else(|| RecordDoc::new(self.actor)))
    }

    /// The document of `id` if this device has one (see [`Writer::doc_of`]).
    fn stored_doc(&self, id: &(String, u128)) -> Result<Option<RecordDoc>> {
        let earlier = self.written.borrow_mut().remove(id);
        if let Some(doc) = earlier.or_else(|| self.cache.and_then(|c| c.take(id))) {
            return Ok(Some(doc));
        }
        let docs = self.txn.open_table(DOCS)?;
        let tails = self.txn.open_table(DOC_TAILS)?;
        doc_from(&docs, &tails, &id.0, id.1, self.actor)
    }

    /// Stores what changed in `doc`: its new changes appended, or the whole
    /// document now and then.
    fn store_doc(&self, table: &str, key: u128, doc: &mut RecordDoc) -> Result<()> {
        match doc.to_store() {
            ToStore::Nothing => {}
            ToStore::Append { index, bytes } => {
                self.txn
                    .open_table(DOC_TAILS)?
                    .insert((table, key, index), bytes.as_slice())?;
            }
            ToStore::Whole { bytes, drop } => {
                self.txn
                    .open_table(DOCS)?
                    .insert((table, key), bytes.as_slice())?;
                let mut tails = self.txn.open_table(DOC_TAILS)?;
                for index in 0..drop {
                    tails.remove((table, key, index))?;
                }
            }
        }
        Ok(())
    }

    /// Notes that the document of `(table, key)` changes in this
    /// transaction and is to be sent, with the heads it had before its
    /// first unsent change.
    fn mark_unsent(&self, table: &str, key: u128, doc: &mut RecordDoc) -> Result<()> {
        let mut unsent = self.txn.open_table(SYNC_UNSENT)?;
        // already unsent: the heads before its first unsent change stay (a
        // send made meanwhile sees the document's heads moved on)
        if unsent.get((table, key))?.is_some() {
            return Ok(());
        }
        unsent.insert((table, key), doc.heads().to_bytes().as_slice())?;
        Ok(())
    }

    /// Removes `old` (the stored version) and its index rows: only for what
    /// the user asked to be forgotten. Its document stays, marked
    /// forgotten, so the other devices forget it too.
    pub fn remove<R: Record>(&self, old: &R) -> Result<()> {
        self.drop_record(old)?;
        let table = R::TABLE.name();
        // what was typed last is forgotten with the rest
        self.take_behind_mark(table, old.key())?;
        let id = (table.to_string(), old.key());
        let mut doc = self.doc_of(&id)?;
        self.mark_unsent(table, old.key(), &mut doc)?;
        doc.forget()?;
        self.store_doc(table, old.key(), &mut doc)?;
        self.keep_written(id, doc);
        Ok(())
    }

    /// Removes the record and its index rows, leaving its document alone.
    fn drop_record<R: Record>(&self, old: &R) -> Result<()> {
        for ix in old.indexes() {
            ix.apply(self.txn, false)?;
        }
        self.txn.open_table(R::TABLE)?.remove(old.key())?;
        if let Some(t) = old.search_target() {
            self.touched.borrow_mut().push(t);
        }
        Ok(())
    }

    /// Takes in another device's document or changes for one record:
    /// merged into this device's document, and the record table, its
    /// indexes and the search brought in line with the result, all in this
    /// transaction. Returns the record before and after (`None` when absent
    /// or forgotten), or [`TakenIn::Waiting`] when the changes build on
    /// earlier ones that have not arrived: the caller then commits nothing
    /// (`Journal::write_unless`), since this device's typing may already
    /// have been caught up into its document here. That comes first on
    /// purpose: caught up after the merge, the diff would undo the other
    /// device's changes.
    pub(crate) fn take_in_doc<R: Record + Clone>(
        &self,
        key: u128,
        bytes: &[u8],
        check: impl FnOnce(&R) -> Result<()>,
    ) -> Result<TakenIn<R>> {
        // what was typed here first, so the merge keeps both sides' words
        self.catch_up::<R>(key)?;
        let table = R::TABLE.name();
        let id = (table.to_string(), key);
        let mut doc = match self.merge_doc(table, key, bytes)? {
            Merged::Waiting => return Ok(TakenIn::Waiting),
            Merged::Unchanged => return Ok(TakenIn::Unchanged),
            Merged::Changed(doc) => *doc,
        };
        let old: Option<R> = self.load_opt(key)?;
        let new: Option<R> = if doc.is_forgotten() {
            None
        } else {
            let record: R = doc.read(R::KIND)?;
            if record.key() != key {
                return Err(crate::sync::doc::DocError::NotARecord {
                    kind: R::KIND,
                    why: "its id is not the one it was sent under".into(),
                }
                .into());
            }
            check(&record)?;
            Some(record)
        };
        match (&old, &new) {
            (_, Some(n)) => self.put_record(old.as_ref(), n)?,
            (Some(o), None) => self.drop_record(o)?,
            (None, None) => {}
        }
        self.store_doc(table, key, &mut doc)?;
        self.keep_written(id, doc);
        Ok(TakenIn::Changed { old, new })
    }

    /// Takes in another device's changes to the settings (see
    /// [`Writer::take_in_doc`]); `true` when they changed.
    pub(crate) fn take_in_settings(&self, bytes: &[u8]) -> Result<Option<bool>> {
        let table = SETTINGS.name();
        let mut doc = match self.merge_doc(table, 0, bytes)? {
            Merged::Waiting => return Ok(None),
            Merged::Unchanged => return Ok(Some(false)),
            Merged::Changed(doc) => *doc,
        };
        let settings: Settings = doc.read("settings")?;
        let encoded = encode(&settings)?;
        self.txn
            .open_table(SETTINGS)?
            .insert("settings", encoded.as_slice())?;
        self.store_doc(table, 0, &mut doc)?;
        self.keep_written((table.to_string(), 0), doc);
        Ok(Some(true))
    }

    /// This device's document of `(table, key)` with `bytes` merged in.
    fn merge_doc(&self, table: &str, key: u128, bytes: &[u8]) -> Result<Merged> {
        let id = (table.to_string(), key);
        let Some(mut doc) = self.stored_doc(&id)? else {
            // a record new here, sent whole (a snapshot, a device joining):
            // its document is kept as it came, not encoded again
            if let Ok(mut doc) = RecordDoc::load(bytes, self.actor)
                && !doc.lacks_earlier_changes()
            {
                self.txn.open_table(DOCS)?.insert((table, key), bytes)?;
                return Ok(Merged::Changed(Box::new(doc)));
            }
            let mut doc = RecordDoc::new(self.actor);
            doc.take_in(bytes)?;
            if doc.lacks_earlier_changes() {
                return Ok(Merged::Waiting);
            }
            return Ok(Merged::Changed(Box::new(doc)));
        };
        let before = doc.heads();
        doc.take_in(bytes)?;
        if doc.lacks_earlier_changes() {
            return Ok(Merged::Waiting);
        }
        if doc.heads() == before {
            self.keep_written(id, doc);
            return Ok(Merged::Unchanged);
        }
        Ok(Merged::Changed(Box::new(doc)))
    }

    fn keep_written(&self, id: (String, u128), doc: RecordDoc) {
        let mut written = self.written.borrow_mut();
        if written.len() < crate::sync::doc::CACHED_DOCS {
            written.insert(id, doc);
        }
    }

    /// Stores settings.
    pub fn put_settings(&self, s: &Settings) -> Result<()> {
        let bytes = encode(s)?;
        self.txn
            .open_table(SETTINGS)?
            .insert("settings", bytes.as_slice())?;
        self.put_doc(SETTINGS.name(), 0, None, s)
    }
}

impl Deref for Writer<'_> {
    type Target = WriteTransaction;
    fn deref(&self) -> &WriteTransaction {
        self.txn
    }
}

//! The journal file: persistence, refusals that leave files untouched, a full
//! disk, and the schema fixtures written by earlier versions.

mod common;

use std::sync::{
    Arc,
    atomic::{AtomicBool, Ordering},
};

use common::*;
use redb::{StorageBackend, backends::InMemoryBackend};
use reps_core::store::schema::SCHEMA_VERSION;
use reps_core::{Error, Journal, LeadDetails, ManualClock, Source, demo};

const NOW: &str = "2026-11-23T18:00:00+01:00[Europe/Paris]";

fn demo_journal_at(path: &std::path::Path) -> Journal {
    let c = clock(NOW);
    let j = Journal::open(path, c.clone()).unwrap();
    demo::populate(&j, &c, at(NOW)).unwrap();
    j
}

#[test]
fn everything_survives_close_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.redb");
    let before = snapshot(&demo_journal_at(&path));
    let reopened = Journal::open(&path, clock(NOW)).unwrap();
    assert_eq!(snapshot(&reopened), before);
    assert!(reopened.counts().unwrap().leads >= 10);
}

#[test]
fn a_missing_folder_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a/b/journal.redb");
    Journal::open(&path, clock(NOW)).unwrap();
    assert!(path.exists());
}

#[test]
fn a_journal_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.redb");
    drop(demo_journal_at(&path));
    {
        let db = redb::Database::open(&path).unwrap();
        let txn = db.begin_write().unwrap();
        txn.open_table(reps_core::store::tables::META)
            .unwrap()
            .insert("schema", SCHEMA_VERSION + 1)
            .unwrap();
        txn.commit().unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    let err = Journal::open(&path, clock(NOW)).unwrap_err();
    assert!(
        matches!(err, Error::NewerSchema { found, .. } if found == SCHEMA_VERSION + 1),
        "{err}"
    );
    assert!(err.to_string().contains("update the app"));
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "file must not change");
}

#[test]
fn a_foreign_file_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.redb");
    let junk = b"PK\x03\x04 this is a zip file, not a journal".repeat(100);
    std::fs::write(&path, &junk).unwrap();
    let err = Journal::open(&path, clock(NOW)).unwrap_err();
    assert!(matches!(err, Error::Corrupt(_)), "{err}");
    assert!(err.to_string().contains("not a Reps journal"));
    assert_eq!(std::fs::read(&path).unwrap(), junk);
}

#[test]
fn another_redb_database_is_not_taken_for_a_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.redb");
    {
        let db = redb::Database::create(&path).unwrap();
        let txn = db.begin_write().unwrap();
        let def: redb::TableDefinition<u64, u64> = redb::TableDefinition::new("someone-else");
        txn.open_table(def).unwrap().insert(1, 2).unwrap();
        txn.commit().unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    let err = Journal::open(&path, clock(NOW)).unwrap_err();
    assert!(err.to_string().contains("not a Reps journal"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_second_process_gets_a_clear_busy_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.redb");
    let _first = Journal::open(&path, clock(NOW)).unwrap();
    let err = Journal::open(&path, clock(NOW)).unwrap_err();
    assert!(matches!(err, Error::Busy), "{err}");
}

/// An in-memory disk that can be made to run out of space.
#[derive(Debug)]
struct FillableDisk {
    inner: InMemoryBackend,
    full: Arc<AtomicBool>,
}

impl StorageBackend for FillableDisk {
    fn len(&self) -> Result<u64, std::io::Error> {
        self.inner.len()
    }
    fn read(&self, offset: u64, out: &mut [u8]) -> Result<(), std::io::Error> {
        self.inner.read(offset, out)
    }
    fn set_len(&self, len: u64) -> Result<(), std::io::Error> {
        if self.full.load(Ordering::SeqCst) && len > self.inner.len()? {
            return Err(std::io::Error::from_raw_os_error(28));
        }
        self.inner.set_len(len)
    }
    fn sync_data(&self) -> Result<(), std::io::Error> {
        if self.full.load(Ordering::SeqCst) {
            return Err(std::io::Error::from_raw_os_error(28));
        }
        self.inner.sync_data()
    }
    fn write(&self, offset: u64, data: &[u8]) -> Result<(), std::io::Error> {
        if self.full.load(Ordering::SeqCst) {
            return Err(std::io::Error::from_raw_os_error(28));
        }
        self.inner.write(offset, data)
    }
    fn close(&self) -> Result<(), std::io::Error> {
        self.inner.close()
    }
}

#[test]
fn a_full_disk_gives_a_clear_error_and_loses_nothing_committed() {
    let full = Arc::new(AtomicBool::new(false));
    let disk = FillableDisk {
        inner: InMemoryBackend::new(),
        full: full.clone(),
    };
    let j = Journal::with_backend(disk, ManualClock::new(at(NOW))).unwrap();
    let kept = j
        .add_lead(LeadDetails::new("Acme", "Engineer", Source::JobBoard))
        .unwrap();

    full.store(true, Ordering::SeqCst);
    let err = j
        .add_lead(LeadDetails::new("Globex", "Engineer", Source::JobBoard))
        .unwrap_err();
    assert!(matches!(err, Error::Disk(_)), "{err:?}");
    assert!(err.to_string().contains("Nothing was changed"), "{err}");

    full.store(false, Ordering::SeqCst);
    // redb refuses further writes after an I/O failure until reopened; reads still work
    // or the error stays a clear Disk error — never a panic, never a lost lead.
    match j.lead(kept.id) {
        Ok(l) => assert_eq!(l.details.company, "Acme"),
        Err(e) => assert!(matches!(e, Error::Disk(_)), "{e:?}"),
    }
}

#[test]
fn a_reopened_journal_has_everything_and_takes_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.redb");
    let j = Journal::open(&path, clock(NOW)).unwrap();
    let kept = j
        .add_lead(LeadDetails::new("Acme", "Engineer", Source::JobBoard))
        .unwrap();
    let j = j.reopen().unwrap();
    assert_eq!(j.lead(kept.id).unwrap().details.company, "Acme");
    j.add_lead(LeadDetails::new("Globex", "Engineer", Source::JobBoard))
        .unwrap();
    assert_eq!(j.deck().unwrap().len(), 2);
    // a journal that is not a file says so instead of pretending
    let memory = Journal::in_memory(ManualClock::new(at(NOW))).unwrap();
    assert!(matches!(memory.reopen().unwrap_err(), Error::Disk(_)));
}

#[test]
fn the_v1_fixture_opens_with_all_its_data() {
    let fixture = fixtures().join("journal-v1.redb");
    let expected = std::fs::read_to_string(fixtures().join("journal-v1.json")).unwrap();
    // Work on a copy: opening may upgrade the file, the fixture must stay as shipped.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.redb");
    std::fs::copy(&fixture, &path).unwrap();
    let j = Journal::open(&path, clock(NOW)).unwrap();
    let mut expected: reps_core::formats::backup::Backup = serde_json::from_str(&expected).unwrap();
    expected.exported = at("2000-01-01T00:00:00Z[UTC]");
    // exported again by this build, in this build's backup layout
    expected.version = reps_core::formats::backup::VERSION;
    assert_eq!(snapshot(&j), serde_json::to_string(&expected).unwrap());
    // and the upgraded journal takes new writes
    j.add_lead(LeadDetails::new(
        "After upgrade",
        "Engineer",
        Source::JobBoard,
    ))
    .unwrap();
}

/// Every row of every table, as text, by table name (keys and values as
/// stored; values of record tables are the codec's bytes).
fn dump(path: &std::path::Path) -> std::collections::BTreeMap<String, Vec<String>> {
    use redb::{ReadableDatabase, ReadableTable};
    use reps_core::store::tables::*;
    let db = redb::ReadOnlyDatabase::open(path).unwrap();
    let txn = db.begin_read().unwrap();
    let mut out = std::collections::BTreeMap::new();
    // every row as "key => value", the value shown by `$show`
    macro_rules! dump {
        ($def:expr, $show:expr) => {{
            let def = $def;
            let name = redb::TableHandle::name(&def).to_string();
            let table = txn.open_table(def).unwrap();
            let rows: Vec<String> = table
                .iter()
                .unwrap()
                .map(|row| {
                    let (k, v) = row.unwrap();
                    format!("{:?} => {}", k.value(), $show(&name, v.value()))
                })
                .collect();
            out.insert(name, rows);
        }};
    }
    // records and settings decoded as this build reads them (an older
    // build's bytes lack fields added since, with their defaults)
    macro_rules! records {
        ($($def:expr => $ty:ty),* $(,)?) => {$(
            dump!($def, |name: &str, bytes: &[u8]| {
                let record: $ty = decode(bytes, name, 0).unwrap();
                serde_json::to_string(&record).unwrap()
            });
        )*};
    }
    // indexes and meta as stored
    macro_rules! rows {
        ($($def:expr),* $(,)?) => {$( dump!($def, |_: &str, v| format!("{v:?}")); )*};
    }
    use reps_core::store::codec::decode;
    use reps_core::*;
    records!(
        SETTINGS => Settings, LEADS => Lead, INTERVIEWS => Interview, DEBRIEFS => Debrief,
        CONTACTS => Contact, FOLLOW_UPS => FollowUp, TEMPLATES => ChecklistTemplate,
        CHECKLISTS => Checklist, CARDS => Card,
    );
    rows!(
        META,
        LEAD_BY_STATUS,
        LEAD_BY_COMPANY,
        INTERVIEW_BY_START,
        INTERVIEW_BY_LEAD
    );
    rows!(
        INTERVIEW_BY_CONTACT,
        DEBRIEF_BY_INTERVIEW,
        DEBRIEF_BY_LEAD,
        CONTACT_BY_COMPANY
    );
    rows!(
        FOLLOW_UP_BY_DUE,
        FOLLOW_UP_BY_LEAD,
        FOLLOW_UP_BY_CONTACT,
        FOLLOW_UP_BY_RULE
    );
    rows!(CARD_BY_DUE, CARD_BY_DEBRIEF);
    // each record's sync document, as the record it holds (the bytes carry
    // the device and the time, which differ between two journals)
    if SCHEMA_VERSION >= 2 {
        let table = txn.open_table(DOCS).unwrap();
        let tails = (SCHEMA_VERSION >= 3).then(|| txn.open_table(DOC_TAILS).unwrap());
        let rows: Vec<String> = table
            .iter()
            .unwrap()
            .map(|row| {
                let (k, v) = row.unwrap();
                let (t, key) = k.value();
                let mut tail = Vec::new();
                let mut chunks = 0;
                if let Some(tails) = &tails {
                    for row in tails.range((t, key, 0u32)..=(t, key, u32::MAX)).unwrap() {
                        tail.extend_from_slice(row.unwrap().1.value());
                        chunks += 1;
                    }
                }
                let doc = reps_core::sync::doc::RecordDoc::load_stored(
                    v.value(),
                    &tail,
                    chunks,
                    b"reader",
                )
                .unwrap();
                let json: serde_json::Value = doc.read("record").unwrap();
                format!("{t}:{key} => {json}")
            })
            .collect();
        out.insert("sync-docs-2".to_string(), rows);
        let device = txn.open_table(DEVICE).unwrap();
        let rows: Vec<String> = device
            .iter()
            .unwrap()
            .map(|row| {
                let (k, v) = row.unwrap();
                format!("{} => {} bytes", k.value(), v.value().len())
            })
            .collect();
        out.insert("device-2".to_string(), rows);
    }
    // what is still to send (the heads differ between two journals) and
    // the remote files taken in
    // the keys of a table keyed by a record's table name and key
    fn record_keys<V: redb::Value + 'static>(
        txn: &redb::ReadTransaction,
        def: redb::TableDefinition<(&'static str, u128), V>,
    ) -> Vec<String> {
        txn.open_table(def)
            .unwrap()
            .iter()
            .unwrap()
            .map(|row| {
                let (k, _) = row.unwrap();
                let (t, key) = k.value();
                format!("{t}:{key}")
            })
            .collect()
    }
    if SCHEMA_VERSION >= 3 {
        out.insert("sync-unsent-3".to_string(), record_keys(&txn, SYNC_UNSENT));
        let table = txn.open_table(SYNC_SEEN).unwrap();
        let rows: Vec<String> = table
            .iter()
            .unwrap()
            .map(|row| row.unwrap().0.value().to_string())
            .collect();
        out.insert("sync-seen-3".to_string(), rows);
        // appended changes are folded into the documents above
        out.insert("sync-doc-tails-3".to_string(), Vec::new());
    }
    // the documents behind what was typed
    if SCHEMA_VERSION >= 6 {
        out.insert(
            "sync-doc-behind-6".to_string(),
            record_keys(&txn, DOC_BEHIND),
        );
    }
    // nothing else may be in the file
    let mut names = reps_core::store::schema::table_names(&db).unwrap();
    names.sort();
    assert_eq!(
        names,
        out.keys().cloned().collect::<Vec<_>>(),
        "{}",
        path.display()
    );
    out
}

/// mozilla application-services' `test_all_upgrades`: every fixture of an
/// older schema, opened by this build, equals a journal created fresh by
/// this build holding the same records — table by table, row by row,
/// indexes and settings included.
#[test]
fn every_upgraded_fixture_equals_a_fresh_journal_with_its_records() {
    for version in 1..=SCHEMA_VERSION {
        let name = format!("journal-v{version}");
        let dir = tempfile::tempdir().unwrap();
        let upgraded = dir.path().join("upgraded.redb");
        std::fs::copy(fixtures().join(format!("{name}.redb")), &upgraded).unwrap();
        let mut old = Journal::open(&upgraded, clock(NOW)).unwrap();
        if version < 6 {
            // older journals knew no typing left behind: the migrations leave
            // every document caught up
            drop(old);
            assert_eq!(
                dump(&upgraded)["sync-doc-behind-6"],
                Vec::<String>::new(),
                "{name}"
            );
            old = Journal::open(&upgraded, clock(NOW)).unwrap();
        }
        // what was typed last reaches the documents, as before any send
        old.catch_up_documents().unwrap();
        let backup = old.export_json().unwrap();
        drop(old);

        let fresh = dir.path().join("fresh.redb");
        let new = Journal::open(&fresh, clock(NOW)).unwrap();
        let own_template = new.settings().unwrap().default_template.unwrap();
        new.import_json(&backup).unwrap();
        drop(new);

        let (old, mut new) = (dump(&upgraded), dump(&fresh));
        // the fresh journal's own starting checklist is the one row it has
        // more — unless the fixture's is the same one (from schema 3 on the
        // default checklist has the same id on every install)
        let own = format!("{:?} => ", own_template.0.as_u128());
        let shared = old["templates-1"].iter().any(|row| row.starts_with(&own));
        if !shared {
            let templates = new.get_mut("templates-1").unwrap();
            let before = templates.len();
            templates.retain(|row| !row.starts_with(&own));
            assert_eq!(templates.len(), before - 1, "{name}: the fresh template");
            if let Some(docs) = new.get_mut("sync-docs-2") {
                let own_doc = format!("templates-1:{} => ", own_template.0.as_u128());
                docs.retain(|row| !row.starts_with(&own_doc));
            }
            if let Some(unsent) = new.get_mut("sync-unsent-3") {
                let own_doc = format!("templates-1:{}", own_template.0.as_u128());
                unsent.retain(|row| *row != own_doc);
            }
        } else {
            assert!(version >= 3, "{name}");
        }
        assert_eq!(
            old.keys().collect::<Vec<_>>(),
            new.keys().collect::<Vec<_>>(),
            "{name}"
        );
        assert!(
            old["leads-1"].len() > 3,
            "{name}: the fixture holds a journal"
        );
        for (table, rows) in &old {
            assert_eq!(rows, &new[table], "{name}: table {table} differs");
        }
    }
}

/// Writes the fixture of the current schema. Run once per schema version:
/// `cargo test -p reps-core --test storage -- --ignored write_fixture`,
/// then keep the files forever (never regenerate an old version's fixture).
#[test]
#[ignore]
fn write_fixture() {
    let name = format!("journal-v{SCHEMA_VERSION}");
    let redb_path = fixtures().join(format!("{name}.redb"));
    assert!(
        !redb_path.exists(),
        "fixtures of a shipped schema are never rewritten"
    );
    let j = demo_journal_at(&redb_path);
    std::fs::write(
        fixtures().join(format!("{name}.json")),
        j.export_json().unwrap(),
    )
    .unwrap();
}

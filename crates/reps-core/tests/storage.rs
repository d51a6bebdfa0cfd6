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
    assert_eq!(snapshot(&j), serde_json::to_string(&expected).unwrap());
    // and the upgraded journal takes new writes
    j.add_lead(LeadDetails::new(
        "After upgrade",
        "Engineer",
        Source::JobBoard,
    ))
    .unwrap();
    assert_eq!(
        reps_core::store::schema::table_names(
            &redb::ReadOnlyDatabase::open(fixtures().join("journal-v1.redb")).unwrap()
        )
        .unwrap()
        .len(),
        reps_core::store::schema::table_names(
            &redb::ReadOnlyDatabase::open(&{
                drop(j);
                path
            })
            .unwrap()
        )
        .unwrap()
        .len()
    );
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

//! The JSON backup: exact round trips, and refusals that change nothing.

mod common;

use common::*;
use reps_core::formats::backup::{self, BackupError};
use reps_core::*;

const NOW: &str = "2026-11-23T18:00:00+01:00[Europe/Paris]";

fn demo() -> Journal {
    let c = clock(NOW);
    let j = Journal::in_memory(c.clone()).unwrap();
    reps_core::demo::populate(&j, &c, at(NOW)).unwrap();
    j
}

#[test]
fn export_then_import_into_an_empty_journal_is_exact() {
    let original = demo();
    let bytes = original.export_json().unwrap();
    let (copy, _) = memory(NOW);
    // the fresh journal has its own default template; the backup's replaces the settings
    let summary = copy.import_json(&bytes).unwrap();
    assert!(summary.added > 50, "{summary:?}");
    let mut a = original.export().unwrap();
    let mut b = copy.export().unwrap();
    // the copy also keeps its own starter template: compare everything else exactly
    b.templates
        .retain(|t| a.templates.iter().any(|x| x.id == t.id));
    a.exported = b.exported;
    assert_eq!(a, b);
    // and a second export → import is a no-op
    let again = copy.import_json(&copy.export_json().unwrap()).unwrap();
    assert_eq!((again.added, again.kept), (0, 0));
}

#[test]
fn the_v1_backup_fixture_still_imports() {
    let bytes = std::fs::read(fixtures().join("journal-v1.json")).unwrap();
    let (j, _) = memory(NOW);
    j.import_json(&bytes).unwrap();
    assert_eq!(j.reps().unwrap().total, 6);
}

#[test]
fn a_truncated_or_corrupt_backup_changes_nothing() {
    let bytes = demo().export_json().unwrap();
    let (j, _) = memory(NOW);
    j.add_lead(LeadDetails::new("Mine", "Dev", Source::JobBoard))
        .unwrap();
    let before = snapshot(&j);
    for cut in [10, bytes.len() / 3, bytes.len() - 2] {
        let err = j.import_json(&bytes[..cut]).unwrap_err();
        assert!(
            matches!(err, Error::Backup(BackupError::Unreadable(_))),
            "{err}"
        );
    }
    let mut flipped = bytes.clone();
    let pos = flipped.iter().position(|b| *b == b'{').unwrap() + 1;
    flipped[pos] = b'#';
    assert!(j.import_json(&flipped).is_err());
    assert!(matches!(
        j.import_json(b"name,company\nAda,Acme\n"),
        Err(Error::Backup(_))
    ));
    assert!(matches!(
        j.import_json(br#"{"format":"something-else","version":1}"#),
        Err(Error::Backup(BackupError::Foreign))
    ));
    assert_eq!(snapshot(&j), before);
}

#[test]
fn invalid_records_and_dangling_references_are_named_and_nothing_is_written() {
    let good = demo().export().unwrap();
    let (j, _) = memory(NOW);
    let before = snapshot(&j);

    let mut b = good.clone();
    b.leads[3].details.company = " ".into();
    let err = j.import(b).unwrap_err();
    assert!(
        err.to_string()
            .contains(&format!("lead {}", good.leads[3].id)),
        "{err}"
    );
    assert!(err.to_string().contains("company"), "{err}");

    let mut b = good.clone();
    b.leads.remove(0);
    let err = j.import(b).unwrap_err();
    assert!(
        matches!(err, Error::Backup(BackupError::Dangling { .. })),
        "{err}"
    );

    let mut b = good.clone();
    let dup = b.debriefs[0].clone();
    b.debriefs.push(dup);
    assert!(matches!(
        j.import(b),
        Err(Error::Backup(BackupError::Duplicate {
            kind: "debrief",
            ..
        }))
    ));

    let mut b = good.clone();
    b.leads[0].status = Status::Accepted;
    assert!(matches!(
        j.import(b),
        Err(Error::Backup(BackupError::InvalidRecord { .. }))
    ));

    let mut json: serde_json::Value = serde_json::to_value(&good).unwrap();
    json["interviews"][0]["confidence_after"] = 9.into();
    let err = j
        .import_json(&serde_json::to_vec(&json).unwrap())
        .unwrap_err();
    assert!(err.to_string().contains("between 1 and 5"), "{err}");

    assert_eq!(snapshot(&j), before);
}

#[test]
fn importing_an_older_backup_never_overwrites_newer_edits() {
    let c = clock(NOW);
    let j = Journal::in_memory(c.clone()).unwrap();
    let l = j
        .add_lead(LeadDetails::new("Acme", "Dev", Source::JobBoard))
        .unwrap();
    let old = j.export_json().unwrap();
    c.advance(chrono::Duration::hours(1));
    j.edit_lead(
        l.id,
        LeadDetails::new("Acme", "Senior Dev", Source::JobBoard),
    )
    .unwrap();
    let s = j.import_json(&old).unwrap();
    assert_eq!(s.kept, 1);
    assert_eq!(j.lead(l.id).unwrap().details.role, "Senior Dev");
}

#[test]
fn a_backup_from_a_newer_app_is_refused_with_a_clear_message() {
    let err = backup::parse(br#"{"format":"reps-backup","version":7,"leads":[]}"#).unwrap_err();
    assert_eq!(
        err,
        BackupError::NewerVersion {
            found: 7,
            supported: backup::VERSION
        }
    );
    assert!(err.to_string().contains("update the app"));
}

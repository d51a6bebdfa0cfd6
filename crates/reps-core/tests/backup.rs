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

const PASS: &str = "correct horse battery staple";

#[test]
fn an_encrypted_backup_imports_back_and_a_wrong_passphrase_changes_nothing() {
    let original = demo();
    let sealed = original.export_sealed_backup(PASS).unwrap();
    assert!(sealed.starts_with("-----BEGIN AGE ENCRYPTED FILE-----"));
    for name in ["Northwind", "Maya", "Kafka"] {
        assert!(!sealed.contains(name), "{name} readable in the sealed file");
    }
    let (copy, _) = memory(NOW);
    let before = snapshot(&copy);
    // wrong passphrase, a plain JSON file, a cut-short one: refused, nothing written
    for (bytes, want) in [
        (sealed.as_bytes().to_vec(), "does not open"),
        (original.export_json().unwrap(), "not an encrypted backup"),
        (sealed.as_bytes()[..sealed.len() / 3].to_vec(), "damaged"),
    ] {
        let pass = if want == "does not open" {
            "not the passphrase"
        } else {
            PASS
        };
        let e = copy.import_sealed(&bytes, pass).unwrap_err();
        assert!(e.to_string().contains(want), "{e}");
        assert_eq!(snapshot(&copy), before, "nothing written after: {e}");
    }
    assert!(matches!(
        original.export_sealed_backup("short"),
        Err(Error::Sealed(formats::sealed::SealError::WeakPassphrase))
    ));
    let summary = copy.import_sealed(sealed.as_bytes(), PASS).unwrap();
    assert!(summary.added > 50, "{summary:?}");
    assert_eq!(copy.counts().unwrap(), original.counts().unwrap());
}

/// Debian's `age` (1.1.1), driven through a pseudo-terminal by
/// `tests/formats/age_cli.py`. Skipped with a note when it is not installed,
/// unless `REPS_REQUIRE_FORMAT_TOOLS=1`.
fn age_cli() -> Option<std::path::PathBuf> {
    let found = std::process::Command::new("age")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("REPS_REQUIRE_FORMAT_TOOLS").as_deref() != Ok("1"),
            "REPS_REQUIRE_FORMAT_TOOLS=1 but the age tool is not installed (apt-get install age)"
        );
        eprintln!("SKIPPED: the reference age tool is not installed (apt-get install age)");
        return None;
    }
    Some(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/formats/age_cli.py"))
}

fn run_age(
    script: &std::path::Path,
    mode: &str,
    from: &std::path::Path,
    to: &std::path::Path,
    pass: &str,
) -> bool {
    std::process::Command::new("python3")
        .arg(script)
        .args([mode, from.to_str().unwrap(), to.to_str().unwrap(), pass])
        .status()
        .expect("python3")
        .success()
}

#[test]
fn the_reference_age_tool_opens_what_reps_seals_and_reps_opens_what_it_seals() {
    let Some(script) = age_cli() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let original = demo();
    // Reps → age -d: the same JSON backup
    let sealed = dir.path().join("backup.age");
    std::fs::write(&sealed, original.export_sealed_backup(PASS).unwrap()).unwrap();
    let opened = dir.path().join("opened.json");
    assert!(
        run_age(&script, "decrypt", &sealed, &opened, PASS),
        "age -d failed"
    );
    let plain = std::fs::read(&opened).unwrap();
    let backup = formats::backup::parse(&plain).unwrap();
    assert_eq!(backup.leads, original.export().unwrap().leads);
    // …and a wrong passphrase is refused by age too
    let nope = dir.path().join("nope.json");
    assert!(!run_age(
        &script,
        "decrypt",
        &sealed,
        &nope,
        "not the passphrase"
    ));

    // age -p → Reps: imports as a backup
    let json = dir.path().join("plain.json");
    std::fs::write(&json, original.export_json().unwrap()).unwrap();
    let by_age = dir.path().join("by-age.age");
    assert!(
        run_age(&script, "encrypt", &json, &by_age, PASS),
        "age -p failed"
    );
    let (copy, _) = memory(NOW);
    let text = std::fs::read(&by_age).unwrap();
    // age writes work factor 18: within what Reps accepts
    copy.import_sealed(&text, PASS).unwrap();
    assert_eq!(copy.counts().unwrap(), original.counts().unwrap());
}

//! The `reps` binary as a user runs it.

use std::process::Command;

fn reps(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_reps"))
        .args(args)
        .output()
        .expect("run reps")
}

#[test]
fn demo_prints_a_living_journal_and_keeps_it_apart() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let out = reps(&["--summary", "--demo", "--data-dir", d]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("TODAY"), "{text}");
    assert!(text.contains("REPS: 6 interview(s) held"), "{text}");
    assert!(text.contains("Northwind Logistics"), "{text}");
    assert!(dir.path().join("demo/journal.redb").exists());
    assert!(
        !dir.path().join("journal.redb").exists(),
        "the user's journal is untouched"
    );

    // a second run reopens the same demo journal instead of filling it again
    let again = String::from_utf8(reps(&["--summary", "--demo", "--data-dir", d]).stdout).unwrap();
    assert!(again.contains("REPS: 6 interview(s) held"), "{again}");
}

#[test]
fn a_fresh_journal_has_a_friendly_empty_state() {
    let dir = tempfile::tempdir().unwrap();
    let out = reps(&["--summary", "--data-dir", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Nothing due"), "{text}");
    assert!(text.contains("0 leads"), "{text}");
}

#[test]
fn a_foreign_file_is_reported_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("journal.redb"), b"not a journal at all").unwrap();
    let out = reps(&["--summary", "--data-dir", dir.path().to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a Reps journal"));
    assert_eq!(
        std::fs::read(dir.path().join("journal.redb")).unwrap(),
        b"not a journal at all"
    );
}

#[test]
fn bad_flags_exit_with_usage() {
    let out = reps(&["--nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Usage: reps"));
}

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

fn ok(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn every_export_is_one_command_and_reads_as_its_format() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let file = |n: &str| dir.path().join(n).to_str().unwrap().to_string();
    for (kind, name, starts) in [
        ("calendar", "j.ics", "BEGIN:VCALENDAR\r\n"),
        ("contacts", "p.vcf", "BEGIN:VCARD\r\nVERSION:4.0\r\n"),
        ("applications", "a.csv", ""),
        ("stages", "s.csv", ""),
        ("backup", "b.json", "{"),
    ] {
        let said = ok(&reps(&[
            "--demo",
            "--data-dir",
            d,
            "export",
            kind,
            &file(name),
        ]));
        assert!(said.starts_with("Wrote "), "{said}");
        let text = std::fs::read_to_string(file(name)).unwrap();
        assert!(
            text.starts_with(starts),
            "{kind}: {}",
            &text[..text.len().min(80)]
        );
        assert!(text.contains("Northwind Logistics"), "{kind}");
    }
    let said = ok(&reps(&[
        "--demo",
        "--data-dir",
        d,
        "export",
        "notes",
        &file("notes"),
    ]));
    assert!(said.contains("notes to"), "{said}");
    // one Markdown file per lead with something written about it
    let note = std::fs::read_to_string(
        dir.path()
            .join("notes/northwind-logistics-backend-developer.md"),
    )
    .unwrap();
    assert!(
        note.starts_with("---\n"),
        "front matter for note apps: {note}"
    );
    assert!(std::fs::read_dir(file("notes")).unwrap().count() >= 4);
}

#[test]
fn imports_preview_first_and_a_broken_file_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let fixtures = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/crates/reps-core/tests/fixtures"
    );
    let count = |d: &str| {
        let out = ok(&reps(&["--data-dir", d, "--summary"]));
        out.lines().nth(2).unwrap_or_default().to_string()
    };
    let empty = count(d);

    // a tracker's CSV: the preview writes nothing, --yes adds the rows
    let csv = format!("{fixtures}/csv/huntr-style.csv");
    let preview = ok(&reps(&["--data-dir", d, "import", "tracker", &csv]));
    assert!(preview.contains("run again with --yes"), "{preview}");
    assert_eq!(count(d), empty, "a preview writes nothing");
    let added = ok(&reps(&[
        "--data-dir",
        d,
        "import",
        "tracker",
        &csv,
        "--yes",
    ]));
    assert!(added.contains("Added "), "{added}");
    assert_ne!(count(d), empty);

    // an invite adds its interview; the same invite again is refused
    let ics = format!("{fixtures}/ics/google-meet.ics");
    let said = ok(&reps(&["--data-dir", d, "import", "invite", &ics]));
    assert!(said.contains("Added the interview of"), "{said}");
    let before = count(d);
    let again = reps(&["--data-dir", d, "import", "invite", &ics]);
    assert!(!again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("already in your journal"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );

    // broken files: a clear message, and the journal as it was
    for broken in ["ics/broken-truncated.ics", "ics/broken-not-a-calendar.vcf"] {
        let out = reps(&[
            "--data-dir",
            d,
            "import",
            "invite",
            &format!("{fixtures}/{broken}"),
        ]);
        assert!(!out.status.success(), "{broken}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.starts_with("reps: "), "{said}");
    }
    let junk = dir.path().join("junk.csv");
    std::fs::write(&junk, [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    let out = reps(&[
        "--data-dir",
        d,
        "import",
        "tracker",
        junk.to_str().unwrap(),
        "--yes",
    ]);
    assert!(!out.status.success());
    assert_eq!(count(d), before, "nothing changed");
}

/// `reps` with text on standard input.
fn reps_with_input(args: &[&str], input: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_reps"))
        .args(args)
        .env_remove("REPS_PASSPHRASE")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run reps");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn an_encrypted_backup_goes_out_and_back_in_with_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo");
    let fresh = dir.path().join("fresh");
    let file = dir.path().join("b.age");
    let f = file.to_str().unwrap();
    let said = ok(&reps_with_input(
        &[
            "--demo",
            "--data-dir",
            demo.to_str().unwrap(),
            "export",
            "encrypted",
            f,
        ],
        "correct horse battery\n",
    ));
    assert!(said.starts_with("Wrote "), "{said}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("-----BEGIN AGE ENCRYPTED FILE-----"));
    assert!(!text.contains("Northwind"));
    // a wrong passphrase: refused by name, nothing imported
    let wrong = reps_with_input(
        &["--data-dir", fresh.to_str().unwrap(), "import", "backup", f],
        "not the passphrase\n",
    );
    assert!(!wrong.status.success());
    let why = String::from_utf8_lossy(&wrong.stderr);
    assert!(why.contains("does not open"), "{why}");
    // the right one
    let said = ok(&reps_with_input(
        &["--data-dir", fresh.to_str().unwrap(), "import", "backup", f],
        "correct horse battery\n",
    ));
    assert!(said.contains("added"), "{said}");
    let summary = ok(&reps(&["--data-dir", fresh.to_str().unwrap(), "--summary"]));
    assert!(summary.contains("Northwind Logistics"), "{summary}");
}

#[test]
fn a_posting_from_a_file_or_standard_input_lands_in_the_deck_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let ad = dir.path().join("ad.txt");
    std::fs::write(
        &ad,
        "Softwareentwickler (m/w/d) bei Muster GmbH in Hamburg | StepStone\n\
         https://www.stepstone.de/stellenangebote--Softwareentwickler--123-inline.html\n\
         Gehalt: 55.000 – 65.000 € brutto/Jahr, Homeoffice möglich",
    )
    .unwrap();
    let text = ok(&reps(&[
        "import",
        "posting",
        ad.to_str().unwrap(),
        "--data-dir",
        d,
    ]));
    assert!(
        text.contains("Added to your deck: Muster GmbH — Softwareentwickler."),
        "{text}"
    );
    for fact in ["55,000–65,000 EUR a year", "Hamburg", "Hybrid"] {
        assert!(text.contains(&format!("  {fact}\n")), "{fact}: {text}");
    }
    assert!(text.contains("check the details"), "{text}");
    // the same posting piped in: already there, nothing added
    let again = reps_with_input(
        &["import", "posting", "-", "--data-dir", d],
        &std::fs::read_to_string(&ad).unwrap(),
    );
    let again = ok(&again);
    assert!(
        again.contains("You already have this one: Muster GmbH"),
        "{again}"
    );
    // an empty share is refused with a clear word, nothing written
    let empty = reps_with_input(&["import", "posting", "-", "--data-dir", d], "  \n");
    assert!(!empty.status.success());
    assert!(
        String::from_utf8_lossy(&empty.stderr).contains("posting: please fill this in"),
        "{}",
        String::from_utf8_lossy(&empty.stderr)
    );
    let summary = ok(&reps(&["--summary", "--data-dir", d]));
    assert_eq!(summary.matches("Muster GmbH").count(), 1, "{summary}");
}

//! Sync as a user runs it from the command line, against real storage: a
//! WebDAV server nobody here wrote (wsgidav, from PyPI, on 127.0.0.1), a
//! folder carried by a shim that delays, truncates and duplicates files,
//! and `reps sync` killed at random moments.
//!
//! The WebDAV test needs `pip install -r tests/sync/requirements.txt`;
//! without it, it is skipped with a note, unless `REPS_REQUIRE_FORMAT_TOOLS=1`
//! (the test script sets it and installs the server).

mod support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;

use reps_core::sync::file::{FileName, KEY_FILE};
use reps_core::{Journal, ManualClock};
use support::{err, ok};

const PASS: &str = "correct horse battery";

fn reps(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_reps"));
    c.arg("--data-dir").arg(dir).args(args);
    c.env_remove("REPS_PASSPHRASE")
        .env_remove("REPS_WEBDAV_PASSWORD")
        // no keychain: the key stays in the test's journal file, never in
        // the keychain of whoever runs the tests (tests/e2e_keychain.rs
        // brings its own)
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/reps-test-bus",
        );
    for (k, v) in env {
        c.env(k, v);
    }
    c.stdin(Stdio::null()).output().expect("run reps")
}

/// The journal in `dir`, opened in this process (the app is not running).
fn journal(dir: &Path) -> Journal {
    let clock = Arc::new(ManualClock::new(
        "2026-06-01T10:00:00+02:00[Europe/Paris]".parse().unwrap(),
    ));
    Journal::open(dir.join("journal.redb"), clock).unwrap()
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// wsgidav serving `root` on a free port; `None` when it is not installed.
fn webdav(root: &Path) -> Option<(Server, u16)> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sync/webdav.py");
    let installed = Command::new("python3")
        .args(["-c", "import wsgidav, cheroot"])
        .status()
        .is_ok_and(|s| s.success());
    if !installed {
        assert!(
            std::env::var("REPS_REQUIRE_FORMAT_TOOLS").as_deref() != Ok("1"),
            "REPS_REQUIRE_FORMAT_TOOLS=1 but wsgidav is not installed (pip install -r tests/sync/requirements.txt)"
        );
        eprintln!("note: wsgidav is not installed; the WebDAV sync test is skipped");
        return None;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new("python3")
        .arg(script)
        .arg(root)
        .arg(port.to_string())
        .args(["ana", "app-password-1"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("start wsgidav");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.starts_with("ready"), "{line}");
    Some((Server(child), port))
}

#[test]
fn two_devices_share_a_journal_through_a_webdav_server() {
    let root = tempfile::tempdir().unwrap();
    let Some((_server, port)) = webdav(root.path()) else {
        return;
    };
    let url = format!("http://127.0.0.1:{port}/dav");
    let (laptop, phone) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let secrets = [
        ("REPS_PASSPHRASE", PASS),
        ("REPS_WEBDAV_PASSWORD", "app-password-1"),
    ];

    // a wrong app password, a wrong address: said plainly, nothing set up
    let out = err(reps(
        laptop.path(),
        &["sync", "webdav", &url, "ana"],
        &[("REPS_PASSPHRASE", PASS), ("REPS_WEBDAV_PASSWORD", "wrong")],
    ));
    assert!(out.contains("refused the user name or password"), "{out}");
    let out = err(reps(
        laptop.path(),
        &["sync", "webdav", "http://127.0.0.1:1/dav", "ana"],
        &secrets,
    ));
    assert!(out.contains("cannot be reached"), "{out}");
    assert!(ok(reps(laptop.path(), &["sync", "status"], &[])).contains("not set up"));

    // the laptop starts the journal there; a debrief typed on it
    let d = {
        let j = journal(laptop.path());
        j.capture_note("Panel went well; they use Rust and Kafka.")
            .unwrap()
    };
    let said = ok(reps(
        laptop.path(),
        &["sync", "webdav", &url, "ana", "--name", "Laptop"],
        &secrets,
    ));
    assert!(said.contains("Sync is set up"), "{said}");

    // the phone joins with a wrong passphrase: refused, nothing written
    let out = err(reps(
        phone.path(),
        &["sync", "webdav", &url, "ana"],
        &[
            ("REPS_PASSPHRASE", "not the passphrase"),
            ("REPS_WEBDAV_PASSWORD", "app-password-1"),
        ],
    ));
    assert!(out.contains("passphrase does not open"), "{out}");
    // then the right one: the debrief is there
    ok(reps(
        phone.path(),
        &["sync", "webdav", &url, "ana", "--name", "Phone"],
        &secrets,
    ));
    {
        let j = journal(phone.path());
        assert_eq!(
            j.debrief(d).unwrap().body.notes,
            "Panel went well; they use Rust and Kafka."
        );
        let mut body = j.debrief(d).unwrap().body;
        body.notes.push_str(" Next: system design.");
        j.save_debrief(d, body).unwrap();
    }
    ok(reps(phone.path(), &["sync"], &[]));
    let said = ok(reps(laptop.path(), &["sync", "now"], &[]));
    assert!(said.contains("from your other devices"), "{said}");
    assert!(
        journal(laptop.path())
            .debrief(d)
            .unwrap()
            .body
            .notes
            .ends_with("Next: system design.")
    );
    let status = ok(reps(laptop.path(), &["sync", "status"], &[]));
    assert!(status.contains("Phone: last heard from"), "{status}");
    // on the server: only ciphertext, under names that say nothing
    for e in std::fs::read_dir(root.path().join("Reps journal")).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().into_string().unwrap();
        assert!(
            name == KEY_FILE || FileName::parse(&name).is_some(),
            "{name}"
        );
        let text = String::from_utf8_lossy(&std::fs::read(e.path()).unwrap()).into_owned();
        assert!(!text.contains("Kafka"), "{name}");
    }
}

/// Carries the files of `from` to `to` the way a slow, clumsy syncer
/// would: newest first, each first cut in half, then whole, and a
/// conflicted copy of each beside it.
fn clumsy_carry(from: &Path, to: &Path) -> Vec<String> {
    std::fs::create_dir_all(to).unwrap();
    let mut names: Vec<String> = std::fs::read_dir(from)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| !to.join(n).exists())
        .collect();
    names.sort();
    names.reverse();
    for n in &names {
        let bytes = std::fs::read(from.join(n)).unwrap();
        std::fs::write(to.join(n), &bytes[..bytes.len() / 2]).unwrap();
    }
    names
}

fn finish_carry(from: &Path, to: &Path, names: &[String]) {
    for n in names {
        let bytes = std::fs::read(from.join(n)).unwrap();
        std::fs::write(to.join(n), &bytes).unwrap();
        if let Some(stem) = n.strip_suffix(".reps") {
            std::fs::write(
                to.join(format!("{stem}.sync-conflict-20261206-120000-PHONE12.reps")),
                &bytes,
            )
            .unwrap();
        }
    }
}

#[test]
fn a_folder_carried_late_cut_and_twice_still_converges() {
    let (here, there) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (laptop, phone) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let env = [("REPS_PASSPHRASE", PASS)];
    let d = journal(laptop.path()).capture_note("first words").unwrap();
    ok(reps(
        laptop.path(),
        &[
            "sync",
            "folder",
            here.path().to_str().unwrap(),
            "--name",
            "Laptop",
        ],
        &env,
    ));
    // the key crosses first (a syncer carries it like any file)
    let (a, b) = (
        here.path().join("Reps journal"),
        there.path().join("Reps journal"),
    );
    let names = clumsy_carry(&a, &b);
    finish_carry(&a, &b, &names);
    ok(reps(
        phone.path(),
        &[
            "sync",
            "folder",
            there.path().to_str().unwrap(),
            "--name",
            "Phone",
        ],
        &env,
    ));
    assert_eq!(
        journal(phone.path()).debrief(d).unwrap().body.notes,
        "first words"
    );
    // three more rounds of words on the laptop
    for w in ["second", "third", "fourth"] {
        {
            let j = journal(laptop.path());
            let mut body = j.debrief(d).unwrap().body;
            body.notes.push_str(&format!(" {w} words"));
            j.save_debrief(d, body).unwrap();
        }
        ok(reps(laptop.path(), &["sync"], &[]));
    }
    // half-carried: every file cut short; the phone sets them aside, loses nothing
    let names = clumsy_carry(&a, &b);
    assert!(names.len() >= 3, "{names:?}");
    let said = ok(reps(phone.path(), &["sync"], &[]));
    assert!(said.contains("set aside"), "{said}");
    assert_eq!(
        journal(phone.path()).debrief(d).unwrap().body.notes,
        "first words"
    );
    // carried whole (and twice, as conflict copies): all arrive, once
    finish_carry(&a, &b, &names);
    let said = ok(reps(phone.path(), &["sync"], &[]));
    assert!(!said.contains("set aside"), "{said}");
    assert_eq!(
        journal(phone.path()).debrief(d).unwrap().body.notes,
        "first words second words third words fourth words"
    );
    let again = ok(reps(phone.path(), &["sync"], &[]));
    assert!(again.contains("Up to date."), "{again}");
}

#[test]
fn sync_killed_at_random_moments_loses_nothing_and_doubles_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let (laptop, phone) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let env = [("REPS_PASSPHRASE", PASS)];
    let f = folder.path().to_str().unwrap();
    ok(reps(
        laptop.path(),
        &["sync", "folder", f, "--name", "Laptop"],
        &env,
    ));
    ok(reps(
        phone.path(),
        &["sync", "folder", f, "--name", "Phone"],
        &env,
    ));
    let d = journal(laptop.path()).capture_note("start").unwrap();
    let mut typed = vec!["start".to_string()];
    let mut leads = 0;
    // a cheap random sequence, the same each run
    let mut seed: u64 = 0x5eed_1234_abcd;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..40 {
        let device = if round % 2 == 0 {
            laptop.path()
        } else {
            phone.path()
        };
        {
            let j = journal(device);
            if next() % 3 == 0 {
                j.add_lead(reps_core::LeadDetails::new(
                    format!("Company {round}"),
                    "Engineer",
                    reps_core::Source::JobBoard,
                ))
                .unwrap();
                leads += 1;
            } else if let Ok(mut body) = j.debrief(d).map(|x| x.body) {
                let word = format!("w{round}");
                body.notes.push_str(&format!(" {word}"));
                j.save_debrief(d, body).unwrap();
                typed.push(word);
            }
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_reps"))
            .arg("--data-dir")
            .arg(device)
            .arg("sync")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_micros(next() % 40_000));
        let _ = child.kill();
        let _ = child.wait();
    }
    // after the kills, rounds that finish: both converge with everything
    for _ in 0..2 {
        ok(reps(laptop.path(), &["sync"], &[]));
        ok(reps(phone.path(), &["sync"], &[]));
    }
    let (a, b) = (journal(laptop.path()), journal(phone.path()));
    let (da, db) = (a.debrief(d).unwrap(), b.debrief(d).unwrap());
    assert_eq!(da.body.notes, db.body.notes);
    for word in &typed {
        assert_eq!(
            da.body.notes.matches(&format!("{word} ")).count()
                + usize::from(da.body.notes.ends_with(word.as_str())),
            1,
            "{word} once in {:?}",
            da.body.notes
        );
    }
    assert_eq!(a.all_leads().unwrap().len(), leads);
    assert_eq!(b.all_leads().unwrap().len(), leads);
    let (mut ea, eb) = (a.export().unwrap(), b.export().unwrap());
    ea.exported = eb.exported;
    assert_eq!(
        serde_json::to_string(&ea).unwrap(),
        serde_json::to_string(&eb).unwrap()
    );
}

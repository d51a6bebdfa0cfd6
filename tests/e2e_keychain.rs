//! The sync key in a real keychain: `reps sync` (the desktop binary) against
//! GNOME Keyring's Secret Service on a private D-Bus, unlocked with a test
//! password, looked at from outside with libsecret's `secret-tool`.
//!
//! Needs Debian's `gnome-keyring` and `libsecret-tools` (the test script
//! installs them); without them it is skipped with a note, unless
//! `REPS_REQUIRE_FORMAT_TOOLS=1`.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::Arc;

use reps_core::{Journal, LeadDetails, ManualClock, Source};
use support::{err, ok};

const PASS: &str = "correct horse battery";
const SERVICE: &str = "Reps sync";

/// A private session bus with GNOME Keyring on it, and the environment
/// every process of the test runs with.
struct Keyring {
    bus: Child,
    env: Vec<(String, String)>,
}

impl Drop for Keyring {
    fn drop(&mut self) {
        // the keyring daemon leaves with its bus
        let _ = self.bus.kill();
        let _ = self.bus.wait();
    }
}

fn installed(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

impl Keyring {
    fn start(dir: &Path) -> Option<Keyring> {
        if !(installed("gnome-keyring-daemon") && installed("secret-tool")) {
            assert!(
                std::env::var("REPS_REQUIRE_FORMAT_TOOLS").as_deref() != Ok("1"),
                "REPS_REQUIRE_FORMAT_TOOLS=1 but gnome-keyring or secret-tool is not installed"
            );
            eprintln!(
                "note: gnome-keyring / secret-tool not installed; the keychain test is skipped"
            );
            return None;
        }
        let run = dir.join("run");
        std::fs::create_dir_all(&run).unwrap();
        std::fs::set_permissions(&run, std::os::unix::fs::PermissionsExt::from_mode(0o700))
            .unwrap();
        let (bus, address) = support::session_bus(dir);
        let env = vec![
            ("DBUS_SESSION_BUS_ADDRESS".to_string(), address),
            (
                "XDG_DATA_HOME".to_string(),
                dir.join("data").display().to_string(),
            ),
            ("XDG_RUNTIME_DIR".to_string(), run.display().to_string()),
        ];
        let keyring = Keyring { bus, env };
        // the login keyring, created and unlocked with a known password
        let mut daemon = keyring
            .command("gnome-keyring-daemon")
            .args(["--unlock", "--components=secrets"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("gnome-keyring-daemon");
        {
            use std::io::Write;
            let mut stdin = daemon.stdin.take().unwrap();
            stdin.write_all(b"test keyring password").unwrap();
        }
        assert!(
            daemon.wait().unwrap().success(),
            "the keyring did not unlock"
        );
        Some(keyring)
    }

    fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut c = Command::new(program);
        for (k, v) in &self.env {
            c.env(k, v);
        }
        c
    }

    /// `reps --data-dir dir …` on this bus.
    fn reps(&self, dir: &Path, args: &[&str]) -> Output {
        let mut c = self.command(env!("CARGO_BIN_EXE_reps"));
        c.arg("--data-dir").arg(dir).args(args);
        c.env("REPS_PASSPHRASE", PASS)
            .stdin(Stdio::null())
            .output()
            .expect("run reps")
    }

    /// The usernames of Reps' entries in the keychain, as libsecret lists them.
    fn entries(&self) -> Vec<String> {
        let out = self
            .command("secret-tool")
            .args(["search", "--all", "service", SERVICE])
            .output()
            .expect("secret-tool");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let mut users: Vec<String> = text
            .lines()
            .filter_map(|l| l.strip_prefix("attribute.username = "))
            .map(str::to_string)
            .collect();
        users.sort();
        users
    }

    /// The secret libsecret reads for `user`.
    fn lookup(&self, user: &str) -> String {
        let out = self
            .command("secret-tool")
            .args(["lookup", "service", SERVICE, "username", user])
            .output()
            .expect("secret-tool");
        String::from_utf8(out.stdout).unwrap()
    }

    fn clear(&self, user: &str) {
        let out = self
            .command("secret-tool")
            .args(["clear", "service", SERVICE, "username", user])
            .output()
            .expect("secret-tool");
        assert!(out.status.success());
    }
}

fn journal(dir: &Path) -> Journal {
    let clock = Arc::new(ManualClock::new(
        "2026-06-01T10:00:00+02:00[Europe/Paris]".parse().unwrap(),
    ));
    Journal::open(dir.join("journal.redb"), clock).unwrap()
}

fn file_holds(path: PathBuf, needle: &str) -> bool {
    let bytes = std::fs::read(path).unwrap();
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn the_sync_key_lives_in_the_secret_service_and_a_lost_one_only_stops_sync() {
    let tmp = tempfile::tempdir().unwrap();
    let Some(keyring) = Keyring::start(tmp.path()) else {
        return;
    };
    let remote = tmp.path().join("remote");
    std::fs::create_dir_all(&remote).unwrap();
    let remote_arg = remote.to_str().unwrap();
    let (laptop, phone, old) = (
        tmp.path().join("laptop"),
        tmp.path().join("phone"),
        tmp.path().join("old"),
    );

    // Set up on the laptop: the key goes to the keychain, not the file.
    ok(keyring.reps(&laptop, &["sync", "folder", remote_arg, "--name", "Laptop"]));
    let status = ok(keyring.reps(&laptop, &["sync", "status"]));
    assert!(
        status.contains("Your sync key is kept in this device's keychain."),
        "{status}"
    );
    let entries = keyring.entries();
    assert_eq!(entries.len(), 1, "{entries:?}");
    let laptop_entry = entries[0].clone();
    assert!(
        laptop_entry.starts_with("Laptop ") && laptop_entry.ends_with(" journal key"),
        "a keychain app tells the entries apart: {laptop_entry}"
    );
    let key = keyring.lookup(&laptop_entry);
    assert!(key.starts_with("AGE-SECRET-KEY-"), "{key}");
    assert!(!file_holds(laptop.join("journal.redb"), "AGE-SECRET-KEY-"));

    // The phone joins with the passphrase; a lead added on the laptop
    // reaches it through the key each reads from the keychain.
    ok(keyring.reps(&phone, &["sync", "folder", remote_arg, "--name", "Phone"]));
    assert_eq!(keyring.entries().len(), 2);
    let acme = journal(&laptop)
        .add_lead(LeadDetails::new("Acme", "Engineer", Source::JobBoard))
        .unwrap();
    ok(keyring.reps(&laptop, &["sync", "now"]));
    ok(keyring.reps(&phone, &["sync", "now"]));
    assert_eq!(
        journal(&phone).lead(acme.id).unwrap().details.company,
        "Acme"
    );

    // The laptop's entry removed from the keychain: sync says what to do,
    // the journal is untouched, and the passphrase brings the key back.
    let before = journal(&laptop).export_json().unwrap();
    keyring.clear(&laptop_entry);
    let said = err(keyring.reps(&laptop, &["sync", "now"]));
    assert!(
        said.contains(
            "the sync key is no longer in this device's keychain; set up sync again with your passphrase"
        ),
        "{said}"
    );
    let status = ok(keyring.reps(&laptop, &["sync", "status"]));
    assert!(
        status.contains("Last problem: the sync key is no longer"),
        "{status}"
    );
    assert!(
        status
            .contains("Your sync key was kept in this device's keychain, and is no longer there."),
        "{status}"
    );
    assert_eq!(journal(&laptop).export_json().unwrap(), before);
    ok(keyring.reps(&phone, &["sync", "now"]));
    ok(keyring.reps(&laptop, &["sync", "folder", remote_arg, "--name", "Laptop"]));
    ok(keyring.reps(&laptop, &["sync", "now"]));
    assert_eq!(keyring.entries().len(), 2);

    // A device set up where no keychain could be reached keeps the key in
    // its journal file, and moves it into the keychain once one is there.
    let mut no_bus = keyring.command(env!("CARGO_BIN_EXE_reps"));
    no_bus
        .arg("--data-dir")
        .arg(&old)
        .args(["sync", "folder", remote_arg, "--name", "Old"])
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
        .env("REPS_PASSPHRASE", PASS)
        .stdin(Stdio::null());
    ok(no_bus.output().unwrap());
    let status = ok(keyring.reps(&old, &["sync", "status"]));
    assert!(
        status.contains("kept in the journal file on this device"),
        "{status}"
    );
    assert!(file_holds(old.join("journal.redb"), "AGE-SECRET-KEY-"));
    ok(keyring.reps(&old, &["sync", "now"]));
    let status = ok(keyring.reps(&old, &["sync", "status"]));
    assert!(
        status.contains("kept in this device's keychain"),
        "{status}"
    );
    assert_eq!(keyring.entries().len(), 3);

    // Stopping sync removes the device's entry, and says so.
    let said = ok(keyring.reps(&old, &["sync", "stop"]));
    assert!(
        said.contains("Its sync key is removed from this device's keychain."),
        "{said}"
    );
    assert_eq!(keyring.entries().len(), 2);
}

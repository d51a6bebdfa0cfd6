//! Helpers the command-line and window tests share: a private D-Bus
//! session, and reading what a `reps` run printed.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A private session bus listening in `dir`: the daemon and its address.
/// Nothing of the runner's own desktop session (its keychain, its
/// notifications) is reached through it.
pub fn session_bus(dir: &Path) -> (Child, String) {
    let socket = dir.join("bus");
    let address = format!("unix:path={}", socket.display());
    let daemon = Command::new("dbus-daemon")
        .args([
            "--session",
            "--nofork",
            "--nopidfile",
            &format!("--address={address}"),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("dbus-daemon (Debian's dbus) is installed");
    let until = Instant::now() + Duration::from_secs(10);
    while !socket.exists() {
        assert!(Instant::now() < until, "the bus did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    (daemon, address)
}

/// What a run that must succeed printed.
pub fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// What a run that must fail said on standard error.
pub fn err(out: Output) -> String {
    assert!(
        !out.status.success(),
        "it succeeded: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stderr).expect("UTF-8 output")
}

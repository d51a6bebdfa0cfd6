//! Sync's secrets in a keychain, through keyring-core's mock store (the
//! real Secret Service is driven end to end by the root crate's
//! `tests/e2e_keychain.rs`). One test, because the keychain is one per
//! process: the steps run in order.

mod common;

use common::*;
use reps_core::journal::sync::SyncPlace;
use reps_core::sync::keychain::{self, SERVICE};
use reps_core::sync::{FolderRemote, NoHttp, SyncError, connect, run_as_set_up};
use reps_core::*;

const PASS: &str = "correct horse battery";
const NOW: &str = "2026-06-01T09:00:00+02:00[Europe/Paris]";

fn folder(dir: &std::path::Path) -> SyncPlace {
    SyncPlace::Folder {
        path: dir.display().to_string(),
    }
}

/// Sets sync up on `j` through the folder `dir` (joins the journal there,
/// or starts it).
fn join(j: &Journal, dir: &std::path::Path, name: &str) {
    pollster::block_on(connect(j, &FolderRemote::new(dir), folder(dir), PASS, name)).unwrap();
}

fn round(j: &Journal) -> Result<reps_core::journal::sync::TakeInReport, SyncError> {
    pollster::block_on(run_as_set_up(j, NoHttp("folders only here")))
}

fn file_holds(path: &std::path::Path, secret: &str) -> bool {
    let bytes = std::fs::read(path).unwrap();
    bytes.windows(secret.len()).any(|w| w == secret.as_bytes())
}

/// The mock keychain's entry for `user`, to make its next answer fail.
fn fail_next(user: &str, error: keyring_core::Error) {
    let entry = keyring_core::Entry::new(SERVICE, user).unwrap();
    let mock: &keyring_core::mock::Cred = entry.as_any().downcast_ref().unwrap();
    mock.set_error(error);
}

#[test]
fn the_key_lives_in_the_keychain_and_a_lost_or_locked_one_only_stops_sync() {
    let dir = tempfile::tempdir().unwrap();
    let remote_dir = dir.path().join("remote");
    std::fs::create_dir_all(&remote_dir).unwrap();

    // 1. Set up before any keychain was in use: the key is in the file.
    let old_path = dir.path().join("old.redb");
    let old = Journal::open(&old_path, clock(NOW)).unwrap();
    join(&old, &remote_dir, "Old");
    let old_setup = old.sync_setup().unwrap().unwrap();
    assert_eq!(old_setup.keychain, None);
    let key = old_setup.key.clone();
    assert!(!old.sync_view().unwrap().in_keychain);

    keyring_core::set_default_store(keyring_core::mock::Store::new().unwrap());
    assert!(keychain::in_use());

    // 2. A new device sets up with the keychain in use: the key goes there
    //    and never into the journal file.
    let path = dir.path().join("laptop.redb");
    let laptop = Journal::open(&path, clock(NOW)).unwrap();
    let acme = laptop
        .add_lead(LeadDetails::new("Acme", "Engineer", Source::JobBoard))
        .unwrap();
    join(&laptop, &remote_dir, "Laptop");
    let setup = laptop.sync_setup().unwrap().unwrap();
    let account = setup.keychain.clone().expect("kept in the keychain");
    assert_eq!(setup.key, "", "the journal file holds no key");
    assert!(keychain::holds_key(&account));
    assert!(laptop.sync_view().unwrap().in_keychain);
    assert_eq!(
        keychain::reveal(setup.clone()).unwrap().key,
        key,
        "the same journal key as the first device's"
    );
    drop(laptop);
    assert!(
        !file_holds(&path, &key),
        "the key is not in the journal file"
    );
    let laptop = Journal::open(&path, clock(NOW)).unwrap();
    round(&laptop).expect("a round reads the key from the keychain");

    // 3. The device set up earlier moves its key into the keychain on its
    //    next round, and syncs as before.
    assert_eq!(old.sync_setup().unwrap().unwrap().keychain, None);
    round(&old).unwrap();
    assert_eq!(old.lead(acme.id).unwrap().details.company, "Acme");
    let moved = old.sync_setup().unwrap().unwrap();
    assert!(moved.keychain.is_some());
    assert_eq!(moved.key, "");
    assert_eq!(keychain::reveal(moved).unwrap().key, key);
    round(&old).expect("and syncs from there");

    // 4. A locked keychain: the round stops with words that say what to
    //    do; the journal is untouched and the next round goes through.
    let before = snapshot(&laptop);
    fail_next(
        &format!("{account} journal key"),
        keyring_core::Error::NoStorageAccess("locked".into()),
    );
    let locked = round(&laptop).unwrap_err();
    assert!(matches!(locked, SyncError::KeychainLocked(_)), "{locked:?}");
    assert!(locked.to_string().contains("unlock it and sync again"));
    assert_eq!(
        laptop.sync_view().unwrap().problem.as_deref(),
        Some(locked.to_string().as_str())
    );
    assert_eq!(snapshot(&laptop), before);
    round(&laptop).expect("unlocked again");
    assert_eq!(laptop.sync_view().unwrap().problem, None);

    // 5. The entry removed from the keychain: sync stops and says to set
    //    it up again with the passphrase, which brings the key back.
    keychain::forget(&account);
    let lost = round(&laptop).unwrap_err();
    assert_eq!(lost, SyncError::KeychainMissing);
    assert_eq!(
        laptop.sync_view().unwrap().key_kept,
        "Your sync key was kept in this device's keychain, and is no longer there."
    );
    assert!(
        lost.to_string()
            .contains("set up sync again with your passphrase")
    );
    assert_eq!(snapshot(&laptop), before);
    join(&laptop, &remote_dir, "Laptop");
    let again = laptop.sync_setup().unwrap().unwrap();
    let account_again = again.keychain.clone().unwrap();
    assert_eq!(keychain::reveal(again).unwrap().key, key);
    round(&laptop).unwrap();

    // 6. A WebDAV app password goes to the keychain beside the key.
    let webdav = reps_core::journal::sync::SyncSetup {
        place: SyncPlace::WebDav {
            url: "https://dav.example/reps/".into(),
            user: "sam".into(),
            password: "app-password-123".into(),
        },
        key: key.clone(),
        device_name: "Phone".into(),
        keychain: None,
    };
    let kept = keychain::keep(webdav.clone());
    assert!(
        matches!(&kept.place, SyncPlace::WebDav { password, .. } if password.is_empty()),
        "{kept:?}"
    );
    assert_eq!(kept.key, "");
    let (phone, _) = memory(NOW);
    phone.save_sync_setup(&kept).unwrap();
    let opened = keychain::reveal(phone.sync_setup().unwrap().unwrap()).unwrap();
    assert_eq!(opened.place, webdav.place);
    // setting sync up again starts from the place, the app password left out
    assert_eq!(
        phone.sync_view().unwrap().again,
        Some(SyncPlace::WebDav {
            url: "https://dav.example/reps/".into(),
            user: "sam".into(),
            password: String::new(),
        })
    );
    assert_eq!(opened.key, key);
    // the journal refuses a setup that is in the keychain and in the file at once
    let mut both = kept.clone();
    both.key = key.clone();
    assert!(phone.save_sync_setup(&both).is_err());

    // 7. Stopping sync names the entry, which is then removed.
    let stopped = laptop.stop_sync().unwrap();
    assert_eq!(stopped.as_deref(), Some(account_again.as_str()));
    keychain::forget(&account_again);
    assert!(!keychain::holds_key(&account_again));
    assert!(laptop.sync_setup().unwrap().is_none());
}

//! Sync's two secrets — the journal key and the WebDAV app password — in
//! the platform's keychain where it has one: the Secret Service on Linux,
//! the login keychain on macOS, the data-protection keychain on iOS, the
//! Credential Manager on Windows, the Android Keystore. The journal file
//! then holds only the name of the keychain entry, so a copy of the file
//! alone cannot open the remote.
//!
//! The keychain is reached from sync's own thread (or the caller of a
//! round), never from the thread that owns the journal: a keychain that
//! asks the user to unlock it may take its time, and typing never waits
//! for it. Where there is no keychain (the browser; a Linux desktop
//! without a Secret Service), the secrets stay in the journal file's
//! device table, as before; nothing is ever in a backup or on the remote.
//!
//! A keychain that cannot be read never locks anyone out of their journal:
//! only sync stops, with a message saying what to do, and setting sync up
//! again with the passphrase brings the key back from the remote.

use super::SyncError;
#[cfg(not(target_arch = "wasm32"))]
use crate::journal::sync::SyncPlace;
use crate::journal::sync::SyncSetup;

/// The service name of Reps' keychain entries.
pub const SERVICE: &str = "Reps sync";

/// The entry holding the journal key, under `account`.
#[cfg(not(target_arch = "wasm32"))]
fn key_user(account: &str) -> String {
    format!("{account} journal key")
}

/// The entry holding the WebDAV app password, under `account`.
#[cfg(not(target_arch = "wasm32"))]
fn password_user(account: &str) -> String {
    format!("{account} WebDAV password")
}

/// Makes the platform's keychain the home of sync's secrets, on the builds
/// that have one (feature `system-keychain`). Call once at start, before
/// any round. An error means there is no keychain to use (for example no
/// Secret Service running): the secrets then stay in the journal file.
#[cfg(all(feature = "system-keychain", not(target_arch = "wasm32")))]
pub fn use_system_keychain() -> Result<(), SyncError> {
    if keyring_core::get_default_store().is_some() {
        return Ok(());
    }
    // Android's store needs the app's context first (the app's runtime, or
    // `io.crates.keyring.Keyring.initializeNdkContext` in a background
    // worker); without it the crate panics, which here means "no keychain"
    let store = std::panic::catch_unwind(platform_store)
        .unwrap_or_else(|_| {
            Err(keyring_core::Error::NotSupportedByStore(
                "the keychain is not ready in this process".into(),
            ))
        })
        .map_err(|e| SyncError::KeychainUnreachable(e.to_string()))?;
    keyring_core::set_default_store(store);
    Ok(())
}

/// This platform's store, built where the build has one.
#[cfg(all(feature = "system-keychain", not(target_arch = "wasm32")))]
fn platform_store() -> keyring_core::Result<std::sync::Arc<keyring_core::CredentialStore>> {
    type Store = std::sync::Arc<keyring_core::CredentialStore>;
    #[cfg(target_os = "linux")]
    let store: Store = dbus_secret_service_keyring_store::Store::new()?;
    #[cfg(target_os = "macos")]
    let store: Store = apple_native_keyring_store::keychain::Store::new()?;
    #[cfg(target_os = "ios")]
    let store: Store = apple_native_keyring_store::protected::Store::new()?;
    #[cfg(target_os = "windows")]
    let store: Store = windows_native_keyring_store::Store::new()?;
    #[cfg(target_os = "android")]
    let store: Store = android_native_keyring_store::Store::new()?;
    #[cfg(not(any(
        target_os = "linux",
        target_os = "macos",
        target_os = "ios",
        target_os = "windows",
        target_os = "android"
    )))]
    // (written as a binding so the `Ok(store)` below reads the same everywhere)
    let store: Store = return Err(keyring_core::Error::NotSupportedByStore(
        "this platform has no keychain Reps knows".into(),
    ));
    Ok(store)
}

/// Whether a keychain is in use on this device.
pub fn in_use() -> bool {
    #[cfg(not(target_arch = "wasm32"))]
    {
        keyring_core::get_default_store().is_some()
    }
    #[cfg(target_arch = "wasm32")]
    {
        false
    }
}

/// The setup as the journal file is to keep it: with a keychain in use,
/// the secrets go into it (each read back before it is trusted) and the
/// setup keeps only the entry's name; without one, or if the keychain
/// refuses, the setup comes back as it was, secrets and all.
pub fn keep(setup: SyncSetup) -> SyncSetup {
    #[cfg(not(target_arch = "wasm32"))]
    {
        if setup.keychain.is_some() || !in_use() {
            return setup;
        }
        // the device's name first, so a keychain app tells the entries apart
        let account = format!("{} {}", setup.device_name, uuid::Uuid::now_v7().simple());
        match store(&account, &setup) {
            Ok(()) => {
                let mut kept = setup;
                kept.key.clear();
                if let SyncPlace::WebDav { password, .. } = &mut kept.place {
                    password.clear();
                }
                kept.keychain = Some(account);
                kept
            }
            Err(_) => {
                forget(&account);
                setup
            }
        }
    }
    #[cfg(target_arch = "wasm32")]
    {
        setup
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn store(account: &str, setup: &SyncSetup) -> keyring_core::Result<()> {
    let put = |user: String, secret: &str| -> keyring_core::Result<()> {
        let entry = keyring_core::Entry::new(SERVICE, &user)?;
        entry.set_password(secret)?;
        // trusted only once it reads back the same
        if entry.get_password()? != secret {
            return Err(keyring_core::Error::BadStoreFormat(
                "the keychain gave back something else".into(),
            ));
        }
        Ok(())
    };
    put(key_user(account), &setup.key)?;
    if let SyncPlace::WebDav { password, .. } = &setup.place {
        put(password_user(account), password)?;
    }
    Ok(())
}

/// The setup with its secrets, read from the keychain when they are kept
/// there. A missing entry or a keychain that refuses is a clear error, and
/// nothing else changes: the journal on this device is untouched.
pub fn reveal(setup: SyncSetup) -> Result<SyncSetup, SyncError> {
    let Some(account) = setup.keychain.clone() else {
        return Ok(setup);
    };
    #[cfg(not(target_arch = "wasm32"))]
    {
        let read = |user: String| -> Result<String, SyncError> {
            if !in_use() {
                return Err(SyncError::KeychainUnreachable(
                    "no keychain could be reached on this device".into(),
                ));
            }
            keyring_core::Entry::new(SERVICE, &user)
                .and_then(|e| e.get_password())
                .map_err(refusal)
        };
        let mut open = setup;
        open.key = read(key_user(&account))?;
        if let SyncPlace::WebDav { password, .. } = &mut open.place {
            *password = read(password_user(&account))?;
        }
        Ok(open)
    }
    #[cfg(target_arch = "wasm32")]
    {
        let _ = (setup, account);
        Err(SyncError::KeychainUnreachable(
            "a browser has no keychain".into(),
        ))
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn refusal(e: keyring_core::Error) -> SyncError {
    match e {
        keyring_core::Error::NoEntry => SyncError::KeychainMissing,
        keyring_core::Error::NoStorageAccess(why) => SyncError::KeychainLocked(why.to_string()),
        other => SyncError::KeychainUnreachable(other.to_string()),
    }
}

/// Removes the entries kept under `account` (sync stopped, or replaced by
/// a new setup). Whatever the keychain says, nothing else depends on it:
/// an entry left behind holds a key no setup points to.
pub fn forget(account: &str) {
    #[cfg(not(target_arch = "wasm32"))]
    for user in [key_user(account), password_user(account)] {
        if let Ok(entry) = keyring_core::Entry::new(SERVICE, &user) {
            let _ = entry.delete_credential();
        }
    }
    #[cfg(target_arch = "wasm32")]
    let _ = account;
}

/// [`forget`] on a thread of its own, for a caller that must not wait on
/// the keychain (a screen, the journal's owner).
pub fn forget_in_background(account: String) {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = std::thread::Builder::new()
            .name("keychain".into())
            .spawn(move || forget(&account));
    }
    #[cfg(target_arch = "wasm32")]
    let _ = account;
}

/// Whether `account` still has its journal key in the keychain (a check
/// for tests and support: the rounds read it with [`reveal`]).
pub fn holds_key(account: &str) -> bool {
    #[cfg(not(target_arch = "wasm32"))]
    {
        keyring_core::Entry::new(SERVICE, &key_user(account))
            .and_then(|e| e.get_password())
            .is_ok()
    }
    #[cfg(target_arch = "wasm32")]
    {
        let _ = account;
        false
    }
}

//! Where the journal lives. Chosen here and only here, so every platform
//! agrees on one place per user. (In the browser the journal is a file in
//! the site's private OPFS folder, named in `assets/web/worker.js`.)
//!
//! | platform | data folder (the journal)                        | inbox and widget snapshot |
//! |----------|--------------------------------------------------|---------------------------|
//! | Linux    | `~/.local/share/reps`                             | the data folder           |
//! | macOS    | `~/Library/Application Support/app.Reps.Reps`   | the data folder           |
//! | Windows  | `%APPDATA%\Reps\Reps\data`                       | the data folder           |
//! | Android  | the app's private files folder, `Context.getFilesDir()` (`/data/user/0/app.reps.journal/files`) | the data folder |
//! | iOS      | `<app sandbox>/Library/Application Support/app.Reps.Reps` | the App Group container [`APP_GROUP`] |
//!
//! Android: the `directories` crate finds nothing there (no `HOME`), so the
//! folder is asked of the activity itself through JNI (`crate::platform::phone`); the
//! widget, shortcut and reminder code runs in the same app sandbox and uses
//! the same folder (`context.filesDir`), so nothing is shared with other apps.
//! iOS: the widget and the App Intent run in other processes with their own
//! sandboxes, so the inbox and the snapshot live in the App Group container
//! they share with the app; the journal does not (the app holds it locked
//! while it runs, and iOS ends a suspended app that holds a lock on a file
//! in a shared container). Without the App Group entitlement (an unsigned
//! simulator build) they fall back to the data folder.
//! With `--demo` the sample journal, its inbox and its snapshot live in
//! `<data folder>/demo`, apart from the user's own.

#[cfg(not(target_arch = "wasm32"))]
use std::path::{Path, PathBuf};

#[cfg(not(target_arch = "wasm32"))]
pub use reps_core::files::{INBOX_DIR, JOURNAL_FILE};

/// The iOS App Group shared by the app, its widget and its App Intent
/// (Dioxus.toml `[ios.entitlements]`, `platforms/ios/`).
#[cfg_attr(not(target_os = "ios"), allow(dead_code))]
pub const APP_GROUP: &str = "group.app.reps.journal";

#[cfg(not(target_arch = "wasm32"))]
/// Errors finding a place for the journal.
#[derive(Debug, thiserror::Error)]
pub enum PathError {
    /// The platform reports no home or data folder.
    #[error("could not find a data folder for this user; pass --data-dir PATH")]
    NoDataDir,
}

#[cfg(not(target_arch = "wasm32"))]
/// The platform's data folder for Reps (e.g. `~/.local/share/reps` on Linux;
/// see the table above).
pub fn default_data_dir() -> Result<PathBuf, PathError> {
    #[cfg(target_os = "android")]
    return crate::platform::phone::android::files_dir().ok_or(PathError::NoDataDir);
    #[cfg(not(target_os = "android"))]
    directories::ProjectDirs::from("app", "Reps", "Reps")
        .map(|d| d.data_dir().to_path_buf())
        .ok_or(PathError::NoDataDir)
}

/// Every file of one journal: the journal itself, and the folder where
/// processes that may not open it leave notes (the capture inbox) and read
/// what to show (the widget snapshot, [`crate::platform::snapshot`]).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Places {
    /// The redb file.
    pub journal: PathBuf,
    /// The capture inbox's folder.
    pub inbox: PathBuf,
    /// The widget snapshot.
    pub outside: PathBuf,
}

#[cfg(not(target_arch = "wasm32"))]
impl Places {
    /// The places for the journal in `data_dir` (the sample one with
    /// `demo`); `shared` is the folder other processes can reach when it is
    /// not the data folder (iOS: the App Group container).
    pub fn new(data_dir: &Path, demo: bool, shared: Option<&Path>) -> Places {
        let journal = journal_path(data_dir, demo);
        let own = journal.parent().unwrap_or(data_dir).to_path_buf();
        let shared = match shared {
            Some(s) if demo => s.join("demo"),
            Some(s) => s.to_path_buf(),
            None => own,
        };
        Places {
            inbox: shared.join(INBOX_DIR),
            outside: shared.join(reps_core::journal::outside::FILE),
            journal,
        }
    }

    /// The places on this device for a journal in `data_dir`.
    pub fn on_this_device(data_dir: &Path, demo: bool) -> Places {
        Places::new(data_dir, demo, shared_container().as_deref())
    }
}

/// The folder shared with the app's other processes, when the platform
/// keeps them apart (iOS: the App Group container; `None` elsewhere, and on
/// iOS when the app is not entitled to the group).
#[cfg(not(target_arch = "wasm32"))]
pub fn shared_container() -> Option<PathBuf> {
    #[cfg(target_os = "ios")]
    return crate::platform::phone::ios::group_container(APP_GROUP);
    #[cfg(not(target_os = "ios"))]
    None
}

#[cfg(not(target_arch = "wasm32"))]
/// The journal file for a data folder; the demo journal is kept apart so it
/// never mixes with the user's own.
pub fn journal_path(data_dir: &Path, demo: bool) -> PathBuf {
    if demo {
        data_dir.join("demo").join(JOURNAL_FILE)
    } else {
        data_dir.join(JOURNAL_FILE)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_inbox_and_snapshot_sit_beside_the_journal_unless_a_shared_folder_is_given() {
        let data = Path::new("/data/user/0/app.reps.journal/files");
        assert_eq!(
            Places::new(data, false, None),
            Places {
                journal: data.join("journal.redb"),
                inbox: data.join("inbox"),
                outside: data.join("outside.json"),
            }
        );
        // the sample journal's notes never reach the user's journal
        let demo = Places::new(data, true, None);
        assert_eq!(demo.inbox, data.join("demo/inbox"));
        assert_eq!(demo.outside, data.join("demo/outside.json"));
        // iOS: the App Group container, which never holds the journal
        let group = Path::new("/private/var/mobile/Containers/Shared/AppGroup/X");
        let ios = Places::new(
            Path::new("/var/mobile/App/Library/Application Support/app.Reps.Reps"),
            false,
            Some(group),
        );
        assert!(ios.journal.starts_with("/var/mobile/App"));
        assert_eq!(ios.inbox, group.join("inbox"));
        assert_eq!(ios.outside, group.join("outside.json"));
        assert_eq!(
            Places::new(data, true, Some(group)).inbox,
            group.join("demo/inbox")
        );
    }

    #[test]
    fn only_ios_has_a_separate_shared_folder() {
        assert_eq!(shared_container(), None);
    }

    #[test]
    fn the_demo_journal_never_shares_the_users_file() {
        let dir = Path::new("/data");
        assert_ne!(journal_path(dir, true), journal_path(dir, false));
        assert_eq!(journal_path(dir, false), Path::new("/data/journal.redb"));
    }
}

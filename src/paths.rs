//! Where the journal lives. Chosen here and only here, so every platform
//! agrees on one place per user. (In the browser the journal is a file in
//! the site's private OPFS folder, named in `assets/web/worker.js`.)

#[cfg(not(target_arch = "wasm32"))]
use std::path::{Path, PathBuf};

#[cfg(not(target_arch = "wasm32"))]
/// File name of the journal inside the data folder.
pub const JOURNAL_FILE: &str = "journal.redb";

#[cfg(not(target_arch = "wasm32"))]
/// Errors finding a place for the journal.
#[derive(Debug, thiserror::Error)]
pub enum PathError {
    /// The platform reports no home or data folder.
    #[error("could not find a data folder for this user; pass --data-dir PATH")]
    NoDataDir,
}

#[cfg(not(target_arch = "wasm32"))]
/// The platform's data folder for Reps (e.g. `~/.local/share/reps` on Linux).
pub fn default_data_dir() -> Result<PathBuf, PathError> {
    directories::ProjectDirs::from("app", "Reps", "Reps")
        .map(|d| d.data_dir().to_path_buf())
        .ok_or(PathError::NoDataDir)
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

/// The device's time zone (UTC when the system does not say).
pub fn device_zone() -> chrono_tz::Tz {
    iana_time_zone::get_timezone()
        .ok()
        .and_then(|name| name.parse().ok())
        .unwrap_or(chrono_tz::UTC)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_demo_journal_never_shares_the_users_file() {
        let dir = Path::new("/data");
        assert_ne!(journal_path(dir, true), journal_path(dir, false));
        assert_eq!(journal_path(dir, false), Path::new("/data/journal.redb"));
    }
}

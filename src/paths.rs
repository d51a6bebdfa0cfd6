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

/// `name` in `folder`, or `name-2`, `name-3`… if taken: an export never
/// replaces an earlier file.
#[cfg(not(target_arch = "wasm32"))]
pub fn unused_name(folder: &Path, name: &str) -> PathBuf {
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let dot = if ext.is_empty() { "" } else { "." };
    std::iter::once(folder.join(name))
        .chain((2..).map(|n| folder.join(format!("{stem}-{n}{dot}{ext}"))))
        .find(|p| !p.exists())
        .unwrap_or_else(|| folder.join(name))
}

/// Writes `bytes` to `path` whole or not at all: a temporary file beside it,
/// synced, then renamed into place.
#[cfg(not(target_arch = "wasm32"))]
pub fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("part");
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(any(not(target_arch = "wasm32"), feature = "web-worker"))]
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

    #[test]
    fn exports_never_replace_an_earlier_file() {
        let dir = tempfile::tempdir().unwrap();
        let first = unused_name(dir.path(), "reps-backup.json");
        write_whole(&first, b"one").unwrap();
        let second = unused_name(dir.path(), "reps-backup.json");
        assert_eq!(second, dir.path().join("reps-backup-2.json"));
        write_whole(&second, b"two").unwrap();
        assert_eq!(std::fs::read(&first).unwrap(), b"one");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            2,
            "no temporary file left"
        );
    }
}

/// Writes each note as a file in a new `folder` (each file atomically).
#[cfg(not(target_arch = "wasm32"))]
pub fn write_notes(
    folder: &Path,
    notes: &[reps_core::formats::markdown::NoteFile],
) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)?;
    for n in notes {
        write_whole(&folder.join(&n.name), n.text.as_bytes())?;
    }
    Ok(())
}

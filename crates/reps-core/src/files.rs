//! Files written whole or not at all, and where they live in the app's data
//! folder. Everything Reps writes outside the journal goes through
//! [`write_whole`]: the capture inbox's notes, the widget snapshot, every
//! export saved on a desktop. A power cut leaves either the old file or the
//! new one, never half of one, and never a name that vanishes.

use std::fs::{self, File};
use std::io::{self, Write as _};
use std::path::Path;

/// The journal's file inside the data folder (the app and `RepsJournal`).
pub const JOURNAL_FILE: &str = "journal.redb";
/// The capture inbox's folder inside the data folder.
pub const INBOX_DIR: &str = "inbox";

/// Writes `bytes` to `path` whole or not at all: a `.part` file beside it,
/// synced, renamed into place, and the folder synced so the new name
/// survives a power cut too. A `.part` file left by a failed write is
/// removed. Missing folders are created.
pub fn write_whole(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)?;
    let part = path.with_extension("part");
    let result = (|| {
        let mut f = File::create(&part)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&part, path)?;
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&part);
    }
    result
}

/// Makes a rename or removal in `dir` durable (a no-op where folders cannot
/// be opened, i.e. Windows, whose renames are journaled by the file system).
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_replaced_whole_and_nothing_is_left_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deep").join("outside.json");
        write_whole(&path, b"one").unwrap();
        write_whole(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("outside.json")]);
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_part() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_whole(&path, b"old").unwrap();
        // a folder where the file should go: the rename fails
        let blocked = dir.path().join("b.json");
        fs::create_dir(&blocked).unwrap();
        fs::write(blocked.join("x"), b"x").unwrap();
        assert!(write_whole(&blocked, b"new").is_err());
        assert!(!dir.path().join("b.part").exists());
        assert_eq!(fs::read(&path).unwrap(), b"old");
    }
}

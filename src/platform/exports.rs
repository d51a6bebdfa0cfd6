//! Where the desktop saves exports (backups, calendars, spreadsheets,
//! notes): a name no earlier file has, written whole or not at all by the
//! core's one helper.

use std::path::{Path, PathBuf};

pub use reps_core::files::write_whole;

/// `name` in `folder`, or `name-2`, `name-3`… if taken: an export never
/// replaces an earlier file.
pub fn unused_name(folder: &Path, name: &str) -> PathBuf {
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let dot = if ext.is_empty() { "" } else { "." };
    std::iter::once(folder.join(name))
        .chain((2..).map(|n| folder.join(format!("{stem}-{n}{dot}{ext}"))))
        .find(|p| !p.exists())
        .unwrap_or_else(|| folder.join(name))
}

/// Writes each note as a file in a new `folder` (each file atomically).
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

#[cfg(test)]
mod tests {
    use super::*;

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

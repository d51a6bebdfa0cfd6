//! The widget snapshot (`outside.json`): what the phone's widget and
//! reminder code read, because only the app may open the journal. Its
//! content and format are the core's ([`reps_core::journal::outside`]);
//! this writes it next to the capture inbox ([`crate::platform::paths::Places`]) on
//! start and after every change, only when it changed, whole or not at all.

use std::path::Path;

use reps_core::Outside;

/// Writes `outside` to `path` unless it is what `last` says was written
/// there; remembers it in `last`. Answers whether the file changed.
pub fn write_if_changed(
    path: &Path,
    outside: &Outside,
    last: &mut Option<String>,
) -> std::io::Result<bool> {
    let json = outside.to_file_text();
    if last.as_deref() == Some(json.as_str()) {
        return Ok(false);
    }
    reps_core::files::write_whole(path, json.as_bytes())?;
    *last = Some(json);
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use reps_core::journal::outside::FORMAT;

    #[test]
    fn an_unchanged_file_is_not_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(reps_core::journal::outside::FILE);
        let outside = Outside {
            format: FORMAT,
            interviews: Vec::new(),
            reminders: Vec::new(),
        };
        let mut last = None;
        assert!(write_if_changed(&path, &outside, &mut last).unwrap());
        let written = std::fs::read_to_string(&path).unwrap();
        assert_eq!(serde_json::from_str::<Outside>(&written).unwrap(), outside);
        std::fs::remove_file(&path).unwrap();
        assert!(!write_if_changed(&path, &outside, &mut last).unwrap());
        assert!(
            !path.exists(),
            "skipped: nothing changed since the last write"
        );
        let other = Outside {
            format: FORMAT + 1,
            ..outside
        };
        assert!(write_if_changed(&path, &other, &mut last).unwrap());
        assert!(path.exists());
    }
}

//! Size limits on user text, checked before anything is written, so one pasted
//! novel cannot slow every screen down or fill the disk.

use crate::error::{Invalid, Problem};

/// Names, companies, roles, short labels.
pub const SHORT: usize = 200;
/// Links and places.
pub const LINK: usize = 2_000;
/// One note field (about 30 pages of text).
pub const NOTE: usize = 64_000;
/// Entries in one list (red flags, questions, people…).
pub const LIST: usize = 200;

/// Requires non-blank text of at most `max` characters.
pub fn required(field: &'static str, text: &str, max: usize) -> Result<(), Invalid> {
    if text.trim().is_empty() {
        return Err(Invalid::new(field, Problem::Empty));
    }
    optional(field, text, max)
}

/// Allows blank text, up to `max` characters.
pub fn optional(field: &'static str, text: &str, max: usize) -> Result<(), Invalid> {
    let got = text.chars().count();
    if got > max {
        return Err(Invalid::new(field, Problem::TooLong { max, got }));
    }
    Ok(())
}

/// Caps a list's length.
pub fn list<T>(field: &'static str, items: &[T]) -> Result<(), Invalid> {
    if items.len() > LIST {
        return Err(Invalid::new(
            field,
            Problem::TooMany {
                max: LIST,
                got: items.len(),
            },
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_required_text_is_empty() {
        assert_eq!(
            required("company", "   ", SHORT).unwrap_err().problem,
            Problem::Empty
        );
    }

    #[test]
    fn ten_megabyte_note_is_refused_with_its_length() {
        let big = "x".repeat(10 * 1024 * 1024);
        let err = optional("notes", &big, NOTE).unwrap_err();
        assert_eq!(
            err.problem,
            Problem::TooLong {
                max: NOTE,
                got: big.len()
            }
        );
        assert!(err.to_string().starts_with("notes: too long"));
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert!(optional("role", &"é".repeat(SHORT), SHORT).is_ok());
    }
}

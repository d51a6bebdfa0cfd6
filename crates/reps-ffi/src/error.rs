//! The one error native code sees. The core's detailed [`reps_core::Error`]
//! is folded, in exactly one place, into the few cases a caller can act on
//! (show the message by the field, retry later, tell the user to update…).
//! Each carries the core's user-facing text.
//!
//! It is a "flat" uniffi error: Kotlin gets `RepsException.Invalid` with the
//! text as the exception's `message`, Swift `RepsError.Invalid(message:)`,
//! Python `RepsError.Invalid` whose `str()` is the text.

use reps_core::Error;

/// Why a call into the journal failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
#[uniffi(flat_error)]
pub enum RepsError {
    /// The input breaks a rule (blank note, too long, bad time…); nothing was written.
    #[error("{message}")]
    Invalid {
        /// What is wrong, e.g. "notes: please fill this in".
        message: String,
    },
    /// Another process (the app, a widget) holds the journal: try again later,
    /// or write to the capture inbox instead.
    #[error("{message}")]
    Busy {
        /// The core's explanation.
        message: String,
    },
    /// The disk refused, or the file is damaged or not a journal; nothing was changed.
    #[error("{message}")]
    Storage {
        /// The core's explanation.
        message: String,
    },
    /// The record asked for is not in the journal (or the id is not an id).
    #[error("{message}")]
    NotFound {
        /// Which record.
        message: String,
    },
    /// The journal was written by a newer Reps: the app must be updated; the file was not touched.
    #[error("{message}")]
    Newer {
        /// The core's explanation.
        message: String,
    },
    /// Anything else (a move the pipeline does not allow…).
    #[error("{message}")]
    Other {
        /// The core's explanation.
        message: String,
    },
}

impl From<Error> for RepsError {
    fn from(e: Error) -> Self {
        let message = e.to_string();
        match e {
            Error::Invalid(_)
            | Error::Time(_)
            | Error::Backup(_)
            | Error::Sealed(_)
            | Error::Calendar(_)
            | Error::Csv(_) => RepsError::Invalid { message },
            Error::Busy => RepsError::Busy { message },
            Error::Disk(_) | Error::Corrupt(_) | Error::Doc(_) => RepsError::Storage { message },
            Error::NotFound { .. } => RepsError::NotFound { message },
            Error::NewerSchema { .. } => RepsError::Newer { message },
            Error::Transition { .. } | Error::NothingToUndo => RepsError::Other { message },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reps_core::{Invalid, Problem, Status};

    fn case(e: Error) -> (RepsError, String) {
        let text = e.to_string();
        (RepsError::from(e), text)
    }

    #[test]
    fn each_core_error_becomes_the_case_a_caller_acts_on_with_the_same_words() {
        let (e, text) = case(Invalid::new("notes", Problem::Empty).into());
        assert_eq!(
            e,
            RepsError::Invalid {
                message: text.clone()
            }
        );
        assert_eq!(text, "notes: please fill this in");
        let (e, text) = case(Error::Busy);
        assert_eq!(e, RepsError::Busy { message: text });
        let (e, text) = case(Error::Disk("disk full".into()));
        assert_eq!(e, RepsError::Storage { message: text });
        let (e, text) = case(Error::Corrupt("not a Reps journal".into()));
        assert_eq!(e, RepsError::Storage { message: text });
        let (e, text) = case(Error::NotFound {
            kind: "follow-up",
            id: "x".into(),
        });
        assert_eq!(e, RepsError::NotFound { message: text });
        let (e, text) = case(Error::NewerSchema {
            found: 9,
            supported: 1,
        });
        assert_eq!(
            e,
            RepsError::Newer {
                message: text.clone()
            }
        );
        assert!(text.contains("update the app"));
        let (e, text) = case(Error::Transition {
            from: Status::Passed,
            to: Status::Offer,
        });
        assert_eq!(e, RepsError::Other { message: text });
        let (e, _) = case(reps_core::TimeError::OutOfRange.into());
        assert!(matches!(e, RepsError::Invalid { .. }));
    }

    #[test]
    fn the_error_reads_as_its_message() {
        let e = RepsError::Busy {
            message: "the journal is open elsewhere".into(),
        };
        assert_eq!(e.to_string(), "the journal is open elsewhere");
    }
}

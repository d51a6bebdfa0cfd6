//! The core's errors. Callers match on [`Error`]; a UI shows [`Invalid`] next to
//! the field it names, and nothing the user typed is thrown away by the core.

use crate::time::TimeError;

/// Everything a journal operation can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input breaks a rule; nothing was written.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// A time could not be understood.
    #[error(transparent)]
    Time(#[from] TimeError),
    /// The record does not exist (any more).
    #[error("no {kind} with id {id}")]
    NotFound {
        /// What was looked for ("lead", "interview", …).
        kind: &'static str,
        /// The id that was asked for.
        id: String,
    },
    /// A pipeline move that makes no sense (e.g. an offer on a lead that was passed).
    #[error("a lead cannot go from {from} to {to}")]
    Transition {
        /// Current status.
        from: crate::Status,
        /// Requested status.
        to: crate::Status,
    },
    /// There is no decision to undo on this lead.
    #[error("there is nothing to undo on this lead")]
    NothingToUndo,
    /// The journal file was written by a newer Reps; it was not touched.
    #[error(
        "this journal was written by a newer version of Reps (schema {found}, this one reads up to {supported}); update the app — the file was left untouched"
    )]
    NewerSchema {
        /// Version found in the file.
        found: u64,
        /// Newest version this build understands.
        supported: u64,
    },
    /// The file is not a Reps journal, or a record in it cannot be read.
    #[error("the journal is damaged or not a Reps journal: {0}")]
    Corrupt(String),
    /// Another process (the app, a widget) holds the journal open.
    #[error("the journal is open in another window or process; close it and try again")]
    Busy,
    /// The disk refused the write (full, read-only, removed). Nothing was committed.
    #[error("could not save to disk: {0}. Nothing was changed; free some space and try again")]
    Disk(String),
    /// A backup file could not be imported; the journal was not changed.
    #[error(transparent)]
    Backup(#[from] crate::formats::backup::BackupError),
    /// A record's sync document could not be read or written.
    #[error(transparent)]
    Doc(#[from] crate::sync::doc::DocError),
    /// An encrypted file could not be sealed or opened.
    #[error(transparent)]
    Sealed(#[from] crate::formats::sealed::SealError),
    /// A calendar invite could not be read or imported; the journal was not changed.
    #[error(transparent)]
    Calendar(#[from] crate::formats::ics::IcsError),
    /// A tracker spreadsheet could not be imported; the journal was not changed.
    #[error(transparent)]
    Csv(#[from] crate::formats::tracker_import::CsvImportError),
}

/// Result alias for the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

pub use crate::domain::invalid::{Invalid, Problem};

impl From<redb::DatabaseError> for Error {
    fn from(e: redb::DatabaseError) -> Self {
        match e {
            redb::DatabaseError::DatabaseAlreadyOpen => Error::Busy,
            redb::DatabaseError::Storage(s) => s.into(),
            other => Error::Corrupt(other.to_string()),
        }
    }
}

impl From<redb::StorageError> for Error {
    fn from(e: redb::StorageError) -> Self {
        match e {
            redb::StorageError::Io(io) => Error::Disk(io.to_string()),
            redb::StorageError::Corrupted(msg) => Error::Corrupt(msg),
            other => Error::Disk(other.to_string()),
        }
    }
}

impl From<redb::TransactionError> for Error {
    fn from(e: redb::TransactionError) -> Self {
        match e {
            redb::TransactionError::Storage(s) => s.into(),
            other => Error::Disk(other.to_string()),
        }
    }
}

impl From<redb::TableError> for Error {
    fn from(e: redb::TableError) -> Self {
        match e {
            redb::TableError::Storage(s) => s.into(),
            other => Error::Corrupt(other.to_string()),
        }
    }
}

impl From<redb::CommitError> for Error {
    fn from(e: redb::CommitError) -> Self {
        match e {
            redb::CommitError::Storage(s) => s.into(),
            other => Error::Disk(other.to_string()),
        }
    }
}

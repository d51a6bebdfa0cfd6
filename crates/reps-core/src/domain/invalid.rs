//! A field that breaks a rule, and why: the validation vocabulary shared by
//! the records, the codecs that read them and the journal's error.

/// A field that breaks a rule: which one, and why, in words a user reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct Invalid {
    /// The field as the UI names it (`company`, `start`, `confidence_after`…).
    pub field: &'static str,
    /// What is wrong with it.
    pub problem: Problem,
}

/// Why a field was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// Must be filled in.
    #[error("please fill this in")]
    Empty,
    /// Longer than the journal accepts.
    #[error("too long ({got} characters; at most {max})")]
    TooLong {
        /// Limit.
        max: usize,
        /// Actual length.
        got: usize,
    },
    /// A number outside its scale.
    #[error("must be between {min} and {max} (got {got})")]
    OutOfRange {
        /// Lowest accepted.
        min: i64,
        /// Highest accepted.
        max: i64,
        /// Given.
        got: i64,
    },
    /// An end that comes before its start.
    #[error("ends before it starts")]
    EndBeforeStart,
    /// Too many entries in a list.
    #[error("too many entries ({got}; at most {max})")]
    TooMany {
        /// Limit.
        max: usize,
        /// Given.
        got: usize,
    },
    /// A pay figure that is not a whole amount.
    #[error("use whole amounts, like 52000, 52,000 or 52k")]
    Amount,
    /// Not an email address.
    #[error("that doesn't look like an email address (name@example.com)")]
    Email,
    /// Not a phone number.
    #[error("use digits, spaces and + - ( ) only, like +44 20 7946 0958")]
    Phone,
    /// A currency that is not a three-letter code.
    #[error("use a three-letter currency code such as EUR or USD")]
    Currency,
    /// A date outside the years the journal can store.
    #[error("that date is out of range (years 0000 to 9999 only)")]
    DateOutOfRange,
    /// Refers to a record that does not exist.
    #[error("refers to something that is not in the journal")]
    Dangling,
    /// A day that has to come after today (pushing a follow-up to a date).
    #[error("pick a day after today")]
    NotLater,
    /// Bytes that are not text (a picture or a file shared as text).
    #[error("that is not text Reps can read (it looks like a file or a picture)")]
    NotText,
}

impl Invalid {
    /// Shorthand for building an error.
    pub fn new(field: &'static str, problem: Problem) -> Self {
        Self { field, problem }
    }
}

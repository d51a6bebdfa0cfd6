//! Ways the journal leaves and enters the app as files.

pub mod applications_csv;
pub mod backup;
pub mod markdown;
pub mod tracker_import;

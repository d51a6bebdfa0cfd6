//! Ways the journal leaves and enters the app as files.

pub mod backup;

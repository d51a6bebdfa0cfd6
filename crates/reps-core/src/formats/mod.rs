//! Ways the journal leaves and enters the app as files.

pub mod applications_csv;
pub mod backup;
pub mod cards_csv;
pub mod ics;
pub mod markdown;
pub mod proof_of_search;
pub mod sealed;
pub mod tracker_import;
pub mod vcard;

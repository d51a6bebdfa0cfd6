//! Small widgets that never call the journal.

pub mod chart;
pub mod keys;
pub mod lead_fields;
pub mod swipe;
pub mod text;

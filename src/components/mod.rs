//! Small widgets that never call the journal.

pub mod chart;
pub mod swipe;
pub mod text;

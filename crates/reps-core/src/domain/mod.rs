//! The things Reps knows about: leads, interviews, debriefs, checklists,
//! contacts and follow-ups. Plain data with validation; no storage, no clock.

pub mod checklist;
pub mod contact;
pub mod debrief;
pub mod followup;
pub mod interview;
pub mod invalid;
pub mod lead;
pub mod limits;
pub mod settings;

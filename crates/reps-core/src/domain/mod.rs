//! The things Reps knows about: leads, interviews, debriefs, checklists,
//! contacts, follow-ups and practice cards. Plain data with validation; no storage, no clock.

pub mod card;
pub mod checklist;
pub mod contact;
pub mod debrief;
pub mod followup;
pub mod interview;
pub mod invalid;
pub mod lead;
pub mod limits;
pub mod settings;

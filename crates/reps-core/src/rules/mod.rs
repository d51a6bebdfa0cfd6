//! The advice, as pure functions over domain values and a time passed in.
//! Each rule lives here once; the UI and the FFI ask, they never recompute.

pub mod capture;
pub mod checklist;
pub mod conflicts;
pub mod followups;
pub mod messages;
pub mod offers;
pub mod pass;
pub mod pipeline;
pub mod posting;
pub mod practice;
pub mod reps;
pub mod search;
pub mod skills;
pub mod sources;
pub mod today;

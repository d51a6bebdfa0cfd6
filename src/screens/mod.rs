//! One file per screen: a thin container that talks to the journal, and a
//! view that takes plain props (rendered in tests with dioxus-ssr).

pub mod capture;
pub mod checklist;
pub mod data;
pub mod lead;
pub mod leads;
pub mod message;
pub mod offers;
pub mod people;
pub mod practice;
pub mod reps;
pub mod search;
#[cfg(target_arch = "wasm32")]
pub mod shared_in;
#[cfg(test)]
mod states;
pub mod sync;
pub mod today;

#[cfg(test)]
pub mod test_support;

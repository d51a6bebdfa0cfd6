//! Words and short formats shared by screens (labels of core enums, dates).

// The words every shell shares (screens, widgets, notifications, exports)
// live in the core, once.
pub use reps_core::wording::{
    company_or_ask, day, lead_facts, link_site, pass_reason, pay, red_flag, role_or_ask,
    shared_check, skill, source, stage, status, when, when_group,
};

/// "1 interview", "3 interviews": a count with its noun.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

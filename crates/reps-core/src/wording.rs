//! Words and short formats for things the core knows, shared by every shell
//! (the Dioxus screens, the uniffi surface for widgets and notifications), so
//! a follow-up is called the same everywhere.

use crate::time::Stamp;
use crate::{FollowUpKind, Lead, Stage};

/// "Tue 3 Jun, 14:00" in the stamp's own zone.
pub fn when(s: &Stamp) -> String {
    s.local().format("%a %-d %b, %H:%M").to_string()
}

/// "3 Jun".
pub fn day(s: &Stamp) -> String {
    s.local().format("%-d %b").to_string()
}

/// The action a follow-up asks for.
pub fn follow_up(kind: FollowUpKind) -> &'static str {
    match kind {
        FollowUpKind::ThankYou => "Send a thank-you",
        FollowUpKind::CheckIn => "Check in",
        FollowUpKind::FeedbackRequest => "Ask for feedback",
        FollowUpKind::Reapply => "Apply again",
        FollowUpKind::KeepInTouch => "Keep in touch",
        FollowUpKind::ReplyOwed => "Reply",
    }
}

/// A stage as a heading ("Hiring manager").
pub fn stage(s: &Stage) -> String {
    let name = s.to_string();
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => name,
    }
}

/// "Company — role", how a lead is named in lists.
pub fn about(lead: &Lead) -> String {
    format!("{} — {}", lead.details.company, lead.details.role)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::at;

    #[test]
    fn times_read_in_their_own_zone() {
        let s = at("2026-06-02T14:00:00+02:00[Europe/Paris]");
        assert_eq!(when(&s), "Tue 2 Jun, 14:00");
        assert_eq!(day(&s), "2 Jun");
    }

    #[test]
    fn stages_read_as_headings() {
        assert_eq!(stage(&Stage::HiringManager), "Hiring manager");
        assert_eq!(stage(&Stage::Custom("take-home".into())), "Take-home");
    }
}

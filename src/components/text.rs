//! Words and short formats shared by screens (labels of core enums, dates).

use reps_core::{FollowUpKind, PassReason, RedFlagKind, Skill, Stamp, Status, When};

/// "Tue 3 Jun, 14:00" in the stamp's own zone.
pub fn when(s: &Stamp) -> String {
    s.local().format("%a %-d %b, %H:%M").to_string()
}

/// "1 interview", "3 interviews": a count with its noun.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
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

/// A status as a pipeline heading.
pub fn status(s: Status) -> &'static str {
    match s {
        Status::New => "New",
        Status::Deciding => "Need more info",
        Status::Taking => "Taking the interview",
        Status::Passed => "Passed",
        Status::Interviewing => "Interviewing",
        Status::Offer => "Offer",
        Status::Accepted => "Accepted",
        Status::Declined => "Declined",
        Status::Rejected => "Said no (progress!)",
        Status::Withdrew => "Withdrew",
        Status::Ghosted => "Ghosted",
    }
}

/// A pass reason as a chip.
pub fn pass_reason(r: PassReason) -> &'static str {
    reps_core::rules::pass::label(r)
}

/// A red flag kind as a chip.
pub fn red_flag(k: RedFlagKind) -> &'static str {
    match k {
        RedFlagKind::VagueRole => "Vague role",
        RedFlagKind::HighTurnover => "High turnover",
        RedFlagKind::PressureToAccept => "Pressure to accept",
        RedFlagKind::DiffersFromAd => "Not the job in the ad",
        RedFlagKind::NoCvValue => "Nothing for my CV",
        RedFlagKind::Other => "Something else",
    }
}

/// A skill as a chip.
pub fn skill(s: &Skill) -> String {
    match s {
        Skill::TellMeAboutYourself => "Tell me about yourself".into(),
        Skill::WhyThisCompany => "Why this company".into(),
        Skill::Examples => "Examples & stories".into(),
        Skill::TechnicalDepth => "Technical depth".into(),
        Skill::SalaryTalk => "Salary talk".into(),
        Skill::QuestionsForThem => "My questions for them".into(),
        Skill::Composure => "Staying calm".into(),
        Skill::Conciseness => "Short answers".into(),
        Skill::Custom(name) => name.clone(),
    }
}

/// A stage as a heading ("Hiring manager").
pub fn stage(s: &reps_core::Stage) -> String {
    let name = s.to_string();
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => name,
    }
}

/// "58,000–62,000 EUR a year", or what is known of it.
pub fn pay(p: &reps_core::PayRange) -> String {
    let per = match p.period {
        reps_core::PayPeriod::Year => "a year",
        reps_core::PayPeriod::Month => "a month",
        reps_core::PayPeriod::Day => "a day",
        reps_core::PayPeriod::Hour => "an hour",
    };
    match (p.min, p.max) {
        (Some(a), Some(b)) if a == b => format!("{a} {} {per}", p.currency),
        (Some(a), Some(b)) => format!("{a}–{b} {} {per}", p.currency),
        (Some(a), None) => format!("from {a} {} {per}", p.currency),
        (None, Some(b)) => format!("up to {b} {} {per}", p.currency),
        (None, None) => String::new(),
    }
}

/// A checklist group heading.
pub fn when_group(w: When) -> &'static str {
    match w {
        When::DayBefore => "The day before",
        When::HourBefore => "The hour before",
        When::WalkingIn => "Walking in",
    }
}

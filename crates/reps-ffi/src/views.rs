//! What native code shows: plain records built from what the core's queries
//! return, with the words the app's screens use ([`reps_core::wording`]) and
//! the deep link that opens the matching screen of the app.
//!
//! Deep links (the app opens them): `reps://today`, `reps://capture`,
//! `reps://capture/<interview id>`, `reps://prep/<interview id>` (its
//! checklist), `reps://lead/<lead id>`.

use reps_core::rules::today::TodayItem;
use reps_core::wording;
use reps_core::{FollowUp, FollowUpKind, Interview, Lead, Stamp};

/// One line of the Today list, for a widget.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TodayRow {
    /// `"checklist"`, `"debrief"`, `"follow_up"` or `"silent"`.
    pub kind: String,
    /// What to do: "Prepare", "Send a thank-you"…
    pub title: String,
    /// About what and when: "Acme — Engineer · due today".
    pub detail: String,
    /// For a follow-up: its id, to mark it done with `complete_follow_up`.
    pub follow_up_id: Option<String>,
    /// The screen of the app that deals with it.
    pub deep_link: String,
}

/// An interview still ahead (or under way), for a "next up" widget.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct UpcomingInterview {
    /// The interview's id.
    pub id: String,
    /// The company.
    pub company: String,
    /// The role.
    pub role: String,
    /// The stage, as a heading ("Hiring manager").
    pub stage: String,
    /// Start as RFC 9557 text, e.g. `2026-06-10T09:00:00+02:00[Europe/Paris]`
    /// (`java.time.ZonedDateTime.parse` reads it).
    pub starts_iso: String,
    /// Start in milliseconds since the Unix epoch.
    pub starts_epoch_ms: i64,
    /// Length in minutes.
    pub minutes: u32,
    /// Address or room; empty for a call.
    pub place: String,
}

/// A follow-up to announce with a notification at its due time.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ReminderItem {
    /// The follow-up's id (a stable notification id; also for completing it).
    pub follow_up_id: String,
    /// The notification's title: the action ("Send a thank-you").
    pub title: String,
    /// Its text: "Acme — Engineer · due Tue 2 Jun, 17:00".
    pub body: String,
    /// When to show it, in milliseconds since the Unix epoch.
    pub due_epoch_ms: i64,
    /// The screen a tap opens.
    pub deep_link: String,
}

/// What taking the capture inbox in did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct TakenIn {
    /// Notes that became debriefs.
    pub added: u32,
    /// Notes already in the journal (an earlier take was cut short): only their files were removed.
    pub already: u32,
    /// Unreadable files moved to `inbox/damaged/`.
    pub damaged: u32,
}

impl From<reps_core::inbox::TakenIn> for TakenIn {
    fn from(t: reps_core::inbox::TakenIn) -> Self {
        Self {
            added: count(t.added),
            already: count(t.already),
            damaged: count(t.damaged),
        }
    }
}

/// A count as the foreign side's `u32` (saturating; no list gets near it).
pub(crate) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl From<TodayItem> for TodayRow {
    fn from(item: TodayItem) -> Self {
        match item {
            TodayItem::Checklist {
                interview,
                about,
                starts,
                done,
                total,
                ..
            } => Self {
                kind: "checklist".into(),
                title: "Prepare".into(),
                detail: format!(
                    "{about} · {} · {done} of {total} ready",
                    wording::when(&starts)
                ),
                follow_up_id: None,
                deep_link: format!("reps://prep/{interview}"),
            },
            TodayItem::WriteDebrief {
                interview,
                about,
                ended,
                ..
            } => Self {
                kind: "debrief".into(),
                title: "Write it down".into(),
                detail: format!("{about} · ended {}", wording::when(&ended)),
                follow_up_id: None,
                deep_link: format!("reps://capture/{interview}"),
            },
            TodayItem::FollowUp {
                followup,
                about,
                overdue,
            } => Self {
                kind: "follow_up".into(),
                title: wording::follow_up(followup.kind).into(),
                detail: if overdue {
                    format!(
                        "{about} · was due {}",
                        wording::day(&followup.effective_due())
                    )
                } else {
                    format!("{about} · due today")
                },
                follow_up_id: Some(followup.id.to_string()),
                deep_link: follow_up_link(&followup),
            },
            TodayItem::Silent { lead, about, since } => Self {
                kind: "silent".into(),
                title: "No word for a while".into(),
                detail: format!("{about} · silent since {}", wording::day(&since)),
                follow_up_id: None,
                deep_link: format!("reps://lead/{lead}"),
            },
        }
    }
}

impl UpcomingInterview {
    /// The row for `interview` of `lead`.
    pub(crate) fn new(interview: &Interview, lead: &Lead) -> Self {
        let plan = &interview.plan;
        Self {
            id: interview.id.to_string(),
            company: lead.details.company.clone(),
            role: lead.details.role.clone(),
            stage: wording::stage(&plan.stage),
            starts_iso: plan.start.to_string(),
            starts_epoch_ms: plan.start.millis(),
            minutes: plan.minutes,
            place: plan.place.clone(),
        }
    }
}

impl ReminderItem {
    /// The notification for `follow_up`, which is about `about` ("Company — role", a name).
    pub(crate) fn new(follow_up: &FollowUp, about: &str) -> Self {
        let due: Stamp = follow_up.effective_due();
        Self {
            follow_up_id: follow_up.id.to_string(),
            title: wording::follow_up(follow_up.kind).into(),
            body: format!("{about} · due {}", wording::when(&due)),
            due_epoch_ms: due.millis(),
            deep_link: follow_up_link(follow_up),
        }
    }
}

/// Where a follow-up is dealt with, as the desktop's notifications open it:
/// the message that takes care of it (`reps://message/<kind>/<about>`, the
/// app's message route), a lead's page for applying again or replying,
/// else Today.
fn follow_up_link(f: &FollowUp) -> String {
    let about = match (f.interview, f.lead, f.contact) {
        (Some(i), _, _) => Some(format!("interview-{i}")),
        (None, Some(l), _) => Some(format!("lead-{l}")),
        (None, None, Some(c)) => Some(format!("contact-{c}")),
        (None, None, None) => None,
    };
    match (reps_core::rules::messages::answers(f.kind), about, f.lead) {
        (Some(kind), Some(about), _) => format!("reps://message/{kind}/{about}"),
        (None, _, Some(lead))
            if matches!(f.kind, FollowUpKind::Reapply | FollowUpKind::ReplyOwed) =>
        {
            format!("reps://lead/{lead}")
        }
        _ => "reps://today".into(),
    }
}

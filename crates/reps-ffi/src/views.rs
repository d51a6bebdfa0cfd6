//! What native code shows: the core's view records (words, times and the
//! `reps://` link of the screen that deals with each, all built in
//! [`reps_core::journal`]) as uniffi records, field for field.

use reps_core::NextInterview;
use reps_core::rules::today::TodayItem;

/// One line of the Today list, for a widget.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TodayRow {
    /// `"checklist"`, `"debrief"`, `"follow_up"`, `"silent"` or `"practice"`.
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
    /// Shared postings that became new leads in the deck.
    pub shared: u32,
    /// Shared postings already in the deck (nothing added).
    pub shared_already: u32,
}

impl From<reps_core::inbox::TakenIn> for TakenIn {
    fn from(t: reps_core::inbox::TakenIn) -> Self {
        Self {
            added: count(t.added),
            already: count(t.already),
            damaged: count(t.damaged),
            shared: count(t.shared),
            shared_already: count(t.shared_already),
        }
    }
}

/// A count as the foreign side's `u32` (saturating; no list gets near it).
pub(crate) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl From<reps_core::TodayRow> for TodayRow {
    fn from(row: reps_core::TodayRow) -> Self {
        let kind = match row.item {
            TodayItem::Checklist { .. } => "checklist",
            TodayItem::WriteDebrief { .. } => "debrief",
            TodayItem::FollowUp { .. } => "follow_up",
            TodayItem::Silent { .. } => "silent",
            TodayItem::Practice { .. } => "practice",
        };
        Self {
            kind: kind.into(),
            title: row.title,
            detail: row.detail,
            follow_up_id: row.follow_up.map(|id| id.to_string()),
            deep_link: row.goes_to.link(),
        }
    }
}

impl From<NextInterview> for UpcomingInterview {
    fn from(i: NextInterview) -> Self {
        Self {
            id: i.id,
            company: i.company,
            role: i.role,
            stage: i.stage,
            starts_iso: i.starts_iso,
            starts_epoch_ms: i.starts_epoch_ms,
            minutes: i.minutes,
            place: i.place,
        }
    }
}

impl From<&reps_core::Reminder> for ReminderItem {
    fn from(r: &reps_core::Reminder) -> Self {
        let item = reps_core::journal::ReminderItem::from(r);
        Self {
            follow_up_id: item.follow_up_id,
            title: item.title,
            body: item.body,
            due_epoch_ms: item.due_epoch_ms,
            deep_link: item.deep_link,
        }
    }
}

/// How sync stands, in the app's words.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SyncStatus {
    /// Whether sync is set up on this device.
    pub set_up: bool,
    /// Where it syncs, in words.
    pub place: String,
    /// "Synced 5 minutes ago", "Not synced yet".
    pub last_synced: String,
    /// Records changed here and not sent yet.
    pub unsent: u32,
    /// The other devices: "Phone — last heard from 2 hours ago".
    pub devices: Vec<String>,
    /// The last problem, in plain words.
    pub problem: Option<String>,
    /// Where the sync key is kept, in words (the platform's keychain, or
    /// the journal file where there is none).
    pub key_kept: String,
}

impl From<reps_core::journal::sync::SyncView> for SyncStatus {
    fn from(v: reps_core::journal::sync::SyncView) -> Self {
        SyncStatus {
            set_up: v.set_up,
            place: v.place,
            last_synced: v.last_synced,
            unsent: v.unsent,
            devices: v
                .devices
                .into_iter()
                .map(|d| format!("{} — {}", d.name, d.last))
                .collect(),
            problem: v.problem,
            key_kept: v.key_kept,
        }
    }
}

/// What a sync round took in.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SyncOutcome {
    /// Records that changed here (refresh widgets when above zero).
    pub changed: u32,
    /// Files from other devices waiting for earlier ones.
    pub waiting: u32,
    /// Files set aside, each with why.
    pub problems: Vec<String>,
}

impl From<reps_core::journal::sync::TakeInReport> for SyncOutcome {
    fn from(r: reps_core::journal::sync::TakeInReport) -> Self {
        SyncOutcome {
            changed: u32::try_from(r.records).unwrap_or(u32::MAX),
            waiting: u32::try_from(r.waiting).unwrap_or(u32::MAX),
            problems: r.problems,
        }
    }
}

//! The one list of what is due now. The journal gathers candidates through its
//! indexes; this rule decides what shows and in which order.

use chrono::Duration;
use serde::{Deserialize, Serialize};

use crate::id::{InterviewId, LeadId};
use crate::time::Stamp;
use crate::{FollowUp, Interview};

/// How far ahead checklists show up.
pub const CHECKLIST_AHEAD_HOURS: i64 = 24;
/// How long after an interview a missing debrief is still asked for.
pub const DEBRIEF_WINDOW_DAYS: i64 = 14;

/// A line on the Today screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "item", rename_all = "snake_case")]
pub enum TodayItem {
    /// A follow-up due today or overdue.
    FollowUp {
        /// The follow-up.
        followup: FollowUp,
        /// "Company — role" or the contact's name, for the row title.
        about: String,
        /// Due before today started.
        overdue: bool,
    },
    /// An interview in the next 24 hours: its checklist.
    Checklist {
        /// The interview.
        interview: InterviewId,
        /// Its lead.
        lead: LeadId,
        /// "Company — role".
        about: String,
        /// Start.
        starts: Stamp,
        /// Ticked items.
        done: usize,
        /// All items.
        total: usize,
    },
    /// An interview ended and no debrief was written.
    WriteDebrief {
        /// The interview.
        interview: InterviewId,
        /// Its lead.
        lead: LeadId,
        /// "Company — role".
        about: String,
        /// When it ended.
        ended: Stamp,
    },
    /// Practice cards due today or before.
    Practice {
        /// How many.
        cards: usize,
        /// When the longest-waiting one fell due.
        since: Stamp,
    },
    /// No word for a long time: offer to mark it ghosted (never done silently).
    Silent {
        /// The lead.
        lead: LeadId,
        /// "Company — role".
        about: String,
        /// Last sign of life.
        since: Stamp,
    },
}

impl TodayItem {
    fn rank(&self) -> (u8, Stamp) {
        match self {
            TodayItem::Checklist { starts, .. } => (0, *starts),
            TodayItem::WriteDebrief { ended, .. } => (1, *ended),
            TodayItem::FollowUp { followup, .. } => (2, followup.effective_due()),
            TodayItem::Silent { since, .. } => (3, *since),
            TodayItem::Practice { since, .. } => (4, *since),
        }
    }
}

/// A thank-you is worth sending for a few days; after that it leaves the list.
pub const THANK_YOU_STALE_DAYS: i64 = 3;

/// Whether a follow-up belongs on today's list: open, due before today ends
/// (local), and not a thank-you gone stale.
pub fn follow_up_is_due(f: &FollowUp, now: Stamp) -> bool {
    let stale = f.kind == crate::FollowUpKind::ThankYou
        && now.utc() - f.effective_due().utc() > Duration::days(THANK_YOU_STALE_DAYS);
    f.is_open() && !stale && f.effective_due().utc() < end_of_day(now).utc()
}

/// A thank-you waits until its interview is over: the one planned for an
/// interview later today is not due yet, however close its due time.
pub fn waits_for_interview(f: &FollowUp, interview: Option<&Interview>, now: Stamp) -> bool {
    f.kind == crate::FollowUpKind::ThankYou && interview.is_some_and(|i| i.plan.end() > now)
}

/// Whether it was already due before today began.
pub fn is_overdue(f: &FollowUp, now: Stamp) -> bool {
    f.effective_due().local_date() < now.local_date() && f.effective_due() < now
}

/// Midnight at the end of `now`'s local day.
pub fn end_of_day(now: Stamp) -> Stamp {
    let next = now.local_date().succ_opt().unwrap_or(now.local_date());
    Stamp::from_local(next.and_hms_opt(0, 0, 0).unwrap_or_default(), now.tz())
        .or_else(|_| Stamp::from_local(next.and_hms_opt(1, 0, 0).unwrap_or_default(), now.tz()))
        .unwrap_or(now)
}

/// How far "this week" on Today looks ahead, and back for lessons.
pub const WEEK_DAYS: i64 = 7;

/// The window `[from, to)` of "this week": from tomorrow (today's own
/// things are on Today above it) to the end of the seventh day.
pub fn week_ahead(now: Stamp) -> (Stamp, Stamp) {
    let from = end_of_day(now);
    let mut to = from;
    for _ in 0..WEEK_DAYS {
        to = end_of_day(to);
    }
    (from, to)
}

/// The window `(from, to]` in which upcoming interviews show their checklist.
pub fn checklist_window(now: Stamp) -> (Stamp, Stamp) {
    (
        now,
        now.add(Duration::hours(CHECKLIST_AHEAD_HOURS))
            .unwrap_or(now),
    )
}

/// Puts the items in the order a person acts on them: what is imminent first.
pub fn order(mut items: Vec<TodayItem>) -> Vec<TodayItem> {
    items.sort_by_key(|i| i.rank());
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::FollowUpId;
    use crate::time::at;
    use crate::{FollowUpKind, FollowUpState};
    use uuid::Uuid;

    fn fu(due: &str) -> FollowUp {
        FollowUp {
            id: FollowUpId(Uuid::nil()),
            created: at(due),
            updated: at(due),
            kind: FollowUpKind::ThankYou,
            due: at(due),
            snoozed_until: None,
            state: FollowUpState::Open,
            lead: None,
            interview: None,
            contact: None,
            note: String::new(),
            rule_key: None,
        }
    }

    #[test]
    fn due_means_before_the_end_of_the_local_day() {
        let now = at("2026-06-01T09:00:00+02:00[Europe/Paris]");
        assert!(follow_up_is_due(
            &fu("2026-06-01T20:00:00+02:00[Europe/Paris]"),
            now
        ));
        assert!(!follow_up_is_due(
            &fu("2026-06-02T08:00:00+02:00[Europe/Paris]"),
            now
        ));
    }

    #[test]
    fn a_thank_you_goes_stale_after_a_few_days() {
        let f = fu("2026-06-01T18:00:00Z[UTC]");
        assert!(follow_up_is_due(&f, at("2026-06-04T09:00:00Z[UTC]")));
        assert!(!follow_up_is_due(&f, at("2026-06-05T09:00:00Z[UTC]")));
        let mut check_in = f.clone();
        check_in.kind = crate::FollowUpKind::CheckIn;
        assert!(
            follow_up_is_due(&check_in, at("2026-06-20T09:00:00Z[UTC]")),
            "others stay until done"
        );
    }

    #[test]
    fn snoozed_and_done_items_leave_the_list() {
        let now = at("2026-06-01T09:00:00Z[UTC]");
        let mut f = fu("2026-06-01T08:00:00Z[UTC]");
        f.snoozed_until = Some(at("2026-06-03T08:00:00Z[UTC]"));
        assert!(!follow_up_is_due(&f, now));
        let mut g = fu("2026-06-01T08:00:00Z[UTC]");
        g.state = FollowUpState::Done(now);
        assert!(!follow_up_is_due(&g, now));
    }

    #[test]
    fn yesterday_is_overdue_this_morning_is_not() {
        let now = at("2026-06-02T09:00:00Z[UTC]");
        assert!(is_overdue(&fu("2026-06-01T18:00:00Z[UTC]"), now));
        assert!(!is_overdue(&fu("2026-06-02T08:00:00Z[UTC]"), now));
    }

    #[test]
    fn imminent_checklists_come_before_follow_ups() {
        let now = at("2026-06-02T09:00:00Z[UTC]");
        let items = order(vec![
            TodayItem::FollowUp {
                followup: fu("2026-06-01T18:00:00Z[UTC]"),
                about: "A".into(),
                overdue: true,
            },
            TodayItem::Checklist {
                interview: InterviewId(Uuid::nil()),
                lead: LeadId(Uuid::nil()),
                about: "B".into(),
                starts: now,
                done: 0,
                total: 3,
            },
        ]);
        assert!(matches!(items[0], TodayItem::Checklist { .. }));
    }
}

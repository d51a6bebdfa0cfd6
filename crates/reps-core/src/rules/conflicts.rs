//! Two interviews that collide. The advice: never cancel the one you already
//! agreed to; ask politely to move the new one. So a conflict comes with a
//! suggested new time, never with a cancellation.

use chrono::Duration;
use serde::{Deserialize, Serialize};

use crate::id::InterviewId;
use crate::time::Stamp;
use crate::{Interview, InterviewPlan};

/// An existing interview the planned one collides with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// The interview already in the calendar.
    pub other: InterviewId,
    /// Its start.
    pub other_start: Stamp,
    /// Its end.
    pub other_end: Stamp,
}

/// What to do about a collision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reschedule {
    /// Who to ask: the interview being added or moved (never the one already agreed).
    pub move_this: Option<InterviewId>,
    /// The first free start, same length, respecting the travel buffer.
    pub suggested_start: Stamp,
    /// One line of advice for the user.
    pub advice: String,
}

/// The advice shown with every reschedule suggestion.
pub const ADVICE: &str = "Keep the interview you already agreed to. Ask politely to move this one — people reschedule all the time, and a quick, early message keeps their trust.";

/// Interviews in `others` that `plan` overlaps, counting `buffer_minutes` on both sides.
/// Cancelled interviews and `plan`'s own id are ignored.
pub fn find(
    plan: &InterviewPlan,
    own: Option<InterviewId>,
    others: &[Interview],
    buffer_minutes: u32,
) -> Vec<Conflict> {
    let buffer = Duration::minutes(i64::from(buffer_minutes));
    let mut found: Vec<Conflict> = others
        .iter()
        .filter(|o| !o.cancelled && Some(o.id) != own)
        .filter(|o| overlaps(plan.start, plan.end(), o.plan.start, o.plan.end(), buffer))
        .map(|o| Conflict {
            other: o.id,
            other_start: o.plan.start,
            other_end: o.plan.end(),
        })
        .collect();
    found.sort_by_key(|c| c.other_start);
    found
}

fn overlaps(a0: Stamp, a1: Stamp, b0: Stamp, b1: Stamp, buffer: Duration) -> bool {
    let a0 = a0.utc() - buffer;
    let a1 = a1.utc() + buffer;
    a0 < b1.utc() && b0.utc() < a1
}

/// The earliest start at or after `plan.start` where `plan` fits without conflicts:
/// first right after a colliding interview (plus buffer) on the same day, else
/// the same local time on one of the next 14 days.
pub fn suggest(
    plan: &InterviewPlan,
    own: Option<InterviewId>,
    others: &[Interview],
    buffer_minutes: u32,
) -> Option<Reschedule> {
    let fits = |start: Stamp| {
        let mut p = plan.clone();
        p.start = start;
        find(&p, own, others, buffer_minutes).is_empty()
    };
    if fits(plan.start) {
        return None;
    }
    let buffer = Duration::minutes(i64::from(buffer_minutes));
    let day = plan.start.local_date();
    let mut candidates: Vec<Stamp> = others
        .iter()
        .filter(|o| !o.cancelled && Some(o.id) != own)
        .filter_map(|o| o.plan.end().add(buffer).ok())
        .map(|s| s.in_zone(plan.start.tz()))
        .filter(|s| *s > plan.start && s.local_date() == day)
        .collect();
    candidates.sort();
    let same_day = candidates
        .into_iter()
        .find(|s| fits(*s) && plan.end().local_date() == day && s.local_date() == day);
    let suggested = same_day.or_else(|| {
        (1..=14)
            .filter_map(|d| plan.start.add_local_days(d).ok())
            .find(|s| fits(*s))
    })?;
    Some(Reschedule {
        move_this: own,
        suggested_start: suggested,
        advice: ADVICE.to_string(),
    })
}

/// Of two interviews that collide, the one agreed last is the one to ask
/// about moving: `this` is it when any interview it collides with was
/// already in the calendar before it.
pub fn is_the_one_to_move(this: &Interview, colliding: &[Interview]) -> bool {
    colliding
        .iter()
        .any(|o| o.id != this.id && !o.cancelled && (o.created, o.id) < (this.created, this.id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::at;
    use crate::{InterviewKind, Stage};

    fn iv(n: u128, start: &str, minutes: u32) -> Interview {
        let plan = InterviewPlan::new(at(start), minutes, InterviewKind::OnSite, Stage::Screen);
        Interview::planned(n, 100 + n, plan)
    }

    #[test]
    fn overlapping_interviews_conflict() {
        let existing = [iv(1, "2026-06-01T10:00:00+02:00[Europe/Paris]", 60)];
        let new = iv(2, "2026-06-01T10:30:00+02:00[Europe/Paris]", 60);
        let found = find(&new.plan, Some(new.id), &existing, 0);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].other, existing[0].id);
    }

    #[test]
    fn the_travel_buffer_turns_back_to_back_into_a_conflict() {
        let existing = [iv(1, "2026-06-01T10:00:00+02:00[Europe/Paris]", 60)];
        let new = iv(2, "2026-06-01T11:10:00+02:00[Europe/Paris]", 60);
        assert!(find(&new.plan, None, &existing, 0).is_empty());
        assert_eq!(find(&new.plan, None, &existing, 30).len(), 1);
    }

    #[test]
    fn cancelled_interviews_and_itself_do_not_count() {
        let mut existing = iv(1, "2026-06-01T10:00:00Z[UTC]", 60);
        existing.cancelled = true;
        let moved = iv(2, "2026-06-01T10:00:00Z[UTC]", 60);
        assert!(find(&moved.plan, Some(moved.id), &[existing, moved.clone()], 30).is_empty());
    }

    #[test]
    fn suggestion_moves_the_new_one_right_after_the_first_plus_buffer() {
        let existing = [iv(1, "2026-06-01T10:00:00+02:00[Europe/Paris]", 60)];
        let new = iv(2, "2026-06-01T10:30:00+02:00[Europe/Paris]", 45);
        let r = suggest(&new.plan, Some(new.id), &existing, 30).unwrap();
        assert_eq!(r.move_this, Some(new.id));
        assert_eq!(
            r.suggested_start.to_string(),
            "2026-06-01T11:30:00+02:00[Europe/Paris]"
        );
        assert!(
            r.advice
                .contains("Keep the interview you already agreed to")
        );
    }

    #[test]
    fn a_late_collision_is_moved_to_the_next_free_day_same_time() {
        let existing = [iv(1, "2026-06-01T22:00:00+02:00[Europe/Paris]", 120)];
        let new = iv(2, "2026-06-01T22:30:00+02:00[Europe/Paris]", 60);
        let r = suggest(&new.plan, None, &existing, 30).unwrap();
        assert_eq!(
            r.suggested_start.to_string(),
            "2026-06-02T22:30:00+02:00[Europe/Paris]"
        );
    }

    #[test]
    fn no_conflict_means_no_suggestion() {
        let existing = [iv(1, "2026-06-01T10:00:00Z[UTC]", 60)];
        let new = iv(2, "2026-06-01T14:00:00Z[UTC]", 60);
        assert!(suggest(&new.plan, None, &existing, 30).is_none());
    }

    #[test]
    fn the_interview_agreed_last_is_the_one_to_move() {
        let first = iv(1, "2026-06-03T10:00:00+02:00[Europe/Paris]", 60);
        let mut second = iv(2, "2026-06-03T10:30:00+02:00[Europe/Paris]", 60);
        second.created = first.created.add(Duration::hours(1)).unwrap();
        assert!(is_the_one_to_move(&second, std::slice::from_ref(&first)));
        assert!(!is_the_one_to_move(&first, std::slice::from_ref(&second)));
        // a cancelled one no longer holds its place
        let mut gone = first.clone();
        gone.cancelled = true;
        assert!(!is_the_one_to_move(&second, &[gone]));
    }
}

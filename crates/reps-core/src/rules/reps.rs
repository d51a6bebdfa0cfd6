//! The reps tracker: every interview held is practice, whatever its outcome.
//! Counts, milestones, confidence over time, next-step rate, rejections as
//! progress, and a habit-strength score that grows with reps and fades slowly.

use std::collections::BTreeMap;

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use crate::id::InterviewId;
use crate::time::Stamp;
use crate::{Interview, Lead, Outcome, Status};

/// Rep counts worth celebrating.
pub const MILESTONES: [usize; 8] = [1, 5, 10, 20, 50, 100, 200, 500];

/// Days for the strength score to halve without practice.
pub const STRENGTH_HALF_LIFE_DAYS: f64 = 21.0;
/// Share of the remaining gap to 1.0 that one rep closes.
pub const STRENGTH_GAIN: f64 = 0.3;

/// One rep on the confidence chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConfidencePoint {
    /// 1 for the first rep.
    pub rep: usize,
    /// Which interview.
    pub interview: InterviewId,
    /// When it started.
    pub at: Stamp,
    /// Confidence going in.
    pub before: Option<u8>,
    /// Confidence coming out.
    pub after: Option<u8>,
}

/// A milestone and when it was reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    /// Rep count.
    pub reps: usize,
    /// When reached, if it was.
    pub reached: Option<Stamp>,
}

/// Everything the Reps screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RepsReport {
    /// Interviews held.
    pub total: usize,
    /// Reps per calendar month (`2026-05`), oldest first.
    pub per_month: Vec<(String, usize)>,
    /// Reps per ISO week (`2026-W19`), oldest first.
    pub per_week: Vec<(String, usize)>,
    /// Milestones reached so far plus the next one.
    pub milestones: Vec<Milestone>,
    /// One point per rep, oldest first.
    pub confidence: Vec<ConfidencePoint>,
    /// Least-squares slope of confidence-after per rep (positive: growing).
    pub confidence_trend: Option<f64>,
    /// Held interviews that led to an invitation.
    pub invited: usize,
    /// Held interviews that did not.
    pub not_invited: usize,
    /// Invited ÷ decided (pending ones excluded).
    pub next_step_rate: Option<f64>,
    /// Leads that ended in a "no" — each one counts as progress.
    pub rejections: usize,
    /// Habit strength, 0 to 1.
    pub strength: f64,
}

/// Builds the report from all interviews and leads at `now`.
pub fn report(interviews: &[Interview], leads: &[Lead], now: Stamp) -> RepsReport {
    let mut held: Vec<&Interview> = interviews.iter().filter(|i| i.is_held(now)).collect();
    held.sort_by_key(|i| (i.plan.start, i.id));

    let mut months: BTreeMap<String, usize> = BTreeMap::new();
    let mut weeks: BTreeMap<String, usize> = BTreeMap::new();
    for i in &held {
        let d = i.plan.start.local_date();
        *months
            .entry(format!("{:04}-{:02}", d.year(), d.month()))
            .or_default() += 1;
        let w = d.iso_week();
        *weeks
            .entry(format!("{:04}-W{:02}", w.year(), w.week()))
            .or_default() += 1;
    }

    let confidence: Vec<ConfidencePoint> = held
        .iter()
        .enumerate()
        .map(|(n, i)| ConfidencePoint {
            rep: n + 1,
            interview: i.id,
            at: i.plan.start,
            before: i.confidence_before.map(|r| r.get()),
            after: i.confidence_after.map(|r| r.get()),
        })
        .collect();

    let mut milestones: Vec<Milestone> = MILESTONES
        .iter()
        .filter(|&&m| m <= held.len())
        .map(|&m| Milestone {
            reps: m,
            reached: Some(held[m - 1].plan.start),
        })
        .collect();
    if let Some(&next) = MILESTONES.iter().find(|&&m| m > held.len()) {
        milestones.push(Milestone {
            reps: next,
            reached: None,
        });
    }

    // an unmarked interview that a later round of the same lead followed
    // did take the person to the next step
    let followed = |i: &Interview| {
        interviews
            .iter()
            .any(|o| o.lead == i.lead && !o.cancelled && o.plan.start > i.plan.start)
    };
    let invited = held
        .iter()
        .filter(|i| i.outcome == Outcome::Invited || (i.outcome == Outcome::Pending && followed(i)))
        .count();
    let not_invited = held
        .iter()
        .filter(|i| i.outcome == Outcome::NotInvited)
        .count();
    let decided = invited + not_invited;

    RepsReport {
        total: held.len(),
        per_month: months.into_iter().collect(),
        per_week: weeks.into_iter().collect(),
        milestones,
        confidence_trend: trend(&confidence),
        confidence,
        invited,
        not_invited,
        next_step_rate: (decided > 0).then(|| invited as f64 / decided as f64),
        rejections: leads
            .iter()
            .filter(|l| l.status == Status::Rejected)
            .count(),
        strength: strength(held.iter().map(|i| i.plan.start), now),
    }
}

/// Slope of confidence-after over rep number; needs two rated reps.
fn trend(points: &[ConfidencePoint]) -> Option<f64> {
    let xy: Vec<(f64, f64)> = points
        .iter()
        .filter_map(|p| p.after.map(|a| (p.rep as f64, f64::from(a))))
        .collect();
    if xy.len() < 2 {
        return None;
    }
    let n = xy.len() as f64;
    let mx = xy.iter().map(|p| p.0).sum::<f64>() / n;
    let my = xy.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = xy.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let sxy: f64 = xy.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    (sxx > 0.0).then(|| sxy / sxx)
}

/// Habit strength: each rep closes [`STRENGTH_GAIN`] of the gap to 1.0; the
/// score halves every [`STRENGTH_HALF_LIFE_DAYS`] without practice.
pub fn strength(rep_times: impl IntoIterator<Item = Stamp>, now: Stamp) -> f64 {
    let mut times: Vec<Stamp> = rep_times.into_iter().filter(|t| *t <= now).collect();
    times.sort();
    let decay = |s: f64, from: Stamp, to: Stamp| {
        let days = (to.utc() - from.utc()).num_seconds() as f64 / 86_400.0;
        s * 0.5_f64.powf(days.max(0.0) / STRENGTH_HALF_LIFE_DAYS)
    };
    let mut score = 0.0;
    let mut last: Option<Stamp> = None;
    for t in times {
        if let Some(prev) = last {
            score = decay(score, prev, t);
        }
        score += (1.0 - score) * STRENGTH_GAIN;
        last = Some(t);
    }
    match last {
        Some(prev) => decay(score, prev, now),
        None => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::LeadId;
    use crate::time::at;
    use crate::{InterviewKind, InterviewPlan, LeadDetails, Rating, Source, Stage};
    use uuid::Uuid;

    fn iv(n: u128, start: &str, outcome: Outcome, after: Option<i64>) -> Interview {
        let plan = InterviewPlan::new(at(start), 60, InterviewKind::Video, Stage::Screen);
        Interview {
            id: InterviewId(Uuid::from_u128(n)),
            lead: LeadId(Uuid::from_u128(1)),
            created: plan.start,
            updated: plan.start,
            plan,
            outcome,
            confidence_before: None,
            confidence_after: after.map(|a| Rating::new("c", a).unwrap()),
            cancelled: false,
        }
    }

    fn now() -> Stamp {
        at("2026-07-01T00:00:00Z[UTC]")
    }

    #[test]
    fn every_held_interview_is_a_rep_whatever_the_outcome() {
        let ivs = [
            iv(1, "2026-05-01T10:00:00Z[UTC]", Outcome::NotInvited, None),
            iv(2, "2026-05-20T10:00:00Z[UTC]", Outcome::Invited, None),
            iv(3, "2026-06-03T10:00:00Z[UTC]", Outcome::Pending, None),
            iv(4, "2026-08-01T10:00:00Z[UTC]", Outcome::Pending, None), // future
        ];
        let r = report(&ivs, &[], now());
        assert_eq!(r.total, 3);
        assert_eq!(
            r.per_month,
            vec![("2026-05".into(), 2), ("2026-06".into(), 1)]
        );
        assert_eq!(r.per_week.len(), 3);
    }

    #[test]
    fn cancelled_interviews_are_not_reps() {
        let mut i = iv(1, "2026-05-01T10:00:00Z[UTC]", Outcome::Pending, None);
        i.cancelled = true;
        assert_eq!(report(&[i], &[], now()).total, 0);
    }

    #[test]
    fn an_unmarked_round_followed_by_another_counts_as_a_next_step() {
        let mut second = iv(2, "2026-05-09T10:00:00Z[UTC]", Outcome::Pending, None);
        let first = iv(1, "2026-05-01T10:00:00Z[UTC]", Outcome::Pending, None);
        second.lead = first.lead;
        let r = report(&[first.clone(), second.clone()], &[], now());
        assert_eq!(r.invited, 1, "the first led to the second");
        second.cancelled = true;
        assert_eq!(report(&[first, second], &[], now()).invited, 0);
    }

    #[test]
    fn next_step_rate_ignores_pending() {
        let ivs = [
            iv(1, "2026-05-01T10:00:00Z[UTC]", Outcome::Invited, None),
            iv(2, "2026-05-02T10:00:00Z[UTC]", Outcome::NotInvited, None),
            iv(3, "2026-05-03T10:00:00Z[UTC]", Outcome::Invited, None),
            iv(4, "2026-05-04T10:00:00Z[UTC]", Outcome::Pending, None),
        ];
        let r = report(&ivs, &[], now());
        assert!((r.next_step_rate.unwrap() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(report(&[], &[], now()).next_step_rate, None);
    }

    #[test]
    fn milestones_mark_first_and_fifth_and_show_the_next() {
        let ivs: Vec<_> = (1..=6)
            .map(|n| {
                iv(
                    n,
                    &format!("2026-05-{:02}T10:00:00Z[UTC]", n),
                    Outcome::Pending,
                    None,
                )
            })
            .collect();
        let r = report(&ivs, &[], now());
        let reached: Vec<_> = r
            .milestones
            .iter()
            .filter(|m| m.reached.is_some())
            .map(|m| m.reps)
            .collect();
        assert_eq!(reached, [1, 5]);
        assert_eq!(r.milestones.last().unwrap().reps, 10);
        assert_eq!(r.milestones[1].reached, Some(ivs[4].plan.start));
    }

    #[test]
    fn rising_confidence_gives_a_positive_trend() {
        let ivs = [
            iv(1, "2026-05-01T10:00:00Z[UTC]", Outcome::Pending, Some(2)),
            iv(2, "2026-05-08T10:00:00Z[UTC]", Outcome::Pending, Some(3)),
            iv(3, "2026-05-15T10:00:00Z[UTC]", Outcome::Pending, Some(4)),
        ];
        let r = report(&ivs, &[], now());
        assert!((r.confidence_trend.unwrap() - 1.0).abs() < 1e-9);
        assert_eq!(
            r.confidence.iter().map(|p| p.rep).collect::<Vec<_>>(),
            [1, 2, 3]
        );
    }

    #[test]
    fn rejections_are_counted() {
        let t = now();
        let mut l = Lead::new(
            LeadId(Uuid::nil()),
            t,
            LeadDetails::new("A", "B", Source::JobBoard),
            Status::Rejected,
        );
        let r1 = report(&[], std::slice::from_ref(&l), t);
        l.status = Status::Interviewing;
        let r2 = report(&[], &[l], t);
        assert_eq!((r1.rejections, r2.rejections), (1, 0));
    }

    #[test]
    fn strength_grows_with_reps_and_fades_without() {
        let t0 = at("2026-05-01T10:00:00Z[UTC]");
        let one = strength([t0], t0);
        let two = strength(
            [t0, at("2026-05-02T10:00:00Z[UTC]")],
            at("2026-05-02T10:00:00Z[UTC]"),
        );
        assert!((one - STRENGTH_GAIN).abs() < 1e-9);
        assert!(two > one);
        let later = strength([t0], at("2026-05-22T10:00:00Z[UTC]"));
        assert!((later - one / 2.0).abs() < 1e-9, "halves in 21 days");
        let many = strength(
            (1..=28).map(|d| at(&format!("2026-05-{d:02}T10:00:00Z[UTC]"))),
            at("2026-05-28T10:00:00Z[UTC]"),
        );
        assert!(many > 0.9 && many <= 1.0);
        assert_eq!(strength([], t0), 0.0);
    }
}

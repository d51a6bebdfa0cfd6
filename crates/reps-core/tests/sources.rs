//! Which sources pay off, checked against a journal whose answers are
//! worked out by hand below: leads from four sources over ten days, with
//! interviews, a second round, an offer, a "no", a ghosting and a pass.

mod common;

use chrono::Duration;
use common::*;
use reps_core::rules::sources::{SourceLine, Verdict};
use reps_core::{
    Decision, InterviewKind, InterviewPlan, LeadDetails, PassReason, Source, Stage, Stamp, Status,
    wording,
};

const DAY0: &str = "2026-11-02T09:00:00+01:00[Europe/Paris]";

fn day(d: i64, hour: i64) -> Stamp {
    at(DAY0)
        .add(Duration::days(d) + Duration::hours(hour - 9))
        .unwrap()
}

fn plan(start: Stamp, stage: Stage) -> InterviewPlan {
    InterviewPlan::new(start, 60, InterviewKind::Video, stage)
}

#[test]
fn the_sources_table_matches_the_journal_worked_out_by_hand() {
    let (j, clock) = memory(DAY0);
    let lead = |company: &str, source| {
        j.add_lead(LeadDetails::new(company, "Engineer", source))
            .unwrap()
            .id
    };
    // day 0, 09:00: six leads
    let a = lead("Alpha", Source::JobBoard);
    let b = lead("Beta", Source::JobBoard);
    let c = lead("Gamma", Source::JobBoard);
    let d = lead("Delta", Source::Referral);
    let e = lead("Epsilon", Source::RecruiterCall);
    let f = lead("Phi", Source::CompanySite);
    // 10:00: took A, B, C and D; passed on F
    clock.set(day(0, 10));
    for id in [a, b, c, d] {
        j.decide(id, Decision::Take).unwrap();
    }
    j.decide(
        f,
        Decision::Pass {
            reason: PassReason::OutsidePayRange,
            note: String::new(),
        },
    )
    .unwrap();
    // 12:00: the recruiter books E's screen straight away (0 days to answer)
    clock.set(day(0, 12));
    j.schedule_interview(e, plan(day(2, 10), Stage::Screen))
        .unwrap();
    // day 1, 10:00: Delta books a screen (1 day after taking it)
    clock.set(day(1, 10));
    j.schedule_interview(d, plan(day(2, 14), Stage::Screen))
        .unwrap();
    // day 3: E says no; Delta invites to a technical round
    clock.set(day(3, 10));
    j.move_lead(e, Status::Rejected, None, "").unwrap();
    j.schedule_interview(d, plan(day(5, 10), Stage::Technical))
        .unwrap();
    // day 4, 09:00: Alpha books a screen (3 days 23 hours after taking it)
    clock.set(day(4, 9));
    j.schedule_interview(a, plan(day(6, 10), Stage::Screen))
        .unwrap();
    // day 8: Delta's offer; day 9: Beta has gone silent for good
    clock.set(day(8, 10));
    j.move_lead(d, Status::Offer, None, "").unwrap();
    clock.set(day(9, 10));
    j.move_lead(b, Status::Ghosted, None, "").unwrap();
    clock.set(day(10, 10));
    let _ = c;

    let lines = j.sources().unwrap();
    let row = |s: Source| -> &SourceLine {
        lines
            .iter()
            .find(|l| l.source == s)
            .unwrap_or_else(|| panic!("{s:?}"))
    };
    // most leads first; the ones with one lead in the form's order
    assert_eq!(
        lines.iter().map(|l| l.source).collect::<Vec<_>>(),
        [
            Source::JobBoard,
            Source::CompanySite,
            Source::RecruiterCall,
            Source::Referral
        ]
    );
    let job_board = row(Source::JobBoard);
    assert_eq!(
        (
            job_board.leads,
            job_board.pursued,
            job_board.answered,
            job_board.interviews,
            job_board.next_steps,
            job_board.offers
        ),
        (3, 3, 1, 1, 0, 0)
    );
    let wait = job_board.median_days_to_answer.unwrap();
    assert!((wait - (3.0 + 23.0 / 24.0)).abs() < 1e-9, "{wait}");
    assert_eq!(wording::days_to_answer(Some(wait)), "4 days");
    assert_eq!(
        job_board.verdict(),
        None,
        "one answer in three is not a verdict"
    );

    let referral = row(Source::Referral);
    assert_eq!(
        (
            referral.leads,
            referral.pursued,
            referral.answered,
            referral.interviews,
            referral.next_steps,
            referral.offers
        ),
        (1, 1, 1, 2, 1, 1)
    );
    assert_eq!(referral.median_days_to_answer, Some(1.0));
    assert_eq!(referral.verdict(), Some(Verdict::WorksWell));
    assert_eq!(
        wording::source_facts(referral),
        "1 lead · 1 answered · 2 interviews · 1 next step · 1 offer · first answer after 1 day"
    );
    assert_eq!(
        wording::source_facts(job_board),
        "3 leads · 1 answered · 1 interview · no offer yet · first answer after 4 days"
    );
    assert_eq!(
        wording::source_verdict(referral).unwrap(),
        "Referral works for you: one lead leading to an offer."
    );

    let recruiter = row(Source::RecruiterCall);
    assert_eq!(
        (
            recruiter.leads,
            recruiter.pursued,
            recruiter.answered,
            recruiter.interviews,
            recruiter.next_steps,
            recruiter.offers
        ),
        (1, 1, 1, 1, 0, 0)
    );
    assert_eq!(recruiter.median_days_to_answer, Some(0.0));
    assert_eq!(wording::days_to_answer(Some(0.0)), "under a day");
    assert!(wording::source_facts(recruiter).ends_with("first answer within a day"));

    let site = row(Source::CompanySite);
    assert_eq!(
        (site.leads, site.pursued, site.answered, site.interviews),
        (1, 0, 0, 0)
    );
    assert_eq!(site.median_days_to_answer, None);
    assert_eq!(wording::days_to_answer(None), "—");

    // closed leads are not forgotten: the same table after they closed
    assert_eq!(j.lead(b).unwrap().status, Status::Ghosted);
    assert_eq!(j.lead(e).unwrap().status, Status::Rejected);
    // and the Reps screen reads the same from its one snapshot
    assert_eq!(j.reps_page().unwrap().sources, lines);
}

#[test]
fn a_source_that_never_answers_is_named_plainly() {
    let (j, clock) = memory(DAY0);
    for company in ["One", "Two", "Three"] {
        let id = j
            .add_lead(LeadDetails::new(company, "Engineer", Source::Other))
            .unwrap()
            .id;
        j.decide(id, Decision::Take).unwrap();
    }
    clock.set(day(20, 9));
    let lines = j.sources().unwrap();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].verdict(), Some(Verdict::NeverAnswers));
    assert_eq!(
        wording::source_verdict(&lines[0]).unwrap(),
        "Other: 3 leads pursued, not one answer yet. Try another way in."
    );
    // an empty journal has no sources to show
    let (empty, _) = memory(DAY0);
    assert!(empty.sources().unwrap().is_empty());
}

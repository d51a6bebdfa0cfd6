//! A realistic sample journal: five weeks of a job search, so a new user (and
//! every screen) sees Reps alive. Built through the same commands the app uses.

use chrono::{Duration, NaiveTime};

use crate::error::Result;
use crate::rules::practice::FromDebrief;
use crate::time::{Clock, ManualClock, Stamp};
use crate::{
    CardBody, ContactDetails, DebriefBody, Decision, Fit, Grade, InterviewKind, InterviewPlan,
    Journal, LeadDetails, Offer, Outcome, PassReason, PayPeriod, PayRange, Provenance, Question,
    Rating, RedFlag, RedFlagKind, Skill, Source, Stage, Status, WorkMode,
};

struct Sample<'a> {
    journal: &'a Journal,
    clock: &'a ManualClock,
    now: Stamp,
}

impl Sample<'_> {
    /// `days` before now at `hour:00` local (negative days are in the future).
    fn at(&self, days: i64, hour: u32) -> Stamp {
        let date = self.now.local_date() - Duration::days(days);
        let time = NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or_default();
        Stamp::from_local(date.and_time(time), self.now.tz()).unwrap_or(self.now)
    }
    /// Moves to another moment, first doing what was due — the sample user
    /// is diligent, so only the last few days are left for Today.
    fn go(&self, days: i64, hour: u32) -> Result<()> {
        let now = self.clock.now();
        for f in self.journal.all_follow_ups()? {
            if f.is_open() && f.effective_due() <= now {
                self.journal.complete_follow_up(f.id)?;
            }
        }
        self.clock.set(self.at(days, hour));
        Ok(())
    }
}

fn lead(
    company: &str,
    role: &str,
    source: Source,
    pay: Option<(u64, u64)>,
    remote: WorkMode,
) -> LeadDetails {
    let mut d = LeadDetails::new(company, role, source);
    d.pay = pay.map(|(min, max)| PayRange {
        min: Some(min),
        max: Some(max),
        currency: "EUR".into(),
        period: PayPeriod::Year,
    });
    d.work_mode = Some(remote);
    d.skills_fit = Fit::Good;
    d.pay_fit = Fit::Good;
    d
}

fn rating(v: i64) -> Option<Rating> {
    Rating::new("rating", v).ok()
}

/// Fills an empty journal whose clock is `clock` with five weeks ending at `now`.
/// The clock is left at `now`.
pub fn populate(journal: &Journal, clock: &ManualClock, now: Stamp) -> Result<()> {
    let s = Sample {
        journal,
        clock,
        now,
    };
    let j = s.journal;

    // Week 1: the first leads arrive.
    s.go(35, 9)?;
    let mut northwind = lead(
        "Northwind Logistics",
        "Backend Developer",
        Source::RecruiterCall,
        Some((52_000, 60_000)),
        WorkMode::Hybrid,
    );
    northwind.location = "Lyon".into();
    northwind.seen = "Recruiter was clear about the team and the stack.".into();
    let northwind = j.add_lead(northwind)?;
    let mut kestrel = lead(
        "Kestrel Analytics",
        "Data Engineer",
        Source::Referral,
        Some((55_000, 65_000)),
        WorkMode::Remote,
    );
    kestrel.heard = "A friend says the on-call rota is heavy.".into();
    kestrel.dream_job = true;
    let kestrel = j.add_lead(kestrel)?;
    let brightpath = j.add_lead(lead(
        "Brightpath Health",
        "Platform Engineer",
        Source::JobBoard,
        Some((50_000, 58_000)),
        WorkMode::OnSite,
    ))?;
    s.go(34, 20)?;
    j.decide(northwind.id, Decision::Take)?;
    j.decide(kestrel.id, Decision::Take)?;
    j.decide(brightpath.id, Decision::Take)?;

    let ines = j.add_contact(ContactDetails {
        name: "Inès Moreau".into(),
        role: "Talent Partner".into(),
        company: "Northwind Logistics".into(),
        met_where: "Phone screen".into(),
        email: "ines.moreau@northwind-logistics.example".into(),
        cadence_days: Some(45),
        ..Default::default()
    })?;

    // Week 2: first reps.
    s.go(32, 8)?;
    let mut plan = InterviewPlan::new(s.at(30, 10), 30, InterviewKind::Phone, Stage::Screen);
    plan.people = vec![ines.id];
    let nw1 = j.schedule_interview(northwind.id, plan)?.interview;
    let kz1 = j
        .schedule_interview(
            kestrel.id,
            InterviewPlan::new(s.at(29, 14), 45, InterviewKind::Video, Stage::Screen),
        )?
        .interview;
    s.go(30, 11)?;
    j.rate_confidence(nw1.id, rating(2), rating(3))?;
    let d = j.start_debrief(Some(nw1.id), None)?;
    j.save_debrief(
        d.id,
        DebriefBody {
            feel: rating(3),
            confidence: rating(3),
            went_well: "Explained the billing migration clearly.".into(),
            improve: "Rambled on \"tell me about yourself\"; keep it to two minutes.".into(),
            strengths: vec![Skill::Examples],
            to_improve: vec![Skill::TellMeAboutYourself, Skill::Conciseness],
            questions: vec![Question::new("Who would I report to day to day?")],
            people: vec!["Inès Moreau".into()],
            next_step: "Hiring manager call if the team agrees.".into(),
            next_step_by: Some(s.at(25, 9).local_date()),
            ..Default::default()
        },
    )?;
    let first_notes = d.id;
    s.go(29, 15)?;
    let d = j.start_debrief(Some(kz1.id), None)?;
    j.save_debrief(
        d.id,
        DebriefBody {
            feel: rating(2),
            confidence: rating(2),
            improve: "Froze on the salary question. Prepare a figure.".into(),
            to_improve: vec![Skill::SalaryTalk, Skill::Composure],
            red_flags: vec![RedFlag {
                kind: RedFlagKind::VagueRole,
                detail: "Could not say who I would report to.".into(),
                provenance: Provenance::Seen,
            }],
            ..Default::default()
        },
    )?;
    j.rate_confidence(kz1.id, rating(2), rating(2))?;
    // the two answers that went wrong become practice cards that evening
    s.go(29, 20)?;
    let intro = j.card_from_debrief(
        first_notes,
        FromDebrief::Answer(
            "Rambled on \"tell me about yourself\"; keep it to two minutes.".into(),
        ),
    )?;
    let intro = j.edit_card(
        intro.id,
        CardBody {
            question: "Tell me about yourself.".into(),
            said: "Started at university and went through every job in order.".into(),
            answer: "Now: backend engineer, six years, payments. Before: the billing \
                     migration at my last job, zero downtime. Next: a product team where \
                     I own a service end to end — which is why this role."
                .into(),
            skills: vec![Skill::TellMeAboutYourself, Skill::Conciseness],
        },
    )?;
    let salary = j.card_from_debrief(d.id, FromDebrief::Skill(Skill::SalaryTalk))?;
    let mut body = salary.body.clone();
    body.said = "Froze, then said \"whatever you think is fair\".".into();
    body.answer = "Based on the role and what I've seen for similar ones, I'm looking at \
                   55 to 60k. Is that in the range you have in mind?"
        .into();
    let salary = j.edit_card(salary.id, body)?;
    j.rate_card(intro.id, Grade::Hard, Some(150))?;
    j.rate_card(salary.id, Grade::Again, Some(40))?;
    s.go(27, 9)?;
    j.rate_card(salary.id, Grade::Good, Some(35))?;
    j.record_outcome(nw1.id, Outcome::Invited)?;
    j.record_outcome(kz1.id, Outcome::NotInvited)?;
    j.move_lead(kestrel.id, Status::Rejected, None, "Polite no by email")?;

    // Week 3: more leads, a pass, a second round.
    s.go(24, 9)?;
    let cobalt = j.add_lead(lead(
        "Cobalt Games",
        "Tools Programmer",
        Source::JobBoard,
        Some((40_000, 46_000)),
        WorkMode::OnSite,
    ))?;
    j.decide(
        cobalt.id,
        Decision::Pass {
            reason: PassReason::OutsidePayRange,
            note: "Well under my floor.".into(),
        },
    )?;
    let meridian = j.add_lead(lead(
        "Meridian Bank",
        "Senior Backend Engineer",
        Source::Inbound,
        Some((62_000, 72_000)),
        WorkMode::Hybrid,
    ))?;
    j.decide(meridian.id, Decision::Take)?;
    let marc = j.add_contact(ContactDetails {
        name: "Marc Lefèvre".into(),
        role: "Engineering Manager".into(),
        company: "Northwind Logistics".into(),
        met_where: "Hiring manager interview".into(),
        cadence_days: Some(60),
        ..Default::default()
    })?;
    let mut plan = InterviewPlan::new(s.at(22, 11), 60, InterviewKind::Video, Stage::HiringManager);
    plan.people = vec![marc.id];
    plan.video_link = "https://meet.example/northwind".into();
    let nw2 = j.schedule_interview(northwind.id, plan)?.interview;
    let mb1 = j
        .schedule_interview(
            meridian.id,
            InterviewPlan::new(s.at(21, 16), 45, InterviewKind::Phone, Stage::Screen),
        )?
        .interview;
    s.go(22, 12)?;
    j.rate_confidence(nw2.id, rating(3), rating(4))?;
    let d = j.start_debrief(Some(nw2.id), None)?;
    j.save_debrief(
        d.id,
        DebriefBody {
            feel: rating(4),
            confidence: rating(4),
            went_well: "Opening answer landed in under two minutes. Good questions about on-call."
                .into(),
            strengths: vec![Skill::TellMeAboutYourself, Skill::QuestionsForThem],
            to_improve: vec![Skill::SalaryTalk],
            questions: vec![Question::new("Is the hybrid schedule fixed or flexible?")],
            people: vec!["Marc Lefèvre".into()],
            next_step: "Technical panel next week.".into(),
            ..Default::default()
        },
    )?;
    s.go(21, 17)?;
    j.rate_card(intro.id, Grade::Good, Some(110))?;
    j.rate_confidence(mb1.id, rating(3), rating(4))?;
    j.record_outcome(nw2.id, Outcome::Invited)?;
    j.record_outcome(mb1.id, Outcome::Invited)?;

    // Week 4: the panel, and an offer.
    s.go(16, 9)?;
    let quill = j.add_lead(lead(
        "Quillstone",
        "Software Engineer",
        Source::Network,
        None,
        WorkMode::Remote,
    ))?;
    j.decide(quill.id, Decision::NeedInfo)?;
    let nw3 = j
        .schedule_interview(
            northwind.id,
            InterviewPlan::new(s.at(14, 9), 120, InterviewKind::OnSite, Stage::Panel),
        )?
        .interview;
    s.go(14, 12)?;
    j.rate_confidence(nw3.id, rating(3), rating(4))?;
    let d = j.start_debrief(Some(nw3.id), None)?;
    j.save_debrief(
        d.id,
        DebriefBody {
            feel: rating(4),
            confidence: rating(4),
            went_well: "Whiteboard design went well; stayed calm when stuck.".into(),
            improve: "Ask more about how success is measured.".into(),
            strengths: vec![Skill::TechnicalDepth, Skill::Composure],
            to_improve: vec![Skill::QuestionsForThem],
            red_flags: vec![RedFlag {
                kind: RedFlagKind::HighTurnover,
                detail: "Two of the four engineers left this year.".into(),
                provenance: Provenance::Seen,
            }],
            ..Default::default()
        },
    )?;
    // a story for the bank, written the evening after the panel
    s.go(14, 20)?;
    let story = j.add_card(CardBody {
        question: "Tell me about a time you led a difficult change.".into(),
        said: String::new(),
        answer: "Situation: billing ran on a ten-year-old system nobody wanted to touch. \
                 Task: move it without a single failed invoice. Action: ran old and new \
                 side by side for a month and compared every invoice each night. Result: \
                 switched over on a Tuesday; no customer noticed."
            .into(),
        skills: vec![Skill::Examples],
    })?;
    j.rate_card(story.id, Grade::Good, Some(125))?;
    s.go(10, 10)?;
    j.record_outcome(nw3.id, Outcome::Invited)?;
    j.move_lead(northwind.id, Status::Offer, None, "Offer by phone")?;
    j.set_offer(
        northwind.id,
        Offer {
            pay: Some(PayRange {
                min: Some(58_000),
                max: Some(58_000),
                currency: "EUR".into(),
                period: PayPeriod::Year,
            }),
            terms: "Ten percent bonus, two remote days.".into(),
            start_date: Some(s.at(-40, 9).local_date()),
            received: Some(s.at(10, 10)),
            respond_by: Some(s.at(-4, 18)),
        },
    )?;

    // This week: new leads in the deck, an interview tomorrow, one to debrief.
    s.go(5, 9)?;
    let mb2 = j
        .schedule_interview(
            meridian.id,
            InterviewPlan::new(s.at(2, 14), 60, InterviewKind::Video, Stage::Technical),
        )?
        .interview;
    j.rate_confidence(mb2.id, rating(3), None)?;
    let mut tide = lead(
        "Tidewater Studio",
        "Backend Developer",
        Source::JobBoard,
        Some((48_000, 55_000)),
        WorkMode::Remote,
    );
    tide.heard = "Glassdoor reviews mention long hours.".into();
    j.add_lead(tide)?;
    j.add_lead(lead(
        "Lumen Energy",
        "API Engineer",
        Source::RecruiterCall,
        Some((54_000, 62_000)),
        WorkMode::Hybrid,
    ))?;
    // found on the company's own careers page, the ad kept with it
    let mut harbor = lead(
        "Harbor & Pine",
        "Full-stack Developer",
        Source::CompanySite,
        Some((45_000, 52_000)),
        WorkMode::OnSite,
    );
    harbor.link = "https://careers.harborandpine.example/jobs/full-stack-developer".into();
    harbor.ad = "Full-stack Developer at Harbor & Pine\n\
        Lyon, on site. €45,000 – €52,000 a year.\n\n\
        We build the booking software that 300 independent hotels run on. \
        You will work across our Rust API and our TypeScript front end, \
        with a team of six. We pair on hard problems and review every change.\n\n\
        You have shipped a web product used by real customers, and you like \
        talking to them. Experience with PostgreSQL is a plus."
        .into();
    j.add_lead(harbor)?;
    j.add_lead(lead(
        "Fieldnote",
        "Backend Engineer",
        Source::Referral,
        Some((56_000, 64_000)),
        WorkMode::Remote,
    ))?;
    j.schedule_interview(
        brightpath.id,
        InterviewPlan::new(s.at(-1, 10), 45, InterviewKind::OnSite, Stage::Screen),
    )?;

    s.clock.set(now);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::today::TodayItem;
    use std::sync::Arc;

    #[test]
    fn the_demo_fills_every_screen() {
        let now: Stamp = "2026-11-23T18:00:00+01:00[Europe/Paris]".parse().unwrap();
        let clock = Arc::new(ManualClock::new(now));
        let j = Journal::in_memory(clock.clone()).unwrap();
        populate(&j, &clock, now).unwrap();
        assert!(j.deck().unwrap().len() >= 4, "leads to swipe");
        let reps = j.reps().unwrap();
        assert_eq!(reps.total, 6);
        assert!(reps.confidence_trend.unwrap() > 0.0, "confidence grows");
        assert_eq!(reps.rejections, 1);
        let today = j.today().unwrap();
        assert!(
            today
                .iter()
                .any(|i| matches!(i, TodayItem::Checklist { .. })),
            "{today:#?}"
        );
        assert!(
            today
                .iter()
                .any(|i| matches!(i, TodayItem::WriteDebrief { .. })),
            "{today:#?}"
        );
        assert_eq!(j.offers().unwrap().len(), 1);
        assert!(!j.skills().unwrap().is_empty());
        assert!(!j.search("salary", 10).unwrap().is_empty());
        // practice: cards from two debriefs and one story, some due today
        let practice = j.practice_page(None).unwrap();
        assert_eq!(practice.total, 3);
        assert!(!practice.cards.is_empty(), "{practice:#?}");
        assert!(
            today
                .iter()
                .any(|i| matches!(i, TodayItem::Practice { .. })),
            "{today:#?}"
        );
        let facts = j.practice_facts().unwrap();
        assert!(facts.effects.iter().any(|e| e.skill == Skill::SalaryTalk));
    }
}

//! Model-based property test of the [`Journal`].
//!
//! Long random sequences of commands run against a real on-disk journal (a
//! temporary directory, a [`ManualClock`] moved on by random amounts between
//! commands) and against a plain in-memory model written here. After every
//! step the journal's queries must agree with the model; closing and reopening
//! the journal is one of the commands, and must change nothing. A command that
//! fails must fail the way the model predicts and leave the journal exactly as
//! it was (compared through a full export).
//!
//! The model decides which pipeline moves are allowed only through
//! [`reps_core::rules::pipeline::can_move`] (unit-tested on its own). It tracks
//! the follow-ups the rules schedule by their rule key (`check-in:<lead>`,
//! `thank-you:<interview>`, …), which is part of the stored data: for every key
//! it knows whether the follow-up holding it is open, and how many follow-ups
//! exist in all.
//!
//! Besides the commands of the brief (leads, triage, moves, undo, interviews,
//! debriefs, contacts, follow-ups, reopen, unknown ids) it also reschedules
//! interviews, records a word from the company, attaches debriefs,
//! dismisses follow-ups, and practises: cards written directly or made from
//! a debrief (the same tap twice is one card), edited, and rated with grades
//! and timer readings a shell could send (out-of-range ones included); the
//! practice due on Today must match the schedule of the model's reviews. `a_promise_follows_its_debrief_when_it_is_attached`
//! replays the minimal sequence of a bug the property found.
//!
//! `PROPTEST_CASES` overrides the number of cases (64 by default).

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{Debug, Display};
use std::sync::Arc;

use chrono::Duration;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use reps_core::domain::lead::company_key;
use reps_core::formats::backup::Backup;
use reps_core::rules::followups as due;
use reps_core::rules::pipeline::can_move;
use reps_core::rules::practice::{FromDebrief, schedule_of};
use reps_core::{
    Card, CardBody, CardId, CardSource, Clock, ContactDetails, ContactId, DebriefBody, DebriefId,
    Decision, Error, FollowUpId, FollowUpKind, FollowUpState, Grade, InterviewId, InterviewKind,
    InterviewPlan, Journal, LeadDetails, LeadId, ManualClock, Outcome, PassReason, Rating, Review,
    Skill, Source, Stage, Stamp, Status, StatusChange,
};
use uuid::Uuid;

/// The longest note the journal accepts, in characters.
const NOTE_MAX: usize = 64_000;
/// The longest name, company or role, in characters.
const SHORT_MAX: usize = 200;
/// Names the generator picks from; `short_text` adds blank and over-long ones.
const COMPANIES: &[&str] = &["Acme", "ACME  ", "Globex", " globex", "Initech"];
const ROLES: &[&str] = &["Engineer", "Designer", "Lead"];
const NAMES: &[&str] = &["Ada", "Grace", "Linus"];
const BLANKS: &[&str] = &["", "  ", "\t"];

// ---------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------

/// An existing record (the n-th, modulo how many there are) or an unknown id.
#[derive(Debug, Clone, Copy)]
enum Ref {
    Nth(usize),
    Unknown(u128),
}

/// Text for a note field, kept short in the printed command.
#[derive(Debug, Clone)]
enum Text {
    Plain(String),
    /// Exactly the limit, in two-byte characters: accepted.
    AtLimit,
    /// Over the limit by this many characters: refused.
    Over(usize),
}

impl Text {
    fn make(&self) -> String {
        match self {
            Text::Plain(s) => s.clone(),
            Text::AtLimit => "é".repeat(NOTE_MAX),
            Text::Over(n) => "x".repeat(NOTE_MAX + n),
        }
    }
}

#[derive(Debug, Clone)]
enum Swipe {
    Take,
    Pass(PassReason, Text),
    NeedInfo,
}

/// The lead passed when a debrief starts.
#[derive(Debug, Clone, Copy)]
enum DebriefLead {
    Unset,
    /// The lead of the interview given (or an unknown one without interview).
    OfInterview,
    Given(Ref),
}

#[derive(Debug, Clone)]
enum Cmd {
    AddLead {
        company: String,
        role: String,
        source: Source,
        dream: bool,
    },
    EditLead {
        lead: Ref,
        company: String,
        role: String,
        source: Source,
        dream: bool,
    },
    Decide {
        lead: Ref,
        swipe: Swipe,
    },
    MoveLead {
        lead: Ref,
        to: Status,
        stage: Option<Stage>,
        note: Text,
    },
    Undo {
        lead: Ref,
    },
    Schedule {
        lead: Ref,
        offset_minutes: i64,
        minutes: u32,
        stage: Stage,
    },
    Cancel {
        interview: Ref,
    },
    RecordOutcome {
        interview: Ref,
        outcome: Outcome,
    },
    StartDebrief {
        interview: Option<Ref>,
        lead: DebriefLead,
    },
    SaveDebrief {
        debrief: Ref,
        notes: Text,
        went_well: Text,
        confidence: Option<u8>,
        next_step_in_days: Option<i64>,
    },
    AddContact {
        name: String,
        cadence_days: Option<u32>,
    },
    TouchContact {
        contact: Ref,
    },
    CompleteFollowUp {
        follow_up: Ref,
    },
    SnoozeFollowUp {
        follow_up: Ref,
        minutes: i64,
    },
    RescheduleInterview {
        interview: Ref,
        offset_minutes: i64,
        minutes: u32,
        stage: Stage,
    },
    RecordWord {
        lead: Ref,
    },
    AttachDebrief {
        debrief: Ref,
        interview: Ref,
    },
    DismissFollowUp {
        follow_up: Ref,
    },
    /// A card written directly (the story bank).
    AddCard {
        question: String,
        answer: Text,
    },
    /// One tap on a debrief's answer to improve (or its skill to work on).
    CardFromDebrief {
        debrief: Ref,
        skill: bool,
    },
    EditCard {
        card: Ref,
        answer: Text,
    },
    /// A rating as a shell sends it: a number (1–4 valid) and the timer.
    RateCard {
        card: Ref,
        grade: i64,
        seconds: Option<u32>,
    },
    Reopen,
}

/// The question a card from a debrief's answer to improve asks.
const ANSWER_LINE: &str = "Why did you leave your last job?";
/// The longest question a card takes.
const QUESTION_MAX: usize = 1_000;

fn a_ref() -> impl Strategy<Value = Ref> {
    prop_oneof![
        12 => (0usize..32).prop_map(Ref::Nth),
        1 => any::<u128>().prop_map(Ref::Unknown),
    ]
}

fn text() -> impl Strategy<Value = Text> {
    prop_oneof![
        12 => "[a-z ]{0,12}".prop_map(Text::Plain),
        1 => Just(Text::AtLimit),
        1 => (1usize..4).prop_map(Text::Over),
    ]
}

fn pick_str(list: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(list).prop_map(String::from)
}

/// A name from `list`, sometimes blank or too long (both refused).
fn short_text(list: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        12 => pick_str(list),
        1 => pick_str(BLANKS),
        1 => Just("y".repeat(SHORT_MAX + 1)),
    ]
}

fn source() -> impl Strategy<Value = Source> {
    prop::sample::select(vec![
        Source::RecruiterCall,
        Source::Referral,
        Source::JobBoard,
        Source::Inbound,
        Source::Network,
        Source::Other,
    ])
}

fn stage() -> impl Strategy<Value = Stage> {
    prop::sample::select(vec![
        Stage::Screen,
        Stage::HiringManager,
        Stage::Technical,
        Stage::Panel,
        Stage::Final,
        Stage::Custom("Take-home".into()),
        Stage::Custom(" ".into()),
    ])
}

fn swipe() -> impl Strategy<Value = Swipe> {
    prop_oneof![
        Just(Swipe::Take),
        (prop::sample::select(PassReason::ALL.to_vec()), text())
            .prop_map(|(r, t)| Swipe::Pass(r, t)),
        Just(Swipe::NeedInfo),
    ]
}

/// Where an interview starts, in minutes from now.
fn offset() -> impl Strategy<Value = i64> {
    -30 * 24 * 60..30 * 24 * 60i64
}

/// How long an interview lasts (0 and over a day are refused).
fn minutes() -> impl Strategy<Value = u32> {
    prop_oneof![
        1 => Just(0u32),
        10 => 1..=240u32,
        1 => Just(24 * 60),
        1 => Just(24 * 60 + 1),
    ]
}

fn outcome() -> impl Strategy<Value = Outcome> {
    prop::sample::select(vec![
        Outcome::Pending,
        Outcome::Invited,
        Outcome::NotInvited,
    ])
}

fn cmd() -> impl Strategy<Value = Cmd> {
    prop_oneof![
        10 => (short_text(COMPANIES), short_text(ROLES), source(), any::<bool>()).prop_map(
            |(company, role, source, dream)| Cmd::AddLead { company, role, source, dream }
        ),
        3 => (a_ref(), short_text(COMPANIES), short_text(ROLES), source(), any::<bool>()).prop_map(
            |(lead, company, role, source, dream)| Cmd::EditLead { lead, company, role, source, dream }
        ),
        8 => (a_ref(), swipe()).prop_map(|(lead, swipe)| Cmd::Decide { lead, swipe }),
        8 => (
            a_ref(),
            prop::sample::select(Status::ALL.to_vec()),
            prop::option::of(stage()),
            text()
        )
            .prop_map(|(lead, to, stage, note)| Cmd::MoveLead { lead, to, stage, note }),
        5 => a_ref().prop_map(|lead| Cmd::Undo { lead }),
        7 => (a_ref(), offset(), minutes(), stage()).prop_map(|(lead, offset_minutes, minutes, stage)| Cmd::Schedule {
                lead,
                offset_minutes,
                minutes,
                stage
            }),
        3 => a_ref().prop_map(|interview| Cmd::Cancel { interview }),
        4 => (a_ref(), outcome())
            .prop_map(|(interview, outcome)| Cmd::RecordOutcome { interview, outcome }),
        6 => (
            prop::option::weighted(0.7, a_ref()),
            prop_oneof![
                4 => Just(DebriefLead::Unset),
                1 => Just(DebriefLead::OfInterview),
                2 => a_ref().prop_map(DebriefLead::Given),
            ]
        )
            .prop_map(|(interview, lead)| Cmd::StartDebrief { interview, lead }),
        6 => (
            a_ref(),
            text(),
            text(),
            prop::option::of(1u8..=5),
            prop::option::weighted(0.3, -3i64..30)
        )
            .prop_map(|(debrief, notes, went_well, confidence, next_step_in_days)| {
                Cmd::SaveDebrief { debrief, notes, went_well, confidence, next_step_in_days }
            }),
        3 => (
            short_text(NAMES),
            prop_oneof![
                4 => Just(None),
                4 => (1u32..60).prop_map(Some),
                1 => Just(Some(0)),
                1 => Just(Some(3651)),
            ]
        )
            .prop_map(|(name, cadence_days)| Cmd::AddContact { name, cadence_days }),
        2 => a_ref().prop_map(|contact| Cmd::TouchContact { contact }),
        4 => a_ref().prop_map(|follow_up| Cmd::CompleteFollowUp { follow_up }),
        3 => (a_ref(), prop_oneof![1 => Just(0i64), 1 => -600i64..0, 6 => 1..30 * 24 * 60i64])
            .prop_map(|(follow_up, minutes)| Cmd::SnoozeFollowUp { follow_up, minutes }),
        2 => (a_ref(), offset(), minutes(), stage()).prop_map(
            |(interview, offset_minutes, minutes, stage)| Cmd::RescheduleInterview {
                interview,
                offset_minutes,
                minutes,
                stage
            }
        ),
        2 => a_ref().prop_map(|lead| Cmd::RecordWord { lead }),
        3 => (a_ref(), a_ref())
            .prop_map(|(debrief, interview)| Cmd::AttachDebrief { debrief, interview }),
        1 => a_ref().prop_map(|follow_up| Cmd::DismissFollowUp { follow_up }),
        2 => (
            prop_oneof![
                8 => "[A-Za-z ?]{0,20}",
                1 => Just("q".repeat(QUESTION_MAX + 1)),
            ],
            text()
        )
            .prop_map(|(question, answer)| Cmd::AddCard { question, answer }),
        3 => (a_ref(), any::<bool>()).prop_map(|(debrief, skill)| Cmd::CardFromDebrief { debrief, skill }),
        2 => (a_ref(), text()).prop_map(|(card, answer)| Cmd::EditCard { card, answer }),
        5 => (
            a_ref(),
            prop_oneof![8 => 1i64..=4, 1 => Just(0i64), 1 => Just(5i64)],
            prop_oneof![3 => Just(None), 3 => (0u32..600).prop_map(Some), 1 => Just(Some(24 * 3600))]
        )
            .prop_map(|(card, grade, seconds)| Cmd::RateCard { card, grade, seconds }),
        2 => Just(Cmd::Reopen),
    ]
}

/// How far the clock moves before a command, in milliseconds.
fn advance() -> impl Strategy<Value = i64> {
    prop_oneof![
        3 => Just(0i64),
        3 => 1..60_000i64,
        3 => 60_000..2 * 86_400_000i64,
        1 => 2 * 86_400_000..40 * 86_400_000i64,
    ]
}

// ---------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct MLead {
    id: LeadId,
    created: Stamp,
    updated: Stamp,
    details: LeadDetails,
    status: Status,
    stage: Option<Stage>,
    history: Vec<StatusChange>,
    last_word: Option<Stamp>,
}

#[derive(Debug, Clone)]
struct MInterview {
    id: InterviewId,
    lead: LeadId,
    created: Stamp,
    updated: Stamp,
    start: Stamp,
    minutes: u32,
    stage: Stage,
    outcome: Outcome,
    cancelled: bool,
    confidence_after: Option<Rating>,
}

impl MInterview {
    fn end(&self) -> Stamp {
        self.start
            .add(Duration::minutes(i64::from(self.minutes)))
            .expect("end in range")
    }
}

#[derive(Debug, Clone)]
struct MDebrief {
    id: DebriefId,
    created: Stamp,
    updated: Stamp,
    interview: Option<InterviewId>,
    lead: Option<LeadId>,
    body: DebriefBody,
}

#[derive(Debug, Clone)]
struct MContact {
    id: ContactId,
    created: Stamp,
    updated: Stamp,
    details: ContactDetails,
    last_contact: Option<Stamp>,
}

#[derive(Debug, Clone)]
struct MCard {
    id: CardId,
    created: Stamp,
    updated: Stamp,
    body: CardBody,
    from: Option<CardSource>,
    reviews: Vec<Review>,
    /// The debrief tap it was made by (debrief, a skill or not), if one.
    made_by: Option<(DebriefId, bool)>,
}

/// Everything in creation order (which is also the journal's key order).
#[derive(Debug, Default)]
struct Model {
    /// Practice cards (keyed by id in the journal: those made from a
    /// debrief have ids derived from it, so the order is not creation's).
    cards: Vec<MCard>,
    leads: Vec<MLead>,
    interviews: Vec<MInterview>,
    debriefs: Vec<MDebrief>,
    contacts: Vec<MContact>,
    /// Rule key → whether the follow-up holding it is open.
    rules: BTreeMap<String, bool>,
    /// How many follow-ups exist (rule keys handed over leave the old one behind).
    follow_ups: u64,
    /// Follow-ups this test completed, and when.
    done: BTreeMap<FollowUpId, Stamp>,
}

fn key(rule: &str, id: impl Display) -> String {
    format!("{rule}:{id}")
}

fn entry(
    at: Stamp,
    status: Status,
    stage: Option<Stage>,
    reason: Option<PassReason>,
    note: &str,
    undo: bool,
) -> StatusChange {
    StatusChange {
        at,
        status,
        stage,
        reason,
        note: note.to_string(),
        undo,
    }
}

impl Model {
    fn lead(&self, id: LeadId) -> Option<usize> {
        self.leads.iter().position(|l| l.id == id)
    }
    fn interview(&self, id: InterviewId) -> Option<usize> {
        self.interviews.iter().position(|i| i.id == id)
    }
    fn debrief(&self, id: DebriefId) -> Option<usize> {
        self.debriefs.iter().position(|d| d.id == id)
    }
    fn contact(&self, id: ContactId) -> Option<usize> {
        self.contacts.iter().position(|c| c.id == id)
    }

    /// A rule schedules its follow-up once, ever.
    fn ensure(&mut self, key: String) {
        if let Entry::Vacant(e) = self.rules.entry(key) {
            e.insert(true);
            self.follow_ups += 1;
        }
    }

    /// An open follow-up is moved; a closed one hands its key to a new one.
    fn reschedule(&mut self, key: String) {
        if self.rules.get(&key) != Some(&true) {
            self.rules.insert(key, true);
            self.follow_ups += 1;
        }
    }

    fn dismiss(&mut self, key: &str) {
        if let Some(open) = self.rules.get_mut(key) {
            *open = false;
        }
    }

    fn apply_status(&mut self, li: usize, change: StatusChange, now: Stamp) {
        let l = &mut self.leads[li];
        l.status = change.status;
        l.stage = change.stage.clone();
        l.updated = now;
        l.history.push(change);
        let (id, to, dream) = (l.id, l.status, l.details.dream_job);
        if to == Status::Rejected {
            self.ensure(key("feedback", id));
        } else {
            self.dismiss(&key("feedback", id));
        }
        if dream && matches!(to, Status::Rejected | Status::Ghosted) {
            self.ensure(key("reapply", id));
        } else {
            self.dismiss(&key("reapply", id));
        }
        if to.awaits_word() {
            self.plan_check_in(li);
        } else {
            self.dismiss(&key("check-in", id));
        }
    }

    /// Being in touch about a lead (booked, heard from) answers the reply owed
    /// to whoever brought it, unless the lead was passed on (the decline is owed).
    fn answer_reply(&mut self, lead: LeadId) {
        if let Some(li) = self.lead(lead)
            && self.leads[li].status != Status::Passed
        {
            self.dismiss(&key("reply", lead));
        }
    }

    /// A word from the company answers the lead's "promised a reply by…"
    /// check-ins, and the reply owed.
    /// The lead's usual check-in takes over again when a promise was answered.
    fn heard_from(&mut self, lead: LeadId) {
        self.answer_reply(lead);
        let keys: Vec<String> = self
            .debriefs
            .iter()
            .filter(|d| d.lead == Some(lead))
            .map(|d| key("promised", d.id))
            .collect();
        let mut answered = false;
        for k in keys {
            answered |= self.rules.get(&k) == Some(&true);
            self.dismiss(&k);
        }
        if answered && let Some(li) = self.lead(lead) {
            self.plan_check_in(li);
        }
    }

    /// A lead has one check-in: its promise's while one is open, else the usual.
    fn plan_check_in(&mut self, li: usize) {
        let l = &self.leads[li];
        if !l.status.awaits_word() {
            return;
        }
        let id = l.id;
        let promised = self
            .debriefs
            .iter()
            .filter(|d| d.lead == Some(id))
            .any(|d| self.rules.get(&key("promised", d.id)) == Some(&true));
        if promised {
            self.dismiss(&key("check-in", id));
        } else {
            self.reschedule(key("check-in", id));
        }
    }

    fn touch(&mut self, ci: usize, now: Stamp) {
        let c = &mut self.contacts[ci];
        c.last_contact = Some(now);
        c.updated = now;
        let k = key("keep-in-touch", c.id);
        if c.details.cadence_days.is_some() {
            self.reschedule(k);
        } else {
            self.dismiss(&k);
        }
    }
}

// ---------------------------------------------------------------------------
// Running commands
// ---------------------------------------------------------------------------

/// How a command may fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fail {
    Invalid,
    NotFound,
    Transition,
    NothingToUndo,
}

fn fail(msg: impl Into<String>) -> TestCaseError {
    TestCaseError::fail(msg.into())
}

/// Checks the journal failed (or not) the way the model predicted.
fn agree<T>(got: &Result<T, Error>, want: Option<Fail>) -> Result<Option<Fail>, TestCaseError> {
    let actual = match got {
        Ok(_) => None,
        Err(Error::Invalid(_)) => Some(Fail::Invalid),
        Err(Error::NotFound { .. }) => Some(Fail::NotFound),
        Err(Error::Transition { .. }) => Some(Fail::Transition),
        Err(Error::NothingToUndo) => Some(Fail::NothingToUndo),
        Err(e) => return Err(fail(format!("unexpected error: {e}"))),
    };
    if actual != want {
        let said = match got {
            Ok(_) => "Ok".to_string(),
            Err(e) => format!("Err({e})"),
        };
        return Err(fail(format!(
            "the journal said {said}, the model expected {want:?}"
        )));
    }
    Ok(actual)
}

fn pick<T>(r: Ref, ids: &[T], make: impl Fn(Uuid) -> T) -> T
where
    T: Copy,
{
    match r {
        Ref::Nth(n) if !ids.is_empty() => ids[n % ids.len()],
        Ref::Nth(n) => make(Uuid::from_u128(n as u128)),
        Ref::Unknown(u) => make(Uuid::from_u128(u)),
    }
}

fn short_ok(text: &str) -> bool {
    !text.trim().is_empty() && text.chars().count() <= SHORT_MAX
}

fn details_fail(d: &LeadDetails) -> Option<Fail> {
    (!short_ok(&d.company) || !short_ok(&d.role)).then_some(Fail::Invalid)
}

fn plan_ok(minutes: u32, stage: &Stage) -> bool {
    (1..=24 * 60).contains(&minutes)
        && !matches!(stage, Stage::Custom(name) if name.trim().is_empty())
}

fn note_ok(text: &str) -> bool {
    text.chars().count() <= NOTE_MAX
}

fn lead_details(company: &str, role: &str, source: Source, dream: bool) -> LeadDetails {
    let mut d = LeadDetails::new(company, role, source);
    d.dream_job = dream;
    d
}

fn expect_ok<T>(r: reps_core::Result<T>) -> Result<T, TestCaseError> {
    r.map_err(|e| fail(format!("a query failed: {e}")))
}

/// Runs one command on both sides; returns how it failed, if it did.
fn step(j: &Journal, m: &mut Model, cmd: &Cmd, now: Stamp) -> Result<Option<Fail>, TestCaseError> {
    let lead_ids: Vec<LeadId> = m.leads.iter().map(|l| l.id).collect();
    let interview_ids: Vec<InterviewId> = m.interviews.iter().map(|i| i.id).collect();
    match cmd {
        Cmd::AddLead {
            company,
            role,
            source,
            dream,
        } => {
            let details = lead_details(company, role, *source, *dream);
            let want = details_fail(&details);
            let got = j.add_lead(details.clone());
            let failed = agree(&got, want)?;
            if let Ok(lead) = got {
                prop_assert_eq!(&lead.details, &details);
                prop_assert_eq!(lead.status, Status::New);
                m.leads.push(MLead {
                    id: lead.id,
                    created: now,
                    updated: now,
                    details,
                    status: Status::New,
                    stage: None,
                    history: vec![entry(now, Status::New, None, None, "", false)],
                    last_word: None,
                });
                if matches!(
                    source,
                    Source::RecruiterCall | Source::Inbound | Source::Referral
                ) {
                    m.ensure(key("reply", lead.id));
                }
            }
            Ok(failed)
        }
        Cmd::EditLead {
            lead,
            company,
            role,
            source,
            dream,
        } => {
            let id = pick(*lead, &lead_ids, LeadId);
            let details = lead_details(company, role, *source, *dream);
            let li = m.lead(id);
            let want = details_fail(&details).or(li.is_none().then_some(Fail::NotFound));
            let got = j.edit_lead(id, details.clone());
            let failed = agree(&got, want)?;
            if let (Ok(_), Some(li)) = (got, li) {
                m.leads[li].details = details;
                m.leads[li].updated = now;
            }
            Ok(failed)
        }
        Cmd::Decide { lead, swipe } => {
            let id = pick(*lead, &lead_ids, LeadId);
            let (to, reason, note, decision) = match swipe {
                Swipe::Take => (Status::Taking, None, String::new(), Decision::Take),
                Swipe::Pass(reason, note) => {
                    let note = note.make();
                    (
                        Status::Passed,
                        Some(*reason),
                        note.clone(),
                        Decision::Pass {
                            reason: *reason,
                            note,
                        },
                    )
                }
                Swipe::NeedInfo => (Status::Deciding, None, String::new(), Decision::NeedInfo),
            };
            let li = m.lead(id);
            let want = if !note_ok(&note) {
                Some(Fail::Invalid)
            } else {
                match li {
                    None => Some(Fail::NotFound),
                    Some(li) if !can_move(m.leads[li].status, to) => Some(Fail::Transition),
                    Some(_) => None,
                }
            };
            let got = j.decide(id, decision);
            let failed = agree(&got, want)?;
            if let (Ok(d), Some(li)) = (got, li) {
                m.apply_status(li, entry(now, to, None, reason, &note, false), now);
                prop_assert_eq!(d.lead.status, to);
            }
            Ok(failed)
        }
        Cmd::MoveLead {
            lead,
            to,
            stage,
            note,
        } => {
            let id = pick(*lead, &lead_ids, LeadId);
            let note = note.make();
            let li = m.lead(id);
            let want = if !note_ok(&note) {
                Some(Fail::Invalid)
            } else {
                match li {
                    None => Some(Fail::NotFound),
                    Some(li) if !can_move(m.leads[li].status, *to) => Some(Fail::Transition),
                    Some(_) => None,
                }
            };
            let got = j.move_lead(id, *to, stage.clone(), &note);
            let failed = agree(&got, want)?;
            if let (Ok(l), Some(li)) = (got, li) {
                let stage = stage.clone().or_else(|| {
                    (*to == Status::Interviewing)
                        .then(|| m.leads[li].stage.clone())
                        .flatten()
                });
                m.apply_status(li, entry(now, *to, stage, None, &note, false), now);
                m.heard_from(id);
                prop_assert_eq!(l.status, *to);
            }
            Ok(failed)
        }
        Cmd::Undo { lead } => {
            let id = pick(*lead, &lead_ids, LeadId);
            let li = m.lead(id);
            let want = match li {
                None => Some(Fail::NotFound),
                Some(li) => {
                    let h = &m.leads[li].history;
                    (h.len() < 2 || h[h.len() - 1].undo).then_some(Fail::NothingToUndo)
                }
            };
            let got = j.undo_last_decision(id);
            let failed = agree(&got, want)?;
            if let (Ok(l), Some(li)) = (got, li) {
                let h = &m.leads[li].history;
                let previous = h[h.len() - 2].clone();
                m.apply_status(
                    li,
                    entry(
                        now,
                        previous.status,
                        previous.stage,
                        previous.reason,
                        "undo",
                        true,
                    ),
                    now,
                );
                prop_assert_eq!(l.status, previous.status);
            }
            Ok(failed)
        }
        Cmd::Schedule {
            lead,
            offset_minutes,
            minutes,
            stage,
        } => {
            let id = pick(*lead, &lead_ids, LeadId);
            let start = now
                .add(Duration::minutes(*offset_minutes))
                .map_err(|e| fail(e.to_string()))?;
            let plan = InterviewPlan::new(start, *minutes, InterviewKind::Video, stage.clone());
            let plan_ok = plan_ok(*minutes, stage);
            let li = m.lead(id);
            // Whether the lead moves to "interviewing" at this stage.
            let mut moves = false;
            let want = if !plan_ok {
                Some(Fail::Invalid)
            } else {
                match li {
                    None => Some(Fail::NotFound),
                    Some(li) => {
                        let l = &m.leads[li];
                        match l.status {
                            Status::Offer => None,
                            Status::Interviewing if l.stage.as_ref() == Some(stage) => None,
                            from if can_move(from, Status::Interviewing) => {
                                moves = true;
                                None
                            }
                            _ => Some(Fail::Transition),
                        }
                    }
                }
            };
            let got = j.schedule_interview(id, plan);
            let failed = agree(&got, want)?;
            if let (Ok(s), Some(li)) = (got, li) {
                if moves {
                    let change = entry(
                        now,
                        Status::Interviewing,
                        Some(stage.clone()),
                        None,
                        "",
                        false,
                    );
                    m.apply_status(li, change, now);
                }
                let iv = s.interview;
                prop_assert_eq!(iv.lead, id);
                m.interviews.push(MInterview {
                    id: iv.id,
                    lead: id,
                    created: now,
                    updated: now,
                    start,
                    minutes: *minutes,
                    stage: stage.clone(),
                    outcome: Outcome::Pending,
                    cancelled: false,
                    confidence_after: None,
                });
                m.ensure(key("thank-you", iv.id));
                m.plan_check_in(li);
                m.answer_reply(id);
            }
            Ok(failed)
        }
        Cmd::Cancel { interview } => {
            let id = pick(*interview, &interview_ids, InterviewId);
            let ii = m.interview(id);
            let got = j.cancel_interview(id);
            let failed = agree(&got, ii.is_none().then_some(Fail::NotFound))?;
            if let (Ok(_), Some(ii)) = (got, ii) {
                let iv = &mut m.interviews[ii];
                iv.cancelled = true;
                iv.updated = now;
                let lead = iv.lead;
                m.dismiss(&key("thank-you", id));
                let li = m.lead(lead).ok_or_else(|| fail("interview of no lead"))?;
                m.plan_check_in(li);
            }
            Ok(failed)
        }
        Cmd::RecordOutcome { interview, outcome } => {
            let id = pick(*interview, &interview_ids, InterviewId);
            let ii = m.interview(id);
            let got = j.record_outcome(id, *outcome);
            let failed = agree(&got, ii.is_none().then_some(Fail::NotFound))?;
            if let (Ok(_), Some(ii)) = (got, ii) {
                let iv = &mut m.interviews[ii];
                iv.outcome = *outcome;
                iv.updated = now;
                let lead = iv.lead;
                if *outcome != Outcome::Pending {
                    let li = m.lead(lead).ok_or_else(|| fail("interview of no lead"))?;
                    m.leads[li].last_word = Some(now);
                    m.leads[li].updated = now;
                    m.heard_from(lead);
                    m.plan_check_in(li);
                }
            }
            Ok(failed)
        }
        Cmd::StartDebrief { interview, lead } => {
            let iv = interview.map(|r| pick(r, &interview_ids, InterviewId));
            let lead = match lead {
                DebriefLead::Unset => None,
                DebriefLead::OfInterview => Some(
                    iv.and_then(|i| m.interview(i))
                        .map_or(LeadId(Uuid::from_u128(7)), |ii| m.interviews[ii].lead),
                ),
                DebriefLead::Given(r) => Some(pick(*r, &lead_ids, LeadId)),
            };
            let want = match iv {
                Some(i) => match m.interview(i) {
                    None => Some(Fail::NotFound),
                    Some(ii) => lead
                        .is_some_and(|l| l != m.interviews[ii].lead)
                        .then_some(Fail::Invalid),
                },
                None => lead
                    .is_some_and(|l| m.lead(l).is_none())
                    .then_some(Fail::NotFound),
            };
            let got = j.start_debrief(iv, lead);
            let failed = agree(&got, want)?;
            if let Ok(d) = got {
                let resolved = match iv.and_then(|i| m.interview(i)) {
                    Some(ii) => Some(m.interviews[ii].lead),
                    None => lead,
                };
                prop_assert_eq!(d.lead, resolved);
                prop_assert_eq!(d.interview, iv);
                m.debriefs.push(MDebrief {
                    id: d.id,
                    created: now,
                    updated: now,
                    interview: iv,
                    lead: resolved,
                    body: DebriefBody::default(),
                });
            }
            Ok(failed)
        }
        Cmd::SaveDebrief {
            debrief,
            notes,
            went_well,
            confidence,
            next_step_in_days,
        } => {
            let ids: Vec<DebriefId> = m.debriefs.iter().map(|d| d.id).collect();
            let id = pick(*debrief, &ids, DebriefId);
            let body = DebriefBody {
                notes: notes.make(),
                went_well: went_well.make(),
                confidence: confidence
                    .map(|c| Rating::new("confidence", i64::from(c)))
                    .transpose()
                    .map_err(|e| fail(e.to_string()))?,
                next_step_by: next_step_in_days
                    .and_then(|d| now.local_date().checked_add_signed(Duration::days(d))),
                ..DebriefBody::default()
            };
            let di = m.debrief(id);
            let want = if !note_ok(&body.notes) || !note_ok(&body.went_well) {
                Some(Fail::Invalid)
            } else {
                di.is_none().then_some(Fail::NotFound)
            };
            let got = j.save_debrief(id, body.clone());
            let failed = agree(&got, want)?;
            if let (Ok(d), Some(di)) = (got, di) {
                prop_assert!(d.body == body, "save_debrief returned another body");
                let old = std::mem::replace(&mut m.debriefs[di].body, body.clone());
                m.debriefs[di].updated = now;
                if old.confidence != body.confidence
                    && let (Some(i), Some(c)) = (m.debriefs[di].interview, body.confidence)
                {
                    let ii = m
                        .interview(i)
                        .ok_or_else(|| fail("debrief of no interview"))?;
                    if m.interviews[ii].confidence_after != Some(c) {
                        m.interviews[ii].confidence_after = Some(c);
                        m.interviews[ii].updated = now;
                    }
                }
                if old.next_step_by != body.next_step_by {
                    match body.next_step_by {
                        Some(_) => m.reschedule(key("promised", id)),
                        None => m.dismiss(&key("promised", id)),
                    }
                }
                if old.next_step_by.is_some() != body.next_step_by.is_some()
                    && let Some(lead) = m.debriefs[di].lead
                    && let Some(li) = m.lead(lead)
                {
                    m.plan_check_in(li);
                }
            }
            Ok(failed)
        }
        Cmd::AddContact { name, cadence_days } => {
            let details = ContactDetails {
                cadence_days: *cadence_days,
                ..ContactDetails::named(name.clone())
            };
            let cadence_ok = cadence_days.is_none_or(|d| (1..=3650).contains(&d));
            let want = (!short_ok(name) || !cadence_ok).then_some(Fail::Invalid);
            let got = j.add_contact(details.clone());
            let failed = agree(&got, want)?;
            if let Ok(c) = got {
                prop_assert_eq!(&c.details, &details);
                m.contacts.push(MContact {
                    id: c.id,
                    created: now,
                    updated: now,
                    details,
                    last_contact: None,
                });
                if cadence_days.is_some() {
                    m.reschedule(key("keep-in-touch", c.id));
                }
            }
            Ok(failed)
        }
        Cmd::TouchContact { contact } => {
            let ids: Vec<ContactId> = m.contacts.iter().map(|c| c.id).collect();
            let id = pick(*contact, &ids, ContactId);
            let ci = m.contact(id);
            let got = j.touch_contact(id);
            let failed = agree(&got, ci.is_none().then_some(Fail::NotFound))?;
            if let (Ok(_), Some(ci)) = (got, ci) {
                m.touch(ci, now);
            }
            Ok(failed)
        }
        Cmd::CompleteFollowUp { follow_up } => {
            let all = expect_ok(j.all_follow_ups())?;
            let ids: Vec<FollowUpId> = all.iter().map(|f| f.id).collect();
            let id = pick(*follow_up, &ids, FollowUpId);
            let target = all.iter().find(|f| f.id == id);
            let got = j.complete_follow_up(id);
            let failed = agree(&got, target.is_none().then_some(Fail::NotFound))?;
            if let (Ok(f), Some(target)) = (got, target) {
                prop_assert_eq!(f.state, FollowUpState::Done(now));
                if let Some(k) = &target.rule_key {
                    prop_assert!(m.rules.contains_key(k), "rule key {} unknown", k);
                    m.rules.insert(k.clone(), false);
                }
                m.done.insert(id, now);
                if let (FollowUpKind::KeepInTouch, Some(c)) = (target.kind, target.contact) {
                    let ci = m
                        .contact(c)
                        .ok_or_else(|| fail("follow-up of no contact"))?;
                    m.touch(ci, now);
                }
            }
            Ok(failed)
        }
        Cmd::SnoozeFollowUp { follow_up, minutes } => {
            let all = expect_ok(j.all_follow_ups())?;
            let ids: Vec<FollowUpId> = all.iter().map(|f| f.id).collect();
            let id = pick(*follow_up, &ids, FollowUpId);
            let until = now
                .add(Duration::minutes(*minutes))
                .map_err(|e| fail(e.to_string()))?;
            let open = all.iter().find(|f| f.id == id).is_some_and(|f| {
                f.rule_key
                    .as_ref()
                    .is_some_and(|k| m.rules.get(k) == Some(&true))
            });
            let want = if until <= now {
                Some(Fail::Invalid)
            } else {
                (!open).then_some(Fail::NotFound)
            };
            let got = j.snooze_follow_up(id, until);
            let failed = agree(&got, want)?;
            if let Ok(f) = got {
                prop_assert_eq!(f.snoozed_until, Some(until));
                let stored = expect_ok(j.follow_up(id))?;
                prop_assert_eq!(stored.snoozed_until, Some(until));
                prop_assert!(stored.is_open());
            }
            Ok(failed)
        }
        Cmd::RescheduleInterview {
            interview,
            offset_minutes,
            minutes,
            stage,
        } => {
            let id = pick(*interview, &interview_ids, InterviewId);
            let start = now
                .add(Duration::minutes(*offset_minutes))
                .map_err(|e| fail(e.to_string()))?;
            let plan = InterviewPlan::new(start, *minutes, InterviewKind::Video, stage.clone());
            let ii = m.interview(id);
            let want = if !plan_ok(*minutes, stage) {
                Some(Fail::Invalid)
            } else {
                ii.is_none().then_some(Fail::NotFound)
            };
            let got = j.reschedule_interview(id, plan);
            let failed = agree(&got, want)?;
            if let (Ok(_), Some(ii)) = (got, ii) {
                let iv = &mut m.interviews[ii];
                iv.start = start;
                iv.minutes = *minutes;
                iv.stage = stage.clone();
                iv.updated = now;
                let lead = iv.lead;
                let li = m.lead(lead).ok_or_else(|| fail("interview of no lead"))?;
                m.plan_check_in(li);
            }
            Ok(failed)
        }
        Cmd::RecordWord { lead } => {
            let id = pick(*lead, &lead_ids, LeadId);
            let li = m.lead(id);
            let got = j.record_word(id);
            let failed = agree(&got, li.is_none().then_some(Fail::NotFound))?;
            if let (Ok(_), Some(li)) = (got, li) {
                m.leads[li].last_word = Some(now);
                m.leads[li].updated = now;
                m.heard_from(id);
                m.plan_check_in(li);
            }
            Ok(failed)
        }
        Cmd::AttachDebrief { debrief, interview } => {
            let ids: Vec<DebriefId> = m.debriefs.iter().map(|d| d.id).collect();
            let id = pick(*debrief, &ids, DebriefId);
            let iv = pick(*interview, &interview_ids, InterviewId);
            let (di, ii) = (m.debrief(id), m.interview(iv));
            let want = (di.is_none() || ii.is_none()).then_some(Fail::NotFound);
            let got = j.attach_debrief(id, iv);
            let failed = agree(&got, want)?;
            if let (Ok(d), Some(di), Some(ii)) = (got, di, ii) {
                let lead = m.interviews[ii].lead;
                prop_assert_eq!(d.lead, Some(lead));
                let old = m.debriefs[di].clone();
                let new = &mut m.debriefs[di];
                new.interview = Some(iv);
                new.lead = Some(lead);
                new.updated = now;
                if old.interview != Some(iv)
                    && let Some(c) = old.body.confidence
                    && m.interviews[ii].confidence_after != Some(c)
                {
                    m.interviews[ii].confidence_after = Some(c);
                    m.interviews[ii].updated = now;
                }
                if old.lead != Some(lead) {
                    match old.body.next_step_by {
                        Some(_) => m.reschedule(key("promised", id)),
                        None => m.dismiss(&key("promised", id)),
                    }
                    if old.body.next_step_by.is_some() {
                        for l in [Some(lead), old.lead].into_iter().flatten() {
                            if let Some(li) = m.lead(l) {
                                m.plan_check_in(li);
                            }
                        }
                    }
                }
            }
            Ok(failed)
        }
        Cmd::DismissFollowUp { follow_up } => {
            let all = expect_ok(j.all_follow_ups())?;
            let ids: Vec<FollowUpId> = all.iter().map(|f| f.id).collect();
            let id = pick(*follow_up, &ids, FollowUpId);
            let target = all.iter().find(|f| f.id == id);
            let got = j.dismiss_follow_up(id);
            let failed = agree(&got, target.is_none().then_some(Fail::NotFound))?;
            if let (Ok(f), Some(target)) = (got, target) {
                prop_assert_eq!(f.state, FollowUpState::Dismissed(now));
                if let Some(k) = &target.rule_key {
                    prop_assert!(m.rules.contains_key(k), "rule key {} unknown", k);
                    m.rules.insert(k.clone(), false);
                }
                m.done.remove(&id);
            }
            Ok(failed)
        }
        Cmd::AddCard { question, answer } => {
            let body = CardBody {
                question: question.clone(),
                answer: answer.make(),
                ..CardBody::default()
            };
            let ok = !question.trim().is_empty()
                && question.chars().count() <= QUESTION_MAX
                && note_ok(&body.answer);
            let got = j.add_card(body.clone());
            let failed = agree(&got, (!ok).then_some(Fail::Invalid))?;
            if let Ok(c) = got {
                prop_assert!(c.body == body);
                m.cards.push(MCard {
                    id: c.id,
                    created: now,
                    updated: now,
                    body,
                    from: None,
                    reviews: Vec::new(),
                    made_by: None,
                });
            }
            Ok(failed)
        }
        Cmd::CardFromDebrief { debrief, skill } => {
            let ids: Vec<DebriefId> = m.debriefs.iter().map(|d| d.id).collect();
            let id = pick(*debrief, &ids, DebriefId);
            let pick_it = if *skill {
                FromDebrief::Skill(Skill::SalaryTalk)
            } else {
                FromDebrief::Answer(ANSWER_LINE.into())
            };
            let di = m.debrief(id);
            let got = j.card_from_debrief(id, pick_it);
            let failed = agree(&got, di.is_none().then_some(Fail::NotFound))?;
            if let (Ok(c), Some(di)) = (got, di) {
                let d = &m.debriefs[di];
                let from = CardSource {
                    debrief: d.id,
                    interview: d.interview,
                    lead: d.lead,
                };
                match m
                    .cards
                    .iter()
                    .position(|mc| mc.made_by == Some((id, *skill)))
                {
                    // the same tap again: the card made then, unchanged
                    Some(ci) => prop_assert_eq!(c.id, m.cards[ci].id, "one card per tap"),
                    None => {
                        prop_assert_eq!(c.from, Some(from), "the card keeps its source");
                        if *skill {
                            prop_assert_eq!(&c.body.skills, &vec![Skill::SalaryTalk]);
                        } else {
                            prop_assert_eq!(c.body.question.as_str(), ANSWER_LINE);
                        }
                        m.cards.push(MCard {
                            id: c.id,
                            created: now,
                            updated: now,
                            body: c.body.clone(),
                            from: Some(from),
                            reviews: Vec::new(),
                            made_by: Some((id, *skill)),
                        });
                    }
                }
            }
            Ok(failed)
        }
        Cmd::EditCard { card, answer } => {
            let ids: Vec<CardId> = m.cards.iter().map(|c| c.id).collect();
            let id = pick(*card, &ids, CardId);
            let ci = m.cards.iter().position(|c| c.id == id);
            let mut body = ci
                .map(|ci| m.cards[ci].body.clone())
                .unwrap_or_else(|| CardBody::asking("Why us?"));
            body.answer = answer.make();
            let want = if !note_ok(&body.answer) {
                Some(Fail::Invalid)
            } else {
                ci.is_none().then_some(Fail::NotFound)
            };
            let got = j.edit_card(id, body.clone());
            let failed = agree(&got, want)?;
            if let (Ok(_), Some(ci)) = (got, ci)
                && m.cards[ci].body != body
            {
                m.cards[ci].body = body;
                m.cards[ci].updated = now;
            }
            Ok(failed)
        }
        Cmd::RateCard {
            card,
            grade,
            seconds,
        } => {
            let ids: Vec<CardId> = m.cards.iter().map(|c| c.id).collect();
            let id = pick(*card, &ids, CardId);
            let ci = m.cards.iter().position(|c| c.id == id);
            let Ok(g) = Grade::from_number(*grade) else {
                // a number that is no grade never reaches the journal
                prop_assert!(!(1..=4).contains(grade));
                return Ok(Some(Fail::Invalid));
            };
            let want = if seconds.is_some_and(|s| s > 3 * 3600) {
                Some(Fail::Invalid)
            } else {
                ci.is_none().then_some(Fail::NotFound)
            };
            let got = j.rate_card(id, g, *seconds);
            let failed = agree(&got, want)?;
            if let (Ok(rated), Some(ci)) = (got, ci) {
                m.cards[ci].reviews.push(Review {
                    at: now,
                    grade: g,
                    seconds: *seconds,
                });
                reps_core::sync::doc::set_order(&mut m.cards[ci].reviews);
                m.cards[ci].updated = now;
                prop_assert_eq!(&rated.card.reviews, &m.cards[ci].reviews);
            }
            Ok(failed)
        }
        Cmd::Reopen => unreachable!("handled by run"),
    }
}

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

/// The whole journal, with the export time taken out.
fn snapshot(j: &Journal) -> Result<Backup, TestCaseError> {
    let mut b = expect_ok(j.export())?;
    b.exported = start();
    Ok(b)
}

fn same_list<T: PartialEq + Debug>(what: &str, a: &[T], b: &[T]) -> Result<(), TestCaseError> {
    if a.len() != b.len() {
        return Err(fail(format!(
            "{what}: {} records before, {} after",
            a.len(),
            b.len()
        )));
    }
    if let Some((x, y)) = a.iter().zip(b).find(|(x, y)| x != y) {
        return Err(fail(format!("{what} changed:\n{x:?}\n-> {y:?}")));
    }
    Ok(())
}

fn same(before: &Backup, after: &Backup) -> Result<(), TestCaseError> {
    prop_assert_eq!(&before.settings, &after.settings);
    same_list("templates", &before.templates, &after.templates)?;
    same_list("leads", &before.leads, &after.leads)?;
    same_list("contacts", &before.contacts, &after.contacts)?;
    same_list("interviews", &before.interviews, &after.interviews)?;
    same_list("checklists", &before.checklists, &after.checklists)?;
    same_list("debriefs", &before.debriefs, &after.debriefs)?;
    same_list("follow-ups", &before.follow_ups, &after.follow_ups)?;
    same_list("practice cards", &before.cards, &after.cards)?;
    prop_assert!(before == after, "the export differs");
    Ok(())
}

fn check(j: &Journal, m: &Model) -> Result<(), TestCaseError> {
    // Practice cards: every one as the model holds it, and what is due
    // today by the schedule of its reviews.
    let mut cards: Vec<Card> = expect_ok(j.export())?.cards;
    cards.sort_by_key(|c| c.id);
    let mut want: Vec<&MCard> = m.cards.iter().collect();
    want.sort_by_key(|c| c.id);
    prop_assert_eq!(cards.len(), want.len(), "practice cards");
    for (c, mc) in cards.iter().zip(&want) {
        prop_assert_eq!(c.id, mc.id);
        prop_assert_eq!(&c.body, &mc.body, "body of {:?}", c.id);
        prop_assert_eq!(&c.reviews, &mc.reviews, "practices of {:?}", c.id);
        prop_assert_eq!(c.from, mc.from);
        prop_assert_eq!(c.created, mc.created);
        prop_assert_eq!(c.updated, mc.updated, "updated of {:?}", c.id);
    }
    let now = j.now();
    let due = m
        .cards
        .iter()
        .filter(|c| schedule_of(c.created, &c.reviews).is_due(now))
        .count();
    let on_today = expect_ok(j.today())?
        .into_iter()
        .find_map(|i| match i {
            reps_core::rules::today::TodayItem::Practice { cards, .. } => Some(cards),
            _ => None,
        })
        .unwrap_or(0);
    prop_assert_eq!(on_today, due, "practice due on Today");
    prop_assert_eq!(expect_ok(j.practice_page(None))?.cards.len(), due);

    // Leads, their history and the status and company indexes.
    let leads = expect_ok(j.all_leads())?;
    let got: Vec<LeadId> = leads.iter().map(|l| l.id).collect();
    let want: Vec<LeadId> = m.leads.iter().map(|l| l.id).collect();
    prop_assert_eq!(got, want, "all_leads");
    for (l, ml) in leads.iter().zip(&m.leads) {
        prop_assert_eq!(l.status, ml.status, "status of {:?}", l.id);
        prop_assert_eq!(&l.details.company, &ml.details.company);
        prop_assert_eq!(&l.details.role, &ml.details.role);
        prop_assert_eq!(&l.details, &ml.details);
        prop_assert_eq!(l.history.last().map(|h| h.status), Some(l.status));
        prop_assert_eq!(&l.history, &ml.history, "history of {:?}", l.id);
        prop_assert_eq!(&l.stage, &ml.stage, "stage of {:?}", l.id);
        prop_assert_eq!(l.last_word, ml.last_word, "last word of {:?}", l.id);
        prop_assert_eq!(l.created, ml.created);
        prop_assert_eq!(l.updated, ml.updated, "updated of {:?}", l.id);
    }
    let with = |s: Status| -> Vec<LeadId> {
        m.leads
            .iter()
            .filter(|l| l.status == s)
            .map(|l| l.id)
            .collect()
    };
    for s in Status::ALL {
        let got: Vec<LeadId> = expect_ok(j.leads_with_status(s))?
            .iter()
            .map(|l| l.id)
            .collect();
        prop_assert_eq!(got, with(s), "leads_with_status({:?})", s);
    }
    let deck: Vec<LeadId> = expect_ok(j.deck())?.iter().map(|l| l.id).collect();
    let mut want = with(Status::New);
    // those set aside for more info: the one set aside longest ago first
    let mut waiting: Vec<&MLead> = m
        .leads
        .iter()
        .filter(|l| l.status == Status::Deciding)
        .collect();
    waiting.sort_by_key(|l| (l.history.last().map(|h| h.at.utc()), l.id));
    want.extend(waiting.iter().map(|l| l.id));
    prop_assert_eq!(deck, want, "deck");
    let companies: BTreeSet<String> = COMPANIES
        .iter()
        .map(|c| company_key(c))
        .filter(|k| !k.is_empty())
        .collect();
    for c in companies {
        let got: Vec<LeadId> = expect_ok(j.leads_at(&c))?.iter().map(|l| l.id).collect();
        let want: Vec<LeadId> = m
            .leads
            .iter()
            .filter(|l| company_key(&l.details.company) == c)
            .map(|l| l.id)
            .collect();
        prop_assert_eq!(got, want, "leads_at({})", c);
    }

    // Interviews, per lead, in time order.
    let all: Vec<InterviewId> = expect_ok(j.all_interviews())?
        .iter()
        .map(|i| i.id)
        .collect();
    let want: Vec<InterviewId> = m.interviews.iter().map(|i| i.id).collect();
    prop_assert_eq!(all, want, "all_interviews");
    for ml in &m.leads {
        let got = expect_ok(j.interviews_for_lead(ml.id))?;
        let mut want: Vec<&MInterview> = m.interviews.iter().filter(|i| i.lead == ml.id).collect();
        want.sort_by_key(|i| i.start);
        prop_assert_eq!(got.len(), want.len(), "interviews of {:?}", ml.id);
        for (i, mi) in got.iter().zip(want) {
            prop_assert_eq!(i.id, mi.id, "interview order of {:?}", ml.id);
            prop_assert_eq!(i.lead, mi.lead);
            prop_assert_eq!(i.cancelled, mi.cancelled, "cancelled {:?}", i.id);
            prop_assert_eq!(i.outcome, mi.outcome, "outcome {:?}", i.id);
            prop_assert_eq!(i.plan.start, mi.start);
            prop_assert_eq!(i.plan.minutes, mi.minutes);
            prop_assert_eq!(&i.plan.stage, &mi.stage);
            prop_assert_eq!(
                i.confidence_after,
                mi.confidence_after,
                "confidence {:?}",
                i.id
            );
            prop_assert_eq!(i.created, mi.created);
            prop_assert_eq!(i.updated, mi.updated, "updated {:?}", i.id);
        }
    }

    // Debriefs, through both indexes and one by one.
    let all = expect_ok(j.all_debriefs())?;
    let got: Vec<DebriefId> = all.iter().map(|d| d.id).collect();
    let want: Vec<DebriefId> = m.debriefs.iter().map(|d| d.id).collect();
    prop_assert_eq!(got, want, "all_debriefs");
    for (d, md) in all.iter().zip(&m.debriefs) {
        prop_assert_eq!(d.interview, md.interview);
        prop_assert_eq!(d.lead, md.lead);
        prop_assert!(d.body == md.body, "body of {:?}", d.id);
        prop_assert_eq!(d.created, md.created);
        prop_assert_eq!(d.updated, md.updated);
        let one = expect_ok(j.debrief(md.id))?;
        prop_assert!(one.body.notes == md.body.notes, "notes of {:?}", md.id);
    }
    for ml in &m.leads {
        let got: Vec<DebriefId> = expect_ok(j.debriefs_for_lead(ml.id))?
            .iter()
            .map(|d| d.id)
            .collect();
        let want: Vec<DebriefId> = m
            .debriefs
            .iter()
            .filter(|d| d.lead == Some(ml.id))
            .map(|d| d.id)
            .collect();
        prop_assert_eq!(got, want, "debriefs_for_lead({:?})", ml.id);
    }
    for mi in &m.interviews {
        let got: Vec<DebriefId> = expect_ok(j.debriefs_for_interview(mi.id))?
            .iter()
            .map(|d| d.id)
            .collect();
        let want: Vec<DebriefId> = m
            .debriefs
            .iter()
            .filter(|d| d.interview == Some(mi.id))
            .map(|d| d.id)
            .collect();
        prop_assert_eq!(got, want, "debriefs_for_interview({:?})", mi.id);
    }

    // Contacts.
    let contacts = expect_ok(j.all_contacts())?;
    let got: Vec<ContactId> = contacts.iter().map(|c| c.id).collect();
    let want: Vec<ContactId> = m.contacts.iter().map(|c| c.id).collect();
    prop_assert_eq!(got, want, "all_contacts");
    for (c, mc) in contacts.iter().zip(&m.contacts) {
        prop_assert_eq!(&c.details, &mc.details);
        prop_assert_eq!(c.last_contact, mc.last_contact, "last contact {:?}", c.id);
        prop_assert_eq!(c.created, mc.created);
        prop_assert_eq!(c.updated, mc.updated);
    }

    // Follow-ups: one per rule key, open exactly when the model says so.
    let fus = expect_ok(j.all_follow_ups())?;
    let mut keyed: BTreeMap<String, bool> = BTreeMap::new();
    let mut open_keys = BTreeSet::new();
    for f in &fus {
        match &f.rule_key {
            Some(k) => {
                if f.is_open() {
                    prop_assert!(
                        open_keys.insert(k.clone()),
                        "two open follow-ups hold rule key {}",
                        k
                    );
                }
                prop_assert!(
                    keyed.insert(k.clone(), f.is_open()).is_none(),
                    "two follow-ups hold rule key {}",
                    k
                );
            }
            None => prop_assert!(!f.is_open(), "a retired follow-up is open: {:?}", f),
        }
    }
    prop_assert_eq!(&keyed, &m.rules, "rule-scheduled follow-ups");
    for (id, at) in &m.done {
        let f = fus
            .iter()
            .find(|f| f.id == *id)
            .ok_or_else(|| fail(format!("completed follow-up {id:?} is gone")))?;
        prop_assert_eq!(f.state, FollowUpState::Done(*at), "state of {:?}", id);
    }

    // Open check-ins, promises, thank-yous and keep-in-touch reminders sit
    // where their rule puts them, given what the model knows (the rules are unit-tested).
    let settings = expect_ok(j.settings())?;
    for f in fus.iter().filter(|f| f.is_open()) {
        let Some((rule, _)) = f.rule_key.as_deref().and_then(|k| k.split_once(':')) else {
            continue;
        };
        let want = match rule {
            "check-in" => {
                let lead = f.lead.and_then(|l| leads.iter().find(|x| x.id == l));
                let lead = lead.ok_or_else(|| fail(format!("check-in of no lead: {f:?}")))?;
                prop_assert!(lead.status.awaits_word(), "open check-in on {:?}", lead.id);
                let ends = m
                    .interviews
                    .iter()
                    .filter(|i| i.lead == lead.id && !i.cancelled)
                    .map(MInterview::end);
                due::check_in_due(due::silence_since(lead, ends), &settings)
                    .map_err(|e| fail(e.to_string()))?
            }
            "thank-you" => {
                let iv = f.interview.and_then(|i| m.interview(i));
                let iv = iv.ok_or_else(|| fail(format!("thank-you of no interview: {f:?}")))?;
                due::thank_you_due(m.interviews[iv].end())
            }
            "promised" => {
                let d = m
                    .debriefs
                    .iter()
                    .find(|d| f.rule_key == Some(key("promised", d.id)));
                let d = d.ok_or_else(|| fail(format!("promise of no debrief: {f:?}")))?;
                let by = d
                    .body
                    .next_step_by
                    .ok_or_else(|| fail("open promise, no date"))?;
                prop_assert_eq!(f.lead, d.lead, "lead of the promise of {:?}", d.id);
                prop_assert_eq!(
                    f.interview,
                    d.interview,
                    "interview of the promise of {:?}",
                    d.id
                );
                due::promised_reply_check_in(by, d.created.tz()).map_err(|e| fail(e.to_string()))?
            }
            "keep-in-touch" => {
                let c = f.contact.and_then(|c| contacts.iter().find(|x| x.id == c));
                let c = c.ok_or_else(|| fail(format!("keep-in-touch of no contact: {f:?}")))?;
                due::keep_in_touch_due(c).ok_or_else(|| fail("no cadence"))?
            }
            _ => continue,
        };
        prop_assert_eq!(f.due, want, "due of {:?}", f.rule_key);
    }

    for l in &leads {
        let got: Vec<FollowUpId> = expect_ok(j.follow_ups_for_lead(l.id))?
            .iter()
            .map(|f| f.id)
            .collect();
        let want: Vec<FollowUpId> = fus
            .iter()
            .filter(|f| f.lead == Some(l.id))
            .map(|f| f.id)
            .collect();
        prop_assert_eq!(got, want, "follow_ups_for_lead({:?})", l.id);
    }

    // Counts.
    let counts = expect_ok(j.counts())?;
    prop_assert_eq!(counts.leads, m.leads.len() as u64, "counts.leads");
    prop_assert_eq!(
        counts.interviews,
        m.interviews.len() as u64,
        "counts.interviews"
    );
    prop_assert_eq!(counts.debriefs, m.debriefs.len() as u64, "counts.debriefs");
    prop_assert_eq!(counts.contacts, m.contacts.len() as u64, "counts.contacts");
    prop_assert_eq!(counts.follow_ups, m.follow_ups, "counts.follow_ups");
    prop_assert_eq!(fus.len() as u64, m.follow_ups);
    Ok(())
}

// ---------------------------------------------------------------------------
// The property
// ---------------------------------------------------------------------------

/// Shortly before a daylight-saving change in the clock's zone.
fn start() -> Stamp {
    "2026-03-20T09:00:00+01:00[Europe/Paris]"
        .parse()
        .expect("start stamp")
}

fn run(steps: &[(i64, Cmd)]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().map_err(|e| fail(e.to_string()))?;
    let path = dir.path().join("journal.redb");
    let clock = Arc::new(ManualClock::new(start()));
    let open = |clock: &Arc<ManualClock>| {
        Journal::open(&path, Arc::clone(clock)).map_err(|e| fail(format!("open: {e}")))
    };
    let mut journal = Some(open(&clock)?);
    let mut m = Model::default();
    check(journal.as_ref().expect("open journal"), &m)?;
    for (n, (advance, cmd)) in steps.iter().enumerate() {
        let at_step = |e: TestCaseError| fail(format!("step {n} ({cmd:?}): {e}"));
        clock.advance(Duration::milliseconds(*advance));
        let now = clock.now();
        if let Cmd::Reopen = cmd {
            let before = snapshot(journal.as_ref().expect("open journal"))?;
            drop(journal.take());
            // Ids sort by creation time only across milliseconds: a fresh id
            // generator does not know the last id of the previous process.
            clock.advance(Duration::milliseconds(1));
            journal = Some(open(&clock).map_err(at_step)?);
            let after = snapshot(journal.as_ref().expect("open journal"))?;
            same(&before, &after).map_err(at_step)?;
        } else {
            let j = journal.as_ref().expect("open journal");
            let before = snapshot(j)?;
            if step(j, &mut m, cmd, now).map_err(at_step)?.is_some() {
                same(&before, &snapshot(j)?).map_err(at_step)?;
            }
        }
        check(journal.as_ref().expect("open journal"), &m).map_err(at_step)?;
    }
    Ok(())
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        // Keep the source tree clean: a failure prints its minimal sequence.
        failure_persistence: None,
        max_shrink_iters: 2048,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_journal_agrees_with_a_simple_model(
        steps in prop::collection::vec((advance(), cmd()), 1..=60)
    ) {
        run(&steps)?;
    }
}

/// Found by the property above (shrunk by hand). A promise ("they said they
/// would answer by…") noted on a debrief captured before it was attached to
/// its interview stays linked to no lead once the debrief is attached: the
/// rule re-plans it on attach, but rescheduling an open follow-up only moves
/// its due time. So `follow_ups_for_lead` misses it, Today cannot name the
/// company, and a word from the company (`record_word`, `move_lead`, an
/// outcome) no longer answers it.
#[test]
fn a_promise_follows_its_debrief_when_it_is_attached() {
    use Cmd::*;
    let steps = [
        (
            0,
            AddLead {
                company: "Acme".into(),
                role: "Engineer".into(),
                source: Source::JobBoard,
                dream: false,
            },
        ),
        (
            0,
            Schedule {
                lead: Ref::Nth(0),
                offset_minutes: 0,
                minutes: 30,
                stage: Stage::Screen,
            },
        ),
        (
            0,
            StartDebrief {
                interview: None,
                lead: DebriefLead::Unset,
            },
        ),
        (
            0,
            SaveDebrief {
                debrief: Ref::Nth(0),
                notes: Text::Plain(String::new()),
                went_well: Text::Plain(String::new()),
                confidence: None,
                next_step_in_days: Some(3),
            },
        ),
        (
            0,
            AttachDebrief {
                debrief: Ref::Nth(0),
                interview: Ref::Nth(0),
            },
        ),
        (0, RecordWord { lead: Ref::Nth(0) }),
    ];
    if let Err(e) = run(&steps) {
        panic!("{e}");
    }
}

//! Interview commands (schedule, move, cancel, outcome, confidence), their
//! checklists, and conflict detection at the moment an interview is added.

use chrono::Duration;
use serde::{Deserialize, Serialize};

use super::Journal;
use super::follow_ups::{self, Planned, keys};
use super::triage::{apply_status, plan_check_in};
use crate::error::{Error, Result};
use crate::id::{ContactId, InterviewId, LeadId};
use crate::rules::conflicts::{self, Conflict, Reschedule};
use crate::rules::{followups as due, pipeline};
use crate::store::tables::{INTERVIEW_BY_CONTACT, INTERVIEW_BY_LEAD, INTERVIEW_BY_START};
use crate::store::{Read, Writer};
use crate::time::Stamp;
use crate::{
    Contact, FollowUpKind, Interview, InterviewPlan, Lead, Outcome, Rating, Status, StatusChange,
};

/// An interview agreed after another it overlaps: who it collides with and
/// the first free time to ask for instead (the checklist's notice).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Collision {
    /// The interviews agreed before it, with their leads.
    pub with: Vec<(Interview, Lead)>,
    /// The first free start.
    pub suggested: Stamp,
    /// One line of advice.
    pub advice: String,
}

/// An interview as saved, with any collision found at that moment. The
/// interview is saved either way: the user decides, the app suggests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scheduled {
    /// The saved interview.
    pub interview: Interview,
    /// Interviews it collides with.
    pub conflicts: Vec<Conflict>,
    /// A polite way out: move this one to the suggested time.
    pub reschedule: Option<Reschedule>,
}

impl Journal {
    /// Adds an interview to a lead. The lead moves to "interviewing" at the
    /// plan's stage; a checklist, a same-day thank-you and a check-in are set up.
    pub fn schedule_interview(&self, lead: LeadId, plan: InterviewPlan) -> Result<Scheduled> {
        plan.validate()?;
        self.write(|w| schedule(w, lead, plan))
    }

    /// Changes an interview's time, place, people or goal.
    pub fn reschedule_interview(&self, id: InterviewId, plan: InterviewPlan) -> Result<Scheduled> {
        plan.validate()?;
        self.write(|w| {
            check_people(w, &plan.people)?;
            let old: Interview = w.load(id.key())?;
            let mut new = old.clone();
            new.plan = plan;
            new.updated = w.now;
            let found = collisions(w, &new)?;
            w.put(Some(&old), &new)?;
            follow_ups::move_open(w, &keys::thank_you(id), due::thank_you_due(new.plan.end()))?;
            let lead: Lead = w.load(new.lead.key())?;
            plan_check_in(w, &lead)?;
            Ok(Scheduled {
                interview: new,
                conflicts: found.0,
                reschedule: found.1,
            })
        })
    }

    /// Calls an interview off (by either side). It stops counting as a rep.
    pub fn cancel_interview(&self, id: InterviewId) -> Result<Interview> {
        self.write(|w| {
            let old: Interview = w.load(id.key())?;
            let mut new = old.clone();
            new.cancelled = true;
            new.updated = w.now;
            w.put(Some(&old), &new)?;
            follow_ups::dismiss_rule(w, &keys::thank_you(id))?;
            let lead: Lead = w.load(new.lead.key())?;
            plan_check_in(w, &lead)?;
            Ok(new)
        })
    }

    /// Records whether the interview got me to the next step. Hearing back is
    /// a word from them, so the silence clock restarts.
    pub fn record_outcome(&self, id: InterviewId, outcome: Outcome) -> Result<Interview> {
        self.write(|w| {
            let old: Interview = w.load(id.key())?;
            let mut new = old.clone();
            new.outcome = outcome;
            new.updated = w.now;
            w.put(Some(&old), &new)?;
            if outcome != Outcome::Pending {
                let old_lead: Lead = w.load(new.lead.key())?;
                let mut lead = old_lead.clone();
                lead.last_word = Some(w.now);
                lead.updated = w.now;
                w.put(Some(&old_lead), &lead)?;
                super::triage::heard_from(w, lead.id)?;
                plan_check_in(w, &lead)?;
            }
            Ok(new)
        })
    }

    /// Records confidence going in and coming out (1–5).
    pub fn rate_confidence(
        &self,
        id: InterviewId,
        before: Option<Rating>,
        after: Option<Rating>,
    ) -> Result<Interview> {
        self.write(|w| {
            let old: Interview = w.load(id.key())?;
            let mut new = old.clone();
            new.confidence_before = before;
            new.confidence_after = after;
            new.updated = w.now;
            w.put(Some(&old), &new)?;
            Ok(new)
        })
    }

    /// What adding `plan` would collide with, before saving (for a live warning).
    pub fn check_conflicts(
        &self,
        plan: &InterviewPlan,
        own: Option<InterviewId>,
    ) -> Result<(Vec<Conflict>, Option<Reschedule>)> {
        self.read(|r| conflicts_of(r, plan, own))
    }

    /// An interview that collides with ones agreed before it, with the free
    /// time to ask for instead; `None` when it is fine, or when it is the
    /// one to keep (the others should move).
    pub fn collision(&self, id: InterviewId) -> Result<Option<Collision>> {
        self.read(|r| {
            let this: Interview = r.load(id.key())?;
            let (found, suggestion) = conflicts_of(r, &this.plan, Some(id))?;
            let mut with = Vec::new();
            for c in &found {
                let other: Interview = r.load(c.other.key())?;
                let lead: Lead = r.load(other.lead.key())?;
                with.push((other, lead));
            }
            let others: Vec<Interview> = with.iter().map(|(i, _)| i.clone()).collect();
            if !conflicts::is_the_one_to_move(&this, &others) {
                return Ok(None);
            }
            Ok(suggestion.map(|s| Collision {
                with,
                suggested: s.suggested_start,
                advice: s.advice,
            }))
        })
    }

    /// One interview.
    pub fn interview(&self, id: InterviewId) -> Result<Interview> {
        self.read(|r| r.load(id.key()))
    }

    /// A lead's interviews, in time order.
    pub fn interviews_for_lead(&self, lead: LeadId) -> Result<Vec<Interview>> {
        self.read(|r| {
            let keys = r.ix_children(INTERVIEW_BY_LEAD, lead.key())?;
            let mut v: Vec<Interview> = r.load_many(&keys)?;
            v.sort_by_key(|i| i.plan.start);
            Ok(v)
        })
    }

    /// Interviews where I met a contact.
    pub fn interviews_with(&self, contact: ContactId) -> Result<Vec<Interview>> {
        self.read(|r| {
            let keys = r.ix_children(INTERVIEW_BY_CONTACT, contact.key())?;
            r.load_many(&keys)
        })
    }

    /// Interviews starting at or after `from`, soonest first, at most `limit`
    /// (cancelled ones left out): the widget's "next up".
    pub fn upcoming_interviews(&self, from: Stamp, limit: usize) -> Result<Vec<Interview>> {
        self.read(|r| starting_from(r, from, limit))
    }

    /// Interviews not over yet (one under way included), soonest first, at
    /// most `limit`, cancelled ones left out: what Prep shows.
    pub fn interviews_not_over(&self, limit: usize) -> Result<Vec<Interview>> {
        let now = self.now();
        self.read(|r| not_over(r, now, limit))
    }

    /// [`Journal::interviews_not_over`] with their leads: the Prep screen.
    pub fn upcoming(&self, limit: usize) -> Result<Vec<(Interview, Lead)>> {
        let now = self.now();
        self.read(|r| {
            not_over(r, now, limit)?
                .into_iter()
                .map(|i| with_lead(r, i))
                .collect()
        })
    }

    /// The interview a quick capture is most likely about: the latest one that
    /// has started by now (within the last day), not cancelled.
    pub fn just_ended(&self) -> Result<Option<Interview>> {
        let now = self.now();
        self.read(|r| just_ended_at(r, now))
    }

    /// [`Journal::just_ended`] with its lead: what the capture screen offers.
    pub fn just_ended_with_lead(&self) -> Result<Option<(Interview, Lead)>> {
        let now = self.now();
        self.read(|r| just_ended_at(r, now)?.map(|i| with_lead(r, i)).transpose())
    }

    /// What the capture screen's "About" offers: the interviews that have
    /// begun in the last [`CAPTURE_CHOICE_DAYS`] days (never one still
    /// ahead: a debrief follows its interview), newest first, after the
    /// ones in `keep` (the interview the screen was opened for, or the one
    /// an opened debrief is about, however old), each with a short label.
    pub fn capture_choices(&self, keep: Vec<InterviewId>) -> Result<Vec<(InterviewId, String)>> {
        let now = self.now();
        self.read(|r| {
            let from = now.add(-Duration::days(CAPTURE_CHOICE_DAYS))?.millis();
            let mut ids = keep.clone();
            for k in r
                .ix_time(INTERVIEW_BY_START, from, now.millis())?
                .into_iter()
                .rev()
            {
                let id = InterviewId(uuid::Uuid::from_u128(k));
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            let mut out = Vec::new();
            for id in ids {
                let iv: Interview = r.load(id.key())?;
                // kept ones stay even when cancelled: their notes are about them
                if iv.cancelled && !keep.contains(&id) {
                    continue;
                }
                let lead: Lead = r.load(iv.lead.key())?;
                out.push((iv.id, crate::wording::capture_choice(&lead, &iv)));
            }
            Ok(out)
        })
    }

    /// Every interview, oldest first by creation.
    pub fn all_interviews(&self) -> Result<Vec<Interview>> {
        self.read(|r| r.load_all())
    }
}

/// [`Journal::schedule_interview`] inside a transaction the caller holds, for
/// commands that do more in the same commit (an invite import creates the lead
/// first). `plan` must already be validated.
pub(crate) fn schedule(w: &Writer<'_>, lead: LeadId, plan: InterviewPlan) -> Result<Scheduled> {
    let old_lead: Lead = w.load(lead.key())?;
    check_people(w, &plan.people)?;
    let mut new_lead = old_lead.clone();
    match old_lead.status {
        Status::Offer => {}
        Status::Interviewing if old_lead.stage.as_ref() == Some(&plan.stage) => {}
        from if pipeline::can_move(from, Status::Interviewing) => {
            let entry = StatusChange {
                stage: Some(plan.stage.clone()),
                ..StatusChange::to(Status::Interviewing, w.now)
            };
            apply_status(w, &mut new_lead, entry)?;
        }
        from => {
            return Err(Error::Transition {
                from,
                to: Status::Interviewing,
            });
        }
    }
    let interview = Interview {
        id: InterviewId(w.new_id()),
        lead,
        created: w.now,
        updated: w.now,
        plan,
        outcome: Outcome::Pending,
        confidence_before: None,
        confidence_after: None,
        cancelled: false,
    };
    let found = collisions(w, &interview)?;
    w.put(None, &interview)?;
    if new_lead != old_lead {
        w.put(Some(&old_lead), &new_lead)?;
    }
    super::prep::create_checklist(w, &interview)?;
    follow_ups::ensure(
        w,
        Planned {
            key: keys::thank_you(interview.id),
            kind: FollowUpKind::ThankYou,
            due: due::thank_you_due(interview.plan.end()),
            lead: Some(lead),
            interview: Some(interview.id),
            contact: None,
        },
    )?;
    plan_check_in(w, &new_lead)?;
    super::triage::answer_reply(w, &new_lead)?;
    Ok(Scheduled {
        interview,
        conflicts: found.0,
        reschedule: found.1,
    })
}

fn check_people(r: &impl Read, people: &[ContactId]) -> Result<()> {
    for c in people {
        r.load::<Contact>(c.key())?;
    }
    Ok(())
}

/// Interviews close enough in time to collide or to block a suggestion.
fn nearby(r: &impl Read, plan: &InterviewPlan) -> Result<Vec<Interview>> {
    let from = plan.start.add(-Duration::days(2))?.millis();
    let to = plan.start.add(Duration::days(16))?.millis();
    let keys = r.ix_time(INTERVIEW_BY_START, from, to)?;
    r.load_many(&keys)
}

fn collisions(w: &Writer<'_>, iv: &Interview) -> Result<(Vec<Conflict>, Option<Reschedule>)> {
    conflicts_of(w, &iv.plan, Some(iv.id))
}

/// What `plan` collides with (leaving out `own`), and the free time to suggest.
pub(crate) fn conflicts_of(
    r: &impl Read,
    plan: &InterviewPlan,
    own: Option<InterviewId>,
) -> Result<(Vec<Conflict>, Option<Reschedule>)> {
    let settings = r.read_settings()?;
    let others = nearby(r, plan)?;
    let buffer = settings.travel_buffer_minutes;
    Ok((
        conflicts::find(plan, own, &others, buffer),
        conflicts::suggest(plan, own, &others, buffer),
    ))
}

fn with_lead(r: &impl Read, i: Interview) -> Result<(Interview, Lead)> {
    let lead = r.load(i.lead.key())?;
    Ok((i, lead))
}

/// Interviews starting at or after `from`, soonest first, at most `limit`,
/// cancelled ones left out.
fn starting_from(r: &impl Read, from: Stamp, limit: usize) -> Result<Vec<Interview>> {
    let keys = r.ix_time(INTERVIEW_BY_START, from.millis(), i64::MAX)?;
    let mut out = Vec::new();
    for k in keys {
        let i: Interview = r.load(k)?;
        if !i.cancelled {
            out.push(i);
            if out.len() == limit {
                break;
            }
        }
    }
    Ok(out)
}

/// Interviews not over at `now`, soonest first, at most `limit`.
pub(crate) fn not_over(r: &impl Read, now: Stamp, limit: usize) -> Result<Vec<Interview>> {
    // an interview lasts at most a day, so one that started earlier is over
    let from = now.add(-Duration::days(1))?;
    Ok(starting_from(r, from, usize::MAX)?
        .into_iter()
        .filter(|i| i.plan.end() > now)
        .take(limit)
        .collect())
}

/// How far back the capture screen offers interviews to write about.
pub const CAPTURE_CHOICE_DAYS: i64 = 30;

pub(crate) fn just_ended_at(r: &impl Read, now: Stamp) -> Result<Option<Interview>> {
    let from = now.add(-Duration::days(1))?.millis();
    let keys = r.ix_time(INTERVIEW_BY_START, from, now.millis())?;
    for k in keys.into_iter().rev() {
        let i: Interview = r.load(k)?;
        if !i.cancelled {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

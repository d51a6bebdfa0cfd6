//! Interview commands (schedule, move, cancel, outcome, confidence), their
//! checklists, and conflict detection at the moment an interview is added.

use chrono::Duration;
use serde::{Deserialize, Serialize};

use super::Journal;
use super::access::{Read, Writer};
use super::followups::{self, Planned, keys};
use super::leads::{apply_status, plan_check_in};
use super::tables::{DEBRIEF_BY_LEAD, INTERVIEW_BY_CONTACT, INTERVIEW_BY_LEAD, INTERVIEW_BY_START};
use crate::domain::checklist::validate_template;
use crate::error::{Error, Result};
use crate::id::{ContactId, InterviewId, ItemId, LeadId, TemplateId};
use crate::rules::checklist::{self as checklist_rule, ChecklistView};
use crate::rules::conflicts::{self, Conflict, Reschedule};
use crate::rules::{followups as due, pipeline};
use crate::time::Stamp;
use crate::{
    Checklist, ChecklistItem, ChecklistTemplate, Contact, Debrief, FollowUpKind, Interview,
    InterviewPlan, Lead, Outcome, Rating, Status, StatusChange, TemplateItem,
};

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
            followups::move_open(w, &keys::thank_you(id), due::thank_you_due(new.plan.end()))?;
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
            followups::dismiss_rule(w, &keys::thank_you(id))?;
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
                super::leads::heard_from(w, lead.id)?;
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
        self.read(|r| {
            let settings = r.read_settings()?;
            let others = nearby(r, plan)?;
            Ok((
                conflicts::find(plan, own, &others, settings.travel_buffer_minutes),
                conflicts::suggest(plan, own, &others, settings.travel_buffer_minutes),
            ))
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
        self.read(|r| {
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
        })
    }

    /// Interviews not over yet (one under way included), soonest first, at
    /// most `limit`, cancelled ones left out: what Prep shows.
    pub fn interviews_not_over(&self, limit: usize) -> Result<Vec<Interview>> {
        let now = self.now();
        // an interview lasts at most a day, so one that started earlier is over
        let from = now.add(-Duration::days(1))?;
        Ok(self
            .upcoming_interviews(from, usize::MAX)?
            .into_iter()
            .filter(|i| i.plan.end() > now)
            .take(limit)
            .collect())
    }

    /// The interview a quick capture is most likely about: the latest one that
    /// has started by now (within the last day), not cancelled.
    pub fn just_ended(&self) -> Result<Option<Interview>> {
        let now = self.now();
        self.read(|r| {
            let from = now.add(-Duration::days(1))?.millis();
            let keys = r.ix_time(INTERVIEW_BY_START, from, now.millis())?;
            for k in keys.into_iter().rev() {
                let i: Interview = r.load(k)?;
                if !i.cancelled {
                    return Ok(Some(i));
                }
            }
            Ok(None)
        })
    }

    /// Every interview, oldest first by creation.
    pub fn all_interviews(&self) -> Result<Vec<Interview>> {
        self.read(|r| r.load_all())
    }

    /// The checklist of an interview, with open questions from earlier debriefs.
    pub fn checklist(&self, interview: InterviewId) -> Result<ChecklistView> {
        self.read(|r| checklist_view(r, interview))
    }

    /// Ticks (or unticks) a checklist line. A line that is a question from an
    /// earlier debrief is marked answered (or open again) in that debrief.
    pub fn tick(&self, interview: InterviewId, item: ItemId, done: bool) -> Result<ChecklistView> {
        self.write(|w| {
            let old: Checklist = w.load(interview.key())?;
            if let Some(pos) = old.items.iter().position(|i| i.id == item) {
                let mut new = old.clone();
                new.items[pos].done = done.then_some(w.now);
                new.updated = w.now;
                w.put(Some(&old), &new)?;
            } else {
                let view = checklist_view(w, interview)?;
                let source = view
                    .groups
                    .iter()
                    .flat_map(|g| &g.items)
                    .find(|i| i.id == item)
                    .map(|i| i.source)
                    .ok_or_else(|| Error::NotFound {
                        kind: "checklist item",
                        id: item.to_string(),
                    })?;
                if let checklist_rule::ItemSource::Question { debrief } = source {
                    super::debriefs::set_question(w, debrief, item, done)?;
                }
            }
            checklist_view(w, interview)
        })
    }

    /// All checklist templates.
    pub fn templates(&self) -> Result<Vec<ChecklistTemplate>> {
        self.read(|r| r.load_all())
    }

    /// Creates (`id` = `None`) or replaces a template. Items with a nil id get one.
    pub fn save_template(
        &self,
        id: Option<TemplateId>,
        name: &str,
        items: Vec<TemplateItem>,
    ) -> Result<ChecklistTemplate> {
        validate_template(name, &items)?;
        self.write(|w| {
            let old: Option<ChecklistTemplate> = id.map(|id| w.load(id.key())).transpose()?;
            let items = items
                .into_iter()
                .map(|mut i| {
                    if i.id.0.is_nil() {
                        i.id = ItemId(w.new_id());
                    }
                    i
                })
                .collect();
            let new = ChecklistTemplate {
                id: id.unwrap_or_else(|| TemplateId(w.new_id())),
                created: old.as_ref().map_or(w.now, |o| o.created),
                updated: w.now,
                name: name.trim().to_string(),
                items,
            };
            w.put(old.as_ref(), &new)?;
            Ok(new)
        })
    }

    /// Chooses the template new interviews start from.
    pub fn set_default_template(&self, id: TemplateId) -> Result<()> {
        self.write(|w| {
            w.load::<ChecklistTemplate>(id.key())?;
            let mut s = w.read_settings()?;
            s.default_template = Some(id);
            w.put_settings(&s)
        })
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
    create_checklist(w, &interview)?;
    followups::ensure(
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
    let settings = w.read_settings()?;
    let others = nearby(w, &iv.plan)?;
    let buffer = settings.travel_buffer_minutes;
    Ok((
        conflicts::find(&iv.plan, Some(iv.id), &others, buffer),
        conflicts::suggest(&iv.plan, Some(iv.id), &others, buffer),
    ))
}

fn create_checklist(w: &Writer<'_>, iv: &Interview) -> Result<()> {
    let settings = w.read_settings()?;
    let template: Option<ChecklistTemplate> = match settings.default_template {
        Some(t) => w.load_opt(t.key())?,
        None => None,
    };
    let checklist = Checklist {
        interview: iv.id,
        template: template.as_ref().map(|t| t.id),
        updated: w.now,
        items: template
            .map(|t| {
                t.items
                    .into_iter()
                    .map(|i| ChecklistItem {
                        id: ItemId(w.new_id()),
                        text: i.text,
                        when: i.when,
                        done: None,
                    })
                    .collect()
            })
            .unwrap_or_default(),
    };
    w.put(None, &checklist)
}

pub(crate) fn checklist_view(r: &impl Read, interview: InterviewId) -> Result<ChecklistView> {
    checklist_view_of(r, &r.load(interview.key())?)
}

/// The checklist view of an interview already loaded.
pub(crate) fn checklist_view_of(r: &impl Read, iv: &Interview) -> Result<ChecklistView> {
    let checklist: Checklist = r.load(iv.id.key())?;
    let keys = r.ix_children(DEBRIEF_BY_LEAD, iv.lead.key())?;
    let debriefs: Vec<Debrief> = r.load_many(&keys)?;
    Ok(checklist_rule::view(iv, &checklist, &debriefs))
}

//! Messages from the record: the user's own wording (or Reps'), filled with
//! what the journal knows about the person, the lead and the interview.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Journal;
use super::interviews::conflicts_of;
use crate::error::Result;
use crate::id::{ContactId, InterviewId, LeadId};
use crate::rules::messages::{self, MessageFacts, MessageKind, Template};
use crate::store::Read;
use crate::store::tables::{DEBRIEF_BY_INTERVIEW, INTERVIEW_BY_LEAD};
use crate::time::Stamp;
use crate::{Contact, Debrief, FollowUp, Interview, Lead, MessageSent};

/// What a message is about; the journal looks up the rest. Everything is
/// optional: a message about nothing in particular is still a good start.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageAbout {
    /// The lead (taken from the interview when absent).
    pub lead: Option<LeadId>,
    /// The interview it follows or concerns.
    pub interview: Option<InterviewId>,
    /// The person written to (else the first person met in the interview).
    pub contact: Option<ContactId>,
    /// A new time to propose (reschedule).
    pub new_time: Option<Stamp>,
}

/// A message ready to edit, and the wording it was filled from: what the
/// message screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageDraft {
    /// Which message.
    pub kind: MessageKind,
    /// Filled from the record.
    pub draft: Template,
    /// The wording it starts from (the user's own or Reps').
    pub template: Template,
    /// The user rewrote this kind's wording.
    pub custom: bool,
    /// Who it goes to, when the record knows.
    pub to: Option<String>,
    /// Their company.
    pub company: Option<String>,
    /// The name it is signed with; `None` until the user gives one.
    pub signed_as: Option<String>,
    /// The people met at the interview it is about, to greet one of them.
    pub people: Vec<(ContactId, String)>,
    /// The one greeted (the one asked for, else the first met).
    pub greeting: Option<ContactId>,
    /// The email address of each of those people who has one: where
    /// "Email them" addresses the message.
    pub emails: Vec<(ContactId, String)>,
}

impl Journal {
    /// The template for `kind`: the user's own if they rewrote it, else Reps'.
    pub fn message_template(&self, kind: MessageKind) -> Result<Template> {
        self.read(|r| template_of(r, kind))
    }

    /// Keeps the user's own wording for `kind` (placeholders checked).
    pub fn save_message_template(&self, kind: MessageKind, template: Template) -> Result<Template> {
        template.validate()?;
        self.write(|w| {
            let mut s = w.read_settings()?;
            s.message_templates.insert(kind, template.clone());
            w.put_settings(&s)?;
            Ok(template)
        })
    }

    /// Goes back to Reps' wording for `kind`.
    pub fn reset_message_template(&self, kind: MessageKind) -> Result<Template> {
        self.write(|w| {
            let mut s = w.read_settings()?;
            s.message_templates.remove(&kind);
            w.put_settings(&s)
        })?;
        Ok(messages::default_template(kind))
    }

    /// The message of `kind` about `about`, filled from the record. A
    /// reschedule about an interview with no time given proposes the first
    /// free one the conflict check finds.
    pub fn draft_message(&self, kind: MessageKind, about: &MessageAbout) -> Result<Template> {
        let today = self.now().local_date();
        self.read(|r| draft_of(r, kind, about, today))
    }

    /// The message screen's whole view: the draft, the wording it came from
    /// and who it goes to (one snapshot).
    pub fn message(&self, kind: MessageKind, about: &MessageAbout) -> Result<MessageDraft> {
        let today = self.now().local_date();
        self.read(|r| {
            let template = template_of(r, kind)?;
            let custom = r.read_settings()?.message_templates.contains_key(&kind);
            let draft = draft_of(r, kind, about, today)?;
            let facts = facts_of(r, about, today)?;
            let met = people_met(r, about)?;
            let mut people = Vec::new();
            let mut emails = Vec::new();
            for c in met.iter().chain(about.contact.iter()) {
                let person = r.load::<Contact>(c.key())?.details;
                if !person.email.trim().is_empty() && !emails.iter().any(|(id, _)| id == c) {
                    emails.push((*c, person.email.trim().to_string()));
                }
                if met.contains(c) && !people.iter().any(|(id, _)| id == c) {
                    people.push((*c, person.name));
                }
            }
            Ok(MessageDraft {
                kind,
                draft,
                template,
                custom,
                to: facts.person,
                company: facts.company,
                signed_as: facts.me,
                greeting: about.contact.or(met.first().copied()),
                people,
                emails,
            })
        })
    }

    /// The user sent a message themselves: the lead's history keeps it; a
    /// message that gives an answer (accepting or declining the offer,
    /// withdrawing) moves the lead to it; and the open follow-up it takes
    /// care of — the one about the same interview, else the same lead, else
    /// the same person, soonest due first — is completed, all in one
    /// transaction. `None` when no follow-up was waiting for it.
    pub fn mark_message_sent(
        &self,
        kind: MessageKind,
        about: &MessageAbout,
    ) -> Result<Option<FollowUp>> {
        let follow_up_kind = messages::completes(kind);
        self.write(|w| {
            let lead = match (about.lead, about.interview) {
                (Some(l), _) => Some(l),
                (None, Some(i)) => Some(w.load::<Interview>(i.key())?.lead),
                (None, None) => None,
            };
            // the lead's history keeps it, whatever follow-up it answers
            if let Some(l) = lead {
                let old: Lead = w.load(l.key())?;
                let mut new = old.clone();
                new.messages_sent.push(MessageSent {
                    at: w.now,
                    what: crate::wording::message_sent(kind).to_string(),
                });
                new.updated = w.now;
                if let Some(to) = messages::decides(kind)
                    && old.status != to
                    && crate::rules::pipeline::can_move(old.status, to)
                {
                    let entry = crate::StatusChange::to(to, w.now);
                    super::triage::apply_status(w, &mut new, entry)?;
                }
                w.put(Some(&old), &new)?;
            }
            let Some(follow_up_kind) = follow_up_kind else {
                return Ok(None);
            };
            let open: Vec<FollowUp> = w
                .load_all::<FollowUp>()?
                .into_iter()
                .filter(|f| f.is_open() && f.kind == follow_up_kind)
                .collect();
            let matches: [&dyn Fn(&FollowUp) -> bool; 3] = [
                &|f| about.interview.is_some() && f.interview == about.interview,
                &|f| lead.is_some() && f.lead == lead,
                &|f| about.contact.is_some() && f.contact == about.contact,
            ];
            let found = matches.iter().find_map(|matches| {
                open.iter()
                    .filter(|f| matches(f))
                    .min_by_key(|f| f.effective_due())
            });
            match found {
                Some(f) => super::follow_ups::complete(w, f.id).map(Some),
                None => Ok(None),
            }
        })
    }

    /// What the record knows for a message about `about`.
    pub fn message_facts(&self, about: &MessageAbout) -> Result<MessageFacts> {
        let today = self.now().local_date();
        self.read(|r| facts_of(r, about, today))
    }
}

fn template_of(r: &impl Read, kind: MessageKind) -> Result<Template> {
    Ok(r.read_settings()?
        .message_templates
        .get(&kind)
        .cloned()
        .unwrap_or_else(|| messages::default_template(kind)))
}

fn draft_of(
    r: &impl Read,
    kind: MessageKind,
    about: &MessageAbout,
    today: NaiveDate,
) -> Result<Template> {
    let template = template_of(r, kind)?;
    let mut about = about.clone();
    if let (MessageKind::Reschedule, None, Some(id)) = (kind, about.new_time, about.interview) {
        let interview: Interview = r.load(id.key())?;
        let (_, suggestion) = conflicts_of(r, &interview.plan, Some(id))?;
        about.new_time = suggestion.map(|s| s.suggested_start);
    }
    let facts = facts_of(r, &about, today)?;
    Ok(messages::fill(&template, &facts))
}

/// Who a message can greet: the people of its interview; for a message
/// about a whole lead (an offer's answer, a withdrawal), the people of its
/// interviews, the latest interview's first.
fn people_met(r: &impl Read, about: &MessageAbout) -> Result<Vec<ContactId>> {
    let interviews: Vec<Interview> = match (about.interview, about.lead) {
        (Some(i), _) => vec![r.load(i.key())?],
        (None, Some(l)) => {
            let mut all: Vec<Interview> = r
                .load_many::<Interview>(&r.ix_children(INTERVIEW_BY_LEAD, l.key())?)?
                .into_iter()
                .filter(|i| !i.cancelled)
                .collect();
            all.sort_by_key(|i| std::cmp::Reverse(i.plan.start));
            all
        }
        (None, None) => Vec::new(),
    };
    let mut met: Vec<ContactId> = Vec::new();
    for c in interviews.iter().flat_map(|i| &i.plan.people) {
        if !met.contains(c) {
            met.push(*c);
        }
    }
    Ok(met)
}

fn facts_of(r: &impl Read, about: &MessageAbout, today: NaiveDate) -> Result<MessageFacts> {
    let interview: Option<Interview> = about.interview.map(|i| r.load(i.key())).transpose()?;
    let lead_id = about.lead.or(interview.as_ref().map(|i| i.lead));
    let lead: Option<Lead> = lead_id.map(|l| r.load(l.key())).transpose()?;
    let contact_id = match about.contact {
        Some(c) => Some(c),
        None => people_met(r, about)?.first().copied(),
    };
    let contact: Option<Contact> = contact_id.map(|c| r.load(c.key())).transpose()?;
    let next_step = match &interview {
        Some(i) => r
            .load_many::<Debrief>(&r.ix_children(DEBRIEF_BY_INTERVIEW, i.id.key())?)?
            .into_iter()
            .filter(|d| !d.body.next_step.trim().is_empty())
            .max_by_key(|d| d.updated)
            .map(|d| d.body.next_step),
        None => None,
    };
    let settings = r.read_settings()?;
    Ok(MessageFacts {
        person: contact.map(|c| c.details.name),
        company: lead.as_ref().map(|l| l.details.company.clone()),
        role: lead.as_ref().map(|l| l.details.role.clone()),
        interview_day: interview.as_ref().map(|i| i.plan.start.local_date()),
        today: Some(today),
        next_step,
        new_time: about.new_time,
        me: Some(settings.my_name).filter(|n| !n.trim().is_empty()),
    })
}

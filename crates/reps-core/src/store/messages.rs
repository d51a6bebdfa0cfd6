//! Messages from the record: the user's own wording (or Reps'), filled with
//! what the journal knows about the person, the lead and the interview.

use serde::{Deserialize, Serialize};

use super::Journal;
use super::access::Read;
use crate::error::Result;
use crate::id::{ContactId, InterviewId, LeadId};
use crate::rules::messages::{self, MessageFacts, MessageKind, Template};
use crate::time::Stamp;

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

impl Journal {
    /// The template for `kind`: the user's own if they rewrote it, else Reps'.
    pub fn message_template(&self, kind: MessageKind) -> Result<Template> {
        let settings = self.settings()?;
        Ok(settings
            .message_templates
            .get(&kind)
            .cloned()
            .unwrap_or_else(|| messages::default_template(kind)))
    }

    /// Keeps the user's wording for `kind`.
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

    /// The message of `kind` about `about`, filled and ready to edit.
    /// A reschedule about an interview with no time given proposes the
    /// first free time the conflict check finds for it.
    pub fn draft_message(&self, kind: MessageKind, about: &MessageAbout) -> Result<Template> {
        let template = self.message_template(kind)?;
        let mut about = about.clone();
        if let (MessageKind::Reschedule, None, Some(id)) = (kind, about.new_time, about.interview) {
            let interview = self.interview(id)?;
            let (_, suggestion) = self.check_conflicts(&interview.plan, Some(id))?;
            about.new_time = suggestion.map(|r| r.suggested_start);
        }
        let facts = self.message_facts(&about)?;
        Ok(messages::fill(&template, &facts))
    }

    /// The user sent a message of `kind` (Reps never sends): completes the
    /// open follow-up it takes care of — the one about the same interview,
    /// else the same lead, else the same person, soonest due first. Returns
    /// it, or `None` when nothing was waiting.
    pub fn mark_message_sent(
        &self,
        kind: MessageKind,
        about: &MessageAbout,
    ) -> Result<Option<crate::FollowUp>> {
        let Some(follow_up_kind) = messages::completes(kind) else {
            return Ok(None);
        };
        let open: Vec<crate::FollowUp> = self
            .all_follow_ups()?
            .into_iter()
            .filter(|f| f.is_open() && f.kind == follow_up_kind)
            .collect();
        let lead = about.lead.or(about
            .interview
            .map(|i| self.interview(i))
            .transpose()?
            .map(|i| i.lead));
        let matches: [&dyn Fn(&crate::FollowUp) -> bool; 3] = [
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
            Some(f) => self.complete_follow_up(f.id).map(Some),
            None => Ok(None),
        }
    }

    /// What the journal knows for a message about `about`.
    pub fn message_facts(&self, about: &MessageAbout) -> Result<MessageFacts> {
        let interview = about.interview.map(|i| self.interview(i)).transpose()?;
        let lead_id = about.lead.or(interview.as_ref().map(|i| i.lead));
        let lead = lead_id.map(|l| self.lead(l)).transpose()?;
        let contact_id = about.contact.or_else(|| {
            interview
                .as_ref()
                .and_then(|i| i.plan.people.first().copied())
        });
        let contact = contact_id.map(|c| self.contact(c)).transpose()?;
        // the newest promise made in that interview's debriefs
        let next_step = match &interview {
            Some(i) => self
                .debriefs_for_interview(i.id)?
                .into_iter()
                .filter(|d| !d.body.next_step.trim().is_empty())
                .max_by_key(|d| d.updated)
                .map(|d| d.body.next_step),
            None => None,
        };
        let settings = self.settings()?;
        Ok(MessageFacts {
            person: contact.map(|c| c.details.name),
            company: lead.as_ref().map(|l| l.details.company.clone()),
            role: lead.as_ref().map(|l| l.details.role.clone()),
            interview_day: interview.as_ref().map(|i| i.plan.start.local_date()),
            next_step,
            new_time: about.new_time,
            me: Some(settings.my_name).filter(|n| !n.trim().is_empty()),
        })
    }
}

//! Contacts: people met, where they work now and before, and when to get back
//! in touch.

use serde::{Deserialize, Serialize};

use super::Journal;
use super::follow_ups::{self, Planned, keys};
use crate::error::Result;
use std::collections::HashMap;

use crate::id::{ContactId, InterviewId, LeadId};
use crate::rules::followups as due;
use crate::store::tables::{
    CONTACT_BY_COMPANY, FOLLOW_UP_BY_CONTACT, INTERVIEW_BY_CONTACT, INTERVIEW_BY_LEAD,
    LEAD_BY_COMPANY,
};
use crate::store::{Read, Writer};
use crate::wording;
use crate::{Contact, ContactDetails, FollowUp, FollowUpKind, Interview, Lead, Position};

/// "Did I already talk to this company?": everything the journal has on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyHistory {
    /// Earlier and current leads there.
    pub leads: Vec<Lead>,
    /// Interviews for those leads.
    pub interviews: Vec<Interview>,
    /// People who work there now.
    pub contacts: Vec<Contact>,
}

impl CompanyHistory {
    /// Nothing known.
    pub fn is_empty(&self) -> bool {
        self.leads.is_empty() && self.contacts.is_empty()
    }
}

/// Someone met, with the next open keep-in-touch follow-up: a line of the
/// People screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// The contact.
    pub contact: Contact,
    /// When to get back in touch, if planned.
    pub next_touch: Option<FollowUp>,
    /// The interviews they were in, oldest first: the lead and
    /// "Northwind Bikes · Screen interview, 7 Dec".
    pub met_at: Vec<(LeadId, String)>,
}

impl Journal {
    /// Everyone met, oldest first, each with their next open follow-up
    /// (one snapshot): the People screen.
    pub fn people(&self) -> Result<Vec<Person>> {
        self.read(|r| {
            let open: Vec<FollowUp> = r
                .load_all::<FollowUp>()?
                .into_iter()
                .filter(|f| f.is_open())
                .collect();
            let mut interviews: Vec<Interview> = r
                .load_all::<Interview>()?
                .into_iter()
                .filter(|i| !i.plan.people.is_empty())
                .collect();
            interviews.sort_by_key(|i| i.plan.start);
            let mut companies: HashMap<LeadId, String> = HashMap::new();
            for i in &interviews {
                if let std::collections::hash_map::Entry::Vacant(e) = companies.entry(i.lead) {
                    e.insert(r.load::<Lead>(i.lead.key())?.details.company);
                }
            }
            Ok(r.load_all::<Contact>()?
                .into_iter()
                .map(|contact| {
                    let next_touch = open
                        .iter()
                        .filter(|f| f.contact == Some(contact.id))
                        .min_by_key(|f| f.effective_due())
                        .cloned();
                    let met_at = interviews
                        .iter()
                        .filter(|i| i.plan.people.contains(&contact.id))
                        .map(|i| {
                            let company = companies.get(&i.lead).map_or("", String::as_str);
                            (i.lead, wording::met_at(company, i))
                        })
                        .collect();
                    Person {
                        contact,
                        next_touch,
                        met_at,
                    }
                })
                .collect())
        })
    }

    /// Adds a person.
    pub fn add_contact(&self, details: ContactDetails) -> Result<Contact> {
        details.validate()?;
        self.write(|w| new_contact(w, details))
    }

    /// Someone new who was in `interview`: added and marked as met there,
    /// in one transaction (a message about it can then greet them).
    pub fn add_person_met(
        &self,
        interview: InterviewId,
        details: ContactDetails,
    ) -> Result<Contact> {
        details.validate()?;
        self.write(|w| {
            let old: Interview = w.load(interview.key())?;
            let c = new_contact(w, details)?;
            let mut new = old.clone();
            new.plan.people.push(c.id);
            new.updated = w.now;
            w.put(Some(&old), &new)?;
            Ok(c)
        })
    }

    /// Marks a person as in `interview` or not (a tap on their name on the
    /// interview's card).
    pub fn set_met(
        &self,
        interview: InterviewId,
        contact: ContactId,
        met: bool,
    ) -> Result<Interview> {
        self.write(|w| {
            let old: Interview = w.load(interview.key())?;
            // a person must exist to be linked: the id must not dangle
            let _: Contact = w.load(contact.key())?;
            let mut new = old.clone();
            new.plan.people.retain(|c| *c != contact);
            if met {
                new.plan.people.push(contact);
            }
            if new == old {
                return Ok(old);
            }
            new.updated = w.now;
            w.put(Some(&old), &new)?;
            Ok(new)
        })
    }

    /// Edits a person; a new company or role is added to their history.
    pub fn edit_contact(&self, id: ContactId, details: ContactDetails) -> Result<Contact> {
        details.validate()?;
        self.write(|w| {
            let old: Contact = w.load(id.key())?;
            let mut new = old.clone();
            let moved = old.details.company.trim() != details.company.trim()
                || old.details.role.trim() != details.role.trim();
            new.details = details;
            new.updated = w.now;
            if moved {
                new.history.extend(position(w, &new.details));
            }
            w.put(Some(&old), &new)?;
            plan_keep_in_touch(w, &new)?;
            Ok(new)
        })
    }

    /// Forgets a person, in one transaction: they leave the interviews they
    /// were marked in, the follow-ups about them no longer name them (an
    /// open keep-in-touch is dismissed), and their record is removed.
    /// Leads, interviews and debriefs stay as they are.
    pub fn forget_contact(&self, id: ContactId) -> Result<()> {
        self.write(|w| {
            let old: Contact = w.load(id.key())?;
            for k in w.ix_children(INTERVIEW_BY_CONTACT, id.key())? {
                let before: Interview = w.load(k)?;
                let mut after = before.clone();
                after.plan.people.retain(|c| *c != id);
                after.updated = w.now;
                w.put(Some(&before), &after)?;
            }
            for k in w.ix_children(FOLLOW_UP_BY_CONTACT, id.key())? {
                let before: FollowUp = w.load(k)?;
                let mut after = before.clone();
                after.contact = None;
                if after.is_open() && after.kind == FollowUpKind::KeepInTouch {
                    after.state = crate::FollowUpState::Dismissed(w.now);
                }
                after.updated = w.now;
                w.put(Some(&before), &after)?;
            }
            w.remove(&old)
        })
    }

    /// We were in touch today: the keep-in-touch reminder moves on.
    pub fn touch_contact(&self, id: ContactId) -> Result<Contact> {
        self.write(|w| touch(w, id))
    }

    /// One contact.
    pub fn contact(&self, id: ContactId) -> Result<Contact> {
        self.read(|r| r.load(id.key()))
    }

    /// Everyone, oldest first.
    pub fn all_contacts(&self) -> Result<Vec<Contact>> {
        self.read(|r| r.load_all())
    }

    /// Leads, interviews and people at a company (matched on its normalised name).
    pub fn company_history(&self, company: &str) -> Result<CompanyHistory> {
        let key = crate::domain::lead::company_key(company);
        self.read(|r| {
            let leads: Vec<Lead> = r.load_many(&r.ix_named(LEAD_BY_COMPANY, &key)?)?;
            let mut interviews = Vec::new();
            for l in &leads {
                interviews.extend(
                    r.load_many::<Interview>(&r.ix_children(INTERVIEW_BY_LEAD, l.id.key())?)?,
                );
            }
            interviews.sort_by_key(|i| i.plan.start);
            let contacts = r.load_many(&r.ix_named(CONTACT_BY_COMPANY, &key)?)?;
            Ok(CompanyHistory {
                leads,
                interviews,
                contacts,
            })
        })
    }
}

/// A new person, stored, with their keep-in-touch reminder planned.
fn new_contact(w: &Writer<'_>, details: ContactDetails) -> Result<Contact> {
    let history = position(w, &details).into_iter().collect();
    let c = Contact {
        id: ContactId(w.new_id()),
        created: w.now,
        updated: w.now,
        details,
        history,
        last_contact: None,
    };
    w.put(None, &c)?;
    plan_keep_in_touch(w, &c)?;
    Ok(c)
}

fn position(w: &Writer<'_>, d: &ContactDetails) -> Option<Position> {
    (!d.company.trim().is_empty()).then(|| Position {
        company: d.company.trim().to_string(),
        role: d.role.trim().to_string(),
        since: w.now,
    })
}

pub(crate) fn touch(w: &Writer<'_>, id: ContactId) -> Result<Contact> {
    let old: Contact = w.load(id.key())?;
    let mut new = old.clone();
    new.last_contact = Some(w.now);
    new.updated = w.now;
    w.put(Some(&old), &new)?;
    plan_keep_in_touch(w, &new)?;
    Ok(new)
}

fn plan_keep_in_touch(w: &Writer<'_>, c: &Contact) -> Result<()> {
    match due::keep_in_touch_due(c) {
        Some(at) => follow_ups::reschedule(
            w,
            Planned {
                key: keys::keep_in_touch(c.id),
                kind: FollowUpKind::KeepInTouch,
                due: at,
                lead: None,
                interview: None,
                contact: Some(c.id),
            },
        ),
        None => follow_ups::dismiss_rule(w, &keys::keep_in_touch(c.id)),
    }
}

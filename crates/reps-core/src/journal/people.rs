//! Contacts: people met, where they work now and before, and when to get back
//! in touch.

use serde::{Deserialize, Serialize};

use super::Journal;
use super::follow_ups::{self, Planned, keys};
use crate::error::Result;
use crate::id::ContactId;
use crate::rules::followups as due;
use crate::store::tables::{CONTACT_BY_COMPANY, INTERVIEW_BY_LEAD, LEAD_BY_COMPANY};
use crate::store::{Read, Writer};
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
            Ok(r.load_all::<Contact>()?
                .into_iter()
                .map(|contact| {
                    let next_touch = open
                        .iter()
                        .filter(|f| f.contact == Some(contact.id))
                        .min_by_key(|f| f.effective_due())
                        .cloned();
                    Person {
                        contact,
                        next_touch,
                    }
                })
                .collect())
        })
    }

    /// Adds a person.
    pub fn add_contact(&self, details: ContactDetails) -> Result<Contact> {
        details.validate()?;
        self.write(|w| {
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

//! Data in: a backup, a calendar invite, another tracker's spreadsheet.
//! The codecs in [`crate::formats`] parse and validate the bytes; each
//! import here is then one write transaction that checks what the file
//! refers to against the journal and writes all of it, or nothing.

use std::collections::HashSet;

use super::Journal;
use super::interviews::schedule;
use crate::domain::lead::company_key;
use crate::error::{Error, Result};
use crate::formats::backup::{Backup, BackupError, ImportSummary, parse, validate_records};
use crate::formats::ics::{IcsError, Invite};
use crate::id::{ContactId, InterviewId, LeadId, TemplateId};
use crate::store::tables::{INTERVIEW_BY_START, LEAD_BY_COMPANY};
use crate::store::{Read, Record, Writer};
use crate::time::Stamp;
use crate::{
    Card, Checklist, ChecklistTemplate, Contact, Debrief, FollowUp, Interview, InterviewPlan, Lead,
    LeadDetails, Scheduled, Source, Stage, Status,
};

impl Journal {
    /// Imports a backup file's bytes: all of it, or — on any problem — nothing.
    pub fn import_json(&self, bytes: &[u8]) -> Result<ImportSummary> {
        let backup = parse(bytes)?;
        self.import(backup)
    }

    /// Imports an encrypted backup (an age file sealed with a passphrase,
    /// by Reps or by the `age` tool): all of it, or — a wrong passphrase, a
    /// damaged file, any problem with what it holds — nothing.
    pub fn import_sealed(&self, sealed: &[u8], passphrase: &str) -> Result<ImportSummary> {
        let plain = crate::formats::sealed::open(sealed, passphrase)?;
        self.import_json(&plain)
    }

    /// Imports a parsed backup in one transaction.
    pub fn import(&self, backup: Backup) -> Result<ImportSummary> {
        validate_records(&backup)?;
        self.write(|w| {
            check_references(w, &backup)?;
            let mut sum = ImportSummary::default();
            let Backup {
                settings,
                templates,
                leads,
                contacts,
                interviews,
                checklists,
                debriefs,
                follow_ups,
                cards,
                ..
            } = backup;
            merge(w, templates, &mut sum)?;
            merge(w, leads, &mut sum)?;
            merge(w, contacts, &mut sum)?;
            merge(w, interviews, &mut sum)?;
            merge(w, checklists, &mut sum)?;
            merge(w, debriefs, &mut sum)?;
            merge(w, cards, &mut sum)?;
            for mut new in follow_ups {
                let old = w.load_opt::<FollowUp>(new.id.key())?;
                // A rule key held by a different follow-up here stays with it.
                if let Some(k) = &new.rule_key
                    && w.rule_id(k)?.is_some_and(|holder| holder != new.id.key())
                {
                    new.rule_key = None;
                }
                match old {
                    None => {
                        w.put(None, &new)?;
                        sum.added += 1;
                    }
                    Some(old) if new.updated >= old.updated => {
                        if old != new {
                            w.put(Some(&old), &new)?;
                        }
                        sum.replaced += 1;
                    }
                    Some(_) => sum.kept += 1,
                }
            }
            w.put_settings(&settings)?;
            Ok(sum)
        })
    }
}

/// Checks that every reference resolves in the backup or the journal.
fn check_references(w: &Writer<'_>, b: &Backup) -> Result<(), Error> {
    let leads: HashSet<LeadId> = b.leads.iter().map(|l| l.id).collect();
    let contacts: HashSet<ContactId> = b.contacts.iter().map(|c| c.id).collect();
    let interviews: HashSet<InterviewId> = b.interviews.iter().map(|i| i.id).collect();
    let templates: HashSet<TemplateId> = b.templates.iter().map(|t| t.id).collect();
    let dangling =
        |record: String, target: String| Error::Backup(BackupError::Dangling { record, target });
    let lead_ok = |id: LeadId| -> Result<bool> {
        Ok(leads.contains(&id) || w.load_opt::<Lead>(id.key())?.is_some())
    };
    let contact_ok = |id: ContactId| -> Result<bool> {
        Ok(contacts.contains(&id) || w.load_opt::<Contact>(id.key())?.is_some())
    };
    let interview_ok = |id: InterviewId| -> Result<bool> {
        Ok(interviews.contains(&id) || w.load_opt::<Interview>(id.key())?.is_some())
    };
    for i in &b.interviews {
        if !lead_ok(i.lead)? {
            return Err(dangling(
                format!("interview {}", i.id),
                format!("lead {}", i.lead),
            ));
        }
        for c in &i.plan.people {
            if !contact_ok(*c)? {
                return Err(dangling(
                    format!("interview {}", i.id),
                    format!("contact {c}"),
                ));
            }
        }
    }
    for c in &b.checklists {
        if !interview_ok(c.interview)? {
            return Err(dangling(
                format!("checklist of {}", c.interview),
                format!("interview {}", c.interview),
            ));
        }
    }
    for d in &b.debriefs {
        if let Some(i) = d.interview
            && !interview_ok(i)?
        {
            return Err(dangling(
                format!("debrief {}", d.id),
                format!("interview {i}"),
            ));
        }
        if let Some(l) = d.lead
            && !lead_ok(l)?
        {
            return Err(dangling(format!("debrief {}", d.id), format!("lead {l}")));
        }
    }
    for f in &b.follow_ups {
        let record = || format!("follow-up {}", f.id);
        if let Some(l) = f.lead
            && !lead_ok(l)?
        {
            return Err(dangling(record(), format!("lead {l}")));
        }
        if let Some(c) = f.contact
            && !contact_ok(c)?
        {
            return Err(dangling(record(), format!("contact {c}")));
        }
        if let Some(i) = f.interview
            && !interview_ok(i)?
        {
            return Err(dangling(record(), format!("interview {i}")));
        }
    }
    let debriefs: HashSet<crate::DebriefId> = b.debriefs.iter().map(|d| d.id).collect();
    for c in &b.cards {
        if let Some(from) = &c.from
            && !debriefs.contains(&from.debrief)
            && w.load_opt::<crate::Debrief>(from.debrief.key())?.is_none()
        {
            return Err(dangling(
                format!("practice card {}", c.id),
                format!("debrief {}", from.debrief),
            ));
        }
    }
    if let Some(t) = b.settings.default_template
        && !templates.contains(&t)
        && w.load_opt::<ChecklistTemplate>(t.key())?.is_none()
    {
        return Err(dangling("settings".into(), format!("template {t}")));
    }
    Ok(())
}

/// Something with a last-changed time, so the newer version wins on import.
trait Versioned: Record {
    fn updated(&self) -> Stamp;
}

macro_rules! versioned {
    ($($t:ty),*) => {$(
        impl Versioned for $t {
            fn updated(&self) -> Stamp {
                self.updated
            }
        }
    )*};
}
versioned!(
    ChecklistTemplate,
    Lead,
    Contact,
    Interview,
    Checklist,
    Debrief,
    Card
);

fn merge<R: Versioned + PartialEq>(
    w: &Writer<'_>,
    records: Vec<R>,
    sum: &mut ImportSummary,
) -> Result<()> {
    for new in records {
        match w.load_opt::<R>(Record::key(&new))? {
            None => {
                w.put(None, &new)?;
                sum.added += 1;
            }
            Some(old) if new.updated() >= old.updated() => {
                if old != new {
                    w.put(Some(&old), &new)?;
                }
                sum.replaced += 1;
            }
            Some(_) => sum.kept += 1,
        }
    }
    Ok(())
}

impl Journal {
    /// Reads a calendar invite (nothing is written): each event placed in
    /// the journal's zone when it names none, with the leads already at its
    /// company to attach it to (one snapshot).
    pub fn read_invites(&self, text: &str) -> Result<Vec<(Invite, Vec<Lead>)>> {
        let tz = self.now().tz();
        let invites = crate::formats::ics::parse_invites(text)?;
        self.read(|r| {
            invites
                .into_iter()
                .map(|i| {
                    let i = i.in_local_zone(tz);
                    let leads = if i.company.trim().is_empty() {
                        Vec::new()
                    } else {
                        let key = company_key(&i.company);
                        r.load_many(&r.ix_named(LEAD_BY_COMPANY, &key)?)?
                    };
                    Ok((i, leads))
                })
                .collect()
        })
    }

    /// Schedules the interview an invite describes, on `lead`; with `None`,
    /// creates the lead from the invite's company and role first, in the
    /// same transaction (all or nothing).
    ///
    /// An interview already there at the same start — on `lead`, or on a
    /// lead at the same company — is the same one:
    /// [`IcsError::AlreadyInJournal`], nothing written. A cancelling invite
    /// adds nothing ([`IcsError::Cancelled`]). A start with no named zone is
    /// placed in the journal clock's zone (the device's).
    pub fn import_invite(&self, invite: &Invite, lead: Option<LeadId>) -> Result<Scheduled> {
        if invite.cancelled {
            return Err(IcsError::Cancelled.into());
        }
        let invite = invite.in_local_zone(self.now().tz());
        let mut plan = InterviewPlan::new(
            invite.start,
            invite.minutes,
            invite.kind,
            invite.stage.clone().unwrap_or(Stage::Screen),
        );
        plan.place = invite.place.clone();
        plan.video_link = invite.video_link.clone();
        plan.validate()?;
        let target = match lead {
            Some(id) => Target::Lead(id),
            None => {
                let details =
                    LeadDetails::new(invite.company.trim(), invite.role.trim(), Source::Other);
                details.validate()?;
                Target::New(Box::new(details))
            }
        };
        self.write(|w| {
            let lead = match target {
                Target::Lead(id) => {
                    let existing: Lead = w.load(id.key())?;
                    if invite.stage.is_none()
                        && let Some(stage) = existing.stage
                    {
                        // No stage in the title: the next interview of the same stage.
                        plan.stage = stage;
                    }
                    refuse_same_start(w, invite.start, |i, _| i.lead == id)?;
                    id
                }
                Target::New(details) => {
                    let key = company_key(&details.company);
                    refuse_same_start(w, invite.start, |_, l| l.company_key() == key)?;
                    let created = Lead::new(LeadId(w.new_id()), w.now, *details, Status::New);
                    w.put(None, &created)?;
                    created.id
                }
            };
            schedule(w, lead, plan)
        })
    }
}

/// The lead an invite goes to.
enum Target {
    /// One the user picked.
    Lead(LeadId),
    /// A new one, created in the same transaction.
    New(Box<LeadDetails>),
}

/// An interview not cancelled, at exactly `start`, that `same` says is this one.
fn refuse_same_start(
    w: &Writer<'_>,
    start: Stamp,
    same: impl Fn(&Interview, &Lead) -> bool,
) -> Result<()> {
    for key in w.ix_time(INTERVIEW_BY_START, start.millis(), start.millis())? {
        let i: Interview = w.load(key)?;
        let l: Lead = w.load(i.lead.key())?;
        if !i.cancelled && same(&i, &l) {
            return Err(IcsError::AlreadyInJournal { interview: i.id }.into());
        }
    }
    Ok(())
}

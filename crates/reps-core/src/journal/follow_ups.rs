//! Follow-up commands, and the one place where rules' due dates become stored
//! follow-ups (keyed by rule, so nothing is scheduled twice).

use super::Journal;
use crate::error::{Error, Invalid, Problem, Result};
use crate::id::{ContactId, FollowUpId, InterviewId, LeadId};
use crate::store::tables::FOLLOW_UP_BY_LEAD;
use crate::store::{Read, Writer};
use crate::time::Stamp;
use crate::{FollowUp, FollowUpKind, FollowUpState, NewFollowUp};

/// What a rule wants scheduled.
pub(crate) struct Planned {
    pub key: String,
    pub kind: FollowUpKind,
    pub due: Stamp,
    pub lead: Option<LeadId>,
    pub interview: Option<InterviewId>,
    pub contact: Option<ContactId>,
}

/// Creates the follow-up unless the rule already scheduled one (open or not).
pub(crate) fn ensure(w: &Writer<'_>, p: Planned) -> Result<()> {
    if w.rule_id(&p.key)?.is_none() {
        insert(w, p)?;
    }
    Ok(())
}

/// Moves the rule's open follow-up to the new due time, or schedules a fresh
/// one when the previous was already done or dismissed.
pub(crate) fn reschedule(w: &Writer<'_>, p: Planned) -> Result<()> {
    match w.rule_id(&p.key)? {
        Some(key) => {
            let old: FollowUp = w.load(key)?;
            if old.is_open() {
                let mut new = old.clone();
                if old.due != p.due {
                    new.due = p.due;
                    new.snoozed_until = None;
                }
                // The thing it is about may have moved (a debrief attached to an interview).
                new.lead = p.lead;
                new.interview = p.interview;
                new.contact = p.contact;
                if new != old {
                    new.updated = w.now;
                    w.put(Some(&old), &new)?;
                }
            } else {
                // Hand the rule key over to a fresh follow-up; the old one keeps its history.
                let mut retired = old.clone();
                retired.rule_key = None;
                retired.updated = w.now;
                w.put(Some(&old), &retired)?;
                insert_after(w, p, Some(old.id))?;
            }
        }
        None => insert(w, p)?,
    }
    Ok(())
}

/// Dismisses the rule's follow-up if it is still open.
pub(crate) fn dismiss_rule(w: &Writer<'_>, key: &str) -> Result<()> {
    if let Some(k) = w.rule_id(key)? {
        let old: FollowUp = w.load(k)?;
        if old.is_open() {
            let mut new = old.clone();
            new.state = FollowUpState::Dismissed(w.now);
            new.updated = w.now;
            w.put(Some(&old), &new)?;
        }
    }
    Ok(())
}

fn insert(w: &Writer<'_>, p: Planned) -> Result<()> {
    insert_after(w, p, None)
}

/// Schedules the rule's follow-up under an id derived from its rule key
/// and the one it follows (if the rule scheduled before), so two devices
/// planning it offline converge on one follow-up.
fn insert_after(w: &Writer<'_>, p: Planned, after: Option<FollowUpId>) -> Result<()> {
    let rule = match after {
        Some(prev) => format!("{}\nafter {prev}", p.key),
        None => p.key.clone(),
    };
    let id = FollowUpId(crate::id::derived(&rule, p.due));
    let new = NewFollowUp {
        kind: p.kind,
        due: p.due,
        lead: p.lead,
        interview: p.interview,
        contact: p.contact,
        note: String::new(),
    };
    let mut f = open_one(w, new, Some(p.key));
    f.id = id;
    // the same rule planned here before under this id (undone, then
    // planned again): it opens again rather than standing twice
    let old: Option<FollowUp> = w.load_opt(id.key())?;
    w.put(old.as_ref(), &f)
}

/// A new open follow-up made now, by a rule (its key) or by hand (`None`).
fn open_one(w: &Writer<'_>, new: NewFollowUp, rule_key: Option<String>) -> FollowUp {
    FollowUp {
        id: FollowUpId(w.new_id()),
        created: w.now,
        updated: w.now,
        kind: new.kind,
        due: new.due,
        snoozed_until: None,
        state: FollowUpState::Open,
        lead: new.lead,
        interview: new.interview,
        contact: new.contact,
        note: new.note,
        rule_key,
    }
}

/// Rule keys, one function each so their spelling lives in one place.
pub(crate) mod keys {
    use crate::id::{ContactId, DebriefId, InterviewId, LeadId};
    pub fn thank_you(i: InterviewId) -> String {
        format!("thank-you:{i}")
    }
    pub fn check_in(l: LeadId) -> String {
        format!("check-in:{l}")
    }
    /// Start of every "promised reply" key.
    pub const PROMISED_PREFIX: &str = "promised:";
    pub fn promised(d: DebriefId) -> String {
        format!("{PROMISED_PREFIX}{d}")
    }
    pub fn feedback(l: LeadId) -> String {
        format!("feedback:{l}")
    }
    pub fn reapply(l: LeadId) -> String {
        format!("reapply:{l}")
    }
    pub fn reply(l: LeadId) -> String {
        format!("reply:{l}")
    }
    pub fn keep_in_touch(c: ContactId) -> String {
        format!("keep-in-touch:{c}")
    }
}

impl Journal {
    /// Adds a follow-up by hand (e.g. "reply to the recruiter").
    pub fn add_follow_up(&self, new: NewFollowUp) -> Result<FollowUp> {
        new.validate()?;
        self.write(|w| {
            if let Some(l) = new.lead {
                w.load::<crate::Lead>(l.key())?;
            }
            if let Some(i) = new.interview {
                w.load::<crate::Interview>(i.key())?;
            }
            if let Some(c) = new.contact {
                w.load::<crate::Contact>(c.key())?;
            }
            let f = open_one(w, new, None);
            w.put(None, &f)?;
            Ok(f)
        })
    }

    /// Marks a follow-up done. A keep-in-touch also records the contact as
    /// touched and schedules the next one.
    pub fn complete_follow_up(&self, id: FollowUpId) -> Result<FollowUp> {
        self.write(|w| complete(w, id))
    }

    /// Pushes a follow-up to later ("don't wait anxiously").
    pub fn snooze_follow_up(&self, id: FollowUpId, until: Stamp) -> Result<FollowUp> {
        self.write(|w| {
            until.check_field("until")?;
            if until <= w.now {
                return Err(Invalid::new("until", Problem::EndBeforeStart).into());
            }
            let old: FollowUp = w.load(id.key())?;
            if !old.is_open() {
                return Err(Error::NotFound {
                    kind: "open follow-up",
                    id: id.to_string(),
                });
            }
            let mut new = old.clone();
            new.snoozed_until = Some(until);
            new.updated = w.now;
            w.put(Some(&old), &new)?;
            Ok(new)
        })
    }

    /// Pushes a follow-up to nine tomorrow morning, the journal's time zone.
    pub fn snooze_to_tomorrow(&self, id: FollowUpId) -> Result<FollowUp> {
        let until = crate::rules::followups::tomorrow_morning(self.now())?;
        self.snooze_follow_up(id, until)
    }

    /// Pushes a follow-up to nine in the morning of `day` (a later day, at
    /// most a year ahead).
    pub fn snooze_to_morning_of(&self, id: FollowUpId, day: chrono::NaiveDate) -> Result<FollowUp> {
        let until = crate::rules::followups::morning_of(self.now(), day)?;
        self.snooze_follow_up(id, until)
    }

    /// Drops a follow-up that no longer applies.
    pub fn dismiss_follow_up(&self, id: FollowUpId) -> Result<FollowUp> {
        self.write(|w| {
            let old: FollowUp = w.load(id.key())?;
            let mut new = old.clone();
            new.state = FollowUpState::Dismissed(w.now);
            new.updated = w.now;
            w.put(Some(&old), &new)?;
            Ok(new)
        })
    }

    /// One follow-up.
    pub fn follow_up(&self, id: FollowUpId) -> Result<FollowUp> {
        self.read(|r| r.load(id.key()))
    }

    /// Every follow-up of a lead, oldest first.
    pub fn follow_ups_for_lead(&self, lead: LeadId) -> Result<Vec<FollowUp>> {
        self.read(|r| {
            let keys = r.ix_children(FOLLOW_UP_BY_LEAD, lead.key())?;
            r.load_many(&keys)
        })
    }

    /// Every follow-up, oldest first.
    pub fn all_follow_ups(&self) -> Result<Vec<FollowUp>> {
        self.read(|r| r.load_all())
    }
}

/// Points the rule's follow-up at another lead or interview, only if it is still open.
pub(crate) fn relink_open(
    w: &Writer<'_>,
    key: &str,
    lead: Option<LeadId>,
    interview: Option<InterviewId>,
) -> Result<()> {
    if let Some(k) = w.rule_id(key)? {
        let old: FollowUp = w.load(k)?;
        if old.is_open() && (old.lead != lead || old.interview != interview) {
            let mut new = old.clone();
            new.lead = lead;
            new.interview = interview;
            new.updated = w.now;
            w.put(Some(&old), &new)?;
        }
    }
    Ok(())
}

/// Moves the rule's follow-up only if it is still open (a done thank-you stays done).
pub(crate) fn move_open(w: &Writer<'_>, key: &str, due: Stamp) -> Result<()> {
    if let Some(k) = w.rule_id(key)? {
        let old: FollowUp = w.load(k)?;
        if old.is_open() && old.due != due {
            let mut new = old.clone();
            new.due = due;
            new.updated = w.now;
            w.put(Some(&old), &new)?;
        }
    }
    Ok(())
}

/// Marks a follow-up done inside the caller's transaction; keeping in touch
/// with someone also counts as being in touch with them.
pub(crate) fn complete(w: &Writer<'_>, id: FollowUpId) -> Result<FollowUp> {
    let old: FollowUp = w.load(id.key())?;
    let mut new = old.clone();
    new.state = FollowUpState::Done(w.now);
    new.updated = w.now;
    w.put(Some(&old), &new)?;
    if let (FollowUpKind::KeepInTouch, Some(c)) = (new.kind, new.contact) {
        super::people::touch(w, c)?;
    }
    Ok(new)
}

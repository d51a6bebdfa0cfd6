//! The quick capture. A debrief is created empty the moment the capture
//! screen opens and saved whole on every change (one durable commit each), so
//! nothing typed is ever lost. Saving keeps the interview's confidence and the
//! "they promised an answer by…" check-in in step.

use super::Journal;
use super::follow_ups::{self, Planned, keys};
use crate::domain::limits;
use crate::error::{Error, Invalid, Problem, Result};
use crate::id::IdGen;
use crate::id::{DebriefId, InterviewId, ItemId, LeadId};
use crate::inbox::{CaptureInbox, EntryKind, TakenIn};
use crate::journal::shared::Shared;
use crate::rules::followups as due;
use crate::store::tables::{DEBRIEF_BY_INTERVIEW, DEBRIEF_BY_LEAD, INTERVIEW_BY_START};
use crate::store::{Read, Writer};
use crate::time::Stamp;
use crate::{Debrief, DebriefBody, FollowUpKind, Interview, Lead};

impl Journal {
    /// Opens a new, empty debrief; `interview` may be left out and attached later.
    pub fn start_debrief(
        &self,
        interview: Option<InterviewId>,
        lead: Option<LeadId>,
    ) -> Result<Debrief> {
        self.capture_debrief(interview, lead, DebriefBody::default())
    }

    /// Creates a debrief with content in one step (a widget's one-line note).
    pub fn capture_debrief(
        &self,
        interview: Option<InterviewId>,
        lead: Option<LeadId>,
        body: DebriefBody,
    ) -> Result<Debrief> {
        body.validate()?;
        self.write(|w| {
            let lead = resolve_lead(w, interview, lead)?;
            let mut d = Debrief {
                id: DebriefId(w.new_id()),
                created: w.now,
                updated: w.now,
                interview,
                lead,
                body,
            };
            assign_question_ids(w, &mut d.body);
            w.put(None, &d)?;
            after_save(w, None, &d)?;
            Ok(d)
        })
    }

    /// Autosave: replaces the debrief's content. New questions (nil id) get
    /// an id. Its sync document catches up later (`Writer::put_as_typed`).
    pub fn save_debrief(&self, id: DebriefId, body: DebriefBody) -> Result<Debrief> {
        body.validate()?;
        self.write(|w| {
            let old: Debrief = w.load(id.key())?;
            let mut new = old.clone();
            new.body = body;
            new.updated = w.now;
            assign_question_ids(w, &mut new.body);
            w.put_as_typed(&old, &new)?;
            after_save(w, Some(&old), &new)?;
            Ok(new)
        })
    }

    /// Attaches a debrief captured in a hurry to its interview (and that interview's lead).
    pub fn attach_debrief(&self, id: DebriefId, interview: InterviewId) -> Result<Debrief> {
        self.write(|w| {
            let old: Debrief = w.load(id.key())?;
            let mut new = old.clone();
            new.interview = Some(interview);
            new.lead = resolve_lead(w, Some(interview), None)?;
            new.updated = w.now;
            w.put(Some(&old), &new)?;
            after_save(w, Some(&old), &new)?;
            Ok(new)
        })
    }

    /// Marks a question to clarify as answered, or open again.
    pub fn resolve_question(
        &self,
        debrief: DebriefId,
        question: ItemId,
        answered: bool,
    ) -> Result<Debrief> {
        self.write(|w| set_question(w, debrief, question, answered))
    }

    /// One debrief.
    pub fn debrief(&self, id: DebriefId) -> Result<Debrief> {
        self.read(|r| r.load(id.key()))
    }

    /// A lead's debriefs, oldest first.
    pub fn debriefs_for_lead(&self, lead: LeadId) -> Result<Vec<Debrief>> {
        self.read(|r| {
            let keys = r.ix_children(DEBRIEF_BY_LEAD, lead.key())?;
            r.load_many(&keys)
        })
    }

    /// The debriefs written about one interview.
    pub fn debriefs_for_interview(&self, interview: InterviewId) -> Result<Vec<Debrief>> {
        self.read(|r| {
            let keys = r.ix_children(DEBRIEF_BY_INTERVIEW, interview.key())?;
            r.load_many(&keys)
        })
    }

    /// The debrief to put back on the capture screen when it opens again
    /// (after a reload, a crash, the phone killing the app): the newest one,
    /// if [`crate::rules::capture::resumes`] says so — touched within
    /// [`RESUME_WITHIN_MINUTES`] and about the interview the screen is for
    /// (`interview`, else the one that just ended), never another's.
    pub fn draft_to_resume(&self, interview: Option<InterviewId>) -> Result<Option<Debrief>> {
        let now = self.now();
        self.read(|r| {
            let newest: Option<Debrief> = r.load_newest()?;
            let ended = super::interviews::just_ended_at(r, now)?.map(|i| i.id);
            Ok(newest.filter(|d| crate::rules::capture::resumes(d, interview, ended, now)))
        })
    }

    /// Every debrief, oldest first.
    pub fn all_debriefs(&self) -> Result<Vec<Debrief>> {
        self.read(|r| r.load_all())
    }
}

impl Journal {
    /// Creates a debrief under an id chosen elsewhere (a capture taken in
    /// from the inbox, whose file name is its id), written at `at`, in one
    /// write transaction — unless a debrief with that id exists already: then
    /// nothing is written and it answers `false`, so taking the same capture
    /// twice (after a crash between the commit and the file's removal) adds
    /// it once. Without an `interview`, the one that had just ended at `at`
    /// is taken (as [`Journal::just_ended`] does for a capture made now); an
    /// interview no longer in the journal is left out rather than refusing
    /// the note.
    pub(crate) fn capture_once(
        &self,
        id: DebriefId,
        at: Stamp,
        interview: Option<InterviewId>,
        body: DebriefBody,
    ) -> Result<bool> {
        body.validate()?;
        self.write(|w| {
            if w.load_opt::<Debrief>(id.key())?.is_some() {
                return Ok(false);
            }
            let interview = match interview {
                Some(i) => w.load_opt::<Interview>(i.key())?.map(|iv| iv.id),
                None => interview_at(w, at)?,
            };
            let mut d = Debrief {
                id,
                created: at,
                updated: at,
                interview,
                lead: resolve_lead(w, interview, None)?,
                body,
            };
            assign_question_ids(w, &mut d.body);
            w.put(None, &d)?;
            after_save(w, None, &d)?;
            Ok(true)
        })
    }
}

/// The interview a capture made at `at` is most likely about: the latest one
/// started by then (within the day before), not cancelled.
fn interview_at(r: &impl Read, at: Stamp) -> Result<Option<InterviewId>> {
    let from = at.add(-chrono::Duration::days(1))?.millis();
    for k in r
        .ix_time(INTERVIEW_BY_START, from, at.millis())?
        .into_iter()
        .rev()
    {
        let i: Interview = r.load(k)?;
        if !i.cancelled {
            return Ok(Some(i.id));
        }
    }
    Ok(None)
}

pub use crate::rules::capture::RESUME_WITHIN_MINUTES;

/// The lead a debrief belongs to: the interview's, which must agree with any lead given.
fn resolve_lead(
    w: &Writer<'_>,
    interview: Option<InterviewId>,
    lead: Option<LeadId>,
) -> Result<Option<LeadId>> {
    match interview {
        Some(i) => {
            let iv: Interview = w.load(i.key())?;
            if lead.is_some_and(|l| l != iv.lead) {
                return Err(Invalid::new("lead", Problem::Dangling).into());
            }
            Ok(Some(iv.lead))
        }
        None => {
            if let Some(l) = lead {
                w.load::<Lead>(l.key())?;
            }
            Ok(lead)
        }
    }
}

fn assign_question_ids(w: &Writer<'_>, body: &mut DebriefBody) {
    for q in &mut body.questions {
        if q.id.0.is_nil() {
            q.id = ItemId(w.new_id());
        }
    }
}

/// Side effects of a save, touching other tables only when something they
/// depend on changed (so a plain keystroke is a one-table commit).
fn after_save(w: &Writer<'_>, old: Option<&Debrief>, new: &Debrief) -> Result<()> {
    let confidence_changed = old
        .is_none_or(|o| o.body.confidence != new.body.confidence || o.interview != new.interview);
    if let (true, Some(i), Some(c)) = (confidence_changed, new.interview, new.body.confidence) {
        let old_iv: Interview = w.load(i.key())?;
        if old_iv.confidence_after != Some(c) {
            let mut iv = old_iv.clone();
            iv.confidence_after = Some(c);
            iv.updated = w.now;
            w.put(Some(&old_iv), &iv)?;
        }
    }
    let date_changed = old.is_none_or(|o| o.body.next_step_by != new.body.next_step_by);
    // Attached to another company's interview: their promise is a new open question.
    let other_lead = old.is_some_and(|o| o.lead != new.lead);
    let moved = old.is_some_and(|o| o.interview != new.interview);
    let key = keys::promised(new.id);
    match new.body.next_step_by {
        // A new or changed promise: schedule it (afresh if the last one was answered).
        Some(by) if date_changed || other_lead => follow_ups::reschedule(
            w,
            Planned {
                key,
                kind: FollowUpKind::CheckIn,
                due: due::promised_reply_check_in(by, new.created.tz())?,
                lead: new.lead,
                interview: new.interview,
                contact: None,
            },
        )?,
        // Same promise, another interview of the same company: it follows, but an answered one stays answered.
        Some(_) if moved => follow_ups::relink_open(w, &key, new.lead, new.interview)?,
        Some(_) => {}
        None if date_changed => follow_ups::dismiss_rule(w, &key)?,
        None => {}
    }
    // the lead's one check-in: the promise's while it stands, else the usual
    let had = old.is_some_and(|o| o.body.next_step_by.is_some());
    let has = new.body.next_step_by.is_some();
    if had != has || (other_lead && has) {
        let leads = [new.lead, old.and_then(|o| o.lead)];
        for (n, lead) in leads.iter().enumerate() {
            if let Some(l) = lead
                && !leads[..n].contains(lead)
            {
                super::triage::plan_check_in(w, &w.load(l.key())?)?;
            }
        }
    }
    Ok(())
}

pub(crate) fn set_question(
    w: &Writer<'_>,
    debrief: DebriefId,
    question: ItemId,
    answered: bool,
) -> Result<Debrief> {
    let old: Debrief = w.load(debrief.key())?;
    let mut new = old.clone();
    let q = new
        .body
        .questions
        .iter_mut()
        .find(|q| q.id == question)
        .ok_or_else(|| Error::NotFound {
            kind: "question",
            id: question.to_string(),
        })?;
    q.resolved = answered.then_some(w.now);
    new.updated = w.now;
    w.put(Some(&old), &new)?;
    Ok(new)
}

impl Journal {
    /// Takes in every note waiting in `inbox`, oldest first: each becomes a
    /// debrief with the note in its "anything else" field, attached to the
    /// note's interview if it is still in the journal, or else to the
    /// interview that had just ended when the note was written. One write
    /// transaction per note, committed before its file is removed; a note
    /// taken in before is only removed (see the module's notes).
    ///
    /// Call it when the app starts and each time it comes back to the front.
    pub fn take_inbox(&self, inbox: &CaptureInbox) -> Result<TakenIn> {
        let pending = inbox.pending()?;
        let mut taken = TakenIn {
            damaged: pending.damaged.len(),
            ..TakenIn::default()
        };
        for entry in pending.entries {
            if entry.kind == EntryKind::Share {
                match self.add_shared_once(entry.id, entry.at, &entry.text) {
                    Ok(Some(Shared::Added { .. })) => taken.shared += 1,
                    Ok(Some(Shared::AlreadyThere { .. })) => taken.shared_already += 1,
                    Ok(None) => taken.already += 1,
                    // not a posting (a picture shared as text): kept aside, never lost
                    Err(Error::Invalid(_)) => {
                        inbox.set_aside(entry.id)?;
                        taken.damaged += 1;
                        continue;
                    }
                    Err(e) => return Err(e),
                }
                inbox.remove(entry.id)?;
                continue;
            }
            let body = DebriefBody {
                notes: entry.text,
                ..DebriefBody::default()
            };
            if self.capture_once(DebriefId(entry.id), entry.at, entry.interview, body)? {
                taken.added += 1;
            } else {
                taken.already += 1;
            }
            inbox.remove(entry.id)?;
        }
        Ok(taken)
    }
}

impl Journal {
    /// A one-line note made now by a process that holds the journal (a
    /// widget's action while nothing else has it open): the same debrief a
    /// note taken in from the inbox becomes, attached to the interview that
    /// just ended, if any. The text must not be blank.
    pub fn capture_note(&self, text: &str) -> Result<DebriefId> {
        limits::required("notes", text, limits::NOTE)?;
        let now = self.now();
        let id = DebriefId(IdGen::new().next(now));
        let body = DebriefBody {
            notes: text.to_owned(),
            ..DebriefBody::default()
        };
        self.capture_once(id, now, None, body)?;
        Ok(id)
    }
}

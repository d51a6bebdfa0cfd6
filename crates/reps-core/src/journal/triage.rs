//! Lead commands (add, triage, move through the pipeline, undo) and queries.

use serde::{Deserialize, Serialize};

use super::Journal;
use super::follow_ups::{self, Planned, keys};
use super::goes_to::MessageFor;
use crate::error::{Error, Result};
use crate::id::{InterviewId, LeadId};
use crate::rules::messages::MessageKind;
use crate::rules::offers::{self, OfferCheck};
use crate::rules::{followups as due, pass, pipeline};
use crate::store::tables::{CONTACT_BY_COMPANY, INTERVIEW_BY_LEAD, LEAD_BY_COMPANY};
use crate::store::{Read, Writer};
use crate::time::Stamp;
use crate::{
    Contact, Debrief, FollowUpKind, Interview, Lead, LeadDetails, Offer, PassReason, Stage, Status,
    StatusChange,
};

/// A swipe: right, left (with a reason), or up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Take the interview.
    Take,
    /// Pass, with a reason and an optional note.
    Pass {
        /// Why.
        reason: PassReason,
        /// More words, if any.
        note: String,
    },
    /// Need more information before deciding.
    NeedInfo,
}

/// The result of a swipe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decided {
    /// The lead after the decision.
    pub lead: Lead,
    /// For a pass: the rule's view of the reason (a weak one carries a counter-point).
    pub advice: Option<pass::Assessment>,
}

impl Journal {
    /// Adds a new lead to the deck. Someone who reached out is owed a reply.
    pub fn add_lead(&self, details: LeadDetails) -> Result<Lead> {
        details.validate()?;
        self.write(|w| {
            let lead = Lead::new(LeadId(w.new_id()), w.now, details, Status::New);
            w.put(None, &lead)?;
            if due::owes_reply(lead.details.source) {
                let settings = w.read_settings()?;
                follow_ups::ensure(
                    w,
                    Planned {
                        key: keys::reply(lead.id),
                        kind: FollowUpKind::ReplyOwed,
                        due: due::reply_due(lead.created, &settings)?,
                        lead: Some(lead.id),
                        interview: None,
                        contact: None,
                    },
                )?;
            }
            Ok(lead)
        })
    }

    /// Replaces what the user typed about a lead.
    pub fn edit_lead(&self, id: LeadId, details: LeadDetails) -> Result<Lead> {
        details.validate()?;
        self.write(|w| {
            let old: Lead = w.load(id.key())?;
            let mut new = old.clone();
            new.details = details;
            new.unchecked = false;
            new.updated = w.now;
            w.put(Some(&old), &new)?;
            Ok(new)
        })
    }

    /// Triage from the deck. The choice is always the user's: a weak pass
    /// reason is recorded like any other, and the counter-point comes back
    /// so the UI can offer one tap to reconsider.
    pub fn decide(&self, id: LeadId, decision: Decision) -> Result<Decided> {
        let (to, reason, note) = match &decision {
            Decision::Take => (Status::Taking, None, String::new()),
            Decision::Pass { reason, note } => (Status::Passed, Some(*reason), note.clone()),
            Decision::NeedInfo => (Status::Deciding, None, String::new()),
        };
        crate::domain::limits::optional("note", &note, crate::domain::limits::NOTE)?;
        let lead = self.write(|w| {
            let old: Lead = w.load(id.key())?;
            if !pipeline::can_move(old.status, to) {
                return Err(Error::Transition {
                    from: old.status,
                    to,
                });
            }
            let mut new = old.clone();
            // deciding on a shared posting is looking at it: it must name
            // the company and the role by then
            if new.unchecked {
                new.details.validate()?;
                new.unchecked = false;
            }
            apply_status(w, &mut new, change(w, to, None, reason, &note, false))?;
            w.put(Some(&old), &new)?;
            Ok(new)
        })?;
        Ok(Decided {
            lead,
            advice: reason.map(pass::assess),
        })
    }

    /// Moves a lead along the pipeline (a new stage, an offer, a "no", …).
    pub fn move_lead(
        &self,
        id: LeadId,
        to: Status,
        stage: Option<Stage>,
        note: &str,
    ) -> Result<Lead> {
        crate::domain::limits::optional("note", note, crate::domain::limits::NOTE)?;
        self.write(|w| {
            let old: Lead = w.load(id.key())?;
            if !pipeline::can_move(old.status, to) {
                return Err(Error::Transition {
                    from: old.status,
                    to,
                });
            }
            let stage = stage.or_else(|| {
                (to == Status::Interviewing)
                    .then(|| old.stage.clone())
                    .flatten()
            });
            let mut new = old.clone();
            apply_status(w, &mut new, change(w, to, stage, None, note, false))?;
            w.put(Some(&old), &new)?;
            heard_from(w, id)?;
            Ok(new)
        })
    }

    /// Reverts the lead's last decision. The history keeps both entries (it is
    /// the user's proof of their search); one level deep, like a deck's undo.
    pub fn undo_last_decision(&self, id: LeadId) -> Result<Lead> {
        self.write(|w| {
            let old: Lead = w.load(id.key())?;
            let n = old.history.len();
            if n < 2 || old.history[n - 1].undo {
                return Err(Error::NothingToUndo);
            }
            let previous = old.history[n - 2].clone();
            let mut new = old.clone();
            let mut entry = change(
                w,
                previous.status,
                previous.stage,
                previous.reason,
                "",
                true,
            );
            entry.note = "undo".into();
            apply_status(w, &mut new, entry)?;
            w.put(Some(&old), &new)?;
            Ok(new)
        })
    }

    /// They got in touch: silence starts over, the check-in moves out.
    pub fn record_word(&self, id: LeadId) -> Result<Lead> {
        self.write(|w| {
            let old: Lead = w.load(id.key())?;
            let mut new = old.clone();
            new.last_word = Some(w.now);
            new.updated = w.now;
            w.put(Some(&old), &new)?;
            heard_from(w, id)?;
            plan_check_in(w, &new)?;
            Ok(new)
        })
    }

    /// Records or updates the terms of an offer.
    pub fn set_offer(&self, id: LeadId, offer: Offer) -> Result<Lead> {
        validate_offer(&offer)?;
        self.write(|w| {
            let old: Lead = w.load(id.key())?;
            let mut new = old.clone();
            new.offer = Some(offer);
            new.updated = w.now;
            w.put(Some(&old), &new)?;
            Ok(new)
        })
    }

    /// An offer came: the lead moves to "Offer" with the terms it came
    /// with, in one transaction (the move never happens without the terms
    /// the user typed, nor the terms without the move).
    pub fn receive_offer(&self, id: LeadId, offer: Offer) -> Result<Lead> {
        validate_offer(&offer)?;
        self.write(|w| {
            let old: Lead = w.load(id.key())?;
            let mut new = old.clone();
            if old.status != Status::Offer {
                if !pipeline::can_move(old.status, Status::Offer) {
                    return Err(Error::Transition {
                        from: old.status,
                        to: Status::Offer,
                    });
                }
                apply_status(w, &mut new, change(w, Status::Offer, None, None, "", false))?;
            }
            new.offer = Some(offer);
            new.updated = w.now;
            w.put(Some(&old), &new)?;
            heard_from(w, id)?;
            Ok(new)
        })
    }

    /// Everything about one lead (one snapshot): its page.
    pub fn lead_page(&self, id: LeadId) -> Result<LeadPage> {
        let now = self.now();
        self.read(|r| {
            let lead: Lead = r.load(id.key())?;
            let mut interviews: Vec<Interview> =
                r.load_many(&r.ix_children(INTERVIEW_BY_LEAD, id.key())?)?;
            interviews.sort_by_key(|i| i.plan.start);
            let debriefs = super::offers::debriefs_of(r, id)?;
            // those met in its interviews, then others known there (to mark
            // who was in which interview)
            let mut people: Vec<Contact> = Vec::new();
            for c in interviews.iter().flat_map(|i| &i.plan.people) {
                if !people.iter().any(|p| p.id == *c) {
                    people.push(r.load(c.key())?);
                }
            }
            let company = crate::domain::lead::company_key(&lead.details.company);
            for c in r.load_many::<Contact>(&r.ix_named(CONTACT_BY_COMPANY, &company)?)? {
                if !people.iter().any(|p| p.id == c.id) {
                    people.push(c);
                }
            }
            Ok(LeadPage::new(lead, interviews, debriefs, people, now))
        })
    }

    /// The first lead waiting in the deck: something to do instead of
    /// waiting by the phone.
    pub fn next_in_deck(&self) -> Result<Option<Lead>> {
        self.read(|r| Ok(deck_of(r)?.into_iter().next()))
    }

    /// One lead.
    pub fn lead(&self, id: LeadId) -> Result<Lead> {
        self.read(|r| r.load(id.key()))
    }

    /// Every lead, oldest first.
    pub fn all_leads(&self) -> Result<Vec<Lead>> {
        self.read(|r| r.load_all())
    }

    /// Leads with a status, oldest first.
    pub fn leads_with_status(&self, status: Status) -> Result<Vec<Lead>> {
        self.read(|r| {
            let keys = r.ix_status(status.code())?;
            r.load_many(&keys)
        })
    }

    /// The swipe deck: new leads first, oldest first; then those waiting
    /// for more info, the one set aside longest ago first — so a lead just
    /// swiped up goes to the back, never straight back on top.
    pub fn deck(&self) -> Result<Vec<Lead>> {
        self.read(deck_of)
    }

    /// Leads grouped by status, in pipeline order (empty statuses left out).
    pub fn pipeline(&self) -> Result<Vec<(Status, Vec<Lead>)>> {
        self.read(|r| {
            let mut out = Vec::new();
            for s in Status::ALL {
                let keys = r.ix_status(s.code())?;
                if !keys.is_empty() {
                    out.push((s, r.load_many(&keys)?));
                }
            }
            Ok(out)
        })
    }

    /// Leads at a company, by its normalised name.
    pub fn leads_at(&self, company: &str) -> Result<Vec<Lead>> {
        let key = crate::domain::lead::company_key(company);
        self.read(|r| {
            let keys = r.ix_named(LEAD_BY_COMPANY, &key)?;
            r.load_many(&keys)
        })
    }
}

/// The deck in its order (see [`Journal::deck`]).
fn deck_of(r: &impl Read) -> Result<Vec<Lead>> {
    let mut deck: Vec<Lead> = r.load_many(&r.ix_status(Status::New.code())?)?;
    let mut waiting: Vec<Lead> = r.load_many(&r.ix_status(Status::Deciding.code())?)?;
    waiting.sort_by_key(|l| (l.history.last().map(|h| h.at.utc()), l.id));
    deck.extend(waiting);
    Ok(deck)
}

/// One lead with everything hanging off it: what its page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeadPage {
    /// The lead.
    pub lead: Lead,
    /// Its interviews, in time order.
    pub interviews: Vec<Interview>,
    /// Its debriefs.
    pub debriefs: Vec<Debrief>,
    /// People met in its interviews, then others known at the company.
    pub people: Vec<Contact>,
    /// The offer check, while an offer is open.
    pub offer: Option<OfferCheck>,
    /// Red flags seen first-hand, as the page lists them ("High turnover: …").
    pub flags_seen: Vec<String>,
    /// Where the lead can be moved from its page (what the deck does not
    /// offer: reconsidering a pass, and the outcomes).
    pub moves: Vec<LeadMove>,
    /// The messages that fit the lead now, most likely first, each with
    /// what it is about: those that follow an interview only once one was
    /// held (about the latest held), those that move or decline one only
    /// while one is ahead (about the next).
    pub messages: Vec<(MessageKind, MessageFor)>,
    /// Interviews still ahead (not cancelled): the ones that can be moved.
    pub ahead: Vec<InterviewId>,
    /// Interviews held and waiting to hear: the ones an outcome is asked for.
    pub awaiting_outcome: Vec<InterviewId>,
    /// Where each interview stands, in the words of its card, in the order
    /// of `interviews`.
    pub standing: Vec<(InterviewId, String)>,
}

/// A move offered on a lead's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadMove {
    /// The status it moves to.
    pub to: Status,
    /// It closes the lead for good: asked for once more before it is done.
    pub closes: bool,
    /// It asks what came with it before it is done (an offer's terms).
    pub asks_for_terms: bool,
    /// Its button's words.
    pub label: String,
}

impl LeadPage {
    /// The page of `lead` with its records; the choices it offers follow
    /// from the rules.
    pub fn new(
        lead: Lead,
        interviews: Vec<Interview>,
        debriefs: Vec<Debrief>,
        people: Vec<Contact>,
        now: Stamp,
    ) -> Self {
        let offer = (lead.status == Status::Offer).then(|| offers::check(&lead, &debriefs));
        let flags_seen = offers::red_flags(lead.id, &debriefs)
            .0
            .into_iter()
            .map(|f| {
                let label = crate::wording::red_flag(f.kind);
                if f.detail.is_empty() {
                    label.to_string()
                } else {
                    format!("{label}: {}", f.detail)
                }
            })
            .collect();
        let moves = Status::ALL
            .into_iter()
            .filter(|s| pipeline::can_move(lead.status, *s) && *s != lead.status)
            .filter(|s| {
                let reconsider = *s == Status::Taking && lead.status == Status::Passed;
                reconsider
                    || matches!(
                        s,
                        Status::Offer
                            | Status::Rejected
                            | Status::Ghosted
                            | Status::Withdrew
                            | Status::Accepted
                            | Status::Declined
                    )
            })
            .map(|to| LeadMove {
                to,
                closes: pipeline::is_final(to),
                asks_for_terms: to == Status::Offer,
                label: crate::wording::lead_move(lead.status, to).to_string(),
            })
            .collect();
        let live = || interviews.iter().filter(|i| !i.cancelled);
        let ahead: Vec<InterviewId> = live()
            .filter(|i| i.plan.end() > now)
            .map(|i| i.id)
            .collect();
        let standings: Vec<(InterviewId, pipeline::InterviewStanding)> = interviews
            .iter()
            .map(|i| {
                let later = live().any(|o| o.id != i.id && o.plan.start > i.plan.start);
                (
                    i.id,
                    pipeline::interview_standing(i, lead.status, later, now),
                )
            })
            .collect();
        let awaiting_outcome: Vec<InterviewId> = standings
            .iter()
            .filter(|(_, s)| *s == pipeline::InterviewStanding::WaitingToHear)
            .map(|(i, _)| *i)
            .collect();
        let standing = standings
            .iter()
            .map(|(i, s)| (*i, crate::wording::interview_standing(*s).to_string()))
            .collect();
        let last_held = live()
            .filter(|i| i.is_held(now))
            .max_by_key(|i| i.plan.start.utc())
            .map(|i| i.id);
        let next = live()
            .filter(|i| i.plan.end() > now)
            .min_by_key(|i| i.plan.start.utc())
            .map(|i| i.id);
        let messages = crate::rules::messages::fitting(lead.status)
            .iter()
            .filter_map(|&kind| {
                let about = match kind {
                    // no need to check in while an interview is ahead
                    MessageKind::CheckIn if next.is_some() => return None,
                    MessageKind::ThankYou | MessageKind::CheckIn | MessageKind::AskFeedback => {
                        match (kind, last_held) {
                            (_, Some(i)) => MessageFor::Interview(i),
                            // a check-in or asking for feedback can be about the lead itself
                            (MessageKind::CheckIn | MessageKind::AskFeedback, None) => {
                                MessageFor::Lead(lead.id)
                            }
                            _ => return None,
                        }
                    }
                    MessageKind::Reschedule | MessageKind::DeclineInterview => {
                        MessageFor::Interview(next?)
                    }
                    _ => MessageFor::Lead(lead.id),
                };
                Some((kind, about))
            })
            .collect();
        Self {
            lead,
            interviews,
            debriefs,
            people,
            offer,
            flags_seen,
            moves,
            messages,
            ahead,
            awaiting_outcome,
            standing,
        }
    }
}

/// A history entry stamped with the transaction's time.
fn change(
    w: &Writer<'_>,
    status: Status,
    stage: Option<Stage>,
    reason: Option<PassReason>,
    note: &str,
    undo: bool,
) -> StatusChange {
    StatusChange {
        at: w.now,
        status,
        stage,
        reason,
        note: note.to_string(),
        undo,
    }
}

/// Applies a status change and the follow-ups the advice ties to it.
pub(crate) fn apply_status(w: &Writer<'_>, lead: &mut Lead, entry: StatusChange) -> Result<()> {
    lead.status = entry.status;
    lead.stage = entry.stage.clone();
    lead.updated = w.now;
    lead.history.push(entry);
    plan_for_status(w, lead)
}

/// The follow-ups the advice ties to the lead's status: asked for when it
/// arrives at it, dismissed when it leaves. Also run when a merge with
/// another device's journal moved the lead.
pub(crate) fn plan_for_status(w: &Writer<'_>, lead: &Lead) -> Result<()> {
    let settings = w.read_settings()?;
    let to = lead.status;

    if to == Status::Rejected {
        follow_ups::ensure(
            w,
            Planned {
                key: keys::feedback(lead.id),
                kind: FollowUpKind::FeedbackRequest,
                due: due::feedback_due(w.now, &settings)?,
                lead: Some(lead.id),
                interview: None,
                contact: None,
            },
        )?;
    } else {
        follow_ups::dismiss_rule(w, &keys::feedback(lead.id))?;
    }
    if due::wants_reapply(lead) {
        follow_ups::ensure(
            w,
            Planned {
                key: keys::reapply(lead.id),
                kind: FollowUpKind::Reapply,
                due: due::reapply_due(w.now, &settings)?,
                lead: Some(lead.id),
                interview: None,
                contact: None,
            },
        )?;
    } else {
        follow_ups::dismiss_rule(w, &keys::reapply(lead.id))?;
    }
    if to.awaits_word() {
        plan_check_in(w, lead)?;
    } else {
        follow_ups::dismiss_rule(w, &keys::check_in(lead.id))?;
    }
    Ok(())
}

/// A word from the company answers any "they promised to reply by…" check-in;
/// the lead's usual check-in takes over again.
pub(crate) fn heard_from(w: &Writer<'_>, lead: LeadId) -> Result<()> {
    let l: Lead = w.load(lead.key())?;
    answer_reply(w, &l)?;
    let mut answered = false;
    for f in open_promises(w, lead)? {
        follow_ups::dismiss_rule(w, f.rule_key.as_deref().unwrap_or_default())?;
        answered = true;
    }
    if answered {
        plan_check_in(w, &l)?;
    }
    Ok(())
}

/// The open "they promised to reply by…" check-ins of a lead.
fn open_promises(w: &Writer<'_>, lead: LeadId) -> Result<Vec<crate::FollowUp>> {
    let mut out = Vec::new();
    for k in w.ix_children(crate::store::tables::FOLLOW_UP_BY_LEAD, lead.key())? {
        let f: crate::FollowUp = w.load(k)?;
        if f.is_open()
            && f.rule_key
                .as_deref()
                .is_some_and(|r| r.starts_with(keys::PROMISED_PREFIX))
        {
            out.push(f);
        }
    }
    Ok(out)
}

/// Whether the lead has a promise check-in open.
pub(crate) fn promise_open(w: &Writer<'_>, lead: LeadId) -> Result<bool> {
    Ok(!open_promises(w, lead)?.is_empty())
}

/// Being in touch about `lead` answers the reply owed to whoever brought it
/// ([`due::contact_answers_reply`]): the open reply follow-up is done.
pub(crate) fn answer_reply(w: &Writer<'_>, lead: &Lead) -> Result<()> {
    if !due::contact_answers_reply(lead.status) {
        return Ok(());
    }
    if let Some(k) = w.rule_id(&keys::reply(lead.id))? {
        let f: crate::FollowUp = w.load(k)?;
        if f.is_open() {
            follow_ups::complete(w, f.id)?;
        }
    }
    Ok(())
}

/// Keeps the lead's one check-in at "silence + N days". While they promised
/// an answer by a date (a debrief's "by when"), that promise's check-in is
/// the lead's one check-in, so two never stand side by side.
pub(crate) fn plan_check_in(w: &Writer<'_>, lead: &Lead) -> Result<()> {
    if !lead.status.awaits_word() {
        return Ok(());
    }
    if promise_open(w, lead.id)? {
        return follow_ups::dismiss_rule(w, &keys::check_in(lead.id));
    }
    let settings = w.read_settings()?;
    let keys_ = w.ix_children(INTERVIEW_BY_LEAD, lead.id.key())?;
    let interviews: Vec<Interview> = w.load_many(&keys_)?;
    let since = due::silence_since(
        lead,
        interviews
            .iter()
            .filter(|i| !i.cancelled)
            .map(|i| i.plan.end()),
    );
    follow_ups::reschedule(
        w,
        Planned {
            key: keys::check_in(lead.id),
            kind: FollowUpKind::CheckIn,
            due: due::check_in_due(since, &settings)?,
            lead: Some(lead.id),
            interview: None,
            contact: None,
        },
    )
}

/// An offer's pay, dates and terms, checked by field before anything is written.
fn validate_offer(offer: &Offer) -> Result<()> {
    if let Some(pay) = &offer.pay {
        pay.validate("pay")?;
    }
    for (field, at) in [
        ("received", offer.received),
        ("respond_by", offer.respond_by),
    ] {
        if let Some(at) = at {
            at.check_field(field)?;
        }
    }
    crate::domain::limits::optional("terms", &offer.terms, crate::domain::limits::NOTE)?;
    Ok(())
}

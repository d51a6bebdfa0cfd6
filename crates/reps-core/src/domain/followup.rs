//! Follow-ups: the small acts that keep a search moving (thank people, check
//! in, ask for feedback, keep in touch) with a due time, done or snoozed.

use serde::{Deserialize, Serialize};

use super::limits;
use crate::error::Invalid;
use crate::id::{ContactId, FollowUpId, InterviewId, LeadId};
use crate::time::Stamp;

/// What kind of follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpKind {
    /// Thank the interviewers, the same day.
    ThankYou,
    /// Ask politely where things stand after a silence.
    CheckIn,
    /// Ask for feedback after a "no".
    FeedbackRequest,
    /// Apply again to a dream company after a while.
    Reapply,
    /// Stay in touch with a contact.
    KeepInTouch,
    /// I owe someone an answer.
    ReplyOwed,
}

/// Whether it still needs doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "state", content = "at")]
pub enum FollowUpState {
    /// Still to do.
    Open,
    /// Done at that time.
    Done(Stamp),
    /// No longer relevant (the lead closed, the user dismissed it).
    Dismissed(Stamp),
}

/// A follow-up to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    /// Identity.
    pub id: FollowUpId,
    /// When created.
    pub created: Stamp,
    /// When last changed.
    pub updated: Stamp,
    /// What to do.
    pub kind: FollowUpKind,
    /// When it is due.
    pub due: Stamp,
    /// Pushed to later ("don't wait anxiously").
    pub snoozed_until: Option<Stamp>,
    /// Open, done or dismissed.
    pub state: FollowUpState,
    /// The lead it concerns.
    pub lead: Option<LeadId>,
    /// The interview it concerns.
    pub interview: Option<InterviewId>,
    /// The person it concerns.
    pub contact: Option<ContactId>,
    /// A free note.
    #[serde(default)]
    pub note: String,
    /// Set on follow-ups the rules schedule, so a rule never schedules the same thing twice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_key: Option<String>,
}

impl FollowUp {
    /// When it shows up as due: its due time, or later if snoozed.
    pub fn effective_due(&self) -> Stamp {
        self.snoozed_until.map_or(self.due, |s| s.max(self.due))
    }

    /// Still to do.
    pub fn is_open(&self) -> bool {
        self.state == FollowUpState::Open
    }
}

/// A follow-up the user adds by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewFollowUp {
    /// What to do.
    pub kind: FollowUpKind,
    /// When.
    pub due: Stamp,
    /// The lead it concerns.
    pub lead: Option<LeadId>,
    /// The interview it concerns.
    pub interview: Option<InterviewId>,
    /// The person it concerns.
    pub contact: Option<ContactId>,
    /// A note.
    pub note: String,
}

impl NewFollowUp {
    /// Checks sizes.
    pub fn validate(&self) -> Result<(), Invalid> {
        self.due.check_field("due")?;
        limits::optional("note", &self.note, limits::NOTE)
    }
}

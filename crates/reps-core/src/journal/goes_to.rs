//! Where a row, a reminder or a widget line leads: the screen that deals with
//! it, and the `reps://` link that opens that screen from outside the app
//! (a notification, a widget, a shortcut). Defined once here, so the app's
//! router, the uniffi records and the widget snapshot can never disagree.
//!
//! Links: `reps://today`, `reps://capture`, `reps://capture/<interview id>`,
//! `reps://prep/<interview id>` (its checklist), `reps://lead/<lead id>`,
//! `reps://message/<kind>/<interview|lead|contact>-<id>`, `reps://practice`,
//! `reps://practice/<interview id>` (the cards that suit it).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::id::{ContactId, DebriefId, InterviewId, LeadId};
use crate::rules::messages::{self, MessageKind};
use crate::{FollowUp, FollowUpKind};

use super::MessageAbout;

/// The scheme, as registered in the Android manifest and the iOS Info.plist.
pub const SCHEME: &str = "reps";

/// Who or what a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MessageFor {
    /// An interview (its lead and first person come with it).
    Interview(InterviewId),
    /// A lead.
    Lead(LeadId),
    /// A person.
    Contact(ContactId),
}

impl MessageFor {
    /// The journal's question for the message.
    pub fn about(self) -> MessageAbout {
        let mut about = MessageAbout::default();
        match self {
            MessageFor::Interview(i) => about.interview = Some(i),
            MessageFor::Lead(l) => about.lead = Some(l),
            MessageFor::Contact(c) => about.contact = Some(c),
        }
        about
    }
}

impl fmt::Display for MessageFor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MessageFor::Interview(i) => write!(f, "interview-{i}"),
            MessageFor::Lead(l) => write!(f, "lead-{l}"),
            MessageFor::Contact(c) => write!(f, "contact-{c}"),
        }
    }
}

impl FromStr for MessageFor {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("not a message subject: {s:?}");
        let (kind, id) = s.split_once('-').ok_or_else(bad)?;
        match kind {
            "interview" => id.parse().map(MessageFor::Interview).map_err(|_| bad()),
            "lead" => id.parse().map(MessageFor::Lead).map_err(|_| bad()),
            "contact" => id.parse().map(MessageFor::Contact).map_err(|_| bad()),
            _ => Err(bad()),
        }
    }
}

/// The screen that deals with something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GoesTo {
    /// The Today list.
    Today,
    /// Quick capture, about an interview when one is known.
    Capture(Option<InterviewId>),
    /// An interview's checklist.
    Checklist(InterviewId),
    /// A lead's page.
    Lead(LeadId),
    /// A message ready to write.
    Message(MessageKind, MessageFor),
    /// A debrief, whole, to read and edit.
    Debrief(DebriefId),
    /// The people list.
    People,
    /// Practice: the cards due, or those that suit an interview coming up.
    Practice(Option<InterviewId>),
    /// Every practice card, with when each comes back.
    Cards,
}

impl GoesTo {
    /// Where a follow-up is dealt with: the message that takes care of it,
    /// a lead's page for applying again or replying, else Today.
    pub fn for_follow_up(f: &FollowUp) -> Self {
        match (message_for(f), f.kind, f.lead) {
            (Some((kind, about)), _, _) => GoesTo::Message(kind, about),
            (None, FollowUpKind::Reapply | FollowUpKind::ReplyOwed, Some(lead)) => {
                GoesTo::Lead(lead)
            }
            _ => GoesTo::Today,
        }
    }

    /// The `reps://` link that opens it.
    pub fn link(&self) -> String {
        match self {
            GoesTo::Today => format!("{SCHEME}://today"),
            GoesTo::Capture(None) => format!("{SCHEME}://capture"),
            GoesTo::Capture(Some(i)) => format!("{SCHEME}://capture/{i}"),
            GoesTo::Checklist(i) => format!("{SCHEME}://prep/{i}"),
            GoesTo::Lead(l) => format!("{SCHEME}://lead/{l}"),
            GoesTo::Message(kind, about) => format!("{SCHEME}://message/{kind}/{about}"),
            GoesTo::Debrief(d) => format!("{SCHEME}://debrief/{d}"),
            GoesTo::People => format!("{SCHEME}://people"),
            GoesTo::Practice(None) => format!("{SCHEME}://practice"),
            GoesTo::Practice(Some(i)) => format!("{SCHEME}://practice/{i}"),
            GoesTo::Cards => format!("{SCHEME}://cards"),
        }
    }

    /// The screen a link names; `None` when it is not one of [`GoesTo::link`]'s.
    pub fn from_link(link: &str) -> Option<Self> {
        let rest = link.trim().strip_prefix(SCHEME)?.strip_prefix("://")?;
        // a query or fragment carries nothing Reps reads
        let rest = rest.split(['?', '#']).next().unwrap_or_default();
        let parts: Vec<&str> = rest.trim_matches('/').split('/').collect();
        match parts.as_slice() {
            [""] | ["today"] => Some(GoesTo::Today),
            ["capture"] => Some(GoesTo::Capture(None)),
            ["capture", id] => id.parse().ok().map(|i| GoesTo::Capture(Some(i))),
            ["prep", id] => id.parse().ok().map(GoesTo::Checklist),
            ["lead", id] | ["leads", id] => id.parse().ok().map(GoesTo::Lead),
            ["debrief", id] => id.parse().ok().map(GoesTo::Debrief),
            ["people"] => Some(GoesTo::People),
            ["practice"] => Some(GoesTo::Practice(None)),
            ["cards"] => Some(GoesTo::Cards),
            ["practice", id] => id.parse().ok().map(|i| GoesTo::Practice(Some(i))),
            ["message", kind, about] => {
                Some(GoesTo::Message(kind.parse().ok()?, about.parse().ok()?))
            }
            _ => None,
        }
    }
}

/// The message that takes care of a follow-up, and who it is about.
pub fn message_for(f: &FollowUp) -> Option<(MessageKind, MessageFor)> {
    let kind = messages::answers(f.kind)?;
    let about = match (f.interview, f.lead, f.contact) {
        (Some(i), _, _) => MessageFor::Interview(i),
        (None, Some(l), _) => MessageFor::Lead(l),
        (None, None, Some(c)) => MessageFor::Contact(c),
        (None, None, None) => return None,
    };
    Some((kind, about))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_destination_reads_back_from_its_link() {
        let iv = InterviewId(uuid::Uuid::now_v7());
        let lead = LeadId(uuid::Uuid::now_v7());
        let c = ContactId(uuid::Uuid::now_v7());
        for to in [
            GoesTo::Today,
            GoesTo::Capture(None),
            GoesTo::Capture(Some(iv)),
            GoesTo::Checklist(iv),
            GoesTo::Lead(lead),
            GoesTo::Debrief(crate::id::DebriefId(uuid::Uuid::now_v7())),
            GoesTo::People,
            GoesTo::Practice(None),
            GoesTo::Practice(Some(iv)),
            GoesTo::Cards,
            GoesTo::Message(MessageKind::ThankYou, MessageFor::Interview(iv)),
            GoesTo::Message(MessageKind::StayInTouch, MessageFor::Contact(c)),
            GoesTo::Message(MessageKind::CheckIn, MessageFor::Lead(lead)),
        ] {
            assert_eq!(GoesTo::from_link(&to.link()), Some(to), "{}", to.link());
        }
        assert_eq!(
            GoesTo::Message(MessageKind::ThankYou, MessageFor::Interview(iv)).link(),
            format!("reps://message/thank-you/interview-{iv}")
        );
        assert_eq!(GoesTo::from_link("https://example.com"), None);
        assert!("interview-nope".parse::<MessageFor>().is_err());
        assert!("boss-123".parse::<MessageFor>().is_err());
        assert_eq!(GoesTo::from_link("reps://prep/not-an-id"), None);
    }
}

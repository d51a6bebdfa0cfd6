//! The messages the advice asks for: thank people, reschedule instead of
//! cancelling, decline politely, never ghost, ask for feedback, stay in touch.
//!
//! Reps never sends anything. It fills a template from the record, the user
//! edits the text and copies or shares it. A template is plain text with
//! `{placeholders}` and optional `[segments]`: a segment is left out whole
//! when a placeholder inside it has nothing to say, so a message reads well
//! whatever the record is missing. Outside a segment, a missing value falls
//! back to a neutral word ("Hi there,").

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::time::Stamp;

/// Which message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum MessageKind {
    /// The same day as an interview.
    ThankYou,
    /// Two interviews collide: ask to move the new one, never cancel.
    Reschedule,
    /// Saying no to an interview.
    DeclineInterview,
    /// Saying yes to an offer, and asking what comes next.
    AcceptOffer,
    /// Saying no to an offer.
    DeclineOffer,
    /// Leaving a process that is under way.
    Withdraw,
    /// After a no: thank them and ask what would have made the difference.
    AskFeedback,
    /// Keeping a door open with someone met.
    StayInTouch,
    /// A week of silence after an interview.
    CheckIn,
}

impl MessageKind {
    /// Every kind, in the order a screen lists them.
    pub const ALL: [MessageKind; 9] = [
        MessageKind::ThankYou,
        MessageKind::CheckIn,
        MessageKind::Reschedule,
        MessageKind::AskFeedback,
        MessageKind::StayInTouch,
        MessageKind::DeclineInterview,
        MessageKind::AcceptOffer,
        MessageKind::DeclineOffer,
        MessageKind::Withdraw,
    ];
}

impl MessageKind {
    /// A short stable name, for links and files (`thank-you`).
    pub fn slug(self) -> &'static str {
        match self {
            MessageKind::ThankYou => "thank-you",
            MessageKind::Reschedule => "reschedule",
            MessageKind::DeclineInterview => "decline-interview",
            MessageKind::AcceptOffer => "accept-offer",
            MessageKind::DeclineOffer => "decline-offer",
            MessageKind::Withdraw => "withdraw",
            MessageKind::AskFeedback => "ask-feedback",
            MessageKind::StayInTouch => "stay-in-touch",
            MessageKind::CheckIn => "check-in",
        }
    }
}

impl std::fmt::Display for MessageKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.slug())
    }
}

impl std::str::FromStr for MessageKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        MessageKind::ALL
            .into_iter()
            .find(|k| k.slug() == s)
            .ok_or_else(|| format!("no message called {s:?}"))
    }
}

/// The messages that fit a lead at `status`, most likely first: what a
/// person in that spot usually has to write.
pub fn fitting(status: crate::Status) -> &'static [MessageKind] {
    use crate::Status as S;
    use MessageKind as M;
    match status {
        S::New | S::Deciding => &[M::DeclineInterview],
        S::Taking => &[M::Reschedule, M::DeclineInterview, M::Withdraw],
        S::Interviewing => &[M::ThankYou, M::CheckIn, M::Reschedule, M::Withdraw],
        S::Offer => &[M::AcceptOffer, M::DeclineOffer, M::CheckIn],
        S::Rejected => &[M::AskFeedback, M::StayInTouch],
        S::Ghosted => &[M::CheckIn, M::StayInTouch],
        S::Passed | S::Accepted | S::Declined | S::Withdrew => &[M::StayInTouch],
    }
}

/// The message that takes care of a follow-up of `kind`, if one does (the
/// other way round from [`completes`]; a reply owed can be a yes or a no,
/// and applying again is not a message, so those have none).
pub fn answers(kind: crate::FollowUpKind) -> Option<MessageKind> {
    use crate::FollowUpKind as F;
    match kind {
        F::ThankYou => Some(MessageKind::ThankYou),
        F::CheckIn => Some(MessageKind::CheckIn),
        F::FeedbackRequest => Some(MessageKind::AskFeedback),
        F::KeepInTouch => Some(MessageKind::StayInTouch),
        F::Reapply | F::ReplyOwed => None,
    }
}

/// The follow-up that sending a message of `kind` takes care of, if any:
/// a thank-you answers the thank-you follow-up, a decline the answer owed.
pub fn completes(kind: MessageKind) -> Option<crate::FollowUpKind> {
    use crate::FollowUpKind as F;
    match kind {
        MessageKind::ThankYou => Some(F::ThankYou),
        MessageKind::CheckIn => Some(F::CheckIn),
        MessageKind::AskFeedback => Some(F::FeedbackRequest),
        MessageKind::StayInTouch => Some(F::KeepInTouch),
        MessageKind::DeclineInterview | MessageKind::DeclineOffer => Some(F::ReplyOwed),
        MessageKind::Reschedule | MessageKind::Withdraw | MessageKind::AcceptOffer => None,
    }
}

/// The answer a message gives, once it is sent: the lead's final status.
/// Writing it decides nothing (the user may only want to see the wording);
/// marking it sent does.
pub fn decides(kind: MessageKind) -> Option<crate::Status> {
    match kind {
        MessageKind::AcceptOffer => Some(crate::Status::Accepted),
        MessageKind::DeclineOffer => Some(crate::Status::Declined),
        MessageKind::Withdraw => Some(crate::Status::Withdrew),
        _ => None,
    }
}

/// A message before or after filling: a subject line and a body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    /// Subject line (for mail; chat messages use the body only).
    pub subject: String,
    /// The text.
    pub body: String,
}

/// What the record knows for a message; any of it may be missing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageFacts {
    /// The person written to (first name or full name, as typed).
    pub person: Option<String>,
    /// Their company.
    pub company: Option<String>,
    /// The role applied for.
    pub role: Option<String>,
    /// The day of the interview.
    pub interview_day: Option<NaiveDate>,
    /// The day the message is written (so an interview today reads "today").
    #[serde(default)]
    pub today: Option<NaiveDate>,
    /// What they said would happen next ("a call by Friday").
    pub next_step: Option<String>,
    /// A new time to propose (reschedule).
    pub new_time: Option<Stamp>,
    /// The user's own name, to sign with.
    pub me: Option<String>,
}

/// The placeholders a template may use, for an editor to offer.
pub const PLACEHOLDERS: [&str; 8] = [
    "name",
    "company",
    "role",
    "when",
    "date",
    "next_step",
    "new_time",
    "me",
];

/// The template Reps starts with for `kind`, in its own words.
pub fn default_template(kind: MessageKind) -> Template {
    let (subject, body) = match kind {
        MessageKind::ThankYou => (
            "Thank you[ — {role}]",
            "Hi {name},\n\nThank you for your time[ {when}]. I enjoyed learning more about the {role} role[ at {company}], and our conversation left me even more interested. I look forward to hearing about the next steps.\n\nBest regards,[\n{me}]",
        ),
        MessageKind::CheckIn => (
            "Checking in[ on the {role} role]",
            "Hi {name},\n\nI hope your week is going well. I wanted to check in on the {role} role[ after our conversation {when}]. I am still very interested, and happy to send anything else you need from me.\n\nBest regards,[\n{me}]",
        ),
        MessageKind::Reschedule => (
            "Could we move our interview?",
            "Hi {name},\n\nThank you for inviting me to interview for the {role} role[ at {company}]. I already have a commitment at that time and do not want to give you less than my full attention.[ Would {new_time} work for you instead?] I am happy to fit around your calendar.\n\nBest regards,[\n{me}]",
        ),
        MessageKind::AskFeedback => (
            "Thank you[ — {role}]",
            "Hi {name},\n\nThank you for letting me know, and for the time you and the team gave me[ {when}]. If you can share it, I would value a line on what would have made my application stronger; it will help me in my next interviews.\n\nI would be glad to stay in touch[ with {company}].\n\nBest regards,[\n{me}]",
        ),
        MessageKind::StayInTouch => (
            "Hello again",
            "Hi {name},\n\nIt has been a while since we spoke[ about the {role} role]. I wanted to say hello and share how my search is going. If there is ever a good moment for a coffee or a call, I would enjoy catching up.\n\nBest regards,[\n{me}]",
        ),
        MessageKind::DeclineInterview => (
            "Your invitation[ — {role}]",
            "Hi {name},\n\nThank you for the invitation to interview for the {role} role[ at {company}]. After some thought I have decided not to go further at this time. I appreciate your interest, and I hope our paths cross again.\n\nBest regards,[\n{me}]",
        ),
        MessageKind::AcceptOffer => (
            "Accepting your offer[ — {role}]",
            "Hi {name},\n\nThank you for the offer for the {role} role[ at {company}]. I am happy to accept it. Could you let me know what you need from me next, and who I should be in touch with before my first day?\n\nI am looking forward to working with you.\n\nBest regards,[\n{me}]",
        ),
        MessageKind::DeclineOffer => (
            "Your offer[ — {role}]",
            "Hi {name},\n\nThank you for the offer for the {role} role[ at {company}], and for the care you took throughout the process. After weighing it carefully I have decided to decline. This was not an easy decision, and I would be glad to stay in touch.\n\nBest regards,[\n{me}]",
        ),
        MessageKind::Withdraw => (
            "Withdrawing my application[ — {role}]",
            "Hi {name},\n\nThank you for considering me for the {role} role[ at {company}]. I am writing to withdraw my application, so that you can plan without me. I am grateful for the time you gave me and hope we can stay in touch.\n\nBest regards,[\n{me}]",
        ),
    };
    Template {
        subject: subject.to_string(),
        body: body.to_string(),
    }
}

impl Template {
    /// Checks the sizes a user-edited template may have.
    pub fn validate(&self) -> Result<(), crate::error::Invalid> {
        use crate::domain::limits;
        limits::optional("subject", &self.subject, limits::SHORT)?;
        limits::required("body", &self.body, limits::NOTE)
    }
}

/// Fills `template` with `facts`.
pub fn fill(template: &Template, facts: &MessageFacts) -> Template {
    Template {
        subject: fill_text(&template.subject, facts),
        body: fill_text(&template.body, facts),
    }
}

/// How a person is greeted: by their first name, as a message to someone
/// just met reads ("Hi Maya," not "Hi Maya Chen,"). A title ("Dr", "Ms")
/// keeps the family name with it: "Hi Dr Chen,".
pub fn first_name(full: &str) -> String {
    const TITLES: [&str; 10] = [
        "dr", "dr.", "prof", "prof.", "mr", "mr.", "ms", "ms.", "mrs", "mrs.",
    ];
    let words: Vec<&str> = full.split_whitespace().collect();
    match words.as_slice() {
        [title, .., surname] if TITLES.contains(&title.to_lowercase().as_str()) => {
            format!("{title} {surname}")
        }
        [first, ..] => (*first).to_string(),
        [] => String::new(),
    }
}

/// The value of a placeholder, if the record has one.
fn value(name: &str, facts: &MessageFacts) -> Option<String> {
    let text = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
    };
    match name {
        "name" => text(&facts.person).map(|n| first_name(&n)),
        "company" => text(&facts.company),
        "role" => text(&facts.role),
        "date" => facts
            .interview_day
            .map(|d| d.format("%A %-d %B").to_string()),
        // the day as a sentence says it: "today", "yesterday", "on Tuesday 2 June"
        "when" => facts.interview_day.map(|d| match facts.today {
            Some(t) if t == d => "today".to_string(),
            Some(t) if t.pred_opt() == Some(d) => "yesterday".to_string(),
            _ => d.format("on %A %-d %B").to_string(),
        }),
        "next_step" => text(&facts.next_step).map(|s| s.trim_end_matches('.').to_string()),
        "new_time" => facts
            .new_time
            .map(|t| t.local().format("%A %-d %B at %H:%M").to_string()),
        "me" => text(&facts.me),
        _ => None,
    }
}

/// What a missing value reads as outside an optional segment.
fn fallback(name: &str) -> Option<&'static str> {
    match name {
        "name" => Some("there"),
        "company" => Some("your company"),
        "role" => Some("open"),
        "date" => Some("recently"),
        "when" => Some("recently"),
        "next_step" => Some("the next step"),
        "new_time" => Some("another time"),
        "me" => Some(""),
        _ => None,
    }
}

/// One piece of a template: text, or a placeholder (resolved or not).
fn render(text: &str, facts: &MessageFacts) -> (String, bool) {
    let mut out = String::new();
    let mut complete = true;
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match (value(name, facts), fallback(name)) {
                    (Some(v), _) => out.push_str(&v),
                    (None, Some(f)) => {
                        complete = false;
                        out.push_str(f);
                    }
                    // not a placeholder Reps knows: keep it for the user to see
                    (None, None) => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    (out, complete)
}

fn fill_text(text: &str, facts: &MessageFacts) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&render(&rest[..open], facts).0);
        let after = &rest[open + 1..];
        match after.find(']') {
            Some(close) => {
                let (segment, complete) = render(&after[..close], facts);
                if complete {
                    out.push_str(&segment);
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&render(&rest[open..], facts).0);
                rest = "";
            }
        }
    }
    out.push_str(&render(rest, facts).0);
    tidy(&out)
}

/// Trims what a left-out value can leave behind: spaces before punctuation,
/// doubled spaces, trailing spaces on a line, blank lines at the end.
fn tidy(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let mut l = line.to_string();
            while l.contains("  ") {
                l = l.replace("  ", " ");
            }
            for p in [" ,", " .", " ;", " ?"] {
                l = l.replace(p, &p[1..]);
            }
            l.trim_end().to_string()
        })
        .collect();
    lines.join("\n").trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_is_greeted_by_first_name_and_a_title_keeps_the_surname() {
        assert_eq!(first_name("Maya Chen"), "Maya");
        assert_eq!(first_name("  Inès  "), "Inès");
        assert_eq!(first_name("Dr Maya Chen"), "Dr Chen");
        assert_eq!(first_name("Ms. Lind"), "Ms. Lind");
        assert_eq!(first_name("Prof"), "Prof");
        assert_eq!(first_name(""), "");
    }

    fn full() -> MessageFacts {
        MessageFacts {
            person: Some("Inès".into()),
            company: Some("Northwind".into()),
            role: Some("Backend Developer".into()),
            interview_day: NaiveDate::from_ymd_opt(2026, 6, 2),
            today: NaiveDate::from_ymd_opt(2026, 6, 9),
            next_step: Some("a call by Friday.".into()),
            new_time: Some("2026-06-04T14:00:00+02:00[Europe/Paris]".parse().unwrap()),
            me: Some("Sam".into()),
        }
    }

    #[test]
    fn a_full_record_fills_every_message_completely() {
        for kind in MessageKind::ALL {
            let m = fill(&default_template(kind), &full());
            for text in [&m.subject, &m.body] {
                assert!(!text.contains(['{', '}', '[', ']']), "{kind:?}: {text}");
            }
            assert!(m.body.starts_with("Hi Inès,"), "{kind:?}: {}", m.body);
            assert!(m.body.ends_with("Sam"), "{kind:?}: {}", m.body);
        }
        let thanks = fill(&default_template(MessageKind::ThankYou), &full());
        assert_eq!(thanks.subject, "Thank you — Backend Developer");
        assert!(thanks.body.contains("your time on Tuesday 2 June."));
        assert!(
            thanks
                .body
                .contains("the Backend Developer role at Northwind")
        );
        assert!(
            thanks
                .body
                .contains("I look forward to hearing about the next steps.")
        );
        let move_it = fill(&default_template(MessageKind::Reschedule), &full());
        assert!(move_it.body.contains("Would Thursday 4 June at 14:00 work"));
    }

    #[test]
    fn each_stage_of_a_lead_offers_the_messages_that_fit_it() {
        use crate::Status;
        assert_eq!(
            fitting(Status::Offer)[..2],
            [MessageKind::AcceptOffer, MessageKind::DeclineOffer]
        );
        assert_eq!(fitting(Status::Rejected)[0], MessageKind::AskFeedback);
        assert!(fitting(Status::Interviewing).contains(&MessageKind::ThankYou));
        assert!(!fitting(Status::Accepted).contains(&MessageKind::Withdraw));
        // every kind is offered somewhere
        for kind in MessageKind::ALL {
            assert!(
                Status::ALL.iter().any(|s| fitting(*s).contains(&kind)),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn the_message_answering_a_follow_up_completes_it() {
        use crate::FollowUpKind as F;
        for f in [
            F::ThankYou,
            F::CheckIn,
            F::FeedbackRequest,
            F::KeepInTouch,
            F::Reapply,
            F::ReplyOwed,
        ] {
            if let Some(m) = answers(f) {
                assert_eq!(completes(m), Some(f), "{f:?}");
            }
        }
        assert_eq!(answers(F::ReplyOwed), None);
    }

    #[test]
    fn every_kind_has_a_distinct_name_that_reads_back() {
        for kind in MessageKind::ALL {
            assert_eq!(kind.to_string().parse::<MessageKind>(), Ok(kind));
        }
        assert!("thank-you!".parse::<MessageKind>().is_err());
    }

    #[test]
    fn missing_facts_leave_no_holes() {
        for kind in MessageKind::ALL {
            let m = fill(&default_template(kind), &MessageFacts::default());
            for text in [&m.subject, &m.body] {
                assert!(!text.contains(['{', '}', '[', ']']), "{kind:?}: {text}");
                assert!(
                    !text.contains("  ") && !text.contains(" ."),
                    "{kind:?}: {text}"
                );
            }
            assert!(m.body.starts_with("Hi there,"), "{kind:?}: {}", m.body);
            assert!(m.body.ends_with("Best regards,"), "{kind:?}: {}", m.body);
        }
        let thanks = fill(
            &default_template(MessageKind::ThankYou),
            &MessageFacts::default(),
        );
        assert_eq!(thanks.subject, "Thank you");
        assert!(
            thanks.body.contains("Thank you for your time. I enjoyed"),
            "{}",
            thanks.body
        );
    }

    #[test]
    fn free_text_of_the_debrief_never_lands_in_a_sentence() {
        // what the user wrote for themselves, in any shape
        for note in [
            "Recruiter calls by Thursday",
            "Claire will call by Friday about the technical round",
            "they said 2 weeks?? not sure",
        ] {
            let facts = MessageFacts {
                next_step: Some(note.into()),
                ..full()
            };
            for kind in MessageKind::ALL {
                let m = fill(&default_template(kind), &facts);
                assert!(!m.body.contains(note), "{kind:?}: {}", m.body);
            }
        }
    }

    #[test]
    fn the_interview_day_reads_as_a_person_says_it() {
        let on = |today: (u32, u32)| {
            let facts = MessageFacts {
                today: NaiveDate::from_ymd_opt(2026, today.0, today.1),
                ..full()
            };
            fill(&default_template(MessageKind::ThankYou), &facts).body
        };
        // the interview was on Tuesday 2 June
        assert!(
            on((6, 2)).contains("Thank you for your time today."),
            "{}",
            on((6, 2))
        );
        assert!(on((6, 3)).contains("Thank you for your time yesterday."));
        assert!(on((6, 9)).contains("Thank you for your time on Tuesday 2 June."));
        let check_in = fill(&default_template(MessageKind::CheckIn), &full()).body;
        assert!(
            check_in.contains("after our conversation on Tuesday 2 June."),
            "{check_in}"
        );
    }

    #[test]
    fn blank_values_count_as_missing() {
        let facts = MessageFacts {
            person: Some("  ".into()),
            company: Some(String::new()),
            ..full()
        };
        let m = fill(&default_template(MessageKind::DeclineOffer), &facts);
        assert!(m.body.starts_with("Hi there,"));
        assert!(
            m.body.contains("the Backend Developer role, and"),
            "{}",
            m.body
        );
    }

    #[test]
    fn a_users_own_template_keeps_what_reps_does_not_know() {
        let own = Template {
            subject: "Hello {name}".into(),
            body: "Dear {name}, see you {tomorrow}[ at {company}]. [Unclosed {role}".into(),
        };
        let m = fill(&own, &full());
        assert_eq!(m.subject, "Hello Inès");
        assert_eq!(
            m.body,
            "Dear Inès, see you {tomorrow} at Northwind. [Unclosed Backend Developer"
        );
    }
}

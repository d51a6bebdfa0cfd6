//! Practice cards: an interview question to rehearse, what was said, and the
//! answer prepared since. Made from a debrief's "answers to improve" and
//! "work on" skills, or written directly (a story bank). Each practice is
//! kept as a review; the schedule is worked out from them by
//! [`crate::rules::practice`], so two devices that practised the same card
//! offline agree on its next day once their reviews are merged.

use serde::{Deserialize, Serialize};

use super::debrief::Skill;
use super::limits;
use crate::error::{Invalid, Problem};
use crate::id::{CardId, DebriefId, InterviewId, LeadId};
use crate::time::Stamp;

/// The longest question a card takes (a question is a line or two).
pub const QUESTION: usize = 1_000;

/// How a practice went: the four answers of FSRS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// I could not give the answer: see it again soon.
    Again,
    /// I got there, with effort.
    Hard,
    /// I gave it well.
    Good,
    /// It came easily.
    Easy,
}

impl Grade {
    /// Every grade, worst first (the order of the buttons).
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    /// FSRS's number for it (1–4).
    pub fn number(self) -> u32 {
        match self {
            Grade::Again => 1,
            Grade::Hard => 2,
            Grade::Good => 3,
            Grade::Easy => 4,
        }
    }

    /// The grade of FSRS's number; a number outside 1–4 (a shell sending
    /// something it should not) is refused by field.
    pub fn from_number(n: i64) -> Result<Self, Invalid> {
        match n {
            1 => Ok(Grade::Again),
            2 => Ok(Grade::Hard),
            3 => Ok(Grade::Good),
            4 => Ok(Grade::Easy),
            got => Err(Invalid::new(
                "grade",
                Problem::OutOfRange {
                    min: 1,
                    max: 4,
                    got,
                },
            )),
        }
    }
}

/// One practice of a card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// When it was rated.
    pub at: Stamp,
    /// How it went.
    pub grade: Grade,
    /// How long the answer took, when the timer ran.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds: Option<u32>,
}

/// What the user writes on a card.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CardBody {
    /// The question, as the user remembers it being asked.
    pub question: String,
    /// What I said at the time (to do better than).
    #[serde(default)]
    pub said: String,
    /// The answer I prepare: for a story, situation, task, action, result.
    #[serde(default)]
    pub answer: String,
    /// The skills it practises (its tags in an export).
    #[serde(default)]
    pub skills: Vec<Skill>,
}

impl CardBody {
    /// A question and nothing else yet.
    pub fn asking(question: impl Into<String>) -> Self {
        Self {
            question: question.into(),
            ..Self::default()
        }
    }

    /// Checks every field: a question is required, the rest is bounded.
    pub fn validate(&self) -> Result<(), Invalid> {
        limits::required("question", &self.question, QUESTION)?;
        limits::optional("said", &self.said, limits::NOTE)?;
        limits::optional("answer", &self.answer, limits::NOTE)?;
        limits::list("skills", &self.skills)?;
        for s in &self.skills {
            if let Skill::Custom(name) = s {
                limits::required("skills", name, limits::SHORT)?;
            }
        }
        Ok(())
    }
}

/// The interview a card was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardSource {
    /// The debrief the question was noted in.
    pub debrief: DebriefId,
    /// Its interview, when the debrief was attached to one.
    pub interview: Option<InterviewId>,
    /// Its lead.
    pub lead: Option<LeadId>,
}

/// A practice card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    /// Identity (derived from the debrief line it was made from, when it was).
    pub id: CardId,
    /// When it was made.
    pub created: Stamp,
    /// Last edit or practice.
    pub updated: Stamp,
    /// What is on it.
    pub body: CardBody,
    /// Where it came from; `None` for a card written directly.
    pub from: Option<CardSource>,
    /// Every practice, in the order they were given (a merge may interleave
    /// two devices' reviews: the schedule sorts them by time).
    #[serde(default)]
    pub reviews: Vec<Review>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_needs_a_question_and_caps_its_answer() {
        let empty = CardBody::asking("  ");
        let err = empty.validate().unwrap_err();
        assert_eq!((err.field, err.problem), ("question", Problem::Empty));
        let mut big = CardBody::asking("Why us?");
        big.answer = "x".repeat(10 * 1024 * 1024);
        let err = big.validate().unwrap_err();
        assert_eq!(err.field, "answer");
        assert!(matches!(err.problem, Problem::TooLong { .. }));
        assert!(CardBody::asking("Why us?").validate().is_ok());
    }

    #[test]
    fn grades_are_fsrs_numbers_and_nothing_else() {
        for g in Grade::ALL {
            assert_eq!(Grade::from_number(i64::from(g.number())), Ok(g));
        }
        let err = Grade::from_number(5).unwrap_err();
        assert_eq!(err.field, "grade");
        assert!(Grade::from_number(0).is_err());
    }
}

//! The quick capture after an interview: what went well, what to improve, red
//! flags, open questions. It can be written before it is attached to an interview.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::interview::Rating;
use super::limits;
use crate::error::Invalid;
use crate::id::{DebriefId, InterviewId, ItemId, LeadId};
use crate::time::Stamp;

/// Kinds of red flag; the first five are the "when not to take the job" checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RedFlagKind {
    /// Nobody could say what the job really is.
    VagueRole,
    /// People keep leaving.
    HighTurnover,
    /// Pushed to say yes quickly.
    PressureToAccept,
    /// Not the job the ad described.
    DiffersFromAd,
    /// Would add nothing to my CV.
    NoCvValue,
    /// Something else.
    Other,
}

impl RedFlagKind {
    /// Every kind.
    pub const ALL: [RedFlagKind; 6] = [
        RedFlagKind::VagueRole,
        RedFlagKind::HighTurnover,
        RedFlagKind::PressureToAccept,
        RedFlagKind::DiffersFromAd,
        RedFlagKind::NoCvValue,
        RedFlagKind::Other,
    ];
}

/// Whether I witnessed it or was told it. Only first-hand flags count as evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    /// I saw or heard it myself in the process.
    #[default]
    Seen,
    /// Someone told me (a review, a friend, a forum).
    Heard,
}

/// A warning sign noted in a debrief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedFlag {
    /// What kind of sign.
    pub kind: RedFlagKind,
    /// What exactly happened.
    #[serde(default)]
    pub detail: String,
    /// First-hand or second-hand.
    #[serde(default)]
    pub provenance: Provenance,
}

/// Something to clarify later instead of judging now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// Stable id (the next checklist refers to it). A nil id asks the journal to assign one.
    pub id: ItemId,
    /// The question.
    pub text: String,
    /// When it was answered; open while `None`.
    pub resolved: Option<Stamp>,
}

impl Question {
    /// A new open question; the journal assigns its id when saving.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            id: ItemId(uuid::Uuid::nil()),
            text: text.into(),
            resolved: None,
        }
    }
}

/// An interview skill, for the balance sheet.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Skill {
    /// The opening "tell me about yourself".
    TellMeAboutYourself,
    /// Why this company, why this role.
    WhyThisCompany,
    /// Concrete stories of past work.
    Examples,
    /// Depth in my field.
    TechnicalDepth,
    /// Talking about pay.
    SalaryTalk,
    /// The questions I ask them.
    QuestionsForThem,
    /// Calm under pressure.
    Composure,
    /// Short, clear answers.
    Conciseness,
    /// Anything else, named by the user.
    Custom(String),
}

impl Skill {
    /// The suggested chips.
    pub const PRESETS: [Skill; 8] = [
        Skill::TellMeAboutYourself,
        Skill::WhyThisCompany,
        Skill::Examples,
        Skill::TechnicalDepth,
        Skill::SalaryTalk,
        Skill::QuestionsForThem,
        Skill::Composure,
        Skill::Conciseness,
    ];
}

/// A skill as marked in one debrief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkillMark {
    /// Not mentioned.
    None,
    /// It went well.
    Strong,
    /// To work on.
    WorkOn,
}

/// Everything typed in the capture screen; saved whole on every change.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DebriefBody {
    /// Overall feel, 1–5.
    pub feel: Option<Rating>,
    /// Confidence right after, 1–5.
    pub confidence: Option<Rating>,
    /// Answers I want to improve.
    #[serde(default)]
    pub improve: String,
    /// What went well.
    #[serde(default)]
    pub went_well: String,
    /// Skills that went well.
    #[serde(default)]
    pub strengths: Vec<Skill>,
    /// Skills to work on.
    #[serde(default)]
    pub to_improve: Vec<Skill>,
    /// Warning signs.
    #[serde(default)]
    pub red_flags: Vec<RedFlag>,
    /// Things to clarify next time.
    #[serde(default)]
    pub questions: Vec<Question>,
    /// Names of people met (linked to contacts separately).
    #[serde(default)]
    pub people: Vec<String>,
    /// What they said happens next.
    #[serde(default)]
    pub next_step: String,
    /// By when they said it would happen.
    pub next_step_by: Option<NaiveDate>,
    /// Anything else.
    #[serde(default)]
    pub notes: String,
}

impl DebriefBody {
    /// One tap on a skill's chip on the capture screen: not marked →
    /// a strength → to work on → not marked. Each skill is one chip, so it
    /// can never be both at once.
    pub fn cycle_skill(&mut self, skill: Skill) {
        if let Some(p) = self.strengths.iter().position(|s| *s == skill) {
            self.strengths.remove(p);
            self.to_improve.push(skill);
        } else if let Some(p) = self.to_improve.iter().position(|s| *s == skill) {
            self.to_improve.remove(p);
        } else {
            self.strengths.push(skill);
        }
    }

    /// How the capture screen marks a skill now.
    pub fn skill_mark(&self, skill: &Skill) -> SkillMark {
        if self.strengths.contains(skill) {
            SkillMark::Strong
        } else if self.to_improve.contains(skill) {
            SkillMark::WorkOn
        } else {
            SkillMark::None
        }
    }

    /// Checks sizes of every field.
    pub fn validate(&self) -> Result<(), Invalid> {
        limits::optional("improve", &self.improve, limits::NOTE)?;
        limits::optional("went_well", &self.went_well, limits::NOTE)?;
        limits::optional("next_step", &self.next_step, limits::NOTE)?;
        limits::optional("notes", &self.notes, limits::NOTE)?;
        limits::list("strengths", &self.strengths)?;
        limits::list("to_improve", &self.to_improve)?;
        limits::list("red_flags", &self.red_flags)?;
        limits::list("questions", &self.questions)?;
        limits::list("people", &self.people)?;
        for s in self.strengths.iter().chain(&self.to_improve) {
            if let Skill::Custom(name) = s {
                limits::required("skill", name, limits::SHORT)?;
            }
        }
        for f in &self.red_flags {
            limits::optional("red_flags", &f.detail, limits::NOTE)?;
        }
        for q in &self.questions {
            limits::required("questions", &q.text, limits::NOTE)?;
        }
        for p in &self.people {
            limits::required("people", p, limits::SHORT)?;
        }
        Ok(())
    }
}

/// A written debrief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Debrief {
    /// Identity.
    pub id: DebriefId,
    /// When capture started.
    pub created: Stamp,
    /// Last autosave.
    pub updated: Stamp,
    /// The interview it is about, once attached.
    pub interview: Option<InterviewId>,
    /// The lead it is about (set with the interview, or alone).
    pub lead: Option<LeadId>,
    /// What was typed.
    pub body: DebriefBody,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_chip_per_skill_cycles_strong_work_on_and_off() {
        let mut b = DebriefBody::default();
        let s = Skill::SalaryTalk;
        assert_eq!(b.skill_mark(&s), SkillMark::None);
        b.cycle_skill(s.clone());
        assert_eq!(
            (b.skill_mark(&s), b.strengths.len(), b.to_improve.len()),
            (SkillMark::Strong, 1, 0)
        );
        b.cycle_skill(s.clone());
        assert_eq!(
            (b.skill_mark(&s), b.strengths.len(), b.to_improve.len()),
            (SkillMark::WorkOn, 0, 1)
        );
        b.cycle_skill(s.clone());
        assert_eq!(
            (b.skill_mark(&s), b.strengths.len(), b.to_improve.len()),
            (SkillMark::None, 0, 0)
        );
    }

    use crate::error::Problem;

    #[test]
    fn an_empty_question_is_refused() {
        let body = DebriefBody {
            questions: vec![Question::new(" ")],
            ..Default::default()
        };
        let err = body.validate().unwrap_err();
        assert_eq!((err.field, err.problem), ("questions", Problem::Empty));
    }

    #[test]
    fn an_empty_debrief_is_fine_so_capture_can_start_blank() {
        assert!(DebriefBody::default().validate().is_ok());
    }
}

//! An interview: one meeting with a company, and whether it got me to the next step.

use serde::{Deserialize, Serialize};

use super::lead::Stage;
use super::limits;
use crate::error::{Invalid, Problem};
use crate::id::{ContactId, InterviewId, LeadId};
use crate::time::Stamp;

/// A 1–5 scale (confidence, overall feel). Out-of-range values cannot exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Rating(u8);

impl Rating {
    /// Checks the scale; `field` names the input for the error.
    pub fn new(field: &'static str, value: i64) -> Result<Self, Invalid> {
        if (1..=5).contains(&value) {
            Ok(Self(value as u8))
        } else {
            Err(Invalid::new(
                field,
                Problem::OutOfRange {
                    min: 1,
                    max: 5,
                    got: value,
                },
            ))
        }
    }

    /// The value, 1 to 5.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Rating {
    type Error = Invalid;
    fn try_from(v: u8) -> Result<Self, Invalid> {
        Rating::new("rating", i64::from(v))
    }
}

impl From<Rating> for u8 {
    fn from(r: Rating) -> u8 {
        r.0
    }
}

/// How the interview happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InterviewKind {
    /// A phone call.
    Phone,
    /// A video call.
    Video,
    /// In person.
    OnSite,
}

/// Did the interview reach its goal (an invitation to the next step)?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// No answer yet.
    #[default]
    Pending,
    /// Invited to the next step (or an offer).
    Invited,
    /// Not invited further.
    NotInvited,
}

/// The goal every interview gets unless the user writes another.
pub const DEFAULT_GOAL: &str = "Get invited to the next step";

/// What the user plans about an interview (add and edit share it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewPlan {
    /// When it starts, in the zone it was arranged in.
    pub start: Stamp,
    /// Length in minutes.
    pub minutes: u32,
    /// Phone, video, on site.
    pub kind: InterviewKind,
    /// Which stage of the process.
    pub stage: Stage,
    /// Address or room.
    #[serde(default)]
    pub place: String,
    /// Video call link.
    #[serde(default)]
    pub video_link: String,
    /// People I will meet (contacts).
    #[serde(default)]
    pub people: Vec<ContactId>,
    /// What I want out of it.
    pub goal: String,
}

impl InterviewPlan {
    /// A plan with the default goal.
    pub fn new(start: Stamp, minutes: u32, kind: InterviewKind, stage: Stage) -> Self {
        Self {
            start,
            minutes,
            kind,
            stage,
            place: String::new(),
            video_link: String::new(),
            people: Vec::new(),
            goal: DEFAULT_GOAL.to_string(),
        }
    }

    /// How and where it is held, as typed in one "Where" field: a web
    /// address for a call goes in the call link, anything else (an
    /// address, a room, a phone number) in the place.
    pub fn set_where(&mut self, kind: InterviewKind, typed: &str) {
        let typed = typed.trim();
        self.kind = kind;
        let is_link = typed.starts_with("https://") || typed.starts_with("http://");
        if kind == InterviewKind::Video && is_link {
            self.video_link = typed.to_string();
            self.place.clear();
        } else {
            self.place = typed.to_string();
            self.video_link.clear();
        }
    }

    /// What the "Where" field shows of it: the place, else the call link.
    pub fn where_typed(&self) -> &str {
        if self.place.is_empty() {
            &self.video_link
        } else {
            &self.place
        }
    }

    /// The form's key for a kind ("video", "phone", "on_site").
    pub fn kind_key(kind: InterviewKind) -> &'static str {
        match kind {
            InterviewKind::Video => "video",
            InterviewKind::Phone => "phone",
            InterviewKind::OnSite => "on_site",
        }
    }

    /// A kind from its form key (a video call for anything else).
    pub fn kind_from_key(key: &str) -> InterviewKind {
        match key {
            "phone" => InterviewKind::Phone,
            "on_site" => InterviewKind::OnSite,
            _ => InterviewKind::Video,
        }
    }

    /// When it ends.
    pub fn end(&self) -> Stamp {
        self.start
            .add(chrono::Duration::minutes(i64::from(self.minutes)))
            .unwrap_or(self.start)
    }

    /// Checks every field.
    pub fn validate(&self) -> Result<(), Invalid> {
        if self.minutes == 0 {
            return Err(Invalid::new("minutes", Problem::EndBeforeStart));
        }
        self.start.check_field("start")?;
        self.start
            .add(chrono::Duration::minutes(i64::from(self.minutes)))
            .map_err(|_| Invalid::new("minutes", Problem::DateOutOfRange))?;
        if self.minutes > 24 * 60 {
            return Err(Invalid::new(
                "minutes",
                Problem::OutOfRange {
                    min: 1,
                    max: 24 * 60,
                    got: i64::from(self.minutes),
                },
            ));
        }
        if let Stage::Custom(name) = &self.stage {
            limits::required("stage", name, limits::SHORT)?;
        }
        limits::optional("place", &self.place, limits::LINK)?;
        limits::optional("video_link", &self.video_link, limits::LINK)?;
        limits::required("goal", &self.goal, limits::SHORT)?;
        limits::list("people", &self.people)?;
        Ok(())
    }
}

/// An interview, planned or held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interview {
    /// Identity.
    pub id: InterviewId,
    /// The lead it belongs to.
    pub lead: LeadId,
    /// When it was added.
    pub created: Stamp,
    /// When it last changed.
    pub updated: Stamp,
    /// Time, place, people, goal.
    pub plan: InterviewPlan,
    /// Whether it led to the next step.
    pub outcome: Outcome,
    /// How confident I felt going in.
    pub confidence_before: Option<Rating>,
    /// How confident I felt coming out.
    pub confidence_after: Option<Rating>,
    /// Called off (by either side); a cancelled interview is not a rep.
    #[serde(default)]
    pub cancelled: bool,
}

impl Interview {
    /// A pending interview made from `plan` (for tests of the rules, which
    /// take records, not a journal).
    #[cfg(test)]
    pub(crate) fn planned(id: u128, lead: u128, plan: InterviewPlan) -> Self {
        Interview {
            id: InterviewId(uuid::Uuid::from_u128(id)),
            lead: LeadId(uuid::Uuid::from_u128(lead)),
            created: plan.start,
            updated: plan.start,
            plan,
            outcome: Outcome::Pending,
            confidence_before: None,
            confidence_after: None,
            cancelled: false,
        }
    }

    /// It took place: not cancelled and already over at `now`. Every such interview is a rep.
    pub fn is_held(&self, now: Stamp) -> bool {
        !self.cancelled && self.plan.end() <= now
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::at;

    #[test]
    fn where_it_is_held_goes_in_the_place_or_the_call_link() {
        let mut p = InterviewPlan::new(
            at("2026-06-01T10:00:00Z[UTC]"),
            45,
            InterviewKind::Video,
            Stage::Screen,
        );
        p.set_where(InterviewKind::Video, " https://meet.example/abc ");
        assert_eq!(
            (p.video_link.as_str(), p.place.as_str()),
            ("https://meet.example/abc", "")
        );
        assert_eq!(p.where_typed(), "https://meet.example/abc");
        p.set_where(InterviewKind::OnSite, "Acme HQ, 4th floor");
        assert_eq!(
            (p.video_link.as_str(), p.place.as_str()),
            ("", "Acme HQ, 4th floor")
        );
        assert_eq!(p.kind, InterviewKind::OnSite);
        for k in [
            InterviewKind::Video,
            InterviewKind::Phone,
            InterviewKind::OnSite,
        ] {
            assert_eq!(InterviewPlan::kind_from_key(InterviewPlan::kind_key(k)), k);
        }
    }

    #[test]
    fn confidence_nine_is_out_of_range() {
        let err = Rating::new("confidence_after", 9).unwrap_err();
        assert_eq!(err.field, "confidence_after");
        assert!(err.to_string().contains("between 1 and 5"));
        assert_eq!(Rating::new("x", 5).unwrap().get(), 5);
    }

    #[test]
    fn ratings_out_of_range_are_refused_when_decoding() {
        assert!(serde_json::from_str::<Rating>("0").is_err());
        assert!(serde_json::from_str::<Rating>("3").is_ok());
    }

    #[test]
    fn zero_minutes_means_it_ends_before_it_starts() {
        let plan = InterviewPlan::new(
            at("2026-06-01T10:00:00Z[UTC]"),
            0,
            InterviewKind::Video,
            Stage::Screen,
        );
        assert_eq!(
            plan.validate().unwrap_err().problem,
            Problem::EndBeforeStart
        );
    }

    #[test]
    fn held_means_over_and_not_cancelled() {
        let plan = InterviewPlan::new(
            at("2026-06-01T10:00:00Z[UTC]"),
            45,
            InterviewKind::Video,
            Stage::Screen,
        );
        let mut iv = Interview::planned(0, 0, plan);
        assert!(!iv.is_held(at("2026-06-01T10:30:00Z[UTC]")));
        assert!(iv.is_held(at("2026-06-01T10:45:00Z[UTC]")));
        iv.cancelled = true;
        assert!(!iv.is_held(at("2026-06-02T10:00:00Z[UTC]")));
    }
}

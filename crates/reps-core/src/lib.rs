//! # reps-core
//!
//! Everything Reps knows and decides, with no UI: the domain (leads,
//! interviews, debriefs, checklists, contacts, follow-ups), the rules of the
//! advice as pure functions ([`rules`]), the application layer — the
//! [`Journal`] and every command and query, each returning a view record
//! ([`journal`]) — the crash-safe redb storage under it ([`store`]), and the
//! codecs of the files it reads and writes ([`formats`]).
//!
//! The Dioxus app and the uniffi surface are thin layers over this crate: they
//! send commands to a [`Journal`] and render what its queries return.

pub mod demo;
pub mod domain;
pub mod error;
pub mod files;
pub mod formats;
pub mod id;
pub mod inbox;
pub mod journal;
pub mod rules;
pub mod store;
pub mod sync;
pub mod time;
pub mod wording;

pub use domain::card::{Card, CardBody, CardSource, Grade, Review};
pub use domain::checklist::{Checklist, ChecklistItem, ChecklistTemplate, TemplateItem, When};
pub use domain::contact::{Contact, ContactDetails, Position};
pub use domain::debrief::{
    Debrief, DebriefBody, Provenance, Question, RedFlag, RedFlagKind, Skill, SkillMark,
};
pub use domain::followup::{FollowUp, FollowUpKind, FollowUpState, NewFollowUp};
pub use domain::interview::{
    DEFAULT_GOAL, Interview, InterviewKind, InterviewPlan, Outcome, Rating,
};
pub use domain::lead::{
    Fit, Lead, LeadDetails, MessageSent, Offer, PassReason, PayPeriod, PayRange, Source, Stage,
    Status, StatusChange, WorkMode,
};
pub use domain::settings::Settings;
pub use error::{Error, Invalid, Problem, Result};
pub use formats::markdown::NoteFile;
pub use formats::tracker_import::{ColumnMap, CsvImportError, TrackerPreview};
pub use id::{CardId, ContactId, DebriefId, FollowUpId, InterviewId, ItemId, LeadId, TemplateId};
pub use journal::{
    ChecklistPage, Collision, CompanyHistory, Counts, Decided, Decision, GoesTo, Journal, LeadPage,
    Lesson, MessageAbout, MessageDraft, MessageFor, NextInterview, OfferFile, Outside, Person,
    RESUME_WITHIN_MINUTES, Reminder, RepsPage, Scheduled, SearchResult, ThisWeek, TodayRow,
    WalkingIn, WeekRow,
};
pub use rules::checklist::ChecklistView;
pub use rules::messages::{MessageKind, Template as MessageTemplate};
pub use rules::reps::RepsReport;
pub use rules::skills::SkillLine;
pub use store::{PageBackend, PageFile};
pub use time::{Clock, ManualClock, Stamp, SystemClock, TimeError};

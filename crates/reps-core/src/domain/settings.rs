//! The user's tunable thresholds for the rules (all have sensible defaults).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Invalid, Problem};
use crate::id::TemplateId;
use crate::rules::messages::{MessageKind, Template};

/// Thresholds the rules read. Stored in the journal; defaults follow the advice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Minutes kept free between two interviews (travel, breathing).
    pub travel_buffer_minutes: u32,
    /// Days of silence after which a check-in is due.
    pub check_in_after_days: u32,
    /// Days of silence after which a lead is offered as ghosted.
    pub ghost_after_days: u32,
    /// Months after a "no" from a dream company before reapplying.
    pub reapply_after_months: u32,
    /// Days after a "no" before asking for feedback.
    pub feedback_after_days: u32,
    /// Days within which to answer someone who reached out.
    pub reply_within_days: u32,
    /// The template new interviews' checklists come from.
    pub default_template: Option<TemplateId>,
    /// The user's name, to sign messages with.
    pub my_name: String,
    /// Message templates the user rewrote, by kind. Kept in the journal, so
    /// a newer Reps with new default wording never overwrites them.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub message_templates: BTreeMap<MessageKind, Template>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            travel_buffer_minutes: 30,
            check_in_after_days: 7,
            ghost_after_days: 14,
            reapply_after_months: 12,
            feedback_after_days: 1,
            reply_within_days: 2,
            default_template: None,
            my_name: String::new(),
            message_templates: BTreeMap::new(),
        }
    }
}

impl Settings {
    /// Checks every threshold is within reason.
    pub fn validate(&self) -> Result<(), Invalid> {
        let checks: [(&'static str, u32, u32, u32); 6] = [
            (
                "travel_buffer_minutes",
                self.travel_buffer_minutes,
                0,
                24 * 60,
            ),
            ("check_in_after_days", self.check_in_after_days, 1, 365),
            ("ghost_after_days", self.ghost_after_days, 1, 365),
            ("reapply_after_months", self.reapply_after_months, 1, 120),
            ("feedback_after_days", self.feedback_after_days, 0, 365),
            ("reply_within_days", self.reply_within_days, 0, 365),
        ];
        crate::domain::limits::optional("my_name", &self.my_name, crate::domain::limits::SHORT)?;
        for t in self.message_templates.values() {
            t.validate()?;
        }
        for (field, got, min, max) in checks {
            if !(min..=max).contains(&got) {
                return Err(Invalid::new(
                    field,
                    Problem::OutOfRange {
                        min: i64::from(min),
                        max: i64::from(max),
                        got: i64::from(got),
                    },
                ));
            }
        }
        Ok(())
    }
}

//! Checklists before walking in: templates with items timed relative to the
//! interview, and one instance per interview where items get ticked.

use serde::{Deserialize, Serialize};

use super::limits;
use crate::error::Invalid;
use crate::id::{InterviewId, ItemId, TemplateId};
use crate::time::Stamp;

/// When an item is meant to be done, relative to the interview start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum When {
    /// The day before (T-24h).
    DayBefore,
    /// The hour before (T-1h).
    HourBefore,
    /// At the door.
    WalkingIn,
}

impl When {
    /// In display order.
    pub const ALL: [When; 3] = [When::DayBefore, When::HourBefore, When::WalkingIn];

    /// Minutes before the start at which the group becomes relevant.
    pub fn minutes_before(self) -> i64 {
        match self {
            When::DayBefore => 24 * 60,
            When::HourBefore => 60,
            When::WalkingIn => 5,
        }
    }
}

/// A line of a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateItem {
    /// Stable id (nil asks the journal to assign one).
    pub id: ItemId,
    /// What to do.
    pub text: String,
    /// When.
    pub when: When,
}

/// A reusable checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistTemplate {
    /// Identity.
    pub id: TemplateId,
    /// When created.
    pub created: Stamp,
    /// When last edited.
    pub updated: Stamp,
    /// Its name ("Default", "Technical round").
    pub name: String,
    /// Items in order.
    pub items: Vec<TemplateItem>,
}

/// Validates a template's name and items.
pub fn validate_template(name: &str, items: &[TemplateItem]) -> Result<(), Invalid> {
    limits::required("name", name, limits::SHORT)?;
    limits::list("items", items)?;
    for item in items {
        limits::required("items", &item.text, limits::SHORT * 5)?;
    }
    Ok(())
}

/// A line of a checklist for one interview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistItem {
    /// Copied from the template item.
    pub id: ItemId,
    /// What to do.
    pub text: String,
    /// When.
    pub when: When,
    /// When it was ticked.
    pub done: Option<Stamp>,
}

/// The checklist of one interview (stored under the interview's id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checklist {
    /// The interview.
    pub interview: InterviewId,
    /// The template it was made from.
    pub template: Option<TemplateId>,
    /// When last ticked.
    pub updated: Stamp,
    /// Items in order.
    pub items: Vec<ChecklistItem>,
}

/// The template every new journal starts with, in Reps' own words.
pub fn default_items() -> Vec<(When, &'static str)> {
    vec![
        (
            When::DayBefore,
            "Read the ad again and note the three things they care about most",
        ),
        (
            When::DayBefore,
            "Pick two stories from past work that show those three things",
        ),
        (
            When::DayBefore,
            "Write down two or three questions you want answered",
        ),
        (
            When::DayBefore,
            "Check the route, the room or the video link, and the names you will meet",
        ),
        (
            When::DayBefore,
            "Set a rough pay figure you would be happy with",
        ),
        (
            When::HourBefore,
            "Phone charged, notifications off, water at hand",
        ),
        (
            When::HourBefore,
            "Skim your notes from the last round with this company",
        ),
        (
            When::HourBefore,
            "Leave (or log in) with ten minutes to spare",
        ),
        (
            When::WalkingIn,
            "Today's goal: get invited to the next step. That's all",
        ),
        (
            When::WalkingIn,
            "Slow breath, shoulders down, smile at the first person you see",
        ),
        (
            When::WalkingIn,
            "Listen to the whole question before you answer",
        ),
    ]
}

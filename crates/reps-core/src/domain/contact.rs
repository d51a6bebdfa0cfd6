//! People met along the way. Interviewers move between companies and
//! industries, so a contact keeps a history of where they worked.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::limits;
use crate::error::Invalid;
use crate::id::ContactId;
use crate::time::Stamp;

/// What the user types about a person.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ContactDetails {
    /// Name (required).
    pub name: String,
    /// Their job title.
    #[serde(default)]
    pub role: String,
    /// Where they work now.
    #[serde(default)]
    pub company: String,
    /// Where we met ("panel interview", "meetup").
    #[serde(default)]
    pub met_where: String,
    /// When we met.
    pub met_on: Option<NaiveDate>,
    /// Email, phone, profile link.
    #[serde(default)]
    pub reach: String,
    /// Every how many days to get back in touch; `None` means no reminder.
    pub cadence_days: Option<u32>,
    /// Anything else.
    #[serde(default)]
    pub notes: String,
}

impl ContactDetails {
    /// A contact with just a name.
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            ..Default::default()
        }
    }

    /// Checks every field.
    pub fn validate(&self) -> Result<(), Invalid> {
        limits::required("name", &self.name, limits::SHORT)?;
        limits::optional("role", &self.role, limits::SHORT)?;
        limits::optional("company", &self.company, limits::SHORT)?;
        limits::optional("met_where", &self.met_where, limits::SHORT)?;
        limits::optional("reach", &self.reach, limits::LINK)?;
        limits::optional("notes", &self.notes, limits::NOTE)?;
        if let Some(days) = self.cadence_days
            && !(1..=3650).contains(&days)
        {
            return Err(Invalid::new(
                "cadence_days",
                crate::error::Problem::OutOfRange {
                    min: 1,
                    max: 3650,
                    got: i64::from(days),
                },
            ));
        }
        Ok(())
    }
}

/// A past or present job of a contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// Company.
    pub company: String,
    /// Role there.
    pub role: String,
    /// When the journal first saw them there.
    pub since: Stamp,
}

/// A person in my network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// Identity.
    pub id: ContactId,
    /// When added.
    pub created: Stamp,
    /// When last changed.
    pub updated: Stamp,
    /// Current details.
    pub details: ContactDetails,
    /// Where they worked, oldest first; the journal appends when the company changes.
    pub history: Vec<Position>,
    /// When we were last in touch.
    pub last_contact: Option<Stamp>,
}

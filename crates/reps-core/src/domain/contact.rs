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
    /// Their email address: where "Share or email" addresses a message.
    #[serde(default)]
    pub email: String,
    /// Their phone number.
    #[serde(default)]
    pub phone: String,
    /// Other ways to reach them (a profile link); older journals kept
    /// email and phone here too.
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
        limits::optional("email", &self.email, limits::SHORT)?;
        limits::optional("phone", &self.phone, limits::SHORT)?;
        let email = self.email.trim();
        // one address, name@place: a typo here would send a message nowhere
        if !email.is_empty()
            && !email.split_once('@').is_some_and(|(name, place)| {
                !name.is_empty()
                    && place.contains('.')
                    && !place.starts_with('.')
                    && !place.ends_with('.')
            })
            || email.contains(char::is_whitespace)
            || email.matches('@').count() > 1
        {
            return Err(Invalid::new("email", crate::error::Problem::Email));
        }
        let phone = self.phone.trim();
        let digits = phone.chars().filter(char::is_ascii_digit).count();
        if !phone.is_empty()
            && (digits < 5
                || !phone
                    .chars()
                    .all(|c| c.is_ascii_digit() || " +-().".contains(c)))
        {
            return Err(Invalid::new("phone", crate::error::Problem::Phone));
        }
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

impl Contact {
    /// The companies they worked at before the one they are at now, most
    /// recent first, each once (a new title at the same company is no move).
    pub fn earlier_companies(&self) -> Vec<String> {
        use crate::domain::lead::company_key;
        let now_at = company_key(&self.details.company);
        let mut before: Vec<String> = Vec::new();
        for p in self.history.iter().rev() {
            let key = company_key(&p.company);
            if !p.company.trim().is_empty()
                && key != now_at
                && !before.iter().any(|b| company_key(b) == key)
            {
                before.push(p.company.clone());
            }
        }
        before
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Problem;

    #[test]
    fn email_and_phone_are_checked_so_a_message_reaches_them() {
        let with = |email: &str, phone: &str| ContactDetails {
            email: email.into(),
            phone: phone.into(),
            ..ContactDetails::named("Maya Chen")
        };
        assert!(
            with("maya@harbor.example", "+44 20 7946 0958")
                .validate()
                .is_ok()
        );
        assert!(with("", "").validate().is_ok());
        for bad in [
            "maya",
            "maya@",
            "@harbor.example",
            "maya@harbor",
            "maya chen@x.io",
            "a@b@c.io",
        ] {
            let e = with(bad, "").validate().unwrap_err();
            assert_eq!((e.field, e.problem), ("email", Problem::Email), "{bad}");
        }
        for bad in ["call me", "12", "555-CALL-NOW"] {
            let e = with("", bad).validate().unwrap_err();
            assert_eq!((e.field, e.problem), ("phone", Problem::Phone), "{bad}");
        }
    }

    #[test]
    fn earlier_companies_skip_the_current_one_and_repeats() {
        let at = crate::time::at("2026-01-01T10:00:00Z[UTC]");
        let pos = |company: &str| Position {
            company: company.into(),
            role: String::new(),
            since: at,
        };
        let c = Contact {
            id: crate::id::ContactId(uuid::Uuid::from_u128(1)),
            created: at,
            updated: at,
            details: ContactDetails {
                company: "Northwind".into(),
                ..ContactDetails::named("Claire")
            },
            history: vec![
                pos("Acme"),
                pos("Globex"),
                pos("acme"),
                pos("Northwind"),
                pos("Northwind "),
            ],
            last_contact: None,
        };
        assert_eq!(c.earlier_companies(), ["acme", "Globex"]);
    }
}

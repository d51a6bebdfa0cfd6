//! The backup: the whole journal as one documented, versioned JSON file.
//!
//! ```json
//! { "format": "reps-backup", "version": 3, "exported": "2026-11-23T10:00:00+01:00[Europe/Paris]",
//!   "settings": {…}, "templates": […], "leads": […], "contacts": […], "interviews": […],
//!   "checklists": […], "debriefs": […], "follow_ups": […], "cards": […] }
//! ```
//!
//! Every record has the same shape as in the journal (see the domain types).
//! Import checks everything first — format, version, every field, unique ids,
//! references — and then writes all records in one transaction, or nothing.
//! Records already in the journal are replaced only by a version at least as
//! recent (`updated`), so importing an older backup never loses newer edits.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::time::Stamp;
use crate::{
    Card, Checklist, ChecklistTemplate, Contact, Debrief, FollowUp, Interview, Lead, Settings,
};

/// The `format` field of every backup.
pub const FORMAT: &str = "reps-backup";
/// The backup layout this build writes and reads (2: a lead may hold its ad
/// and come from a company site; 3: practice cards; older backups read
/// unchanged).
pub const VERSION: u32 = 3;
/// Most practices one card may hold (years of daily practice).
pub const MAX_REVIEWS: usize = 10_000;
/// Largest backup accepted (a ten-year journal is a few tens of MB).
pub const MAX_BYTES: usize = 256 * 1024 * 1024;

/// Why a backup was refused. The journal is never changed when one occurs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    /// Bigger than [`MAX_BYTES`].
    #[error("the file is too large to be a Reps backup ({bytes} bytes; at most {max})")]
    TooLarge {
        /// Size given.
        bytes: usize,
        /// Limit.
        max: usize,
    },
    /// Not JSON, or cut short.
    #[error("the file is not a readable backup ({0}); was it cut short or edited?")]
    Unreadable(String),
    /// JSON, but not ours.
    #[error("this is not a Reps backup (no \"format\": \"reps-backup\" field)")]
    Foreign,
    /// Written by a newer Reps.
    #[error(
        "this backup comes from a newer Reps (layout {found}; this one reads up to {supported}); update the app first"
    )]
    NewerVersion {
        /// Version in the file.
        found: u32,
        /// Newest understood.
        supported: u32,
    },
    /// A record breaks a rule.
    #[error("{record} is not valid: {problem}")]
    InvalidRecord {
        /// Which record (kind and id).
        record: String,
        /// What is wrong.
        problem: String,
    },
    /// The same id twice.
    #[error("{kind} {id} appears twice in the backup")]
    Duplicate {
        /// Record kind.
        kind: &'static str,
        /// The id.
        id: String,
    },
    /// A reference to something neither in the backup nor in the journal.
    #[error("{record} refers to {target}, which is neither in the backup nor in this journal")]
    Dangling {
        /// The referring record.
        record: String,
        /// What it points at.
        target: String,
    },
}

/// The whole journal as one value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    /// Always [`FORMAT`].
    pub format: String,
    /// Layout version, [`VERSION`].
    pub version: u32,
    /// When it was made.
    pub exported: Stamp,
    /// Thresholds.
    pub settings: Settings,
    /// Checklist templates.
    pub templates: Vec<ChecklistTemplate>,
    /// Leads.
    pub leads: Vec<Lead>,
    /// Contacts.
    pub contacts: Vec<Contact>,
    /// Interviews.
    pub interviews: Vec<Interview>,
    /// Checklists (one per interview).
    pub checklists: Vec<Checklist>,
    /// Debriefs.
    pub debriefs: Vec<Debrief>,
    /// Follow-ups.
    pub follow_ups: Vec<FollowUp>,
    /// Practice cards with their practices (none before layout 3).
    #[serde(default)]
    pub cards: Vec<Card>,
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ImportSummary {
    /// Records that were new to this journal.
    pub added: usize,
    /// Records replaced by the backup's newer or equal version.
    pub replaced: usize,
    /// Records kept because the journal's version was newer.
    pub kept: usize,
}

#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u32>,
}

/// Reads and checks a backup file's bytes without touching any journal.
pub fn parse(bytes: &[u8]) -> Result<Backup, BackupError> {
    if bytes.len() > MAX_BYTES {
        return Err(BackupError::TooLarge {
            bytes: bytes.len(),
            max: MAX_BYTES,
        });
    }
    let header: Header = serde_json::from_slice(bytes).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => BackupError::Foreign,
        _ => BackupError::Unreadable(e.to_string()),
    })?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err(BackupError::Foreign);
    }
    match header.version {
        Some(v) if v > VERSION => {
            return Err(BackupError::NewerVersion {
                found: v,
                supported: VERSION,
            });
        }
        Some(_) => {}
        None => return Err(BackupError::Foreign),
    }
    let backup: Backup =
        serde_json::from_slice(bytes).map_err(|e| BackupError::Unreadable(e.to_string()))?;
    validate_records(&backup)?;
    Ok(backup)
}

fn invalid(kind: &str, id: impl std::fmt::Display, problem: impl std::fmt::Display) -> BackupError {
    BackupError::InvalidRecord {
        record: format!("{kind} {id}"),
        problem: problem.to_string(),
    }
}

fn unique<T: std::hash::Hash + Eq + std::fmt::Display + Copy>(
    kind: &'static str,
    ids: impl Iterator<Item = T>,
) -> Result<HashSet<T>, BackupError> {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(BackupError::Duplicate {
                kind,
                id: id.to_string(),
            });
        }
    }
    Ok(seen)
}

/// Field rules and ids unique within the file.
pub fn validate_records(b: &Backup) -> Result<(), BackupError> {
    b.settings
        .validate()
        .map_err(|e| invalid("settings", "", e))?;
    unique("template", b.templates.iter().map(|t| t.id))?;
    unique("lead", b.leads.iter().map(|l| l.id))?;
    unique("contact", b.contacts.iter().map(|c| c.id))?;
    unique("interview", b.interviews.iter().map(|i| i.id))?;
    unique("checklist", b.checklists.iter().map(|c| c.interview))?;
    unique("debrief", b.debriefs.iter().map(|d| d.id))?;
    unique("follow-up", b.follow_ups.iter().map(|f| f.id))?;
    unique("practice card", b.cards.iter().map(|c| c.id))?;
    for c in &b.cards {
        c.body
            .validate()
            .map_err(|e| invalid("practice card", c.id, e))?;
        if c.reviews.len() > MAX_REVIEWS {
            return Err(invalid(
                "practice card",
                c.id,
                format!(
                    "it holds {} practices (at most {MAX_REVIEWS})",
                    c.reviews.len()
                ),
            ));
        }
    }
    let mut rule_keys = HashSet::new();
    for f in &b.follow_ups {
        f.validate_stored()
            .map_err(|e| invalid("follow-up", f.id, e))?;
        if let Some(k) = &f.rule_key
            && !rule_keys.insert(k.as_str())
        {
            return Err(invalid(
                "follow-up",
                f.id,
                format!("schedules '{k}' a second time"),
            ));
        }
    }
    for t in &b.templates {
        crate::domain::checklist::validate_template(&t.name, &t.items)
            .map_err(|e| invalid("template", t.id, e))?;
    }
    for l in &b.leads {
        l.details.validate().map_err(|e| invalid("lead", l.id, e))?;
        if l.history.last().map(|h| h.status) != Some(l.status) {
            return Err(invalid(
                "lead",
                l.id,
                "its status does not match the end of its history",
            ));
        }
    }
    for c in &b.contacts {
        c.details
            .validate()
            .map_err(|e| invalid("contact", c.id, e))?;
    }
    for i in &b.interviews {
        i.plan
            .validate()
            .map_err(|e| invalid("interview", i.id, e))?;
    }
    for d in &b.debriefs {
        d.body.validate().map_err(|e| invalid("debrief", d.id, e))?;
    }
    Ok(())
}

impl FollowUp {
    fn validate_stored(&self) -> Result<(), crate::domain::invalid::Invalid> {
        crate::domain::limits::optional("note", &self.note, crate::domain::limits::NOTE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_and_foreign_json_get_distinct_errors() {
        assert!(matches!(
            parse(b"\x00\x01binary"),
            Err(BackupError::Unreadable(_))
        ));
        assert!(matches!(
            parse(br#"{"hello": 1}"#),
            Err(BackupError::Foreign)
        ));
        assert!(matches!(parse(br#"[1,2]"#), Err(BackupError::Foreign)));
        assert!(matches!(
            parse(br#"{"format":"reps-backup","version":99}"#),
            Err(BackupError::NewerVersion { found: 99, .. })
        ));
        assert!(matches!(
            parse(br#"{"format":"reps-backup","version":1"#),
            Err(BackupError::Unreadable(_))
        ));
    }

    #[test]
    fn oversized_input_is_refused_before_parsing() {
        let big = vec![b' '; MAX_BYTES + 1];
        assert!(matches!(parse(&big), Err(BackupError::TooLarge { .. })));
    }
}

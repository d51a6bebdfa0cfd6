//! The weekly look back: the reps tracker, the skills balance sheet, which
//! sources pay off, and how much the journal holds. Each query reads one
//! snapshot and hands the records to a rule.

use super::Journal;
use crate::error::Result;
use crate::rules::reps::{self, RepsReport};
use crate::rules::skills::{self, SkillLine};
use crate::rules::sources::{self, SourceLine};
use crate::store::Read;
use crate::store::tables::*;
use crate::{Debrief, Interview, Lead, Status};

/// Everything the Reps screen shows.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RepsPage {
    /// The tracker: reps, months, milestones, confidence.
    pub report: RepsReport,
    /// The skills balance sheet.
    pub skills: Vec<SkillLine>,
    /// Which sources pay off.
    pub sources: Vec<SourceLine>,
    /// Practice beside the interviews (which stay the headline).
    pub practice: super::PracticeFacts,
}

impl Journal {
    /// The reps tracker.
    pub fn reps(&self) -> Result<RepsReport> {
        let now = self.now();
        self.read(|r| {
            let interviews: Vec<Interview> = r.load_all()?;
            let rejected: Vec<Lead> = r.load_many(&r.ix_status(Status::Rejected.code())?)?;
            Ok(reps::report(&interviews, &rejected, now))
        })
    }

    /// The Reps screen: the tracker, the skills balance sheet and the
    /// sources, from one snapshot.
    pub fn reps_page(&self) -> Result<RepsPage> {
        let now = self.now();
        self.read(|r| {
            let interviews: Vec<Interview> = r.load_all()?;
            let leads: Vec<Lead> = r.load_all()?;
            let rejected: Vec<Lead> = leads
                .iter()
                .filter(|l| l.status == Status::Rejected)
                .cloned()
                .collect();
            let debriefs: Vec<Debrief> = r.load_all()?;
            Ok(RepsPage {
                report: reps::report(&interviews, &rejected, now),
                skills: skills::balance_sheet(&debriefs, now),
                sources: sources::by_source(&leads, &interviews, now),
                practice: super::practice::facts(r, now)?,
            })
        })
    }

    /// Which sources pay off.
    pub fn sources(&self) -> Result<Vec<SourceLine>> {
        let now = self.now();
        self.read(|r| {
            Ok(sources::by_source(
                &r.load_all::<Lead>()?,
                &r.load_all::<Interview>()?,
                now,
            ))
        })
    }

    /// The skills balance sheet.
    pub fn skills(&self) -> Result<Vec<SkillLine>> {
        let now = self.now();
        self.read(|r| Ok(skills::balance_sheet(&r.load_all::<Debrief>()?, now)))
    }

    /// Counts of each record kind (for the summary line and tests).
    pub fn counts(&self) -> Result<Counts> {
        use redb::ReadableTableMetadata;
        self.read(|r| {
            let n = |t: Records| -> Result<u64> { Ok(r.open_table(t)?.len()?) };
            Ok(Counts {
                leads: n(LEADS)?,
                interviews: n(INTERVIEWS)?,
                debriefs: n(DEBRIEFS)?,
                contacts: n(CONTACTS)?,
                follow_ups: n(FOLLOW_UPS)?,
            })
        })
    }
}

/// How many records of each kind the journal holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Counts {
    /// Leads.
    pub leads: u64,
    /// Interviews.
    pub interviews: u64,
    /// Debriefs.
    pub debriefs: u64,
    /// Contacts.
    pub contacts: u64,
    /// Follow-ups.
    pub follow_ups: u64,
}

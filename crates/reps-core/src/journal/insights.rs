//! The weekly look back: the reps tracker, the skills balance sheet, and
//! how much the journal holds. Each query reads one snapshot and hands the
//! records to a rule.

use super::Journal;
use crate::error::Result;
use crate::rules::reps::{self, RepsReport};
use crate::rules::skills::{self, SkillLine};
use crate::store::Read;
use crate::store::tables::*;
use crate::{Debrief, Interview, Lead, Status};

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

    /// The Reps screen: the tracker and the skills balance sheet, from one snapshot.
    pub fn reps_page(&self) -> Result<(RepsReport, Vec<SkillLine>)> {
        let now = self.now();
        self.read(|r| {
            let interviews: Vec<Interview> = r.load_all()?;
            let rejected: Vec<Lead> = r.load_many(&r.ix_status(Status::Rejected.code())?)?;
            let debriefs: Vec<Debrief> = r.load_all()?;
            Ok((
                reps::report(&interviews, &rejected, now),
                skills::balance_sheet(&debriefs, now),
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

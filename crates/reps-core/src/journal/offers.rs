//! Deciding on offers from evidence: each open offer's figures side by side
//! and the "when not to take it" checks with what the debriefs recorded.

use serde::{Deserialize, Serialize};

use super::Journal;
use crate::error::Result;
use crate::id::LeadId;
use crate::rules::offers::{self, OfferCheck, OfferColumn};
use crate::store::Read;
use crate::store::tables::DEBRIEF_BY_LEAD;
use crate::{Debrief, Lead, Status};

/// One open offer: the side-by-side column, the full check and the lead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfferFile {
    /// The figures compared across offers.
    pub column: OfferColumn,
    /// The "when not to take it" checks with their evidence.
    pub check: OfferCheck,
    /// The lead holding the offer.
    pub lead: Lead,
}

impl Journal {
    /// The evidence to weigh before answering a lead's offer.
    pub fn offer_check(&self, lead: LeadId) -> Result<OfferCheck> {
        self.read(|r| {
            let l: Lead = r.load(lead.key())?;
            let ds: Vec<Debrief> = r.load_many(&r.ix_children(DEBRIEF_BY_LEAD, lead.key())?)?;
            Ok(offers::check(&l, &ds))
        })
    }

    /// All open offers side by side.
    pub fn offers(&self) -> Result<Vec<OfferColumn>> {
        self.read(|r| {
            let leads: Vec<Lead> = r.load_many(&r.ix_status(Status::Offer.code())?)?;
            let mut ds = Vec::new();
            for l in &leads {
                ds.extend(r.load_many::<Debrief>(&r.ix_children(DEBRIEF_BY_LEAD, l.id.key())?)?);
            }
            Ok(offers::side_by_side(&leads, &ds))
        })
    }

    /// Every open offer with its checks, side by side (one snapshot): the
    /// offers screen.
    pub fn offer_files(&self) -> Result<Vec<OfferFile>> {
        self.read(|r| {
            let leads: Vec<Lead> = r.load_many(&r.ix_status(Status::Offer.code())?)?;
            let mut all = Vec::new();
            let mut checks = Vec::new();
            for l in &leads {
                let ds = debriefs_of(r, l.id)?;
                checks.push(offers::check(l, &ds));
                all.extend(ds);
            }
            let columns = offers::side_by_side(&leads, &all);
            Ok(columns
                .into_iter()
                .filter_map(|column| {
                    let i = leads.iter().position(|l| l.id == column.lead)?;
                    Some(OfferFile {
                        column,
                        check: checks[i].clone(),
                        lead: leads[i].clone(),
                    })
                })
                .collect())
        })
    }
}

/// A lead's debriefs.
pub(crate) fn debriefs_of(r: &impl Read, lead: LeadId) -> Result<Vec<Debrief>> {
    r.load_many(&r.ix_children(DEBRIEF_BY_LEAD, lead.key())?)
}

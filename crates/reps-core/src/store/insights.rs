//! Read-only views for the screens: Today, reps, skills, offers and search.
//! Each gathers candidates through indexes and hands them to a rule.

use chrono::Duration;

use super::Journal;
use super::access::Read;
use super::interviews::checklist_view_of;
use super::tables::*;
use crate::error::Result;
use crate::id::LeadId;
use crate::rules::followups as due;
use crate::rules::offers::{self, OfferCheck, OfferColumn};
use crate::rules::reps::{self, RepsReport};
use crate::rules::skills::{self, SkillLine};
use crate::rules::today::{self, TodayItem};
use crate::{Contact, Debrief, FollowUp, Interview, Lead, Status};

impl Journal {
    /// What is due now: checklists of the next 24 h, debriefs still to write,
    /// follow-ups due today or overdue (replies owed among them), and leads
    /// silent long enough to be offered as ghosted.
    pub fn today(&self) -> Result<Vec<TodayItem>> {
        let now = self.now();
        self.read(|r| {
            let settings = r.read_settings()?;
            let mut items = Vec::new();
            let about = |lead: &Lead| format!("{} — {}", lead.details.company, lead.details.role);

            for k in r.ix_time(
                FOLLOW_UP_BY_DUE,
                i64::MIN,
                today::end_of_day(now).millis() - 1,
            )? {
                let f: FollowUp = r.load(k)?;
                if !today::follow_up_is_due(&f, now) {
                    continue;
                }
                let label = match (f.lead, f.contact) {
                    (Some(l), _) => about(&r.load(l.key())?),
                    (None, Some(c)) => r.load::<Contact>(c.key())?.details.name,
                    (None, None) => f.note.clone(),
                };
                let overdue = today::is_overdue(&f, now);
                items.push(TodayItem::FollowUp {
                    followup: f,
                    about: label,
                    overdue,
                });
            }

            let (from, to) = today::checklist_window(now);
            for k in r.ix_time(INTERVIEW_BY_START, from.millis() + 1, to.millis())? {
                let iv: Interview = r.load(k)?;
                if iv.cancelled {
                    continue;
                }
                let lead: Lead = r.load(iv.lead.key())?;
                let (done, total) = checklist_view_of(r, &iv)?.progress();
                items.push(TodayItem::Checklist {
                    interview: iv.id,
                    lead: lead.id,
                    about: about(&lead),
                    starts: iv.plan.start,
                    done,
                    total,
                });
            }

            let window = now.add(-Duration::days(today::DEBRIEF_WINDOW_DAYS + 1))?;
            for k in r.ix_time(INTERVIEW_BY_START, window.millis(), now.millis())? {
                // most past interviews have their debrief: check the index before decoding
                if !r.ix_children(DEBRIEF_BY_INTERVIEW, k)?.is_empty() {
                    continue;
                }
                let iv: Interview = r.load(k)?;
                let ended = iv.plan.end();
                let recent = ended.utc() >= now.utc() - Duration::days(today::DEBRIEF_WINDOW_DAYS);
                if !iv.is_held(now) || !recent {
                    continue;
                }
                let lead: Lead = r.load(iv.lead.key())?;
                items.push(TodayItem::WriteDebrief {
                    interview: iv.id,
                    lead: lead.id,
                    about: about(&lead),
                    ended,
                });
            }

            for status in Status::ALL.into_iter().filter(|s| s.awaits_word()) {
                for k in r.ix_status(status.code())? {
                    let lead: Lead = r.load(k)?;
                    let ivs: Vec<Interview> = r.load_many(&r.ix_children(INTERVIEW_BY_LEAD, k)?)?;
                    let live = ivs.iter().filter(|i| !i.cancelled);
                    let upcoming = live.clone().any(|i| i.plan.start > now);
                    let since = due::silence_since(&lead, live.map(|i| i.plan.end()));
                    if due::is_silent(&lead, since, upcoming, now, &settings) {
                        items.push(TodayItem::Silent {
                            lead: lead.id,
                            about: about(&lead),
                            since,
                        });
                    }
                }
            }
            Ok(today::order(items))
        })
    }

    /// The reps tracker.
    pub fn reps(&self) -> Result<RepsReport> {
        let now = self.now();
        self.read(|r| {
            let interviews: Vec<Interview> = r.load_all()?;
            let rejected: Vec<Lead> = r.load_many(&r.ix_status(Status::Rejected.code())?)?;
            Ok(reps::report(&interviews, &rejected, now))
        })
    }

    /// The skills balance sheet.
    pub fn skills(&self) -> Result<Vec<SkillLine>> {
        let now = self.now();
        self.read(|r| Ok(skills::balance_sheet(&r.load_all::<Debrief>()?, now)))
    }

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

    /// Settings in force.
    pub fn settings(&self) -> Result<crate::Settings> {
        self.read(|r| r.read_settings())
    }

    /// Changes the thresholds the rules use.
    pub fn update_settings(&self, settings: crate::Settings) -> Result<crate::Settings> {
        settings.validate()?;
        self.write(|w| {
            if let Some(t) = settings.default_template {
                w.load::<crate::ChecklistTemplate>(t.key())?;
            }
            w.put_settings(&settings)?;
            Ok(settings)
        })
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

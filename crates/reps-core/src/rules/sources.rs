//! Which sources pay off: for each place leads come from (a job board, a
//! recruiter, a referral, a company's own site…), how many leads, how many
//! got an answer, the interviews held, the next steps, the offers, and how
//! long a first answer took. Read from every lead's stage history, closed
//! ones included, so a source is not judged only by what is still open.

use serde::{Deserialize, Serialize};

use crate::time::Stamp;
use crate::{Interview, Lead, Source, Status};

/// One source's record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceLine {
    /// The source.
    pub source: Source,
    /// Leads that came from it.
    pub leads: usize,
    /// Of those, the ones the user went for (took, or was interviewed for).
    pub pursued: usize,
    /// Leads where the company answered: an interview, an offer or a "no".
    pub answered: usize,
    /// Interviews held for its leads.
    pub interviews: usize,
    /// Leads invited to a further round after an interview, or to an offer.
    pub next_steps: usize,
    /// Leads that reached an offer.
    pub offers: usize,
    /// Median days from going for a lead to the company's first answer.
    pub median_days_to_answer: Option<f64>,
}

/// What one source's record says, for the sentence under the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    /// Several leads pursued, not one answer.
    NeverAnswers,
    /// Answers most of the time, or led to an offer.
    WorksWell,
}

/// Pursued leads a source needs before it is judged.
const ENOUGH: usize = 3;

impl SourceLine {
    /// What the record says plainly, once there is enough of it.
    pub fn verdict(&self) -> Option<Verdict> {
        if self.pursued >= ENOUGH && self.answered == 0 {
            Some(Verdict::NeverAnswers)
        } else if self.offers > 0 || (self.pursued >= ENOUGH && self.answered * 2 >= self.pursued) {
            Some(Verdict::WorksWell)
        } else {
            None
        }
    }
}

/// Every source with at least one lead, the most leads first.
pub fn by_source(leads: &[Lead], interviews: &[Interview], now: Stamp) -> Vec<SourceLine> {
    let mut lines: Vec<SourceLine> = Source::ALL
        .into_iter()
        .map(|source| {
            let mine: Vec<&Lead> = leads
                .iter()
                .filter(|l| l.details.source == source)
                .collect();
            let mut waits: Vec<f64> = Vec::new();
            let mut line = SourceLine {
                source,
                leads: mine.len(),
                pursued: 0,
                answered: 0,
                interviews: 0,
                next_steps: 0,
                offers: 0,
                median_days_to_answer: None,
            };
            for lead in mine {
                let its: Vec<&Interview> = interviews
                    .iter()
                    .filter(|i| i.lead == lead.id && !i.cancelled)
                    .collect();
                let held = its.iter().filter(|i| i.is_held(now)).count();
                line.interviews += held;
                let went_for = went_for(lead, &its);
                if went_for.is_some() {
                    line.pursued += 1;
                }
                if let Some(answer) = first_answer(lead, &its) {
                    line.answered += 1;
                    let from = went_for.unwrap_or(lead.created);
                    let days = (answer.utc() - from.utc()).num_minutes() as f64 / (24.0 * 60.0);
                    waits.push(days.max(0.0));
                }
                if reached(lead, Status::Offer) {
                    line.offers += 1;
                }
                if reached(lead, Status::Offer) || stages_reached(lead, &its) >= 2 {
                    line.next_steps += 1;
                }
            }
            line.median_days_to_answer = median(&mut waits);
            line
        })
        .filter(|l| l.leads > 0)
        .collect();
    lines.sort_by_key(|l| std::cmp::Reverse(l.leads));
    lines
}

/// When the user went for the lead: the "take it" decision, else the first
/// interview booked (a recruiter who booked one straight away).
fn went_for(lead: &Lead, interviews: &[&Interview]) -> Option<Stamp> {
    let taken = lead
        .history
        .iter()
        .find(|h| h.status == Status::Taking && !h.undo)
        .map(|h| h.at);
    taken.or_else(|| interviews.iter().map(|i| i.created).min())
}

/// The company's first answer: an interview booked, or the lead moving to
/// interviews, an offer or their "no".
fn first_answer(lead: &Lead, interviews: &[&Interview]) -> Option<Stamp> {
    let moved = lead
        .history
        .iter()
        .filter(|h| {
            !h.undo
                && matches!(
                    h.status,
                    Status::Interviewing | Status::Offer | Status::Rejected
                )
        })
        .map(|h| h.at);
    let booked = interviews.iter().map(|i| i.created);
    moved.chain(booked).min()
}

/// Whether the lead was ever at `status` (an undone move does not count).
fn reached(lead: &Lead, status: Status) -> bool {
    lead.history.iter().any(|h| h.status == status && !h.undo)
}

/// How many interview rounds the lead got to: its distinct stages.
fn stages_reached(lead: &Lead, interviews: &[&Interview]) -> usize {
    let mut stages: Vec<String> = interviews
        .iter()
        .map(|i| i.plan.stage.to_string())
        .collect();
    stages.extend(
        lead.history
            .iter()
            .filter(|h| h.status == Status::Interviewing && !h.undo)
            .filter_map(|h| h.stage.as_ref().map(|s| s.to_string())),
    );
    stages.sort();
    stages.dedup();
    stages.len()
}

fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 0 {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    })
}

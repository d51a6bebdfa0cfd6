//! Deciding on an offer from evidence: the "when not to take the job" checks,
//! every first-hand red flag from the lead's interviews, what is still unclear,
//! and all open offers side by side.

use chrono::Duration;
use serde::{Deserialize, Serialize};

use crate::id::{DebriefId, InterviewId, ItemId, LeadId};
use crate::time::Stamp;
use crate::{Debrief, Lead, Offer, PayRange, Provenance, RedFlagKind};

/// A red flag with where it was written down.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlagEvidence {
    /// Kind of sign.
    pub kind: RedFlagKind,
    /// What was noted.
    pub detail: String,
    /// The debrief it came from.
    pub debrief: DebriefId,
    /// The interview that debrief is about.
    pub interview: Option<InterviewId>,
    /// When it was written.
    pub noted: Stamp,
}

/// One "when not to take it" check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concern {
    /// Which check.
    pub kind: RedFlagKind,
    /// The question to ask oneself.
    pub question: String,
    /// First-hand flags of that kind.
    pub evidence: Vec<FlagEvidence>,
    /// Raised by the offer's own terms (e.g. a very short deadline).
    pub from_terms: Option<String>,
}

impl Concern {
    /// There is something to look at.
    pub fn raised(&self) -> bool {
        !self.evidence.is_empty() || self.from_terms.is_some()
    }
}

/// A question still open from an earlier debrief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenQuestion {
    /// The question's id.
    pub id: ItemId,
    /// The question.
    pub text: String,
    /// Where it was asked.
    pub debrief: DebriefId,
}

/// Everything to weigh before answering an offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferCheck {
    /// The lead with the offer.
    pub lead: LeadId,
    /// The five checks, in a fixed order.
    pub concerns: Vec<Concern>,
    /// First-hand flags that fit no check.
    pub other_flags: Vec<FlagEvidence>,
    /// Second-hand flags: listed for honesty, never counted.
    pub heard: Vec<FlagEvidence>,
    /// Questions nobody has answered yet.
    pub open_questions: Vec<OpenQuestion>,
}

impl OfferCheck {
    /// How many checks have something to look at.
    pub fn raised(&self) -> usize {
        self.concerns.iter().filter(|c| c.raised()).count()
    }
}

/// An answer demanded in under this many hours after receiving the offer counts as pressure.
pub const PRESSURE_HOURS: i64 = 72;

fn question(kind: RedFlagKind) -> &'static str {
    match kind {
        RedFlagKind::VagueRole => {
            "Could they tell you plainly what you would do in your first three months?"
        }
        RedFlagKind::HighTurnover => {
            "Do people stay in this team, and do you know why the last person left?"
        }
        RedFlagKind::PressureToAccept => {
            "Do you have the time you need to decide, without being rushed?"
        }
        RedFlagKind::DiffersFromAd => "Is this still the job you applied for?",
        RedFlagKind::NoCvValue => {
            "Will this job teach you something that still counts in two years?"
        }
        RedFlagKind::Other => "Anything else that worries you?",
    }
}

fn pressure_from_terms(offer: Option<&Offer>) -> Option<&'static str> {
    let offer = offer?;
    let (received, by) = (offer.received?, offer.respond_by?);
    (by.utc() - received.utc() < Duration::hours(PRESSURE_HOURS))
        .then_some("They want an answer in under three days.")
}

/// A lead's red flags from its debriefs, split into what I saw myself (evidence)
/// and what I was told (listed, never counted). The one place that decides it.
pub fn red_flags(lead: LeadId, debriefs: &[Debrief]) -> (Vec<FlagEvidence>, Vec<FlagEvidence>) {
    let mut seen = Vec::new();
    let mut heard = Vec::new();
    for d in debriefs.iter().filter(|d| d.lead == Some(lead)) {
        for f in &d.body.red_flags {
            let ev = FlagEvidence {
                kind: f.kind,
                detail: f.detail.clone(),
                debrief: d.id,
                interview: d.interview,
                noted: d.created,
            };
            match f.provenance {
                Provenance::Seen => seen.push(ev),
                Provenance::Heard => heard.push(ev),
            }
        }
    }
    (seen, heard)
}

/// Gathers the evidence for one lead from its debriefs.
pub fn check(lead: &Lead, debriefs: &[Debrief]) -> OfferCheck {
    let (seen, heard) = red_flags(lead.id, debriefs);
    let mut open_questions = Vec::new();
    for d in debriefs.iter().filter(|d| d.lead == Some(lead.id)) {
        open_questions.extend(
            d.body
                .questions
                .iter()
                .filter(|q| q.resolved.is_none())
                .map(|q| OpenQuestion {
                    id: q.id,
                    text: q.text.clone(),
                    debrief: d.id,
                }),
        );
    }
    let checks = [
        RedFlagKind::VagueRole,
        RedFlagKind::HighTurnover,
        RedFlagKind::PressureToAccept,
        RedFlagKind::DiffersFromAd,
        RedFlagKind::NoCvValue,
    ];
    let concerns = checks
        .iter()
        .map(|&kind| Concern {
            kind,
            question: question(kind).to_string(),
            evidence: seen.iter().filter(|e| e.kind == kind).cloned().collect(),
            from_terms: (kind == RedFlagKind::PressureToAccept)
                .then(|| pressure_from_terms(lead.offer.as_ref()))
                .flatten()
                .map(str::to_string),
        })
        .collect();
    OfferCheck {
        lead: lead.id,
        concerns,
        other_flags: seen
            .into_iter()
            .filter(|e| e.kind == RedFlagKind::Other)
            .collect(),
        heard,
        open_questions,
    }
}

/// One column of the side-by-side view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferColumn {
    /// The lead.
    pub lead: LeadId,
    /// Company.
    pub company: String,
    /// Role.
    pub role: String,
    /// Pay offered (or, failing that, the advertised range).
    pub pay: Option<PayRange>,
    /// Other terms.
    pub terms: String,
    /// Start date.
    pub start_date: Option<chrono::NaiveDate>,
    /// Answer deadline.
    pub respond_by: Option<Stamp>,
    /// Checks with something to look at.
    pub concerns_raised: usize,
    /// First-hand flags in all.
    pub first_hand_flags: usize,
    /// Questions still open.
    pub open_questions: usize,
}

/// All leads currently holding an offer, side by side, soonest deadline first.
pub fn side_by_side(leads: &[Lead], debriefs: &[Debrief]) -> Vec<OfferColumn> {
    let mut cols: Vec<OfferColumn> = leads
        .iter()
        .filter(|l| l.status == crate::Status::Offer)
        .map(|l| {
            let c = check(l, debriefs);
            let offer = l.offer.clone().unwrap_or_default();
            OfferColumn {
                lead: l.id,
                company: l.details.company.clone(),
                role: l.details.role.clone(),
                pay: offer.pay.or_else(|| l.details.pay.clone()),
                terms: offer.terms,
                start_date: offer.start_date,
                respond_by: offer.respond_by,
                concerns_raised: c.raised(),
                first_hand_flags: c.concerns.iter().map(|x| x.evidence.len()).sum::<usize>()
                    + c.other_flags.len(),
                open_questions: c.open_questions.len(),
            }
        })
        .collect();
    cols.sort_by(|a, b| match (a.respond_by, b.respond_by) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.company.cmp(&b.company),
    });
    cols
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::LeadId;
    use crate::time::at;
    use crate::{DebriefBody, LeadDetails, Question, RedFlag, Source, Status};
    use uuid::Uuid;

    fn lead(n: u128, company: &str) -> Lead {
        let details = LeadDetails::new(company, "Engineer", Source::JobBoard);
        Lead::new(
            LeadId(Uuid::from_u128(n)),
            at("2026-06-01T10:00:00Z[UTC]"),
            details,
            Status::Offer,
        )
    }

    fn debrief(n: u128, lead: LeadId, flags: Vec<RedFlag>, questions: Vec<Question>) -> Debrief {
        let t = at("2026-06-01T12:00:00Z[UTC]");
        Debrief {
            id: DebriefId(Uuid::from_u128(n)),
            created: t,
            updated: t,
            interview: None,
            lead: Some(lead),
            body: DebriefBody {
                red_flags: flags,
                questions,
                ..Default::default()
            },
        }
    }

    fn flag(kind: RedFlagKind, p: Provenance) -> RedFlag {
        RedFlag {
            kind,
            detail: "noted".into(),
            provenance: p,
        }
    }

    #[test]
    fn first_hand_flags_from_every_debrief_of_the_lead_are_gathered() {
        let l = lead(1, "Acme");
        let other = lead(2, "Globex");
        let ds = vec![
            debrief(
                10,
                l.id,
                vec![flag(RedFlagKind::VagueRole, Provenance::Seen)],
                vec![],
            ),
            debrief(
                11,
                l.id,
                vec![flag(RedFlagKind::HighTurnover, Provenance::Seen)],
                vec![],
            ),
            debrief(
                12,
                other.id,
                vec![flag(RedFlagKind::NoCvValue, Provenance::Seen)],
                vec![],
            ),
        ];
        let c = check(&l, &ds);
        assert_eq!(c.raised(), 2);
        assert_eq!(
            c.concerns[0].evidence[0].debrief,
            DebriefId(Uuid::from_u128(10))
        );
        assert!(
            c.concerns[4].evidence.is_empty(),
            "other lead's flag not counted"
        );
    }

    #[test]
    fn heard_flags_are_listed_but_never_counted() {
        let l = lead(1, "Acme");
        let ds = vec![debrief(
            10,
            l.id,
            vec![flag(RedFlagKind::HighTurnover, Provenance::Heard)],
            vec![],
        )];
        let c = check(&l, &ds);
        assert_eq!(c.raised(), 0);
        assert_eq!(c.heard.len(), 1);
    }

    #[test]
    fn a_short_deadline_raises_pressure_by_itself() {
        let mut l = lead(1, "Acme");
        l.offer = Some(Offer {
            received: Some(at("2026-06-01T10:00:00Z[UTC]")),
            respond_by: Some(at("2026-06-02T10:00:00Z[UTC]")),
            ..Default::default()
        });
        let c = check(&l, &[]);
        assert!(c.concerns[2].raised());
        assert_eq!(c.concerns[2].kind, RedFlagKind::PressureToAccept);
    }

    #[test]
    fn open_questions_follow_the_offer_and_answered_ones_do_not() {
        let l = lead(1, "Acme");
        let mut answered = Question::new("Team size?");
        answered.resolved = Some(at("2026-06-02T10:00:00Z[UTC]"));
        let ds = vec![debrief(
            10,
            l.id,
            vec![],
            vec![Question::new("Remote days?"), answered],
        )];
        let c = check(&l, &ds);
        assert_eq!(c.open_questions.len(), 1);
        assert_eq!(c.open_questions[0].text, "Remote days?");
    }

    #[test]
    fn side_by_side_lists_only_open_offers_soonest_deadline_first() {
        let mut a = lead(1, "Acme");
        let mut b = lead(2, "Globex");
        let mut closed = lead(3, "Initech");
        closed.status = Status::Declined;
        a.offer = Some(Offer {
            respond_by: Some(at("2026-06-20T10:00:00Z[UTC]")),
            ..Default::default()
        });
        b.offer = Some(Offer {
            respond_by: Some(at("2026-06-10T10:00:00Z[UTC]")),
            ..Default::default()
        });
        let cols = side_by_side(&[a, b, closed], &[]);
        let names: Vec<_> = cols.iter().map(|c| c.company.as_str()).collect();
        assert_eq!(names, ["Globex", "Acme"]);
    }
}

//! A lead: one job opportunity, from first contact to its outcome, with the
//! full history of its status (people need it as proof of their search).

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::limits;
use crate::error::{Invalid, Problem};
use crate::id::LeadId;
use crate::time::Stamp;

/// Where the lead came from (the stats screen shows which sources pay off).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// A recruiter called or wrote.
    RecruiterCall,
    /// Someone recommended me.
    Referral,
    /// I found it on a job board.
    JobBoard,
    /// On the company's own careers page (or its applicant-tracking system).
    CompanySite,
    /// The company reached out directly.
    Inbound,
    /// Through my own network.
    Network,
    /// Anything else.
    Other,
}

impl Source {
    /// Every source, in the order a form lists them (the most common first).
    pub const ALL: [Source; 7] = [
        Self::JobBoard,
        Self::CompanySite,
        Self::RecruiterCall,
        Self::Referral,
        Self::Inbound,
        Self::Network,
        Self::Other,
    ];
}

/// How a pay figure is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PayPeriod {
    /// Per year.
    Year,
    /// Per month.
    Month,
    /// Per day.
    Day,
    /// Per hour.
    Hour,
}

/// A pay range as advertised or discussed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayRange {
    /// Lowest figure, if known.
    pub min: Option<u64>,
    /// Highest figure, if known.
    pub max: Option<u64>,
    /// ISO 4217 code, e.g. `EUR`.
    pub currency: String,
    /// What the figures are per.
    pub period: PayPeriod,
}

/// The period's word as a form or file writes it (`year`, `month`, `day`, `hour`).
impl PayPeriod {
    /// Every period, in the order a form lists them.
    pub const ALL: [PayPeriod; 4] = [Self::Year, Self::Month, Self::Day, Self::Hour];

    /// The form's key for this period.
    pub fn key(self) -> &'static str {
        match self {
            Self::Year => "year",
            Self::Month => "month",
            Self::Day => "day",
            Self::Hour => "hour",
        }
    }

    /// The period named by a form's key; anything else reads as a year.
    pub fn from_key(key: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|p| p.key() == key)
            .unwrap_or(Self::Year)
    }
}

/// One typed pay figure: `52000`, `52,000`, `52 000`, `52'000`, `52.000`
/// (thousands set apart the way the user's country writes them), `52k` or
/// `52.5k`. Empty is "not known"; a figure that could be read two ways
/// (`45.50`, `5,5`) is refused rather than guessed.
pub fn amount_from_typed(typed: &str, field: &'static str) -> Result<Option<u64>, Invalid> {
    let bad = || Invalid::new(field, Problem::Amount);
    let text = typed.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let (number, per_unit) = match text.strip_suffix(['k', 'K']) {
        Some(n) => (n.trim_end(), 1000),
        None => (text, 1),
    };
    let groups: Vec<&str> = number
        .split([',', '.', '\'', ' ', '\u{a0}', '\u{202f}'])
        .collect();
    let all_digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    if !groups.iter().all(|g| all_digits(g)) {
        return Err(bad());
    }
    let value = match groups.as_slice() {
        [whole] => whole
            .parse::<u64>()
            .ok()
            .and_then(|v| v.checked_mul(per_unit)),
        // "52.5k": one short group after the point is a fraction of a thousand
        [whole, frac] if per_unit == 1000 && frac.len() < 3 => {
            let whole = whole.parse::<u64>().ok();
            let frac = format!("{frac:0<3}").parse::<u64>().ok();
            whole
                .zip(frac)
                .and_then(|(w, f)| w.checked_mul(1000)?.checked_add(f))
        }
        // thousands set apart: every group after the first has three digits
        [first, rest @ ..] if first.len() <= 3 && rest.iter().all(|g| g.len() == 3) => groups
            .concat()
            .parse::<u64>()
            .ok()
            .and_then(|v| v.checked_mul(per_unit)),
        _ => None,
    };
    value.map(Some).ok_or_else(bad)
}

impl PayRange {
    /// A range from what a form holds: two typed amounts, a currency and a
    /// period key. `Ok(None)` when neither amount is given (pay not known).
    pub fn from_typed(
        min: &str,
        max: &str,
        currency: &str,
        period: &str,
        field: &'static str,
    ) -> Result<Option<Self>, Invalid> {
        let (min, max) = (
            amount_from_typed(min, field)?,
            amount_from_typed(max, field)?,
        );
        if min.is_none() && max.is_none() {
            return Ok(None);
        }
        let range = Self {
            min,
            max,
            currency: currency.trim().to_uppercase(),
            period: PayPeriod::from_key(period),
        };
        range.validate(field)?;
        Ok(Some(range))
    }

    /// Checks currency and order of the bounds.
    pub fn validate(&self, field: &'static str) -> Result<(), Invalid> {
        let c = self.currency.as_bytes();
        if c.len() != 3 || !c.iter().all(u8::is_ascii_uppercase) {
            return Err(Invalid::new(field, Problem::Currency));
        }
        if let (Some(lo), Some(hi)) = (self.min, self.max)
            && hi < lo
        {
            return Err(Invalid::new(field, Problem::EndBeforeStart));
        }
        Ok(())
    }
}

/// Where the work happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkMode {
    /// At the office.
    OnSite,
    /// Some days at the office.
    Hybrid,
    /// From anywhere.
    Remote,
}

impl WorkMode {
    /// Every mode, in the order a form lists them.
    pub const ALL: [WorkMode; 3] = [Self::OnSite, Self::Hybrid, Self::Remote];
}

/// My own judgment of a fit (skills, or pay), used by triage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fit {
    /// Not judged yet.
    #[default]
    Unknown,
    /// Clearly inside my range.
    Good,
    /// A stretch, but plausible.
    Stretch,
    /// Clearly outside.
    Mismatch,
}

/// An interview stage; any number of them, in any order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// First call, usually with a recruiter.
    Screen,
    /// With the future manager.
    HiringManager,
    /// Technical or skills test.
    Technical,
    /// Several interviewers at once.
    Panel,
    /// The last round.
    Final,
    /// Anything else, named by the user.
    Custom(String),
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stage::Screen => f.write_str("screen"),
            Stage::HiringManager => f.write_str("hiring manager"),
            Stage::Technical => f.write_str("technical"),
            Stage::Panel => f.write_str("panel"),
            Stage::Final => f.write_str("final"),
            Stage::Custom(name) => f.write_str(name),
        }
    }
}

/// Where a lead stands in the pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not triaged yet: in the swipe deck.
    New,
    /// Need more information before deciding.
    Deciding,
    /// Decided to take the interview; not scheduled yet.
    Taking,
    /// Passed, with a reason.
    Passed,
    /// In interviews (see the stage).
    Interviewing,
    /// An offer is on the table.
    Offer,
    /// I accepted the offer.
    Accepted,
    /// I declined the offer.
    Declined,
    /// They said no.
    Rejected,
    /// I stepped out of the process.
    Withdrew,
    /// No word for too long.
    Ghosted,
}

impl Status {
    /// Every status, in pipeline order.
    pub const ALL: [Status; 11] = [
        Status::New,
        Status::Deciding,
        Status::Taking,
        Status::Passed,
        Status::Interviewing,
        Status::Offer,
        Status::Accepted,
        Status::Declined,
        Status::Rejected,
        Status::Withdrew,
        Status::Ghosted,
    ];

    /// A stable one-byte code, used as the status index key. Never renumber.
    pub fn code(self) -> u8 {
        match self {
            Status::New => 0,
            Status::Deciding => 1,
            Status::Taking => 2,
            Status::Passed => 3,
            Status::Interviewing => 4,
            Status::Offer => 5,
            Status::Accepted => 6,
            Status::Declined => 7,
            Status::Rejected => 8,
            Status::Withdrew => 9,
            Status::Ghosted => 10,
        }
    }

    /// The lead is closed with an outcome (nothing more is expected).
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            Status::Passed
                | Status::Accepted
                | Status::Declined
                | Status::Rejected
                | Status::Withdrew
                | Status::Ghosted
        )
    }

    /// We are waiting on the company: silence here can mean ghosting. (With an
    /// offer on the table the next move is mine, so it is not waiting.)
    pub fn awaits_word(self) -> bool {
        matches!(self, Status::Taking | Status::Interviewing)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Status::New => "new",
            Status::Deciding => "deciding",
            Status::Taking => "taking the interview",
            Status::Passed => "passed",
            Status::Interviewing => "interviewing",
            Status::Offer => "offer",
            Status::Accepted => "accepted",
            Status::Declined => "declined",
            Status::Rejected => "rejected",
            Status::Withdrew => "withdrew",
            Status::Ghosted => "ghosted",
        })
    }
}

/// Why I passed on a lead. Whether it is a strong reason is a rule
/// ([`crate::rules::pass::assess`]), not a property stored here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PassReason {
    /// The job needs skills I do not have.
    OutsideSkills,
    /// The pay is clearly outside my range.
    OutsidePayRange,
    /// I saw a red flag myself.
    RedFlagSeen,
    /// Plainly not the job for me (location, field, contract…).
    ClearMismatch,
    /// Someone else's review of the company.
    SecondHandReview,
    /// I feel I have no time for it.
    NoTime,
    /// I'm afraid they will say no.
    FearOfRejection,
    /// I'm afraid of being rude or leading them on.
    AfraidToBeRude,
    /// Just a feeling.
    VagueFeeling,
}

impl PassReason {
    /// Every reason, strong ones first.
    pub const ALL: [PassReason; 9] = [
        PassReason::OutsideSkills,
        PassReason::OutsidePayRange,
        PassReason::RedFlagSeen,
        PassReason::ClearMismatch,
        PassReason::SecondHandReview,
        PassReason::NoTime,
        PassReason::FearOfRejection,
        PassReason::AfraidToBeRude,
        PassReason::VagueFeeling,
    ];
}

/// One step of the stage history. Entries are only ever appended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    /// When it happened.
    pub at: Stamp,
    /// The new status.
    pub status: Status,
    /// The interview stage, while interviewing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    /// The reason, when passing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<PassReason>,
    /// A free note ("recruiter called back", "undo").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// This entry reverted the previous decision.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub undo: bool,
}

impl StatusChange {
    /// A plain move to `status` at `at`: no stage, reason or note.
    pub fn to(status: Status, at: Stamp) -> Self {
        Self {
            at,
            status,
            stage: None,
            reason: None,
            note: String::new(),
            undo: false,
        }
    }
}

/// An offer's terms, filled in when one arrives.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Offer {
    /// Pay offered.
    pub pay: Option<PayRange>,
    /// Bonus, equity, benefits, in the user's words.
    #[serde(default)]
    pub terms: String,
    /// First working day.
    pub start_date: Option<NaiveDate>,
    /// When they received it.
    pub received: Option<Stamp>,
    /// When they want an answer.
    pub respond_by: Option<Stamp>,
}

/// What the user types about a lead (add and edit share it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadDetails {
    /// Company name (required).
    pub company: String,
    /// Job title (required).
    pub role: String,
    /// Where it came from.
    pub source: Source,
    /// Pay range, if known.
    pub pay: Option<PayRange>,
    /// City or region.
    #[serde(default)]
    pub location: String,
    /// On site, hybrid, remote.
    pub work_mode: Option<WorkMode>,
    /// The ad or the company page.
    #[serde(default)]
    pub link: String,
    /// Fit with my skills.
    #[serde(default)]
    pub skills_fit: Fit,
    /// Fit with my pay range.
    #[serde(default)]
    pub pay_fit: Fit,
    /// A company I would love to work for: a "no" becomes a reapply reminder.
    #[serde(default)]
    pub dream_job: bool,
    /// What I saw or heard myself, first-hand: this counts as evidence.
    #[serde(default)]
    pub seen: String,
    /// What others told me (reviews, rumours): kept apart, never counted as a red flag.
    #[serde(default)]
    pub heard: String,
    /// The posting itself, as shared or pasted: kept because ads are taken
    /// down, and the offer is checked against what was advertised. Left
    /// out of the stored record when empty, so records, backups and sync
    /// documents of leads without an ad keep their earlier shape.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ad: String,
}

impl LeadDetails {
    /// The ad's address when it is a web address, to open as a link;
    /// anything else typed there stays text.
    /// A link copied without its scheme ("www.example.com/jobs/1") opens
    /// as https.
    pub fn ad_link(&self) -> Option<String> {
        let u = self.link.trim();
        if u.starts_with("https://") || u.starts_with("http://") {
            Some(u.to_string())
        } else if u.starts_with("www.") && !u.contains(char::is_whitespace) {
            Some(format!("https://{u}"))
        } else {
            None
        }
    }

    /// A lead with just the two required fields.
    pub fn new(company: impl Into<String>, role: impl Into<String>, source: Source) -> Self {
        Self {
            company: company.into(),
            role: role.into(),
            source,
            pay: None,
            location: String::new(),
            work_mode: None,
            link: String::new(),
            skills_fit: Fit::Unknown,
            pay_fit: Fit::Unknown,
            dream_job: false,
            seen: String::new(),
            heard: String::new(),
            ad: String::new(),
        }
    }

    /// Checks every field; the first problem is returned.
    pub fn validate(&self) -> Result<(), Invalid> {
        limits::required("company", &self.company, limits::SHORT)?;
        limits::required("role", &self.role, limits::SHORT)?;
        self.validate_known()
    }

    /// Checks every field but the company and the role, which a lead read
    /// from a shared posting may not know yet (they are asked for before
    /// it is decided on).
    pub fn validate_known(&self) -> Result<(), Invalid> {
        limits::optional("company", &self.company, limits::SHORT)?;
        limits::optional("role", &self.role, limits::SHORT)?;
        limits::optional("location", &self.location, limits::SHORT)?;
        limits::optional("link", &self.link, limits::LINK)?;
        limits::optional("seen", &self.seen, limits::NOTE)?;
        limits::optional("heard", &self.heard, limits::NOTE)?;
        limits::optional("ad", &self.ad, limits::NOTE)?;
        if let Some(pay) = &self.pay {
            pay.validate("pay")?;
        }
        Ok(())
    }
}

/// A job opportunity and everything decided about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lead {
    /// Identity.
    pub id: LeadId,
    /// When it was added.
    pub created: Stamp,
    /// When it last changed (for merging journals later).
    pub updated: Stamp,
    /// What the user typed.
    pub details: LeadDetails,
    /// Current status (always the last entry of `history`).
    pub status: Status,
    /// Current interview stage, while interviewing.
    pub stage: Option<Stage>,
    /// Every status change, oldest first.
    pub history: Vec<StatusChange>,
    /// The last time the company got in touch (silence is measured from here).
    pub last_word: Option<Stamp>,
    /// The offer, once there is one.
    pub offer: Option<Offer>,
    /// Messages the user said they sent about it, oldest first: part of its
    /// history (and of the proof of the search).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub messages_sent: Vec<MessageSent>,
    /// Added from a shared or pasted posting and not looked at yet: the
    /// deck asks the user to check what Reps read from the text (and to
    /// fill in the company or role it could not tell).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unchecked: bool,
}

/// A message the user sent themselves ("I sent it").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageSent {
    /// When they marked it sent.
    pub at: Stamp,
    /// What was done, in the words of the day: "Sent a thank-you".
    pub what: String,
}

impl Lead {
    /// A lead as first recorded: its history starts with its status.
    pub fn new(id: LeadId, at: Stamp, details: LeadDetails, status: Status) -> Self {
        Self {
            id,
            created: at,
            updated: at,
            details,
            status,
            stage: None,
            history: vec![StatusChange::to(status, at)],
            last_word: None,
            offer: None,
            messages_sent: Vec::new(),
            unchecked: false,
        }
    }

    /// The moment of the latest sign of life: last word from them, or the last status change.
    pub fn last_activity(&self) -> Stamp {
        let changed = self.history.last().map_or(self.created, |c| c.at);
        self.last_word.map_or(changed, |w| w.max(changed))
    }

    /// Normalised company name used by the company index and "did I talk to them before?".
    pub fn company_key(&self) -> String {
        company_key(&self.details.company)
    }
}

/// Lower-cases and collapses spaces so "ACME  Corp" and "acme corp" meet.
pub fn company_key(company: &str) -> String {
    company
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    #[test]
    fn typed_amounts_read_the_ways_people_write_them() {
        let read = |t: &str| super::amount_from_typed(t, "pay");
        for (typed, want) in [
            ("52000", Some(52_000)),
            (" 52,000 ", Some(52_000)),
            ("52.000", Some(52_000)),
            ("52 000", Some(52_000)),
            ("52'000", Some(52_000)),
            ("1,250,000", Some(1_250_000)),
            ("52k", Some(52_000)),
            ("52 K", Some(52_000)),
            ("52.5k", Some(52_500)),
            ("", None),
            ("   ", None),
        ] {
            assert_eq!(read(typed), Ok(want), "{typed:?}");
        }
        for typed in [
            "45.50",
            "5,5",
            "abc",
            "52,00,0",
            "-5",
            "99999999999999999999",
            "1.2.3k",
            "k",
        ] {
            assert_eq!(
                read(typed).map_err(|e| e.problem),
                Err(super::Problem::Amount),
                "{typed:?}"
            );
        }
    }

    #[test]
    fn a_typed_range_needs_a_currency_and_its_ends_in_order() {
        use super::{PayPeriod, PayRange, Problem};
        assert_eq!(PayRange::from_typed("", "", "EUR", "year", "pay"), Ok(None));
        let r = PayRange::from_typed("48k", "55,000", " eur ", "month", "pay")
            .unwrap()
            .unwrap();
        assert_eq!(
            (r.min, r.max, r.currency.as_str(), r.period),
            (Some(48_000), Some(55_000), "EUR", PayPeriod::Month)
        );
        let err = |e: Result<_, super::Invalid>| e.map_err(|e| e.problem).unwrap_err();
        assert_eq!(
            err(PayRange::from_typed("60k", "50k", "EUR", "year", "pay")),
            Problem::EndBeforeStart
        );
        assert_eq!(
            err(PayRange::from_typed("60k", "", "euros", "year", "pay")),
            Problem::Currency
        );
    }

    use super::*;

    #[test]
    fn empty_company_is_refused_by_field() {
        let err = LeadDetails::new("  ", "Engineer", Source::JobBoard)
            .validate()
            .unwrap_err();
        assert_eq!(err.field, "company");
        assert_eq!(err.problem, Problem::Empty);
    }

    #[test]
    fn pay_range_needs_a_currency_code_and_ordered_bounds() {
        let mut pay = PayRange {
            min: Some(50_000),
            max: Some(40_000),
            currency: "EUR".into(),
            period: PayPeriod::Year,
        };
        assert_eq!(
            pay.validate("pay").unwrap_err().problem,
            Problem::EndBeforeStart
        );
        pay.max = Some(60_000);
        assert!(pay.validate("pay").is_ok());
        pay.currency = "euro".into();
        assert_eq!(pay.validate("pay").unwrap_err().problem, Problem::Currency);
    }

    #[test]
    fn status_codes_are_unique() {
        let mut codes: Vec<u8> = Status::ALL.iter().map(|s| s.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), Status::ALL.len());
    }

    #[test]
    fn company_key_ignores_case_and_spacing() {
        assert_eq!(company_key("  ACME   Corp "), "acme corp");
    }

    #[test]
    fn an_ad_link_copied_without_its_scheme_still_opens() {
        let mut d = LeadDetails::new("Acme", "Dev", Source::JobBoard);
        d.link = " www.acme.example/jobs/1 ".into();
        assert_eq!(
            d.ad_link().as_deref(),
            Some("https://www.acme.example/jobs/1")
        );
        d.link = "http://acme.example".into();
        assert_eq!(d.ad_link().as_deref(), Some("http://acme.example"));
        d.link = "ask Maya for the ad".into();
        assert_eq!(d.ad_link(), None);
    }
}

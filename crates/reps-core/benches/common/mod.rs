//! The ten-year journal the benchmarks run on, shared by `benches/journal.rs`
//! and `benches/search.rs` (each includes it with `mod common;`).
//!
//! Reproducible: a fixed "now" and its own PRNG, so every run and every
//! bench sees the same records (≈5,000 leads, 3,000 interviews, 3,000
//! debriefs, 2,000 contacts, 10,000 follow-ups at full scale).
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Weekday};
use chrono_tz::Europe::Paris;

use reps_core::domain::checklist::default_items;
use reps_core::domain::lead::company_key;
use reps_core::formats::backup::{self, Backup};
use reps_core::rules::followups as due;
use reps_core::{
    Checklist, ChecklistItem, ChecklistTemplate, Contact, ContactDetails, ContactId, Debrief,
    DebriefBody, DebriefId, Fit, FollowUp, FollowUpId, FollowUpKind, FollowUpState, Interview,
    InterviewId, InterviewKind, InterviewPlan, ItemId, Lead, LeadDetails, LeadId, Offer, Outcome,
    PassReason, PayPeriod, PayRange, Position, Question, Rating, RedFlag, RedFlagKind, Settings,
    Skill, Source, Stage, Stamp, Status, StatusChange, TemplateId, TemplateItem, When, WorkMode,
};

pub const MIN: i64 = 60_000;
pub const HOUR: i64 = 60 * MIN;
pub const DAY: i64 = 24 * HOUR;

/// The fixed "now" of every run: a Wednesday morning in Paris.
pub const NOW: &str = "2026-05-20T09:30:00+02:00[Europe/Paris]";
pub const SEED: u64 = 0x5EED_2026_0520;
/// Hits returned by a search, as in the app.
pub const LIMIT: usize = 20;
/// Two words planted in a few dozen records each, and one found nowhere. The
/// second is also a JSON field name of every debrief and every interview
/// (`people`), so a pre-filter on raw JSON bytes cannot skip those records.
pub const RARE: &str = "kubernetes";
pub const NONE: &str = "zygomorphic";
pub const COMMON: &str = "people";
/// A city the user searches for; also inside every stored time
/// (`…[Europe/Paris]`), so the raw pre-filter passes every record.
pub const CITY: &str = "paris";

// ---------------------------------------------------------------- scale

/// How big a journal to make.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub leads: usize,
    pub contacts: usize,
    pub debriefs: usize,
    pub follow_ups: usize,
    /// Leads left in Taking/Interviewing years ago and never closed.
    pub stale_p: f64,
    /// Records that get each planted word (leads, debriefs, contacts, interviews).
    pub planted: [usize; 4],
}

/// Ten years.
pub const FULL: Scale = Scale {
    leads: 5_000,
    contacts: 2_000,
    debriefs: 3_000,
    follow_ups: 10_000,
    stale_p: 0.0025,
    planted: [10, 14, 6, 6],
};

/// 20× smaller: the smoke run (`REPS_BENCH_QUICK=1`).
pub const QUICK: Scale = Scale {
    leads: 250,
    contacts: 100,
    debriefs: 150,
    follow_ups: 500,
    stale_p: 0.02,
    planted: [2, 3, 1, 1],
};

/// Whether this is the smoke run: `REPS_BENCH_QUICK=1`.
pub fn quick() -> bool {
    std::env::var("REPS_BENCH_QUICK").is_ok_and(|v| v == "1")
}

// ---------------------------------------------------------------- randomness

/// splitmix64: tiny, deterministic, good enough for test data.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo) as u64 + 1) as i64
    }
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    /// An index drawn with the given weights.
    pub fn weighted(&mut self, ws: &[u64]) -> usize {
        let mut x = self.below(ws.iter().sum());
        for (i, w) in ws.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        ws.len() - 1
    }
}

/// A UUIDv7 as a storage key: `ms` in the top 48 bits, so key order is time order.
pub fn v7(r: &mut Rng, ms: i64) -> u128 {
    let ms = (ms.max(0) as u128) & ((1 << 48) - 1);
    let rand_a = (r.next() as u128) & 0xFFF;
    let rand_b = (r.next() as u128) & ((1 << 62) - 1);
    (ms << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b
}

pub fn at_ms(ms: i64) -> Stamp {
    Stamp::new(
        DateTime::from_timestamp_millis(ms).expect("time in range"),
        Paris,
    )
}

pub fn local(date: NaiveDate, h: u32, m: u32) -> Stamp {
    Stamp::from_local(date.and_hms_opt(h, m, 0).expect("valid time"), Paris)
        .expect("office hours are never in a DST gap")
}

pub fn plus(s: Stamp, ms: i64) -> Stamp {
    s.add(TimeDelta::milliseconds(ms)).expect("time in range")
}

pub fn rating(v: i64) -> Rating {
    Rating::new("rating", v).expect("1..=5")
}

// ---------------------------------------------------------------- text

const COMPANY_A: &[&str] = &[
    "North", "Blue", "Bright", "Iron", "Silver", "Cedar", "Harbor", "Summit", "Pixel", "Quantum",
    "Maple", "Falcon", "Orbit", "Nimbus", "Granite", "Coral", "Vertex", "Atlas", "Juniper",
    "Lumen", "Meridian", "Opal", "Prairie", "Redwood", "Sparrow", "Tidal", "Willow", "Zenith",
    "Copper", "Aurora",
];
const COMPANY_B: &[&str] = &[
    "wind Labs",
    "stone Systems",
    " Analytics",
    " Works",
    " Health",
    " Logistics",
    " Bank",
    " Software",
    " Robotics",
    " Media",
    " Energy",
    " Insurance",
    " Games",
    " Retail",
    " Consulting",
];
const ROLES: &[&str] = &[
    "Backend Engineer",
    "Senior Backend Engineer",
    "Software Engineer",
    "Staff Engineer",
    "Platform Engineer",
    "Data Engineer",
    "Site Reliability Engineer",
    "Engineering Manager",
    "Tech Lead",
    "Full-Stack Developer",
    "Mobile Developer",
    "QA Engineer",
    "Product Engineer",
    "Solutions Architect",
    "DevOps Engineer",
    "Machine Learning Engineer",
    "Frontend Developer",
    "Security Engineer",
];
const CITIES: &[&str] = &[
    "Paris",
    "Lyon",
    "Nantes",
    "Bordeaux",
    "Lille",
    "Toulouse",
    "Rennes",
    "Grenoble",
    "Montpellier",
    "Marseille",
    "Remote (EU)",
    "Berlin",
    "Amsterdam",
    "London",
    "Brussels",
];
const STREETS: &[&str] = &[
    "de Rivoli",
    "du Faubourg Saint-Antoine",
    "de la République",
    "Lafayette",
    "des Halles",
    "Oberkampf",
    "de Vaugirard",
    "Saint-Honoré",
];
const FIRST: &[&str] = &[
    "Alice",
    "Bruno",
    "Camille",
    "David",
    "Élodie",
    "Fatima",
    "Guillaume",
    "Hélène",
    "Ibrahim",
    "Julie",
    "Karim",
    "Léa",
    "Mathieu",
    "Nadia",
    "Olivier",
    "Pauline",
    "Quentin",
    "Rachid",
    "Sophie",
    "Thomas",
    "Ursula",
    "Victor",
    "Wendy",
    "Xavier",
    "Yasmine",
    "Zoé",
    "Antoine",
    "Chloé",
    "Hugo",
    "Inès",
];
const LAST: &[&str] = &[
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefebvre",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "André",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "François",
    "Martinez",
    "Legrand",
];
const TECH: &[&str] = &[
    "Rust",
    "Go",
    "Python",
    "PostgreSQL",
    "Kafka",
    "Terraform",
    "React",
    "TypeScript",
    "gRPC",
    "Spark",
    "Airflow",
    "Redis",
    "AWS",
    "GCP",
    "Elixir",
    "Java",
    "Scala",
    "Swift",
    "Kotlin",
    "ClickHouse",
];
const NOTES: &[&str] = &[
    "The hiring manager spent most of the call on system design for a payments ledger.",
    "They asked me to walk through a migration I led; I rambled on the rollback part.",
    "{name} was friendly and explained the team structure clearly.",
    "The team is {n} engineers, split between product work and on-call.",
    "Their stack is mostly {tech} with some legacy {tech2} services.",
    "I forgot to ask about the on-call rotation; must do it next time.",
    "Good energy in the room, the same jokes landed on both sides.",
    "The coding exercise was a rate limiter in {tech}; finished with ten minutes left.",
    "Salary came up early; I gave a range and they did not flinch.",
    "The office is a short walk from the station, open space but quiet.",
    "They want someone who can mentor juniors and own the release process.",
    "I should prepare a shorter answer to the question about leaving my last job.",
    "{name} mentioned the previous person in the role left after eight months.",
    "The take-home test looked like real work from their backlog, which felt off.",
    "Nobody could say who I would report to after the reorganisation.",
    "We talked about observability, tracing and how they handle incidents.",
    "The panel was four interviewers; the product manager asked the best questions.",
    "I answered the conflict question with the story about the delayed launch.",
    "They use {tech} heavily and were pleased I had shipped it in production.",
    "Next round is a pairing session with two engineers from the platform team.",
    "Remote work is two days a week, negotiable after the trial period.",
    "I felt rushed at the end and did not get to ask my own questions.",
    "The recruiter said they have {n} candidates at the final stage.",
    "Benefits are standard; the bonus depends on company results.",
    "Strong impression of the CTO, clear about the roadmap for next year.",
    "The interview ran late by twenty minutes, which ate into my questions.",
    "Everyone seemed tired; several mentioned a hard quarter.",
    "I need to revise database indexing and transaction isolation levels.",
    "My answer on testing strategy was too long; keep it to three points.",
    "They liked the story about cutting the build time in half.",
    "The role is closer to operations than the ad suggested.",
    "I met {name} again, who had interviewed me at {company} two years ago.",
    "Lunch with the team was relaxed; they talked about their hack week.",
    "The technical questions were fair and focused on fundamentals.",
    "I was asked to estimate a project live and talked through the risks.",
    "Their deployment pipeline is manual, which they want to change.",
    "They could not tell me the budget for the team next year.",
    "Very structured process with a scorecard; feedback promised within a week.",
    "Good discussion about code review culture and pairing.",
    "I should have asked for the team's biggest problem this quarter.",
    "The engineers I would work with were sharp and curious.",
    "Café downstairs, desks by the window, nobody wore headphones.",
];
const IMPROVE: &[&str] = &[
    "Tell me about yourself ran over two minutes.",
    "My salary answer was vague; give a number next time.",
    "I did not quantify the impact of the migration project.",
    "Should have asked clarifying questions before coding.",
    "Explain trade-offs before jumping to the solution.",
    "Less jargon when talking to the recruiter.",
    "I lost my thread on the {tech} question and did not recover quickly.",
    "Prepare a crisp story about a failure and what I learned.",
    "I talked over {name} twice; let them finish.",
];
const WENT_WELL: &[&str] = &[
    "The system design discussion flowed naturally.",
    "I stayed calm when I did not know the answer and said so.",
    "Good rapport with {name} from the first minute.",
    "My questions about the roadmap landed well.",
    "The example about on-call improvements was concrete and short.",
    "Finished the exercise early and explained the tests.",
    "Clear answer on why I want to leave my current job.",
    "They nodded through the {tech} migration story.",
];
const FLAGS: &[(RedFlagKind, &str)] = &[
    (
        RedFlagKind::VagueRole,
        "Nobody could describe a typical week in the role.",
    ),
    (
        RedFlagKind::HighTurnover,
        "Three engineers left the team this year, the manager said so himself.",
    ),
    (
        RedFlagKind::PressureToAccept,
        "They asked for an answer by tomorrow morning.",
    ),
    (
        RedFlagKind::DiffersFromAd,
        "The ad said backend, the interview was all about support tickets.",
    ),
    (
        RedFlagKind::NoCvValue,
        "The stack is a decade old with no plan to change it.",
    ),
    (
        RedFlagKind::Other,
        "The interviewer checked his phone the whole time.",
    ),
];
const QUESTIONS: &[&str] = &[
    "What does the on-call rotation look like?",
    "Who would I report to after the reorganisation?",
    "How is performance reviewed in the first year?",
    "What is the budget for training and conferences?",
    "How many days of remote work are allowed?",
    "Why did the previous person leave?",
    "What does success look like after six months?",
    "How are priorities set between product and platform work?",
];
const NEXT_STEPS: &[&str] = &[
    "They will send a take-home exercise this week.",
    "The recruiter will call with feedback on Friday.",
    "Final round with the CTO, to be scheduled.",
    "Reference checks, then an offer if all goes well.",
    "They will decide after seeing two more candidates.",
    "Waiting for the team lead's feedback.",
];
const SEEN: &[&str] = &[
    "The ad lists {tech} and {tech2}, which I know well.",
    "Their engineering blog is active and honest about outages.",
    "Office visit: quiet floor, most desks taken at nine.",
    "The founder answered my message within an hour.",
    "The job ad was reposted three times in six months.",
];
const HEARD: &[&str] = &[
    "A friend says the management changed twice last year.",
    "Reviews online mention long hours before releases.",
    "A former colleague works there and likes it.",
    "Heard they are raising a new round.",
];
const CONTACT_ROLES: &[&str] = &[
    "Recruiter",
    "Talent Partner",
    "Engineering Manager",
    "Tech Lead",
    "CTO",
    "Senior Engineer",
    "Head of Engineering",
    "HR Business Partner",
    "Product Manager",
    "Staff Engineer",
];
const MET_WHERE: &[&str] = &[
    "panel interview",
    "phone screen",
    "meetup",
    "conference",
    "former colleague",
    "LinkedIn message",
    "referral",
    "hiring manager call",
];
const CONTACT_NOTES: &[&str] = &[
    "Very responsive, prefers email over phone.",
    "Knows everyone in the {tech} community in town.",
    "Offered to introduce me to the platform team.",
    "Moved companies recently; keep in touch.",
    "Gave honest feedback after the rejection.",
    "Organises the monthly {tech} meetup.",
    "We worked together at {company} for two years.",
];
const PASS_NOTES: &[&str] = &[
    "Pay is well below my floor.",
    "Full on-site, two hours of commute each way.",
    "They want ten years of {tech}.",
    "Agency with no client name.",
];
const GOALS: &[&str] = &[
    "Understand the on-call load",
    "Get a clear salary range",
    "Meet the future teammates",
    "Show the migration story in under two minutes",
];
const MANUAL_NOTES: &[&str] = &[
    "Send the portfolio link",
    "Ask {name} for the salary bands",
    "Prepare references",
    "Update the CV with the {tech} project",
    "Reply to {name} about coffee",
    "Send the signed NDA back",
];
const OFFER_TERMS: &[&str] = &[
    "10% bonus, 25 days off, equity vesting over four years.",
    "Fixed salary only, meal vouchers, two remote days.",
    "Signing bonus of one month, relocation paid.",
];

// ---------------------------------------------------------------- the journal generator

pub struct Gen {
    rng: Rng,
    idr: Rng,
    size: Scale,
    now: Stamp,
    now_ms: i64,
    start_ms: i64,
    settings: Settings,
    template: ChecklistTemplate,
    companies: Vec<String>,
    contacts_at: HashMap<String, Vec<ContactId>>,
    contact_ids: Vec<ContactId>,
    leads: Vec<Lead>,
    contacts: Vec<Contact>,
    interviews: Vec<Interview>,
    checklists: Vec<Checklist>,
    debriefs: Vec<Debrief>,
    follow_ups: Vec<FollowUp>,
    /// Leads that reached Taking, with their creation time (for loose debriefs).
    taking: Vec<(LeadId, i64)>,
    /// The debrief the autosave benchmark edits.
    autosave: Option<DebriefId>,
}

/// What the generator made, ready to import.
pub struct Generated {
    /// Every record, ready for `Journal::import`.
    pub backup: Backup,
    /// The debrief the autosave benchmark edits.
    pub autosave: DebriefId,
}

impl Gen {
    pub fn new(now: Stamp, size: Scale, seed: u64) -> Self {
        let now_ms = now.millis();
        let start_ms = now_ms - 3652 * DAY;
        let mut idr = Rng(seed ^ 0xA5A5_5A5A_0F0F_F0F0);
        let template = ChecklistTemplate {
            id: TemplateId::from_key(v7(&mut idr, start_ms)),
            created: at_ms(start_ms),
            updated: at_ms(start_ms),
            name: "Before every interview".into(),
            items: default_items()
                .into_iter()
                .map(|(when, text)| TemplateItem {
                    id: ItemId::from_key(v7(&mut idr, start_ms)),
                    text: text.into(),
                    when,
                })
                .collect(),
        };
        let settings = Settings {
            default_template: Some(template.id),
            ..Settings::default()
        };
        let mut rng = Rng(seed);
        let n_companies = (size.leads / 16).max(20);
        let mut companies = Vec::new();
        let mut seen = std::collections::HashSet::new();
        while companies.len() < n_companies.min(COMPANY_A.len() * COMPANY_B.len()) {
            let c = format!("{}{}", rng.pick(COMPANY_A), rng.pick(COMPANY_B));
            if seen.insert(c.clone()) {
                companies.push(c);
            }
        }
        Self {
            rng,
            idr,
            size,
            now,
            now_ms,
            start_ms,
            settings,
            template,
            companies,
            contacts_at: HashMap::new(),
            contact_ids: Vec::new(),
            leads: Vec::new(),
            contacts: Vec::new(),
            interviews: Vec::new(),
            checklists: Vec::new(),
            debriefs: Vec::new(),
            follow_ups: Vec::new(),
            taking: Vec::new(),
            autosave: None,
        }
    }

    fn id(&mut self, ms: i64) -> u128 {
        v7(&mut self.idr, ms)
    }

    /// A local time `days` from today.
    fn day(&self, days: i64, h: u32, m: u32) -> Stamp {
        local(self.now.local_date() + TimeDelta::days(days), h, m)
    }

    fn person(&mut self) -> String {
        format!("{} {}", self.rng.pick(FIRST), self.rng.pick(LAST))
    }

    /// A company, some far more often than others.
    fn company(&mut self) -> String {
        let n = self.companies.len() as u64;
        let i = (self.rng.below(n) * self.rng.below(n)) / n;
        self.companies[i as usize].clone()
    }

    fn fill(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(p) = rest.find('{') {
            out.push_str(&rest[..p]);
            let end = p + rest[p..].find('}').expect("closed slot");
            match &rest[p + 1..end] {
                "tech" | "tech2" => {
                    let t = *self.rng.pick(TECH);
                    out.push_str(t);
                }
                "name" => {
                    let n = self.person();
                    out.push_str(&n);
                }
                "company" => {
                    let c = self.company();
                    out.push_str(&c);
                }
                "n" => out.push_str(&self.rng.range(3, 40).to_string()),
                other => panic!("unknown slot {other}"),
            }
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        out
    }

    fn sentences(&mut self, bank: &[&str], lo: i64, hi: i64) -> String {
        let n = self.rng.range(lo, hi);
        let mut out = Vec::new();
        let mut last = usize::MAX;
        for _ in 0..n {
            let mut i = self.rng.below(bank.len() as u64) as usize;
            if i == last {
                i = (i + 1) % bank.len();
            }
            last = i;
            out.push(self.fill(bank[i]));
        }
        out.join(" ")
    }

    /// The first weekday after `after`, in office hours.
    fn slot(&mut self, after: i64) -> Stamp {
        let mut d = at_ms(after).local_date();
        loop {
            d = d.succ_opt().expect("date in range");
            if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
                break;
            }
        }
        let h = self.rng.range(9, 17) as u32;
        let m = *self.rng.pick(&[0, 15, 30, 45]);
        local(d, h, m)
    }

    /// A follow-up; past ones are done (mostly) or dismissed, future ones open.
    fn fu(&mut self, kind: FollowUpKind, created: Stamp, due_at: Stamp) -> FollowUp {
        let state = if due_at.millis() >= self.now_ms {
            FollowUpState::Open
        } else {
            let t = (due_at.millis() + self.rng.range(0, 2 * DAY)).min(self.now_ms - HOUR);
            if self.rng.chance(0.88) {
                FollowUpState::Done(at_ms(t))
            } else {
                FollowUpState::Dismissed(at_ms(t))
            }
        };
        let mut f = FollowUp {
            id: FollowUpId::from_key(self.id(created.millis())),
            created,
            updated: created,
            kind,
            due: due_at,
            snoozed_until: None,
            state: FollowUpState::Open,
            lead: None,
            interview: None,
            contact: None,
            note: String::new(),
            rule_key: None,
        };
        set_state(&mut f, state);
        f
    }

    // ------------------------------------------------------------ contacts

    fn contact(&mut self, created_ms: i64, cadence: Option<u32>, last_contact: Option<Stamp>) {
        let created = at_ms(created_ms);
        let role = self.rng.pick(CONTACT_ROLES).to_string();
        let company = if self.rng.chance(0.9) {
            self.company()
        } else {
            String::new()
        };
        let name = self.person();
        let notes = if self.rng.chance(0.5) {
            self.sentences(CONTACT_NOTES, 1, 3)
        } else {
            String::new()
        };
        let details = ContactDetails {
            email: String::new(),
            phone: String::new(),
            reach: format!(
                "{}@{}.example",
                name.to_lowercase().replace(' ', "."),
                company_key(&company).replace(' ', "")
            ),
            name,
            role: role.clone(),
            company: company.clone(),
            met_where: self.rng.pick(MET_WHERE).to_string(),
            met_on: self.rng.chance(0.7).then(|| created.local_date()),
            cadence_days: cadence,
            notes,
        };
        let mut history = Vec::new();
        let mut updated = created;
        if !company.is_empty() {
            if self.rng.chance(0.2) {
                let before = self.company();
                history.push(Position {
                    company: before,
                    role: role.clone(),
                    since: created,
                });
                let moved = at_ms(
                    (created_ms + self.rng.range(100 * DAY, 800 * DAY)).min(self.now_ms - DAY),
                );
                history.push(Position {
                    company: company.clone(),
                    role,
                    since: moved,
                });
                updated = moved;
            } else {
                history.push(Position {
                    company: company.clone(),
                    role,
                    since: created,
                });
            }
        }
        let id = ContactId::from_key(self.id(created_ms));
        let mut c = Contact {
            id,
            created,
            updated,
            details,
            history,
            last_contact: None,
        };
        if let Some(days) = cadence {
            // A person kept in touch with: earlier reminders done, the next one open.
            let last = last_contact.unwrap_or_else(|| {
                let back =
                    self.rng.range(1, i64::from(days) - 2) * DAY + self.rng.range(0, 8 * HOUR);
                at_ms(self.now_ms - back)
            });
            let mut t = last.millis();
            for _ in 0..self.rng.range(1, 4) {
                t -= i64::from(days) * DAY;
                if t <= created_ms {
                    break;
                }
                let mut f = self.fu(FollowUpKind::KeepInTouch, at_ms(t - 30 * DAY), at_ms(t));
                set_state(&mut f, FollowUpState::Done(at_ms(t)));
                f.contact = Some(id);
                self.follow_ups.push(f);
            }
            c.last_contact = Some(last);
            c.updated = c.updated.max(last);
            let next = due::keep_in_touch_due(&c).expect("has a cadence");
            let mut f = self.fu(FollowUpKind::KeepInTouch, last, next);
            set_state(&mut f, FollowUpState::Open);
            f.contact = Some(id);
            f.rule_key = Some(format!("keep-in-touch:{id}"));
            self.follow_ups.push(f);
        } else if self.rng.chance(0.3) {
            let t = self
                .rng
                .range(created_ms, (self.now_ms - 30 * DAY).max(created_ms));
            c.last_contact = Some(at_ms(t));
            c.updated = c.updated.max(at_ms(t));
        }
        if !company.is_empty() {
            self.contacts_at
                .entry(company_key(&company))
                .or_default()
                .push(id);
        }
        self.contact_ids.push(id);
        self.contacts.push(c);
    }

    // ------------------------------------------------------------ leads

    fn details(&mut self, source: Option<Source>) -> LeadDetails {
        let company = self.company();
        let source = source.unwrap_or_else(|| {
            [
                Source::RecruiterCall,
                Source::Referral,
                Source::JobBoard,
                Source::Inbound,
                Source::Network,
                Source::Other,
            ][self.rng.weighted(&[30, 10, 35, 10, 10, 5])]
        });
        let mut d = LeadDetails::new(company.clone(), *self.rng.pick(ROLES), source);
        if self.rng.chance(0.6) {
            let lo = self.rng.range(40, 80) as u64 * 1000;
            d.pay = Some(PayRange {
                min: Some(lo),
                max: self
                    .rng
                    .chance(0.7)
                    .then(|| lo + self.rng.range(5, 20) as u64 * 1000),
                currency: "EUR".into(),
                period: PayPeriod::Year,
            });
        }
        d.location = self.rng.pick(CITIES).to_string();
        d.work_mode = self.rng.chance(0.8).then(|| {
            *self
                .rng
                .pick(&[WorkMode::OnSite, WorkMode::Hybrid, WorkMode::Remote])
        });
        if self.rng.chance(0.7) {
            d.link = format!(
                "https://jobs.{}.example/{}",
                company_key(&company).replace(' ', "-"),
                self.rng.range(1000, 99999)
            );
        }
        let fits = [Fit::Unknown, Fit::Good, Fit::Stretch, Fit::Mismatch];
        d.skills_fit = *self.rng.pick(&fits);
        d.pay_fit = *self.rng.pick(&fits);
        d.dream_job = self.rng.chance(0.04);
        if self.rng.chance(0.35) {
            d.seen = self.sentences(SEEN, 1, 2);
        }
        if self.rng.chance(0.2) {
            d.heard = self.sentences(HEARD, 1, 1);
        }
        d
    }

    fn new_lead(&mut self, created: Stamp, source: Option<Source>) -> Lead {
        let details = self.details(source);
        Lead::new(
            LeadId::from_key(self.id(created.millis())),
            created,
            details,
            Status::New,
        )
    }

    fn reply_owed(&mut self, lead: &Lead) -> Option<usize> {
        if !due::owes_reply(lead.details.source) {
            return None;
        }
        let d = due::reply_due(lead.created, &self.settings).expect("in range");
        let mut f = self.fu(FollowUpKind::ReplyOwed, lead.created, d);
        f.lead = Some(lead.id);
        f.rule_key = Some(format!("reply:{}", lead.id));
        self.follow_ups.push(f);
        Some(self.follow_ups.len() - 1)
    }

    /// Schedules an interview as the journal does: status, checklist, thank-you.
    fn schedule(&mut self, lead: &mut Lead, sched: Stamp, start: Stamp, stage: Stage) -> usize {
        if lead.status != Status::Offer
            && !(lead.status == Status::Interviewing && lead.stage.as_ref() == Some(&stage))
        {
            push_status(
                lead,
                sched,
                Status::Interviewing,
                Some(stage.clone()),
                None,
                "",
            );
        }
        let (kind, minutes) = match stage {
            Stage::Screen => (
                *self.rng.pick(&[InterviewKind::Phone, InterviewKind::Video]),
                *self.rng.pick(&[30, 45]),
            ),
            Stage::Final => (InterviewKind::OnSite, *self.rng.pick(&[120, 180, 240])),
            _ => (
                *self
                    .rng
                    .pick(&[InterviewKind::Video, InterviewKind::OnSite]),
                *self.rng.pick(&[45, 60, 90]),
            ),
        };
        let mut plan = InterviewPlan::new(start, minutes, kind, stage);
        match kind {
            InterviewKind::OnSite => {
                plan.place = format!(
                    "{} rue {}, {}",
                    self.rng.range(1, 180),
                    self.rng.pick(STREETS),
                    self.rng.pick(CITIES)
                )
            }
            InterviewKind::Video => {
                plan.video_link = format!("https://meet.example.com/{:x}", self.rng.next() >> 24)
            }
            InterviewKind::Phone => {}
        }
        if self.rng.chance(0.15) {
            plan.goal = self.rng.pick(GOALS).to_string();
        }
        let key = company_key(&lead.details.company);
        let n = self.rng.range(0, 2);
        for _ in 0..n {
            let c = match self.contacts_at.get(&key) {
                Some(v) => *self.rng.pick(v),
                None if self.rng.chance(0.3) && !self.contact_ids.is_empty() => {
                    *self.rng.pick(&self.contact_ids)
                }
                None => continue,
            };
            if !plan.people.contains(&c) {
                plan.people.push(c);
            }
        }
        let iv = Interview {
            id: InterviewId::from_key(self.id(sched.millis())),
            lead: lead.id,
            created: sched,
            updated: sched,
            plan,
            outcome: Outcome::Pending,
            confidence_before: self.rng.chance(0.5).then(|| rating(self.rng.range(1, 5))),
            confidence_after: None,
            cancelled: false,
        };
        // The checklist: ticked before the interview, fully or in part.
        let start_ms = start.millis();
        let held = start_ms < self.now_ms;
        let soon = !held && start_ms - self.now_ms < DAY;
        let mut last_tick = sched;
        let items = self
            .template
            .items
            .clone()
            .into_iter()
            .map(|t| {
                let tick = if held {
                    self.rng.chance(0.75)
                } else {
                    soon && t.when == When::DayBefore && self.rng.chance(0.5)
                };
                let done = tick.then(|| {
                    at_ms((start_ms - self.rng.range(HOUR, 20 * HOUR)).min(self.now_ms - MIN))
                });
                if let Some(d) = done {
                    last_tick = last_tick.max(d);
                }
                ChecklistItem {
                    id: ItemId::from_key(self.id(sched.millis())),
                    text: t.text,
                    when: t.when,
                    done,
                }
            })
            .collect();
        self.checklists.push(Checklist {
            interview: iv.id,
            template: Some(self.template.id),
            updated: last_tick,
            items,
        });
        let mut f = self.fu(
            FollowUpKind::ThankYou,
            sched,
            due::thank_you_due(iv.plan.end()),
        );
        f.lead = Some(lead.id);
        f.interview = Some(iv.id);
        f.rule_key = Some(format!("thank-you:{}", iv.id));
        self.follow_ups.push(f);
        self.interviews.push(iv);
        self.interviews.len() - 1
    }

    fn debrief_body(
        &mut self,
        created: Stamp,
        open_questions: bool,
        next_step_by: Option<NaiveDate>,
    ) -> DebriefBody {
        let mut b = DebriefBody {
            feel: self.rng.chance(0.9).then(|| rating(self.rng.range(1, 5))),
            confidence: self.rng.chance(0.85).then(|| rating(self.rng.range(1, 5))),
            improve: self.sentences(IMPROVE, 1, 3),
            went_well: self.sentences(WENT_WELL, 1, 3),
            next_step_by,
            ..DebriefBody::default()
        };
        let long = self.rng.chance(0.1);
        b.notes = if long {
            self.sentences(NOTES, 8, 14)
        } else {
            self.sentences(NOTES, 2, 6)
        };
        for _ in 0..self.rng.range(0, 3) {
            let s = self.rng.pick(&Skill::PRESETS).clone();
            if !b.strengths.contains(&s) {
                b.strengths.push(s);
            }
        }
        if self.rng.chance(0.05) {
            b.strengths.push(Skill::Custom("Whiteboarding".into()));
        }
        for _ in 0..self.rng.range(0, 2) {
            let s = self.rng.pick(&Skill::PRESETS).clone();
            if !b.to_improve.contains(&s) && !b.strengths.contains(&s) {
                b.to_improve.push(s);
            }
        }
        if self.rng.chance(0.2) {
            for _ in 0..self.rng.range(1, 2) {
                let (kind, detail) = *self.rng.pick(FLAGS);
                b.red_flags.push(RedFlag {
                    kind,
                    detail: detail.into(),
                    provenance: if self.rng.chance(0.8) {
                        reps_core::Provenance::Seen
                    } else {
                        reps_core::Provenance::Heard
                    },
                });
            }
        }
        if open_questions || self.rng.chance(0.4) {
            let n = if open_questions {
                2
            } else {
                self.rng.range(1, 3)
            };
            for _ in 0..n {
                let text = self.rng.pick(QUESTIONS).to_string();
                let resolved = (!open_questions && self.rng.chance(0.6)).then(|| {
                    at_ms((created.millis() + self.rng.range(DAY, 20 * DAY)).min(self.now_ms - DAY))
                });
                b.questions.push(Question {
                    id: ItemId::from_key(self.id(created.millis())),
                    text,
                    resolved,
                });
            }
        }
        for _ in 0..self.rng.range(0, 3) {
            let p = self.person();
            b.people.push(p);
        }
        if self.rng.chance(0.7) {
            b.next_step = self.rng.pick(NEXT_STEPS).to_string();
        }
        b
    }

    /// A debrief of a held interview (and the "they promised an answer by" check-in).
    fn debrief(
        &mut self,
        iv: usize,
        created: Stamp,
        next_step_by: Option<NaiveDate>,
        open_questions: bool,
    ) -> usize {
        let (iv_id, lead) = (self.interviews[iv].id, self.interviews[iv].lead);
        let body = self.debrief_body(created, open_questions, next_step_by);
        let updated = plus(created, self.rng.range(2, 40) * MIN);
        if let Some(c) = body.confidence {
            let i = &mut self.interviews[iv];
            i.confidence_after = Some(c);
            i.updated = i.updated.max(updated);
        }
        let id = DebriefId::from_key(self.id(created.millis()));
        if let Some(by) = next_step_by {
            let d = due::promised_reply_check_in(by, Paris).expect("in range");
            let mut f = self.fu(FollowUpKind::CheckIn, updated, d);
            f.lead = Some(lead);
            f.interview = Some(iv_id);
            f.rule_key = Some(format!("promised:{id}"));
            self.follow_ups.push(f);
        }
        self.debriefs.push(Debrief {
            id,
            created,
            updated,
            interview: Some(iv_id),
            lead: Some(lead),
            body,
        });
        self.debriefs.len() - 1
    }

    /// The lead's one open check-in at "silence + N days", as the journal keeps it.
    fn plan_check_in(&mut self, lead: &Lead) -> usize {
        let ends: Vec<Stamp> = self
            .interviews
            .iter()
            .filter(|i| i.lead == lead.id && !i.cancelled)
            .map(|i| i.plan.end())
            .collect();
        let since = due::silence_since(lead, ends);
        let d = due::check_in_due(since, &self.settings).expect("in range");
        let created = lead
            .history
            .iter()
            .find(|h| h.status == Status::Taking)
            .map_or(lead.created, |h| h.at);
        let mut f = self.fu(FollowUpKind::CheckIn, created, d);
        set_state(&mut f, FollowUpState::Open);
        f.updated = lead.updated;
        f.lead = Some(lead.id);
        f.rule_key = Some(format!("check-in:{}", lead.id));
        self.follow_ups.push(f);
        self.follow_ups.len() - 1
    }

    fn stage_for(&mut self, j: usize, k: usize) -> Stage {
        if j == 0 {
            Stage::Screen
        } else if j + 1 == k {
            Stage::Final
        } else if self.rng.chance(0.03) {
            Stage::Custom("Case study".into())
        } else {
            self.rng
                .pick(&[Stage::HiringManager, Stage::Technical, Stage::Panel])
                .clone()
        }
    }

    /// One lead of the past ten years, from first contact to its outcome.
    fn bulk_lead(&mut self, created_ms: i64) {
        let created = at_ms(created_ms);
        let mut lead = self.new_lead(created, None);
        self.reply_owed(&lead);
        let fate = self.rng.below(100);
        let mut t = created_ms;
        if fate < 5 {
            self.finish(lead);
            return;
        }
        if fate < 8 || self.rng.chance(0.15) {
            t += self.rng.range(2 * HOUR, 3 * DAY);
            push_status(&mut lead, at_ms(t), Status::Deciding, None, None, "");
        }
        if fate < 8 {
            self.finish(lead);
            return;
        }
        t += self.rng.range(2 * HOUR, 4 * DAY);
        if !self.rng.chance(0.42) {
            let reason = *self.rng.pick(&PassReason::ALL);
            let note = if self.rng.chance(0.4) {
                self.sentences(PASS_NOTES, 1, 1)
            } else {
                String::new()
            };
            push_status(
                &mut lead,
                at_ms(t),
                Status::Passed,
                None,
                Some(reason),
                &note,
            );
            self.finish(lead);
            return;
        }
        push_status(&mut lead, at_ms(t), Status::Taking, None, None, "");
        let taking_at = t;
        self.taking.push((lead.id, created_ms));
        let stale = self.rng.chance(self.size.stale_p);
        let mut ivs: Vec<usize> = Vec::new();
        let r = self.rng.below(100);
        if r < 12 && !stale {
            t += self.rng.range(14 * DAY, 40 * DAY);
            push_status(&mut lead, at_ms(t), Status::Ghosted, None, None, "");
        } else if r < 15 && !stale {
            t += self.rng.range(DAY, 10 * DAY);
            push_status(&mut lead, at_ms(t), Status::Withdrew, None, None, "");
        } else {
            let k = 1 + self.rng.weighted(&[45, 30, 17, 8]);
            for j in 0..k {
                let sched = t + self.rng.range(4 * HOUR, 4 * DAY);
                let wait = self.rng.range(0, 5 * DAY);
                let start = self.slot(sched + wait);
                let stage = self.stage_for(j, k);
                let iv = self.schedule(&mut lead, at_ms(sched), start, stage);
                let end = self.interviews[iv].plan.end().millis();
                if self.rng.chance(0.04) {
                    let off = at_ms(start.millis() - self.rng.range(HOUR, 2 * DAY));
                    let i = &mut self.interviews[iv];
                    i.cancelled = true;
                    i.updated = off;
                    let thanks = self.follow_ups.last_mut().expect("the thank-you");
                    set_state(thanks, FollowUpState::Dismissed(off));
                    t = start.millis() + DAY;
                } else {
                    if self.rng.chance(0.95) {
                        let c = at_ms(end + self.rng.range(10 * MIN, 6 * HOUR));
                        let by = self
                            .rng
                            .chance(0.25)
                            .then(|| at_ms(end + self.rng.range(3 * DAY, 10 * DAY)).local_date());
                        self.debrief(iv, c, by, false);
                    }
                    t = end + self.rng.range(DAY, 6 * DAY);
                    let i = &mut self.interviews[iv];
                    i.outcome = Outcome::Invited;
                    i.updated = i.updated.max(at_ms(t));
                    lead.last_word = Some(at_ms(t));
                }
                ivs.push(iv);
                if stale {
                    break;
                }
            }
            if !stale {
                t += self.rng.range(2 * DAY, 14 * DAY);
                let last = *ivs.last().expect("one interview at least");
                let r = self.rng.below(100);
                let (outcome, status) = match r {
                    0..45 => (Outcome::NotInvited, Status::Rejected),
                    45..65 => (Outcome::Pending, Status::Ghosted),
                    65..75 => (Outcome::Pending, Status::Withdrew),
                    _ => (Outcome::Invited, Status::Offer),
                };
                if !self.interviews[last].cancelled {
                    let i = &mut self.interviews[last];
                    i.outcome = outcome;
                    i.updated = i.updated.max(at_ms(t));
                }
                if matches!(status, Status::Rejected | Status::Offer) {
                    lead.last_word = Some(at_ms(t));
                }
                push_status(&mut lead, at_ms(t), status, None, None, "");
                if status == Status::Rejected {
                    let d = due::feedback_due(at_ms(t), &self.settings).expect("in range");
                    let mut f = self.fu(FollowUpKind::FeedbackRequest, at_ms(t), d);
                    f.lead = Some(lead.id);
                    f.rule_key = Some(format!("feedback:{}", lead.id));
                    self.follow_ups.push(f);
                }
                if status == Status::Offer {
                    let base = self.rng.range(45, 90) as u64 * 1000;
                    lead.offer = Some(Offer {
                        pay: Some(PayRange {
                            min: Some(base),
                            max: None,
                            currency: "EUR".into(),
                            period: PayPeriod::Year,
                        }),
                        terms: self.rng.pick(OFFER_TERMS).to_string(),
                        start_date: Some(at_ms(t + self.rng.range(30, 60) * DAY).local_date()),
                        received: Some(at_ms(t)),
                        respond_by: Some(at_ms(t + 7 * DAY)),
                    });
                    t += self.rng.range(3 * DAY, 10 * DAY);
                    let s = if self.rng.chance(0.35) {
                        Status::Accepted
                    } else {
                        Status::Declined
                    };
                    push_status(&mut lead, at_ms(t), s, None, None, "");
                }
            }
        }
        if due::wants_reapply(&lead) {
            let d = due::reapply_due(at_ms(t), &self.settings).expect("in range");
            let mut f = self.fu(FollowUpKind::Reapply, at_ms(t), d);
            f.lead = Some(lead.id);
            f.rule_key = Some(format!("reapply:{}", lead.id));
            self.follow_ups.push(f);
        }
        // The check-in: done if it fell due while waiting, else dismissed when the lead closed.
        let ends: Vec<Stamp> = ivs
            .iter()
            .filter(|&&i| !self.interviews[i].cancelled)
            .map(|&i| self.interviews[i].plan.end())
            .collect();
        let since = due::silence_since(&lead, ends);
        let d = due::check_in_due(since, &self.settings).expect("in range");
        if self.rng.chance(0.3) {
            // An earlier check-in, done and retired when the rule moved on.
            let when = self.rng.range(taking_at, t.max(taking_at + DAY));
            let mut f = self.fu(FollowUpKind::CheckIn, at_ms(taking_at), at_ms(when));
            set_state(&mut f, FollowUpState::Done(at_ms(when)));
            f.lead = Some(lead.id);
            self.follow_ups.push(f);
        }
        let mut f = self.fu(FollowUpKind::CheckIn, at_ms(taking_at), d);
        let end_state = if stale {
            FollowUpState::Dismissed(plus(d, DAY))
        } else if d.millis() < t && self.rng.chance(0.5) {
            FollowUpState::Done(plus(d, self.rng.range(0, DAY)))
        } else {
            FollowUpState::Dismissed(at_ms(t))
        };
        set_state(&mut f, end_state);
        f.lead = Some(lead.id);
        f.rule_key = Some(format!("check-in:{}", lead.id));
        self.follow_ups.push(f);
        self.finish(lead);
    }

    fn finish(&mut self, mut lead: Lead) {
        let last = lead.history.last().map_or(lead.created, |h| h.at);
        lead.updated = [Some(last), lead.last_word, Some(lead.updated)]
            .into_iter()
            .flatten()
            .max()
            .expect("non-empty");
        self.leads.push(lead);
    }

    /// The search going on now: hand-made so Today has real work.
    fn current(&mut self) {
        let s = |l: &mut Lead, at: Stamp, st: Status| push_status(l, at, st, None, None, "");
        // A: second round today at 14:00; the first round left two open questions.
        let mut a = self.new_lead(self.day(-25, 11, 0), Some(Source::RecruiterCall));
        s(&mut a, self.day(-22, 9, 40), Status::Taking);
        let iv = self.schedule(
            &mut a,
            self.day(-20, 10, 0),
            self.day(-14, 10, 0),
            Stage::Screen,
        );
        self.debrief(iv, self.day(-14, 11, 0), None, true);
        self.interviews[iv].outcome = Outcome::Invited;
        a.last_word = Some(self.day(-10, 16, 0));
        self.schedule(
            &mut a,
            self.day(-10, 16, 5),
            self.day(0, 14, 0),
            Stage::Technical,
        );
        self.plan_check_in(&a);
        self.finish(a);

        // B: first round tomorrow at 09:00.
        let mut b = self.new_lead(self.day(-12, 15, 0), Some(Source::JobBoard));
        s(&mut b, self.day(-10, 9, 0), Status::Taking);
        self.schedule(
            &mut b,
            self.day(-9, 12, 0),
            self.day(1, 9, 0),
            Stage::HiringManager,
        );
        self.plan_check_in(&b);
        self.finish(b);

        // C: screen done, technical round in four days.
        let mut c = self.new_lead(self.day(-20, 10, 0), Some(Source::Referral));
        s(&mut c, self.day(-18, 10, 0), Status::Taking);
        let iv = self.schedule(
            &mut c,
            self.day(-15, 10, 0),
            self.day(-9, 11, 0),
            Stage::Screen,
        );
        self.debrief(iv, self.day(-9, 12, 0), None, false);
        self.interviews[iv].outcome = Outcome::Invited;
        c.last_word = Some(self.day(-6, 10, 0));
        self.schedule(
            &mut c,
            self.day(-6, 10, 5),
            self.day(4, 11, 0),
            Stage::Technical,
        );
        self.plan_check_in(&c);
        self.finish(c);

        // D: held two days ago, no debrief yet, thank-you still open (overdue).
        let mut d = self.new_lead(self.day(-15, 9, 0), Some(Source::JobBoard));
        s(&mut d, self.day(-13, 9, 0), Status::Taking);
        self.schedule(
            &mut d,
            self.day(-8, 9, 0),
            self.day(-2, 15, 0),
            Stage::Screen,
        );
        let thanks = self.follow_ups.last_mut().expect("thank-you");
        set_state(thanks, FollowUpState::Open);
        self.plan_check_in(&d);
        self.finish(d);

        // E: held six days ago, no debrief yet.
        let mut e = self.new_lead(self.day(-18, 9, 0), Some(Source::Network));
        s(&mut e, self.day(-16, 9, 0), Status::Taking);
        self.schedule(
            &mut e,
            self.day(-12, 9, 0),
            self.day(-6, 10, 30),
            Stage::HiringManager,
        );
        self.plan_check_in(&e);
        self.finish(e);

        // F: held three days ago; they promised an answer by yesterday, so the
        // check-in is due this morning. Its debrief is the one being typed into.
        let mut f = self.new_lead(self.day(-14, 9, 0), Some(Source::Inbound));
        s(&mut f, self.day(-12, 9, 0), Status::Taking);
        let iv = self.schedule(
            &mut f,
            self.day(-9, 9, 0),
            self.day(-3, 14, 0),
            Stage::Screen,
        );
        let promised = self.day(-1, 9, 0).local_date();
        let di = self.debrief(iv, self.day(-3, 15, 30), Some(promised), false);
        self.autosave = Some(self.debriefs[di].id);
        self.plan_check_in(&f);
        self.finish(f);

        // G: no word for twenty days: silent, check-in overdue.
        let mut g = self.new_lead(self.day(-40, 9, 0), Some(Source::JobBoard));
        s(&mut g, self.day(-37, 9, 0), Status::Taking);
        let iv = self.schedule(
            &mut g,
            self.day(-27, 9, 0),
            self.day(-20, 10, 0),
            Stage::Screen,
        );
        self.debrief(iv, self.day(-20, 11, 0), None, false);
        self.plan_check_in(&g);
        self.finish(g);

        // H: heard back five days ago; its check-in (due in two days) snoozed to five.
        let mut h = self.new_lead(self.day(-22, 9, 0), Some(Source::RecruiterCall));
        s(&mut h, self.day(-20, 9, 0), Status::Taking);
        let iv = self.schedule(
            &mut h,
            self.day(-14, 9, 0),
            self.day(-8, 10, 0),
            Stage::Technical,
        );
        self.debrief(iv, self.day(-8, 12, 0), None, false);
        h.last_word = Some(self.day(-5, 11, 0));
        let ci = self.plan_check_in(&h);
        let (until, when) = (self.day(5, 9, 0), self.day(-1, 20, 0));
        let f = &mut self.follow_ups[ci];
        f.snoozed_until = Some(until);
        f.updated = when;
        self.finish(h);

        // Two offers, received 3 and 17 days ago. An offer waits on me, not on
        // them: the check-in was dismissed when it arrived, as the journal does.
        for days in [-3, -17] {
            let mut o = self.new_lead(self.day(days - 41, 9, 0), Some(Source::Referral));
            s(&mut o, self.day(days - 38, 9, 0), Status::Taking);
            let i1 = self.schedule(
                &mut o,
                self.day(days - 33, 9, 0),
                self.day(days - 27, 10, 0),
                Stage::Screen,
            );
            self.debrief(i1, self.day(days - 27, 11, 0), None, false);
            self.interviews[i1].outcome = Outcome::Invited;
            let i2 = self.schedule(
                &mut o,
                self.day(days - 20, 9, 0),
                self.day(days - 9, 10, 0),
                Stage::Final,
            );
            self.debrief(i2, self.day(days - 9, 15, 0), None, false);
            self.interviews[i2].outcome = Outcome::Invited;
            let received = self.day(days, 17, 0);
            o.last_word = Some(received);
            s(&mut o, received, Status::Offer);
            o.offer = Some(Offer {
                pay: Some(PayRange {
                    min: Some(72_000),
                    max: None,
                    currency: "EUR".into(),
                    period: PayPeriod::Year,
                }),
                terms: OFFER_TERMS[0].into(),
                start_date: Some(self.day(days + 60, 9, 0).local_date()),
                received: Some(received),
                respond_by: Some(plus(received, 7 * DAY)),
            });
            let ci = self.plan_check_in(&o);
            set_state(&mut self.follow_ups[ci], FollowUpState::Dismissed(received));
            self.finish(o);
        }

        // Taking, no interview yet: one fresh, one silent since 16 days.
        let mut t1 = self.new_lead(self.day(-6, 9, 0), Some(Source::JobBoard));
        s(&mut t1, self.day(-4, 9, 0), Status::Taking);
        self.plan_check_in(&t1);
        self.finish(t1);
        let mut t2 = self.new_lead(self.day(-20, 9, 0), Some(Source::JobBoard));
        s(&mut t2, self.day(-16, 9, 0), Status::Taking);
        let ci = self.plan_check_in(&t2);
        let done = self.day(-9, 11, 0);
        set_state(&mut self.follow_ups[ci], FollowUpState::Done(done));
        self.finish(t2);

        // New leads of the last ten days; three people who reached out are owed a reply.
        for k in 0..10 {
            let source = match k {
                0..3 => [Source::RecruiterCall, Source::Inbound, Source::Referral][k as usize],
                _ => Source::JobBoard,
            };
            let created = match k {
                0 => self.day(-3, 8, 0),
                1 => self.day(-2, 8, 0),
                2 => self.day(-1, 14, 0),
                _ => self.day(-k, 10 + (k as u32 % 7), 0),
            };
            let l = self.new_lead(created, Some(source));
            if let Some(fi) = self.reply_owed(&l) {
                set_state(&mut self.follow_ups[fi], FollowUpState::Open);
            }
            self.finish(l);
        }
        // Deciding and passed leads of the last weeks.
        for k in 0..16 {
            let created = self.day(-2 - k * 2, 9 + (k as u32 % 8), 0);
            let mut l = self.new_lead(created, None);
            self.reply_owed(&l);
            let at = plus(created, DAY);
            if k < 4 {
                s(&mut l, at, Status::Deciding);
            } else {
                let reason = *self.rng.pick(&PassReason::ALL);
                push_status(&mut l, at, Status::Passed, None, Some(reason), "");
            }
            self.finish(l);
        }
        // Recent "no"s (one yesterday: feedback request due today) and ghostings.
        for (k, rejected_days) in [-1i64, -8, -12, -19, -26, -10, -14].into_iter().enumerate() {
            let mut l = self.new_lead(self.day(rejected_days - 30, 9, 0), None);
            s(&mut l, self.day(rejected_days - 28, 9, 0), Status::Taking);
            let iv = self.schedule(
                &mut l,
                self.day(rejected_days - 25, 9, 0),
                self.day(rejected_days - 20, 10, 0),
                Stage::Screen,
            );
            self.debrief(iv, self.day(rejected_days - 20, 11, 0), None, false);
            let at = self.day(rejected_days, 16, 0);
            if k < 5 {
                self.interviews[iv].outcome = Outcome::NotInvited;
                l.last_word = Some(at);
                s(&mut l, at, Status::Rejected);
                let d = due::feedback_due(at, &self.settings).expect("in range");
                let mut f = self.fu(FollowUpKind::FeedbackRequest, at, d);
                f.lead = Some(l.id);
                f.rule_key = Some(format!("feedback:{}", l.id));
                self.follow_ups.push(f);
            } else {
                s(&mut l, at, Status::Ghosted);
            }
            let ci = self.plan_check_in(&l);
            set_state(&mut self.follow_ups[ci], FollowUpState::Dismissed(at));
            self.finish(l);
        }
        // Two people to get back to: one overdue by three days, one due tonight.
        let k1 = self.day(-33, 10, 0);
        self.contact(self.start_ms + 400 * DAY, Some(30), Some(k1));
        let k2 = self.day(-30, 17, 30);
        self.contact(self.start_ms + 900 * DAY, Some(30), Some(k2));
    }

    pub fn build(mut self) -> Generated {
        let (size, now_ms, start_ms) = (self.size, self.now_ms, self.start_ms);
        // Contacts over the ten years (two more come with the current search).
        let mut times: Vec<i64> = (0..size.contacts - 2)
            .map(|_| self.rng.range(start_ms, now_ms - 30 * DAY))
            .collect();
        times.sort_unstable();
        for t in times {
            let cadence = self
                .rng
                .chance(0.12)
                .then(|| *self.rng.pick(&[30u32, 60, 90, 180]));
            self.contact(t, cadence, None);
        }
        // Leads: searches come in episodes, recruiters call in between.
        let episodes = [0.05, 0.25, 0.48, 0.71, 0.90];
        let bulk_end = now_ms - 150 * DAY;
        let span = bulk_end - start_ms;
        let n_bulk = size.leads - 45;
        let mut times: Vec<i64> = (0..n_bulk)
            .map(|_| {
                let t = if self.rng.chance(0.65) {
                    let e = *self.rng.pick(&episodes);
                    start_ms + (span as f64 * e) as i64 + self.rng.range(0, 140 * DAY)
                } else {
                    self.rng.range(start_ms, bulk_end)
                };
                t.min(bulk_end)
            })
            .collect();
        times.sort_unstable();
        for t in times {
            self.bulk_lead(t);
        }
        self.current();
        assert_eq!(self.leads.len(), size.leads, "lead count");
        // Quick captures never attached to an interview.
        while self.debriefs.len() < size.debriefs {
            let (lead, lc) = *self.rng.pick(&self.taking);
            let created = at_ms((lc + self.rng.range(DAY, 60 * DAY)).min(now_ms - 30 * DAY));
            let body = self.debrief_body(created, false, None);
            let id = DebriefId::from_key(self.id(created.millis()));
            self.debriefs.push(Debrief {
                id,
                created,
                updated: plus(created, 5 * MIN),
                interview: None,
                lead: self.rng.chance(0.8).then_some(lead),
                body,
            });
        }
        // Follow-ups added by hand over the years.
        while self.follow_ups.len() < size.follow_ups {
            let created = self.rng.range(start_ms, now_ms - 30 * DAY);
            let d = at_ms(created + self.rng.range(DAY, 14 * DAY));
            let kind = *self.rng.pick(&[
                FollowUpKind::ReplyOwed,
                FollowUpKind::CheckIn,
                FollowUpKind::KeepInTouch,
                FollowUpKind::ThankYou,
            ]);
            let mut f = self.fu(kind, at_ms(created), d);
            f.note = {
                let t = *self.rng.pick(MANUAL_NOTES);
                self.fill(t)
            };
            if self.rng.chance(0.5) {
                f.lead = Some(self.rng.pick(&self.taking).0);
            }
            if self.rng.chance(0.2) {
                f.contact = Some(*self.rng.pick(&self.contact_ids));
            }
            self.follow_ups.push(f);
        }
        self.plant();
        let autosave = self.autosave.expect("set by current()");
        let mut b = Backup {
            format: backup::FORMAT.into(),
            version: backup::VERSION,
            exported: self.now,
            settings: self.settings,
            templates: vec![self.template],
            leads: self.leads,
            contacts: self.contacts,
            interviews: self.interviews,
            checklists: self.checklists,
            debriefs: self.debriefs,
            follow_ups: self.follow_ups,
            cards: Vec::new(),
        };
        b.leads.sort_by_key(|r| r.id.key());
        b.contacts.sort_by_key(|r| r.id.key());
        b.interviews.sort_by_key(|r| r.id.key());
        b.checklists.sort_by_key(|r| r.interview.key());
        b.debriefs.sort_by_key(|r| r.id.key());
        b.follow_ups.sort_by_key(|r| r.id.key());
        Generated {
            backup: b,
            autosave,
        }
    }

    /// Puts the two searched words into a few dozen old records of each kind.
    fn plant(&mut self) {
        let old = self.now_ms - 60 * DAY;
        let [l, d, c, i] = self.size.planted;
        let words = [
            [
                " They run everything on Kubernetes and want help with the upgrade.",
                " Long discussion about running Kubernetes on bare metal.",
                " Runs the local Kubernetes meetup.",
                "Show I can operate Kubernetes clusters",
            ],
            [
                " The people on that team seem to stay for years.",
                " Met the people from the data team over lunch.",
                " Introduced me to people at three companies.",
                "Meet the people from the platform team",
            ],
        ];
        let pick = |rng: &mut Rng, mut c: Vec<usize>, n: usize| -> Vec<usize> {
            let mut out = Vec::new();
            while out.len() < n && !c.is_empty() {
                out.push(c.swap_remove(rng.below(c.len() as u64) as usize));
            }
            out
        };
        for [lead, debrief, contact, interview] in words {
            let cand = (0..self.leads.len())
                .filter(|&k| self.leads[k].created.millis() < old)
                .collect();
            for k in pick(&mut self.rng, cand, l) {
                self.leads[k].details.seen.push_str(lead);
            }
            let cand = (0..self.debriefs.len())
                .filter(|&k| self.debriefs[k].created.millis() < old)
                .collect();
            for k in pick(&mut self.rng, cand, d) {
                self.debriefs[k].body.notes.push_str(debrief);
            }
            let cand = (0..self.contacts.len())
                .filter(|&k| self.contacts[k].created.millis() < old)
                .collect();
            for k in pick(&mut self.rng, cand, c) {
                self.contacts[k].details.notes.push_str(contact);
            }
            let cand = (0..self.interviews.len())
                .filter(|&k| {
                    self.interviews[k].created.millis() < old
                        && self.interviews[k].plan.goal == reps_core::DEFAULT_GOAL
                })
                .collect();
            for k in pick(&mut self.rng, cand, i) {
                self.interviews[k].plan.goal = interview.into();
            }
        }
    }
}

pub fn push_status(
    lead: &mut Lead,
    at: Stamp,
    status: Status,
    stage: Option<Stage>,
    reason: Option<PassReason>,
    note: &str,
) {
    lead.status = status;
    lead.stage = stage.clone();
    lead.updated = at;
    lead.history.push(StatusChange {
        at,
        status,
        stage,
        reason,
        note: note.to_string(),
        undo: false,
    });
}

pub fn set_state(f: &mut FollowUp, state: FollowUpState) {
    f.state = state;
    f.updated = match state {
        FollowUpState::Open => f.created,
        FollowUpState::Done(t) | FollowUpState::Dismissed(t) => t.max(f.created),
    };
}

// ---------------------------------------------------------------- statistics

/// Timings of one operation.
#[derive(Default, Clone)]
pub struct Samples(pub Vec<Duration>);

impl Samples {
    pub fn time<T>(&mut self, f: impl FnOnce() -> T) -> T {
        let t = Instant::now();
        let out = f();
        self.0.push(t.elapsed());
        out
    }
    pub fn quantile(&self, q: f64) -> Duration {
        let mut v = self.0.clone();
        v.sort_unstable();
        let i = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1;
        v[i]
    }
    pub fn median(&self) -> Duration {
        self.quantile(0.5)
    }
    pub fn p95(&self) -> Duration {
        self.quantile(0.95)
    }
    pub fn ops(&self) -> f64 {
        self.0.len() as f64 / self.0.iter().sum::<Duration>().as_secs_f64()
    }
    pub fn skip(&self, n: usize) -> Samples {
        Samples(self.0[n.min(self.0.len())..].to_vec())
    }
}

pub fn fmt(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us < 1_000.0 {
        format!("{us:.1} µs")
    } else if us < 1_000_000.0 {
        format!("{:.2} ms", us / 1e3)
    } else {
        format!("{:.2} s", us / 1e6)
    }
}

pub fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64()
}

pub fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

pub fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1 << 20) as f64)
}

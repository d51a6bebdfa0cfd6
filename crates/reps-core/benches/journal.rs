//! The journal against SQLite, on the real disk.
//!
//! One run generates a ten-year journal (≈5,000 leads, 3,000 interviews,
//! 3,000 debriefs, 2,000 contacts, 10,000 follow-ups, reproducible: fixed
//! "now", own PRNG), loads it into a redb [`Journal`] through
//! [`Journal::import`] and into SQLite (WAL, `synchronous=FULL`, one table per
//! record kind: JSON body plus the indexed columns the queries need), checks
//! that both answer the same, then times side by side:
//!
//! - a durable single edit (the debrief autosave),
//! - open + close,
//! - the Today query,
//! - search across notes: a word with a few dozen hits, one with none, one
//!   with a few dozen hits that is also a JSON field name (`people`), and a
//!   city that is also in every stored time zone (`paris`),
//! - and the floors, on a preallocated file in the same directory: one 4 KiB
//!   overwrite + `fdatasync`, four scattered ones + `fdatasync`, and as many
//!   scattered ones as a redb commit issues (counted from `/proc/self/io`).
//!
//! It also prints the open/close split and the per-lookup cost of redb reads
//! (transaction, table open, get, JSON decode) to explain the rows.
//!
//! ```text
//! CARGO_TARGET_DIR=/root/.cache/reps-target cargo bench -p reps-core --bench journal
//! REPS_BENCH_QUICK=1 cargo bench -p reps-core --bench journal   # 20× smaller, seconds
//! ```

use std::collections::HashMap;
use std::error::Error;
use std::fs::{File, OpenOptions};
use std::os::unix::fs::FileExt;
use std::os::unix::io::AsRawFd;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Weekday};
use chrono_tz::Europe::Paris;
use rusqlite::{Connection, Statement, params};

use reps_core::domain::checklist::default_items;
use reps_core::domain::lead::company_key;
use reps_core::formats::backup::{self, Backup};
use reps_core::rules::search::{self, Hit, Query, Target};
use reps_core::rules::today::{self, TodayItem};
use reps_core::rules::{checklist as checklist_rule, followups as due};
use reps_core::{
    Checklist, ChecklistItem, ChecklistTemplate, Contact, ContactDetails, ContactId, Debrief,
    DebriefBody, DebriefId, Fit, FollowUp, FollowUpId, FollowUpKind, FollowUpState, Interview,
    InterviewId, InterviewKind, InterviewPlan, ItemId, Journal, Lead, LeadDetails, LeadId,
    ManualClock, Offer, Outcome, PassReason, PayPeriod, PayRange, Position, Question, Rating,
    RedFlag, RedFlagKind, Settings, Skill, Source, Stage, Stamp, Status, StatusChange, TemplateId,
    TemplateItem, When, WorkMode,
};

type R<T> = Result<T, Box<dyn Error>>;

const MIN: i64 = 60_000;
const HOUR: i64 = 60 * MIN;
const DAY: i64 = 24 * HOUR;

/// The fixed "now" of every run: a Wednesday morning in Paris.
const NOW: &str = "2026-05-20T09:30:00+02:00[Europe/Paris]";
const SEED: u64 = 0x5EED_2026_0520;
/// Hits returned by a search, as in the app.
const LIMIT: usize = 20;
/// Two words planted in a few dozen records each, and one found nowhere. The
/// second is also a JSON field name of every debrief and every interview
/// (`people`), so a pre-filter on raw JSON bytes cannot skip those records.
const RARE: &str = "kubernetes";
const NONE: &str = "zygomorphic";
const COMMON: &str = "people";
/// A city the user searches for; also inside every stored time
/// (`…[Europe/Paris]`), so the raw pre-filter passes every record.
const CITY: &str = "paris";

// ---------------------------------------------------------------- sizes

#[derive(Debug, Clone, Copy)]
struct Size {
    leads: usize,
    contacts: usize,
    debriefs: usize,
    follow_ups: usize,
    /// Leads left in Taking/Interviewing years ago and never closed.
    stale_p: f64,
    /// Records that get each planted word (leads, debriefs, contacts, interviews).
    planted: [usize; 4],
    warmup: usize,
    edits: usize,
    opens: usize,
    todays: usize,
    searches: usize,
    floor_file: u64,
}

const FULL: Size = Size {
    leads: 5_000,
    contacts: 2_000,
    debriefs: 3_000,
    follow_ups: 10_000,
    stale_p: 0.0025,
    planted: [10, 14, 6, 6],
    warmup: 20,
    edits: 500,
    opens: 30,
    todays: 200,
    searches: 50,
    floor_file: 64 << 20,
};

const QUICK: Size = Size {
    leads: 250,
    contacts: 100,
    debriefs: 150,
    follow_ups: 500,
    stale_p: 0.02,
    planted: [2, 3, 1, 1],
    warmup: 3,
    edits: 40,
    opens: 5,
    todays: 20,
    searches: 5,
    floor_file: 8 << 20,
};

// ---------------------------------------------------------------- randomness

/// splitmix64: tiny, deterministic, good enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo) as u64 + 1) as i64
    }
    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    /// An index drawn with the given weights.
    fn weighted(&mut self, ws: &[u64]) -> usize {
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
fn v7(r: &mut Rng, ms: i64) -> u128 {
    let ms = (ms.max(0) as u128) & ((1 << 48) - 1);
    let rand_a = (r.next() as u128) & 0xFFF;
    let rand_b = (r.next() as u128) & ((1 << 62) - 1);
    (ms << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b
}

fn at_ms(ms: i64) -> Stamp {
    Stamp::new(
        DateTime::from_timestamp_millis(ms).expect("time in range"),
        Paris,
    )
}

fn local(date: NaiveDate, h: u32, m: u32) -> Stamp {
    Stamp::from_local(date.and_hms_opt(h, m, 0).expect("valid time"), Paris)
        .expect("office hours are never in a DST gap")
}

fn plus(s: Stamp, ms: i64) -> Stamp {
    s.add(TimeDelta::milliseconds(ms)).expect("time in range")
}

fn rating(v: i64) -> Rating {
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

struct Gen {
    rng: Rng,
    idr: Rng,
    size: Size,
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
struct Generated {
    backup: Backup,
    autosave: DebriefId,
}

impl Gen {
    fn new(now: Stamp, size: Size, seed: u64) -> Self {
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

    fn build(mut self) -> Generated {
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

fn push_status(
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

fn set_state(f: &mut FollowUp, state: FollowUpState) {
    f.state = state;
    f.updated = match state {
        FollowUpState::Open => f.created,
        FollowUpState::Done(t) | FollowUpState::Dismissed(t) => t.max(f.created),
    };
}

// ---------------------------------------------------------------- SQLite

const SCHEMA: &str = "
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE templates (id BLOB PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE leads (
    id BLOB PRIMARY KEY, status INTEGER NOT NULL, company_key TEXT NOT NULL,
    company TEXT NOT NULL, role TEXT NOT NULL, location TEXT NOT NULL,
    seen TEXT NOT NULL, heard TEXT NOT NULL, body TEXT NOT NULL);
CREATE INDEX leads_by_status ON leads (status, id);
CREATE INDEX leads_by_company ON leads (company_key, id);
CREATE TABLE contacts (
    id BLOB PRIMARY KEY, company_key TEXT NOT NULL, name TEXT NOT NULL, company TEXT NOT NULL,
    role TEXT NOT NULL, met_where TEXT NOT NULL, notes TEXT NOT NULL, body TEXT NOT NULL);
CREATE INDEX contacts_by_company ON contacts (company_key, id) WHERE company_key <> '';
CREATE TABLE interviews (
    id BLOB PRIMARY KEY, lead_id BLOB NOT NULL, start_ms INTEGER NOT NULL,
    cancelled INTEGER NOT NULL, stage TEXT NOT NULL, place TEXT NOT NULL, goal TEXT NOT NULL,
    body TEXT NOT NULL);
CREATE INDEX interviews_by_start ON interviews (start_ms, id);
CREATE INDEX interviews_by_lead ON interviews (lead_id, id);
CREATE TABLE interview_people (
    contact_id BLOB NOT NULL, interview_id BLOB NOT NULL,
    PRIMARY KEY (contact_id, interview_id)) WITHOUT ROWID;
CREATE TABLE checklists (interview_id BLOB PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE debriefs (
    id BLOB PRIMARY KEY, interview_id BLOB, lead_id BLOB,
    people TEXT NOT NULL, went_well TEXT NOT NULL, improve TEXT NOT NULL, flags TEXT NOT NULL,
    questions TEXT NOT NULL, next_step TEXT NOT NULL, notes TEXT NOT NULL, body TEXT NOT NULL);
CREATE INDEX debriefs_by_interview ON debriefs (interview_id, id);
CREATE INDEX debriefs_by_lead ON debriefs (lead_id, id);
CREATE TABLE follow_ups (
    id BLOB PRIMARY KEY, due_ms INTEGER NOT NULL, open INTEGER NOT NULL,
    lead_id BLOB, contact_id BLOB, rule_key TEXT UNIQUE, body TEXT NOT NULL);
CREATE INDEX follow_ups_by_due ON follow_ups (due_ms, id) WHERE open = 1;
CREATE INDEX follow_ups_by_lead ON follow_ups (lead_id, id);
CREATE INDEX follow_ups_by_contact ON follow_ups (contact_id, id);
";

fn blob(key: u128) -> [u8; 16] {
    key.to_be_bytes()
}

fn opt_blob(key: Option<u128>) -> Option<Vec<u8>> {
    key.map(|k| blob(k).to_vec())
}

fn sqlite_open(path: &Path) -> R<Connection> {
    let conn = Connection::open(path)?;
    let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
    assert_eq!(mode, "wal");
    conn.execute_batch("PRAGMA synchronous=FULL")?;
    Ok(conn)
}

/// The searchable text of a debrief, joined as the journal's search joins it.
fn debrief_text(d: &Debrief) -> [String; 7] {
    let b = &d.body;
    let flags: Vec<&str> = b.red_flags.iter().map(|f| f.detail.as_str()).collect();
    let questions: Vec<&str> = b.questions.iter().map(|q| q.text.as_str()).collect();
    [
        b.people.join(", "),
        b.went_well.clone(),
        b.improve.clone(),
        flags.join("\n"),
        questions.join("\n"),
        b.next_step.clone(),
        b.notes.clone(),
    ]
}

fn sqlite_load(conn: &Connection, b: &Backup) -> R<()> {
    let tx = conn.unchecked_transaction()?;
    tx.execute_batch(SCHEMA)?;
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('schema', '1'), ('settings', ?1)",
        [serde_json::to_string(&b.settings)?],
    )?;
    {
        let mut st = tx.prepare("INSERT INTO templates (id, body) VALUES (?1, ?2)")?;
        for t in &b.templates {
            st.execute(params![blob(t.id.key()), serde_json::to_string(t)?])?;
        }
        let mut st = tx.prepare(
            "INSERT INTO leads (id, status, company_key, company, role, location, seen, heard, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for l in &b.leads {
            let d = &l.details;
            st.execute(params![
                blob(l.id.key()),
                l.status.code(),
                l.company_key(),
                d.company,
                d.role,
                d.location,
                d.seen,
                d.heard,
                serde_json::to_string(l)?
            ])?;
        }
        let mut st = tx.prepare(
            "INSERT INTO contacts (id, company_key, name, company, role, met_where, notes, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for c in &b.contacts {
            let d = &c.details;
            st.execute(params![
                blob(c.id.key()),
                company_key(&d.company),
                d.name,
                d.company,
                d.role,
                d.met_where,
                d.notes,
                serde_json::to_string(c)?
            ])?;
        }
        let mut st = tx.prepare(
            "INSERT INTO interviews (id, lead_id, start_ms, cancelled, stage, place, goal, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        let mut people = tx.prepare(
            "INSERT OR IGNORE INTO interview_people (contact_id, interview_id) VALUES (?1, ?2)",
        )?;
        for i in &b.interviews {
            st.execute(params![
                blob(i.id.key()),
                blob(i.lead.key()),
                i.plan.start.millis(),
                i.cancelled,
                i.plan.stage.to_string(),
                i.plan.place,
                i.plan.goal,
                serde_json::to_string(i)?
            ])?;
            for c in &i.plan.people {
                people.execute(params![blob(c.key()), blob(i.id.key())])?;
            }
        }
        let mut st = tx.prepare("INSERT INTO checklists (interview_id, body) VALUES (?1, ?2)")?;
        for c in &b.checklists {
            st.execute(params![blob(c.interview.key()), serde_json::to_string(c)?])?;
        }
        let mut st = tx.prepare(
            "INSERT INTO debriefs (id, interview_id, lead_id, people, went_well, improve, flags,
             questions, next_step, notes, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        for d in &b.debriefs {
            let [p, ww, im, fl, q, ns, n] = debrief_text(d);
            st.execute(params![
                blob(d.id.key()),
                opt_blob(d.interview.map(|i| i.key())),
                opt_blob(d.lead.map(|l| l.key())),
                p,
                ww,
                im,
                fl,
                q,
                ns,
                n,
                serde_json::to_string(d)?
            ])?;
        }
        let mut st = tx.prepare(
            "INSERT INTO follow_ups (id, due_ms, open, lead_id, contact_id, rule_key, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for f in &b.follow_ups {
            st.execute(params![
                blob(f.id.key()),
                f.effective_due().millis(),
                f.is_open(),
                opt_blob(f.lead.map(|l| l.key())),
                opt_blob(f.contact.map(|c| c.key())),
                f.rule_key,
                serde_json::to_string(f)?
            ])?;
        }
    }
    tx.commit()?;
    Ok(())
}

fn about(lead: &Lead) -> String {
    format!("{} — {}", lead.details.company, lead.details.role)
}

/// The SQLite side of the timed operations, statements prepared once (as an
/// app would keep them; rusqlite's statement cache is not enabled here).
struct Sql<'c> {
    begin: Statement<'c>,
    end: Statement<'c>,
    save_debrief: Statement<'c>,
    settings: Statement<'c>,
    due: Statement<'c>,
    soon: Statement<'c>,
    lead_debriefs: Statement<'c>,
    undebriefed: Statement<'c>,
    waiting: Statement<'c>,
    s_leads: Statement<'c>,
    s_debriefs: Statement<'c>,
    s_contacts: Statement<'c>,
    s_interviews: Statement<'c>,
}

impl<'c> Sql<'c> {
    fn new(conn: &'c Connection) -> R<Self> {
        // The statuses in which silence counts, in the journal's order.
        let waiting: Vec<String> = Status::ALL
            .into_iter()
            .filter(|s| s.awaits_word())
            .map(|s| s.code().to_string())
            .collect();
        Ok(Self {
            begin: conn.prepare("BEGIN")?,
            end: conn.prepare("COMMIT")?,
            save_debrief: conn.prepare(
                "UPDATE debriefs SET people = ?2, went_well = ?3, improve = ?4, flags = ?5,
                 questions = ?6, next_step = ?7, notes = ?8, body = ?9 WHERE id = ?1",
            )?,
            settings: conn.prepare("SELECT value FROM meta WHERE key = 'settings'")?,
            due: conn.prepare(
                "SELECT f.body, l.body, CASE WHEN f.lead_id IS NULL THEN c.body END
                 FROM follow_ups f
                 LEFT JOIN leads l ON l.id = f.lead_id
                 LEFT JOIN contacts c ON c.id = f.contact_id
                 WHERE f.open = 1 AND f.due_ms < ?1
                 ORDER BY f.due_ms, f.id",
            )?,
            soon: conn.prepare(
                "SELECT i.body, l.body, c.body
                 FROM interviews i
                 JOIN leads l ON l.id = i.lead_id
                 JOIN checklists c ON c.interview_id = i.id
                 WHERE i.start_ms > ?1 AND i.start_ms <= ?2 AND i.cancelled = 0
                 ORDER BY i.start_ms, i.id",
            )?,
            lead_debriefs: conn
                .prepare("SELECT body FROM debriefs WHERE lead_id = ?1 ORDER BY lead_id, id")?,
            undebriefed: conn.prepare(
                "SELECT i.body, l.body
                 FROM interviews i
                 JOIN leads l ON l.id = i.lead_id
                 WHERE i.start_ms >= ?1 AND i.start_ms <= ?2
                   AND NOT EXISTS (SELECT 1 FROM debriefs d WHERE d.interview_id = i.id)
                 ORDER BY i.start_ms, i.id",
            )?,
            waiting: conn.prepare(&format!(
                "SELECT l.id, l.body, i.body
                 FROM leads l LEFT JOIN interviews i ON i.lead_id = l.id
                 WHERE l.status IN ({})
                 ORDER BY l.status, l.id, i.id",
                waiting.join(", ")
            ))?,
            s_leads: conn.prepare(
                "SELECT body FROM leads WHERE company LIKE ?1 OR role LIKE ?1 OR location LIKE ?1
                 OR seen LIKE ?1 OR heard LIKE ?1 ORDER BY rowid",
            )?,
            s_debriefs: conn.prepare(
                "SELECT body FROM debriefs WHERE people LIKE ?1 OR went_well LIKE ?1
                 OR improve LIKE ?1 OR flags LIKE ?1 OR questions LIKE ?1 OR next_step LIKE ?1
                 OR notes LIKE ?1 ORDER BY rowid",
            )?,
            s_contacts: conn.prepare(
                "SELECT body FROM contacts WHERE name LIKE ?1 OR company LIKE ?1 OR role LIKE ?1
                 OR met_where LIKE ?1 OR notes LIKE ?1 ORDER BY rowid",
            )?,
            s_interviews: conn.prepare(
                "SELECT body FROM interviews WHERE stage LIKE ?1 OR place LIKE ?1 OR goal LIKE ?1
                 ORDER BY rowid",
            )?,
        })
    }

    /// The autosave as SQLite would do it: the row rewritten in one autocommit
    /// statement (body plus the searchable columns derived from it).
    fn save_debrief(&mut self, old: &Debrief, body: DebriefBody, now: Stamp) -> R<()> {
        let mut d = old.clone();
        d.body = body;
        d.updated = now;
        let json = serde_json::to_string(&d)?;
        let [p, ww, im, fl, q, ns, n] = debrief_text(&d);
        let changed =
            self.save_debrief
                .execute(params![blob(d.id.key()), p, ww, im, fl, q, ns, n, json])?;
        assert_eq!(changed, 1);
        Ok(())
    }

    /// `Journal::today()` in SQL, decoding the same JSON into the same structs,
    /// in one read transaction (a consistent snapshot, as redb gives).
    fn today(&mut self, now: Stamp) -> R<Vec<TodayItem>> {
        self.begin.execute([])?;
        let items = self.today_in_txn(now);
        self.end.execute([])?;
        items
    }

    fn today_in_txn(&mut self, now: Stamp) -> R<Vec<TodayItem>> {
        let settings: Settings = {
            let mut rows = self.settings.query([])?;
            let row = rows.next()?.ok_or("no settings")?;
            serde_json::from_str(row.get_ref(0)?.as_str()?)?
        };
        let mut items = Vec::new();

        // Follow-ups due before the end of today, with their lead or contact.
        let mut rows = self.due.query([today::end_of_day(now).millis()])?;
        while let Some(row) = rows.next()? {
            let f: FollowUp = serde_json::from_str(row.get_ref(0)?.as_str()?)?;
            if !today::follow_up_is_due(&f, now) {
                continue;
            }
            let label = match (
                row.get_ref(1)?.as_str_or_null()?,
                row.get_ref(2)?.as_str_or_null()?,
            ) {
                (Some(l), _) => about(&serde_json::from_str::<Lead>(l)?),
                (None, Some(c)) => serde_json::from_str::<Contact>(c)?.details.name,
                (None, None) => f.note.clone(),
            };
            let overdue = today::is_overdue(&f, now);
            items.push(TodayItem::FollowUp {
                followup: f,
                about: label,
                overdue,
            });
        }
        drop(rows);

        // Interviews of the next 24 hours, with their checklist progress.
        let (from, to) = today::checklist_window(now);
        let mut rows = self.soon.query([from.millis(), to.millis()])?;
        while let Some(row) = rows.next()? {
            let iv: Interview = serde_json::from_str(row.get_ref(0)?.as_str()?)?;
            let lead: Lead = serde_json::from_str(row.get_ref(1)?.as_str()?)?;
            let checklist: Checklist = serde_json::from_str(row.get_ref(2)?.as_str()?)?;
            let mut ds = Vec::new();
            let mut drows = self.lead_debriefs.query([blob(iv.lead.key())])?;
            while let Some(d) = drows.next()? {
                ds.push(serde_json::from_str::<Debrief>(d.get_ref(0)?.as_str()?)?);
            }
            let (done, total) = checklist_rule::view(&iv, &checklist, &ds).progress();
            items.push(TodayItem::Checklist {
                interview: iv.id,
                lead: lead.id,
                about: about(&lead),
                starts: iv.plan.start,
                done,
                total,
            });
        }
        drop(rows);

        // Interviews held in the last two weeks with no debrief.
        let window = now.add(-TimeDelta::days(today::DEBRIEF_WINDOW_DAYS + 1))?;
        let mut rows = self.undebriefed.query([window.millis(), now.millis()])?;
        while let Some(row) = rows.next()? {
            let iv: Interview = serde_json::from_str(row.get_ref(0)?.as_str()?)?;
            let ended = iv.plan.end();
            let recent = ended.utc() >= now.utc() - TimeDelta::days(today::DEBRIEF_WINDOW_DAYS);
            if !iv.is_held(now) || !recent {
                continue;
            }
            let lead: Lead = serde_json::from_str(row.get_ref(1)?.as_str()?)?;
            items.push(TodayItem::WriteDebrief {
                interview: iv.id,
                lead: lead.id,
                about: about(&lead),
                ended,
            });
        }
        drop(rows);

        // Leads waiting on the company, silent for too long.
        let mut rows = self.waiting.query([])?;
        type Group = Option<(Vec<u8>, Lead, Vec<Interview>)>;
        let silent = |g: Group, items: &mut Vec<TodayItem>| {
            if let Some((_, lead, ivs)) = g {
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
        };
        let mut group: Group = None;
        while let Some(row) = rows.next()? {
            let id = row.get_ref(0)?.as_blob()?;
            if group.as_ref().is_none_or(|g| g.0 != id) {
                silent(group.take(), &mut items);
                let lead: Lead = serde_json::from_str(row.get_ref(1)?.as_str()?)?;
                group = Some((id.to_vec(), lead, Vec::new()));
            }
            if let (Some(iv), Some(g)) = (row.get_ref(2)?.as_str_or_null()?, group.as_mut()) {
                g.2.push(serde_json::from_str(iv)?);
            }
        }
        silent(group, &mut items);
        Ok(today::order(items))
    }

    /// `Journal::search()` for one word: `LIKE '%word%'` over the same text
    /// columns, matches decoded and scored by the same rule.
    fn search(&mut self, word: &str, limit: usize) -> R<Vec<Hit>> {
        self.begin.execute([])?;
        let hits = self.search_in_txn(word, limit);
        self.end.execute([])?;
        hits
    }

    fn search_in_txn(&mut self, word: &str, limit: usize) -> R<Vec<Hit>> {
        let q = Query::parse(word).ok_or("empty query")?;
        let pattern = format!("%{word}%");
        let mut hits = Vec::new();

        let mut rows = self.s_leads.query([&pattern])?;
        while let Some(row) = rows.next()? {
            let l: Lead = serde_json::from_str(row.get_ref(0)?.as_str()?)?;
            let d = &l.details;
            if let Some((score, snippet)) = q.score(&[
                (&d.company, search::TITLE),
                (&d.role, search::SHORT),
                (&d.location, search::SHORT),
                (&d.seen, search::BODY),
                (&d.heard, search::BODY),
            ]) {
                hits.push(Hit {
                    target: Target::Lead(l.id),
                    title: format!("{} — {}", d.company, d.role),
                    snippet,
                    score,
                });
            }
        }
        drop(rows);

        let mut rows = self.s_debriefs.query([&pattern])?;
        while let Some(row) = rows.next()? {
            let d: Debrief = serde_json::from_str(row.get_ref(0)?.as_str()?)?;
            let [
                people,
                went_well,
                improve,
                flags,
                questions,
                next_step,
                notes,
            ] = debrief_text(&d);
            if let Some((score, snippet)) = q.score(&[
                (&people, search::SHORT),
                (&went_well, search::BODY),
                (&improve, search::BODY),
                (&flags, search::BODY),
                (&questions, search::BODY),
                (&next_step, search::BODY),
                (&notes, search::BODY),
            ]) {
                hits.push(Hit {
                    target: Target::Debrief(d.id),
                    title: format!("Debrief of {}", d.created.local().format("%-d %b %Y")),
                    snippet,
                    score,
                });
            }
        }
        drop(rows);

        let mut rows = self.s_contacts.query([&pattern])?;
        while let Some(row) = rows.next()? {
            let c: Contact = serde_json::from_str(row.get_ref(0)?.as_str()?)?;
            let d = &c.details;
            if let Some((score, snippet)) = q.score(&[
                (&d.name, search::TITLE),
                (&d.company, search::SHORT),
                (&d.role, search::SHORT),
                (&d.met_where, search::BODY),
                (&d.notes, search::BODY),
            ]) {
                hits.push(Hit {
                    target: Target::Contact(c.id),
                    title: d.name.clone(),
                    snippet,
                    score,
                });
            }
        }
        drop(rows);

        let mut rows = self.s_interviews.query([&pattern])?;
        while let Some(row) = rows.next()? {
            let i: Interview = serde_json::from_str(row.get_ref(0)?.as_str()?)?;
            let stage = i.plan.stage.to_string();
            if let Some((score, snippet)) = q.score(&[
                (&stage, search::SHORT),
                (&i.plan.place, search::SHORT),
                (&i.plan.goal, search::BODY),
            ]) {
                hits.push(Hit {
                    target: Target::Interview(i.id),
                    title: format!("Interview of {}", i.plan.start.local().format("%-d %b %Y")),
                    snippet,
                    score,
                });
            }
        }
        drop(rows);
        Ok(search::rank(hits, limit))
    }
}

fn sqlite_count(conn: &Connection, table: &str) -> R<u64> {
    Ok(
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
            r.get::<_, i64>(0)
        })? as u64,
    )
}

// ---------------------------------------------------------------- floors

/// A preallocated file overwritten in place: the cost of `fdatasync` alone.
struct Floor {
    file: File,
    blocks: u64,
    buf: Vec<u8>,
    rng: Rng,
}

impl Floor {
    fn new(path: &Path, bytes: u64) -> R<Self> {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(path)?;
        let chunk = vec![0u8; 1 << 20];
        let mut off = 0;
        while off < bytes {
            file.write_all_at(&chunk, off)?;
            off += chunk.len() as u64;
        }
        file.sync_all()?;
        Ok(Self {
            file,
            blocks: bytes / 4096,
            buf: vec![0x5A; 4096],
            rng: Rng(7),
        })
    }

    fn sync(&self) {
        // SAFETY: the descriptor belongs to `self.file`, open for the whole call.
        let rc = unsafe { libc::fdatasync(self.file.as_raw_fd()) };
        assert_eq!(rc, 0, "fdatasync failed");
    }

    fn one_block(&mut self, i: usize) {
        self.buf[0] = i as u8;
        self.file.write_all_at(&self.buf, 0).expect("write");
        self.sync();
    }

    fn scattered(&mut self, i: usize, k: usize) {
        self.buf[0] = i as u8;
        for _ in 0..k {
            let at = self.rng.below(self.blocks) * 4096;
            self.file.write_all_at(&self.buf, at).expect("write");
        }
        self.sync();
    }
}

// ---------------------------------------------------------------- statistics

#[derive(Default, Clone)]
struct Samples(Vec<Duration>);

impl Samples {
    fn time<T>(&mut self, f: impl FnOnce() -> T) -> T {
        let t = Instant::now();
        let out = f();
        self.0.push(t.elapsed());
        out
    }
    fn quantile(&self, q: f64) -> Duration {
        let mut v = self.0.clone();
        v.sort_unstable();
        let i = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1;
        v[i]
    }
    fn median(&self) -> Duration {
        self.quantile(0.5)
    }
    fn p95(&self) -> Duration {
        self.quantile(0.95)
    }
    fn ops(&self) -> f64 {
        self.0.len() as f64 / self.0.iter().sum::<Duration>().as_secs_f64()
    }
    fn skip(&self, n: usize) -> Samples {
        Samples(self.0[n.min(self.0.len())..].to_vec())
    }
}

fn fmt(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us < 1_000.0 {
        format!("{us:.1} µs")
    } else if us < 1_000_000.0 {
        format!("{:.2} ms", us / 1e3)
    } else {
        format!("{:.2} s", us / 1e6)
    }
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64()
}

fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1 << 20) as f64)
}

/// An edit a person makes while typing: the notes change a little each time.
fn edited(body: &DebriefBody, i: usize) -> DebriefBody {
    let mut b = body.clone();
    b.notes = format!(
        "{} Later thought ({i}): the pairing session went better than the call; ask about the team's roadmap{}",
        body.notes,
        ".".repeat(i % 7)
    );
    b
}

struct Row {
    name: String,
    redb: Duration,
    sqlite: Duration,
}

/// Write system calls and bytes written so far by this process (Linux).
fn io_writes() -> (u64, u64) {
    let text = std::fs::read_to_string("/proc/self/io").unwrap_or_default();
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0)
    };
    (field("syscw:"), field("wchar:"))
}

fn add_writes(total: &mut (u64, u64), before: (u64, u64), count: bool) {
    let after = io_writes();
    if count {
        total.0 += after.0 - before.0;
        total.1 += after.1 - before.1;
    }
}

struct Lookups {
    n: usize,
    begin_read: Duration,
    open_get: Duration,
    get: Duration,
    decode: Duration,
    decode_str: Duration,
}

/// Per-lookup costs on the journal file itself, through redb directly.
fn redb_lookups(path: &Path, b: &Backup) -> R<Lookups> {
    use redb::{ReadableDatabase, TableHandle};
    use reps_core::store::tables::LEADS;
    let db = redb::ReadOnlyDatabase::open(path)?;
    let txn = db.begin_read()?;
    let step = (b.leads.len() / 200).max(1);
    let keys: Vec<u128> = b.leads.iter().step_by(step).map(|l| l.id.key()).collect();
    let per = |d: Duration| d / keys.len() as u32;
    let (mut a, mut g, mut d) = (Samples::default(), Samples::default(), Samples::default());
    let (mut br, mut ds) = (Samples::default(), Samples::default());
    for _ in 0..20 {
        br.time(|| -> R<()> {
            for _ in 0..keys.len() {
                std::hint::black_box(db.begin_read()?);
            }
            Ok(())
        })?;
        a.time(|| -> R<()> {
            for k in &keys {
                let t = txn.open_table(LEADS)?;
                let v = t.get(*k)?.ok_or("missing")?;
                std::hint::black_box(v.value().len());
            }
            Ok(())
        })?;
        let t = txn.open_table(LEADS)?;
        g.time(|| -> R<()> {
            for k in &keys {
                let v = t.get(*k)?.ok_or("missing")?;
                std::hint::black_box(v.value().len());
            }
            Ok(())
        })?;
        let raw: Vec<Vec<u8>> = keys
            .iter()
            .map(|k| Ok(t.get(*k)?.ok_or("missing")?.value().to_vec()))
            .collect::<R<_>>()?;
        d.time(|| -> R<()> {
            for (k, r) in keys.iter().zip(&raw) {
                let l: Lead = reps_core::store::codec::decode(r, LEADS.name(), *k)?;
                std::hint::black_box(l);
            }
            Ok(())
        })?;
        // The same bytes checked as UTF-8 once, then parsed as a `str`.
        ds.time(|| -> R<()> {
            for r in &raw {
                let json = std::str::from_utf8(reps_core::store::codec::payload(r))?;
                let l: Lead = serde_json::from_str(json)?;
                std::hint::black_box(l);
            }
            Ok(())
        })?;
    }
    Ok(Lookups {
        n: keys.len(),
        begin_read: per(br.median()),
        open_get: per(a.median()),
        get: per(g.median()),
        decode: per(d.median()),
        decode_str: per(ds.median()),
    })
}

// ---------------------------------------------------------------- main

fn main() -> R<()> {
    let quick = std::env::var("REPS_BENCH_QUICK").is_ok_and(|v| v == "1");
    let size = if quick { QUICK } else { FULL };
    let base = std::env::temp_dir().join("reps-bench");
    std::fs::create_dir_all(&base)?;
    let dir = tempfile::Builder::new().prefix("run-").tempdir_in(&base)?;
    let now: Stamp = NOW.parse()?;
    let clock = Arc::new(ManualClock::new(now));
    println!(
        "reps journal benchmark ({}), now = {now}, files in {}",
        if quick { "QUICK, 20× smaller" } else { "full" },
        dir.path().display()
    );

    // 1. The journal.
    let t = Instant::now();
    let Generated {
        backup: b,
        autosave,
    } = Gen::new(now, size, SEED).build();
    let gen_time = t.elapsed();
    let json_bytes = serde_json::to_vec(&b)?.len() as u64;
    println!(
        "generated in {}: {} leads, {} interviews, {} debriefs, {} contacts, {} follow-ups ({} open), {} checklists; backup JSON {}",
        fmt(gen_time),
        b.leads.len(),
        b.interviews.len(),
        b.debriefs.len(),
        b.contacts.len(),
        b.follow_ups.len(),
        b.follow_ups.iter().filter(|f| f.is_open()).count(),
        b.checklists.len(),
        mib(json_bytes),
    );

    let redb_path = dir.path().join("journal.redb");
    let sqlite_path = dir.path().join("journal.sqlite");
    let journal = Journal::open(&redb_path, clock.clone())?;
    let t = Instant::now();
    let summary = journal.import(b.clone())?;
    let redb_load = t.elapsed();
    let conn = sqlite_open(&sqlite_path)?;
    let t = Instant::now();
    sqlite_load(&conn, &b)?;
    let sqlite_load_time = t.elapsed();
    let mut sql = Sql::new(&conn)?;
    let counts = journal.counts()?;
    assert_eq!(summary.added, {
        b.templates.len()
            + b.leads.len()
            + b.contacts.len()
            + b.interviews.len()
            + b.checklists.len()
            + b.debriefs.len()
            + b.follow_ups.len()
    });
    for (table, n) in [
        ("leads", counts.leads),
        ("interviews", counts.interviews),
        ("debriefs", counts.debriefs),
        ("contacts", counts.contacts),
        ("follow_ups", counts.follow_ups),
    ] {
        assert_eq!(sqlite_count(&conn, table)?, n, "{table} count");
    }

    // 2. Both answer the same.
    let today_redb = journal.today()?;
    let today_sqlite = sql.today(now)?;
    assert_eq!(today_redb, today_sqlite, "Today differs");
    let kinds = |items: &[TodayItem]| {
        let mut k = [0usize; 4];
        for i in items {
            k[match i {
                TodayItem::Checklist { .. } => 0,
                TodayItem::WriteDebrief { .. } => 1,
                TodayItem::FollowUp { .. } => 2,
                TodayItem::Silent { .. } => 3,
            }] += 1;
        }
        k
    };
    let k = kinds(&today_redb);
    assert!(
        k[0] >= 2 && k[1] >= 2 && k[2] >= 3 && k[3] >= 2,
        "Today should have real work: {k:?}"
    );
    println!(
        "Today: {} items ({} checklists, {} debriefs to write, {} follow-ups, {} silent leads); same on both",
        today_redb.len(),
        k[0],
        k[1],
        k[2],
        k[3]
    );
    let words = [RARE, NONE, COMMON, CITY];
    let mut matches = Vec::new();
    for w in words {
        let all = journal.search(w, usize::MAX)?;
        assert_eq!(all, sql.search(w, usize::MAX)?, "search {w} differs");
        assert_eq!(journal.search(w, LIMIT)?, sql.search(w, LIMIT)?);
        matches.push(all.len());
    }
    println!(
        "search: '{RARE}' {} matches, '{NONE}' {}, '{COMMON}' {}, '{CITY}' {}; same on both",
        matches[0], matches[1], matches[2], matches[3]
    );
    assert!(matches[0] >= 5 && matches[1] == 0);

    // 3a. Durable single edit, interleaved with SQLite and the floors.
    let original = journal.debrief(autosave)?;
    let mut floor = Floor::new(&dir.path().join("floor.bin"), size.floor_file)?;
    // How many write calls one redb commit makes (header included), so a
    // third floor can issue exactly as many.
    let probe = 5;
    let before = io_writes();
    for i in 0..probe {
        journal.save_debrief(autosave, edited(&original.body, i))?;
    }
    let per_commit = (io_writes().0 - before.0) as f64 / probe as f64;
    let k = (per_commit.round() as usize).max(1);
    let (mut e_redb, mut e_sqlite, mut f1, mut f4, mut fk) = Default::default();
    let (mut w_redb, mut w_sqlite) = ((0u64, 0u64), (0u64, 0u64));
    let n = size.warmup + size.edits;
    for i in 0..n {
        let body = edited(&original.body, i);
        let count = i >= size.warmup;
        for step in 0..5 {
            match (i + step) % 5 {
                0 => {
                    let w = io_writes();
                    Samples::time(&mut e_redb, || journal.save_debrief(autosave, body.clone()))?;
                    add_writes(&mut w_redb, w, count);
                }
                1 => {
                    let w = io_writes();
                    Samples::time(&mut e_sqlite, || {
                        sql.save_debrief(&original, body.clone(), now)
                    })?;
                    add_writes(&mut w_sqlite, w, count);
                }
                2 => Samples::time(&mut f1, || floor.one_block(i)),
                3 => Samples::time(&mut f4, || floor.scattered(i, 4)),
                _ => Samples::time(&mut fk, || floor.scattered(i, k)),
            }
        }
    }
    let [e_redb, e_sqlite, f1, f4, fk]: [Samples; 5] =
        [e_redb, e_sqlite, f1, f4, fk].map(|s: Samples| s.skip(size.warmup));
    {
        let saved = journal.debrief(autosave)?;
        let body: String = conn.query_row(
            "SELECT body FROM debriefs WHERE id = ?1",
            [blob(autosave.key())],
            |r| r.get(0),
        )?;
        assert_eq!(
            saved,
            serde_json::from_str::<Debrief>(&body)?,
            "edit differs"
        );
        assert_eq!(saved.body, edited(&original.body, n - 1));
    }

    // 3b. Today.
    let (mut t_redb, mut t_sqlite) = (Samples::default(), Samples::default());
    for i in 0..size.warmup + size.todays {
        if i % 2 == 0 {
            let a = t_redb.time(|| journal.today())?;
            let b = t_sqlite.time(|| sql.today(now))?;
            assert_eq!(a.len(), b.len());
        } else {
            let b = t_sqlite.time(|| sql.today(now))?;
            let a = t_redb.time(|| journal.today())?;
            assert_eq!(a.len(), b.len());
        }
    }
    let (t_redb, t_sqlite) = (t_redb.skip(size.warmup), t_sqlite.skip(size.warmup));

    // 3c. Search.
    let mut s_res = Vec::new();
    for w in words {
        let (mut a, mut b) = (Samples::default(), Samples::default());
        for i in 0..size.warmup.min(5) + size.searches {
            let (x, y) = if i % 2 == 0 {
                let x = a.time(|| journal.search(w, LIMIT))?;
                (x, b.time(|| sql.search(w, LIMIT))?)
            } else {
                let y = b.time(|| sql.search(w, LIMIT))?;
                (a.time(|| journal.search(w, LIMIT))?, y)
            };
            assert_eq!(x.len(), y.len());
        }
        s_res.push((a.skip(size.warmup.min(5)), b.skip(size.warmup.min(5))));
    }

    // 3d. Open + close (the handles above are closed first).
    drop(journal);
    drop(sql);
    drop(conn);
    let redb_size = file_size(&redb_path);
    let sqlite_size = file_size(&sqlite_path);
    // Each variant split into its open and its close; interleaved.
    let mut o: [Samples; 8] = Default::default();
    for i in 0..size.opens + 2 {
        for step in 0..4 {
            match (i + step) % 4 {
                0 => {
                    let j = o[0].time(|| Journal::open(&redb_path, clock.clone()))?;
                    o[1].time(|| drop(j));
                }
                1 => {
                    let c = o[2].time(|| -> R<Connection> {
                        let c = sqlite_open(&sqlite_path)?;
                        let v: String =
                            c.query_row("SELECT value FROM meta WHERE key = 'schema'", [], |r| {
                                r.get(0)
                            })?;
                        assert_eq!(v, "1");
                        Ok(c)
                    })?;
                    o[3].time(|| drop(c));
                }
                2 => {
                    let db = o[4].time(|| redb::Database::create(&redb_path))?;
                    o[5].time(|| drop(db));
                }
                _ => {
                    let db = o[6].time(|| redb::ReadOnlyDatabase::open(&redb_path))?;
                    o[7].time(|| drop(db));
                }
            }
        }
    }
    let o = o.map(|s| s.skip(2));
    let both = |a: &Samples, b: &Samples| -> Samples {
        Samples(a.0.iter().zip(&b.0).map(|(x, y)| *x + *y).collect())
    };
    let (o_redb, o_sqlite) = (both(&o[0], &o[1]), both(&o[2], &o[3]));

    // Where a redb read spends its time: a table opened per record (as the
    // journal's `load` does) against one open table, and the JSON decode.
    let diag = redb_lookups(&redb_path, &b)?;

    // 4. The table.
    let mut rows = vec![
        Row {
            name: "durable edit (save_debrief autosave)".into(),
            redb: e_redb.median(),
            sqlite: e_sqlite.median(),
        },
        Row {
            name: "open + close".into(),
            redb: o_redb.median(),
            sqlite: o_sqlite.median(),
        },
        Row {
            name: format!("Today ({} items)", today_redb.len()),
            redb: t_redb.median(),
            sqlite: t_sqlite.median(),
        },
    ];
    for (w, (m, (a, b))) in words.iter().zip(matches.iter().zip(&s_res)) {
        rows.push(Row {
            name: format!("search '{w}' ({m} matches, top {LIMIT})"),
            redb: a.median(),
            sqlite: b.median(),
        });
    }
    rows.push(Row {
        name: "bulk load, one transaction (once)".into(),
        redb: redb_load,
        sqlite: sqlite_load_time,
    });
    println!();
    println!(
        "{:<44} | {:>12} | {:>13} | {:>6}",
        "operation", "redb median", "sqlite median", "ratio"
    );
    println!("{}", "-".repeat(44 + 3 + 12 + 3 + 13 + 3 + 6));
    for r in &rows {
        println!(
            "{:<44} | {:>12} | {:>13} | {:>6.2}",
            r.name,
            fmt(r.redb),
            fmt(r.sqlite),
            ratio(r.redb, r.sqlite)
        );
    }
    println!("(ratio = redb / sqlite; below 1 means redb is faster)");

    println!();
    println!(
        "durable edit, {} iterations after {} warm-up, interleaved:",
        size.edits, size.warmup
    );
    println!(
        "  {:<34} | {:>10} | {:>10} | {:>8} | {:>9} | {:>9}",
        "", "median", "p95", "ops/s", "/1 block", "/4 blocks"
    );
    let fk_name = format!("floor: {k} scattered + fdatasync");
    for (name, s) in [
        ("redb Journal::save_debrief", &e_redb),
        ("sqlite UPDATE (autocommit, FULL)", &e_sqlite),
        ("floor: 1 block + fdatasync", &f1),
        ("floor: 4 scattered + fdatasync", &f4),
        (fk_name.as_str(), &fk),
    ] {
        println!(
            "  {:<34} | {:>10} | {:>10} | {:>8.0} | {:>9.2} | {:>9.2}",
            name,
            fmt(s.median()),
            fmt(s.p95()),
            s.ops(),
            ratio(s.median(), f1.median()),
            ratio(s.median(), f4.median())
        );
    }
    let per = |w: (u64, u64)| {
        (
            w.0 as f64 / size.edits as f64,
            w.1 as f64 / size.edits as f64 / 1024.0,
        )
    };
    let ((rw, rk), (sw, sk)) = (per(w_redb), per(w_sqlite));
    println!(
        "  write calls per commit (from /proc/self/io): redb {rw:.1} ({rk:.1} KiB, header + pages at scattered offsets), sqlite {sw:.1} ({sk:.1} KiB, one WAL frame); {k}-write floor matches redb's count"
    );
    println!(
        "  redb/sqlite per durable commit: {:.2}; redb / four-scattered floor: {:.2} (goal ≤ 1.15); redb / {k}-scattered floor: {:.2}",
        ratio(e_redb.median(), e_sqlite.median()),
        ratio(e_redb.median(), f4.median()),
        ratio(e_redb.median(), fk.median())
    );
    println!();
    println!("open / close, median of {} each, interleaved:", size.opens);
    for (name, open, close) in [
        ("Journal::open / drop", &o[0], &o[1]),
        ("sqlite open + pragmas + query / close", &o[2], &o[3]),
        ("bare redb Database::create / drop", &o[4], &o[5]),
        ("bare redb ReadOnlyDatabase::open / drop", &o[6], &o[7]),
    ] {
        println!(
            "  {:<40} {:>10} / {:>10}",
            name,
            fmt(open.median()),
            fmt(close.median())
        );
    }
    println!();
    println!(
        "redb lookups (one read transaction, {} leads by key, median of 20 rounds, per lookup):",
        diag.n
    );
    println!(
        "  begin_read + drop: {}   open_table + get: {}   get on an open table: {}",
        fmt(diag.begin_read),
        fmt(diag.open_get),
        fmt(diag.get),
    );
    println!(
        "  decode of the lead: codec::decode {}, bare from_utf8 + serde_json::from_str {}",
        fmt(diag.decode),
        fmt(diag.decode_str)
    );
    println!(
        "p95: Today redb {} / sqlite {}; search '{RARE}' redb {} / sqlite {}",
        fmt(t_redb.p95()),
        fmt(t_sqlite.p95()),
        fmt(s_res[0].0.p95()),
        fmt(s_res[0].1.p95())
    );
    println!(
        "files after the run: redb {}, sqlite {} (+ WAL, checkpointed at close); backup JSON {}",
        mib(redb_size),
        mib(sqlite_size),
        mib(json_bytes)
    );
    Ok(())
}

//! Spaced practice: when a card comes back, which cards a debrief offers,
//! which cards suit an interview, and whether practising a skill showed in
//! later debriefs. Pure functions over records and a `now` passed in.
//!
//! The schedule is FSRS-6 from the open-spaced-repetition project's `fsrs`
//! crate (its scalar model, default parameters), used as the Python
//! reference scheduler is set up for day-long practice: no learning steps
//! of minutes (a second practice the same day counts as a short-term
//! review, as FSRS does), one relearning step of a day (an answer the user
//! could not give comes back tomorrow, whatever its history), no fuzz, 90%
//! retention, at most [`MAX_INTERVAL_DAYS`]. `tests/fsrs` checks it against
//! the Python `fsrs` package.

use chrono::Duration;
use serde::{Deserialize, Serialize};

use crate::domain::card::{Card, Grade, Review};
use crate::time::Stamp;
use crate::{Debrief, DebriefBody, Skill};

/// The share of answers the schedule aims to keep recallable.
pub const DESIRED_RETENTION: f32 = 0.9;
/// The longest gap between two practices, in days. FSRS alone would send a
/// well-known answer away for months; a job search lasts months, and an
/// answer not said aloud for two of them should come back.
pub const MAX_INTERVAL_DAYS: i64 = 60;
/// The relearning step, in days: an answer the user could not give again
/// comes back this soon (FSRS alone may wait days after a lapse).
pub const RELEARN_DAYS: i64 = 1;
/// The usual target for a long answer (a story, "tell me about yourself").
pub const TWO_MINUTES: u32 = 120;
/// A prepared answer this long (in words) is a long answer.
const LONG_ANSWER_WORDS: usize = 60;
/// The longest practice the timer records (a timer left running overnight
/// is not a practice time).
pub const MAX_SECONDS: u32 = 3 * 60 * 60;

/// Where a card stands: what FSRS makes of its reviews.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    /// When it should be practised next (a new card: from when it was made).
    pub due: Stamp,
    /// The last practice, if any.
    pub last: Option<Stamp>,
    /// How many practices.
    pub practised: usize,
    /// How many of them were "Again".
    pub lapses: usize,
    /// FSRS's stability (days until recall drops to 90%), once practised.
    pub stability: Option<f32>,
    /// FSRS's difficulty (1–10), once practised.
    pub difficulty: Option<f32>,
}

impl Schedule {
    /// Due on `now`'s day or before (a card comes back on its day, not at
    /// the minute it was rated days ago).
    pub fn is_due(&self, now: Stamp) -> bool {
        self.due.in_zone(now.tz()).local_date() <= now.local_date()
    }
}

/// The reviews in the order they were given: by time (a merge of two
/// devices' reviews may interleave them), and two given at the same
/// instant in the order the list holds them (a merged list's order is the
/// same on every device).
fn in_order(reviews: &[Review]) -> Vec<&Review> {
    let mut ordered: Vec<&Review> = reviews.iter().collect();
    ordered.sort_by_key(|r| r.at);
    ordered
}

/// The whole days between two practices, as FSRS counts them (24-hour
/// periods, never negative).
fn days_between(from: Stamp, to: Stamp) -> u32 {
    let days = (to.utc() - from.utc()).num_days().max(0);
    u32::try_from(days).unwrap_or(u32::MAX)
}

/// Replays a card's reviews through FSRS.
pub fn schedule(card: &Card) -> Schedule {
    schedule_of(card.created, &card.reviews)
}

/// [`schedule`] from a creation time and reviews.
pub fn schedule_of(created: Stamp, reviews: &[Review]) -> Schedule {
    let fsrs = fsrs::FSRS::default();
    let mut memory: Option<fsrs::MemoryState> = None;
    let mut last: Option<Stamp> = None;
    let mut due = created;
    let mut lapses = 0;
    // after an "Again" on a card already learnt: its day-long relearning step
    let mut relearning = false;
    let ordered = in_order(reviews);
    for review in &ordered {
        let elapsed = last.map(|l| days_between(l, review.at)).unwrap_or(0);
        // the default parameters are valid and finite states stay finite;
        // a state FSRS refuses leaves the card as it was
        let Ok(next) = fsrs.next_states(memory, DESIRED_RETENTION, elapsed) else {
            continue;
        };
        let state = match review.grade {
            Grade::Again => next.again,
            Grade::Hard => next.hard,
            Grade::Good => next.good,
            Grade::Easy => next.easy,
        };
        if review.grade == Grade::Again {
            lapses += 1;
        }
        let learnt = memory.is_some();
        memory = Some(state.memory);
        let wait = match (relearning, review.grade) {
            // the step: again tomorrow, "Hard" half a day later still
            (true, Grade::Again) => Duration::days(RELEARN_DAYS),
            (true, Grade::Hard) => Duration::hours(RELEARN_DAYS * 36),
            (false, Grade::Again) if learnt => {
                relearning = true;
                Duration::days(RELEARN_DAYS)
            }
            _ => {
                relearning = false;
                Duration::days(interval_days(state.interval))
            }
        };
        due = review.at.add(wait).unwrap_or(review.at);
        last = Some(review.at);
    }
    Schedule {
        due,
        last,
        practised: ordered.len(),
        lapses,
        stability: memory.map(|m| m.stability),
        difficulty: memory.map(|m| m.difficulty),
    }
}

/// FSRS's interval as whole days: rounded, at least one, at most
/// [`MAX_INTERVAL_DAYS`].
pub fn interval_days(interval: f32) -> i64 {
    if !interval.is_finite() {
        return 1;
    }
    (interval.round() as i64).clamp(1, MAX_INTERVAL_DAYS)
}

/// Whether a card is a long answer, to say aloud in about two minutes: a
/// story, an introduction, a "why us", or a prepared answer of some length.
pub fn is_long_answer(card: &Card) -> bool {
    card.body.skills.iter().any(|s| {
        matches!(
            s,
            Skill::Examples | Skill::TellMeAboutYourself | Skill::WhyThisCompany
        )
    }) || card.body.answer.split_whitespace().count() >= LONG_ANSWER_WORDS
}

/// A line of "answers to improve" as a card: the question (up to its
/// question mark) and, when the line goes on, what was said then
/// ("Why are you leaving? I rambled about my manager" → the question, and
/// "I rambled about my manager").
pub fn split_line(line: &str) -> (String, String) {
    let line = line.trim();
    if let Some(end) = line.find('?') {
        let (question, rest) = line.split_at(end + 1);
        let rest = rest
            .trim()
            .trim_start_matches(['-', '–', '—', ':', ';', ',', '.'])
            .trim();
        if !rest.is_empty() {
            return (question.trim().to_string(), rest.to_string());
        }
    }
    (line.to_string(), String::new())
}

/// About how long an answer takes to say, in seconds (people speak about
/// 150 words a minute in an interview).
pub fn spoken_seconds(text: &str) -> u32 {
    let words = text.split_whitespace().count();
    u32::try_from(words * 60 / 150).unwrap_or(u32::MAX)
}

/// What one tap on a debrief can turn into a card.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FromDebrief {
    /// A line of "answers to improve": the question as remembered.
    Answer(String),
    /// A skill marked "work on".
    Skill(Skill),
}

impl FromDebrief {
    /// The rule key its card's id is derived from, so the same line on two
    /// devices makes one card.
    pub fn rule_key(&self, debrief: &Debrief) -> String {
        match self {
            FromDebrief::Answer(line) => format!(
                "practice card: debrief {} answer {}",
                debrief.id,
                normalized(line)
            ),
            FromDebrief::Skill(s) => {
                format!(
                    "practice card: debrief {} skill {}",
                    debrief.id,
                    skill_key(s)
                )
            }
        }
    }
}

fn normalized(line: &str) -> String {
    line.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn skill_key(s: &Skill) -> String {
    match s {
        Skill::Custom(name) => format!("custom {}", normalized(name)),
        other => format!("{other:?}"),
    }
}

/// Every card a debrief offers: each line of "answers to improve" (list
/// marks dropped), then each skill marked "work on".
pub fn offers(body: &DebriefBody) -> Vec<FromDebrief> {
    let mut out: Vec<FromDebrief> = Vec::new();
    for line in body.improve.lines() {
        let line = line.trim().trim_start_matches(['-', '*', '•', '–']).trim();
        if line.is_empty() {
            continue;
        }
        let offer = FromDebrief::Answer(line.to_string());
        if !out.contains(&offer) {
            out.push(offer);
        }
    }
    for s in &body.to_improve {
        let offer = FromDebrief::Skill(s.clone());
        if !out.contains(&offer) {
            out.push(offer);
        }
    }
    out
}

/// What practising a skill did: from the first practice of a card tagged
/// with it, how many later debriefs marked it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PracticeEffect {
    /// The skill.
    pub skill: Skill,
    /// Its first practice.
    pub since: Stamp,
    /// Practices of its cards.
    pub practices: usize,
    /// Debriefs written after that first practice.
    pub debriefs_since: usize,
    /// Of those, the ones that still marked it "work on".
    pub work_on_since: usize,
}

impl PracticeEffect {
    /// Practised, then interviewed, and not marked "work on" since.
    pub fn stopped_appearing(&self) -> bool {
        self.debriefs_since > 0 && self.work_on_since == 0
    }
}

/// The effect of practice on each practised skill, in skill order.
pub fn effects(cards: &[Card], debriefs: &[Debrief]) -> Vec<PracticeEffect> {
    let mut by_skill: std::collections::BTreeMap<Skill, (Stamp, usize)> = Default::default();
    for card in cards {
        let Some(first) = card.reviews.iter().map(|r| r.at).min() else {
            continue;
        };
        for s in &card.body.skills {
            let entry = by_skill.entry(s.clone()).or_insert((first, 0));
            entry.0 = entry.0.min(first);
            entry.1 += card.reviews.len();
        }
    }
    by_skill
        .into_iter()
        .map(|(skill, (since, practices))| {
            let later: Vec<&Debrief> = debriefs.iter().filter(|d| d.created > since).collect();
            PracticeEffect {
                work_on_since: later
                    .iter()
                    .filter(|d| d.body.to_improve.contains(&skill))
                    .count(),
                debriefs_since: later.len(),
                skill,
                since,
                practices,
            }
        })
        .collect()
}

/// Whether a card suits the run-up to an interview: made from an earlier
/// interview with the same company or at the same stage, or due by the day.
pub fn suits(schedule: &Schedule, same_company_or_stage: bool, interview_day: Stamp) -> bool {
    same_company_or_stage || schedule.is_due(interview_day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::CardId;
    use crate::time::at;
    use crate::{CardBody, DebriefId};

    fn card(reviews: Vec<(&str, Grade)>) -> Card {
        Card {
            id: CardId(uuid::Uuid::now_v7()),
            created: at("2026-06-01T09:00:00Z[UTC]"),
            updated: at("2026-06-01T09:00:00Z[UTC]"),
            body: CardBody::asking("Why us?"),
            from: None,
            reviews: reviews
                .into_iter()
                .map(|(t, grade)| Review {
                    at: at(t),
                    grade,
                    seconds: None,
                })
                .collect(),
        }
    }

    #[test]
    fn a_new_card_is_due_from_the_day_it_was_made() {
        let s = schedule(&card(vec![]));
        assert_eq!(s.due, at("2026-06-01T09:00:00Z[UTC]"));
        assert!(s.is_due(at("2026-06-01T20:00:00Z[UTC]")));
        assert_eq!(s.practised, 0);
    }

    #[test]
    fn good_pushes_a_card_out_and_again_brings_it_back_tomorrow() {
        let good = schedule(&card(vec![("2026-06-01T10:00:00Z[UTC]", Grade::Good)]));
        // FSRS-6's first "Good": stability 2.3065 days → 2 days at 90%
        assert_eq!(good.due, at("2026-06-03T10:00:00Z[UTC]"));
        assert!(!good.is_due(at("2026-06-02T23:00:00Z[UTC]")));
        assert!(
            good.is_due(at("2026-06-03T08:00:00Z[UTC]")),
            "due on its day"
        );
        let again = schedule(&card(vec![("2026-06-01T10:00:00Z[UTC]", Grade::Again)]));
        assert_eq!(again.due, at("2026-06-02T10:00:00Z[UTC]"));
        assert_eq!(again.lapses, 1);
        // a story known for weeks and then lost: back tomorrow all the same
        let lost = schedule(&card(vec![
            ("2026-06-01T10:00:00Z[UTC]", Grade::Easy),
            ("2026-06-09T10:00:00Z[UTC]", Grade::Easy),
            ("2026-07-20T10:00:00Z[UTC]", Grade::Again),
        ]));
        assert_eq!(lost.due, at("2026-07-21T10:00:00Z[UTC]"));
        let easy = schedule(&card(vec![("2026-06-01T10:00:00Z[UTC]", Grade::Easy)]));
        assert_eq!(easy.due, at("2026-06-09T10:00:00Z[UTC]"), "8.2956 days");
    }

    #[test]
    fn reviews_merged_out_of_order_schedule_the_same() {
        let a = card(vec![
            ("2026-06-01T10:00:00Z[UTC]", Grade::Good),
            ("2026-06-04T10:00:00Z[UTC]", Grade::Hard),
            ("2026-06-09T10:00:00Z[UTC]", Grade::Good),
        ]);
        let mut b = a.clone();
        b.reviews.reverse();
        assert_eq!(schedule(&a), schedule(&b));
        assert!(schedule(&a).due > at("2026-06-12T10:00:00Z[UTC]"));
    }

    #[test]
    fn a_debrief_offers_each_answer_line_and_each_work_on_skill_once() {
        let body = DebriefBody {
            improve: "- Why I left my last job\n\n• The outage story\n- Why I left my last job"
                .into(),
            to_improve: vec![Skill::SalaryTalk],
            ..Default::default()
        };
        assert_eq!(
            offers(&body),
            vec![
                FromDebrief::Answer("Why I left my last job".into()),
                FromDebrief::Answer("The outage story".into()),
                FromDebrief::Skill(Skill::SalaryTalk),
            ]
        );
        let d = Debrief {
            id: DebriefId(uuid::Uuid::now_v7()),
            created: at("2026-06-01T09:00:00Z[UTC]"),
            updated: at("2026-06-01T09:00:00Z[UTC]"),
            interview: None,
            lead: None,
            body,
        };
        assert_eq!(
            FromDebrief::Answer("why I  left my last job".into()).rule_key(&d),
            FromDebrief::Answer("Why I left my last job".into()).rule_key(&d),
            "the same line, however spaced, is the same card"
        );
    }

    #[test]
    fn a_line_with_a_note_after_its_question_is_split() {
        assert_eq!(
            split_line("Why are you leaving your current job? I rambled about my manager…"),
            (
                "Why are you leaving your current job?".to_string(),
                "I rambled about my manager…".to_string()
            )
        );
        assert_eq!(
            split_line(" The outage story "),
            ("The outage story".to_string(), String::new())
        );
        assert_eq!(
            split_line("Why us? — froze"),
            ("Why us?".to_string(), "froze".to_string())
        );
        assert_eq!(spoken_seconds(&"word ".repeat(300)), 120);
    }

    #[test]
    fn a_well_known_answer_still_comes_back_within_two_months() {
        let mut reviews = vec![];
        let mut t = at("2026-01-01T09:00:00Z[UTC]");
        for _ in 0..8 {
            reviews.push(Review {
                at: t,
                grade: Grade::Easy,
                seconds: None,
            });
            t = schedule_of(at("2026-01-01T09:00:00Z[UTC]"), &reviews).due;
        }
        let s = schedule_of(at("2026-01-01T09:00:00Z[UTC]"), &reviews);
        assert_eq!(
            s.due,
            s.last
                .unwrap()
                .add(Duration::days(MAX_INTERVAL_DAYS))
                .unwrap()
        );
    }

    #[test]
    fn a_story_or_a_long_answer_gets_the_two_minute_target() {
        let mut c = card(vec![]);
        assert!(!is_long_answer(&c));
        c.body.skills.push(Skill::Examples);
        assert!(is_long_answer(&c));
        c.body.skills.clear();
        c.body.answer = "word ".repeat(LONG_ANSWER_WORDS);
        assert!(is_long_answer(&c));
    }

    #[test]
    fn practice_shows_when_a_skill_stops_coming_up() {
        let mut c = card(vec![("2026-06-05T10:00:00Z[UTC]", Grade::Good)]);
        c.body.skills = vec![Skill::SalaryTalk];
        let debrief = |day: &str, weak: bool| Debrief {
            id: DebriefId(uuid::Uuid::now_v7()),
            created: at(day),
            updated: at(day),
            interview: None,
            lead: None,
            body: DebriefBody {
                to_improve: if weak {
                    vec![Skill::SalaryTalk]
                } else {
                    vec![]
                },
                ..Default::default()
            },
        };
        let before = debrief("2026-06-01T10:00:00Z[UTC]", true);
        let after = debrief("2026-06-10T10:00:00Z[UTC]", false);
        let e = effects(&[c.clone()], &[before.clone(), after]);
        assert_eq!(e.len(), 1);
        assert_eq!((e[0].debriefs_since, e[0].work_on_since), (1, 0));
        assert!(e[0].stopped_appearing());
        let still = debrief("2026-06-12T10:00:00Z[UTC]", true);
        let e = effects(&[c], &[before, still]);
        assert!(!e[0].stopped_appearing());
    }
}

//! Spaced practice: cards made from debriefs or written directly, practised
//! one at a time and rated. Each command is one write transaction (a rating
//! is saved the moment it is given); each query reads one snapshot and
//! returns the view the practice screens render.

use chrono::Duration;
use serde::{Deserialize, Serialize};

use super::Journal;
use crate::domain::card::{Card, CardBody, CardSource, Grade, Review};
use crate::error::{Invalid, Problem, Result};
use crate::id::{CardId, DebriefId, InterviewId};
use crate::rules::practice::{self, FromDebrief, Schedule};
use crate::rules::today::end_of_day;
use crate::store::Read;
use crate::store::tables::{CARD_BY_DEBRIEF, CARD_BY_DUE};
use crate::time::Stamp;
use crate::{Debrief, Interview, Lead, wording};

/// A card as the practice screens show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PracticeCard {
    /// The card.
    pub card: Card,
    /// Where it came from: "From Acme — Engineer, 3 Dec" (empty when written directly).
    pub source: String,
    /// "Due today", "Next: Thu 10 Dec".
    pub due: String,
    /// Due today or before.
    pub due_now: bool,
    /// A long answer: the two-minute target applies.
    pub two_minutes: bool,
    /// "Not practised yet", "Practised 3 times, last 2 Dec".
    pub practised: String,
    /// The skills, as named on the balance sheet.
    pub skills: Vec<String>,
    /// When each grade would bring it back, worst first: "tomorrow",
    /// "in 3 days" (shown on the grade buttons).
    pub after: Vec<(Grade, String)>,
    /// About how long the prepared answer takes to say: "about 1½ minutes
    /// aloud (190 words)"; empty without an answer.
    pub spoken: String,
}

/// The practice screen: the cards to practise now, one at a time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PracticePage {
    /// Cards to practise, the longest-waiting first.
    pub cards: Vec<PracticeCard>,
    /// What the set is: "Due today", or "Before Acme — Engineer, Tue 8 Dec".
    pub title: String,
    /// Every card in the journal.
    pub total: usize,
    /// Cards practised today.
    pub done_today: usize,
    /// When the next card not in this set comes back: "Next card: Thu 10 Dec".
    pub next: Option<String>,
}

/// What one tap on a debrief offers, and whether its card exists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardOffer {
    /// The line or skill.
    pub pick: FromDebrief,
    /// How the button names it: the line, or "Salary talk".
    pub label: String,
    /// The card made from it, if one was.
    pub card: Option<CardId>,
}

/// A rating saved: the card as it is now and when it comes back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rated {
    /// The card with the new practice.
    pub card: Card,
    /// "Back in 3 days (Thu 10 Dec)".
    pub next: String,
}

/// A practised skill on the balance sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillPractice {
    /// The skill.
    pub skill: crate::Skill,
    /// "Practised 3 times since 8 Nov; not marked to work on in the 2 debriefs since".
    pub text: String,
    /// Interviewed since, and never marked "work on" again.
    pub stopped_appearing: bool,
}

/// Practice on the Reps screen, beside the interviews.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PracticeFacts {
    /// Cards in the journal.
    pub cards: usize,
    /// Practices ever rated.
    pub practices: usize,
    /// Practices in the last seven days.
    pub this_week: usize,
    /// Cards due now.
    pub due: usize,
    /// For each practised skill, what later debriefs said.
    pub effects: Vec<SkillPractice>,
}

impl Journal {
    /// Writes a card directly (the story bank): one transaction.
    pub fn add_card(&self, body: CardBody) -> Result<Card> {
        body.validate()?;
        self.write(|w| {
            let card = Card {
                id: CardId(w.new_id()),
                created: w.now,
                updated: w.now,
                body,
                from: None,
                reviews: Vec::new(),
            };
            w.put(None, &card)?;
            Ok(card)
        })
    }

    /// One tap on a debrief's line or "work on" skill: its card, made now
    /// with the question filled in, or the one made before (the id comes
    /// from the line, so two devices make one card).
    pub fn card_from_debrief(&self, debrief: DebriefId, pick: FromDebrief) -> Result<Card> {
        if let FromDebrief::Answer(line) = &pick {
            crate::domain::limits::required("question", line, crate::domain::card::QUESTION)?;
        }
        self.write(|w| {
            let d: Debrief = w.load(debrief.key())?;
            let id = card_id(&pick, &d);
            if let Some(card) = w.load_opt::<Card>(id.key())? {
                return Ok(card);
            }
            let body = match &pick {
                FromDebrief::Answer(line) => {
                    let (question, said) = practice::split_line(line);
                    CardBody {
                        question,
                        said,
                        skills: skills_for_answer(&d),
                        ..Default::default()
                    }
                }
                FromDebrief::Skill(s) => CardBody {
                    question: wording::practice_question(s),
                    skills: vec![s.clone()],
                    ..Default::default()
                },
            };
            body.validate()?;
            let card = Card {
                id,
                created: w.now,
                updated: w.now,
                body,
                from: Some(CardSource {
                    debrief: d.id,
                    interview: d.interview,
                    lead: d.lead,
                }),
                reviews: Vec::new(),
            };
            w.put(None, &card)?;
            Ok(card)
        })
    }

    /// Replaces what is written on a card (its practices stay).
    pub fn edit_card(&self, id: CardId, body: CardBody) -> Result<Card> {
        body.validate()?;
        self.write(|w| {
            let old: Card = w.load(id.key())?;
            // Saving the same words again (the editor saves as you type)
            // is not an edit: the card keeps its time and nothing is written.
            if old.body == body {
                return Ok(old);
            }
            let mut new = old.clone();
            new.body = body;
            new.updated = w.now;
            w.put_as_typed(&old, &new)?;
            Ok(new)
        })
    }

    /// Deletes a card and its practices (the debrief stays).
    pub fn delete_card(&self, id: CardId) -> Result<()> {
        self.write(|w| {
            let old: Card = w.load(id.key())?;
            w.remove(&old)
        })
    }

    /// Saves one practice: the grade given now, and how long the answer
    /// took when the timer ran. One transaction, committed before it returns.
    pub fn rate_card(&self, id: CardId, grade: Grade, seconds: Option<u32>) -> Result<Rated> {
        if let Some(s) = seconds
            && s > practice::MAX_SECONDS
        {
            return Err(Invalid::new(
                "seconds",
                Problem::OutOfRange {
                    min: 0,
                    max: i64::from(practice::MAX_SECONDS),
                    got: i64::from(s),
                },
            )
            .into());
        }
        self.write(|w| {
            let old: Card = w.load(id.key())?;
            if old.reviews.len() >= crate::formats::backup::MAX_REVIEWS {
                return Err(Invalid::new(
                    "reviews",
                    Problem::TooMany {
                        max: crate::formats::backup::MAX_REVIEWS,
                        got: old.reviews.len() + 1,
                    },
                )
                .into());
            }
            let mut new = old.clone();
            new.reviews.push(Review {
                at: w.now,
                grade,
                seconds,
            });
            crate::sync::doc::set_order(&mut new.reviews);
            new.updated = w.now;
            w.put(Some(&old), &new)?;
            let schedule = practice::schedule(&new);
            Ok(Rated {
                next: wording::back_in(w.now, schedule.due),
                card: new,
            })
        })
    }

    /// One card, as the screens show it.
    pub fn practice_card(&self, id: CardId) -> Result<PracticeCard> {
        let now = self.now();
        self.read(|r| {
            let card: Card = r.load(id.key())?;
            view(r, card, now)
        })
    }

    /// Every card (the story bank): due ones first, then by next day.
    pub fn all_cards(&self) -> Result<Vec<PracticeCard>> {
        let now = self.now();
        self.read(|r| {
            let mut cards: Vec<(Stamp, Card)> = r
                .load_all::<Card>()?
                .into_iter()
                .map(|c| (practice::schedule(&c).due, c))
                .collect();
            cards.sort_by_key(|(due, c)| (*due, c.id));
            cards.into_iter().map(|(_, c)| view(r, c, now)).collect()
        })
    }

    /// The practice screen: the cards due today, or with an interview
    /// given, the cards that suit it (from earlier interviews with the same
    /// company or at the same stage, and those due by its day).
    pub fn practice_page(&self, before: Option<InterviewId>) -> Result<PracticePage> {
        let now = self.now();
        self.read(|r| {
            let all: Vec<Card> = r.load_all()?;
            let total = all.len();
            let done_today = done_on(&all, now);
            let (chosen, title) = match before {
                None => (due_cards(r, now)?, wording::PRACTICE_DUE.to_string()),
                Some(iv) => {
                    let iv: Interview = r.load(iv.key())?;
                    let lead: Lead = r.load(iv.lead.key())?;
                    let cards = cards_for(r, &all, &iv, &lead)?;
                    (
                        cards,
                        format!(
                            "Before {}, {}",
                            wording::about(&lead),
                            wording::weekday(&iv.plan.start)
                        ),
                    )
                }
            };
            let next = all
                .iter()
                .map(practice::schedule)
                .filter(|s| !s.is_due(now))
                .map(|s| s.due)
                .min()
                .map(|d| format!("Next card: {}", wording::weekday(&d.in_zone(now.tz()))));
            Ok(PracticePage {
                cards: chosen
                    .into_iter()
                    .map(|c| view(r, c, now))
                    .collect::<Result<_>>()?,
                title,
                total,
                done_today,
                next,
            })
        })
    }

    /// One card to practise now, due or not (its own "Practise" button).
    pub fn practice_one(&self, id: CardId) -> Result<PracticePage> {
        let now = self.now();
        self.read(|r| {
            let card: Card = r.load(id.key())?;
            let all: Vec<Card> = r.load_all()?;
            Ok(PracticePage {
                title: wording::PRACTICE_ONE.to_string(),
                total: all.len(),
                done_today: done_on(&all, now),
                next: None,
                cards: vec![view(r, card, now)?],
            })
        })
    }

    /// What a debrief offers to practise, each with its card if made.
    pub fn card_offers(&self, debrief: DebriefId) -> Result<Vec<CardOffer>> {
        self.read(|r| {
            let d: Debrief = r.load(debrief.key())?;
            practice::offers(&d.body)
                .into_iter()
                .map(|pick| {
                    let card = r.load_opt::<Card>(card_id(&pick, &d).key())?.map(|c| c.id);
                    let label = match &pick {
                        FromDebrief::Answer(line) => line.clone(),
                        FromDebrief::Skill(s) => wording::skill(s),
                    };
                    Ok(CardOffer { pick, label, card })
                })
                .collect()
        })
    }

    /// The cards made from one debrief.
    pub fn cards_from_debrief(&self, debrief: DebriefId) -> Result<Vec<Card>> {
        self.read(|r| {
            let keys = r.ix_children(CARD_BY_DEBRIEF, debrief.key())?;
            r.load_many(&keys)
        })
    }

    /// Every card as a CSV file a flashcard app imports (front, back, tags).
    pub fn export_cards_csv(&self) -> Result<String> {
        let cards: Vec<Card> = self.read(|r| r.load_all())?;
        crate::formats::cards_csv::cards_csv(&cards)
            .map_err(|e| crate::error::Error::Corrupt(e.to_string()))
    }

    /// Practice beside interviews on the Reps screen.
    pub fn practice_facts(&self) -> Result<PracticeFacts> {
        let now = self.now();
        self.read(|r| facts(r, now))
    }
}

/// The id of the card one tap on a debrief makes: derived from the line or
/// skill, the same on every device.
fn card_id(pick: &FromDebrief, d: &Debrief) -> CardId {
    CardId(crate::id::derived(&pick.rule_key(d), d.created))
}

/// The skills a card from an "answers to improve" line practises: the
/// debrief's "work on" skills when there is exactly one (the line is
/// likely about it), else none.
fn skills_for_answer(d: &Debrief) -> Vec<crate::Skill> {
    if d.body.to_improve.len() == 1 {
        d.body.to_improve.clone()
    } else {
        Vec::new()
    }
}

/// The cards practised on `now`'s day (a card said twice counts once).
fn done_on(cards: &[Card], now: Stamp) -> usize {
    cards
        .iter()
        .filter(|c| {
            c.reviews
                .iter()
                .any(|r| r.at.in_zone(now.tz()).local_date() == now.local_date())
        })
        .count()
}

/// The cards due by the end of `now`'s day, longest waiting first.
pub(crate) fn due_cards(r: &impl Read, now: Stamp) -> Result<Vec<Card>> {
    let keys = r.ix_time(CARD_BY_DUE, i64::MIN, end_of_day(now).millis() - 1)?;
    let cards: Vec<Card> = r.load_many(&keys)?;
    Ok(cards
        .into_iter()
        .filter(|c| practice::schedule(c).is_due(now))
        .collect())
}

/// How many cards are due by the end of `now`'s day (Today, the widgets).
pub(crate) fn due_count(r: &impl Read, now: Stamp) -> Result<usize> {
    Ok(due_cards(r, now)?.len())
}

/// How many cards suit the run-up to `iv` (the checklist's offer).
pub(crate) fn cards_before(r: &impl Read, iv: &Interview, lead: &Lead) -> Result<usize> {
    Ok(cards_for(r, &r.load_all()?, iv, lead)?.len())
}

/// The cards that suit the run-up to `iv`: from earlier interviews with its
/// company or at its stage, and those due by its day.
fn cards_for(r: &impl Read, all: &[Card], iv: &Interview, lead: &Lead) -> Result<Vec<Card>> {
    let company = lead.company_key();
    let mut out: Vec<(bool, Stamp, Card)> = Vec::new();
    for card in all {
        let mut related = false;
        if let Some(from) = &card.from {
            if let Some(l) = from.lead
                && let Some(their) = r.load_opt::<Lead>(l.key())?
            {
                related |= !company.is_empty() && their.company_key() == company;
            }
            if let Some(i) = from.interview
                && let Some(earlier) = r.load_opt::<Interview>(i.key())?
            {
                related |= earlier.plan.stage == iv.plan.stage && earlier.id != iv.id;
            }
        }
        let schedule = practice::schedule(card);
        if practice::suits(&schedule, related, iv.plan.start) {
            out.push((!related, schedule.due, card.clone()));
        }
    }
    // the ones from this company or stage first, then by due day
    out.sort_by_key(|(unrelated, due, c)| (*unrelated, *due, c.id));
    Ok(out.into_iter().map(|(_, _, c)| c).collect())
}

fn view(r: &impl Read, card: Card, now: Stamp) -> Result<PracticeCard> {
    let schedule: Schedule = practice::schedule(&card);
    let source = match &card.from {
        None => String::new(),
        Some(from) => {
            let d: Option<Debrief> = r.load_opt(from.debrief.key())?;
            let lead: Option<Lead> = match from.lead {
                Some(l) => r.load_opt(l.key())?,
                None => None,
            };
            wording::card_source(lead.as_ref(), d.map(|d| d.created))
        }
    };
    let after = Grade::ALL
        .into_iter()
        .map(|grade| {
            let mut reviews = card.reviews.clone();
            reviews.push(Review {
                at: now,
                grade,
                seconds: None,
            });
            let next = practice::schedule_of(card.created, &reviews).due;
            (grade, wording::comes_back(now, next))
        })
        .collect();
    Ok(PracticeCard {
        after,
        spoken: wording::spoken(&card.body.answer),
        source,
        due: wording::card_due(&schedule, now),
        due_now: schedule.is_due(now),
        two_minutes: practice::is_long_answer(&card),
        practised: wording::practised(&schedule),
        skills: card.body.skills.iter().map(wording::skill).collect(),
        card,
    })
}

pub(crate) fn facts(r: &impl Read, now: Stamp) -> Result<PracticeFacts> {
    let cards: Vec<Card> = r.load_all()?;
    let debriefs: Vec<Debrief> = r.load_all()?;
    let week_ago = now.add(-Duration::days(7)).unwrap_or(now);
    let practices = cards.iter().map(|c| c.reviews.len()).sum();
    let this_week = cards
        .iter()
        .flat_map(|c| &c.reviews)
        .filter(|rv| rv.at > week_ago)
        .count();
    Ok(PracticeFacts {
        cards: cards.len(),
        practices,
        this_week,
        due: due_count(r, now)?,
        effects: practice::effects(&cards, &debriefs)
            .iter()
            .map(|e| SkillPractice {
                skill: e.skill.clone(),
                text: wording::practice_effect(e),
                stopped_appearing: e.stopped_appearing(),
            })
            .collect(),
    })
}

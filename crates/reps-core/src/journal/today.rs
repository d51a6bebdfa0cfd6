//! Today: one list of what needs the user now, each row with its words and
//! the screen that deals with it.

use chrono::Duration;
use serde::{Deserialize, Serialize};

use super::Journal;
use super::goes_to::{GoesTo, MessageFor, message_for};
use super::prep::checklist_view_at;
use crate::error::Result;
use crate::id::FollowUpId;
use crate::rules::followups as due;
use crate::rules::messages::MessageKind;
use crate::rules::today::{self, TodayItem};
use crate::store::Read;
use crate::store::tables::*;
use crate::time::Stamp;
use crate::{FollowUp, Interview, Lead, Status, wording};

/// One row of Today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TodayRow {
    /// What it is, with the records it is about.
    pub item: TodayItem,
    /// What to do: "Prepare", "Write it down", "Send a thank-you"…
    pub title: String,
    /// "Company — role", or a person's name.
    pub about: String,
    /// When, as the row says it: "Due today", "Was due 3 Jun", "Ended …".
    pub when: String,
    /// The row on one line, for a widget: "Acme — Engineer · due today".
    pub detail: String,
    /// The open follow-up it is, to mark done or push back.
    pub follow_up: Option<FollowUpId>,
    /// The screen its main button opens.
    pub goes_to: GoesTo,
    /// The message that deals with it, when one does.
    pub message: Option<(MessageKind, MessageFor)>,
}

impl From<TodayItem> for TodayRow {
    fn from(item: TodayItem) -> Self {
        let (title, about, when, detail, follow_up, goes_to, message) = match &item {
            TodayItem::Checklist {
                interview,
                about,
                starts,
                done,
                total,
                ..
            } => {
                let when = format!("{} · {done} of {total} ready", wording::when(starts));
                (
                    "Prepare".to_string(),
                    about.clone(),
                    when.clone(),
                    format!("{about} · {when}"),
                    None,
                    GoesTo::Checklist(*interview),
                    None,
                )
            }
            TodayItem::WriteDebrief {
                interview,
                about,
                ended,
                ..
            } => (
                "Write it down".to_string(),
                about.clone(),
                format!("Ended {}", wording::when(ended)),
                format!("{about} · ended {}", wording::when(ended)),
                None,
                GoesTo::Capture(Some(*interview)),
                None,
            ),
            TodayItem::FollowUp {
                followup,
                about,
                overdue,
            } => {
                let (when, detail) = if *overdue {
                    let day = wording::day(&followup.effective_due());
                    (format!("Was due {day}"), format!("{about} · was due {day}"))
                } else {
                    ("Due today".to_string(), format!("{about} · due today"))
                };
                (
                    wording::follow_up(followup.kind).to_string(),
                    about.clone(),
                    when,
                    detail,
                    Some(followup.id),
                    GoesTo::for_follow_up(followup),
                    message_for(followup),
                )
            }
            TodayItem::Practice { cards, .. } => {
                let about = wording::cards_due(*cards);
                (
                    wording::PRACTISE.to_string(),
                    about.clone(),
                    "Due today".to_string(),
                    format!("{about} · due today"),
                    None,
                    GoesTo::Practice(None),
                    None,
                )
            }
            TodayItem::Silent { lead, about, since } => (
                "No word for a while".to_string(),
                about.clone(),
                format!("Silent since {}", wording::day(since)),
                format!("{about} · silent since {}", wording::day(since)),
                None,
                GoesTo::Lead(*lead),
                Some((MessageKind::CheckIn, MessageFor::Lead(*lead))),
            ),
        };
        Self {
            item,
            title,
            about,
            when,
            detail,
            follow_up,
            goes_to,
            message,
        }
    }
}

/// A line of "this week": something due in the next seven days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeekRow {
    /// When: "Wed 9 Dec".
    pub day: String,
    /// What to do: "Check in", "Answer the offer"…
    pub title: String,
    /// "Company — role", or a person's name.
    pub about: String,
    /// Where it is done.
    pub goes_to: GoesTo,
}

/// An answer to improve, from a debrief of the last seven days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lesson {
    /// "Company — role".
    pub about: String,
    /// What the user wrote under "answers to improve".
    pub text: String,
    /// The skills marked "work on", as words.
    pub work_on: Vec<String>,
    /// The debrief, to read it whole.
    pub goes_to: GoesTo,
}

/// "This week" on Today: what comes in the next seven days, soonest
/// first, and what last week's debriefs said to improve.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ThisWeek {
    /// Follow-ups (pushed ones too, people due a check-in among them) and
    /// offers' answer-by dates, soonest first.
    pub ahead: Vec<WeekRow>,
    /// Answers to improve from the last seven days, newest first.
    pub lessons: Vec<Lesson>,
}

impl Journal {
    /// The week ahead and behind (one snapshot): Today's second part.
    pub fn this_week(&self) -> Result<ThisWeek> {
        let now = self.now();
        self.read(|r| {
            let (from, to) = today::week_ahead(now);
            let mut ahead: Vec<(Stamp, WeekRow)> = Vec::new();
            for k in r.ix_time(FOLLOW_UP_BY_DUE, from.millis(), to.millis() - 1)? {
                let f: FollowUp = r.load(k)?;
                if !f.is_open() {
                    continue;
                }
                // a thank-you for an interview not held yet is not a thing to
                // plan for: it comes to Today once the interview is over
                if f.kind == crate::FollowUpKind::ThankYou {
                    let iv: Option<Interview> = match f.interview {
                        Some(i) => r.load_opt(i.key())?,
                        None => None,
                    };
                    if iv.is_some_and(|i| !i.is_held(now)) {
                        continue;
                    }
                }
                let due = f.effective_due();
                ahead.push((
                    due,
                    WeekRow {
                        day: wording::weekday(&due),
                        title: wording::follow_up(f.kind).to_string(),
                        about: super::outside::about_follow_up(r, &f)?,
                        goes_to: GoesTo::for_follow_up(&f),
                    },
                ));
            }
            for k in r.ix_status(Status::Offer.code())? {
                let lead: Lead = r.load(k)?;
                let Some(by) = lead.offer.as_ref().and_then(|o| o.respond_by) else {
                    continue;
                };
                // a deadline already passed is still this week's business
                if by >= to {
                    continue;
                }
                ahead.push((
                    by,
                    WeekRow {
                        day: wording::weekday(&by),
                        title: wording::ANSWER_THE_OFFER.to_string(),
                        about: wording::about(&lead),
                        goes_to: GoesTo::Lead(lead.id),
                    },
                ));
            }
            // practice: one line per day cards come back
            let mut days: Vec<(chrono::NaiveDate, Stamp, usize)> = Vec::new();
            for k in r.ix_time(CARD_BY_DUE, from.millis(), to.millis() - 1)? {
                let card: crate::Card = r.load(k)?;
                let due = crate::rules::practice::schedule(&card)
                    .due
                    .in_zone(now.tz());
                match days.iter_mut().find(|(d, _, _)| *d == due.local_date()) {
                    Some((_, _, n)) => *n += 1,
                    None => days.push((due.local_date(), due, 1)),
                }
            }
            for (_, first, cards) in days {
                ahead.push((
                    first,
                    WeekRow {
                        day: wording::weekday(&first),
                        title: wording::PRACTICE_COMES_BACK.to_string(),
                        about: wording::cards_come_back(cards),
                        goes_to: GoesTo::Cards,
                    },
                ));
            }
            ahead.sort_by_key(|(at, _)| *at);
            let since = now.add(-Duration::days(today::WEEK_DAYS))?;
            let mut lessons: Vec<(Stamp, Lesson)> = Vec::new();
            for d in r.load_all::<crate::Debrief>()? {
                let b = &d.body;
                if b.improve.trim().is_empty() && b.to_improve.is_empty() {
                    continue;
                }
                // when it happened: the interview's start, else when written
                let iv: Option<Interview> = match d.interview {
                    Some(i) => r.load_opt(i.key())?,
                    None => None,
                };
                let when = iv.as_ref().map_or(d.created, |i| i.plan.start);
                if when < since || when > now {
                    continue;
                }
                let about = match d.lead.or(iv.map(|i| i.lead)) {
                    Some(l) => wording::about(&r.load::<Lead>(l.key())?),
                    None => String::new(),
                };
                lessons.push((
                    when,
                    Lesson {
                        about,
                        text: b.improve.trim().to_string(),
                        work_on: b.to_improve.iter().map(wording::skill).collect(),
                        goes_to: GoesTo::Debrief(d.id),
                    },
                ));
            }
            lessons.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
            Ok(ThisWeek {
                ahead: ahead.into_iter().map(|(_, row)| row).collect(),
                lessons: lessons.into_iter().map(|(_, l)| l).collect(),
            })
        })
    }

    /// What is due now: checklists of the next 24 h, debriefs still to write,
    /// follow-ups due today or overdue (replies owed among them), and leads
    /// silent long enough to be offered as ghosted.
    pub fn today(&self) -> Result<Vec<TodayItem>> {
        let now = self.now();
        self.read(|r| items_due(r, now))
    }

    /// [`Journal::today`] as rows: each with its words and where it leads
    /// (the Today screen, a widget's list).
    pub fn today_rows(&self) -> Result<Vec<TodayRow>> {
        let now = self.now();
        self.read(|r| {
            items_due(r, now)?
                .into_iter()
                .map(|item| {
                    let reply_about = match &item {
                        TodayItem::FollowUp { followup, .. }
                            if followup.kind == crate::FollowUpKind::ReplyOwed =>
                        {
                            match followup.lead {
                                Some(l) => Some(r.load::<Lead>(l.key())?),
                                None => None,
                            }
                        }
                        _ => None,
                    };
                    let mut row = TodayRow::from(item);
                    // who the reply is owed to, and what it needs: a decision
                    // first while the lead waits in the deck (its page asks
                    // it), the decline once passed on
                    if let Some(lead) = reply_about {
                        row.title = wording::reply_to(lead.details.source).to_string();
                        if crate::rules::pipeline::in_deck(lead.status) {
                            row.when = format!("{} · {}", row.when, wording::DECIDE_FIRST);
                            row.goes_to = GoesTo::Lead(lead.id);
                            row.message = None;
                        } else if lead.status == crate::Status::Passed {
                            row.message =
                                Some((MessageKind::DeclineInterview, MessageFor::Lead(lead.id)));
                        }
                    }
                    Ok(row)
                })
                .collect()
        })
    }
}

fn items_due(r: &impl Read, now: Stamp) -> Result<Vec<TodayItem>> {
    {
        let settings = r.read_settings()?;
        let mut items = Vec::new();
        let about = wording::about;

        for k in r.ix_time(
            FOLLOW_UP_BY_DUE,
            i64::MIN,
            today::end_of_day(now).millis() - 1,
        )? {
            let f: FollowUp = r.load(k)?;
            if !today::follow_up_is_due(&f, now) {
                continue;
            }
            if f.kind == crate::FollowUpKind::ThankYou {
                let iv: Option<Interview> = match f.interview {
                    Some(i) => r.load_opt(i.key())?,
                    None => None,
                };
                if today::waits_for_interview(&f, iv.as_ref(), now) {
                    continue;
                }
            }
            let label = super::outside::about_follow_up(r, &f)?;
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
            let (done, total) = checklist_view_at(r, &iv, now)?.progress();
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

        let cards = super::practice::due_cards(r, now)?;
        if let Some(since) = cards
            .iter()
            .map(|c| crate::rules::practice::schedule(c).due)
            .min()
        {
            items.push(TodayItem::Practice {
                cards: cards.len(),
                since,
            });
        }
        Ok(today::order(items))
    }
}

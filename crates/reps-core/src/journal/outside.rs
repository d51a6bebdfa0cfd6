//! What is shown outside the app: reminders (desktop notifications, the
//! phones' scheduled ones) and the widget's next interviews, with their
//! words and the screen each opens, and the snapshot file the phones'
//! widget and notification code read (`outside.json`, written by the app
//! after each change because only the app may open the journal):
//!
//! ```json
//! { "format": 1,
//!   "interviews": [ { "id": "…", "company": "Acme", "role": "Engineer",
//!       "stage": "Hiring manager", "startsIso": "2026-06-10T09:00:00+02:00[Europe/Paris]",
//!       "startsEpochMs": 1781074800000, "minutes": 45, "place": "",
//!       "deepLink": "reps://prep/…" } ],
//!   "reminders": [ { "followUpId": "…", "title": "Send a thank-you",
//!       "body": "Acme — Engineer · due Tue 9 Jun, 17:00", "dueEpochMs": 1781017200000,
//!       "deepLink": "reps://message/thank-you/interview-…" } ] }
//! ```
//!
//! `reminders` holds the open follow-ups falling due after the moment of
//! writing and within [`HORIZON_DAYS`], soonest first, at most
//! [`MAX_REMINDERS`] (iOS keeps 64 pending notifications per app); what is
//! already due is on Today. A reader replaces everything it scheduled from
//! an earlier file. `format` changes only with an incompatible change;
//! readers ignore fields they do not know.

use chrono::Duration;
use serde::{Deserialize, Serialize};

use super::Journal;
use super::goes_to::GoesTo;
use super::interviews::not_over;
use crate::error::Result;
use crate::rules::followups::newly_due;
use crate::store::Read;
use crate::time::Stamp;
use crate::{Card, Contact, FollowUp, Interview, Lead, wording};

/// The snapshot's file name, in the folder of the capture inbox.
pub const FILE: &str = "outside.json";
/// The snapshot's format (changes only when an old reader would misread it).
pub const FORMAT: u32 = 1;
/// How far ahead reminders are listed.
pub const HORIZON_DAYS: i64 = 60;
/// At most this many reminders (iOS keeps 64 pending notifications per app).
pub const MAX_REMINDERS: usize = 60;
/// At most this many interviews (a widget shows one to three).
pub const MAX_INTERVIEWS: usize = 5;

/// Something that falls due — a follow-up, or a day's practice — as a
/// notification says it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reminder {
    /// A stable id for the notification: the follow-up's id, or
    /// `practice-<day>` for a day's practice.
    pub id: String,
    /// When to show it.
    pub due: Stamp,
    /// The follow-up, when it is one.
    pub follow_up: Option<FollowUp>,
    /// "Company — role", or the person's name.
    pub about: String,
    /// The notification's title: the action ("Send a thank-you").
    pub title: String,
    /// Its text: "Acme — Engineer · due Tue 2 Jun, 17:00".
    pub body: String,
    /// The screen that deals with it.
    pub goes_to: GoesTo,
}

/// A reminder as the phones schedule it (the snapshot's and the uniffi
/// record's fields).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReminderItem {
    /// A stable notification id: the follow-up's id, or `practice-<day>`
    /// (the name is the snapshot's since format 1).
    pub follow_up_id: String,
    /// The notification's title.
    pub title: String,
    /// Its text.
    pub body: String,
    /// When to show it, in milliseconds since the Unix epoch.
    pub due_epoch_ms: i64,
    /// The screen a tap opens.
    pub deep_link: String,
}

impl From<&Reminder> for ReminderItem {
    fn from(r: &Reminder) -> Self {
        Self {
            follow_up_id: r.id.clone(),
            title: r.title.clone(),
            body: r.body.clone(),
            due_epoch_ms: r.due.millis(),
            deep_link: r.goes_to.link(),
        }
    }
}

/// An interview still ahead (or under way), for a "next up" widget.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NextInterview {
    /// The interview's id.
    pub id: String,
    /// The company.
    pub company: String,
    /// The role.
    pub role: String,
    /// The stage, as a heading ("Hiring manager").
    pub stage: String,
    /// Start as RFC 9557 text, e.g. `2026-06-10T09:00:00+02:00[Europe/Paris]`.
    pub starts_iso: String,
    /// Start in milliseconds since the Unix epoch.
    pub starts_epoch_ms: i64,
    /// Length in minutes.
    pub minutes: u32,
    /// Address or room; empty for a call.
    pub place: String,
    /// Opens its checklist.
    pub deep_link: String,
}

impl NextInterview {
    /// The widget line for `interview` of `lead`.
    pub fn new(interview: &Interview, lead: &Lead) -> Self {
        let plan = &interview.plan;
        Self {
            id: interview.id.to_string(),
            company: lead.details.company.clone(),
            role: lead.details.role.clone(),
            stage: wording::stage(&plan.stage),
            starts_iso: plan.start.to_string(),
            starts_epoch_ms: plan.start.millis(),
            minutes: plan.minutes,
            place: plan.place.clone(),
            deep_link: GoesTo::Checklist(interview.id).link(),
        }
    }
}

/// The whole snapshot file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Outside {
    /// [`FORMAT`].
    pub format: u32,
    /// Interviews not over yet, soonest first.
    pub interviews: Vec<NextInterview>,
    /// Follow-ups to announce, soonest first.
    pub reminders: Vec<ReminderItem>,
}

impl Outside {
    /// The file's text, as every writer of it writes it (the app after each
    /// change, the phones' background sync after a round).
    pub fn to_file_text(&self) -> String {
        // plain records of strings and numbers: serializing cannot fail
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

impl Journal {
    /// The follow-ups that fall due in `(after, until]`, each once (a
    /// snoozed one at its new time), soonest first, with their words and
    /// destination: what reminders announce.
    pub fn reminders(&self, after: Stamp, until: Stamp) -> Result<Vec<Reminder>> {
        self.read(|r| reminders_in(r, after, until))
    }

    /// [`Journal::reminders`] for a window given in whole milliseconds since
    /// the Unix epoch, as native schedulers count: `(from, to]` taken to the
    /// last instant of each millisecond, so passing the last `to` (or a
    /// reminder's due millisecond) as the next `from` never announces one
    /// twice.
    pub fn reminders_between_millis(&self, from_ms: i64, to_ms: i64) -> Result<Vec<Reminder>> {
        let tz = self.now().tz();
        let stamp = |ms: i64| -> Result<Stamp> {
            let utc = chrono::DateTime::from_timestamp_millis(ms)
                .and_then(|t| t.checked_add_signed(Duration::nanoseconds(999_999)))
                .ok_or(crate::TimeError::OutOfRange)?;
            Ok(Stamp::new(utc, tz).check()?)
        };
        let (after, until) = (stamp(from_ms)?, stamp(to_ms)?);
        self.reminders(after, until)
    }

    /// Interviews not over yet, soonest first, at most `limit`, as widget lines.
    pub fn next_interviews(&self, limit: usize) -> Result<Vec<NextInterview>> {
        let now = self.now();
        self.read(|r| next_in(r, now, limit))
    }

    /// The snapshot as of now (one read).
    pub fn outside(&self) -> Result<Outside> {
        let now = self.now();
        let until = now.add(Duration::days(HORIZON_DAYS))?;
        self.read(|r| {
            let mut reminders: Vec<ReminderItem> = reminders_in(r, now, until)?
                .iter()
                .map(ReminderItem::from)
                .collect();
            reminders.sort_by_key(|r| r.due_epoch_ms);
            reminders.truncate(MAX_REMINDERS);
            Ok(Outside {
                format: FORMAT,
                interviews: next_in(r, now, MAX_INTERVIEWS)?,
                reminders,
            })
        })
    }
}

fn next_in(r: &impl Read, now: Stamp, limit: usize) -> Result<Vec<NextInterview>> {
    not_over(r, now, limit)?
        .iter()
        .map(|i| Ok(NextInterview::new(i, &r.load(i.lead.key())?)))
        .collect()
}

fn reminders_in(r: &impl Read, after: Stamp, until: Stamp) -> Result<Vec<Reminder>> {
    let all: Vec<FollowUp> = r.load_all()?;
    let mut out = newly_due(&all, after, until)
        .into_iter()
        .map(|f| {
            let about = about_follow_up(r, &f)?;
            Ok(Reminder {
                id: f.id.to_string(),
                due: f.effective_due(),
                title: wording::follow_up(f.kind).to_string(),
                body: format!("{about} · due {}", wording::when(&f.effective_due())),
                goes_to: GoesTo::for_follow_up(&f),
                about,
                follow_up: Some(f),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    out.extend(practice_reminders(&r.load_all::<Card>()?, after, until));
    out.sort_by_key(|r| r.due);
    Ok(out)
}

/// One reminder on each day a practised card comes back, at
/// [`PRACTICE_HOUR`] in the zone of `after` (a card is due all its day, as
/// on Today), counting every card due by that day. A card never practised is not announced: it was just made, and
/// Today shows it.
fn practice_reminders(cards: &[Card], after: Stamp, until: Stamp) -> Vec<Reminder> {
    let tz = after.tz();
    let schedules: Vec<_> = cards.iter().map(crate::rules::practice::schedule).collect();
    let mut days: Vec<chrono::NaiveDate> = schedules
        .iter()
        .filter(|s| s.practised > 0)
        .map(|s| s.due.in_zone(tz).local_date())
        .collect();
    days.sort_unstable();
    days.dedup();
    days.into_iter()
        .filter_map(|day| {
            let at = Stamp::from_local(day.and_hms_opt(PRACTICE_HOUR, 0, 0)?, tz).ok()?;
            if at <= after || at > until {
                return None;
            }
            let cards = schedules
                .iter()
                .filter(|s| s.due.in_zone(tz).local_date() <= day)
                .count();
            Some(Reminder {
                id: format!("practice-{day}"),
                due: at,
                follow_up: None,
                about: wording::cards_due(cards),
                title: wording::PRACTISE.to_string(),
                body: format!("{} · a few minutes, out loud", wording::cards_due(cards)),
                goes_to: GoesTo::Practice(None),
            })
        })
        .collect()
}

/// The hour of the morning practice is announced.
pub const PRACTICE_HOUR: u32 = 9;

/// "Company — role", the person's name, or the note: who a follow-up is about.
pub(crate) fn about_follow_up(r: &impl Read, f: &FollowUp) -> Result<String> {
    Ok(match (f.lead, f.contact) {
        (Some(l), _) => wording::about(&r.load::<Lead>(l.key())?),
        (None, Some(c)) => r.load::<Contact>(c.key())?.details.name,
        (None, None) => f.note.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::messages::MessageKind;
    use crate::time::ManualClock;

    fn demo() -> Journal {
        let now: Stamp = "2026-11-23T18:00:00+01:00[Europe/Paris]".parse().unwrap();
        let clock = std::sync::Arc::new(ManualClock::new(now));
        let j = Journal::in_memory(clock.clone()).unwrap();
        crate::demo::populate(&j, &clock, now).unwrap();
        j
    }

    #[test]
    fn a_reminder_opens_the_message_that_deals_with_it() {
        let j = demo();
        let thanks = j
            .all_follow_ups()
            .unwrap()
            .into_iter()
            .find(|f| f.is_open() && f.kind == crate::FollowUpKind::ThankYou)
            .expect("the sample has a thank-you waiting");
        let due = thanks.effective_due();
        let before = due.add(-Duration::minutes(1)).unwrap();
        let got = j.reminders(before, due).unwrap();
        let r = got
            .iter()
            .find(|r| r.follow_up.as_ref().map(|f| f.id) == Some(thanks.id))
            .unwrap();
        assert!(matches!(
            r.goes_to,
            GoesTo::Message(MessageKind::ThankYou, _)
        ));
        assert_eq!(r.title, "Send a thank-you");
        assert!(
            r.body.starts_with(&format!("{} · due ", r.about)),
            "{}",
            r.body
        );
    }

    #[test]
    fn the_snapshot_lists_what_is_ahead_with_links_the_app_opens() {
        let j = demo();
        let outside = j.outside().unwrap();
        assert_eq!(outside.format, FORMAT);
        assert!(
            !outside.interviews.is_empty(),
            "the sample has interviews ahead"
        );
        let now = j.now().millis();
        let mut last = i64::MIN;
        for i in &outside.interviews {
            assert!(i.starts_epoch_ms >= last, "soonest first");
            last = i.starts_epoch_ms;
            assert!(!i.company.is_empty() && !i.stage.is_empty());
            assert!(i.starts_iso.ends_with(']'), "{}", i.starts_iso);
            assert!(matches!(
                GoesTo::from_link(&i.deep_link),
                Some(GoesTo::Checklist(_))
            ));
        }
        for r in &outside.reminders {
            assert!(r.due_epoch_ms > now, "only what is still ahead");
            assert!(r.due_epoch_ms <= now + HORIZON_DAYS * 86_400_000);
            assert!(GoesTo::from_link(&r.deep_link).is_some(), "{}", r.deep_link);
            assert!(!r.title.is_empty() && r.body.contains(" · due "));
        }
        assert!(
            outside
                .reminders
                .windows(2)
                .all(|w| w[0].due_epoch_ms <= w[1].due_epoch_ms),
            "soonest first"
        );
    }

    #[test]
    fn the_field_names_are_the_ones_the_platform_code_reads() {
        let outside = Outside {
            format: FORMAT,
            interviews: vec![NextInterview {
                id: "i".into(),
                company: "Acme".into(),
                role: "Engineer".into(),
                stage: "Hiring manager".into(),
                starts_iso: "2026-06-10T09:00:00+02:00[Europe/Paris]".into(),
                starts_epoch_ms: 1,
                minutes: 45,
                place: String::new(),
                deep_link: "reps://prep/i".into(),
            }],
            reminders: vec![ReminderItem {
                follow_up_id: "f".into(),
                title: "Check in".into(),
                body: "Acme — Engineer · due Tue 9 Jun, 17:00".into(),
                due_epoch_ms: 2,
                deep_link: "reps://today".into(),
            }],
        };
        let v: serde_json::Value = serde_json::to_value(&outside).unwrap();
        // platforms/android/…/Outside.kt and platforms/ios/…/Outside.swift read these
        for key in ["format", "interviews", "reminders"] {
            assert!(v.get(key).is_some(), "{key}");
        }
        for key in [
            "id",
            "company",
            "role",
            "stage",
            "startsIso",
            "startsEpochMs",
            "minutes",
            "place",
            "deepLink",
        ] {
            assert!(v["interviews"][0].get(key).is_some(), "{key}");
        }
        for key in ["followUpId", "title", "body", "dueEpochMs", "deepLink"] {
            assert!(v["reminders"][0].get(key).is_some(), "{key}");
        }
    }
}

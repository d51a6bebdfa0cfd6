//! What the phone shows outside the app: the home-screen widget's next
//! interviews and the follow-up reminders the system announces.
//!
//! Neither the widget nor the reminder code may open the journal (a redb file
//! is held by one process at a time, and the app holds it), so the app writes
//! what they need to one small JSON file, `outside.json`, next to the capture
//! inbox ([`crate::paths::Places`]): on start and after every change, only
//! when its content changed, whole or not at all (written beside, synced,
//! renamed). The platform code in `platforms/` reads it:
//!
//! ```json
//! { "format": 1,
//!   "interviews": [ { "id": "…", "company": "Acme", "role": "Engineer",
//!       "stage": "Hiring manager", "startsIso": "2026-06-10T09:00:00+02:00[Europe/Paris]",
//!       "startsEpochMs": 1781074800000, "minutes": 45, "place": "",
//!       "deepLink": "reps://prep/…" } ],
//!   "reminders": [ { "followUpId": "…", "title": "Send a thank-you",
//!       "body": "Acme — Engineer · due Tue 9 Jun, 17:00", "dueEpochMs": 1781017200000,
//!       "deepLink": "reps://message/thank_you/interview-…" } ] }
//! ```
//!
//! Field names and meanings are those of the uniffi records
//! `UpcomingInterview` and `ReminderItem` (`crates/reps-ffi`), plus a deep
//! link per interview. `reminders` holds the open follow-ups falling due
//! after the moment of writing and within [`HORIZON_DAYS`], soonest first, at
//! most [`MAX_REMINDERS`] (iOS keeps 64 pending notifications per app);
//! what is already due is on the Today screen. A reader replaces everything
//! it scheduled from an earlier file. `format` changes only with an
//! incompatible change; readers ignore fields they do not know.
//!
//! The reminders' words and the screen each one opens are the desktop
//! notifications' ([`wording`], [`destination`]).

use std::path::Path;

use reps_core::{FollowUpKind, Interview, Lead};
use serde::{Deserialize, Serialize};

use crate::components::text;
use crate::journal::{JournalHandle, Reminder, UiError};
use crate::links::link_for;
use crate::route::Route;
use crate::screens::today::message_for;

/// The file's name, in the folder of the capture inbox.
pub const FILE: &str = "outside.json";
/// The file's format (changes only when an old reader would misread it).
pub const FORMAT: u32 = 1;
/// How far ahead reminders are listed.
pub const HORIZON_DAYS: i64 = 60;
/// At most this many reminders (iOS keeps 64 pending notifications per app).
pub const MAX_REMINDERS: usize = 60;
/// At most this many interviews (a widget shows one to three).
pub const MAX_INTERVIEWS: usize = 5;

/// The whole file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Outside {
    /// [`FORMAT`].
    pub format: u32,
    /// Interviews not over yet, soonest first.
    pub interviews: Vec<NextInterview>,
    /// Follow-ups to announce, soonest first.
    pub reminders: Vec<ReminderItem>,
}

/// An interview for the widget (the uniffi `UpcomingInterview`, with a link).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// Start as RFC 9557 text (`2026-06-10T09:00:00+02:00[Europe/Paris]`).
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

/// A follow-up to announce at its due time (the uniffi `ReminderItem`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReminderItem {
    /// The follow-up's id: a stable notification id.
    pub follow_up_id: String,
    /// The notification's title: the action ("Send a thank-you").
    pub title: String,
    /// Its text: "Acme — Engineer · due Tue 2 Jun, 17:00".
    pub body: String,
    /// When to show it, in milliseconds since the Unix epoch.
    pub due_epoch_ms: i64,
    /// The screen that deals with it.
    pub deep_link: String,
}

/// The screen a reminder opens: the message that deals with it when there
/// is one, else the lead (apply again, reply) or Today.
pub fn destination(r: &Reminder) -> Route {
    match message_for(&r.follow_up) {
        Some((kind, about)) => Route::Message { kind, about },
        None => match (r.follow_up.kind, r.follow_up.lead) {
            (FollowUpKind::Reapply | FollowUpKind::ReplyOwed, Some(id)) => Route::LeadDetail { id },
            _ => Route::Today {},
        },
    }
}

/// A reminder's words: title and text.
pub fn wording(r: &Reminder) -> (String, String) {
    (
        text::follow_up(r.follow_up.kind).to_string(),
        format!(
            "{} · due {}",
            r.about,
            text::when(&r.follow_up.effective_due())
        ),
    )
}

/// The file's content from the journal's answers.
pub fn build(upcoming: &[(Interview, Lead)], reminders: &[Reminder]) -> Outside {
    let interviews = upcoming
        .iter()
        .take(MAX_INTERVIEWS)
        .map(|(i, lead)| NextInterview {
            id: i.id.to_string(),
            company: lead.details.company.clone(),
            role: lead.details.role.clone(),
            stage: reps_core::wording::stage(&i.plan.stage),
            starts_iso: i.plan.start.to_string(),
            starts_epoch_ms: i.plan.start.millis(),
            minutes: i.plan.minutes,
            place: i.plan.place.clone(),
            deep_link: link_for(&Route::ChecklistScreen { id: i.id }),
        })
        .collect();
    let mut reminders: Vec<ReminderItem> = reminders
        .iter()
        .map(|r| {
            let (title, body) = wording(r);
            ReminderItem {
                follow_up_id: r.follow_up.id.to_string(),
                title,
                body,
                due_epoch_ms: r.follow_up.effective_due().millis(),
                deep_link: link_for(&destination(r)),
            }
        })
        .collect();
    reminders.sort_by_key(|r| r.due_epoch_ms);
    reminders.truncate(MAX_REMINDERS);
    Outside {
        format: FORMAT,
        interviews,
        reminders,
    }
}

/// Asks the journal for the file's content as of now.
pub async fn query(journal: &JournalHandle) -> Result<Outside, UiError> {
    let now = journal.now().await?;
    let until = now
        .add(chrono::Duration::days(HORIZON_DAYS))
        .map_err(|e| UiError::general_message(e.to_string()))?;
    let upcoming = journal.upcoming(MAX_INTERVIEWS).await?;
    let reminders = journal.reminders(now, until).await?;
    Ok(build(&upcoming, &reminders))
}

/// Writes `outside` to `path` unless it is what `last` says was written
/// there; remembers it in `last`. Answers whether the file changed.
pub fn write_if_changed(
    path: &Path,
    outside: &Outside,
    last: &mut Option<String>,
) -> std::io::Result<bool> {
    let json = serde_json::to_string_pretty(outside).map_err(std::io::Error::other)?;
    if last.as_deref() == Some(json.as_str()) {
        return Ok(false);
    }
    crate::paths::write_whole(path, json.as_bytes())?;
    *last = Some(json);
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::test_support::{block_on, demo};
    use reps_core::rules::messages::MessageKind;

    #[test]
    fn a_reminder_opens_the_message_that_deals_with_it() {
        let j = demo();
        let open: Vec<_> = j
            .all_follow_ups()
            .unwrap()
            .into_iter()
            .filter(|f| f.is_open())
            .collect();
        let thanks = open
            .iter()
            .find(|f| f.kind == FollowUpKind::ThankYou)
            .expect("the sample has a thank-you waiting")
            .clone();
        let r = Reminder {
            follow_up: thanks.clone(),
            about: "Acme — Engineer".into(),
        };
        match destination(&r) {
            Route::Message { kind, .. } => assert_eq!(kind, MessageKind::ThankYou),
            other => panic!("{other:?}"),
        }
        let (summary, body) = wording(&r);
        assert_eq!(summary, "Send a thank-you");
        assert!(body.starts_with("Acme — Engineer · due "), "{body}");
    }

    #[test]
    fn the_file_lists_what_is_ahead_with_links_the_app_opens() {
        let handle = JournalHandle::spawn(demo());
        let outside = block_on(query(&handle)).unwrap();
        assert_eq!(outside.format, FORMAT);
        assert!(
            !outside.interviews.is_empty(),
            "the sample has interviews ahead"
        );
        let now = block_on(handle.now()).unwrap().millis();
        let mut last = i64::MIN;
        for i in &outside.interviews {
            assert!(i.starts_epoch_ms >= last, "soonest first");
            last = i.starts_epoch_ms;
            assert!(!i.company.is_empty() && !i.stage.is_empty());
            assert!(i.starts_iso.ends_with(']'), "{}", i.starts_iso);
            assert!(
                matches!(
                    crate::links::route_for(&i.deep_link),
                    Some(Route::ChecklistScreen { .. })
                ),
                "{}",
                i.deep_link
            );
        }
        for r in &outside.reminders {
            assert!(r.due_epoch_ms > now, "only what is still ahead");
            assert!(r.due_epoch_ms <= now + HORIZON_DAYS * 86_400_000);
            assert!(
                crate::links::route_for(&r.deep_link).is_some(),
                "{}",
                r.deep_link
            );
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

    #[test]
    fn an_unchanged_file_is_not_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE);
        let outside = build(&[], &[]);
        let mut last = None;
        assert!(write_if_changed(&path, &outside, &mut last).unwrap());
        let written = std::fs::read_to_string(&path).unwrap();
        assert_eq!(serde_json::from_str::<Outside>(&written).unwrap(), outside);
        std::fs::remove_file(&path).unwrap();
        assert!(!write_if_changed(&path, &outside, &mut last).unwrap());
        assert!(
            !path.exists(),
            "skipped: nothing changed since the last write"
        );
        let other = Outside {
            format: FORMAT + 1,
            ..outside
        };
        assert!(write_if_changed(&path, &other, &mut last).unwrap());
        assert!(path.exists());
    }
}

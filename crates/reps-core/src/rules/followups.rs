//! When each follow-up falls due. Every rule takes the moment it starts from and
//! the user's [`Settings`]; none reads a clock. Days are counted on the wall
//! clock of the zone the event happened in.

use chrono::{Duration, NaiveTime};

use crate::time::{Stamp, TimeError};
use crate::{Contact, FollowUp, Lead, Settings, Source};

/// A thank-you goes out the same day: two hours after the end, or right at
/// the end when that would already be tomorrow.
pub fn thank_you_due(interview_end: Stamp) -> Stamp {
    match interview_end.add(Duration::hours(2)) {
        Ok(later) if later.local_date() == interview_end.local_date() => later,
        _ => interview_end,
    }
}

/// A check-in after `check_in_after_days` of silence.
pub fn check_in_due(last_activity: Stamp, settings: &Settings) -> Result<Stamp, TimeError> {
    last_activity.add_local_days(i64::from(settings.check_in_after_days))
}

/// A check-in the morning after the date they promised an answer by.
pub fn promised_reply_check_in(
    promised_by: chrono::NaiveDate,
    tz: chrono_tz::Tz,
) -> Result<Stamp, TimeError> {
    let day_after = promised_by
        .succ_opt()
        .ok_or(TimeError::OutOfRange)?
        .and_time(NaiveTime::from_hms_opt(10, 0, 0).unwrap_or_default());
    Stamp::from_local(day_after, tz)
}

/// Silence starts at the latest sign of life: a word from them, a status
/// change, or the end of the latest interview.
pub fn silence_since(lead: &Lead, interview_ends: impl IntoIterator<Item = Stamp>) -> Stamp {
    interview_ends
        .into_iter()
        .fold(lead.last_activity(), |a, b| a.max(b))
}

/// After `ghost_after_days` without a word, a lead that waits on the company
/// is offered as ghosted (the user confirms; nothing changes silently).
pub fn is_silent(
    lead: &Lead,
    since: Stamp,
    has_upcoming_interview: bool,
    now: Stamp,
    settings: &Settings,
) -> bool {
    if !lead.status.awaits_word() || has_upcoming_interview {
        return false;
    }
    match since.add_local_days(i64::from(settings.ghost_after_days)) {
        Ok(limit) => now >= limit,
        Err(_) => false,
    }
}

/// Ask for feedback a little after a "no", once the sting has faded.
pub fn feedback_due(rejected_at: Stamp, settings: &Settings) -> Result<Stamp, TimeError> {
    rejected_at.add_local_days(i64::from(settings.feedback_after_days))
}

/// A dream company's "no" is not forever: try again after some months.
pub fn reapply_due(closed_at: Stamp, settings: &Settings) -> Result<Stamp, TimeError> {
    closed_at.add_local_months(settings.reapply_after_months)
}

/// Whether a lead's closing status calls for a reapply reminder.
pub fn wants_reapply(lead: &Lead) -> bool {
    lead.details.dream_job
        && matches!(
            lead.status,
            crate::Status::Rejected | crate::Status::Ghosted
        )
}

/// The next keep-in-touch date of a contact, if it has a cadence.
pub fn keep_in_touch_due(contact: &Contact) -> Option<Stamp> {
    let days = contact.details.cadence_days?;
    let from = contact.last_contact.unwrap_or(contact.created);
    from.add_local_days(i64::from(days)).ok()
}

/// Where "not today" puts a follow-up: tomorrow at 09:00 local.
pub fn tomorrow_morning(now: Stamp) -> Result<Stamp, TimeError> {
    let tomorrow = now.local_date().succ_opt().ok_or(TimeError::OutOfRange)?;
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default();
    Stamp::from_local(tomorrow.and_time(nine), now.tz())
}

/// The furthest a follow-up can be pushed: a year ("don't wait anxiously"
/// is not "forget it").
pub const SNOOZE_MAX_DAYS: i64 = 366;

/// Nine in the morning of `day`, for pushing a follow-up to a chosen date.
/// The day must come after today and within [`SNOOZE_MAX_DAYS`].
pub fn morning_of(now: Stamp, day: chrono::NaiveDate) -> Result<Stamp, crate::Error> {
    use crate::error::{Invalid, Problem};
    let today = now.local_date();
    if day <= today {
        return Err(Invalid::new("until", Problem::NotLater).into());
    }
    if (day - today).num_days() > SNOOZE_MAX_DAYS {
        return Err(Invalid::new(
            "until",
            Problem::OutOfRange {
                min: 1,
                max: SNOOZE_MAX_DAYS,
                got: (day - today).num_days(),
            },
        )
        .into());
    }
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default();
    Ok(Stamp::from_local(day.and_time(nine), now.tz())?)
}

/// The open follow-ups that became due in `(after, until]`: what a reminder
/// (a desktop notification, a phone's scheduled alert) announces at `until`
/// when it last looked at `after`. Soonest first.
pub fn newly_due(follow_ups: &[FollowUp], after: Stamp, until: Stamp) -> Vec<FollowUp> {
    let mut due: Vec<FollowUp> = follow_ups
        .iter()
        .filter(|f| f.is_open())
        .filter(|f| {
            let at = f.effective_due().utc();
            after.utc() < at && at <= until.utc()
        })
        .cloned()
        .collect();
    due.sort_by_key(|f| f.effective_due().utc());
    due
}

/// Someone reached out to me: I owe them an answer, even a "no, thanks".
pub fn owes_reply(source: Source) -> bool {
    matches!(
        source,
        Source::RecruiterCall | Source::Inbound | Source::Referral
    )
}

/// When a reply to someone who reached out is due.
pub fn reply_due(lead_created: Stamp, settings: &Settings) -> Result<Stamp, TimeError> {
    lead_created.add_local_days(i64::from(settings.reply_within_days))
}

/// Whether being in touch about a lead at `status` — an interview booked,
/// a word or an outcome from them — answers the reply owed to whoever
/// brought it: the conversation is under way. A lead passed on still owes
/// the polite decline (sending it answers it); one not yet decided, or
/// taken but not booked, has had no contact yet.
pub fn contact_answers_reply(status: crate::Status) -> bool {
    status != crate::Status::Passed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::{ContactId, LeadId};
    use crate::time::at;
    use crate::{ContactDetails, LeadDetails, Status};
    use chrono::NaiveDate;
    use uuid::Uuid;

    fn lead(status: Status, changed: &str) -> Lead {
        let details = LeadDetails::new("Acme", "Engineer", Source::JobBoard);
        Lead::new(LeadId(Uuid::nil()), at(changed), details, status)
    }

    #[test]
    fn thank_you_is_due_the_same_day() {
        let end = at("2026-06-01T15:00:00+02:00[Europe/Paris]");
        assert_eq!(
            thank_you_due(end).to_string(),
            "2026-06-01T17:00:00+02:00[Europe/Paris]"
        );
        let late = at("2026-06-01T23:00:00+02:00[Europe/Paris]");
        assert_eq!(thank_you_due(late), late, "never pushed to tomorrow");
    }

    #[test]
    fn check_in_after_seven_days_keeps_local_time_across_dst() {
        let s = Settings::default();
        let last = at("2026-03-25T09:00:00+01:00[Europe/Paris]");
        assert_eq!(
            check_in_due(last, &s).unwrap().to_string(),
            "2026-04-01T09:00:00+02:00[Europe/Paris]"
        );
    }

    #[test]
    fn promised_date_gets_a_check_in_the_morning_after() {
        let d = NaiveDate::from_ymd_opt(2026, 6, 5).unwrap();
        assert_eq!(
            promised_reply_check_in(d, chrono_tz::Europe::Paris)
                .unwrap()
                .to_string(),
            "2026-06-06T10:00:00+02:00[Europe/Paris]"
        );
    }

    #[test]
    fn silence_of_fourteen_days_suggests_ghosted() {
        let s = Settings::default();
        let l = lead(Status::Interviewing, "2026-06-01T10:00:00Z[UTC]");
        let since = silence_since(&l, []);
        assert!(!is_silent(
            &l,
            since,
            false,
            at("2026-06-14T10:00:00Z[UTC]"),
            &s
        ));
        assert!(is_silent(
            &l,
            since,
            false,
            at("2026-06-15T10:00:00Z[UTC]"),
            &s
        ));
        assert!(
            !is_silent(&l, since, true, at("2026-06-20T10:00:00Z[UTC]"), &s),
            "an interview is coming"
        );
    }

    #[test]
    fn a_word_from_them_resets_the_silence() {
        let s = Settings::default();
        let mut l = lead(Status::Interviewing, "2026-06-01T10:00:00Z[UTC]");
        l.last_word = Some(at("2026-06-10T10:00:00Z[UTC]"));
        assert!(!is_silent(
            &l,
            silence_since(&l, []),
            false,
            at("2026-06-20T10:00:00Z[UTC]"),
            &s
        ));
    }

    #[test]
    fn silence_counts_from_the_last_interview() {
        let s = Settings::default();
        let l = lead(Status::Interviewing, "2026-06-01T10:00:00Z[UTC]");
        let since = silence_since(&l, [at("2026-06-12T10:00:00Z[UTC]")]);
        assert!(!is_silent(
            &l,
            since,
            false,
            at("2026-06-20T10:00:00Z[UTC]"),
            &s
        ));
        assert!(is_silent(
            &l,
            since,
            false,
            at("2026-06-26T10:00:00Z[UTC]"),
            &s
        ));
    }

    #[test]
    fn the_ghost_threshold_is_configurable() {
        let s = Settings {
            ghost_after_days: 30,
            ..Settings::default()
        };
        let l = lead(Status::Interviewing, "2026-06-01T10:00:00Z[UTC]");
        assert!(!is_silent(
            &l,
            l.last_activity(),
            false,
            at("2026-06-20T10:00:00Z[UTC]"),
            &s
        ));
    }

    #[test]
    fn closed_or_untriaged_leads_are_never_ghosted() {
        let s = Settings::default();
        for st in [
            Status::New,
            Status::Passed,
            Status::Rejected,
            Status::Accepted,
            Status::Offer,
        ] {
            let l = lead(st, "2026-01-01T10:00:00Z[UTC]");
            assert!(
                !is_silent(
                    &l,
                    l.last_activity(),
                    false,
                    at("2026-06-20T10:00:00Z[UTC]"),
                    &s
                ),
                "{st:?}"
            );
        }
    }

    #[test]
    fn feedback_next_day_and_reapply_after_a_year_for_dream_jobs() {
        let s = Settings::default();
        let t = at("2026-06-01T10:00:00Z[UTC]");
        assert_eq!(
            feedback_due(t, &s).unwrap().to_string(),
            "2026-06-02T10:00:00+00:00[UTC]"
        );
        assert_eq!(
            reapply_due(t, &s).unwrap().to_string(),
            "2027-06-01T10:00:00+00:00[UTC]"
        );
        let mut l = lead(Status::Rejected, "2026-06-01T10:00:00Z[UTC]");
        assert!(!wants_reapply(&l));
        l.details.dream_job = true;
        assert!(wants_reapply(&l));
    }

    #[test]
    fn keep_in_touch_follows_the_contact_cadence() {
        let t = at("2026-06-01T10:00:00Z[UTC]");
        let mut c = Contact {
            id: ContactId(Uuid::nil()),
            created: t,
            updated: t,
            details: ContactDetails::named("Ada"),
            history: vec![],
            last_contact: None,
        };
        assert_eq!(keep_in_touch_due(&c), None);
        c.details.cadence_days = Some(30);
        assert_eq!(
            keep_in_touch_due(&c).unwrap().to_string(),
            "2026-07-01T10:00:00+00:00[UTC]"
        );
        c.last_contact = Some(at("2026-06-15T10:00:00Z[UTC]"));
        assert_eq!(
            keep_in_touch_due(&c).unwrap().to_string(),
            "2026-07-15T10:00:00+00:00[UTC]"
        );
    }

    #[test]
    fn not_today_means_tomorrow_at_nine_local() {
        let late = at("2026-03-28T23:30:00+01:00[Europe/Paris]");
        assert_eq!(
            tomorrow_morning(late).unwrap().to_string(),
            "2026-03-29T09:00:00+02:00[Europe/Paris]"
        );
    }

    #[test]
    fn a_follow_up_is_pushed_to_nine_on_a_later_day_only() {
        let now = at("2026-03-10T16:00:00+01:00[Europe/Paris]");
        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        assert_eq!(
            morning_of(now, day(12)).unwrap().to_string(),
            "2026-03-12T09:00:00+01:00[Europe/Paris]"
        );
        // across the spring change the wall clock still says nine
        assert_eq!(
            morning_of(now, day(30)).unwrap().to_string(),
            "2026-03-30T09:00:00+02:00[Europe/Paris]"
        );
        for bad in [day(10), day(9)] {
            let e = morning_of(now, bad).unwrap_err().to_string();
            assert_eq!(e, "until: pick a day after today");
        }
        let far = NaiveDate::from_ymd_opt(2027, 6, 1).unwrap();
        assert!(
            morning_of(now, far)
                .unwrap_err()
                .to_string()
                .contains("between 1 and 366")
        );
    }

    #[test]
    fn a_reminder_announces_each_follow_up_once_when_it_falls_due() {
        use crate::domain::followup::{FollowUpKind, FollowUpState};
        use crate::id::FollowUpId;
        let t = |s: &str| at(&format!("2026-03-10T{s}:00+01:00[Europe/Paris]"));
        let fu = |n: u128, due: Stamp, snoozed: Option<Stamp>, state: FollowUpState| FollowUp {
            id: FollowUpId(uuid::Uuid::from_u128(n)),
            created: t("08:00"),
            updated: t("08:00"),
            kind: FollowUpKind::ThankYou,
            due,
            snoozed_until: snoozed,
            state,
            lead: None,
            interview: None,
            contact: None,
            note: String::new(),
            rule_key: None,
        };
        let open = FollowUpState::Open;
        let list = vec![
            fu(1, t("10:30"), None, open),
            fu(2, t("10:05"), None, open),
            fu(3, t("09:30"), None, open), // already announced
            fu(4, t("10:10"), Some(t("12:00")), open), // snoozed past the window
            fu(5, t("10:20"), None, FollowUpState::Done(t("09:00"))),
            fu(6, t("11:00"), None, open), // not yet
        ];
        let ids: Vec<u128> = newly_due(&list, t("10:00"), t("10:30"))
            .iter()
            .map(|f| f.id.0.as_u128())
            .collect();
        assert_eq!(ids, vec![2, 1], "soonest first, the boundary included once");
        let later: Vec<u128> = newly_due(&list, t("10:30"), t("12:00"))
            .iter()
            .map(|f| f.id.0.as_u128())
            .collect();
        assert_eq!(
            later,
            vec![6, 4],
            "the snoozed one comes back at its new time"
        );
    }

    #[test]
    fn only_people_who_reached_out_are_owed_a_reply() {
        assert!(owes_reply(Source::RecruiterCall));
        assert!(owes_reply(Source::Inbound));
        assert!(!owes_reply(Source::JobBoard));
    }
}

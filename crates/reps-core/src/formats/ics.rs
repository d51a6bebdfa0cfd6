//! Calendar files (iCalendar, RFC 5545): the journal's interviews and open
//! follow-ups as a `.ics` to subscribe to or import, and interview invites
//! (`.ics` attachments from Google Calendar, Outlook, scheduling tools) read
//! into the journal.
//!
//! The serializer and the reader are our own, a few hundred lines: the
//! `icalendar` crate neither builds VTIMEZONEs (the part that needs care,
//! from chrono-tz's data, see [`zones`]) nor resolves TZIDs to IANA zones,
//! its parser reports no line numbers, and it would add `nom`, `iso8601` and
//! `uuid`'s random feature to a core that also runs in a browser worker. What
//! remains — content lines, escaping, folding — is small and fully tested,
//! and the exports are checked by third-party parsers in `tests/calendar.rs`.
//!
//! Every event's UID is `<record id>@reps.journal`, so a calendar that
//! imports the file again updates its events instead of doubling them.

pub(crate) mod export;
mod guess;
pub(crate) mod lines;
mod parse;
mod zones;

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::id::InterviewId;
use crate::time::Stamp;
use crate::{InterviewKind, Stage};

/// Largest invite file read (real invites are a few kilobytes).
pub const MAX_BYTES: usize = 1024 * 1024;

/// Why an invite could not be read or imported. The journal is never changed when one occurs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IcsError {
    /// Bigger than [`MAX_BYTES`].
    #[error("the file is too large to be a calendar invite ({bytes} bytes; at most 1 MB)")]
    TooLarge {
        /// Size given.
        bytes: usize,
        /// Limit.
        max: usize,
    },
    /// Not an iCalendar file at all (another format, binary, empty).
    #[error("this file is not a calendar invite")]
    NotCalendar,
    /// A calendar, but with no event in it (only tasks, or empty).
    #[error("this calendar file holds no event to import")]
    NoEvent,
    /// An event without DTSTART.
    #[error("line {line}: the event has no start time")]
    NoStart {
        /// Where the event begins.
        line: usize,
    },
    /// An all-day event: there is no interview time to keep.
    #[error("line {line}: the event lasts all day; an interview needs a start time")]
    AllDay {
        /// The DTSTART line.
        line: usize,
    },
    /// A line that cannot be read.
    #[error("line {line}: {problem}")]
    Line {
        /// Physical line number, from 1.
        line: usize,
        /// What is wrong with it.
        problem: LineProblem,
    },
    /// The invite calls a meeting off (METHOD:CANCEL or STATUS:CANCELLED).
    #[error(
        "this invite cancels the meeting, so nothing was added; if the interview is in your journal, cancel it there"
    )]
    Cancelled,
    /// An interview at the same start on the same lead (or company) exists.
    #[error("this interview is already in your journal")]
    AlreadyInJournal {
        /// The interview that is there.
        interview: InterviewId,
    },
}

/// What is wrong with one line of a calendar file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LineProblem {
    /// No `:` between name and value.
    #[error("expected NAME:value (no ':' found)")]
    NoColon,
    /// A property name with characters names cannot have.
    #[error("the property name is not valid")]
    BadName,
    /// A `;PARAM=value` that does not read (no `=`, an unclosed quote).
    #[error("a parameter is not written as NAME=value")]
    BadParam,
    /// Bytes that are not UTF-8 text.
    #[error("the line is not text (not UTF-8)")]
    NotText,
    /// A date-time that does not read, or lies outside 0000–9999.
    #[error("'{0}' is not a date and time like 20260610T090000")]
    BadDate(String),
    /// A DURATION that does not read.
    #[error("the duration is not like PT45M or P1DT2H")]
    BadDuration,
    /// DTEND before DTSTART.
    #[error("the event ends before it starts")]
    EndsBeforeStart,
    /// A TZID that is neither an IANA zone nor defined in the file.
    #[error("the time zone '{0}' is not described in the file")]
    UnknownZone(String),
    /// `END:X` with nothing open.
    #[error("END:{0} without a matching BEGIN")]
    EndWithoutBegin(String),
    /// `END:X` closing a different component.
    #[error("END:{found} found, but BEGIN:{open} on line {opened_at} is still open")]
    Mismatch {
        /// The END's name.
        found: String,
        /// The open component.
        open: String,
        /// Where it was opened.
        opened_at: usize,
    },
    /// A component never closed: the file was probably cut short.
    #[error("BEGIN:{0} is never closed (was the file cut short?)")]
    Unclosed(String),
    /// Components inside components, deeper than any calendar writes.
    #[error("components are nested too deeply")]
    TooDeep,
    /// A property after the calendar's END.
    #[error("text outside the calendar")]
    OutsideCalendar,
}

/// How sure the start's zone is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// The start is in the zone the file named (an IANA zone, or UTC).
    #[default]
    Zone,
    /// A floating time ("09:00 wherever you are"): `start` holds the wall
    /// time in UTC until [`Invite::in_local_zone`] places it in the user's zone.
    Floating,
    /// The file described its own zone: the instant is exact, but which IANA
    /// zone to show it in is not known; `start` is in UTC until placed.
    Instant,
}

/// One event read from an invite, with guesses the user can correct.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Invite {
    /// The event's UID, as the organizer's calendar wrote it.
    pub uid: String,
    /// The title.
    pub summary: String,
    /// When it starts (see [`Invite::anchor`]).
    pub start: Stamp,
    /// Whether `start` is in its real zone yet.
    #[serde(default)]
    pub anchor: Anchor,
    /// Length, from DTEND or DURATION; 60 when the file gives none.
    pub minutes: u32,
    /// Address or room (empty when the location only held the video link).
    pub place: String,
    /// The video call link, from the URL, a conference field, or a link in
    /// the location or description.
    pub video_link: String,
    /// The event's description, unescaped.
    pub description: String,
    /// The organizer's name (CN).
    pub organizer_name: String,
    /// The organizer's email.
    pub organizer_email: String,
    /// The company, guessed from the title and the organizer's domain (may be empty).
    pub company: String,
    /// The role, guessed from the title (may be empty).
    pub role: String,
    /// The stage, when the title names one.
    pub stage: Option<Stage>,
    /// Phone, video or on site, guessed.
    pub kind: InterviewKind,
    /// The invite calls the meeting off.
    pub cancelled: bool,
}

impl Invite {
    /// The invite with its start placed in `tz` when the file did not name a
    /// zone: a floating 09:00 becomes 09:00 in `tz`; a start in a zone only
    /// the file described keeps its instant and is shown in `tz`.
    pub fn in_local_zone(&self, tz: Tz) -> Invite {
        let start = match self.anchor {
            Anchor::Zone => Ok(self.start),
            Anchor::Floating => parse::in_zone(self.start.local().naive_local(), tz),
            Anchor::Instant => Ok(self.start.in_zone(tz)),
        };
        match start {
            Ok(start) => Invite {
                start,
                anchor: Anchor::Zone,
                ..self.clone()
            },
            // Out of range in that zone: keep the UTC reading.
            Err(_) => self.clone(),
        }
    }
}

/// Reads every event of a calendar file. Accepts CRLF or LF, folded lines,
/// several events and several calendars; refuses what is not a calendar,
/// with the line at fault.
pub fn parse_invites(text: &str) -> Result<Vec<Invite>, IcsError> {
    parse::invites(text.as_bytes())
}

/// [`parse_invites`] for a file's bytes: size is checked before anything
/// else, a byte-order mark is skipped, and non-text is refused.
pub fn parse_invite_file(bytes: &[u8]) -> Result<Vec<Invite>, IcsError> {
    parse::invites(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::at;

    fn fixture(name: &str) -> &'static str {
        match name {
            "google" => include_str!("../../tests/fixtures/ics/google-meet.ics"),
            "outlook" => include_str!("../../tests/fixtures/ics/outlook-teams.ics"),
            "custom" => include_str!("../../tests/fixtures/ics/outlook-custom-zone.ics"),
            "tool" => include_str!("../../tests/fixtures/ics/tool-duration-floating.ics"),
            "cancel" => include_str!("../../tests/fixtures/ics/google-cancel.ics"),
            "no-start" => include_str!("../../tests/fixtures/ics/broken-no-dtstart.ics"),
            "truncated" => include_str!("../../tests/fixtures/ics/broken-truncated.ics"),
            "vcard" => include_str!("../../tests/fixtures/ics/broken-not-a-calendar.vcf"),
            _ => unreachable!("no fixture {name}"),
        }
    }

    fn one(name: &str) -> Invite {
        let mut all = parse_invites(fixture(name)).unwrap();
        assert_eq!(all.len(), 1, "{name} holds one event");
        all.remove(0)
    }

    /// A minimal calendar around one event's lines.
    fn event(lines: &str) -> String {
        format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n{lines}END:VEVENT\r\nEND:VCALENDAR\r\n"
        )
    }

    #[test]
    fn a_google_invite_reads_with_its_zone_meet_link_and_guesses() {
        let i = one("google");
        assert_eq!(i.uid, "3k9v0b5q8m2n1c7x6z4a0p1o2i@google.com");
        assert_eq!(i.start, at("2026-06-10T14:00:00+02:00[Europe/Paris]"));
        assert_eq!(i.start.tz(), chrono_tz::Europe::Paris);
        assert_eq!(i.anchor, Anchor::Zone);
        assert_eq!(i.minutes, 45);
        assert_eq!(i.video_link, "https://meet.google.com/abc-defg-hij");
        assert_eq!(i.place, "");
        assert_eq!(i.kind, InterviewKind::Video);
        assert_eq!(
            (i.organizer_name.as_str(), i.organizer_email.as_str()),
            ("Jane Doe", "jane.doe@acme.com")
        );
        assert_eq!(
            (i.company.as_str(), i.role.as_str()),
            ("Acme", "Backend engineer")
        );
        assert!(
            i.description
                .contains("Hi Alex,\n\nLooking forward to our chat about the backend role – we'll talk about your last project; bring questions!"),
            "unfolded and unescaped: {}",
            i.description
        );
        assert!(!i.cancelled);
    }

    #[test]
    fn an_outlook_invite_with_a_windows_zone_reads_in_the_iana_zone() {
        let i = one("outlook");
        // W. Europe Standard Time is Berlin; 28 October is after the autumn change.
        assert_eq!(i.start, at("2026-10-28T10:00:00+01:00[Europe/Berlin]"));
        assert_eq!(i.minutes, 90);
        assert!(
            i.video_link
                .starts_with("https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ5ZTk2"),
            "{}",
            i.video_link
        );
        assert!(i.video_link.ends_with("%7d"), "no trailing '>'");
        assert_eq!(i.place, "", "\"Microsoft Teams Meeting\" is not a place");
        assert_eq!(
            (i.company.as_str(), i.role.as_str()),
            ("Contoso", "Senior Data Analyst")
        );
        assert_eq!(i.stage, Some(Stage::Technical));
    }

    #[test]
    fn a_zone_only_the_file_describes_keeps_the_exact_instant() {
        let i = one("custom");
        assert_eq!(i.anchor, Anchor::Instant);
        assert_eq!(i.start.utc().to_rfc3339(), "2026-10-28T09:00:00+00:00");
        let placed = i.in_local_zone(chrono_tz::Europe::Paris);
        assert_eq!(placed.start, at("2026-10-28T10:00:00+01:00[Europe/Paris]"));
        assert_eq!(placed.anchor, Anchor::Zone);
    }

    #[test]
    fn utc_with_duration_and_a_floating_time_in_one_lf_file() {
        let all = parse_invites(fixture("tool")).unwrap();
        assert_eq!(all.len(), 2);
        let call = &all[0];
        assert_eq!(call.start, at("2026-06-15T15:00:00Z[UTC]"));
        assert_eq!(call.minutes, 45, "from DURATION:PT45M");
        assert_eq!(call.kind, InterviewKind::Phone);
        assert_eq!(call.organizer_name, "Globex Recruiting, EMEA");
        assert_eq!(
            (call.company.as_str(), call.role.as_str()),
            ("Globex", "Product Designer")
        );
        assert_eq!(call.stage, Some(Stage::Screen));
        let onsite = &all[1];
        assert_eq!(onsite.anchor, Anchor::Floating);
        assert_eq!(onsite.minutes, 60, "no end: an hour");
        assert_eq!(onsite.place, "Globex HQ, 4120 Freidrich Lane, Austin TX");
        assert_eq!(onsite.kind, InterviewKind::OnSite);
        assert_eq!(onsite.stage, Some(Stage::Panel));
        let placed = onsite.in_local_zone(chrono_tz::America::Chicago);
        assert_eq!(
            placed.start,
            at("2026-06-16T09:30:00-05:00[America/Chicago]")
        );
    }

    #[test]
    fn dtend_and_duration_give_the_same_length() {
        let with_end = event("DTSTART:20260610T090000Z\r\nDTEND:20260610T101500Z\r\n");
        let with_duration = event("DTSTART:20260610T090000Z\r\nDURATION:PT1H15M\r\n");
        let neither = event("DTSTART:20260610T090000Z\r\n");
        assert_eq!(parse_invites(&with_end).unwrap()[0].minutes, 75);
        assert_eq!(parse_invites(&with_duration).unwrap()[0].minutes, 75);
        assert_eq!(parse_invites(&neither).unwrap()[0].minutes, 60);
        let backwards = event("DTSTART:20260610T090000Z\r\nDTEND:20260610T080000Z\r\n");
        assert_eq!(
            parse_invites(&backwards).unwrap_err(),
            IcsError::Line {
                line: 6,
                problem: LineProblem::EndsBeforeStart
            }
        );
        let bad = event("DTSTART:20260610T090000Z\r\nDURATION:an hour\r\n");
        assert!(matches!(
            parse_invites(&bad).unwrap_err(),
            IcsError::Line {
                line: 6,
                problem: LineProblem::BadDuration
            }
        ));
    }

    #[test]
    fn a_cancelling_invite_is_marked_cancelled() {
        let i = one("cancel");
        assert!(i.cancelled);
        let status_only = event("DTSTART:20260610T090000Z\r\nSTATUS:CANCELLED\r\n");
        assert!(parse_invites(&status_only).unwrap()[0].cancelled);
    }

    #[test]
    fn broken_files_get_the_error_that_names_the_problem() {
        assert_eq!(parse_invites(fixture("vcard")), Err(IcsError::NotCalendar));
        assert_eq!(parse_invites("hello, world"), Err(IcsError::NotCalendar));
        assert_eq!(parse_invites(""), Err(IcsError::NotCalendar));
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
        assert_eq!(parse_invite_file(png), Err(IcsError::NotCalendar));
        let err = parse_invites(fixture("no-start")).unwrap_err();
        assert_eq!(err, IcsError::NoStart { line: 4 });
        assert_eq!(err.to_string(), "line 4: the event has no start time");
        let err = parse_invites(fixture("truncated")).unwrap_err();
        assert!(
            matches!(&err, IcsError::Line { problem: LineProblem::Unclosed(c), .. } if c == "VEVENT"),
            "{err:?}"
        );
        assert!(err.to_string().contains("cut short"));
        let big = format!("BEGIN:VCALENDAR\r\n{}", "X".repeat(2 * 1024 * 1024));
        assert!(matches!(
            parse_invites(&big),
            Err(IcsError::TooLarge { bytes, max: MAX_BYTES }) if bytes > 2_000_000
        ));
        let no_events = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
        assert_eq!(parse_invites(no_events), Err(IcsError::NoEvent));
        let not_utf8 = b"BEGIN:VCALENDAR\r\nSUMMARY:\xff\xfe\r\nEND:VCALENDAR\r\n";
        assert_eq!(
            parse_invite_file(not_utf8),
            Err(IcsError::Line {
                line: 2,
                problem: LineProblem::NotText
            })
        );
    }

    #[test]
    fn bad_times_and_zones_name_their_line() {
        let iso = event("DTSTART:2026-06-10T09:00:00Z\r\n");
        assert!(matches!(
            parse_invites(&iso).unwrap_err(),
            IcsError::Line {
                line: 5,
                problem: LineProblem::BadDate(_)
            }
        ));
        let all_day = event("DTSTART;VALUE=DATE:20260610\r\n");
        assert_eq!(parse_invites(&all_day), Err(IcsError::AllDay { line: 5 }));
        let unknown = event("DTSTART;TZID=Atlantis Time:20260610T090000\r\n");
        let err = parse_invites(&unknown).unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 5: the time zone 'Atlantis Time' is not described in the file"
        );
        let stray = "BEGIN:VCALENDAR\r\nEND:VEVENT\r\n";
        assert!(matches!(
            parse_invites(stray).unwrap_err(),
            IcsError::Line {
                line: 2,
                problem: LineProblem::Mismatch { .. }
            }
        ));
        let deep = format!("BEGIN:VCALENDAR\r\n{}", "BEGIN:X\r\n".repeat(20));
        assert!(matches!(
            parse_invites(&deep).unwrap_err(),
            IcsError::Line {
                problem: LineProblem::TooDeep,
                ..
            }
        ));
    }

    #[test]
    fn a_time_in_the_spring_gap_moves_past_it() {
        let gap = event("DTSTART;TZID=Europe/Paris:20260329T023000\r\n");
        let i = &parse_invites(&gap).unwrap()[0];
        assert_eq!(i.start, at("2026-03-29T03:30:00+02:00[Europe/Paris]"));
    }
}

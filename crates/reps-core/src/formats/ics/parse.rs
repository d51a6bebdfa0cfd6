//! Reading invites: content lines → components → one [`Invite`] per VEVENT.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;

use super::guess;
use super::lines::{Line, read_lines, unescape};
use super::zones::{self, Custom};
use super::{Anchor, IcsError, Invite, LineProblem, MAX_BYTES};
use crate::time::{Stamp, TimeError};

/// Components nest three deep in practice (VCALENDAR › VEVENT › VALARM).
const MAX_DEPTH: usize = 8;
/// Minutes of an event that gives no end.
const DEFAULT_MINUTES: u32 = 60;

/// A component and what it holds.
#[derive(Debug)]
pub(crate) struct Component {
    pub name: String,
    pub line: usize,
    pub props: Vec<Line>,
    pub children: Vec<Component>,
}

impl Component {
    fn prop(&self, name: &str) -> Option<&Line> {
        self.props.iter().find(|l| l.name == name)
    }

    fn text(&self, name: &str) -> String {
        self.prop(name)
            .map(|l| unescape(&l.value).trim().to_string())
            .unwrap_or_default()
    }
}

/// Parses the bytes of a calendar file (see [`super::parse_invites`]).
pub(crate) fn invites(bytes: &[u8]) -> Result<Vec<Invite>, IcsError> {
    if bytes.len() > MAX_BYTES {
        return Err(IcsError::TooLarge {
            bytes: bytes.len(),
            max: MAX_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Binary files and other text formats stop here, before any line error.
    let head = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map_or(&[][..], |i| &bytes[i..]);
    if head.len() < 15 || !head[..15].eq_ignore_ascii_case(b"BEGIN:VCALENDAR") {
        return Err(IcsError::NotCalendar);
    }
    let tree = components(read_lines(bytes)?)?;
    let mut out = Vec::new();
    for cal in tree.iter().filter(|c| c.name == "VCALENDAR") {
        let cancel = cal.text("METHOD").eq_ignore_ascii_case("CANCEL");
        for ev in cal.children.iter().filter(|c| c.name == "VEVENT") {
            out.push(event(ev, cal, cancel)?);
        }
    }
    if out.is_empty() {
        return Err(IcsError::NoEvent);
    }
    Ok(out)
}

/// Builds the component tree, checking that every BEGIN has its END.
fn components(lines: Vec<Line>) -> Result<Vec<Component>, IcsError> {
    let mut stack: Vec<Component> = Vec::new();
    let mut done = Vec::new();
    for l in lines {
        let at = |problem| IcsError::Line {
            line: l.no,
            problem,
        };
        match l.name.as_str() {
            "BEGIN" => {
                if stack.len() >= MAX_DEPTH {
                    return Err(at(LineProblem::TooDeep));
                }
                stack.push(Component {
                    name: l.value.trim().to_ascii_uppercase(),
                    line: l.no,
                    props: Vec::new(),
                    children: Vec::new(),
                });
            }
            "END" => {
                let name = l.value.trim().to_ascii_uppercase();
                let Some(open) = stack.pop() else {
                    return Err(at(LineProblem::EndWithoutBegin(short(&name))));
                };
                if open.name != name {
                    return Err(at(LineProblem::Mismatch {
                        found: short(&name),
                        open: short(&open.name),
                        opened_at: open.line,
                    }));
                }
                match stack.last_mut() {
                    Some(parent) => parent.children.push(open),
                    None => done.push(open),
                }
            }
            _ => match stack.last_mut() {
                Some(c) => c.props.push(l),
                None => return Err(at(LineProblem::OutsideCalendar)),
            },
        }
    }
    if let Some(open) = stack.into_iter().next_back() {
        return Err(IcsError::Line {
            line: open.line,
            problem: LineProblem::Unclosed(short(&open.name)),
        });
    }
    Ok(done)
}

/// A name quoted in an error, cut so a garbage line cannot flood the message.
fn short(name: &str) -> String {
    name.chars().take(40).collect()
}

/// One VEVENT as an invite.
fn event(ev: &Component, cal: &Component, cancel: bool) -> Result<Invite, IcsError> {
    let start_line = ev
        .prop("DTSTART")
        .ok_or(IcsError::NoStart { line: ev.line })?;
    let start = when(start_line, cal)?;
    let minutes = minutes(ev, cal, &start)?;
    let (organizer_name, organizer_email) = ev
        .prop("ORGANIZER")
        .map(|l| {
            let name = l.param("CN").unwrap_or("").trim().to_string();
            let v = l.value.trim();
            let email = match v.get(..7) {
                Some(p) if p.eq_ignore_ascii_case("mailto:") => &v[7..],
                _ => v,
            };
            (name, email.trim().to_string())
        })
        .unwrap_or_default();
    let summary = ev.text("SUMMARY");
    let location = ev.text("LOCATION");
    let description = ev.text("DESCRIPTION");
    let links: Vec<String> = [
        "URL",
        "X-GOOGLE-CONFERENCE",
        "X-MICROSOFT-SKYPETEAMSMEETINGURL",
        "X-MICROSOFT-ONLINEMEETINGEXTERNALLINK",
    ]
    .iter()
    .map(|n| ev.text(n))
    .collect();
    let video_link = guess::video_link(&links, &location, &description);
    let place = guess::place(&location, &video_link);
    let (company, role) = guess::company_and_role(&summary, &organizer_email, &organizer_name);
    let status = ev.text("STATUS");
    let (start, anchor) = start;
    Ok(Invite {
        uid: ev.text("UID"),
        kind: guess::kind(&summary, &video_link, &place),
        stage: guess::stage(&summary),
        summary,
        start,
        anchor,
        minutes,
        place,
        video_link,
        description,
        organizer_name,
        organizer_email,
        company,
        role,
        cancelled: cancel || status.eq_ignore_ascii_case("CANCELLED"),
    })
}

/// The length from DTEND or DURATION; none, or a zero length, means an hour.
fn minutes(ev: &Component, cal: &Component, start: &(Stamp, Anchor)) -> Result<u32, IcsError> {
    let seconds = if let Some(end) = ev.prop("DTEND") {
        if is_date(end) {
            return Ok(DEFAULT_MINUTES);
        }
        let end_at = when(end, cal)?;
        let (a, b) = (frame(start), frame(&end_at));
        let secs = (b - a).num_seconds();
        if secs < 0 {
            return Err(IcsError::Line {
                line: end.no,
                problem: LineProblem::EndsBeforeStart,
            });
        }
        secs
    } else if let Some(d) = ev.prop("DURATION") {
        duration(&d.value).ok_or(IcsError::Line {
            line: d.no,
            problem: LineProblem::BadDuration,
        })?
    } else {
        0
    };
    if seconds == 0 {
        return Ok(DEFAULT_MINUTES);
    }
    // Whole minutes, rounded up; an absurd length is kept for the import's
    // own check to refuse with a field name.
    Ok(u32::try_from((seconds + 59) / 60).unwrap_or(u32::MAX))
}

/// Start and end compared on one time line: floating times as if in UTC
/// (both ends of an event share the same kind in practice).
fn frame((stamp, anchor): &(Stamp, Anchor)) -> DateTime<Utc> {
    match anchor {
        Anchor::Floating => stamp.local().naive_local().and_utc(),
        _ => stamp.utc(),
    }
}

fn is_date(l: &Line) -> bool {
    l.param("VALUE")
        .is_some_and(|v| v.eq_ignore_ascii_case("DATE"))
        || l.value.trim().len() == 8
}

/// A DTSTART/DTEND value as a stamp, and how sure its zone is.
fn when(l: &Line, cal: &Component) -> Result<(Stamp, Anchor), IcsError> {
    let at = |problem| IcsError::Line {
        line: l.no,
        problem,
    };
    if is_date(l) {
        return Err(IcsError::AllDay { line: l.no });
    }
    let value = l.value.trim();
    let out_of_range = |_: TimeError| at(LineProblem::BadDate(short(value)));
    if let Some(utc) = value.strip_suffix(['Z', 'z']) {
        let naive = zones::local(utc).ok_or_else(|| at(LineProblem::BadDate(short(value))))?;
        let stamp = Stamp::new(naive.and_utc(), Tz::UTC)
            .check()
            .map_err(out_of_range)?;
        return Ok((stamp, Anchor::Zone));
    }
    let naive = zones::local(value).ok_or_else(|| at(LineProblem::BadDate(short(value))))?;
    let Some(tzid) = l.param("TZID") else {
        let stamp = Stamp::new(naive.and_utc(), Tz::UTC)
            .check()
            .map_err(out_of_range)?;
        return Ok((stamp, Anchor::Floating));
    };
    let tzid = tzid.trim();
    let vtimezone = cal
        .children
        .iter()
        .find(|c| c.name == "VTIMEZONE" && c.text("TZID") == tzid);
    let named = zones::iana(tzid).or_else(|| {
        vtimezone
            .and_then(|z| z.prop("X-LIC-LOCATION"))
            .and_then(|l| zones::iana(&l.value))
    });
    if let Some(tz) = named {
        return Ok((in_zone(naive, tz).map_err(out_of_range)?, Anchor::Zone));
    }
    let utc = vtimezone
        .and_then(|z| {
            Custom::from_parts(
                z.children
                    .iter()
                    .filter(|c| c.name == "STANDARD" || c.name == "DAYLIGHT")
                    .map(|c| c.props.as_slice()),
            )
            .to_utc(naive)
        })
        .ok_or_else(|| at(LineProblem::UnknownZone(short(tzid))))?;
    let stamp = Stamp::new(utc, Tz::UTC).check().map_err(out_of_range)?;
    Ok((stamp, Anchor::Instant))
}

/// A wall-clock time in a zone; one inside a spring gap moves past it (the
/// calendar that wrote it meant the time just after).
pub(crate) fn in_zone(naive: NaiveDateTime, tz: Tz) -> Result<Stamp, TimeError> {
    match Stamp::from_local(naive, tz) {
        Err(TimeError::Skipped { .. }) => Stamp::from_local(naive + chrono::Duration::hours(1), tz),
        other => other,
    }
}

/// `P1DT2H`, `PT45M`, `P2W`, `+PT1H` → seconds; a negative length is refused.
fn duration(text: &str) -> Option<i64> {
    let text = text.trim();
    let text = text.strip_prefix('+').unwrap_or(text);
    let body = text.strip_prefix(['P', 'p'])?;
    let mut total: i64 = 0;
    let mut number: Option<i64> = None;
    let mut in_time = false;
    let mut any = false;
    for c in body.chars() {
        match c.to_ascii_uppercase() {
            'T' if number.is_none() && !in_time => in_time = true,
            d if d.is_ascii_digit() => {
                let digit = i64::from(d.to_digit(10)?);
                number = Some(number.unwrap_or(0).checked_mul(10)?.checked_add(digit)?);
            }
            unit => {
                let n = number.take()?;
                let scale = match (unit, in_time) {
                    ('W', false) => 7 * 86_400,
                    ('D', false) => 86_400,
                    ('H', true) => 3_600,
                    ('M', true) => 60,
                    ('S', true) => 1,
                    _ => return None,
                };
                total = total.checked_add(n.checked_mul(scale)?)?;
                any = true;
            }
        }
    }
    (any && number.is_none()).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_rfc_5545() {
        assert_eq!(duration("PT45M"), Some(45 * 60));
        assert_eq!(duration("P1DT2H"), Some(26 * 3600));
        assert_eq!(duration("P1W"), Some(7 * 86_400));
        assert_eq!(duration("+PT1H30M"), Some(5400));
        assert_eq!(duration("-PT1H"), None);
        assert_eq!(duration("PT"), None);
        assert_eq!(duration("P1H"), None, "hours need the T");
        assert_eq!(duration("PT99999999999999999999H"), None);
    }
}

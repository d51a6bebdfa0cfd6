//! Time zones in calendar files, both ways.
//!
//! Writing: each zone an export uses gets a VTIMEZONE built from chrono-tz's
//! own data. chrono-tz does not list its transitions, so they are found by
//! sampling the zone's offset every six hours over the years the events fall
//! in and bisecting each change to the second; every change becomes an
//! observance onset (STANDARD or DAYLIGHT by whether a DST part is in effect),
//! onsets alike in kind, offsets and name grouped as one observance with
//! RDATEs. No rule is guessed, so the definition is exact for those years.
//!
//! Reading: a TZID names an IANA zone (possibly behind a vendor prefix such as
//! `/mozilla.org/20050126_1/Europe/Paris`), a Windows zone as Outlook writes
//! it, or a zone only the file's VTIMEZONE describes; for the last, the
//! observances (DTSTART, RDATE, and the yearly RRULEs calendars write) give the
//! UTC offset at a local time.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;

use super::lines::{Line, Writer};

/// Wire form of a local date-time (`19700329T020000`).
pub(crate) const LOCAL: &str = "%Y%m%dT%H%M%S";

/// Zones written as UTC (`…Z`) rather than with a TZID.
pub(crate) fn is_utc(tz: Tz) -> bool {
    crate::time::is_utc(tz)
}

/// One instant's offset facts.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Facts {
    /// Total offset from UTC, seconds.
    offset: i32,
    /// Daylight-saving part in effect.
    dst: bool,
    /// Abbreviation (EST, CEST, +03).
    name: Option<String>,
}

fn facts(tz: Tz, at: DateTime<Utc>) -> Facts {
    let f = crate::time::zone_facts(tz, at.naive_utc());
    Facts {
        offset: f.offset.local_minus_utc(),
        dst: f.dst,
        name: f.abbreviation,
    }
}

/// One change of offset: the instant, and the facts before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Onset {
    at: DateTime<Utc>,
    from: Facts,
    to: Facts,
}

/// Sampling step: no zone changes its offset twice within six hours.
const STEP_HOURS: i64 = 6;

/// Every offset change in `[from, to)`, plus an onset at `from` itself (with
/// no change) so the definition holds on its own from its first instant.
fn onsets(tz: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Onset> {
    let start = facts(tz, from);
    let mut out = vec![Onset {
        at: from,
        from: start.clone(),
        to: start.clone(),
    }];
    let mut lo = from;
    let mut lo_facts = start;
    while lo < to {
        let hi = (lo + Duration::hours(STEP_HOURS)).min(to);
        let hi_facts = facts(tz, hi);
        if hi_facts != lo_facts {
            // Bisect to the first second with the new facts.
            let (mut a, mut b) = (lo, hi);
            while b - a > Duration::seconds(1) {
                let mid = a + (b - a) / 2;
                if facts(tz, mid) == lo_facts {
                    a = mid;
                } else {
                    b = mid;
                }
            }
            out.push(Onset {
                at: b,
                from: lo_facts.clone(),
                to: facts(tz, b),
            });
        }
        lo = hi;
        lo_facts = hi_facts;
    }
    out
}

/// Runs of consecutive years, so a journal spanning 2019 and 2026 does not
/// describe the years between.
fn year_runs(years: &BTreeSet<i32>) -> Vec<(i32, i32)> {
    let mut runs: Vec<(i32, i32)> = Vec::new();
    for &y in years {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 >= y => *end = y,
            _ => runs.push((y, y)),
        }
    }
    runs
}

fn utc_day(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map_or(DateTime::<Utc>::MIN_UTC, |n| n.and_utc())
}

/// Writes a VTIMEZONE for `tz` exact over `years` (the local years of the
/// events and alarms in it; a day of margin is added each side).
pub(crate) fn write_vtimezone(w: &mut Writer, tz: Tz, years: &BTreeSet<i32>) {
    // The wire form has four-digit years: stay inside 0000–9999 locally.
    let first = utc_day(0, 1, 2);
    let last = utc_day(9999, 12, 30);
    let mut all: Vec<Onset> = Vec::new();
    for (a, b) in year_runs(years) {
        let from = (utc_day(a, 1, 1) - Duration::days(1)).max(first);
        let to = (utc_day(b.saturating_add(1), 1, 1) + Duration::days(1)).min(last);
        all.extend(onsets(tz, from, to.max(from)));
    }
    // Group onsets alike in kind, offsets and name: one observance each.
    let mut groups: Vec<(Facts, i32, Vec<NaiveDateTime>)> = Vec::new();
    for o in &all {
        let local = o.at.naive_utc() + Duration::seconds(i64::from(o.from.offset));
        match groups
            .iter_mut()
            .find(|(to, from, _)| *to == o.to && *from == o.from.offset)
        {
            Some((_, _, dates)) => dates.push(local),
            None => groups.push((o.to.clone(), o.from.offset, vec![local])),
        }
    }
    w.begin("VTIMEZONE");
    w.raw("TZID", &[], tz.name());
    w.raw("X-LIC-LOCATION", &[], tz.name());
    for (to, from, dates) in groups {
        let kind = if to.dst { "DAYLIGHT" } else { "STANDARD" };
        w.begin(kind);
        w.raw("DTSTART", &[], &dates[0].format(LOCAL).to_string());
        for d in &dates[1..] {
            w.raw("RDATE", &[], &d.format(LOCAL).to_string());
        }
        w.raw("TZOFFSETFROM", &[], &utc_offset(from));
        w.raw("TZOFFSETTO", &[], &utc_offset(to.offset));
        if let Some(name) = &to.name {
            w.text("TZNAME", name);
        }
        w.end(kind);
    }
    w.end("VTIMEZONE");
}

/// `+0100`, `-0330`, `+000921` (seconds only when there are some).
pub(crate) fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

/// Reads `+0100` / `-033000`.
pub(crate) fn parse_offset(text: &str) -> Option<i32> {
    let text = text.trim();
    let (sign, digits) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| digits[r].parse::<i32>().ok();
    let h = n(0..2)?;
    let m = n(2..4)?;
    let s = if digits.len() == 6 { n(4..6)? } else { 0 };
    (m < 60 && s < 60).then_some(sign * (h * 3600 + m * 60 + s))
}

/// The IANA zone a TZID stands for, if any: the name itself, an IANA name
/// at the end of a vendor path, or a Windows zone name.
pub(crate) fn iana(tzid: &str) -> Option<Tz> {
    let tzid = tzid.trim().trim_matches('"');
    if let Ok(tz) = tzid.parse::<Tz>() {
        return Some(tz);
    }
    // "/mozilla.org/20050126_1/Europe/Paris", "/citadel.org/…/America/New_York"
    for (i, _) in tzid.match_indices('/') {
        if let Ok(tz) = tzid[i + 1..].parse::<Tz>() {
            return Some(tz);
        }
    }
    WINDOWS
        .iter()
        .find(|(win, _)| win.eq_ignore_ascii_case(tzid))
        .and_then(|(_, name)| name.parse().ok())
}

/// The commonest Windows zone names (CLDR `windowsZones`, territory 001).
const WINDOWS: &[(&str, &str)] = &[
    ("UTC", "UTC"),
    ("GMT Standard Time", "Europe/London"),
    ("Greenwich Standard Time", "Atlantic/Reykjavik"),
    ("W. Europe Standard Time", "Europe/Berlin"),
    ("Romance Standard Time", "Europe/Paris"),
    ("Central Europe Standard Time", "Europe/Budapest"),
    ("Central European Standard Time", "Europe/Warsaw"),
    ("E. Europe Standard Time", "Europe/Chisinau"),
    ("FLE Standard Time", "Europe/Kiev"),
    ("GTB Standard Time", "Europe/Bucharest"),
    ("Russian Standard Time", "Europe/Moscow"),
    ("Turkey Standard Time", "Europe/Istanbul"),
    ("Israel Standard Time", "Asia/Jerusalem"),
    ("South Africa Standard Time", "Africa/Johannesburg"),
    ("Arabian Standard Time", "Asia/Dubai"),
    ("India Standard Time", "Asia/Calcutta"),
    ("China Standard Time", "Asia/Shanghai"),
    ("Singapore Standard Time", "Asia/Singapore"),
    ("Tokyo Standard Time", "Asia/Tokyo"),
    ("Korea Standard Time", "Asia/Seoul"),
    ("AUS Eastern Standard Time", "Australia/Sydney"),
    ("New Zealand Standard Time", "Pacific/Auckland"),
    ("Eastern Standard Time", "America/New_York"),
    ("Central Standard Time", "America/Chicago"),
    ("Mountain Standard Time", "America/Denver"),
    ("US Mountain Standard Time", "America/Phoenix"),
    ("Pacific Standard Time", "America/Los_Angeles"),
    ("Alaskan Standard Time", "America/Anchorage"),
    ("Hawaiian Standard Time", "Pacific/Honolulu"),
    ("Atlantic Standard Time", "America/Halifax"),
    ("Canada Central Standard Time", "America/Regina"),
    ("E. South America Standard Time", "America/Sao_Paulo"),
    ("Argentina Standard Time", "America/Buenos_Aires"),
    ("Central Standard Time (Mexico)", "America/Mexico_City"),
];

/// A zone described only by the file's VTIMEZONE.
#[derive(Debug, Clone, Default)]
pub(crate) struct Custom {
    /// Onset rules: (local onset times generator, offset from, offset to).
    rules: Vec<Observance>,
}

#[derive(Debug, Clone)]
struct Observance {
    start: NaiveDateTime,
    from: i32,
    to: i32,
    rdates: Vec<NaiveDateTime>,
    yearly: Option<Yearly>,
}

/// `RRULE:FREQ=YEARLY;BYMONTH=m;BYDAY=nDD[;UNTIL=…]`, the shape calendars write.
#[derive(Debug, Clone, Copy)]
struct Yearly {
    month: u32,
    /// 1–5 = nth weekday, -1 = last.
    nth: i32,
    weekday: chrono::Weekday,
    until: Option<NaiveDateTime>,
}

impl Custom {
    /// Reads the STANDARD and DAYLIGHT parts of a VTIMEZONE; parts that
    /// cannot be read are skipped (the offset then comes from the others).
    pub(crate) fn from_parts<'a>(parts: impl Iterator<Item = &'a [Line]>) -> Self {
        let mut rules = Vec::new();
        for props in parts {
            let get = |name: &str| props.iter().find(|l| l.name == name);
            let (Some(start), Some(from), Some(to)) = (
                get("DTSTART").and_then(|l| local(&l.value)),
                get("TZOFFSETFROM").and_then(|l| parse_offset(&l.value)),
                get("TZOFFSETTO").and_then(|l| parse_offset(&l.value)),
            ) else {
                continue;
            };
            let rdates = props
                .iter()
                .filter(|l| l.name == "RDATE")
                .flat_map(|l| l.value.split(','))
                .filter_map(local)
                .collect();
            let yearly = get("RRULE").and_then(|l| yearly(&l.value));
            rules.push(Observance {
                start,
                from,
                to,
                rdates,
                yearly,
            });
        }
        Self { rules }
    }

    /// The UTC instant of a local time in this zone. In a gap or an overlap
    /// the offset in force before the change is used, as RFC 5545 says.
    pub(crate) fn to_utc(&self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        let year = local.year();
        // (onset as UTC instant, offset after)
        let mut changes: Vec<(NaiveDateTime, i32, i32)> = Vec::new();
        for r in &self.rules {
            let mut push = |t: NaiveDateTime| {
                if t >= r.start {
                    changes.push((t - Duration::seconds(i64::from(r.from)), r.from, r.to));
                }
            };
            push(r.start);
            r.rdates.iter().copied().for_each(&mut push);
            if let Some(y) = r.yearly {
                for yy in (year - 1).max(r.start.year())..=year + 1 {
                    if let Some(t) = y.onset(yy, r.start.time())
                        && y.until.is_none_or(|u| t <= u)
                    {
                        push(t);
                    }
                }
            }
        }
        changes.sort_by_key(|c| c.0);
        let first = changes.first()?;
        let mut offset = first.1;
        for (at, from, to) in &changes {
            // The change applies when the local time, read in the offset
            // before it, reaches the onset.
            if local - Duration::seconds(i64::from(*from)) >= *at {
                offset = *to;
            }
        }
        Some((local - Duration::seconds(i64::from(offset))).and_utc())
    }
}

impl Yearly {
    fn onset(&self, year: i32, time: chrono::NaiveTime) -> Option<NaiveDateTime> {
        let date = if self.nth > 0 {
            NaiveDate::from_weekday_of_month_opt(year, self.month, self.weekday, self.nth as u8)?
        } else {
            let next = if self.month == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(year, self.month + 1, 1)?
            };
            let mut d = next.pred_opt()?;
            while d.weekday() != self.weekday {
                d = d.pred_opt()?;
            }
            d
        };
        Some(date.and_time(time))
    }
}

fn yearly(rule: &str) -> Option<Yearly> {
    let mut freq = false;
    let mut month = None;
    let mut day = None;
    let mut until = None;
    for part in rule.split(';') {
        let (k, v) = part.split_once('=')?;
        match k.trim().to_ascii_uppercase().as_str() {
            "FREQ" => freq = v.eq_ignore_ascii_case("YEARLY"),
            "BYMONTH" => month = v.parse::<u32>().ok().filter(|m| (1..=12).contains(m)),
            "BYDAY" => day = by_day(v),
            "UNTIL" => until = local(v.trim_end_matches(['Z', 'z'])),
            _ => {}
        }
    }
    let (nth, weekday) = day?;
    freq.then_some(Yearly {
        month: month?,
        nth,
        weekday,
        until,
    })
}

/// `-1SU`, `2SU`, `+1MO`.
fn by_day(v: &str) -> Option<(i32, chrono::Weekday)> {
    let v = v.trim();
    if v.len() < 3 || !v.is_ascii() {
        return None;
    }
    let (n, wd) = v.split_at(v.len() - 2);
    let n: i32 = n.trim_start_matches('+').parse().ok()?;
    if !(n == -1 || (1..=5).contains(&n)) {
        return None;
    }
    let weekday = match wd.to_ascii_uppercase().as_str() {
        "MO" => chrono::Weekday::Mon,
        "TU" => chrono::Weekday::Tue,
        "WE" => chrono::Weekday::Wed,
        "TH" => chrono::Weekday::Thu,
        "FR" => chrono::Weekday::Fri,
        "SA" => chrono::Weekday::Sat,
        "SU" => chrono::Weekday::Sun,
        _ => return None,
    };
    Some((n, weekday))
}

/// `20260610T090000` (no zone).
pub(crate) fn local(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    if text.len() != 15 || !text.is_ascii() {
        return None;
    }
    NaiveDateTime::parse_from_str(text, LOCAL).ok()
}

#[cfg(test)]
mod tests {
    use super::super::lines::read_lines;
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::Europe::Paris;

    fn vtimezone(tz: Tz, years: &[i32]) -> String {
        let mut w = Writer::default();
        write_vtimezone(&mut w, tz, &years.iter().copied().collect());
        w.finish()
    }

    #[test]
    fn paris_2026_has_its_two_real_changes_with_the_right_offsets() {
        let text = vtimezone(Paris, &[2026]);
        // The anchor a day before the year (winter), the spring change, the autumn change.
        assert!(
            text.contains(
                "BEGIN:STANDARD\r\nDTSTART:20251231T010000\r\nTZOFFSETFROM:+0100\r\n\
                 TZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD"
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\n\
                 TZOFFSETTO:+0200\r\nTZNAME:CEST\r\nEND:DAYLIGHT"
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\n\
                 TZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD"
            ),
            "{text}"
        );
    }

    #[test]
    fn the_written_definition_gives_chrono_tz_offsets_all_year() {
        // Read our own VTIMEZONE back with the custom-zone evaluator and
        // compare with chrono-tz at every hour of two years, DST changes included.
        for tz in [
            Paris,
            chrono_tz::America::New_York,
            chrono_tz::Australia::Sydney,
        ] {
            let text = vtimezone(tz, &[2026, 2027]);
            let lines = read_lines(text.as_bytes()).unwrap();
            let mut parts: Vec<Vec<Line>> = Vec::new();
            for l in lines {
                match (l.name.as_str(), l.value.as_str()) {
                    ("BEGIN", "STANDARD" | "DAYLIGHT") => parts.push(Vec::new()),
                    ("BEGIN" | "END", _) => {}
                    _ => {
                        if let Some(p) = parts.last_mut() {
                            p.push(l);
                        }
                    }
                }
            }
            let custom = Custom::from_parts(parts.iter().map(Vec::as_slice));
            let mut t = utc_day(2026, 1, 1);
            while t < utc_day(2028, 1, 1) {
                let local = t.with_timezone(&tz).naive_local();
                let back = custom.to_utc(local).unwrap();
                // In the autumn overlap both readings are right; RFC 5545 takes the first.
                let first = tz.from_local_datetime(&local).earliest().unwrap();
                assert_eq!(back, first.with_timezone(&Utc), "{tz} at {local}");
                t += Duration::hours(1);
            }
        }
    }

    #[test]
    fn a_zone_without_changes_still_gets_one_observance() {
        let text = vtimezone(chrono_tz::Asia::Tokyo, &[2026]);
        assert_eq!(text.matches("BEGIN:STANDARD").count(), 1);
        assert!(text.contains("TZOFFSETTO:+0900"));
        assert!(!text.contains("DAYLIGHT"));
    }

    #[test]
    fn outlook_rules_and_vendor_prefixes_are_understood() {
        assert_eq!(iana("/mozilla.org/20050126_1/Europe/Paris"), Some(Paris));
        assert_eq!(
            iana("W. Europe Standard Time"),
            Some(chrono_tz::Europe::Berlin)
        );
        assert_eq!(iana("Custom Zone 7"), None);
        let outlook = "BEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\n\
            TZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\n\
            BEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\n\
            TZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\n";
        let lines = read_lines(outlook.as_bytes()).unwrap();
        let std_part: Vec<Line> = lines[1..5].to_vec();
        let dst_part: Vec<Line> = lines[7..11].to_vec();
        let custom = Custom::from_parts([std_part.as_slice(), dst_part.as_slice()].into_iter());
        let summer = local("20260610T090000").unwrap();
        let winter = local("20261210T090000").unwrap();
        assert_eq!(
            custom.to_utc(summer).unwrap().to_rfc3339(),
            "2026-06-10T07:00:00+00:00"
        );
        assert_eq!(
            custom.to_utc(winter).unwrap().to_rfc3339(),
            "2026-12-10T08:00:00+00:00"
        );
    }

    #[test]
    fn offsets_read_and_write() {
        assert_eq!(utc_offset(3600), "+0100");
        assert_eq!(utc_offset(-12600), "-0330");
        assert_eq!(utc_offset(561), "+000921");
        assert_eq!(parse_offset("-0330"), Some(-12600));
        assert_eq!(parse_offset("+000921"), Some(561));
        assert_eq!(parse_offset("0100"), None);
    }
}

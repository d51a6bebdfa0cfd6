//! Times as the user meant them: an instant plus the time zone it was entered in.
//!
//! An interview "at 09:00 in Paris" must stay at 09:00 Paris time whatever the
//! device's zone is later (a trip) and across a daylight-saving change, so the
//! core never stores a bare local time or a bare UTC instant for user-facing
//! times. Rules get the current time passed in (a [`Clock`]), never read it.

use std::fmt;
use std::str::FromStr;
use std::sync::Mutex;

use chrono::{
    DateTime, Days, FixedOffset, LocalResult, Months, NaiveDate, NaiveDateTime, Offset, Utc,
};
use chrono_tz::Tz;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Errors from turning user input into a [`Stamp`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    /// The local time falls in a daylight-saving gap (e.g. 02:30 on the spring-forward night).
    #[error("{local} does not exist in {tz} (the clocks skip that hour); pick another time")]
    Skipped { local: NaiveDateTime, tz: Tz },
    /// The text is not a time the journal understands.
    #[error("'{0}' is not a time like 2026-03-30T09:00:00+02:00[Europe/Paris]")]
    Unreadable(String),
    /// The zone name is not an IANA time zone.
    #[error("'{0}' is not a known time zone (use a name like Europe/Paris)")]
    UnknownZone(String),
    /// Outside years 0000–9999 (in UTC or in its own zone), which no calendar needs.
    #[error("that date is out of range (years 0000 to 9999 only)")]
    OutOfRange,
}

/// An instant together with the IANA zone the user entered it in.
///
/// Stored and exported as RFC 9557 text, e.g. `2026-03-30T09:00:00+02:00[Europe/Paris]`,
/// which keeps both the exact instant and the zone readable in backups.
///
/// It also carries its zone's UTC offset at that instant, worked out once
/// when it is made, so showing it (its wall-clock time, its date) needs no
/// time zone database: the browser's page reads stamps and shows them
/// without the 1 MB of zone rules, which only the journal's side (the
/// worker, the desktop and phone owner) holds. With the `tz-db` feature
/// (the default) a stamp read from text has its offset worked out from the
/// zone rules; without it (the page) the text's own offset is taken.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stamp {
    utc: DateTime<Utc>,
    tz: Tz,
    offset: FixedOffset,
}

impl Stamp {
    /// The instant `utc`, to be shown in `tz`.
    pub fn new(utc: DateTime<Utc>, tz: Tz) -> Self {
        let offset = zone_facts(tz, utc.naive_utc()).offset;
        Self { utc, tz, offset }
    }

    /// The instant `utc` in `tz`, whose UTC offset then is already known
    /// (the browser's page, which holds no zone rules, learns it from the
    /// browser itself). The caller vouches that `offset` is `tz`'s.
    pub fn with_known_offset(utc: DateTime<Utc>, tz: Tz, offset: FixedOffset) -> Self {
        Self { utc, tz, offset }
    }

    /// Refuses stamps whose year, in UTC or in their own zone, is outside
    /// 0000–9999: the text form (RFC 3339) cannot carry them.
    pub fn check(self) -> Result<Self, TimeError> {
        use chrono::Datelike;
        let ok = |y: i32| (0..=9999).contains(&y);
        if ok(self.utc.year()) && ok(self.local().year()) {
            Ok(self)
        } else {
            Err(TimeError::OutOfRange)
        }
    }

    /// [`Stamp::check`] for a form field: the error names the field.
    pub fn check_field(self, field: &'static str) -> Result<Self, crate::error::Invalid> {
        self.check()
            .map_err(|_| crate::error::Invalid::new(field, crate::error::Problem::DateOutOfRange))
    }

    /// A wall-clock time in a zone, as a person types it.
    ///
    /// In the autumn overlap (a local time that happens twice) the earlier one is
    /// taken, which is what calendars do; a time inside the spring gap is refused.
    pub fn from_local(local: NaiveDateTime, tz: Tz) -> Result<Self, TimeError> {
        match resolve_local(tz, local) {
            LocalResult::Single(t) => Self::new(t, tz).check(),
            LocalResult::Ambiguous(early, _) => Self::new(early, tz).check(),
            LocalResult::None => Err(TimeError::Skipped { local, tz }),
        }
    }

    /// The exact instant.
    pub fn utc(&self) -> DateTime<Utc> {
        self.utc
    }

    /// The zone the time was entered in.
    pub fn tz(&self) -> Tz {
        self.tz
    }

    /// The time on the wall clock of its own zone.
    pub fn local(&self) -> DateTime<FixedOffset> {
        self.utc.with_timezone(&self.offset)
    }

    /// Its zone's offset from UTC at that instant.
    pub fn offset(&self) -> FixedOffset {
        self.offset
    }

    /// The calendar date in its own zone ("same day" means this).
    pub fn local_date(&self) -> NaiveDate {
        self.local().date_naive()
    }

    /// Milliseconds since the Unix epoch: the sort key used by indexes.
    pub fn millis(&self) -> i64 {
        self.utc.timestamp_millis()
    }

    /// The same instant, shown in another zone.
    pub fn in_zone(&self, tz: Tz) -> Self {
        Self::new(self.utc, tz)
    }

    /// Moves by whole calendar days, keeping the wall-clock time in its zone
    /// (so "a week later at 09:00" stays 09:00 across a daylight-saving change).
    pub fn add_local_days(&self, days: i64) -> Result<Self, TimeError> {
        let local = self.local().naive_local();
        let moved = if days >= 0 {
            local.checked_add_days(Days::new(days.unsigned_abs()))
        } else {
            local.checked_sub_days(Days::new(days.unsigned_abs()))
        }
        .ok_or(TimeError::OutOfRange)?;
        Self::from_local_lenient(moved, self.tz)
    }

    /// Moves by calendar months, keeping the wall-clock time (clamped to month end).
    pub fn add_local_months(&self, months: u32) -> Result<Self, TimeError> {
        let local = self.local().naive_local();
        let moved = local
            .checked_add_months(Months::new(months))
            .ok_or(TimeError::OutOfRange)?;
        Self::from_local_lenient(moved, self.tz)
    }

    /// Moves by an exact duration.
    pub fn add(&self, d: chrono::Duration) -> Result<Self, TimeError> {
        self.utc
            .checked_add_signed(d)
            .map(|utc| Self::new(utc, self.tz))
            .ok_or(TimeError::OutOfRange)?
            .check()
    }

    /// Like [`Stamp::from_local`], but a time in a daylight-saving gap moves
    /// forward by the gap: used for computed times, where refusing would help no one.
    fn from_local_lenient(local: NaiveDateTime, tz: Tz) -> Result<Self, TimeError> {
        match Self::from_local(local, tz) {
            Ok(s) => Ok(s),
            Err(TimeError::Skipped { .. }) => {
                let later = local + chrono::Duration::hours(1);
                Self::from_local(later, tz)
            }
            Err(e) => Err(e),
        }
    }
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let local = self.local();
        // RFC 3339 offsets have no seconds, so a zone at an offset like
        // Paris's +00:09:21 before 1911 (local mean time) would read back
        // up to a minute off: such a stamp is written as its UTC instant.
        let text = if self.offset.local_minus_utc() % 60 == 0 {
            local.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false)
        } else {
            self.utc
                .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
        };
        write!(f, "{text}[{}]", self.tz.name())
    }
}

impl fmt::Debug for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl FromStr for Stamp {
    type Err = TimeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let unreadable = || TimeError::Unreadable(s.chars().take(80).collect());
        let (instant, rest) = s.split_once('[').ok_or_else(unreadable)?;
        let zone = rest.strip_suffix(']').ok_or_else(unreadable)?;
        let tz: Tz = zone
            .parse()
            .map_err(|_| TimeError::UnknownZone(zone.chars().take(64).collect()))?;
        let at = DateTime::parse_from_rfc3339(instant).map_err(|_| unreadable())?;
        let utc = at.with_timezone(&Utc);
        #[cfg(feature = "tz-db")]
        let stamp = Self::new(utc, tz);
        // Without the database, the text's own offset (fast: no question to
        // the browser per stamp read). A zone whose offset had seconds
        // (before 1972) is written as UTC: its offset is asked for.
        #[cfg(not(feature = "tz-db"))]
        let stamp = if at.offset().local_minus_utc() == 0 && !is_utc(tz) {
            Self::new(utc, tz)
        } else {
            Self::with_known_offset(utc, tz, *at.offset())
        };
        stamp.check()
    }
}

impl Serialize for Stamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Stamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl PartialOrd for Stamp {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Stamps order by instant; the zone only breaks ties so the order is total.
impl Ord for Stamp {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.utc
            .cmp(&other.utc)
            .then_with(|| self.tz.name().cmp(other.tz.name()))
    }
}

/// What Reps needs of a zone's rules at one instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneFacts {
    /// The offset from UTC.
    pub offset: FixedOffset,
    /// Daylight-saving (summer) time is in force.
    pub dst: bool,
    /// The local abbreviation ("CEST"), where the rules name one.
    pub abbreviation: Option<String>,
}

/// Where a build without the zone database (`tz-db` off: the browser's
/// journal worker) learns zone rules: from the browser, which holds them
/// anyway. Registered once with [`use_zone_rules`].
pub trait ZoneRules: Send + Sync {
    /// The facts of `tz` at the UTC instant `utc`.
    fn facts(&self, tz: Tz, utc: NaiveDateTime) -> ZoneFacts;
}

#[cfg(not(feature = "tz-db"))]
static RULES: std::sync::OnceLock<&'static dyn ZoneRules> = std::sync::OnceLock::new();

/// Installs the zone rules of a build without the database (the first call
/// wins). Until then, and in the browser's page, which never computes a
/// time, every zone reads as UTC.
#[cfg(not(feature = "tz-db"))]
pub fn use_zone_rules(rules: &'static dyn ZoneRules) {
    let _ = RULES.set(rules);
}

/// The zone named UTC, under either of its names.
pub fn is_utc(tz: Tz) -> bool {
    matches!(tz, Tz::UTC | Tz::Etc__UTC)
}

/// The facts of `tz` at the UTC instant `utc`, from the zone database or
/// the registered [`ZoneRules`].
pub fn zone_facts(tz: Tz, utc: NaiveDateTime) -> ZoneFacts {
    #[cfg(feature = "tz-db")]
    {
        use chrono::TimeZone;
        use chrono_tz::{OffsetComponents, OffsetName};
        let o = tz.offset_from_utc_datetime(&utc);
        ZoneFacts {
            offset: o.fix(),
            dst: !o.dst_offset().is_zero(),
            abbreviation: o.abbreviation().map(str::to_string),
        }
    }
    #[cfg(not(feature = "tz-db"))]
    match RULES.get() {
        Some(rules) if !is_utc(tz) => rules.facts(tz, utc),
        _ => ZoneFacts {
            offset: Utc.fix(),
            dst: false,
            abbreviation: Some("UTC".into()),
        },
    }
}

/// The UTC instants whose wall clock in `tz` reads `local`: one, two (the
/// autumn overlap, earlier first) or none (the spring gap).
pub fn resolve_local(tz: Tz, local: NaiveDateTime) -> LocalResult<DateTime<Utc>> {
    #[cfg(feature = "tz-db")]
    return chrono::TimeZone::from_local_datetime(&tz, &local).map(|t| t.with_timezone(&Utc));
    #[cfg(not(feature = "tz-db"))]
    resolve_by_facts(local, |utc| zone_facts(tz, utc).offset)
}

/// [`resolve_local`] from nothing but the offset at any instant (what a
/// browser can tell): the offsets a day either side are the only
/// candidates (no zone is more than 14 hours from UTC, and none changes
/// twice in two days); each that maps back to `local` is an answer.
pub fn resolve_by_facts(
    local: NaiveDateTime,
    offset_at: impl Fn(NaiveDateTime) -> FixedOffset,
) -> LocalResult<DateTime<Utc>> {
    let day = chrono::Duration::days(1);
    let mut found: Vec<DateTime<Utc>> = Vec::with_capacity(2);
    for probe in [local.checked_sub_signed(day), local.checked_add_signed(day)] {
        let Some(probe) = probe else { continue };
        let offset = offset_at(probe);
        let Some(utc) = local.checked_sub_offset(offset) else {
            continue;
        };
        if offset_at(utc) == offset && !found.iter().any(|t| t.naive_utc() == utc) {
            found.push(utc.and_utc());
        }
    }
    found.sort();
    match found.as_slice() {
        [] => LocalResult::None,
        [one] => LocalResult::Single(*one),
        [early, .., late] => LocalResult::Ambiguous(*early, *late),
    }
}

/// Where "now" comes from. The journal asks it for the time of every change;
/// tests pass a [`ManualClock`] so every rule is reproducible.
pub trait Clock: Send + Sync {
    /// The current instant, in the device's current zone.
    fn now(&self) -> Stamp;
}

/// The real clock, in a fixed zone (the app passes the device's zone).
#[derive(Debug, Clone, Copy)]
pub struct SystemClock {
    /// The device's zone.
    pub tz: Tz,
}

impl SystemClock {
    /// The real clock in the device's zone (UTC when the system does not
    /// say): what the app, the browser's worker and native callers use.
    pub fn on_this_device() -> Self {
        Self { tz: device_zone() }
    }
}

/// The device's IANA time zone, UTC when the system does not name one.
pub fn device_zone() -> Tz {
    iana_time_zone::get_timezone()
        .ok()
        .and_then(|name| name.parse().ok())
        .unwrap_or(chrono_tz::UTC)
}

impl Clock for SystemClock {
    fn now(&self) -> Stamp {
        Stamp::new(Utc::now(), self.tz)
    }
}

/// A clock that only moves when told to: for tests, demos and benchmarks.
#[derive(Debug)]
pub struct ManualClock {
    now: Mutex<Stamp>,
}

impl ManualClock {
    /// A clock stopped at `now`.
    pub fn new(now: Stamp) -> Self {
        Self {
            now: Mutex::new(now),
        }
    }

    /// Sets the time.
    pub fn set(&self, now: Stamp) {
        *self.now.lock().unwrap_or_else(|e| e.into_inner()) = now;
    }

    /// Moves the time forward.
    pub fn advance(&self, by: chrono::Duration) {
        let mut now = self.now.lock().unwrap_or_else(|e| e.into_inner());
        if let Ok(next) = now.add(by) {
            *now = next;
        }
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Stamp {
        *self.now.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl<C: Clock + ?Sized> Clock for std::sync::Arc<C> {
    fn now(&self) -> Stamp {
        (**self).now()
    }
}

#[cfg(test)]
pub(crate) fn at(text: &str) -> Stamp {
    text.parse().expect("test stamp")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Timelike};
    use chrono_tz::{America::New_York, Europe::Paris};

    fn naive(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn nine_am_stays_nine_am_across_spring_forward() {
        // Paris moves to summer time on 2026-03-29.
        let before = Stamp::from_local(naive("2026-03-27 09:00"), Paris).unwrap();
        let week_later = before.add_local_days(7).unwrap();
        assert_eq!(week_later.local().hour(), 9);
        assert_eq!(week_later.utc().hour(), 7, "09:00 CEST is 07:00 UTC");
        assert_eq!(before.utc().hour(), 8, "09:00 CET is 08:00 UTC");
    }

    #[test]
    fn interview_keeps_its_zone_when_the_user_travels() {
        let paris = Stamp::from_local(naive("2026-06-10 09:00"), Paris).unwrap();
        let seen_from_new_york = paris.in_zone(New_York);
        assert_eq!(seen_from_new_york.local().hour(), 3);
        // the stored stamp is untouched, round trip through text keeps the zone
        let text = paris.to_string();
        assert_eq!(text, "2026-06-10T09:00:00+02:00[Europe/Paris]");
        let back: Stamp = text.parse().unwrap();
        assert_eq!(back, paris);
        assert_eq!(back.local().hour(), 9);
    }

    #[test]
    fn a_time_in_the_spring_gap_is_refused_with_a_reason() {
        let err = Stamp::from_local(naive("2026-03-29 02:30"), Paris).unwrap_err();
        assert!(matches!(err, TimeError::Skipped { .. }));
        assert!(err.to_string().contains("does not exist"));
    }

    #[test]
    fn an_ambiguous_autumn_time_takes_the_first_occurrence() {
        let s = Stamp::from_local(naive("2026-10-25 02:30"), Paris).unwrap();
        assert_eq!(s.utc().hour(), 0, "first 02:30 is still summer time, UTC+2");
    }

    #[test]
    fn computed_days_landing_in_a_gap_move_forward() {
        let s = Stamp::from_local(naive("2026-03-28 02:30"), Paris).unwrap();
        let next = s.add_local_days(1).unwrap();
        assert_eq!(next.local().hour(), 3);
    }

    #[test]
    fn months_clamp_to_the_end_of_the_month() {
        let s = Stamp::from_local(naive("2026-01-31 10:00"), Paris).unwrap();
        assert_eq!(
            s.add_local_months(1).unwrap().local_date(),
            NaiveDate::from_ymd_opt(2026, 2, 28).unwrap()
        );
    }

    #[test]
    fn stamps_whose_text_would_not_read_back_are_refused() {
        // 23:59 in UTC on the last day of 9999 is already year 10000 in Tokyo.
        assert_eq!(
            "9999-12-31T23:59:59+08:00[Asia/Tokyo]".parse::<Stamp>(),
            Err(TimeError::OutOfRange)
        );
        assert_eq!(
            "0000-01-01T00:00:00+05:00[UTC]".parse::<Stamp>(),
            Err(TimeError::OutOfRange)
        );
        let late = Stamp::from_local(naive("9999-12-25 10:00"), Paris).unwrap();
        assert_eq!(late.add_local_days(7), Err(TimeError::OutOfRange));
        let ok: Stamp = "9999-12-31T10:00:00+00:00[UTC]".parse().unwrap();
        assert_eq!(ok.to_string().parse::<Stamp>().unwrap(), ok);
    }

    #[test]
    fn a_zone_offset_with_seconds_reads_back_to_the_same_instant() {
        // Paris kept local mean time, +00:09:21, until 1911; Monrovia
        // -00:44:30 until 1972. Found by the `import_ics` fuzz target.
        for (local, tz) in [
            ("1013-05-14 08:09", Paris),
            ("1970-06-01 09:00", chrono_tz::Africa::Monrovia),
        ] {
            let s = Stamp::from_local(naive(local), tz).unwrap();
            let s = s.add(chrono::Duration::seconds(21)).unwrap();
            let back: Stamp = s.to_string().parse().unwrap();
            assert_eq!(back, s, "{s}");
            assert_eq!(back.local(), s.local());
        }
        assert_eq!(
            Stamp::from_local(naive("1013-05-14 08:09"), Paris)
                .unwrap()
                .to_string(),
            "1013-05-14T07:59:39Z[Europe/Paris]"
        );
    }

    #[test]
    fn rules_from_offsets_alone_place_local_times_as_the_database_does() {
        // what the browser's worker does (offsets asked of Intl), checked
        // against chrono-tz across gaps and overlaps in several zones
        let zones = [
            Paris,
            New_York,
            chrono_tz::Australia::Sydney,
            chrono_tz::Australia::Lord_Howe,
            chrono_tz::Asia::Kolkata,
            chrono_tz::Pacific::Apia,
        ];
        for tz in zones {
            let start = naive("2026-01-01 00:00");
            for step in 0..(365 * 24 * 2) {
                let local = start + chrono::Duration::minutes(30 * step);
                let want = tz
                    .from_local_datetime(&local)
                    .map(|t| t.with_timezone(&Utc));
                let got = resolve_by_facts(local, |utc| tz.offset_from_utc_datetime(&utc).fix());
                assert_eq!(got, want, "{tz} at {local}");
            }
        }
    }

    #[test]
    fn bad_text_gets_a_clear_error() {
        assert!(matches!(
            "yesterday".parse::<Stamp>(),
            Err(TimeError::Unreadable(_))
        ));
        assert!(matches!(
            "2026-01-01T00:00:00Z[Mars/Olympus]".parse::<Stamp>(),
            Err(TimeError::UnknownZone(_))
        ));
    }
}

//! A wall-clock time the user typed, as a [`Stamp`] in the journal's zone.
//!
//! Desktop and phones hold the zone rules and ask them
//! ([`Stamp::from_local`]). The browser's page holds none (they stay in the
//! journal's worker, and the page is smaller and starts sooner for it), so
//! it asks the browser, whose own rules are the device's zone — the zone
//! the worker's journal runs in.

use chrono::NaiveDateTime;
use chrono_tz::Tz;
use reps_core::{Stamp, TimeError};

/// `local` on the wall clock of `tz`. A time the clocks skip (the spring
/// gap) is refused; in the autumn overlap the first one is taken.
#[cfg(not(target_arch = "wasm32"))]
pub fn stamp(local: NaiveDateTime, tz: Tz) -> Result<Stamp, TimeError> {
    Stamp::from_local(local, tz)
}

/// `local` on the wall clock of `tz`. A time the clocks skip (the spring
/// gap) is refused; in the autumn overlap the first one is taken (as
/// ECMAScript's `Date` does).
#[cfg(target_arch = "wasm32")]
pub fn stamp(local: NaiveDateTime, tz: Tz) -> Result<Stamp, TimeError> {
    use chrono::{Datelike, FixedOffset, Timelike};
    let offset = if tz == chrono_tz::UTC {
        FixedOffset::east_opt(0)
    } else if reps_core::time::device_zone() == tz {
        let date = js_sys::Date::new_with_year_month_day_hr_min_sec(
            u32::try_from(local.year()).map_err(|_| TimeError::OutOfRange)?,
            local.month0() as i32,
            local.day() as i32,
            local.hour() as i32,
            local.minute() as i32,
            local.second() as i32,
        );
        if date.get_time().is_nan() {
            return Err(TimeError::OutOfRange);
        }
        // the browser moves a time in the spring gap forward: refuse it instead
        let moved = date.get_full_year() as i32 != local.year()
            || date.get_month() != local.month0()
            || date.get_date() != local.day()
            || date.get_hours() != local.hour()
            || date.get_minutes() != local.minute();
        if moved {
            return Err(TimeError::Skipped { local, tz });
        }
        let minutes = -date.get_timezone_offset();
        FixedOffset::east_opt((minutes * 60.0).round() as i32)
    } else {
        // the journal runs in the device's zone; another one cannot be
        // placed without rules the page does not hold
        return Err(TimeError::UnknownZone(tz.name().to_string()));
    }
    .ok_or(TimeError::OutOfRange)?;
    let utc = local
        .checked_sub_offset(offset)
        .ok_or(TimeError::OutOfRange)?
        .and_utc();
    Stamp::with_known_offset(utc, tz, offset).check()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_typed_time_is_placed_by_the_zone_rules() {
        let local = "2026-06-10T09:00:00".parse().unwrap();
        let s = stamp(local, chrono_tz::Europe::Paris).unwrap();
        assert_eq!(s.to_string(), "2026-06-10T09:00:00+02:00[Europe/Paris]");
        let gap = "2026-03-29T02:30:00".parse().unwrap();
        assert!(matches!(
            stamp(gap, chrono_tz::Europe::Paris),
            Err(TimeError::Skipped { .. })
        ));
    }
}

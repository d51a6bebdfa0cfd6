//! Zone rules from the browser, for the journal worker: the worker holds no
//! zone database (1 MB it would otherwise download), so the core asks
//! `Intl.DateTimeFormat` — the rules the browser ships and keeps up to date
//! — for a zone's offset, summer time and abbreviation at an instant
//! ([`reps_core::time::ZoneRules`]).

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, Offset};
use chrono_tz::Tz;
use js_sys::{Array, Intl, Object, Reflect};
use reps_core::time::{ZoneFacts, ZoneRules};
use wasm_bindgen::{JsCast, JsValue};

/// The browser's zone rules (one per worker; formatters are kept per zone).
pub struct BrowserZones;

/// Installs them as the core's zone rules.
pub fn install() {
    static RULES: BrowserZones = BrowserZones;
    reps_core::time::use_zone_rules(&RULES);
}

thread_local! {
    /// One formatter per zone, made on first use (`None`: the browser does not know the zone).
    static FORMATTERS: RefCell<HashMap<Tz, Option<Intl::DateTimeFormat>>> = RefCell::new(HashMap::new());
}

impl ZoneRules for BrowserZones {
    fn facts(&self, tz: Tz, utc: NaiveDateTime) -> ZoneFacts {
        let (offset, abbreviation) = wall_clock(tz, utc).unwrap_or((0, None));
        // summer time: ahead of the zone's winter offset that year (the lower
        // of January's and July's, so the southern hemisphere reads right)
        let dst = match year_offsets(tz, utc) {
            Some((january, july)) => offset > january.min(july),
            None => false,
        };
        ZoneFacts {
            offset: FixedOffset::east_opt(offset)
                .unwrap_or(FixedOffset::east_opt(0).expect("0 is a valid offset")),
            dst,
            abbreviation,
        }
    }
}

/// The offsets on the first of January and of July of `utc`'s year.
fn year_offsets(tz: Tz, utc: NaiveDateTime) -> Option<(i32, i32)> {
    use chrono::Datelike;
    let at = |month| NaiveDate::from_ymd_opt(utc.year(), month, 1)?.and_hms_opt(12, 0, 0);
    Some((wall_clock(tz, at(1)?)?.0, wall_clock(tz, at(7)?)?.0))
}

/// The offset (seconds) of `tz` at `utc` and its short name, from the wall
/// clock the browser shows there.
fn wall_clock(tz: Tz, utc: NaiveDateTime) -> Option<(i32, Option<String>)> {
    let formatter = FORMATTERS.with(|f| {
        f.borrow_mut()
            .entry(tz)
            .or_insert_with(|| formatter(tz.name()))
            .clone()
    })?;
    let millis = utc.and_utc().timestamp_millis() as f64;
    let parts = formatter.format_to_parts(&js_sys::Date::new(&JsValue::from_f64(millis)));
    let (mut y, mut mo, mut d, mut h, mut mi, mut s) = (None, None, None, None, None, None);
    let mut name = None;
    let mut era_bc = false;
    for part in parts.iter() {
        let kind = Reflect::get(&part, &"type".into()).ok()?.as_string()?;
        let value = Reflect::get(&part, &"value".into()).ok()?.as_string()?;
        let number = || value.parse::<i64>().ok();
        match kind.as_str() {
            "year" => y = number(),
            "month" => mo = number(),
            "day" => d = number(),
            "hour" => h = number(),
            "minute" => mi = number(),
            "second" => s = number(),
            "era" => era_bc = value.starts_with('B'),
            "timeZoneName" => name = Some(value),
            _ => {}
        }
    }
    let year = if era_bc { 1 - y? } else { y? };
    let local = NaiveDate::from_ymd_opt(
        i32::try_from(year).ok()?,
        u32::try_from(mo?).ok()?,
        u32::try_from(d?).ok()?,
    )?
    .and_hms_opt(
        u32::try_from(h?).ok()?,
        u32::try_from(mi?).ok()?,
        u32::try_from(s?).ok()?,
    )?;
    // the instant to the second, as the wall clock shows it
    let whole = utc.and_utc().timestamp();
    let offset = local.and_utc().timestamp() - whole;
    // "GMT+2" is no name, only the offset again
    let name = name.filter(|n| !n.starts_with("GMT") && !n.starts_with("UTC"));
    Some((i32::try_from(offset).ok()?, name))
}

/// An `Intl.DateTimeFormat` for `zone` giving every field as a number, on a
/// 24-hour clock, with the era (years before 1) and the zone's short name.
fn formatter(zone: &str) -> Option<Intl::DateTimeFormat> {
    let options = Object::new();
    let set = |k: &str, v: &str| Reflect::set(&options, &k.into(), &v.into()).ok();
    set("timeZone", zone)?;
    set("hourCycle", "h23")?;
    for field in ["year", "day", "hour", "minute", "second"] {
        set(field, "numeric")?;
    }
    set("month", "numeric")?;
    set("era", "short")?;
    set("timeZoneName", "short")?;
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: js_sys::Function = Reflect::get(&intl, &"DateTimeFormat".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let locales = Array::of1(&"en-US".into());
    // an unknown zone throws a RangeError: caught here, never a crash
    Reflect::construct(&constructor, &Array::of2(&locales, &options))
        .ok()
        .map(|f| f.unchecked_into())
}

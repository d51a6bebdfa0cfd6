//! Reading the values of a tracker's cells: dates (and the file-wide choice
//! of day- or month-first), status words, sources, work modes, pay ranges.

use chrono::NaiveDate;

use super::{DateOrder, RowProblem, TrackerPreview, words};
use crate::{PayPeriod, PayRange, Source, Stage, Status, WorkMode};

/// `01/03/2026` (or with `.`/`-`, or a two-digit year): the two leading
/// numbers and the year.
pub(super) fn numeric_parts(text: &str) -> Option<(u32, u32, i32)> {
    let token = text.split_whitespace().next()?;
    let parts: Vec<&str> = token.split(['/', '.', '-']).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    let digits = |s: &str, max: usize| {
        !s.is_empty() && s.len() <= max && s.bytes().all(|c| c.is_ascii_digit())
    };
    if !(digits(a, 2) && digits(b, 2) && (y.len() == 2 || y.len() == 4) && digits(y, 4)) {
        return None;
    }
    let mut year: i32 = y.parse().ok()?;
    if y.len() == 2 {
        year += 2000;
    }
    Some((a.parse().ok()?, b.parse().ok()?, year))
}

/// Settles day- or month-first for the file's numeric dates.
/// `None` when both orders appear (reported once as a problem).
pub(super) fn date_order(
    data: &[(usize, Vec<String>)],
    p: &mut TrackerPreview,
) -> Option<DateOrder> {
    if p.mapping.date_order != DateOrder::Auto {
        return Some(p.mapping.date_order);
    }
    let mut day_first: Option<(usize, usize, String)> = None;
    let mut month_first: Option<(usize, usize, String)> = None;
    let mut ambiguous: Option<(usize, usize, String)> = None;
    for (line, cells) in data {
        for col in [p.mapping.applied, p.mapping.added].into_iter().flatten() {
            let Some((a, b, _)) = cells.get(col).and_then(|c| numeric_parts(c)) else {
                continue;
            };
            let slot = if a > 12 && b <= 12 {
                &mut day_first
            } else if b > 12 && a <= 12 {
                &mut month_first
            } else if a != b && a <= 12 && b <= 12 {
                &mut ambiguous
            } else {
                continue;
            };
            slot.get_or_insert((*line, col, cells[col].clone()));
        }
    }
    match (day_first, month_first) {
        (Some((l1, _, d1)), Some((l2, c2, d2))) => {
            p.problems.push(RowProblem {
                line: l2,
                column: Some(p.columns[c2].clone()),
                message: format!(
                    "dates are written both day-first (line {l1}: {d1}) and month-first (line {l2}: {d2}); make them consistent or choose the order"
                ),
            });
            None
        }
        (Some(_), None) => Some(DateOrder::DayFirst),
        (None, Some(_)) => Some(DateOrder::MonthFirst),
        (None, None) => {
            if let Some((line, col, d)) = ambiguous {
                p.warnings.push(RowProblem {
                    line,
                    column: Some(p.columns[col].clone()),
                    message: format!(
                        "dates like {d} could be day/month or month/day; they were read as day/month/year — choose month/day if that is wrong"
                    ),
                });
            }
            Some(DateOrder::DayFirst)
        }
    }
}

/// Reads one date by the rules in the module docs.
pub fn parse_date(text: &str, order: DateOrder) -> Option<NaiveDate> {
    let t = text.trim();
    let b = t.as_bytes();
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
        let (Some(day), Some(rest)) = (t.get(..10), t.get(10..)) else {
            return None;
        };
        if rest.is_empty() || rest.starts_with(['T', 't', ' ']) {
            return NaiveDate::parse_from_str(day, "%Y-%m-%d").ok();
        }
        return None;
    }
    let token = t.split_whitespace().next().unwrap_or("");
    let parts: Vec<&str> = token.split(['/', '.', '-']).collect();
    if let [y, m, d] = parts.as_slice()
        && y.len() == 4
        && [y, m, d]
            .iter()
            .all(|s| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit()))
    {
        return NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    }
    if let Some((a, b, y)) = numeric_parts(t) {
        let (d, m) = match order {
            DateOrder::MonthFirst => (b, a),
            DateOrder::DayFirst | DateOrder::Auto => (a, b),
        };
        return NaiveDate::from_ymd_opt(y, m, d);
    }
    // Month names: "March 1, 2026", "1 Mar 2026", "1-Mar-2026", "Sunday, March 1st 2026".
    let named: String = t
        .replace([',', '-', '/', '.'], " ")
        .split_whitespace()
        .map(|w| {
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suffix = &w[digits.len()..];
            if !digits.is_empty()
                && digits.bytes().all(|c| c.is_ascii_digit())
                && ["st", "nd", "rd", "th"].contains(&suffix.to_lowercase().as_str())
            {
                digits.to_string()
            } else {
                w.to_string()
            }
        })
        .filter(|w| !is_weekday(w))
        .collect::<Vec<_>>()
        .join(" ");
    ["%B %d %Y", "%d %B %Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(&named, f).ok())
}

fn is_weekday(w: &str) -> bool {
    let w = w.to_lowercase();
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .iter()
    .any(|d| *d == w || (w.len() == 3 && d.starts_with(&w)))
}

/// Maps a tracker's status word; `None` when it means nothing we know.
pub fn parse_status(text: &str) -> Option<(Status, Option<Stage>)> {
    let t = words(text);
    if t.is_empty() {
        return None;
    }
    if let Some(s) = Status::ALL.iter().find(|s| words(&s.to_string()) == t) {
        return Some((*s, None));
    }
    let has = |keys: &[&str]| keys.iter().any(|k| t.contains(k));
    let status = if has(&["not interested", "not applying", "pass", "skip"]) {
        Status::Passed
    } else if has(&["withdr"]) {
        Status::Withdrew
    } else if has(&["declin"]) {
        Status::Declined
    } else if has(&[
        "reject",
        "not selected",
        "unsuccessful",
        "turned down",
        "no offer",
    ]) {
        Status::Rejected
    } else if has(&["ghost", "no response", "no reply", "no answer"]) {
        Status::Ghosted
    } else if has(&["accept", "hired", "signed"]) {
        Status::Accepted
    } else if has(&["offer"]) {
        Status::Offer
    } else if has(&[
        "interview",
        "screen",
        "assessment",
        "technical",
        "on site",
        "onsite",
        "final",
        "panel",
        "phone",
    ]) {
        let stage = if has(&["screen", "phone"]) {
            Some(Stage::Screen)
        } else if has(&["hiring manager"]) {
            Some(Stage::HiringManager)
        } else if has(&["technical", "assessment"]) {
            Some(Stage::Technical)
        } else if has(&["panel", "on site", "onsite"]) {
            Some(Stage::Panel)
        } else if has(&["final"]) {
            Some(Stage::Final)
        } else {
            None
        };
        return Some((Status::Interviewing, stage));
    } else if has(&["appl", "submitted", "sent"]) {
        Status::Taking
    } else if has(&["deciding", "considering", "maybe", "research"]) {
        Status::Deciding
    } else if has(&[
        "wish",
        "saved",
        "bookmark",
        "interested",
        "to apply",
        "new",
        "added",
    ]) {
        Status::New
    } else {
        return None;
    };
    Some((status, None))
}

pub(super) fn parse_source(text: &str) -> Source {
    let t = words(text);
    let has = |keys: &[&str]| keys.iter().any(|k| t.contains(k));
    if has(&["recruit", "headhunt", "agency"]) {
        Source::RecruiterCall
    } else if has(&["referr", "referral", "recommend"]) {
        Source::Referral
    } else if has(&["reached out", "inbound", "company contacted"]) {
        Source::Inbound
    } else if has(&["network", "friend", "former colleague", "meetup"]) {
        Source::Network
    } else if has(&["job board", "linkedin", "indeed", "glassdoor", "board"]) {
        Source::JobBoard
    } else if has(&[
        "company site",
        "company website",
        "careers page",
        "website",
        "careers",
    ]) {
        Source::CompanySite
    } else {
        Source::Other
    }
}

pub(super) fn parse_work_mode(text: &str) -> Option<WorkMode> {
    let t = words(text);
    if t.contains("hybrid") {
        Some(WorkMode::Hybrid)
    } else if t.contains("remote") {
        Some(WorkMode::Remote)
    } else if ["on site", "onsite", "office", "in person"]
        .iter()
        .any(|k| t.contains(k))
    {
        Some(WorkMode::OnSite)
    } else {
        None
    }
}

/// `52000-60000 EUR per year`, `€50k–60k`, `$120,000`, `25.50 GBP/hour`…
/// `None` when there is no figure or no currency to tell what it counts.
pub fn parse_pay(text: &str) -> Option<PayRange> {
    let lower = text.to_lowercase();
    let code = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .map(|w| w.to_ascii_uppercase())
        .find(|w| CURRENCIES.contains(&w.as_str()));
    let symbol = [
        ('€', "EUR"),
        ('£', "GBP"),
        ('$', "USD"),
        ('¥', "JPY"),
        ('₹', "INR"),
    ]
    .iter()
    .find(|(s, _)| text.contains(*s))
    .map(|(_, c)| (*c).to_string());
    let currency = code.or(symbol)?;
    let ws: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let any = |keys: &[&str]| keys.iter().any(|k| ws.contains(k));
    let period = if any(&["hour", "hourly", "hr", "h", "ph"]) {
        PayPeriod::Hour
    } else if any(&["day", "daily"]) {
        PayPeriod::Day
    } else if any(&["month", "monthly", "mo", "mth", "pm"]) {
        PayPeriod::Month
    } else {
        PayPeriod::Year
    };
    let figures = figures(text)?;
    let only_max = any(&["up", "max", "maximum"]) || lower.trim_start().starts_with('<');
    let only_min = any(&["from", "min", "minimum", "at least"]) || lower.trim_end().ends_with('+');
    let (min, max) = match figures.as_slice() {
        [one] if only_max => (None, Some(*one)),
        [one] if only_min => (Some(*one), None),
        [one] => (Some(*one), Some(*one)),
        [lo, hi] if lo <= hi => (Some(*lo), Some(*hi)),
        _ => return None,
    };
    Some(PayRange {
        min,
        max,
        currency,
        period,
    })
}

const CURRENCIES: [&str; 24] = [
    "EUR", "USD", "GBP", "CHF", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF",
    "RON", "JPY", "CNY", "INR", "SGD", "HKD", "ZAR", "BRL", "MXN", "ILS", "TRY",
];

/// The numbers in a pay text: `52,000` and `52 000` and `52.000` are one
/// number, `52.5k` is 52500, `25.50` is 25 (whole units), and in `50-60k`
/// the `k` counts for both.
fn figures(text: &str) -> Option<Vec<u64>> {
    let raw = raw_figures(text)?;
    let any_k = raw.iter().any(|(_, k)| *k);
    raw.into_iter()
        .map(|(v, k)| {
            if any_k && !k && v < 1000 {
                v.checked_mul(1000)
            } else {
                Some(v)
            }
        })
        .collect()
}

fn raw_figures(text: &str) -> Option<Vec<(u64, bool)>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut whole = String::new();
        let mut fraction = String::new();
        loop {
            while i < chars.len() && chars[i].is_ascii_digit() {
                whole.push(chars[i]);
                i += 1;
            }
            // A separator followed by exactly three digits groups thousands;
            // `.` or `,` followed by one or two digits starts a fraction.
            let Some(&sep) = chars.get(i) else { break };
            if !matches!(sep, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '\'') {
                break;
            }
            let run = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if run == 3 {
                i += 1;
            } else if matches!(sep, ',' | '.') && (1..=2).contains(&run) {
                fraction = chars[i + 1..i + 1 + run].iter().collect();
                i += 1 + run;
                break;
            } else {
                break;
            }
        }
        let thousands = matches!(chars.get(i), Some('k' | 'K'));
        if thousands {
            i += 1;
        }
        let whole: u64 = whole.parse().ok()?;
        let value = if thousands {
            let frac: u64 = format!("{fraction:0<3}").parse().ok()?;
            whole.checked_mul(1000)?.checked_add(frac)?
        } else {
            whole
        };
        out.push((value, thousands));
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::super::*;
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn sheet(body: &str) -> TrackerPreview {
        preview_tracker_csv(&format!("Company,Role,Date applied\n{body}"), None).unwrap()
    }

    #[test]
    fn dates_in_every_accepted_shape() {
        use DateOrder::*;
        for (text, order, want) in [
            ("2026-03-01", Auto, Some(d(2026, 3, 1))),
            ("2026-03-01T09:30:00Z", Auto, Some(d(2026, 3, 1))),
            ("2026-03-01 09:30", Auto, Some(d(2026, 3, 1))),
            ("2026/03/01", Auto, Some(d(2026, 3, 1))),
            ("01/03/2026", DayFirst, Some(d(2026, 3, 1))),
            ("01/03/2026", MonthFirst, Some(d(2026, 1, 3))),
            ("1.3.26", DayFirst, Some(d(2026, 3, 1))),
            ("3/1/2026 10:00:00", MonthFirst, Some(d(2026, 3, 1))),
            ("March 1, 2026", Auto, Some(d(2026, 3, 1))),
            ("Mar 1 2026", Auto, Some(d(2026, 3, 1))),
            ("1 March 2026", Auto, Some(d(2026, 3, 1))),
            ("1-Mar-2026", Auto, Some(d(2026, 3, 1))),
            ("Sunday, March 1st, 2026", Auto, Some(d(2026, 3, 1))),
            ("31/02/2026", DayFirst, None),
            ("2026-13-01", Auto, None),
            ("2026-03-01x", Auto, None),
            ("yesterday", Auto, None),
            ("1/2/3/4", Auto, None),
            ("", Auto, None),
        ] {
            assert_eq!(parse_date(text, order), want, "{text:?} {order:?}");
        }
    }

    #[test]
    fn the_date_order_is_settled_by_the_whole_column() {
        let p = sheet("A,X,03/04/2026\nB,Y,04/13/2026\n");
        assert_eq!(
            p.rows[0].applied,
            Some(d(2026, 3, 4)),
            "month-first because of 04/13"
        );
        let p = sheet("A,X,03/04/2026\nB,Y,13/04/2026\n");
        assert_eq!(p.rows[0].applied, Some(d(2026, 4, 3)));
        assert!(p.warnings.is_empty());
        let p = sheet("A,X,03/04/2026\nB,Y,05/06/2026\n");
        assert_eq!(
            p.rows[0].applied,
            Some(d(2026, 4, 3)),
            "day-first by default"
        );
        assert_eq!(p.warnings.len(), 1);
        assert_eq!(p.warnings[0].line, 2);
        assert!(
            p.warnings[0].message.contains("03/04/2026"),
            "{}",
            p.warnings[0]
        );
        let p = sheet("A,X,13/04/2026\nB,Y,04/13/2026\nC,Z,2026-01-01\nD,W,2026-99-01\n");
        assert_eq!(p.problems.len(), 2, "{:#?}", p.problems);
        assert_eq!(p.problems[1].line, 5, "ISO dates are still checked");
        assert_eq!(p.problems[0].line, 3);
        assert_eq!(p.problems[0].column.as_deref(), Some("Date applied"));
        let given = ColumnMap {
            date_order: DateOrder::MonthFirst,
            ..guess_mapping(&["Company".into(), "Role".into(), "Date applied".into()])
        };
        let p = preview_tracker_csv("Company,Role,Date applied\nA,X,03/04/2026\n", Some(&given))
            .unwrap();
        assert_eq!(p.rows[0].applied, Some(d(2026, 3, 4)));
        assert!(p.warnings.is_empty(), "the user chose");
    }

    #[test]
    fn status_words_from_other_trackers() {
        for (text, want) in [
            ("Applied", Status::Taking),
            ("taking the interview", Status::Taking),
            ("Wishlist", Status::New),
            ("Bookmarked", Status::New),
            ("Interviewing", Status::Interviewing),
            ("Phone screen", Status::Interviewing),
            ("Offer", Status::Offer),
            ("Offer accepted", Status::Accepted),
            ("Offer declined", Status::Declined),
            ("Rejected", Status::Rejected),
            ("Application rejected", Status::Rejected),
            ("Ghosted", Status::Ghosted),
            ("No response", Status::Ghosted),
            ("Withdrawn", Status::Withdrew),
            ("Not interested", Status::Passed),
        ] {
            assert_eq!(parse_status(text).map(|s| s.0), Some(want), "{text}");
        }
        for s in Status::ALL {
            assert_eq!(
                parse_status(&s.to_string()),
                Some((s, None)),
                "Reps' own words read back"
            );
        }
        assert_eq!(parse_status("Follow up with Sam"), None);
        let p = sheet("A,X,2026-03-01\n");
        assert_eq!(
            p.rows[0].status,
            Status::Taking,
            "no status column: applied date decides"
        );
        let p = preview_tracker_csv("Company,Role,Status\nA,X,Purple\nB,Y,\n", None).unwrap();
        assert_eq!(
            (p.rows[0].status, p.rows[1].status),
            (Status::New, Status::New)
        );
        assert_eq!(p.warnings.len(), 1, "only the unknown word is reported");
        assert_eq!(p.warnings[0].line, 2);
    }

    #[test]
    fn pay_in_the_usual_spellings() {
        let pay = |t: &str| parse_pay(t).map(|p| (p.min, p.max, p.currency, p.period));
        use PayPeriod::*;
        assert_eq!(
            pay("52000-60000 EUR per year"),
            Some((Some(52_000), Some(60_000), "EUR".into(), Year))
        );
        assert_eq!(
            pay("€50k–60k"),
            Some((Some(50_000), Some(60_000), "EUR".into(), Year))
        );
        assert_eq!(
            pay("$120,000"),
            Some((Some(120_000), Some(120_000), "USD".into(), Year))
        );
        assert_eq!(
            pay("52.000 - 58.500 €"),
            Some((Some(52_000), Some(58_500), "EUR".into(), Year))
        );
        assert_eq!(
            pay("52 000 € brut"),
            Some((Some(52_000), Some(52_000), "EUR".into(), Year))
        );
        assert_eq!(
            pay("£45.5k"),
            Some((Some(45_500), Some(45_500), "GBP".into(), Year))
        );
        assert_eq!(
            pay("25.50 GBP/hour"),
            Some((Some(25), Some(25), "GBP".into(), Hour))
        );
        assert_eq!(
            pay("up to 4000 CHF per month"),
            Some((None, Some(4000), "CHF".into(), Month))
        );
        assert_eq!(
            pay("from 400 EUR per day"),
            Some((Some(400), None, "EUR".into(), Day))
        );
        assert_eq!(pay("60-50k EUR"), None, "reversed bounds");
        assert_eq!(pay("50-60k"), None, "no currency");
        assert_eq!(
            pay("50-60k EUR"),
            Some((Some(50_000), Some(60_000), "EUR".into(), Year))
        );
        assert_eq!(pay("competitive"), None);
        assert_eq!(pay("99999999999999999999999 EUR"), None, "overflow");
    }
}

//! Pay as ads write it: "$120k–150k", "€55.000 – €65.000 brutto/Jahr",
//! "£45,000 per annum", "CHF 110'000", "$45/hr", "ab 60 Tsd. €". Only a
//! figure next to a currency counts, so years, counts and phone numbers
//! are never read as pay.

use crate::domain::lead::{PayPeriod, PayRange};

/// Currency signs and codes, longest first so "CA$" wins over "$".
const CURRENCIES: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("AU$", "AUD"),
    ("CA$", "CAD"),
    ("NZ$", "NZD"),
    ("SG$", "SGD"),
    ("HK$", "HKD"),
    ("MX$", "MXN"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("S$", "SGD"),
    ("R$", "BRL"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₩", "KRW"),
    ("₺", "TRY"),
    ("zł", "PLN"),
    ("Kč", "CZK"),
];

/// ISO codes and words that name a currency.
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("usd", "USD"),
    ("eur", "EUR"),
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("gbp", "GBP"),
    ("chf", "CHF"),
    ("cad", "CAD"),
    ("aud", "AUD"),
    ("nzd", "NZD"),
    ("sgd", "SGD"),
    ("hkd", "HKD"),
    ("jpy", "JPY"),
    ("cny", "CNY"),
    ("rmb", "CNY"),
    ("inr", "INR"),
    ("rs", "INR"),
    ("sek", "SEK"),
    ("nok", "NOK"),
    ("dkk", "DKK"),
    ("pln", "PLN"),
    ("czk", "CZK"),
    ("brl", "BRL"),
    ("mxn", "MXN"),
    ("zar", "ZAR"),
    ("dollars", "USD"),
    ("pounds", "GBP"),
    ("fr.", "CHF"),
];

/// Words that say what the figures are per, in the languages of the corpus.
const PERIODS: &[(&str, PayPeriod)] = &[
    ("per annum", PayPeriod::Year),
    ("p.a.", PayPeriod::Year),
    ("a year", PayPeriod::Year),
    ("per year", PayPeriod::Year),
    ("/year", PayPeriod::Year),
    ("/yr", PayPeriod::Year),
    ("annual", PayPeriod::Year),
    ("yearly", PayPeriod::Year),
    ("/jahr", PayPeriod::Year),
    ("pro jahr", PayPeriod::Year),
    ("im jahr", PayPeriod::Year),
    ("jährlich", PayPeriod::Year),
    ("jahresgehalt", PayPeriod::Year),
    ("par an", PayPeriod::Year),
    ("/an", PayPeriod::Year),
    ("annuel", PayPeriod::Year),
    ("brut/an", PayPeriod::Year),
    ("al año", PayPeriod::Year),
    ("anual", PayPeriod::Year),
    ("per jaar", PayPeriod::Year),
    ("all'anno", PayPeriod::Year),
    ("lpa", PayPeriod::Year),
    ("per month", PayPeriod::Month),
    ("a month", PayPeriod::Month),
    ("/month", PayPeriod::Month),
    ("/mo", PayPeriod::Month),
    ("monthly", PayPeriod::Month),
    ("pro monat", PayPeriod::Month),
    ("/monat", PayPeriod::Month),
    ("monatlich", PayPeriod::Month),
    ("par mois", PayPeriod::Month),
    ("/mois", PayPeriod::Month),
    ("mensuel", PayPeriod::Month),
    ("al mes", PayPeriod::Month),
    ("/mes", PayPeriod::Month),
    ("/mån", PayPeriod::Month),
    ("per maand", PayPeriod::Month),
    ("per day", PayPeriod::Day),
    ("a day", PayPeriod::Day),
    ("/day", PayPeriod::Day),
    ("day rate", PayPeriod::Day),
    ("daily", PayPeriod::Day),
    ("pro tag", PayPeriod::Day),
    ("tagessatz", PayPeriod::Day),
    ("par jour", PayPeriod::Day),
    ("/jour", PayPeriod::Day),
    ("tjm", PayPeriod::Day),
    ("per hour", PayPeriod::Hour),
    ("an hour", PayPeriod::Hour),
    ("/hour", PayPeriod::Hour),
    ("/hr", PayPeriod::Hour),
    ("/h", PayPeriod::Hour),
    ("hourly", PayPeriod::Hour),
    ("pro stunde", PayPeriod::Hour),
    ("/stunde", PayPeriod::Hour),
    ("stundenlohn", PayPeriod::Hour),
    ("de l'heure", PayPeriod::Hour),
    ("par heure", PayPeriod::Hour),
    ("/heure", PayPeriod::Hour),
    ("por hora", PayPeriod::Hour),
    ("per uur", PayPeriod::Hour),
];

/// Words before a figure that make it the lowest ("from $90k").
const FROM_WORDS: &[&str] = &[
    "from",
    "starting at",
    "ab",
    "à partir de",
    "desde",
    "vanaf",
    "min.",
];
/// Words before a figure that make it the highest ("up to $150k").
const UP_TO_WORDS: &[&str] = &[
    "up to",
    "bis zu",
    "bis",
    "jusqu'à",
    "jusqu’à",
    "hasta",
    "tot",
    "max.",
];

/// One figure found in the text.
#[derive(Debug, Clone, Copy)]
struct Figure {
    value: f64,
    /// Where it starts and ends (byte offsets), the multiplier included.
    start: usize,
    end: usize,
    /// Whether it carried "k" (so "120-150k" reads 120 as thousands too).
    thousands: bool,
    /// The currency written right before or after it.
    currency: Option<&'static str>,
}

/// The first pay range the text states with a currency, if any.
pub fn pay_in(text: &str) -> Option<PayRange> {
    let figures = figures(text);
    for (i, first) in figures.iter().enumerate() {
        let next = figures
            .get(i + 1)
            .filter(|n| joins(text, first.end, n.start));
        let currency = first
            .currency
            .or_else(|| next.and_then(|n| n.currency))
            .or_else(|| currency_word_after(text, next.map_or(first.end, |n| n.end)));
        let Some(currency) = currency else {
            continue;
        };
        let mut lo = first.value;
        let mut hi = next.map(|n| n.value);
        if let Some(n) = next
            && n.thousands
            && !first.thousands
            && lo < 1000.0
        {
            lo *= 1000.0;
        }
        if let Some(h) = hi
            && h < lo
        {
            hi = Some(lo);
            lo = h;
        }
        let end = next.map_or(first.end, |n| n.end);
        let after = &text[end..];
        let before = &text[..first.start];
        let (min, max) = match (hi, bound_before(before)) {
            (Some(h), _) => (Some(lo), Some(h)),
            (None, Some(Bound::UpTo)) => (None, Some(lo)),
            (None, _) => (Some(lo), None),
        };
        // "$150k+" is a floor; "$120k–150k + equity" is a range with extras
        let open_ended = next.is_none() && after.starts_with('+');
        let max = if open_ended { None } else { max };
        let biggest = max.or(min).unwrap_or(0.0);
        let period = period_near(before, after).unwrap_or_else(|| period_for(biggest));
        let whole = |v: f64| v.round().clamp(0.0, 1e15) as u64;
        return Some(PayRange {
            min: min.map(whole),
            max: max.map(whole),
            currency: currency.to_string(),
            period,
        });
    }
    None
}

/// Every figure in the text, with what multiplies it and its currency.
fn figures(text: &str) -> Vec<Figure> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && is_word_byte(bytes[i - 1])) {
            i += 1;
            continue;
        }
        let start = i;
        let (raw_end, value) = number_at(text, i);
        i = raw_end.max(i + 1);
        let (end, factor) = multiplier_at(text, raw_end);
        let Some(value) = value else {
            continue;
        };
        let currency = currency_before(&text[..start])
            .or_else(|| currency_after(&text[end..]).map(|(c, _)| c));
        out.push(Figure {
            value: value * factor,
            start,
            end,
            thousands: factor >= 1000.0,
            currency,
        });
        i = end.max(i);
    }
    out
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

/// The number starting at byte `i`: its end and value. Group separators
/// (`,` `.` `'` `’` and spaces before three digits) and a decimal part of
/// one or two digits are read as ads write them in English, German,
/// French and Swiss.
fn number_at(text: &str, i: usize) -> (usize, Option<f64>) {
    let mut groups: Vec<&str> = Vec::new();
    let mut seps: Vec<char> = Vec::new();
    let mut pos = i;
    loop {
        let digits_end = text[pos..]
            .find(|c: char| !c.is_ascii_digit())
            .map_or(text.len(), |o| pos + o);
        groups.push(&text[pos..digits_end]);
        pos = digits_end;
        let Some(sep) = text[pos..].chars().next() else {
            break;
        };
        if !matches!(sep, ',' | '.' | '\'' | '’' | ' ' | '\u{a0}' | '\u{202f}') {
            break;
        }
        let after = pos + sep.len_utf8();
        let next_digits = text[after..]
            .find(|c: char| !c.is_ascii_digit())
            .map_or(text.len() - after, |o| o);
        let three = next_digits == 3;
        let ok = match sep {
            ',' | '.' => next_digits > 0 && (three || next_digits <= 2),
            _ => three,
        };
        if !ok || groups.len() > 6 {
            break;
        }
        // a decimal part ends the number
        seps.push(sep);
        if matches!(sep, ',' | '.') && !three {
            groups.push(&text[after..after + next_digits]);
            pos = after + next_digits;
            break;
        }
        pos = after;
    }
    let value = (|| {
        let last_sep = seps.last().copied();
        let decimal = match (last_sep, groups.last()) {
            (Some(',' | '.'), Some(g)) if g.len() <= 2 => true,
            // "1.5" with one group before: a decimal, not thousands
            _ => false,
        };
        let (whole, frac) = if decimal {
            (&groups[..groups.len() - 1], groups.last().copied())
        } else {
            (&groups[..], None)
        };
        let mut joined: String = whole.concat();
        if joined.len() > 12 {
            return None;
        }
        if let Some(f) = frac {
            joined.push('.');
            joined.push_str(f);
        }
        joined.parse::<f64>().ok()
    })();
    (pos, value)
}

/// A multiplier right after a number ("k", "K", "Tsd.", "LPA", "lakh",
/// "M"): where it ends and its factor.
fn multiplier_at(text: &str, end: usize) -> (usize, f64) {
    let rest = &text[end..];
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    let skipped = rest.len() - trimmed.len();
    let lower = trimmed.to_lowercase();
    let word_end = |w: &str| {
        lower[w.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphabetic())
    };
    for (word, factor) in [
        ("k", 1_000.0),
        ("tsd.", 1_000.0),
        ("tsd", 1_000.0),
        ("lpa", 100_000.0),
        ("lakhs", 100_000.0),
        ("lakh", 100_000.0),
        ("mio.", 1_000_000.0),
        ("mio", 1_000_000.0),
        ("million", 1_000_000.0),
    ] {
        // "k" only glued to the figure ("120k", not "120 kr")
        if word == "k" && skipped > 0 {
            continue;
        }
        if lower.starts_with(word) && (word.ends_with('.') || word_end(word)) {
            // "LPA" also says the period: leave it to be read there
            let consumed = if word == "lpa" { 0 } else { word.len() };
            return (end + skipped + consumed, factor);
        }
    }
    (end, 1.0)
}

/// A currency sign or code written right before a figure ("€55", "USD 120").
fn currency_before(before: &str) -> Option<&'static str> {
    let trimmed = before.trim_end_matches([' ', '\u{a0}']);
    for (sign, code) in CURRENCIES {
        if trimmed.ends_with(sign) {
            return Some(code);
        }
    }
    let word_start = trimmed
        .rfind(|c: char| !c.is_alphabetic() && c != '.')
        .map_or(0, |i| {
            i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = trimmed[word_start..].to_lowercase();
    CURRENCY_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, code)| *code)
}

/// A currency sign or code right after a figure ("55.000 €", "120 000 EUR").
fn currency_after(after: &str) -> Option<(&'static str, usize)> {
    let trimmed = after.trim_start_matches([' ', '\u{a0}']);
    let skipped = after.len() - trimmed.len();
    for (sign, code) in CURRENCIES {
        if trimmed.starts_with(sign) {
            return Some((code, skipped + sign.len()));
        }
    }
    let word_end = trimmed
        .find(|c: char| !c.is_alphabetic() && c != '.')
        .unwrap_or(trimmed.len());
    let word = trimmed[..word_end].to_lowercase();
    let word = word.trim_end_matches('.');
    CURRENCY_WORDS
        .iter()
        .find(|(w, _)| w.trim_end_matches('.') == word)
        .map(|(_, code)| (*code, skipped + word_end))
}

/// A currency named after a range's end ("55.000 – 65.000 EUR").
fn currency_word_after(text: &str, end: usize) -> Option<&'static str> {
    currency_after(&text[end..]).map(|(c, _)| c)
}

/// Whether the text between two figures joins them into a range.
fn joins(text: &str, from: usize, to: usize) -> bool {
    if to < from {
        return false;
    }
    let between = text[from..to].trim_matches([' ', '\u{a0}']);
    // the first figure's currency after it, or the second's before it
    let between = strip_currency(between);
    let between = between.trim_matches([' ', '\u{a0}']);
    let lower = between.to_lowercase();
    matches!(
        lower.as_str(),
        "-" | "–" | "—" | "~" | "to" | "bis" | "à" | "a" | "and" | "-/" | "/" | "tot" | "e"
    )
}

/// `between` without currency signs and codes at either end.
fn strip_currency(between: &str) -> &str {
    let mut s = between;
    for _ in 0..2 {
        let t = s.trim_matches([' ', '\u{a0}']);
        let mut changed = false;
        for (sign, _) in CURRENCIES {
            if let Some(r) = t.strip_prefix(sign) {
                s = r;
                changed = true;
                break;
            }
            if let Some(r) = t.strip_suffix(sign) {
                s = r;
                changed = true;
                break;
            }
        }
        if !changed {
            let lower = t.to_lowercase();
            for (w, _) in CURRENCY_WORDS {
                if lower.starts_with(w) && t.len() > w.len() {
                    s = &t[w.len()..];
                    changed = true;
                    break;
                }
                if lower.ends_with(w) && t.len() > w.len() {
                    s = &t[..t.len() - w.len()];
                    changed = true;
                    break;
                }
            }
        }
        if !changed {
            return t;
        }
    }
    s
}

enum Bound {
    From,
    UpTo,
}

/// "up to" or "from" right before a figure (its currency sign allowed between).
fn bound_before(before: &str) -> Option<Bound> {
    let trimmed = before.trim_end_matches([' ', '\u{a0}']);
    let mut t = trimmed;
    for (sign, _) in CURRENCIES {
        if let Some(r) = t.strip_suffix(sign) {
            t = r.trim_end();
            break;
        }
    }
    let lower = t.to_lowercase();
    let tail: String = lower
        .chars()
        .rev()
        .take(14)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if UP_TO_WORDS.iter().any(|w| ends_with_word(&tail, w)) {
        return Some(Bound::UpTo);
    }
    if FROM_WORDS.iter().any(|w| ends_with_word(&tail, w)) {
        return Some(Bound::From);
    }
    None
}

fn ends_with_word(text: &str, word: &str) -> bool {
    text.strip_suffix(word).is_some_and(|rest| {
        rest.chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// A period word right after the figures (or, failing that, just before).
fn period_near(before: &str, after: &str) -> Option<PayPeriod> {
    let after: String = after.chars().take(40).collect::<String>().to_lowercase();
    let before: String = {
        let chars: Vec<char> = before.chars().collect();
        chars[chars.len().saturating_sub(30)..]
            .iter()
            .collect::<String>()
            .to_lowercase()
    };
    let find = |hay: &str| {
        PERIODS
            .iter()
            .filter_map(|(w, p)| {
                let at = hay.find(w)?;
                // "/h" must not be the start of "/hour"'s neighbours like "/home"
                let next = hay[at + w.len()..].chars().next();
                let whole = next.is_none_or(|c| !c.is_alphabetic());
                whole.then_some((at, *p))
            })
            .min_by_key(|(at, _)| *at)
            .map(|(_, p)| p)
    };
    find(&after).or_else(|| find(&before))
}

/// The period a figure's size suggests when the ad names none.
fn period_for(value: f64) -> PayPeriod {
    if value >= 15_000.0 {
        PayPeriod::Year
    } else if value >= 1_500.0 {
        PayPeriod::Month
    } else if value >= 200.0 {
        PayPeriod::Day
    } else {
        PayPeriod::Hour
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Read = (Option<u64>, Option<u64>, String, PayPeriod);
    type Want = (Option<u64>, Option<u64>, &'static str, PayPeriod);

    fn pay(text: &str) -> Read {
        let p = pay_in(text).unwrap_or_else(|| panic!("no pay in {text:?}"));
        (p.min, p.max, p.currency, p.period)
    }

    #[test]
    fn ranges_in_the_shapes_ads_write_them() {
        use PayPeriod::*;
        let cases: &[(&str, Want)] = &[
            ("$120k–150k", (Some(120_000), Some(150_000), "USD", Year)),
            ("$120K - $150K", (Some(120_000), Some(150_000), "USD", Year)),
            (
                "$120,000 - $150,000 a year",
                (Some(120_000), Some(150_000), "USD", Year),
            ),
            (
                "€55.000 – €65.000 brutto/Jahr",
                (Some(55_000), Some(65_000), "EUR", Year),
            ),
            (
                "55.000 - 65.000 EUR pro Jahr",
                (Some(55_000), Some(65_000), "EUR", Year),
            ),
            ("£45,000 per annum", (Some(45_000), None, "GBP", Year)),
            ("£45k-£55k", (Some(45_000), Some(55_000), "GBP", Year)),
            ("$45/hr", (Some(45), None, "USD", Hour)),
            ("$45 - $60 an hour", (Some(45), Some(60), "USD", Hour)),
            (
                "CHF 110'000 – 130'000",
                (Some(110_000), Some(130_000), "CHF", Year),
            ),
            ("45 000 € brut annuel", (Some(45_000), None, "EUR", Year)),
            ("40-45k€", (Some(40_000), Some(45_000), "EUR", Year)),
            ("A$130k + super", (Some(130_000), None, "AUD", Year)),
            (
                "CA$95,000 to CA$110,000",
                (Some(95_000), Some(110_000), "CAD", Year),
            ),
            ("up to $150k", (None, Some(150_000), "USD", Year)),
            ("ab 60 Tsd. € im Jahr", (Some(60_000), None, "EUR", Year)),
            ("₹12 LPA", (Some(1_200_000), None, "INR", Year)),
            ("€450 - €550 per day", (Some(450), Some(550), "EUR", Day)),
            ("TJM 600 €", (Some(600), None, "EUR", Day)),
            ("SEK 45 000/mån", (Some(45_000), None, "SEK", Month)),
            ("$85.50/hour", (Some(86), None, "USD", Hour)),
            (
                "USD 160,000–190,000",
                (Some(160_000), Some(190_000), "USD", Year),
            ),
            ("$150k+", (Some(150_000), None, "USD", Year)),
            (
                "Salary: $120k–150k + equity",
                (Some(120_000), Some(150_000), "USD", Year),
            ),
            ("$120k–150k", (Some(120_000), Some(150_000), "USD", Year)),
        ];
        for (text, want) in cases {
            let (min, max, cur, period) = pay(text);
            assert_eq!(
                (min, max, cur.as_str(), period),
                (want.0, want.1, want.2, want.3),
                "{text}"
            );
        }
    }

    #[test]
    fn figures_without_a_currency_are_not_pay() {
        for text in [
            "Founded in 2012, 250 employees",
            "Call 030 1234 5678",
            "3+ years of experience with Rust 1.80",
            "401(k) matching",
        ] {
            assert_eq!(pay_in(text), None, "{text}");
        }
    }
}

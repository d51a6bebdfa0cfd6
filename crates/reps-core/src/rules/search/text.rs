//! Words and snippets: how stored text and typed queries are cut into the
//! words search compares. A word is a run of letters and digits; it is
//! compared lower-cased and without accents ("Zoë" and "zoe" are one word).

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Longest word kept, in characters: longer runs (a pasted hash, a URL
/// fragment) are cut, so no word costs more than this to compare.
pub const MAX_WORD: usize = 40;

/// Visits every word of `text`: its byte offset, the word as written, and
/// its compared form. `buf` is reused between words to spare allocations.
///
/// A hyphenated compound ("on-call", "follow-up") is visited as its parts
/// and then once more whole, parts joined ("oncall"), at the first part's
/// offset: a record holds both, and a query keeps only the compound, so
/// "on-call" finds "on-call" and "oncall", never "rambled on" beside "call".
pub fn each_word(text: &str, buf: &mut String, mut f: impl FnMut(usize, &str, &str)) {
    let mut start = None;
    // the compound being read: where it starts, its parts so far, joined
    let mut compound: Option<(usize, usize)> = None;
    let mut joined = String::new();
    let mut end_word = |s: usize, i: usize, next: Option<char>, buf: &mut String| {
        let word = &text[s..i];
        normalize_into(word, buf);
        f(s, word, buf);
        let (cs, parts) = compound.unwrap_or((s, 0));
        if parts == 0 {
            joined.clear();
        }
        joined.push_str(buf);
        let hyphen_then_word = text[i..].starts_with('-')
            && text[i + 1..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
        if hyphen_then_word && next.is_some() {
            compound = Some((cs, parts + 1));
        } else {
            if parts > 0 {
                let whole: String = joined.chars().take(MAX_WORD).collect();
                f(cs, &text[cs..i], &whole);
            }
            compound = None;
        }
    };
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                end_word(s, i, Some(c), buf);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        end_word(s, text.len(), None, buf);
    }
}

/// The word that starts at byte `at` of `text`, as written.
pub fn word_at(text: &str, at: usize) -> &str {
    let rest = text.get(at..).unwrap_or("");
    let end = rest
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(rest.len(), |(i, _)| i);
    &rest[..end]
}

/// The hyphenated compound that starts at byte `at` ("On-call"), or the
/// plain word there when none does.
pub fn compound_at(text: &str, at: usize) -> &str {
    let first = word_at(text, at);
    let mut end = at + first.len();
    while text[end..].starts_with('-') {
        let next = word_at(text, end + 1);
        if next.is_empty() {
            break;
        }
        end += 1 + next.len();
    }
    &text[at..end]
}

/// A compound's compared form: its parts joined ("oncall").
pub fn normalize_compound(compound: &str) -> String {
    let joined: String = compound.split('-').map(normalize).collect();
    joined.chars().take(MAX_WORD).collect()
}

/// The compared form of one word: lower case, accents dropped, at most
/// [`MAX_WORD`] characters.
pub fn normalize(word: &str) -> String {
    let mut s = String::new();
    normalize_into(word, &mut s);
    s
}

fn normalize_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        let w = &word[..word.len().min(MAX_WORD)];
        out.extend(w.bytes().map(|b| b.to_ascii_lowercase() as char));
        return;
    }
    let mut n = 0;
    for c in word.chars() {
        decompose_canonical(c, |d| {
            if n < MAX_WORD && !is_combining_mark(d) {
                for l in d.to_lowercase() {
                    out.push(l);
                    n += 1;
                }
            }
        });
    }
}

/// About 80 characters of `field` around byte `at` (a word start), on one
/// line, with `…` where it was cut.
pub fn snippet(field: &str, at: usize) -> String {
    let at = at.min(field.len());
    let before: Vec<(usize, char)> = field[..at].char_indices().rev().take(30).collect();
    let start = before.last().map_or(at, |(i, _)| *i);
    let end = field[at..]
        .char_indices()
        .nth(50)
        .map_or(field.len(), |(i, _)| at + i);
    let mut s = field[start..end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if start > 0 {
        s.insert(0, '…');
    }
    if end < field.len() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(usize, String, String)> {
        let mut out = Vec::new();
        each_word(text, &mut String::new(), |at, w, n| {
            out.push((at, w.to_string(), n.to_string()))
        });
        out
    }

    #[test]
    fn words_are_runs_of_letters_and_digits_lower_cased() {
        let w = words("Met Zoë at Acme-Corp, 2024!");
        let norm: Vec<&str> = w.iter().map(|(_, _, n)| n.as_str()).collect();
        assert_eq!(
            norm,
            ["met", "zoe", "at", "acme", "corp", "acmecorp", "2024"]
        );
        assert_eq!(w[1], (4, "Zoë".to_string(), "zoe".to_string()));
        assert_eq!(w[4].0, "Met Zoë at Acme-".len());
        assert_eq!(
            w[5].0,
            "Met Zoë at ".len(),
            "the compound starts with its first part"
        );
    }

    #[test]
    fn a_hyphenated_compound_is_also_one_word() {
        let w = words("Rambled on. On-call rota, follow-up-ish - done");
        let norm: Vec<&str> = w.iter().map(|(_, _, n)| n.as_str()).collect();
        assert_eq!(
            norm,
            [
                "rambled",
                "on",
                "on",
                "call",
                "oncall",
                "rota",
                "follow",
                "up",
                "ish",
                "followupish",
                "done"
            ]
        );
        let on_call = &w[4];
        assert_eq!(on_call.0, "Rambled on. ".len());
        assert_eq!(on_call.1, "On-call");
    }

    #[test]
    fn the_compound_at_an_offset_is_read_whole() {
        let text = "Asked about the On-call rota - follow-up-";
        let at = text.find("On").unwrap();
        assert_eq!(compound_at(text, at), "On-call");
        assert_eq!(normalize_compound("On-call"), "oncall");
        assert_eq!(compound_at(text, text.find("rota").unwrap()), "rota");
        assert_eq!(compound_at(text, text.find("follow").unwrap()), "follow-up");
    }

    #[test]
    fn accents_go_and_other_scripts_stay() {
        assert_eq!(normalize("ÉCOLE"), "ecole");
        assert_eq!(normalize("Ærø"), "ærø");
        assert_eq!(normalize("Straße"), "straße");
        assert_eq!(normalize("Привет"), "привет");
    }

    #[test]
    fn very_long_words_are_cut() {
        assert_eq!(normalize(&"a".repeat(100)).len(), MAX_WORD);
        assert_eq!(normalize(&"é".repeat(100)).chars().count(), MAX_WORD);
    }

    #[test]
    fn the_word_at_an_offset_is_read_as_written() {
        let text = "we met Zoë, twice";
        assert_eq!(word_at(text, 7), "Zoë");
        assert_eq!(word_at(text, text.len()), "");
    }

    #[test]
    fn snippets_stay_on_character_boundaries() {
        let text = format!("{}İstanbul office{}", "é".repeat(40), "ü".repeat(80));
        let at = text.find("office").unwrap();
        let s = snippet(&text, at);
        assert!(s.contains("office") && s.starts_with('…') && s.ends_with('…'));
        assert_eq!(snippet("short  text\nhere", 0), "short text here");
    }
}

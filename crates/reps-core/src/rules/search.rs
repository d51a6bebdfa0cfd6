//! Search across the journal's text: every word must appear (in any field),
//! case does not matter, a word may be the start or middle of a longer one.
//! Hits are ranked by where the words were found (a company name beats a note).

use serde::{Deserialize, Serialize};

use crate::id::{ContactId, DebriefId, InterviewId, LeadId};

/// What a hit points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Target {
    /// A lead.
    Lead(LeadId),
    /// An interview.
    Interview(InterviewId),
    /// A debrief.
    Debrief(DebriefId),
    /// A contact.
    Contact(ContactId),
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hit {
    /// What was found.
    pub target: Target,
    /// A title for the row.
    pub title: String,
    /// The text around the first match.
    pub snippet: String,
    /// Higher is better.
    pub score: u32,
}

/// Weight of a match in a title-like field.
pub const TITLE: u32 = 8;
/// Weight of a match in a short field (role, place).
pub const SHORT: u32 = 4;
/// Weight of a match in a note.
pub const BODY: u32 = 1;

/// Longest query accepted, in characters.
pub const MAX_QUERY: usize = 200;

/// A parsed query: lower-cased words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    terms: Vec<String>,
}

impl Query {
    /// Splits the text into words; `None` when there is nothing to look for.
    pub fn parse(text: &str) -> Option<Self> {
        let text: String = text.chars().take(MAX_QUERY).collect();
        let mut terms: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        terms.sort();
        terms.dedup();
        (!terms.is_empty()).then_some(Self { terms })
    }

    /// A cheap test on a stored record's bytes: `false` means it cannot match,
    /// so the record need not be decoded. Exact for ASCII words; non-ASCII
    /// words always pass to the full check.
    pub fn may_match_raw(&self, raw: &[u8]) -> bool {
        self.terms
            .iter()
            .all(|t| !t.is_ascii() || contains_ignore_ascii_case(raw, t.as_bytes()))
    }

    /// Scores a record's fields `(text, weight)`; `None` unless every word is found.
    /// The snippet comes from the heaviest field with a match.
    pub fn score(&self, fields: &[(&str, u32)]) -> Option<(u32, String)> {
        let mut score = 0;
        let mut best: Option<(u32, usize, usize)> = None; // (weight, field, char offset)
        for term in &self.terms {
            let mut found = false;
            for (i, (text, w)) in fields.iter().enumerate() {
                if let Some((char_pos, at_word_start)) = find(text, term) {
                    found = true;
                    score += w * if at_word_start { 2 } else { 1 };
                    if best.is_none_or(|b| *w > b.0) {
                        best = Some((*w, i, char_pos));
                    }
                }
            }
            if !found {
                return None;
            }
        }
        let (_, field, pos) = best?;
        Some((score, snippet(fields[field].0, pos)))
    }
}

/// Finds a lower-cased `term` in `text` ignoring case: the character offset of
/// the match and whether it starts a word. ASCII words need no allocation.
fn find(text: &str, term: &str) -> Option<(usize, bool)> {
    let byte_pos = if term.is_ascii() {
        find_ignore_ascii_case(text.as_bytes(), term.as_bytes())?
    } else {
        let lowered = text.to_lowercase();
        let pos = lowered.find(term)?;
        // map back through characters: lower-casing can change byte lengths
        let chars = lowered[..pos].chars().count();
        return Some((
            chars,
            pos == 0
                || !lowered[..pos]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric),
        ));
    };
    let before = &text[..byte_pos];
    let at_word_start = !before
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    Some((before.chars().count(), at_word_start))
}

/// About 80 characters of `original` around character `char_pos`.
fn snippet(original: &str, char_pos: usize) -> String {
    let chars: Vec<char> = original.chars().collect();
    let start = char_pos.saturating_sub(30);
    let end = (char_pos + 50).min(chars.len());
    let start = start.min(end);
    let mut s: String = chars[start..end].iter().collect();
    s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if start > 0 {
        s.insert(0, '…');
    }
    if end < chars.len() {
        s.push('…');
    }
    s
}

fn contains_ignore_ascii_case(hay: &[u8], needle: &[u8]) -> bool {
    find_ignore_ascii_case(hay, needle).is_some()
}

/// Byte offset of `needle` (lower-case ASCII) in `hay`, ignoring ASCII case.
/// On UTF-8 text a match always starts on a character boundary.
fn find_ignore_ascii_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let Some((&first, rest)) = needle.split_first() else {
        return Some(0);
    };
    if hay.len() < needle.len() {
        return None;
    }
    let first_upper = first.to_ascii_uppercase();
    let last_start = hay.len() - needle.len();
    let mut i = 0;
    while i <= last_start {
        let b = hay[i];
        if (b == first || b == first_upper)
            && hay[i + 1..i + needle.len()].eq_ignore_ascii_case(rest)
        {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Best hits first; ties by title so results do not jump around while typing.
pub fn rank(mut hits: Vec<Hit>, limit: usize) -> Vec<Hit> {
    hits.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.title.cmp(&b.title)));
    hits.truncate(limit);
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_must_be_found_in_some_field() {
        let q = Query::parse("acme salary").unwrap();
        assert!(
            q.score(&[("Acme", TITLE), ("we talked salary", BODY)])
                .is_some()
        );
        assert!(
            q.score(&[("Acme", TITLE), ("we talked pay", BODY)])
                .is_none()
        );
    }

    #[test]
    fn case_and_partial_words_match() {
        let q = Query::parse("KUBER").unwrap();
        let (_, snip) = q
            .score(&[("They run Kubernetes everywhere", BODY)])
            .unwrap();
        assert_eq!(snip, "They run Kubernetes everywhere");
    }

    #[test]
    fn a_title_match_outranks_a_note_match() {
        let q = Query::parse("acme").unwrap();
        let (title, _) = q.score(&[("Acme", TITLE), ("", BODY)]).unwrap();
        let (note, _) = q
            .score(&[("Globex", TITLE), ("left acme last year", BODY)])
            .unwrap();
        assert!(title > note);
    }

    #[test]
    fn raw_prefilter_never_drops_a_real_match() {
        let q = Query::parse("Café remote").unwrap();
        assert!(
            q.may_match_raw(br#"{"note":"REMOTE ok"}"#),
            "non-ascii words pass through"
        );
        let q = Query::parse("remote").unwrap();
        assert!(!q.may_match_raw(br#"{"note":"office"}"#));
        assert!(q.may_match_raw(br#"{"note":"Remote"}"#));
    }

    #[test]
    fn snippets_stay_on_character_boundaries() {
        let text = format!("{}İstanbul office{}", "é".repeat(40), "ü".repeat(80));
        let q = Query::parse("office").unwrap();
        let (_, snip) = q.score(&[(&text, BODY)]).unwrap();
        assert!(snip.contains("office") && snip.starts_with('…') && snip.ends_with('…'));
    }

    #[test]
    fn empty_queries_are_nothing_to_search() {
        assert!(Query::parse("  ,, ").is_none());
    }

    #[test]
    fn ranking_is_stable_by_title() {
        let h = |t: &str, s| Hit {
            target: Target::Lead(LeadId(uuid::Uuid::nil())),
            title: t.into(),
            snippet: String::new(),
            score: s,
        };
        let r = rank(vec![h("b", 1), h("a", 1), h("c", 5)], 2);
        assert_eq!(
            r.iter().map(|h| h.title.as_str()).collect::<Vec<_>>(),
            ["c", "a"]
        );
    }
}

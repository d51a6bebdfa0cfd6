//! One search box across leads, interviews, debriefs and contacts (and the
//! notes inside them).
//!
//! Every typed word must match a word of the record: the same word, the
//! start of one ("acm" → "Acme"), or one within a typo or two ("intervew" →
//! "interview"; see [`typo`] for how many). The last word may still be
//! growing, so a typo in the start of a longer word counts too. Hits rank by
//! where the words were found (a title beats a short field beats a note),
//! then by how (the same word beats a start beats a typo), and the more
//! recent record first on a tie.
//!
//! The parts: [`text`] cuts text into compared words, [`typo`] decides
//! whether two words match, [`Document`] says what of a record is searched,
//! and [`Index`] keeps the words of every record in memory so each keystroke
//! is answered without reading the journal.

mod index;
pub mod text;
pub mod typo;

use serde::{Deserialize, Serialize};

pub use index::Index;
pub use typo::{Kind, Matcher};

use crate::id::{ContactId, DebriefId, InterviewId, LeadId};
use crate::{Contact, Debrief, Interview, Lead};

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
    /// The text around the best match, which it contains.
    pub snippet: String,
    /// Higher is better.
    pub score: u32,
    /// The record's words that matched, as written there, one per typed
    /// word in typing order without repeats ("Interview", "Acme").
    #[serde(default)]
    pub matched: Vec<String>,
}

/// Weight of a match in a title-like field.
pub const TITLE: u32 = 8;
/// Weight of a match in a short field (role, place).
pub const SHORT: u32 = 4;
/// Weight of a match in a note.
pub const BODY: u32 = 1;

/// Longest query accepted, in characters.
pub const MAX_QUERY: usize = 200;
/// Most words a query keeps.
pub const MAX_WORDS: usize = 16;

/// A parsed query: its words in compared form, the last one still growing.
#[derive(Debug, Clone)]
pub struct Query {
    words: Vec<Matcher>,
}

impl Query {
    /// Splits the text into words; `None` when there is nothing to look for.
    pub fn parse(text: &str) -> Option<Self> {
        let text: String = text.chars().take(MAX_QUERY).collect();
        // a compound comes after its parts, at the first one's offset: it
        // replaces them ("on-call" is looked for whole)
        let mut found: Vec<(usize, String)> = Vec::new();
        text::each_word(&text, &mut String::new(), |at, _, w| {
            if found.last().is_some_and(|(last, _)| at <= *last) {
                found.retain(|(o, _)| *o < at);
            }
            found.push((at, w.to_string()))
        });
        let mut words: Vec<String> = found.into_iter().map(|(_, w)| w).collect();
        let last = words.pop()?;
        words.retain(|w| *w != last);
        let mut kept: Vec<String> = Vec::new();
        for w in words {
            if !kept.contains(&w) {
                kept.push(w);
            }
        }
        kept.truncate(MAX_WORDS - 1);
        let mut words: Vec<Matcher> = kept.iter().map(|w| Matcher::new(w, false)).collect();
        words.push(Matcher::new(&last, true));
        Some(Self { words })
    }

    /// The words, each with whether it is still growing (only the last is).
    pub fn words(&self) -> impl Iterator<Item = (&str, bool)> {
        let n = self.words.len();
        self.words
            .iter()
            .enumerate()
            .map(move |(i, m)| (m.word(), i + 1 == n))
    }

    pub(crate) fn matchers(&self) -> Vec<Matcher> {
        self.words.clone()
    }
}

/// The searched part of one record: a title for its row, a date, and its
/// fields, each with a weight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The record.
    pub target: Target,
    /// The row's title.
    pub title: String,
    /// The record's own date in milliseconds: when the interview is, when
    /// the debrief was written, when the lead or contact last changed.
    pub when: i64,
    text: String,
    /// Per field: its end in `text` and its weight.
    fields: Vec<(u32, u8)>,
}

impl Document {
    /// A document with no fields yet.
    pub fn new(target: Target, title: String, when: i64) -> Self {
        Self {
            target,
            title,
            when,
            text: String::new(),
            fields: Vec::new(),
        }
    }

    /// Adds a field of the given weight ([`TITLE`], [`SHORT`], [`BODY`]).
    pub fn field(mut self, text: &str, weight: u32) -> Self {
        if !text.trim().is_empty() {
            if !self.text.is_empty() {
                self.text.push('\n');
            }
            self.text.push_str(text);
            self.fields
                .push((self.text.len() as u32, weight.min(255) as u8));
        }
        self
    }

    /// Adds several texts as one field, a line each.
    pub fn lines<'a>(self, parts: impl IntoIterator<Item = &'a str>, weight: u32) -> Self {
        let joined: Vec<&str> = parts.into_iter().filter(|p| !p.is_empty()).collect();
        self.field(&joined.join("\n"), weight)
    }

    /// Every field's text and weight, with where it starts in [`Document::text`].
    pub fn fields(&self) -> impl Iterator<Item = (usize, &str, u32)> {
        let mut start = 0;
        self.fields.iter().map(move |&(end, w)| {
            let s = start;
            start = end as usize + 1;
            (s, &self.text[s..end as usize], u32::from(w))
        })
    }

    /// All the searched text, the fields a line apart.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The fields the title does not already say, on one line, about 80
    /// characters: what a hit on the title shows beneath it.
    pub fn context(&self) -> String {
        let parts: Vec<String> = self
            .fields()
            .map(|(_, f, _)| f.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|f| !f.is_empty() && !self.title.contains(f.as_str()))
            .collect();
        crate::wording::shorten(&parts.join(" · "), 80)
    }

    /// The field holding byte `at` of [`Document::text`], and where it starts.
    pub fn field_at(&self, at: usize) -> (usize, &str) {
        self.fields()
            .find(|(s, f, _)| at <= s + f.len())
            .map_or((0, ""), |(s, f, _)| (s, f))
    }

    /// Rough bytes held on the heap, for the memory estimate.
    pub fn heap_bytes(&self) -> usize {
        self.title.capacity() + self.text.capacity() + self.fields.capacity() * 8
    }

    /// A lead: its company, role, place, what the user saw and heard, the
    /// ad, the notes of its status changes and the offer's terms.
    pub fn lead(l: &Lead) -> Self {
        let d = &l.details;
        Self::new(
            Target::Lead(l.id),
            format!("{} — {}", d.company, d.role),
            l.updated.millis(),
        )
        .field(&d.company, TITLE)
        .field(&d.role, SHORT)
        .field(&d.location, SHORT)
        .field(&d.seen, BODY)
        .field(&d.heard, BODY)
        .field(&d.ad, BODY)
        .lines(l.history.iter().map(|h| h.note.as_str()), BODY)
        .field(l.offer.as_ref().map_or("", |o| o.terms.as_str()), BODY)
    }

    /// An interview: its stage, place and goal.
    pub fn interview(i: &Interview) -> Self {
        let p = &i.plan;
        Self::new(
            Target::Interview(i.id),
            format!("Interview of {}", p.start.local().format("%-d %b %Y")),
            p.start.millis(),
        )
        .field(&p.stage.to_string(), SHORT)
        .field(&p.place, SHORT)
        .field(&p.goal, BODY)
    }

    /// A debrief: the people met, then every note of it.
    pub fn debrief(d: &Debrief) -> Self {
        let b = &d.body;
        Self::new(
            Target::Debrief(d.id),
            format!("Debrief of {}", d.created.local().format("%-d %b %Y")),
            d.created.millis(),
        )
        .field(&b.people.join(", "), SHORT)
        .field(&b.went_well, BODY)
        .field(&b.improve, BODY)
        .lines(
            b.red_flags
                .iter()
                .flat_map(|f| [crate::wording::red_flag(f.kind), f.detail.as_str()]),
            BODY,
        )
        .lines(b.questions.iter().map(|q| q.text.as_str()), BODY)
        .field(&b.next_step, BODY)
        .field(&b.notes, BODY)
    }

    /// A contact: name, company, role, where the user met them, notes.
    pub fn contact(c: &Contact) -> Self {
        let d = &c.details;
        Self::new(Target::Contact(c.id), d.name.clone(), c.updated.millis())
            .field(&d.name, TITLE)
            .field(&d.company, SHORT)
            .field(&d.role, SHORT)
            .field(&d.met_where, BODY)
            .field(&d.notes, BODY)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lead(n: u128) -> Target {
        Target::Lead(LeadId(uuid::Uuid::from_u128(n)))
    }

    fn doc(n: u128, when: i64, fields: &[(&str, u32)]) -> Document {
        fields.iter().fold(
            Document::new(lead(n), format!("doc {n}"), when),
            |d, (t, w)| d.field(t, *w),
        )
    }

    fn search(docs: &[Document], q: &str) -> Vec<Hit> {
        Index::build(docs.iter().cloned()).search(&Query::parse(q).unwrap(), 20)
    }

    #[test]
    fn a_typo_finds_the_word() {
        let hits = search(
            &[doc(1, 0, &[("the interview went well", BODY)])],
            "intervew",
        );
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].matched, ["interview"]);
    }

    #[test]
    fn the_start_of_a_word_finds_it() {
        let hits = search(&[doc(1, 0, &[("Acme", TITLE)])], "acm");
        assert_eq!(hits[0].matched, ["Acme"]);
    }

    #[test]
    fn accents_do_not_matter() {
        let hits = search(&[doc(1, 0, &[("met Zoë at lunch", BODY)])], "zoe");
        assert_eq!(hits[0].matched, ["Zoë"]);
        assert_eq!(search(&[doc(1, 0, &[("zoe", BODY)])], "ZOË").len(), 1);
    }

    #[test]
    fn a_three_letter_word_is_not_typo_matched() {
        let docs = [doc(1, 0, &[("a red car", BODY)])];
        assert!(search(&docs, "cat").is_empty());
        assert!(search(&docs, "cat red").is_empty());
        assert_eq!(search(&docs, "car").len(), 1);
    }

    #[test]
    fn every_word_must_be_found() {
        let docs = [doc(1, 0, &[("Acme", TITLE), ("we talked salary", BODY)])];
        assert_eq!(search(&docs, "acme salary").len(), 1);
        assert!(search(&docs, "acme pension").is_empty());
    }

    #[test]
    fn a_title_match_outranks_a_note_match() {
        let docs = [
            doc(1, 9, &[("Globex", TITLE), ("left acme last year", BODY)]),
            doc(2, 0, &[("Acme", TITLE)]),
        ];
        let hits = search(&docs, "acme");
        assert_eq!(hits[0].target, lead(2));
        assert!(hits[0].score > hits[1].score);
    }

    #[test]
    fn the_same_word_outranks_a_start_which_outranks_a_typo() {
        let docs = [
            doc(1, 3, &[("salaried", BODY)]),
            doc(2, 2, &[("salary", BODY)]),
            doc(3, 1, &[("salery", BODY)]),
        ];
        let hits = search(&docs, "salary and");
        assert!(hits.is_empty(), "'and' is nowhere");
        let order: Vec<Target> = search(&docs, "salari").iter().map(|h| h.target).collect();
        assert_eq!(order, [lead(1), lead(2)], "'salery' is two typos off");
        let hits = search(&docs, "salary");
        let order: Vec<Target> = hits.iter().map(|h| h.target).collect();
        assert_eq!(order, [lead(2), lead(1), lead(3)]);
    }

    #[test]
    fn on_equal_scores_the_more_recent_comes_first() {
        let docs = [doc(1, 10, &[("acme", BODY)]), doc(2, 20, &[("acme", BODY)])];
        let order: Vec<Target> = search(&docs, "acme").iter().map(|h| h.target).collect();
        assert_eq!(order, [lead(2), lead(1)]);
    }

    #[test]
    fn a_hit_on_the_title_shows_the_rest_of_the_record_not_the_title_again() {
        let mut index = Index::new();
        index.put(
            Document::new(lead(1), "Maya Chen".into(), 1)
                .field("Maya Chen", TITLE)
                .field("Acme", SHORT)
                .field("Engineering manager", SHORT)
                .field("", BODY),
        );
        let hits = index.search(&Query::parse("maya").unwrap(), 5);
        assert_eq!(hits[0].title, "Maya Chen");
        assert_eq!(hits[0].snippet, "Acme · Engineering manager");
    }

    #[test]
    fn an_exact_word_in_a_note_beats_a_typo_in_a_title() {
        let mut index = Index::new();
        index.put(doc(1, 1, &[("Product Designer", TITLE)]));
        index.put(doc(2, 2, &[("Walked them through the redesign", BODY)]));
        let hits = index.search(&Query::parse("redesign").unwrap(), 5);
        assert_eq!(hits[0].target, lead(2), "{hits:?}");
    }

    #[test]
    fn a_hyphenated_word_is_looked_for_whole() {
        let mut index = Index::new();
        index.put(doc(1, 1, &[("Rambled on about the call schedule", BODY)]));
        index.put(doc(2, 2, &[("Asked about the on-call rota", BODY)]));
        let hits = index.search(&Query::parse("on-call").unwrap(), 5);
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(hits[0].target, lead(2));
        assert_eq!(index.search(&Query::parse("oncall").unwrap(), 5).len(), 1);
    }

    #[test]
    fn matched_words_are_reported_as_written_and_the_snippet_holds_one() {
        let docs = [doc(
            1,
            0,
            &[
                ("Acme", TITLE),
                ("Backend", SHORT),
                (
                    "A long note that goes on and on before it says the Interview was hard",
                    BODY,
                ),
            ],
        )];
        let hits = search(&docs, "interview acme");
        assert_eq!(hits[0].matched, ["Interview", "Acme"]);
        assert_eq!(hits[0].snippet, "Acme");
        let hits = search(&docs, "hard");
        assert!(hits[0].snippet.contains("hard") && hits[0].snippet.starts_with('…'));
    }

    #[test]
    fn empty_queries_are_nothing_to_search() {
        assert!(Query::parse("  ,, ").is_none());
    }

    #[test]
    fn repeated_words_count_once_and_only_the_last_is_growing() {
        let q = Query::parse("acme Sal acme").unwrap();
        assert_eq!(
            q.words().collect::<Vec<_>>(),
            [("sal", false), ("acme", true)]
        );
    }

    #[test]
    fn documents_skip_empty_fields_and_know_where_each_starts() {
        let d = doc(1, 0, &[("Acme", TITLE), ("", SHORT), ("notes here", BODY)]);
        assert_eq!(d.text(), "Acme\nnotes here");
        let fields: Vec<_> = d.fields().collect();
        assert_eq!(fields, [(0, "Acme", TITLE), (5, "notes here", BODY)]);
        assert_eq!(d.field_at(7), (5, "notes here"));
    }
}

//! The words of every searched record, in memory: for each word, the
//! records holding it (with the heaviest field it is in and where it first
//! appears there), and for each record its [`Document`] for titles and
//! snippets. Records come and go one at a time, so a saved draft costs the
//! words of one record, never a rebuild.

use std::collections::{BTreeMap, HashMap};
use std::mem::size_of;
use std::ops::Bound;

use super::text::{compound_at, each_word, normalize, normalize_compound, snippet, word_at};
use super::typo::{Kind, Matcher, typos_allowed};
use super::{Document, Hit, Query, Target};

/// One record holding a word: eight bytes, as there are hundreds of thousands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Posting {
    /// The record's slot in `docs`.
    doc: u32,
    /// The weight of the heaviest field holding the word (top 8 bits) and
    /// where the word first appears there (byte in the text, low 24 bits).
    packed: u32,
}

impl Posting {
    /// Places past 16 MiB of one record's text (beyond every limit) are clamped.
    const AT: u32 = (1 << 24) - 1;

    fn new(doc: u32, weight: u8, at: u32) -> Self {
        Self {
            doc,
            packed: (u32::from(weight) << 24) | at.min(Self::AT),
        }
    }
    fn weight(self) -> u32 {
        self.packed >> 24
    }
    fn at(self) -> u32 {
        self.packed & Self::AT
    }
}

/// The search index: words to records, records to their text.
#[derive(Debug, Default)]
pub struct Index {
    /// Records by slot; a removed record leaves its slot empty.
    docs: Vec<Option<Document>>,
    slots: HashMap<Target, u32>,
    /// Each word's records, in slot order.
    terms: BTreeMap<Box<str>, Vec<Posting>>,
    /// Bumped whenever a word is stored for the first time.
    vocabulary: u64,
    /// What the last query's words matched, for the next keystroke.
    remembered: Remembered,
    scratch: Scratch,
}

/// Typing only extends the last word, and a longer word (with the same
/// typos allowed) matches a subset of what its start matched; so the next
/// keystroke checks only those stored words instead of all of them.
#[derive(Debug, Default)]
struct Remembered {
    /// The vocabulary these were taken from: a newer one may match more.
    vocabulary: u64,
    /// Per typed word: the word, whether it was growing, the stored words it matched.
    words: Vec<(String, bool, Vec<Box<str>>)>,
}

/// Lists longer than this are not remembered (a one-letter start).
const REMEMBER_AT_MOST: usize = 2048;

impl Remembered {
    /// The smallest remembered list that holds every stored word `m` can match.
    fn seed(&self, vocabulary: u64, m: &Matcher) -> Option<&[Box<str>]> {
        if self.vocabulary != vocabulary {
            return None;
        }
        self.words
            .iter()
            .filter(|(w, growing, _)| {
                *growing
                    && m.word().starts_with(w.as_str())
                    && typos_allowed(w.chars().count()) == m.typos()
            })
            .min_by_key(|(_, _, terms)| terms.len())
            .map(|(_, _, terms)| terms.as_slice())
    }
}

/// Buffers reused while cutting a record into words.
#[derive(Debug, Default)]
struct Scratch {
    buf: String,
    /// The compared forms of a record's words, one after another.
    arena: String,
    /// Per word: its range in `arena`, field weight and place in the text.
    words: Vec<(u32, u32, u8, u32)>,
}

impl Scratch {
    /// The distinct words of `doc`, each with its heaviest field and first place there.
    fn words_of(&mut self, doc: &Document) -> impl Iterator<Item = (&str, u8, u32)> {
        self.arena.clear();
        self.words.clear();
        let (arena, words, buf) = (&mut self.arena, &mut self.words, &mut self.buf);
        for (start, field, weight) in doc.fields() {
            each_word(field, buf, |at, _, w| {
                let s = arena.len() as u32;
                arena.push_str(w);
                words.push((s, arena.len() as u32, weight as u8, (start + at) as u32));
            });
        }
        let arena = &self.arena;
        let term = |w: &(u32, u32, u8, u32)| &arena[w.0 as usize..w.1 as usize];
        self.words
            .sort_unstable_by(|a, b| term(a).cmp(term(b)).then(b.2.cmp(&a.2)).then(a.3.cmp(&b.3)));
        self.words.dedup_by(|b, a| term(a) == term(b));
        self.words.iter().map(move |w| (term(w), w.2, w.3))
    }
}

impl Index {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// An index of all `docs`.
    pub fn build(docs: impl IntoIterator<Item = Document>) -> Self {
        let mut index = Self::new();
        for d in docs {
            index.put(d);
        }
        index.shrink();
        index
    }

    /// Gives back the room grown while adding many records.
    pub fn shrink(&mut self) {
        self.docs.shrink_to_fit();
        self.slots.shrink_to_fit();
        for list in self.terms.values_mut() {
            list.shrink_to_fit();
        }
    }

    /// Adds a record, or replaces its earlier version.
    pub fn put(&mut self, mut doc: Document) {
        doc.text.shrink_to_fit();
        doc.fields.shrink_to_fit();
        let slot = match self.slots.get(&doc.target) {
            Some(&slot) => {
                self.unlink(slot);
                slot
            }
            None => {
                let slot = self.docs.len() as u32;
                self.docs.push(None);
                self.slots.insert(doc.target, slot);
                slot
            }
        };
        for (term, weight, at) in self.scratch.words_of(&doc) {
            let p = Posting::new(slot, weight, at);
            let list = match self.terms.get_mut(term) {
                Some(list) => list,
                None => {
                    self.vocabulary += 1;
                    self.terms.entry(term.into()).or_default()
                }
            };
            // New records take the highest slot, so this is nearly always a push.
            match list.last() {
                Some(last) if last.doc > slot => {
                    let i = list.partition_point(|q| q.doc < slot);
                    list.insert(i, p);
                }
                _ => list.push(p),
            }
        }
        self.docs[slot as usize] = Some(doc);
    }

    /// Takes a record out (nothing happens if it is not in).
    pub fn remove(&mut self, target: Target) {
        if let Some(slot) = self.slots.get(&target).copied() {
            self.unlink(slot);
            self.docs[slot as usize] = None;
        }
    }

    /// Removes the words of the record in `slot` (its document stays).
    fn unlink(&mut self, slot: u32) {
        let Some(doc) = self.docs[slot as usize].take() else {
            return;
        };
        for (term, _, _) in self.scratch.words_of(&doc) {
            if let Some(list) = self.terms.get_mut(term) {
                if let Ok(i) = list.binary_search_by_key(&slot, |p| p.doc) {
                    list.remove(i);
                }
                if list.is_empty() {
                    self.terms.remove(term);
                }
            }
        }
        self.docs[slot as usize] = Some(doc);
    }

    /// How many records are in.
    pub fn len(&self) -> usize {
        self.docs.iter().flatten().count()
    }

    /// Whether no record is in.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many distinct words are in.
    pub fn words(&self) -> usize {
        self.terms.len()
    }

    /// A rough count of the bytes the index holds (texts, words, postings, maps).
    pub fn heap_bytes(&self) -> usize {
        let docs: usize = self.docs.iter().flatten().map(Document::heap_bytes).sum();
        let docs = docs + self.docs.capacity() * size_of::<Option<Document>>();
        let slots = self.slots.capacity() * (size_of::<(Target, u32)>() + 1);
        let terms: usize = self
            .terms
            .iter()
            .map(|(t, l)| {
                // key, vector header, and about half a B-tree node slot more
                t.len()
                    + size_of::<(Box<str>, Vec<Posting>)>() * 3 / 2
                    + l.capacity() * size_of::<Posting>()
            })
            .sum();
        docs + slots + terms
    }

    /// The stored words a typed word matches, with how, in sorted order;
    /// only among `seed` when given (see [`Remembered`]).
    fn matching<'s>(
        &'s self,
        m: &mut Matcher,
        seed: Option<&[Box<str>]>,
    ) -> Vec<(&'s str, &'s [Posting], Kind)> {
        if let Some(seed) = seed {
            return seed
                .iter()
                .filter_map(|t| {
                    let kind = m.check(t)?;
                    let (t, l) = self.terms.get_key_value(&**t)?;
                    Some((&**t, l.as_slice(), kind))
                })
                .collect();
        }
        if m.typos() == 0 {
            let word = m.word();
            return self
                .terms
                .range::<str, _>((Bound::Included(word), Bound::Unbounded))
                .take_while(|(t, _)| t.starts_with(word))
                .map(|(t, l)| {
                    let kind = if &**t == word {
                        Kind::Exact
                    } else {
                        Kind::Prefix
                    };
                    (&**t, l.as_slice(), kind)
                })
                .collect();
        }
        self.terms
            .iter()
            .filter_map(|(t, l)| m.check(t).map(|k| (&**t, l.as_slice(), k)))
            .collect()
    }

    /// The best `limit` hits for `query`. What its words matched is kept
    /// for the next keystroke.
    pub fn search(&mut self, query: &Query, limit: usize) -> Vec<Hit> {
        let mut remembered = Vec::new();
        let hits = self.find(query, limit, &mut remembered);
        self.remembered = Remembered {
            vocabulary: self.vocabulary,
            words: remembered,
        };
        hits
    }

    fn find(
        &self,
        query: &Query,
        limit: usize,
        remembered: &mut Vec<(String, bool, Vec<Box<str>>)>,
    ) -> Vec<Hit> {
        let n = self.docs.len();
        let mut matchers = query.matchers();
        // Per record: how many words it matched so far and its score.
        let mut found = vec![0u8; n];
        let mut total = vec![0u32; n];
        // Per word, per record: the best (score, place) of that word there.
        let mut best_of: Vec<Vec<(u32, u32)>> = Vec::with_capacity(matchers.len());
        for (wi, m) in matchers.iter_mut().enumerate() {
            let mut best = vec![(0u32, 0u32); n];
            let seed = self.remembered.seed(self.vocabulary, m);
            let matches = self.matching(m, seed);
            if matches.len() <= REMEMBER_AT_MOST {
                let terms = matches.iter().map(|(t, _, _)| Box::from(*t)).collect();
                remembered.push((m.word().to_string(), m.growing(), terms));
            }
            for (_, postings, kind) in matches {
                for p in postings {
                    let d = p.doc as usize;
                    if usize::from(found[d]) != wi {
                        continue;
                    }
                    let s = kind.score(p.weight());
                    let b = &mut best[d];
                    if s > b.0 || (s == b.0 && p.at() < b.1) {
                        *b = (s, p.at());
                    }
                }
            }
            let mut any = false;
            for (d, b) in best.iter().enumerate() {
                if b.0 > 0 {
                    found[d] += 1;
                    total[d] += b.0;
                    any = true;
                }
            }
            if !any {
                return Vec::new();
            }
            best_of.push(best);
        }
        let words = best_of.len();
        let mut hits: Vec<(u32, &Document)> = found
            .iter()
            .enumerate()
            .filter(|(_, f)| usize::from(**f) == words)
            .filter_map(|(d, _)| Some((d as u32, self.docs[d].as_ref()?)))
            .collect();
        let order = |a: &(u32, &Document), b: &(u32, &Document)| {
            total[b.0 as usize]
                .cmp(&total[a.0 as usize])
                .then(b.1.when.cmp(&a.1.when))
                .then_with(|| a.1.title.cmp(&b.1.title))
                .then(a.0.cmp(&b.0))
        };
        if hits.len() > limit {
            hits.select_nth_unstable_by(limit, order);
            hits.truncate(limit);
        }
        hits.sort_unstable_by(order);
        hits.into_iter()
            .map(|(d, doc)| {
                let d = d as usize;
                let mut matched: Vec<String> = Vec::new();
                let mut top = (0, 0);
                for (best, m) in best_of.iter().zip(matchers.iter_mut()) {
                    let (score, at) = best[d];
                    let w = matched_word(&doc.text, at as usize, m);
                    if !matched.iter().any(|m| m == w) {
                        matched.push(w.to_string());
                    }
                    if score > top.0 {
                        top = (score, at as usize);
                    }
                }
                let (start, field) = doc.field_at(top.1);
                // a match in what the title already says ("Maya Chen") shows
                // the rest of the record instead of the title twice
                let snippet = if !field.trim().is_empty() && doc.title.contains(field.trim()) {
                    doc.context()
                } else {
                    snippet(field, top.1 - start)
                };
                Hit {
                    target: doc.target,
                    title: doc.title.clone(),
                    snippet,
                    score: total[d],
                    matched,
                }
            })
            .collect()
    }
}

/// The stored word a typed word matched at byte `at`, as written: the word
/// there, or the hyphenated compound starting there when that is the better
/// match ("oncall" matched "On-call", "on" matched "On").
fn matched_word<'a>(text: &'a str, at: usize, m: &mut Matcher) -> &'a str {
    let part = word_at(text, at);
    let whole = compound_at(text, at);
    if whole.len() == part.len() {
        return part;
    }
    let part_fit = m.check(&normalize(part)).map_or(0, Kind::factor);
    let whole_fit = m.check(&normalize_compound(whole)).map_or(0, Kind::factor);
    if whole_fit > part_fit { whole } else { part }
}

#[cfg(test)]
mod tests {
    use super::super::{BODY, SHORT, TITLE};
    use super::*;
    use crate::id::LeadId;

    fn lead(n: u128) -> Target {
        Target::Lead(LeadId(uuid::Uuid::from_u128(n)))
    }

    fn doc(n: u128, fields: &[(&str, u32)]) -> Document {
        fields.iter().fold(
            Document::new(lead(n), format!("doc {n}"), 0),
            |d, (t, w)| d.field(t, *w),
        )
    }

    fn targets(index: &mut Index, q: &str) -> Vec<Target> {
        index
            .search(&Query::parse(q).unwrap(), usize::MAX)
            .iter()
            .map(|h| h.target)
            .collect()
    }

    #[test]
    fn a_replaced_record_is_found_by_its_new_words_only() {
        let mut index = Index::build([
            doc(1, &[("Acme", TITLE), ("kubernetes", BODY)]),
            doc(2, &[("Globex", TITLE), ("kubernetes", BODY)]),
        ]);
        index.put(doc(1, &[("Acme", TITLE), ("terraform", BODY)]));
        assert_eq!(targets(&mut index, "kubernetes"), [lead(2)]);
        assert_eq!(targets(&mut index, "terraform"), [lead(1)]);
        assert_eq!(index.len(), 2);
        index.remove(lead(2));
        assert!(targets(&mut index, "kubernetes").is_empty());
        assert!(targets(&mut index, "globex").is_empty());
        assert_eq!(index.words(), 2, "acme, terraform");
    }

    #[test]
    fn replacing_a_record_keeps_postings_in_slot_order() {
        let mut index = Index::build((1..=5).map(|n| doc(n, &[("shared", BODY)])));
        index.put(doc(3, &[("shared words", SHORT)]));
        let list = &index.terms["shared"];
        assert!(list.windows(2).all(|w| w[0].doc < w[1].doc));
        assert_eq!(
            targets(&mut index, "shared")[0],
            lead(3),
            "short beats body"
        );
    }

    #[test]
    fn typing_a_keystroke_at_a_time_answers_like_a_fresh_search() {
        let texts = [
            "the interview was long",
            "interviews and interim reports",
            "an intervention",
            "salary talk with Zoë",
            "salaries are fixed",
            "slary typo in my own notes",
        ];
        let docs: Vec<Document> = (0..texts.len())
            .map(|i| doc(i as u128, &[(texts[i], BODY)]))
            .collect();
        let mut typing = Index::build(docs.clone());
        for typed in ["interview salary", "intervew zoe", "salaries intr", "in sa"] {
            for (i, c) in typed.char_indices() {
                let Some(q) = Query::parse(&typed[..i + c.len_utf8()]) else {
                    continue;
                };
                let fresh = Index::build(docs.clone()).search(&q, usize::MAX);
                assert_eq!(typing.search(&q, usize::MAX), fresh, "{typed:?} at {i}");
            }
        }
        // a new stored word is not missed by what the last keystroke kept
        typing.search(&Query::parse("zo").unwrap(), 10);
        typing.put(doc(99, &[("zoology", BODY)]));
        assert_eq!(targets(&mut typing, "zoo"), [lead(99)]);
    }

    #[test]
    fn a_word_keeps_its_heaviest_field_and_first_place_there() {
        let index = Index::build([doc(
            1,
            &[("note acme", BODY), ("Acme", TITLE), ("acme again", BODY)],
        )]);
        let p = index.terms["acme"][0];
        assert_eq!((p.weight(), p.at()), (TITLE, 10));
    }

    #[test]
    fn the_memory_estimate_grows_with_the_text() {
        let small = Index::build([doc(1, &[("a few words", BODY)])]);
        let big = Index::build((1..=50).map(|n| doc(n, &[("a few more words here", BODY)])));
        assert!(big.heap_bytes() > small.heap_bytes() * 10);
    }
}

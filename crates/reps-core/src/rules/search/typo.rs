//! Typo tolerance: whether a stored word is the typed word, starts with it,
//! or is within a few edits of it.
//!
//! The distance is the optimal-string-alignment form of Damerau–Levenshtein
//! (an insertion, a deletion, a substitution or a swap of two neighbours each
//! count one; `strsim::osa_distance` is the reference the tests check it
//! against). [`Matcher`] walks the stored words in sorted order and keeps the
//! rows of the edit-distance table for the characters a word shares with the
//! one before it, so a vocabulary is one walk over an implicit trie, and a
//! branch that is already too far off is skipped whole. Measured on the
//! ten-year journal (see `benches/search.rs`), that is far quicker than a
//! fresh distance per stored word, and unlike a Levenshtein automaton over a
//! frozen FST it counts a swap as one typo and takes new words as they come.

/// How many typos a word may carry: none up to 3 characters, one up to 7, two beyond.
pub fn typos_allowed(chars: usize) -> u8 {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// How a stored word matched a typed one, worst first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Within the allowed typos.
    Typo,
    /// Starts with the typed word.
    Prefix,
    /// The same word.
    Exact,
}

impl Kind {
    /// A match's score in a field of `weight`: how well the word matched
    /// comes first (an exact word in a note beats a typo in a title), the
    /// field's weight second ([`super::TITLE`] is below [`QUALITY_STEP`]).
    pub fn score(self, weight: u32) -> u32 {
        self.factor() * QUALITY_STEP + weight
    }

    /// How good the match is: 3 exact, 2 a beginning, 1 a typo.
    pub fn factor(self) -> u32 {
        match self {
            Kind::Exact => 3,
            Kind::Prefix => 2,
            Kind::Typo => 1,
        }
    }
}

/// The step between match qualities in a score: above every field weight.
pub const QUALITY_STEP: u32 = 16;

/// One typed word, ready to be compared with many stored words.
#[derive(Debug, Clone)]
pub struct Matcher {
    word: String,
    chars: Vec<char>,
    typos: u8,
    /// The word may still be growing: a stored word matches when one of its
    /// beginnings is within the typos.
    growing: bool,
    /// The characters of the last stored word.
    path: Vec<char>,
    /// Rows of the table, one per character of `path` (plus row 0), flattened.
    rows: Vec<u8>,
    /// Per row: the least distance from the typed word to a beginning of `path` so far.
    best_start: Vec<u8>,
    /// Rows computed: `0..=valid`.
    valid: usize,
    /// Row `valid` is already beyond the typos everywhere: nothing longer can match.
    dead: bool,
}

impl Matcher {
    /// `word` in its compared form; `growing` for the word being typed.
    pub fn new(word: &str, growing: bool) -> Self {
        let chars: Vec<char> = word.chars().collect();
        let m = chars.len();
        let row0: Vec<u8> = (0..=m).map(|i| i as u8).collect();
        Self {
            word: word.to_string(),
            typos: typos_allowed(m),
            growing,
            path: Vec::new(),
            best_start: vec![m as u8],
            rows: row0,
            chars,
            valid: 0,
            dead: false,
        }
    }

    /// The typed word.
    pub fn word(&self) -> &str {
        &self.word
    }

    /// Whether the word may still be growing (the last one typed).
    pub fn growing(&self) -> bool {
        self.growing
    }

    /// How many typos this word may carry.
    pub fn typos(&self) -> u8 {
        self.typos
    }

    /// How `term` (a stored word in compared form) matches, if it does.
    /// Any order is correct; sorted order shares the work between neighbours.
    pub fn check(&mut self, term: &str) -> Option<Kind> {
        if term == self.word {
            return Some(Kind::Exact);
        }
        if term.starts_with(self.word.as_str()) {
            return Some(Kind::Prefix);
        }
        if self.typos == 0 {
            return None;
        }
        let k = self.typos;
        let common = self
            .path
            .iter()
            .zip(term.chars())
            .take_while(|(a, b)| *a == b)
            .count();
        self.path.truncate(common);
        self.path.extend(term.chars().skip(common));
        let len = self.path.len();
        if self.dead && self.valid <= common {
            // This word goes on from a beginning that is already too far off.
            return (self.growing && self.best_start[self.valid] <= k).then_some(Kind::Typo);
        }
        self.valid = self.valid.min(common);
        self.dead = false;
        let m = self.chars.len();
        let w = m + 1;
        self.rows.truncate(w * (self.valid + 1));
        self.best_start.truncate(self.valid + 1);
        let k_len = usize::from(k);
        // Lengths alone rule out a word more than `k` shorter, or (whole
        // words only) more than `k` longer; a growing word needs no row past
        // `m + k`, where every beginning is already too long.
        if len + k_len < m || (!self.growing && len > m + k_len) {
            return None;
        }
        let last = if self.growing {
            len.min(m + k_len)
        } else {
            len
        };
        for j in self.valid + 1..=last {
            let lowest = self.push_row(j);
            self.valid = j;
            if lowest > k {
                self.dead = true;
                break;
            }
        }
        let full = !self.dead && self.valid == len && self.rows[w * len + w - 1] <= k;
        let start = self.growing && self.best_start[self.valid] <= k;
        (full || start).then_some(Kind::Typo)
    }

    /// Computes row `j` (for `path[j - 1]`) from the two before it; returns its least value.
    fn push_row(&mut self, j: usize) -> u8 {
        let m = self.chars.len();
        let w = m + 1;
        let t = self.path[j - 1];
        let t_before = (j > 1).then(|| self.path[j - 2]);
        let prev = w * (j - 1);
        let mut lowest = j as u8;
        self.rows.push(j as u8);
        for i in 1..=m {
            let q = self.chars[i - 1];
            let cost = u8::from(q != t);
            let mut v = (self.rows[prev + i] + 1)
                .min(self.rows[w * j + i - 1] + 1)
                .min(self.rows[prev + i - 1] + cost);
            if i > 1 && t_before == Some(q) && self.chars[i - 2] == t {
                v = v.min(self.rows[w * (j - 2) + i - 2] + 1);
            }
            self.rows.push(v);
            lowest = lowest.min(v);
        }
        let start = self.best_start[j - 1].min(self.rows[w * j + m]);
        self.best_start.push(start);
        lowest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(word: &str, growing: bool, term: &str) -> Option<Kind> {
        Matcher::new(word, growing).check(term)
    }

    #[test]
    fn a_missing_letter_is_one_typo() {
        assert_eq!(kind("intervew", false, "interview"), Some(Kind::Typo));
        assert_eq!(kind("negotiaton", false, "negotiation"), Some(Kind::Typo));
    }

    #[test]
    fn swapped_neighbours_are_one_typo() {
        assert_eq!(kind("slaary", false, "salary"), Some(Kind::Typo));
        assert_eq!(
            kind("slaray", false, "salary"),
            None,
            "two swaps in six letters"
        );
    }

    #[test]
    fn short_words_are_never_typo_matched() {
        assert_eq!(kind("acm", true, "acme"), Some(Kind::Prefix));
        assert_eq!(kind("cat", false, "car"), None);
        assert_eq!(kind("cat", true, "cart"), None);
        assert_eq!(typos_allowed(3), 0);
        assert_eq!(typos_allowed(4), 1);
        assert_eq!(typos_allowed(8), 2);
    }

    #[test]
    fn long_words_take_two_typos() {
        assert_eq!(kind("kubernetis", false, "kubernetes"), Some(Kind::Typo));
        assert_eq!(kind("kuburnetis", false, "kubernetes"), Some(Kind::Typo));
        assert_eq!(kind("kuburnitis", false, "kubernetes"), None);
    }

    #[test]
    fn a_word_being_typed_matches_the_beginning_of_a_longer_one() {
        assert_eq!(kind("interve", true, "interview"), Some(Kind::Typo));
        assert_eq!(kind("interve", false, "interview"), None);
        assert_eq!(kind("acme", true, "acmes"), Some(Kind::Prefix));
        assert_eq!(kind("acme", false, "acme"), Some(Kind::Exact));
    }

    /// Every verdict equals one computed from `strsim`'s distance, whatever the order.
    #[test]
    fn the_shared_walk_agrees_with_the_reference_distance() {
        let mut terms: Vec<String> = [
            "a",
            "ab",
            "abc",
            "acme",
            "acne",
            "acre",
            "act",
            "actual",
            "interim",
            "interview",
            "interviewer",
            "interviews",
            "intervene",
            "salary",
            "salaries",
            "slary",
            "zoe",
            "zoë",
            "zone",
            "kubernetes",
            "kube",
            "cube",
            "négociation",
            "negotiation",
            "negotiate",
            "paris",
            "parts",
            "pairs",
            "apris",
            "arsenal",
            "ca",
            "abc",
            "cab",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        terms.sort();
        terms.dedup();
        let words = [
            "acme",
            "acm",
            "interveiw",
            "intervew",
            "interv",
            "salray",
            "zoe",
            "kubernets",
            "negociation",
            "paris",
            "pari",
            "abc",
            "ca",
            "acnes",
            "x",
        ];
        for growing in [false, true] {
            for w in words {
                let mut walk = Matcher::new(w, growing);
                for t in terms.iter().chain(terms.iter().rev()) {
                    assert_eq!(walk.check(t), reference(w, growing, t), "{w} {growing} {t}");
                }
            }
        }
    }

    fn reference(w: &str, growing: bool, t: &str) -> Option<Kind> {
        if t == w {
            return Some(Kind::Exact);
        }
        if t.starts_with(w) {
            return Some(Kind::Prefix);
        }
        let k = typos_allowed(w.chars().count()) as usize;
        if k == 0 {
            return None;
        }
        if strsim::osa_distance(w, t) <= k {
            return Some(Kind::Typo);
        }
        let chars: Vec<char> = t.chars().collect();
        let start = (0..=chars.len())
            .any(|n| strsim::osa_distance(w, &chars[..n].iter().collect::<String>()) <= k);
        (growing && start).then_some(Kind::Typo)
    }
}

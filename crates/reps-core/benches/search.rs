//! Search while typing, against SQLite FTS5, on the ten-year journal.
//!
//! One run generates the journal (`common`), imports it into a redb
//! [`Journal`] on disk, and puts exactly the same searchable text (each
//! record's [`Document`], its fields grouped by weight into three columns)
//! into an FTS5 table (`porter unicode61 remove_diacritics 2`, prefix index
//! `prefix='2 3 4'`). Then it types a few queries one keystroke at a time and
//! times, for every keystroke, interleaved over the rounds:
//!
//! - Reps: `Journal::search(text, 20)` — every word exact, a start or a typo
//!   away, ranked, snippet and matched words;
//! - FTS5: every word as a prefix (`"word"*`), ranked by `bm25` with the same
//!   column weights (8, 4, 1), top 20 with a `snippet()`. FTS5 has no typo
//!   tolerance, so a misspelt word finds nothing there.
//!
//! It also reports the cold build (the first search after opening), the
//! index's memory (counted by this process's allocator, and estimated by the
//! index itself), a search right after a debrief autosave (one record read
//! again), and the typo matcher against `strsim` over the journal's words.
//!
//! ```text
//! CARGO_TARGET_DIR=… cargo bench -p reps-core --bench search
//! REPS_BENCH_QUICK=1 cargo bench -p reps-core --bench search   # 20× smaller, seconds
//! ```

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::BTreeSet;
use std::error::Error;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rusqlite::{Connection, params};

use common::{FULL, Gen, Generated, LIMIT, NONE, NOW, QUICK, RARE, SEED, Samples, fmt, mib};
use reps_core::rules::search::text::each_word;
use reps_core::rules::search::typo::{Matcher, typos_allowed};
use reps_core::rules::search::{BODY, Document, Index, SHORT, TITLE, Target};
use reps_core::{DebriefBody, Journal, ManualClock, Stamp};

type R<T> = Result<T, Box<dyn Error>>;

/// The goal: one frame per keystroke.
const FRAME: Duration = Duration::from_millis(16);

/// What is typed, a keystroke at a time.
const QUERIES: &[&str] = &[
    "intervew acme",
    "salary negotiaton",
    "zoe",
    "helene",
    "kubernets upgrade",
    "team lunch",
    NONE,
];

// ---------------------------------------------------------------- memory

/// The system allocator, counting the bytes in use.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to `System`; only a counter is added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Ordering::Relaxed);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn live() -> usize {
    LIVE.load(Ordering::Relaxed)
}

// ---------------------------------------------------------------- FTS5

fn documents(g: &Generated) -> Vec<Document> {
    let b = &g.backup;
    let mut docs: Vec<Document> = Vec::new();
    docs.extend(b.leads.iter().map(Document::lead));
    docs.extend(b.interviews.iter().map(Document::interview));
    docs.extend(b.debriefs.iter().map(Document::debrief));
    docs.extend(b.contacts.iter().map(Document::contact));
    docs
}

fn target_key(t: Target) -> (i64, Vec<u8>) {
    let (kind, id) = match t {
        Target::Lead(id) => (0, id.key()),
        Target::Interview(id) => (1, id.key()),
        Target::Debrief(id) => (2, id.key()),
        Target::Contact(id) => (3, id.key()),
    };
    (kind, id.to_be_bytes().to_vec())
}

/// The FTS5 table over the documents; returns how long the load took.
fn fts_load(conn: &Connection, docs: &[Document]) -> R<Duration> {
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         PRAGMA synchronous = FULL;
         CREATE VIRTUAL TABLE docs USING fts5(
             kind UNINDEXED, id UNINDEXED, title UNINDEXED, heavy, short, body,
             tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3 4');",
    )?;
    let t = Instant::now();
    conn.execute_batch("BEGIN")?;
    {
        let mut ins = conn.prepare(
            "INSERT INTO docs (kind, id, title, heavy, short, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for d in docs {
            let mut cols = [String::new(), String::new(), String::new()];
            for (_, text, weight) in d.fields() {
                let c = match weight {
                    TITLE => &mut cols[0],
                    SHORT => &mut cols[1],
                    BODY => &mut cols[2],
                    other => return Err(format!("unexpected weight {other}").into()),
                };
                if !c.is_empty() {
                    c.push('\n');
                }
                c.push_str(text);
            }
            let (kind, id) = target_key(d.target);
            ins.execute(params![kind, id, d.title, cols[0], cols[1], cols[2]])?;
        }
    }
    conn.execute_batch("COMMIT; INSERT INTO docs(docs) VALUES ('optimize');")?;
    Ok(t.elapsed())
}

/// One FTS5 hit, read as the app would show it.
#[allow(dead_code)]
struct FtsHit {
    kind: i64,
    id: Vec<u8>,
    title: String,
    snippet: String,
}

/// The typed text as an FTS5 query: every word a prefix; `None` when empty.
fn fts_query(text: &str) -> Option<String> {
    let mut words = Vec::new();
    each_word(text, &mut String::new(), |_, _, w| {
        words.push(format!("\"{w}\"*"))
    });
    (!words.is_empty()).then(|| words.join(" "))
}

fn fts_search(stmt: &mut rusqlite::Statement<'_>, text: &str) -> R<Vec<FtsHit>> {
    let Some(q) = fts_query(text) else {
        return Ok(Vec::new());
    };
    let rows = stmt.query_map(params![q, LIMIT as i64], |r| {
        Ok(FtsHit {
            kind: r.get(0)?,
            id: r.get(1)?,
            title: r.get(2)?,
            snippet: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

// ---------------------------------------------------------------- main

/// One keystroke's timings on both sides.
struct Key {
    text: String,
    reps_hits: usize,
    fts_hits: usize,
    reps: Samples,
    fts: Samples,
}

fn max(s: &Samples) -> Duration {
    s.0.iter().copied().max().unwrap_or_default()
}

fn main() -> R<()> {
    let quick = common::quick();
    let (scale, rounds, builds) = if quick { (QUICK, 3, 2) } else { (FULL, 20, 5) };
    let base = std::env::temp_dir().join("reps-bench");
    std::fs::create_dir_all(&base)?;
    let dir = tempfile::Builder::new()
        .prefix("search-")
        .tempdir_in(&base)?;
    let now: Stamp = NOW.parse()?;
    let clock = Arc::new(ManualClock::new(now));
    println!(
        "reps search benchmark ({}), {rounds} rounds per keystroke, files in {}",
        if quick { "QUICK, 20× smaller" } else { "full" },
        dir.path().display()
    );

    // 1. The same journal on both sides.
    let g = Gen::new(now, scale, SEED).build();
    let docs = documents(&g);
    let text_bytes: usize = docs.iter().map(|d| d.text().len()).sum();
    let mut vocab = BTreeSet::new();
    let mut words_total = 0usize;
    for d in &docs {
        each_word(d.text(), &mut String::new(), |_, _, w| {
            words_total += 1;
            if !vocab.contains(w) {
                vocab.insert(w.to_string());
            }
        });
    }
    println!(
        "searched records: {} ({} leads, {} interviews, {} debriefs, {} contacts), {} of text, {} words, {} distinct",
        docs.len(),
        g.backup.leads.len(),
        g.backup.interviews.len(),
        g.backup.debriefs.len(),
        g.backup.contacts.len(),
        mib(text_bytes as u64),
        words_total,
        vocab.len()
    );
    let path = dir.path().join("journal.redb");
    let journal = Journal::open(&path, clock.clone())?;
    journal.import(g.backup.clone())?;
    let conn = Connection::open(dir.path().join("fts.sqlite"))?;
    let fts_build = fts_load(&conn, &docs)?;
    let mut stmt = conn.prepare(
        "SELECT kind, id, title, snippet(docs, -1, '', '', '…', 12)
         FROM docs WHERE docs MATCH ?1
         ORDER BY bm25(docs, 0.0, 0.0, 0.0, 8.0, 4.0, 1.0) LIMIT ?2",
    )?;

    // 2. The cold build: the first search after opening.
    drop(journal);
    let mut build = Samples::default();
    let mut first = 0;
    for _ in 0..builds {
        let j = Journal::open(&path, clock.clone())?;
        j.export()?; // redb's page cache warmed first, so the count below is the index
        let before = live();
        build.time(|| j.prepare_search())?;
        first = live().saturating_sub(before);
    }
    let before = live();
    let index = Index::build(docs.iter().cloned());
    let (held, estimate) = (live().saturating_sub(before), index.heap_bytes());
    drop(index);
    let journal = Journal::open(&path, clock.clone())?;
    let rare = journal.search(RARE, usize::MAX)?;
    let none = journal.search(NONE, usize::MAX)?;
    assert!(
        rare.len() >= 5 && none.is_empty(),
        "planted words: {} / {}",
        rare.len(),
        none.len()
    );
    assert!(
        rare.iter()
            .all(|h| h.matched.iter().any(|m| m.eq_ignore_ascii_case(RARE))),
        "every '{RARE}' hit names the word"
    );

    // 3. Keystroke by keystroke, the two sides interleaved.
    let mut keys: Vec<Vec<Key>> = QUERIES
        .iter()
        .map(|q| {
            q.char_indices()
                .map(|(i, c)| q[..i + c.len_utf8()].to_string())
                .map(|text| Key {
                    text,
                    reps_hits: 0,
                    fts_hits: 0,
                    reps: Samples::default(),
                    fts: Samples::default(),
                })
                .collect()
        })
        .collect();
    for round in 0..rounds + 1 {
        for query in keys.iter_mut() {
            for k in query.iter_mut() {
                let reps_first = round % 2 == 0;
                let (mut a, mut b) = (Samples::default(), Samples::default());
                let (hits, fts) = if reps_first {
                    let h = a.time(|| journal.search(&k.text, LIMIT))?;
                    (h, b.time(|| fts_search(&mut stmt, &k.text))?)
                } else {
                    let f = b.time(|| fts_search(&mut stmt, &k.text))?;
                    (a.time(|| journal.search(&k.text, LIMIT))?, f)
                };
                // round 0 warms caches and is not counted
                if round > 0 {
                    k.reps.0.extend(a.0);
                    k.fts.0.extend(b.0);
                }
                k.reps_hits = hits.len();
                k.fts_hits = fts.len();
            }
        }
    }

    // 4. A search right after a debrief autosave: one record read again.
    let d = g.autosave;
    let body = journal.debrief(d)?.body;
    let mut after_edit = Samples::default();
    let mut edit = Samples::default();
    for i in 0..rounds.max(3) {
        let b = DebriefBody {
            notes: format!("{} draft {i} mentions quarantine", body.notes),
            ..body.clone()
        };
        edit.time(|| journal.save_debrief(d, b))?;
        let hits = after_edit.time(|| journal.search("quarantine", LIMIT))?;
        assert_eq!(hits.len(), 1, "the draft's new word is found at once");
    }

    // 5. The typo matcher against a fresh `strsim` distance per stored word.
    let typos = ["intervew", "negotiaton", "kubernets", "salray", "helene"];
    let (mut walk, mut fresh) = (Samples::default(), Samples::default());
    let mut agree = true;
    for _ in 0..rounds.max(3) {
        for w in typos {
            let k = usize::from(typos_allowed(w.chars().count()));
            let a = walk.time(|| {
                let mut m = Matcher::new(w, false);
                vocab.iter().filter(|t| m.check(t).is_some()).count()
            });
            let b = fresh.time(|| {
                vocab
                    .iter()
                    .filter(|t| t.starts_with(w) || strsim::osa_distance(w, t) <= k)
                    .count()
            });
            agree &= a == b;
        }
    }
    assert!(agree, "the walk and strsim find the same words");

    // 6. A vocabulary far larger than the generator's: 50,000 extra
    // distinct made-up words (random letters, 3 to 12 of them) in extra
    // notes, searched through the same index code (not the journal).
    let extra = if quick { 2_500 } else { 50_000 };
    let mut rng = common::Rng(SEED);
    let mut big_vocab = vocab.clone();
    let mut made = Vec::new();
    while made.len() < extra {
        let n = 3 + rng.below(10) as usize;
        let w: String = (0..n)
            .map(|_| (b'a' + rng.below(26) as u8) as char)
            .collect();
        if big_vocab.insert(w.clone()) {
            made.push(w);
        }
    }
    let mut big_docs = docs.clone();
    for (i, chunk) in made.chunks(10).enumerate() {
        big_docs.push(
            Document::new(
                Target::Debrief(reps_core::DebriefId::from_key(u128::MAX - i as u128)),
                format!("extra {i}"),
                0,
            )
            .field(&chunk.join(" "), BODY),
        );
    }
    let mut big = Index::build(big_docs);
    let big_query = QUERIES[0];
    let mut big_keys = Samples::default();
    for _ in 0..rounds {
        for (i, c) in big_query.char_indices() {
            let q = reps_core::rules::search::Query::parse(&big_query[..i + c.len_utf8()]);
            if let Some(q) = q {
                big_keys.time(|| big.search(&q, LIMIT));
            }
        }
    }
    let (mut big_walk, mut big_fresh) = (Samples::default(), Samples::default());
    for _ in 0..rounds.max(3) {
        for w in typos {
            let k = usize::from(typos_allowed(w.chars().count()));
            let a = big_walk.time(|| {
                let mut m = Matcher::new(w, false);
                big_vocab.iter().filter(|t| m.check(t).is_some()).count()
            });
            let b = big_fresh.time(|| {
                big_vocab
                    .iter()
                    .filter(|t| t.starts_with(w) || strsim::osa_distance(w, t) <= k)
                    .count()
            });
            assert_eq!(a, b, "the walk and strsim find the same words for {w}");
        }
    }

    // 7. The table.
    println!();
    println!(
        "{:<20} | {:>5} {:>9} {:>9} {:>9} | {:>5} {:>9} {:>9} {:>9}",
        "typed", "Reps", "median", "p95", "max", "FTS5", "median", "p95", "max"
    );
    println!("{}", "-".repeat(20 + 3 + 35 + 3 + 35));
    let (mut all_reps, mut all_fts) = (Samples::default(), Samples::default());
    let mut worst_p95 = (Duration::ZERO, String::new());
    for query in &keys {
        for k in query {
            println!(
                "{:<20} | {:>5} {:>9} {:>9} {:>9} | {:>5} {:>9} {:>9} {:>9}",
                format!("'{}'", k.text),
                k.reps_hits,
                fmt(k.reps.median()),
                fmt(k.reps.p95()),
                fmt(max(&k.reps)),
                k.fts_hits,
                fmt(k.fts.median()),
                fmt(k.fts.p95()),
                fmt(max(&k.fts)),
            );
            all_reps.0.extend(&k.reps.0);
            all_fts.0.extend(&k.fts.0);
            if k.reps.p95() > worst_p95.0 {
                worst_p95 = (k.reps.p95(), k.text.clone());
            }
        }
        println!("{}", "-".repeat(20 + 3 + 35 + 3 + 35));
    }
    println!(
        "{:<20} | {:>5} {:>9} {:>9} {:>9} | {:>5} {:>9} {:>9} {:>9}",
        "every keystroke",
        "",
        fmt(all_reps.median()),
        fmt(all_reps.p95()),
        fmt(max(&all_reps)),
        "",
        fmt(all_fts.median()),
        fmt(all_fts.p95()),
        fmt(max(&all_fts)),
    );
    println!(
        "(hits = rows shown, at most {LIMIT}; FTS5 matches every word as a prefix and has no typo tolerance, so a misspelt word finds nothing there)"
    );
    println!();
    println!(
        "index build (Journal::prepare_search, or else the first search, after opening; reads every record): median {} of {builds}; FTS5 table load (once): {}",
        fmt(build.median()),
        fmt(fts_build)
    );
    println!(
        "index memory: {} (allocator count of the built index; its own estimate {}); the journal holds {} more after its first search; FTS5 file {}",
        mib(held as u64),
        mib(estimate as u64),
        mib(first as u64),
        mib(common::file_size(&dir.path().join("fts.sqlite"))
            + common::file_size(&dir.path().join("fts.sqlite-wal"))),
    );
    println!(
        "after a debrief autosave (save_debrief median {}): the next search {} (one record read again and re-indexed)",
        fmt(edit.median()),
        fmt(after_edit.median())
    );
    println!(
        "typo matching over the {} distinct words, per typed word: trie walk {} / strsim::osa_distance per word {} (same words found)",
        vocab.len(),
        fmt(walk.median()),
        fmt(fresh.median())
    );
    println!(
        "with {} distinct words ({} made up): '{big_query}' typed, per keystroke median {} / p95 {} / max {}; typo matching per word: trie walk {} / strsim {}",
        big_vocab.len(),
        extra,
        fmt(big_keys.median()),
        fmt(big_keys.p95()),
        fmt(max(&big_keys)),
        fmt(big_walk.median()),
        fmt(big_fresh.median())
    );
    println!();
    let p95_ok = all_reps.p95() <= FRAME;
    let median_ok = all_reps.median() <= all_fts.median();
    println!(
        "{}: p95 per keystroke ≤ 16 ms — Reps p95 {} over every keystroke (worst keystroke '{}': p95 {})",
        if p95_ok { "PASS" } else { "FAIL" },
        fmt(all_reps.p95()),
        worst_p95.1,
        fmt(worst_p95.0)
    );
    println!(
        "{}: not slower than FTS5 (median) — Reps {} vs FTS5 {} ({:.2}×)",
        if median_ok { "PASS" } else { "FAIL" },
        fmt(all_reps.median()),
        fmt(all_fts.median()),
        common::ratio(all_reps.median(), all_fts.median())
    );
    Ok(())
}

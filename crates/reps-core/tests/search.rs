//! Search through the journal: the index follows every committed change,
//! ignores every aborted one, survives imports and reopening, and answers
//! exactly like a plain scan over every record.

mod common;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use common::*;
use proptest::prelude::*;
use reps_core::rules::search::text::each_word;
use reps_core::rules::search::typo::typos_allowed;
use reps_core::rules::search::{Document, Hit, Query, Target};
use reps_core::*;

const NOW: &str = "2026-03-10T09:00:00+01:00[Europe/Paris]";

fn titles(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.title.as_str()).collect()
}

fn lead(j: &Journal, company: &str, seen: &str) -> Lead {
    let mut d = LeadDetails::new(company, "Backend Engineer", Source::JobBoard);
    d.seen = seen.into();
    j.add_lead(d).unwrap()
}

#[test]
fn a_saved_draft_is_found_at_once_without_reopening() {
    let (j, _) = memory(NOW);
    let l = lead(&j, "Acme", "");
    assert!(
        j.search("kubernetes", 10).unwrap().is_empty(),
        "builds the index"
    );
    let d = j.start_debrief(None, Some(l.id)).unwrap();
    for draft in ["They run Kube", "They run Kubernetes on bare metal"] {
        j.save_debrief(
            d.id,
            DebriefBody {
                notes: draft.into(),
                ..Default::default()
            },
        )
        .unwrap();
    }
    let hits = j.search("kubernetes metal", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].target, Target::Debrief(d.id));
    assert_eq!(hits[0].matched, ["Kubernetes", "metal"]);
    assert!(hits[0].snippet.contains("Kubernetes"));
    assert!(
        j.search("kube run", 10).unwrap().len() == 1,
        "a start still matches"
    );

    j.save_debrief(d.id, DebriefBody::default()).unwrap();
    assert!(
        j.search("kubernetes", 10).unwrap().is_empty(),
        "old words go"
    );
}

#[test]
fn typos_starts_and_accents_find_records_of_every_kind() {
    let (j, _) = memory(NOW);
    let l = lead(&j, "Acme", "Long interview process");
    let c = j
        .add_contact(ContactDetails {
            name: "Zoë Martin".into(),
            company: "Acme".into(),
            ..Default::default()
        })
        .unwrap();
    let hits = j.search("intervew acm", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].target, Target::Lead(l.id));
    assert_eq!(hits[0].matched, ["interview", "Acme"]);
    let hits = j.search("zoe", 10).unwrap();
    assert_eq!(hits[0].target, Target::Contact(c.id));
    assert_eq!(hits[0].matched, ["Zoë"]);
    // a title match (the lead's company) ranks above a short field (the contact's)
    assert_eq!(
        titles(&j.search("acme", 10).unwrap())[0],
        "Acme — Backend Engineer"
    );
}

#[test]
fn a_command_that_fails_after_writing_changes_nothing_in_search() {
    let (j, _) = memory(NOW);
    let l = lead(&j, "Acme", "");
    let d = j.start_debrief(None, Some(l.id)).unwrap();
    assert!(j.search("secretword", 10).unwrap().is_empty());
    // The body is written first; the promised date has no day after it, so
    // the follow-up step fails and the whole transaction is aborted.
    let err = j
        .save_debrief(
            d.id,
            DebriefBody {
                notes: "secretword".into(),
                next_step: "They will call".into(),
                next_step_by: Some(NaiveDate::MAX),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert!(!matches!(err, Error::Disk(_)), "{err:?}");
    assert!(j.search("secretword", 10).unwrap().is_empty());
    assert!(j.debrief(d.id).unwrap().body.notes.is_empty());

    // An invalid command is refused before it writes: nothing changes either.
    let before = j.search("acme", 10).unwrap();
    assert!(
        j.edit_lead(l.id, LeadDetails::new("", "Engineer", Source::JobBoard))
            .is_err()
    );
    assert_eq!(j.search("acme", 10).unwrap(), before);
}

#[test]
fn imported_records_are_found() {
    let (from, _) = memory(NOW);
    for i in 0..300 {
        lead(&from, &format!("Company{i}"), "met at the meetup");
    }
    lead(&from, "Globex", "Globex wants Terraform");
    let backup = from.export().unwrap();

    let (j, _) = memory(NOW);
    lead(&j, "Acme", "Terraform everywhere");
    assert_eq!(j.search("terraform", 10).unwrap().len(), 1, "index built");
    j.import(backup).unwrap();
    let hits = j.search("terraform", 10).unwrap();
    assert_eq!(hits.len(), 2);
    // its neighbours are a typo or two away; the record itself comes first
    assert_eq!(
        j.search("company299", 10).unwrap()[0].title,
        "Company299 — Backend Engineer"
    );
    assert_eq!(j.search("meetup", 500).unwrap().len(), 300);

    // a small import updates the index record by record
    let (small, _) = memory(NOW);
    lead(&small, "Initech", "TPS reports");
    j.import(small.export().unwrap()).unwrap();
    assert_eq!(j.search("initech", 10).unwrap().len(), 1);
}

#[test]
fn a_reopened_journal_builds_its_index_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.redb");
    {
        let j = Journal::open(&path, clock(NOW)).unwrap();
        lead(&j, "Acme", "remote friendly");
        assert_eq!(j.search("remote", 10).unwrap().len(), 1);
        let j = j.reopen().unwrap();
        lead(&j, "Globex", "remote first");
        assert_eq!(j.search("remote", 10).unwrap().len(), 2);
    }
    let j = Journal::open(&path, clock(NOW)).unwrap();
    j.prepare_search().unwrap();
    assert_eq!(j.search("remot", 10).unwrap().len(), 2);
}

// ---------------------------------------------------------------- the model

/// Words the random records and queries are made of: neighbours a typo
/// apart, starts of each other, accents, short words.
const WORDS: &[&str] = &[
    "interview",
    "Interviews",
    "interim",
    "salary",
    "salaries",
    "slary",
    "Zoë",
    "zoe",
    "zone",
    "Acme",
    "acne",
    "ace",
    "came",
    "kubernetes",
    "kube",
    "on-call",
    "on",
    "call",
    "oncall",
    "Follow-up",
    "team",
    "tea",
    "lunch",
    "négociation",
    "negotiation",
    "negotiable",
    "Paris",
    "parts",
    "pairs",
    "ca",
    "cab",
    "abc",
    "x",
];

#[derive(Debug, Clone)]
enum Op {
    AddLead(String, String),
    EditLead(usize, String),
    AddContact(String, String),
    AddDebrief(String),
    SaveDebrief(usize, String),
    Search(String),
    /// A query typed a keystroke at a time, each checked.
    Type(String),
}

fn words(n: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), n).prop_map(|w| w.join(" "))
}

/// A word as typed: whole, cut short, with a letter dropped or two swapped.
fn typed() -> impl Strategy<Value = String> {
    (
        prop::sample::select(WORDS),
        0usize..4,
        any::<prop::sample::Index>(),
    )
        .prop_map(|(w, how, at)| {
            let chars: Vec<char> = w.chars().collect();
            let i = at.index(chars.len());
            let mut c = chars.clone();
            match how {
                1 => c.truncate(i.max(1)),
                2 if c.len() > 1 => {
                    c.remove(i);
                }
                3 if i + 1 < c.len() => c.swap(i, i + 1),
                _ => {}
            }
            c.into_iter().collect()
        })
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (prop::sample::select(WORDS), words(0..5)).prop_map(|(c, s)| Op::AddLead(c.into(), s)),
        (any::<usize>(), words(0..5)).prop_map(|(i, s)| Op::EditLead(i, s)),
        (prop::sample::select(WORDS), words(0..4)).prop_map(|(n, s)| Op::AddContact(n.into(), s)),
        words(0..6).prop_map(Op::AddDebrief),
        (any::<usize>(), words(0..6)).prop_map(|(i, s)| Op::SaveDebrief(i, s)),
        prop::collection::vec(typed(), 1..4).prop_map(|w| Op::Search(w.join(" "))),
        prop::collection::vec(typed(), 1..3).prop_map(|w| Op::Type(w.join(" "))),
    ]
}

/// How a typed word matches a stored one, from `strsim`'s distance: 3 the
/// same word, 2 its start, 1 a typo, 0 no match.
fn factor(word: &str, growing: bool, term: &str) -> u32 {
    if term == word {
        return 3;
    }
    if term.starts_with(word) {
        return 2;
    }
    let k = usize::from(typos_allowed(word.chars().count()));
    if k == 0 {
        return 0;
    }
    let chars: Vec<char> = term.chars().collect();
    let start = growing
        && (0..=chars.len())
            .any(|n| strsim::osa_distance(word, &chars[..n].iter().collect::<String>()) <= k);
    u32::from(strsim::osa_distance(word, term) <= k || start)
}

/// What a hit should be, by reading every word of every record.
fn scan(docs: &[Document], q: &Query) -> Vec<(Target, u32, i64, String, Vec<String>, String)> {
    let mut out = Vec::new();
    for d in docs {
        let mut total = 0;
        let mut matched: Vec<String> = Vec::new();
        let mut top = (0, String::new());
        let mut all = true;
        for (w, growing) in q.words() {
            let mut best = (0, usize::MAX, String::new(), String::new());
            for (start, field, weight) in d.fields() {
                each_word(field, &mut String::new(), |at, orig, norm| {
                    // quality first (16 apart, above every weight), weight second
                    let s = match factor(w, growing, norm) {
                        0 => 0,
                        f => f * 16 + weight,
                    };
                    if s > best.0 || (s > 0 && s == best.0 && start + at < best.1) {
                        best = (s, start + at, orig.to_string(), field.to_string());
                    }
                });
            }
            if best.0 == 0 {
                all = false;
                break;
            }
            total += best.0;
            if !matched.contains(&best.2) {
                matched.push(best.2.clone());
            }
            if best.0 > top.0 {
                top = (best.0, best.3.clone());
            }
        }
        if all {
            out.push((d.target, total, d.when, d.title.clone(), matched, top.1));
        }
    }
    out.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.3.cmp(&b.3)));
    out
}

fn documents(j: &Journal) -> Vec<Document> {
    let b = j.export().unwrap();
    let mut docs: Vec<Document> = b.leads.iter().map(Document::lead).collect();
    docs.extend(b.interviews.iter().map(Document::interview));
    docs.extend(b.debriefs.iter().map(Document::debrief));
    docs.extend(b.contacts.iter().map(Document::contact));
    docs
}

fn check(j: &Journal, text: &str) -> Result<(), TestCaseError> {
    let hits = j.search(text, usize::MAX).unwrap();
    let Some(q) = Query::parse(text) else {
        prop_assert!(hits.is_empty());
        return Ok(());
    };
    let docs = documents(j);
    let want = scan(&docs, &q);
    prop_assert_eq!(hits.len(), want.len(), "{:?}", text);
    let by_target: BTreeMap<String, &Hit> = hits
        .iter()
        .map(|h| (format!("{:?}", h.target), h))
        .collect();
    for (i, (target, score, _, title, matched, field)) in want.iter().enumerate() {
        // the order, up to records that tie on everything the ranking looks at
        prop_assert_eq!(
            (hits[i].score, &hits[i].title),
            (*score, title),
            "{:?}",
            text
        );
        let h = by_target[&format!("{target:?}")];
        prop_assert_eq!(h.score, *score);
        prop_assert_eq!(&h.matched, matched, "{:?}", text);
        // the snippet comes from the field of the best match and shows it,
        // unless the title already says that field: then the rest of the record
        if !field.trim().is_empty() && title.contains(field.trim()) {
            let doc = docs.iter().find(|d| d.target == *target).unwrap();
            prop_assert_eq!(&h.snippet, &doc.context(), "{:?}", text);
            continue;
        }
        let shown = h.snippet.trim_matches('…');
        let field = field.split_whitespace().collect::<Vec<_>>().join(" ");
        prop_assert!(field.contains(shown), "{:?} not in {:?}", shown, field);
    }
    Ok(())
}

/// `PROPTEST_CASES` cases (64 by default); a failure prints its minimal
/// sequence rather than writing a file into the source tree.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    /// After any mix of changes, the index answers exactly like a scan.
    #[test]
    fn the_index_answers_like_a_scan_of_every_record(ops in prop::collection::vec(op(), 1..40)) {
        let (j, c) = memory(NOW);
        let (mut leads, mut debriefs) = (Vec::new(), Vec::new());
        for op in &ops {
            c.advance(chrono::Duration::minutes(7));
            match op {
                Op::AddLead(company, seen) => leads.push(lead(&j, company, seen).id),
                Op::EditLead(i, seen) if !leads.is_empty() => {
                    let id = leads[i % leads.len()];
                    let mut d = j.lead(id).unwrap().details;
                    d.seen = seen.clone();
                    j.edit_lead(id, d).unwrap();
                }
                Op::AddContact(name, notes) => {
                    j.add_contact(ContactDetails {
                        name: name.clone(),
                        notes: notes.clone(),
                        ..Default::default()
                    })
                    .unwrap();
                }
                Op::AddDebrief(notes) => {
                    let body = DebriefBody { notes: notes.clone(), ..Default::default() };
                    debriefs.push(j.capture_debrief(None, None, body).unwrap().id);
                }
                Op::SaveDebrief(i, notes) if !debriefs.is_empty() => {
                    let people = if notes.is_empty() { vec![] } else { vec![notes.clone()] };
                    let body = DebriefBody { people, ..Default::default() };
                    j.save_debrief(debriefs[i % debriefs.len()], body).unwrap();
                }
                Op::Search(text) => check(&j, text)?,
                Op::Type(text) => {
                    for (i, c) in text.char_indices() {
                        check(&j, &text[..i + c.len_utf8()])?;
                    }
                }
                _ => {}
            }
        }
        check(&j, "interview")?;
        check(&j, "sal zo")?;
    }
}

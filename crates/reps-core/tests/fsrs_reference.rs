//! Reps' practice schedule against the reference: the Python `fsrs` package
//! (open-spaced-repetition's own scheduler, pinned in
//! tests/fsrs/requirements.txt) is given the same rating sequences at the
//! same times, set up as Reps uses FSRS (default FSRS-6 parameters, 90%
//! retention, no learning steps, one relearning step of a day, no fuzz, at
//! most 60 days between practices), and must give the same due time after
//! every review.
//!
//! Without Python's `fsrs` the test says so and passes, unless
//! `REPS_REQUIRE_FORMAT_TOOLS=1` (set by `./reps.sh test`), when it fails.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::at;
use reps_core::rules::practice::schedule_of;
use reps_core::{Grade, Review, Stamp};

fn reference_available() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import fsrs"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        assert!(
            std::env::var("REPS_REQUIRE_FORMAT_TOOLS").as_deref() != Ok("1"),
            "Python's fsrs is not installed but REPS_REQUIRE_FORMAT_TOOLS=1 \
             (pip install -r tests/fsrs/requirements.txt)"
        );
        eprintln!(
            "SKIPPED: Python's fsrs is not installed; the schedule was not checked against it"
        );
    }
    ok
}

/// A small, fixed pseudo-random source, so every run checks the same sequences.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

/// Rating sequences as people give them: practised on the day it comes
/// back, early, late, twice the same day, after a long break; every grade.
fn sequences() -> Vec<Vec<Review>> {
    let mut rng = Lcg(0x5eed);
    let mut out = Vec::new();
    for n in 0..400 {
        let mut t = at("2026-01-05T08:30:00Z[UTC]").utc();
        let len = 1 + rng.next(12) as usize;
        let mut reviews = Vec::new();
        for _ in 0..len {
            let grade = match rng.next(10) {
                0 | 1 => Grade::Again,
                2 | 3 => Grade::Hard,
                4..=7 => Grade::Good,
                _ => Grade::Easy,
            };
            reviews.push(Review {
                at: Stamp::new(t, chrono_tz::UTC),
                grade,
                seconds: None,
            });
            // the next practice: hours later, days later, or after months
            let gap_minutes = match (n + rng.next(7) as usize) % 7 {
                0 => rng.next(600),
                1..=4 => rng.next(20) * 1440 + rng.next(1440),
                5 => rng.next(90) * 1440,
                _ => rng.next(400) * 1440 + rng.next(1440),
            };
            t += chrono::Duration::minutes(gap_minutes as i64);
        }
        out.push(reviews);
    }
    // the plain cases, spelled out
    let day = |d: &str| Stamp::new(at(d).utc(), chrono_tz::UTC);
    for grade in [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy] {
        out.push(vec![Review {
            at: day("2026-03-01T09:00:00Z[UTC]"),
            grade,
            seconds: None,
        }]);
    }
    out
}

fn iso(s: Stamp) -> String {
    s.utc().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

#[test]
fn every_due_time_matches_the_python_reference_scheduler() {
    if !reference_available() {
        return;
    }
    let cards = sequences();
    let input: Vec<Vec<(String, u32)>> = cards
        .iter()
        .map(|reviews| {
            reviews
                .iter()
                .map(|r| (iso(r.at), r.grade.number()))
                .collect()
        })
        .collect();
    let script =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fsrs/reference.py");
    let mut child = Command::new("python3")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(serde_json::to_string(&input).unwrap().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "the reference script failed");
    let reference: Vec<Vec<String>> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(reference.len(), cards.len());
    let created = at("2026-01-01T00:00:00Z[UTC]");
    let mut checked = 0;
    for (n, (reviews, want)) in cards.iter().zip(&reference).enumerate() {
        for k in 1..=reviews.len() {
            let ours = schedule_of(created, &reviews[..k]);
            assert_eq!(
                iso(ours.due),
                want[k - 1],
                "card {n}, after review {k} of {:?}",
                &reviews[..k]
                    .iter()
                    .map(|r| (iso(r.at), r.grade))
                    .collect::<Vec<_>>()
            );
            checked += 1;
        }
    }
    eprintln!(
        "{checked} due times match the reference over {} cards",
        cards.len()
    );
    assert!(checked > 1_000);
}

//! Launch benchmark: time from process start to the capture field being ready,
//! Reps on a ten-year journal (`--capture`) versus a bare Dioxus window with
//! one text field, interleaved in one run under Xvfb. Prints its figures.
//!
//! `cargo bench -p reps --bench launch` (release build; needs Xvfb).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use reps_core::formats::backup::{Backup, FORMAT, VERSION};
use reps_core::*;

const ROUNDS: usize = 12;

fn main() {
    let quick = std::env::var_os("REPS_BENCH_QUICK").is_some();
    let dir = tempfile::tempdir().expect("temp dir");
    let scale = if quick { 20 } else { 1 };
    let made = Instant::now();
    let counts = ten_year_journal(&dir.path().join("journal.redb"), scale);
    println!(
        "journal: {counts:?} built in {:.1} s",
        made.elapsed().as_secs_f64()
    );

    let n = 120 + std::process::id() % 40;
    let display = format!(":{n}");
    let mut xvfb = Command::new("Xvfb")
        .args([&display, "-screen", "0", "390x844x24", "-nolisten", "tcp"])
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb");
    std::thread::sleep(Duration::from_millis(800));

    let reps = env!("CARGO_BIN_EXE_reps");
    let floor = env!("CARGO_BIN_EXE_launch-floor");
    let data = dir.path().to_str().unwrap();
    let rounds = if quick { 2 } else { ROUNDS };
    let (mut a, mut b) = (Vec::new(), Vec::new());
    // one warm-up of each (page cache, fontconfig), then interleaved rounds
    ready_ms(floor, &[], &display);
    ready_ms(reps, &["--capture", "--data-dir", data], &display);
    for _ in 0..rounds {
        b.push(ready_ms(floor, &[], &display));
        a.push(ready_ms(reps, &["--capture", "--data-dir", data], &display));
    }
    let _ = xvfb.kill();
    let _ = xvfb.wait();
    let (ma, mb) = (median(&mut a), median(&mut b));
    println!("launch to capture field ready, median of {rounds} (ms)");
    println!("  reps --capture, ten-year journal : {ma:7.1}   (all: {a:.0?})");
    println!("  bare Dioxus window, one field    : {mb:7.1}   (all: {b:.0?})");
    println!(
        "  ratio reps / floor               : {:7.2}   (goal ≤ 1.25)",
        ma / mb
    );
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// Starts a program, waits for its `REPS-READY <ms>` line, kills it.
fn ready_ms(exe: &str, args: &[&str], display: &str) -> f64 {
    let mut child = Command::new(exe)
        .args(args)
        .env("DISPLAY", display)
        .env("REPS_LAUNCH_TIMING", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start");
    let out = child.stdout.take().unwrap();
    let mut ms = f64::NAN;
    for line in BufReader::new(out).lines().map_while(Result::ok) {
        if let Some(v) = line.strip_prefix("REPS-READY ") {
            ms = v.trim().parse().unwrap_or(f64::NAN);
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(ms.is_finite(), "{exe} never reported ready");
    ms
}

/// A job search of ten years, divided by `scale`: leads, interviews,
/// debriefs, contacts and follow-ups, imported in one transaction.
fn ten_year_journal(path: &Path, scale: usize) -> Counts {
    let now = Stamp::new(chrono::Utc::now(), chrono_tz::Europe::Paris);
    let clock = ManualClock::new(now);
    let j = Journal::open(path, clock).expect("journal");
    let mut b = j.export().expect("export");
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut rnd = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let ids = reps_core::id::IdGen::new();
    let day = |d: i64| now.add(chrono::Duration::days(-d)).expect("date");
    let words = [
        "kubernetes",
        "billing",
        "team",
        "salary",
        "remote",
        "panel",
        "on-call",
        "roadmap",
        "manager",
        "product",
    ];
    let (leads_n, ivs_n, deb_n, con_n, fu_n) = (
        5000 / scale,
        3000 / scale,
        3000 / scale,
        2000 / scale,
        10000 / scale,
    );
    for i in 0..leads_n {
        let at = day(3650 - (i as i64 * 3650 / leads_n as i64));
        let mut d = LeadDetails::new(
            format!("Company {}", rnd(1500)),
            format!("Engineer {i}"),
            Source::JobBoard,
        );
        d.seen = format!(
            "Met the {} lead; talked about {}.",
            words[rnd(10) as usize],
            words[rnd(10) as usize]
        );
        let status = if i % 9 == 0 {
            Status::New
        } else {
            Status::Rejected
        };
        b.leads.push(Lead::new(LeadId(ids.next(at)), at, d, status));
    }
    for i in 0..ivs_n {
        let lead = &b.leads[i * leads_n / ivs_n];
        let start = lead.created.add(chrono::Duration::days(3)).expect("date");
        let plan = InterviewPlan::new(start, 60, InterviewKind::Video, Stage::Screen);
        b.interviews.push(Interview {
            id: InterviewId(ids.next(start)),
            lead: lead.id,
            created: start,
            updated: start,
            plan,
            outcome: Outcome::Invited,
            confidence_before: Rating::new("c", 1 + rnd(5) as i64).ok(),
            confidence_after: Rating::new("c", 1 + rnd(5) as i64).ok(),
            cancelled: false,
        });
    }
    for i in 0..deb_n {
        let iv = &b.interviews[i % ivs_n];
        let body = DebriefBody {
            went_well: format!("Good answer about {}.", words[rnd(10) as usize]),
            notes: (0..40)
                .map(|_| words[rnd(10) as usize])
                .collect::<Vec<_>>()
                .join(" "),
            ..Default::default()
        };
        let at = iv.plan.end();
        b.debriefs.push(Debrief {
            id: DebriefId(ids.next(at)),
            created: at,
            updated: at,
            interview: Some(iv.id),
            lead: Some(iv.lead),
            body,
        });
    }
    for i in 0..con_n {
        let at = day(rnd(3650) as i64);
        let details = ContactDetails {
            name: format!("Person {i}"),
            company: format!("Company {}", rnd(1500)),
            ..Default::default()
        };
        b.contacts.push(Contact {
            id: ContactId(ids.next(at)),
            created: at,
            updated: at,
            details,
            history: vec![],
            last_contact: None,
        });
    }
    for i in 0..fu_n {
        let lead = &b.leads[i % leads_n];
        let due = lead.created.add(chrono::Duration::days(1)).expect("date");
        b.follow_ups.push(FollowUp {
            id: FollowUpId(ids.next(due)),
            created: due,
            updated: due,
            kind: FollowUpKind::ThankYou,
            due,
            snoozed_until: None,
            state: FollowUpState::Done(due),
            lead: Some(lead.id),
            interview: None,
            contact: None,
            note: String::new(),
            rule_key: None,
        });
    }
    let b = Backup {
        format: FORMAT.into(),
        version: VERSION,
        ..b
    };
    j.import(b).expect("import");
    j.counts().expect("counts")
}

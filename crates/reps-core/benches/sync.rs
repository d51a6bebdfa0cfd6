//! Sync's costs, on the real disk, in one run:
//!
//! - the debrief autosave with sync's documents kept, against the same
//!   autosave without them (the journal as it was before sync), interleaved
//!   on two copies of the ten-year journal (goal ≤ 1.3×); and the document
//!   catching up with the typing later, as a round finds it;
//! - the journal file's growth from keeping every record's history;
//! - a device starting sync with the ten-year journal (its snapshot), and a
//!   new device joining from it: time and the remote's size against the
//!   JSON backup (goals ≤ 5 s, ≤ 2×);
//! - merging a day of another device's work (50 edits and a debrief typed
//!   in 2,000 keystrokes, autosaved as it was typed): goal ≤ 100 ms.
//!
//! ```text
//! CARGO_TARGET_DIR=/root/.cache/reps-target cargo bench -p reps-core --bench sync
//! REPS_BENCH_QUICK=1 cargo bench -p reps-core --bench sync   # 20× smaller journal
//! ```

use std::error::Error;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use reps_core::journal::sync::SyncPlace;
use reps_core::sync::{FolderRemote, connect, run};
use reps_core::{DebriefBody, Journal, LeadDetails, ManualClock, Source, Stamp};

type R<T> = Result<T, Box<dyn Error>>;

mod common;

use common::{FULL, Gen, Generated, NOW, QUICK, SEED, Samples, file_size, fmt, mib, ratio};

const PASS: &str = "correct horse battery";

fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

fn folder_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

fn main() -> R<()> {
    let quick = common::quick();
    let scale = if quick { QUICK } else { FULL };
    let (warmup, edits, keystrokes) = if quick { (3, 40, 200) } else { (20, 300, 2000) };
    let base = std::env::temp_dir().join("reps-bench");
    std::fs::create_dir_all(&base)?;
    let dir = tempfile::Builder::new().prefix("sync-").tempdir_in(&base)?;
    let now: Stamp = NOW.parse()?;
    println!(
        "reps sync benchmark ({}), files in {}",
        if quick { "QUICK, 20× smaller" } else { "full" },
        dir.path().display()
    );
    let Generated {
        backup: b,
        autosave,
    } = Gen::new(now, scale, SEED).build();
    let json_bytes = serde_json::to_vec(&b)?.len() as u64;
    println!(
        "journal: {} leads, {} interviews, {} debriefs, {} contacts, {} follow-ups; backup JSON {}",
        b.leads.len(),
        b.interviews.len(),
        b.debriefs.len(),
        b.contacts.len(),
        b.follow_ups.len(),
        mib(json_bytes)
    );

    // 1. The autosave, with and without the documents, and the file sizes.
    let clock = Arc::new(ManualClock::new(now));
    let with_path = dir.path().join("with.redb");
    let without_path = dir.path().join("without.redb");
    let with = Journal::open(&with_path, clock.clone())?;
    let t = Instant::now();
    with.import(b.clone())?;
    let load_with = t.elapsed();
    let without = Journal::open(&without_path, clock.clone())?.without_sync_documents();
    let t = Instant::now();
    without.import(b.clone())?;
    let load_without = t.elapsed();
    let original = with.debrief(autosave)?;
    let (mut s_with, mut s_without) = (Samples::default(), Samples::default());
    for i in 0..warmup + edits {
        let mut body = original.body.clone();
        body.notes = format!(
            "{} Later ({i}): the pairing went well.",
            original.body.notes
        );
        if i % 2 == 0 {
            s_with.time(|| with.save_debrief(autosave, body.clone()))?;
            s_without.time(|| without.save_debrief(autosave, body.clone()))?;
        } else {
            s_without.time(|| without.save_debrief(autosave, body.clone()))?;
            s_with.time(|| with.save_debrief(autosave, body.clone()))?;
        }
    }
    let (s_with, s_without) = (s_with.skip(warmup), s_without.skip(warmup));
    // the autosave leaves the document behind; it catches up when a round
    // sends (or the record is written otherwise): timed after a pause in
    // typing of `burst` keystrokes, as a round would find it
    let burst = 10;
    let mut s_catch_up = Samples::default();
    let mut typed = original.body.notes.clone();
    for i in 0..(warmup + edits) / burst {
        for _ in 0..burst {
            typed.push(char::from(b'a' + (i % 26) as u8));
            let mut body = original.body.clone();
            body.notes = typed.clone();
            with.save_debrief(autosave, body)?;
        }
        s_catch_up.time(|| with.catch_up_documents())?;
    }
    drop((with, without));
    let (size_with, size_without) = (file_size(&with_path), file_size(&without_path));

    // 2. Starting sync with the whole journal, and a new device joining.
    let remote_dir = dir.path().join("remote");
    std::fs::create_dir_all(&remote_dir)?;
    let place = SyncPlace::Folder {
        path: remote_dir.display().to_string(),
    };
    let remote = FolderRemote::new(&remote_dir);
    let laptop = Journal::open(&with_path, clock.clone())?;
    let t = Instant::now();
    pollster::block_on(connect(&laptop, &remote, place.clone(), PASS, "Laptop"))?;
    let start_time = t.elapsed();
    let remote_size = folder_size(remote.dir());
    let phone_clock = Arc::new(ManualClock::new(now));
    let phone = Journal::open(dir.path().join("phone.redb"), phone_clock.clone())?;
    let t = Instant::now();
    pollster::block_on(connect(&phone, &remote, place.clone(), PASS, "Phone"))?;
    let join_time = t.elapsed();
    assert_eq!(
        phone.counts()?.leads,
        laptop.counts()?.leads,
        "the new device has every lead"
    );
    pollster::block_on(run(&laptop, &remote))?;

    // 3. A day of the phone's work, merged on the laptop.
    let leads = phone.all_leads()?;
    for (i, l) in leads.iter().take(50).enumerate() {
        let mut d = l.details.clone();
        d.location = format!("Office {i}");
        phone.edit_lead(l.id, d)?;
    }
    let lead = phone.add_lead(LeadDetails::new("Dayco", "Engineer", Source::JobBoard))?;
    let debrief = phone.start_debrief(None, Some(lead.id))?;
    let words = "Told the story of the migration and how we measured it. ";
    let mut typed = String::new();
    let t = Instant::now();
    for k in 0..keystrokes {
        typed.push(words.as_bytes()[k % words.len()] as char);
        phone.save_debrief(
            debrief.id,
            DebriefBody {
                notes: typed.clone(),
                ..Default::default()
            },
        )?;
    }
    let typing = t.elapsed();
    let before = folder_size(remote.dir());
    pollster::block_on(run(&phone, &remote))?;
    let day_file = folder_size(remote.dir()) - before;
    let t = Instant::now();
    let report = pollster::block_on(run(&laptop, &remote))?;
    let merge_time = t.elapsed();
    assert_eq!(laptop.debrief(debrief.id)?.body.notes, typed);
    assert!(report.records >= 52, "{report:?}");

    println!();
    println!(
        "{:<52} | {:>12} | {:>12} | {:>6}",
        "operation", "with sync", "before sync", "ratio"
    );
    println!("{}", "-".repeat(92));
    println!(
        "{:<52} | {:>12} | {:>12} | {:>6.2}  (goal ≤ 1.30)",
        format!("debrief autosave, median of {edits}"),
        fmt(s_with.median()),
        fmt(s_without.median()),
        ratio(s_with.median(), s_without.median()),
    );
    println!(
        "{:<52} | {:>12} | {:>12} | {:>6.2}",
        "debrief autosave, p95",
        fmt(s_with.p95()),
        fmt(s_without.p95()),
        ratio(s_with.p95(), s_without.p95()),
    );
    println!(
        "{:<52} | {:>12} | {:>12} |",
        format!("its document catching up, after {burst} keystrokes"),
        fmt(s_catch_up.median()),
        "",
    );
    println!(
        "{:<52} | {:>12} | {:>12} | {:>6.2}",
        "loading the journal (import, one transaction)",
        fmt(load_with),
        fmt(load_without),
        ratio(load_with, load_without),
    );
    println!(
        "{:<52} | {:>12} | {:>12} | {:>6.2}",
        "journal file (keeping every record's history)",
        mib(size_with),
        mib(size_without),
        size_with as f64 / size_without.max(1) as f64,
    );
    println!();
    println!(
        "starting sync with the whole journal: {} (snapshot written)",
        fmt(start_time)
    );
    println!(
        "a new device joining from it: {} (goal ≤ 5 s); remote {} = {:.2}× the JSON backup {} (goal ≤ 2×)",
        fmt(join_time),
        mib(remote_size),
        remote_size as f64 / json_bytes as f64,
        mib(json_bytes)
    );
    println!(
        "a day of the phone's work (50 edits, a debrief typed in {keystrokes} keystrokes, {} of autosaves): its file {}",
        fmt(typing),
        kib(day_file)
    );
    println!(
        "merging that day on the laptop: {} (goal ≤ 100 ms), {} record(s) changed",
        fmt(merge_time),
        report.records
    );
    Ok(())
}

//! Convergence, model-based: 3 to 5 devices, clocks days apart, make random
//! changes (typing into the same debrief among them) and sync through
//! folders that a simulated syncer fills late, twice, out of order, or not
//! at all until the end (and whose deletions arrive late too). After a full
//! exchange every device holds the same journal, no word any device typed
//! is missing, a practice card made of the same line on several devices is
//! one card holding every practice given anywhere, and taking every file in
//! once more changes nothing.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use common::*;
use proptest::prelude::*;
use reps_core::journal::sync::SyncPlace;
use reps_core::sync::file::KEY_FILE;
use reps_core::sync::{FolderRemote, Listed, connect, run};
use reps_core::*;

const PASS: &str = "correct horse battery";

#[derive(Debug, Clone)]
enum Op {
    /// Device types a new word into the shared debrief, at a word boundary.
    Type { dev: usize, at: usize },
    /// Device adds a lead.
    AddLead { dev: usize },
    /// Device edits a field of one of the leads it has.
    EditLead { dev: usize, pick: usize, field: u8 },
    /// Device takes or passes on a lead still in its deck.
    Decide { dev: usize, pick: usize, take: bool },
    /// Device runs a sync round against its folder.
    Round { dev: usize },
    /// The syncer copies one of the files that exist into a device's folder.
    Deliver { file: usize, dev: usize },
    /// The syncer carries deletions into a device's folder.
    Deletions { dev: usize },
    /// Time passes on one device.
    Later { dev: usize, minutes: u16 },
    /// Device makes a practice card of the debrief's line (the same line on
    /// every device: one card, whoever makes it first).
    MakeCard { dev: usize },
    /// Device practises that card, if it has it.
    Practise { dev: usize, grade: u8 },
}

fn op(devices: usize) -> impl Strategy<Value = Op> {
    let d = 0..devices;
    prop_oneof![
        4 => (d.clone(), any::<usize>()).prop_map(|(dev, at)| Op::Type { dev, at }),
        2 => d.clone().prop_map(|dev| Op::AddLead { dev }),
        2 => (d.clone(), any::<usize>(), 0u8..3).prop_map(|(dev, pick, field)| Op::EditLead { dev, pick, field }),
        1 => (d.clone(), any::<usize>(), any::<bool>()).prop_map(|(dev, pick, take)| Op::Decide { dev, pick, take }),
        4 => d.clone().prop_map(|dev| Op::Round { dev }),
        5 => (any::<usize>(), d.clone()).prop_map(|(file, dev)| Op::Deliver { file, dev }),
        1 => d.clone().prop_map(|dev| Op::Deletions { dev }),
        1 => (d.clone(), 1u16..3000).prop_map(|(dev, minutes)| Op::Later { dev, minutes }),
        1 => d.clone().prop_map(|dev| Op::MakeCard { dev }),
        2 => (d, 1u8..=4).prop_map(|(dev, grade)| Op::Practise { dev, grade }),
    ]
}

struct Device {
    journal: Journal,
    clock: Arc<ManualClock>,
    /// The folder picked on this device; its files are in `Reps journal/`.
    picked: PathBuf,
}

impl Device {
    fn remote(&self) -> FolderRemote {
        FolderRemote::new(&self.picked)
    }
    fn folder(&self) -> PathBuf {
        self.remote().dir().to_path_buf()
    }
    fn round(&self) {
        pollster::block_on(run(&self.journal, &self.remote())).expect("a round");
    }
}

/// The files that exist, as the syncer knows them: every device's new
/// files (by the folder they first appeared in: their writer's), less those
/// their writer deleted again (a snapshot's older files).
fn pool(devices: &[Device], pool: &mut BTreeMap<String, (usize, Vec<u8>)>, gone: &mut Vec<String>) {
    for (i, d) in devices.iter().enumerate() {
        for e in std::fs::read_dir(d.folder()).unwrap() {
            let e = e.unwrap();
            let name = e.file_name().into_string().unwrap();
            if name != KEY_FILE && !pool.contains_key(&name) && !gone.contains(&name) {
                pool.insert(name, (i, std::fs::read(e.path()).unwrap()));
            }
        }
    }
    let deleted: Vec<String> = pool
        .iter()
        .filter(|(name, (owner, _))| !devices[*owner].folder().join(name).exists())
        .map(|(name, _)| name.clone())
        .collect();
    for name in deleted {
        pool.remove(&name);
        gone.push(name);
    }
}

fn words_in(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_string).collect()
}

fn setup(n: usize, base: &Path) -> (Vec<Device>, DebriefId) {
    let days = ["01", "04", "07", "10", "13"];
    let mut devices = Vec::new();
    for (i, day) in days.iter().enumerate().take(n) {
        let (journal, clock) = memory(&format!("2026-06-{day}T09:00:00Z[UTC]"));
        let picked = base.join(format!("device-{i}"));
        std::fs::create_dir_all(&picked).unwrap();
        devices.push(Device {
            journal,
            clock,
            picked,
        });
    }
    // the first device starts the journal, with the debrief everyone types into
    let d = devices[0].journal.capture_note("start").unwrap();
    let first = &devices[0];
    pollster::block_on(connect(
        &first.journal,
        &first.remote(),
        SyncPlace::Folder {
            path: first.picked.display().to_string(),
        },
        PASS,
        "device-0",
    ))
    .unwrap();
    // the key reaches every folder before anything else (a device cannot join without it)
    let key = std::fs::read(first.folder().join(KEY_FILE)).unwrap();
    for (i, dev) in devices.iter().enumerate().skip(1) {
        std::fs::create_dir_all(dev.folder()).unwrap();
        std::fs::write(dev.folder().join(KEY_FILE), &key).unwrap();
        pollster::block_on(connect(
            &dev.journal,
            &dev.remote(),
            SyncPlace::Folder {
                path: dev.picked.display().to_string(),
            },
            PASS,
            &format!("device-{i}"),
        ))
        .unwrap();
    }
    (devices, d)
}

fn run_model(n: usize, ops: &[Op]) -> Result<(), TestCaseError> {
    let base = tempfile::tempdir().unwrap();
    let (devices, debrief) = setup(n, base.path());
    let mut files: BTreeMap<String, (usize, Vec<u8>)> = BTreeMap::new();
    let mut gone: Vec<String> = Vec::new();
    let mut typed: Vec<String> = vec!["start".into()];
    let mut next_word = 0;
    let mut next_lead = 0;
    // practices given, each with its own timer reading so no two are equal
    let mut practised: u32 = 0;
    let line = || reps_core::rules::practice::FromDebrief::Answer("Why did you leave?".into());
    for op in ops {
        pool(&devices, &mut files, &mut gone);
        match *op {
            Op::Type { dev, at } => {
                let j = &devices[dev].journal;
                let Ok(d) = j.debrief(debrief) else { continue };
                let mut words = words_in(&d.body.notes);
                let word = format!("w{next_word}");
                next_word += 1;
                words.insert(at % (words.len() + 1), word.clone());
                let mut body = d.body.clone();
                body.notes = words.join(" ");
                j.save_debrief(debrief, body).unwrap();
                typed.push(word);
            }
            Op::AddLead { dev } => {
                devices[dev]
                    .journal
                    .add_lead(LeadDetails::new(
                        format!("Company {next_lead}"),
                        "Engineer",
                        Source::JobBoard,
                    ))
                    .unwrap();
                next_lead += 1;
            }
            Op::EditLead { dev, pick, field } => {
                let j = &devices[dev].journal;
                let leads = j.all_leads().unwrap();
                if leads.is_empty() {
                    continue;
                }
                let l = &leads[pick % leads.len()];
                let mut details = l.details.clone();
                match field {
                    0 => details.location = format!("City {dev}"),
                    1 => details.role = format!("Role {dev}"),
                    _ => details.seen = format!("{} seen by {dev}", details.seen),
                }
                j.edit_lead(l.id, details).unwrap();
            }
            Op::Decide { dev, pick, take } => {
                let j = &devices[dev].journal;
                let deck = j.deck().unwrap();
                if deck.is_empty() {
                    continue;
                }
                let l = &deck[pick % deck.len()];
                let decision = if take {
                    Decision::Take
                } else {
                    Decision::Pass {
                        reason: PassReason::OutsidePayRange,
                        note: String::new(),
                    }
                };
                let _ = j.decide(l.id, decision);
            }
            Op::Round { dev } => devices[dev].round(),
            Op::Deliver { file, dev } => {
                if files.is_empty() {
                    continue;
                }
                let (name, (_, bytes)) = files.iter().nth(file % files.len()).unwrap();
                std::fs::write(devices[dev].folder().join(name), bytes).unwrap();
            }
            Op::Deletions { dev } => {
                for name in &gone {
                    let _ = std::fs::remove_file(devices[dev].folder().join(name));
                }
            }
            Op::Later { dev, minutes } => devices[dev]
                .clock
                .advance(chrono::Duration::minutes(i64::from(minutes))),
            Op::MakeCard { dev } => {
                let _ = devices[dev].journal.card_from_debrief(debrief, line());
            }
            Op::Practise { dev, grade } => {
                let j = &devices[dev].journal;
                let Some(card) = j.all_cards().unwrap().into_iter().next() else {
                    continue;
                };
                let grade = Grade::from_number(i64::from(grade)).unwrap();
                j.rate_card(card.card.id, grade, Some(practised)).unwrap();
                practised += 1;
            }
        }
    }
    // full exchange: every folder holds every file that exists, until nothing moves
    for _ in 0..4 {
        for d in &devices {
            d.round();
        }
        pool(&devices, &mut files, &mut gone);
        for d in &devices {
            for name in &gone {
                let _ = std::fs::remove_file(d.folder().join(name));
            }
            for (name, (_, bytes)) in &files {
                let path = d.folder().join(name);
                if !path.exists() {
                    std::fs::write(path, bytes).unwrap();
                }
            }
        }
    }
    for d in &devices {
        d.round();
    }
    let first = snapshot(&devices[0].journal);
    for (i, d) in devices.iter().enumerate().skip(1) {
        prop_assert_eq!(&snapshot(&d.journal), &first, "device {} differs", i);
    }
    let notes = devices[0].journal.debrief(debrief).unwrap().body.notes;
    let have = words_in(&notes);
    for w in &typed {
        prop_assert!(have.contains(w), "{} is missing from {:?}", w, notes);
    }
    prop_assert_eq!(have.len(), typed.len(), "no word doubled: {:?}", notes);
    // one card at most, holding every practice given on any device
    let cards = devices[0].journal.all_cards().unwrap();
    prop_assert!(cards.len() <= 1, "one card per line: {:?}", cards);
    let kept = cards.first().map_or(0, |c| c.card.reviews.len());
    prop_assert_eq!(kept, practised as usize, "every practice kept");
    // every file taken in again: nothing changes
    let listing: Vec<Listed> = files
        .iter()
        .map(|(name, (_, b))| Listed {
            name: name.clone(),
            size: b.len() as u64,
        })
        .collect();
    let again: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|(name, (_, b))| (name.clone(), b.clone()))
        .collect();
    let key = devices[1].journal.sync_setup().unwrap().unwrap().key;
    devices[1]
        .journal
        .sync_take_in(&key, &listing, again)
        .unwrap();
    prop_assert_eq!(
        &snapshot(&devices[1].journal),
        &first,
        "taking files in twice changed something"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("REPS_SYNC_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(24),
        max_shrink_iters: 200,
        .. ProptestConfig::default()
    })]

    #[test]
    fn devices_converge_and_keep_every_word(
        (n, ops) in (3usize..=5).prop_flat_map(|n| (Just(n), prop::collection::vec(op(n), 10..50)))
    ) {
        run_model(n, &ops)?;
    }
}

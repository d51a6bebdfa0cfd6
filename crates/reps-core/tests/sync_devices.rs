//! Several devices, one journal: sync through a folder, end to end through
//! the core (keys, encrypted files, merging, rules after a merge), with
//! files delivered late, twice or damaged.

mod common;

use common::*;
use reps_core::journal::sync::{SNAPSHOT_AFTER, SyncPlace};
use reps_core::sync::file::{FileName, KEY_FILE};
use reps_core::sync::{FolderRemote, Remote, SyncError, connect, run};
use reps_core::*;

const PASS: &str = "correct horse battery";

struct Device {
    journal: Journal,
    clock: std::sync::Arc<ManualClock>,
    remote: FolderRemote,
}

fn place(dir: &std::path::Path) -> SyncPlace {
    SyncPlace::Folder {
        path: dir.display().to_string(),
    }
}

/// A fresh device whose clock reads `now`, joined to the folder `dir`.
fn device(dir: &std::path::Path, now: &str, name: &str) -> Device {
    let (journal, clock) = memory(now);
    let remote = FolderRemote::new(dir);
    pollster::block_on(connect(&journal, &remote, place(dir), PASS, name)).expect("connect");
    Device {
        journal,
        clock,
        remote,
    }
}

fn sync(d: &Device) -> reps_core::journal::sync::TakeInReport {
    pollster::block_on(run(&d.journal, &d.remote)).expect("sync")
}

fn lead(j: &Journal, company: &str) -> Lead {
    j.add_lead(LeadDetails::new(
        company,
        "Backend Engineer",
        Source::JobBoard,
    ))
    .unwrap()
}

#[test]
fn a_second_device_joins_with_the_passphrase_and_edits_merge_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let laptop = device(
        dir.path(),
        "2026-06-01T09:00:00+02:00[Europe/Paris]",
        "Laptop",
    );
    let acme = lead(&laptop.journal, "Acme");
    let d = laptop.journal.capture_note("They use Kafka.").unwrap();
    sync(&laptop);

    // the phone's clock is three days behind: nothing depends on clocks
    let phone = device(
        dir.path(),
        "2026-05-29T09:00:00+02:00[Europe/Paris]",
        "Phone",
    );
    assert_eq!(phone.journal.lead(acme.id).unwrap().details.company, "Acme");
    assert_eq!(
        phone.journal.debrief(d).unwrap().body.notes,
        "They use Kafka."
    );
    assert_eq!(
        phone.journal.templates().unwrap().len(),
        1,
        "two fresh installs share the default checklist"
    );

    // offline on both: different fields of the lead, and the same note
    let mut on_phone = acme.details.clone();
    on_phone.location = "Lyon".into();
    phone.journal.edit_lead(acme.id, on_phone).unwrap();
    let mut body = phone.journal.debrief(d).unwrap().body;
    body.notes = "In Lyon. They use Kafka.".into();
    phone.journal.save_debrief(d, body).unwrap();

    let mut on_laptop = acme.details.clone();
    on_laptop.role = "Senior Backend Engineer".into();
    laptop.journal.edit_lead(acme.id, on_laptop).unwrap();
    let mut body = laptop.journal.debrief(d).unwrap().body;
    body.notes = "They use Kafka. Team of six.".into();
    laptop.journal.save_debrief(d, body).unwrap();

    sync(&phone);
    sync(&laptop);
    sync(&phone);
    for j in [&phone.journal, &laptop.journal] {
        let l = j.lead(acme.id).unwrap();
        assert_eq!(l.details.location, "Lyon");
        assert_eq!(l.details.role, "Senior Backend Engineer");
        assert_eq!(
            j.debrief(d).unwrap().body.notes,
            "In Lyon. They use Kafka. Team of six."
        );
        // search finds what arrived by sync
        assert!(
            j.search("team of six", 10)
                .unwrap()
                .iter()
                .any(|r| r.target == reps_core::rules::search::Target::Debrief(d)),
            "search knows the merged debrief"
        );
    }
    assert_eq!(snapshot(&phone.journal), snapshot(&laptop.journal));
    let view = laptop.journal.sync_view().unwrap();
    assert!(view.set_up);
    assert_eq!(view.unsent, 0);
    assert_eq!(view.devices.len(), 1);
    assert_eq!(view.devices[0].name, "Phone");
    assert_eq!(view.problem, None);
}

#[test]
fn a_wrong_passphrase_joins_nothing_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let laptop = device(dir.path(), "2026-06-01T09:00:00Z[UTC]", "Laptop");
    lead(&laptop.journal, "Acme");
    sync(&laptop);
    let (phone, _) = memory("2026-06-01T09:00:00Z[UTC]");
    let before = snapshot(&phone);
    let remote = FolderRemote::new(dir.path());
    let err = pollster::block_on(connect(
        &phone,
        &remote,
        place(dir.path()),
        "wrong horse battery",
        "Phone",
    ))
    .unwrap_err();
    assert!(err.to_string().contains("passphrase"), "{err}");
    assert!(phone.sync_setup().unwrap().is_none());
    assert_eq!(snapshot(&phone), before);
    // and a round without setup says so
    assert_eq!(
        pollster::block_on(run(&phone, &remote)).unwrap_err(),
        SyncError::NotSetUp
    );
}

#[test]
fn a_device_without_a_name_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (phone, _) = memory("2026-06-01T09:00:00Z[UTC]");
    let remote = FolderRemote::new(dir.path());
    for blank in ["", "   ", "\t\n"] {
        let err = pollster::block_on(connect(&phone, &remote, place(dir.path()), PASS, blank))
            .unwrap_err();
        assert_eq!(err, SyncError::NoDeviceName);
        assert_eq!(
            err.to_string(),
            "give this device a name, so your other devices can tell it apart"
        );
    }
    assert!(phone.sync_setup().unwrap().is_none(), "nothing saved here");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no key file started on the remote"
    );
    // a name is trimmed and kept short for the other devices' lists
    let long = format!("  {}  ", "Laptop ".repeat(10));
    let name = reps_core::sync::device_name(&long).unwrap();
    assert!(
        name.starts_with("Laptop Laptop") && name.chars().count() <= 40,
        "{name}"
    );
}

#[test]
fn nothing_readable_leaves_the_device() {
    let dir = tempfile::tempdir().unwrap();
    let laptop = device(dir.path(), "2026-06-01T09:00:00Z[UTC]", "Laptop");
    lead(&laptop.journal, "Zanzibar Widgets");
    laptop
        .journal
        .capture_note("The hiring manager was Ms Oyelaran")
        .unwrap();
    sync(&laptop);
    for entry in std::fs::read_dir(laptop.remote.dir()).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        let bytes = std::fs::read(entry.path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!name.contains("Zanzibar"));
        for secret in ["Zanzibar", "Oyelaran", "AGE-SECRET-KEY", "Laptop"] {
            assert!(!text.contains(secret), "{secret} readable in {name}");
        }
        if name != KEY_FILE {
            assert!(FileName::parse(&name).is_some(), "{name}");
            assert!(bytes.len() > 4096, "padded: {name}");
        }
    }
    // two edits of very different lengths leave files of one size
    let sizes = |j: &Journal, text: &str| {
        let before: Vec<_> = std::fs::read_dir(laptop.remote.dir())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        j.capture_note(text).unwrap();
        sync(&laptop);
        std::fs::read_dir(laptop.remote.dir())
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| !before.contains(p))
            .map(|p| std::fs::metadata(p).unwrap().len())
            .unwrap()
    };
    // (age adds a random "grease" stanza of its own, a few dozen bytes)
    let short = sizes(&laptop.journal, "ok");
    let long = sizes(
        &laptop.journal,
        &"A much longer note about the panel. ".repeat(20),
    );
    assert!(short.abs_diff(long) < 256, "{short} vs {long}");
    // the key stays on the device and out of every backup
    let backup = String::from_utf8(laptop.journal.export_json().unwrap()).unwrap();
    assert!(!backup.contains("AGE-SECRET-KEY"));
    assert!(!backup.contains(&laptop.journal.sync_setup().unwrap().unwrap().key));
}

#[test]
fn files_arriving_late_out_of_order_or_twice_change_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let laptop = device(dir.path(), "2026-06-01T09:00:00Z[UTC]", "Laptop");
    sync(&laptop);
    let phone = device(dir.path(), "2026-06-01T09:00:00Z[UTC]", "Phone");
    let names_now = || -> Vec<String> {
        let mut n: Vec<String> = std::fs::read_dir(laptop.remote.dir())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| FileName::parse(n).is_some())
            .collect();
        n.sort();
        n
    };
    let earlier = names_now();
    // three rounds of typing into one debrief, each its own file
    let d = laptop.journal.capture_note("one").unwrap();
    sync(&laptop);
    let mut files = Vec::new();
    for text in ["one two", "one two three"] {
        let mut body = laptop.journal.debrief(d).unwrap().body;
        body.notes = text.into();
        laptop.journal.save_debrief(d, body).unwrap();
        sync(&laptop);
    }
    let names: Vec<String> = names_now()
        .into_iter()
        .filter(|n| !earlier.contains(n))
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    for n in &names {
        files.push((
            n.clone(),
            std::fs::read(laptop.remote.dir().join(n)).unwrap(),
        ));
    }
    // the phone's folder sees the newest file first, then the rest, then all again
    let late = tempfile::tempdir().unwrap();
    let late_remote = FolderRemote::new(late.path());
    std::fs::create_dir_all(late_remote.dir()).unwrap();
    std::fs::copy(
        laptop.remote.dir().join(KEY_FILE),
        late_remote.dir().join(KEY_FILE),
    )
    .unwrap();
    let (last_name, last_bytes) = files.last().unwrap().clone();
    std::fs::write(late_remote.dir().join(&last_name), &last_bytes).unwrap();
    let p = Device {
        journal: phone.journal,
        clock: phone.clock,
        remote: late_remote,
    };
    let r = sync(&p);
    assert_eq!(
        r.waiting, 1,
        "the newest file waits for the earlier ones: {r:?}"
    );
    assert!(p.journal.debrief(d).is_err());
    assert!(
        p.journal
            .sync_view()
            .unwrap()
            .problem
            .unwrap()
            .contains("wait")
    );
    for (n, b) in &files {
        std::fs::write(p.remote.dir().join(n), b).unwrap();
    }
    let r = sync(&p);
    assert_eq!(r.waiting, 0);
    assert_eq!(p.journal.debrief(d).unwrap().body.notes, "one two three");
    let before = snapshot(&p.journal);
    // the same files once more (a syncer delivering twice, a restored folder)
    let again = reps_core::sync::FolderRemote::new(late.path());
    let wanted = p
        .journal
        .sync_files_wanted(&pollster::block_on(again.list()).unwrap())
        .unwrap();
    assert!(wanted.is_empty(), "read once: {wanted:?}");
    let listing = pollster::block_on(again.list()).unwrap();
    let key = p.journal.sync_setup().unwrap().unwrap().key;
    p.journal
        .sync_take_in(&key, &listing, files.clone())
        .unwrap();
    assert_eq!(snapshot(&p.journal), before);
}

#[test]
fn a_hostile_folder_is_set_aside_with_a_message_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let laptop = device(dir.path(), "2026-06-01T09:00:00Z[UTC]", "Laptop");
    lead(&laptop.journal, "Acme");
    sync(&laptop);
    let phone = device(dir.path(), "2026-06-01T09:00:00Z[UTC]", "Phone");
    let before = snapshot(&phone.journal);
    let good = std::fs::read_dir(laptop.remote.dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "reps"))
        .unwrap();
    let good_bytes = std::fs::read(&good).unwrap();
    let name = |n: u64| {
        FileName {
            device: 0xbad0_0000_0000_0000 + n,
            seq: 1,
            nonce: 1,
        }
        .to_string()
    };
    let folder = laptop.remote.dir();
    let mut flipped = good_bytes.clone();
    let at = flipped.len() / 2;
    flipped[at] ^= 1;
    let other_journal = reps_core::sync::JournalKey::generate()
        .seal(b"REPS-SYNC\n\x01\x01")
        .unwrap();
    let key =
        reps_core::sync::JournalKey::from_secret(&phone.journal.sync_setup().unwrap().unwrap().key)
            .unwrap();
    let mut newer_plain = b"REPS-SYNC\n".to_vec();
    newer_plain.push(99);
    let newer = key.seal(&newer_plain).unwrap();
    let cases: Vec<(u64, Vec<u8>, &str)> = vec![
        (1, good_bytes[..good_bytes.len() / 2].to_vec(), "cut short"),
        (2, flipped, "altered"),
        (
            3,
            b"{\"hello\": \"world\"}".to_vec(),
            "not a Reps sync file",
        ),
        (4, Vec::new(), "empty"),
        (5, other_journal, "another journal"),
        (6, newer, "newer version of Reps"),
        (7, key.seal(b"REPS-SYNC\n\x01\x07").unwrap(), "damaged"),
    ];
    for (n, bytes, _) in &cases {
        std::fs::write(folder.join(name(*n)), bytes).unwrap();
    }
    // a syncer's conflict copy and a stray file are not Reps files at all
    std::fs::write(
        folder.join(format!(
            "{}.sync-conflict-20261206-101010-ABCDEFG.reps",
            name(8).trim_end_matches(".reps")
        )),
        &good_bytes,
    )
    .unwrap();
    std::fs::write(folder.join("notes.txt"), b"mine").unwrap();
    // a huge file is refused by its size, before it is read
    let huge = std::fs::File::create(folder.join(name(9))).unwrap();
    huge.set_len(reps_core::sync::file::MAX_FILE_BYTES + 1)
        .unwrap();

    let r = sync(&phone);
    assert_eq!(r.files, 0);
    assert_eq!(snapshot(&phone.journal), before, "nothing was written");
    for (n, _, words) in &cases {
        assert!(
            r.problems
                .iter()
                .any(|p| p.contains(&name(*n)) && p.contains(words)),
            "{words}: {:?}",
            r.problems
        );
    }
    assert!(
        r.problems
            .iter()
            .any(|p| p.contains(&name(9)) && p.contains("too large"))
    );
    assert!(
        !r.problems
            .iter()
            .any(|p| p.contains("sync-conflict") || p.contains("notes.txt"))
    );
    let view = phone.journal.sync_view().unwrap();
    assert!(view.problem.unwrap().contains("set aside"));
    // the good files still arrive, and the foreign ones stay where they are
    lead(&laptop.journal, "Globex");
    sync(&laptop);
    sync(&phone);
    assert_eq!(phone.journal.all_leads().unwrap().len(), 2);
    assert!(folder.join("notes.txt").exists());
}

#[test]
fn snapshots_keep_the_remote_small_and_a_late_device_catches_up() {
    let dir = tempfile::tempdir().unwrap();
    let laptop = device(dir.path(), "2026-06-01T09:00:00Z[UTC]", "Laptop");
    let d = laptop.journal.capture_note("start").unwrap();
    for n in 0..(SNAPSHOT_AFTER * 2 + 3) {
        let mut body = laptop.journal.debrief(d).unwrap().body;
        body.notes.push_str(&format!(" word{n}"));
        laptop.journal.save_debrief(d, body).unwrap();
        laptop.clock.advance(chrono::Duration::minutes(1));
        sync(&laptop);
    }
    let count = std::fs::read_dir(laptop.remote.dir())
        .unwrap()
        .filter(|e| FileName::parse(&e.as_ref().unwrap().file_name().to_string_lossy()).is_some())
        .count();
    assert!(count <= SNAPSHOT_AFTER + 1, "{count} files");
    let late = device(dir.path(), "2026-06-09T09:00:00Z[UTC]", "Tablet");
    sync(&laptop);
    assert_eq!(
        late.journal.debrief(d).unwrap().body.notes,
        laptop.journal.debrief(d).unwrap().body.notes
    );
    assert_eq!(snapshot(&late.journal), snapshot(&laptop.journal));
}

#[test]
fn two_devices_rejected_by_the_same_company_offline_ask_for_feedback_once() {
    let dir = tempfile::tempdir().unwrap();
    let laptop = device(dir.path(), "2026-06-01T09:00:00Z[UTC]", "Laptop");
    let acme = lead(&laptop.journal, "Acme");
    laptop.journal.decide(acme.id, Decision::Take).unwrap();
    sync(&laptop);
    let phone = device(dir.path(), "2026-06-03T18:00:00Z[UTC]", "Phone");
    // both hear "no" and record it, offline, days apart by their clocks
    laptop
        .journal
        .move_lead(acme.id, Status::Rejected, None, "")
        .unwrap();
    phone
        .journal
        .move_lead(acme.id, Status::Rejected, None, "")
        .unwrap();
    sync(&laptop);
    sync(&phone);
    sync(&laptop);
    for j in [&laptop.journal, &phone.journal] {
        let open_feedback: Vec<_> = j
            .export()
            .unwrap()
            .follow_ups
            .into_iter()
            .filter(|f| f.kind == FollowUpKind::FeedbackRequest && f.is_open())
            .collect();
        assert_eq!(open_feedback.len(), 1, "{open_feedback:?}");
        assert_eq!(j.lead(acme.id).unwrap().status, Status::Rejected);
    }
    assert_eq!(snapshot(&laptop.journal), snapshot(&phone.journal));
}

/// The `sync_file` fuzz target's body (fuzz/fuzz_targets/sync_file.rs),
/// replayed on stable over its seeds and regressions: a file that reads as
/// a sync file is taken in or set aside, never a panic, and the journal
/// still exports.
fn take_in_as_found(data: &[u8]) {
    use reps_core::journal::sync::SyncSetup;
    use reps_core::sync::{JournalKey, Listed, file::SyncFile};
    const KEY: &str = "AGE-SECRET-KEY-1S95RQ44F4QPS43TKM73M2SVSLF8U4N9US2K6JUQVYY8KAFEJ8LEQQHT53C";
    let key = JournalKey::from_secret(KEY).unwrap();
    let _ = key.open(data);
    if SyncFile::decode(data).is_err() {
        return;
    }
    let (journal, _) = memory("2026-11-23T10:00:00+01:00[Europe/Paris]");
    journal
        .save_sync_setup(&SyncSetup {
            place: SyncPlace::Folder {
                path: "/nowhere".into(),
            },
            key: KEY.into(),
            device_name: "Fuzzer".into(),
            keychain: None,
        })
        .unwrap();
    let sealed = key.seal(data).unwrap();
    let name = FileName {
        device: 1,
        seq: 1,
        nonce: 1,
    }
    .to_string();
    let listing = vec![Listed {
        name: name.clone(),
        size: sealed.len() as u64,
    }];
    let _ = journal.sync_take_in(KEY, &listing, vec![(name, sealed)]);
    journal.export_json().unwrap();
}

fn fuzz_inputs(kind: &str) -> Vec<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz")
        .join(kind)
        .join("sync_file");
    match std::fs::read_dir(&dir) {
        Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    }
}

#[test]
fn the_sync_file_fuzzers_inputs_replay_without_a_panic() {
    let seeds = fuzz_inputs("seeds");
    assert!(seeds.len() >= 3, "the seeds are there: {seeds:?}");
    for path in seeds.iter().chain(fuzz_inputs("regressions").iter()) {
        let bytes = std::fs::read(path).unwrap();
        take_in_as_found(&bytes);
    }
}

/// Writes the fuzzer's seeds: the plaintext of real sync files (a snapshot
/// of the sample journal, changes to a debrief, a forgotten person).
/// `REPS_WRITE_SEEDS=1 cargo test -p reps-core --test sync_devices -- --ignored write_sync_seeds`
#[test]
#[ignore]
fn write_sync_seeds() {
    if std::env::var("REPS_WRITE_SEEDS").is_err() {
        return;
    }
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/seeds/sync_file");
    std::fs::create_dir_all(&out).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (journal, clock) = memory("2026-11-01T09:00:00+01:00[Europe/Paris]");
    reps_core::demo::populate(
        &journal,
        &clock,
        at("2026-11-23T10:00:00+01:00[Europe/Paris]"),
    )
    .unwrap();
    let remote = FolderRemote::new(dir.path());
    pollster::block_on(connect(
        &journal,
        &remote,
        place(dir.path()),
        PASS,
        "Laptop",
    ))
    .unwrap();
    let d = journal.capture_note("Seed words").unwrap();
    let mut body = journal.debrief(d).unwrap().body;
    body.notes.push_str(" and more");
    journal.save_debrief(d, body).unwrap();
    pollster::block_on(run(&journal, &remote)).unwrap();
    let person = journal
        .people()
        .unwrap()
        .into_iter()
        .next()
        .map(|p| p.contact.id);
    if let Some(id) = person {
        journal.forget_contact(id).unwrap();
        pollster::block_on(run(&journal, &remote)).unwrap();
    }
    let key = reps_core::sync::JournalKey::from_secret(&journal.sync_setup().unwrap().unwrap().key)
        .unwrap();
    for e in std::fs::read_dir(remote.dir()).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().into_string().unwrap();
        if FileName::parse(&name).is_some() {
            let plain = key.open(&std::fs::read(e.path()).unwrap()).unwrap();
            std::fs::write(out.join(name.replace(".reps", ".plain")), plain).unwrap();
        }
    }
}

#[test]
fn a_card_made_from_the_same_line_and_practised_on_two_devices_is_one_card_with_both_practices() {
    let dir = tempfile::tempdir().unwrap();
    let laptop = device(
        dir.path(),
        "2026-06-01T09:00:00+02:00[Europe/Paris]",
        "Laptop",
    );
    let d = laptop
        .journal
        .capture_note("Rambled on why I left.")
        .unwrap();
    sync(&laptop);
    let phone = device(
        dir.path(),
        "2026-06-01T09:05:00+02:00[Europe/Paris]",
        "Phone",
    );
    // offline, both make a card of the same line and practise it
    let line = reps_core::rules::practice::FromDebrief::Answer("Why did you leave?".into());
    let on_laptop = laptop.journal.card_from_debrief(d, line.clone()).unwrap();
    let on_phone = phone.journal.card_from_debrief(d, line).unwrap();
    assert_eq!(on_laptop.id, on_phone.id, "the id comes from the line");
    laptop.clock.advance(chrono::Duration::hours(1));
    laptop
        .journal
        .rate_card(on_laptop.id, Grade::Good, Some(70))
        .unwrap();
    phone.clock.advance(chrono::Duration::hours(3));
    phone
        .journal
        .rate_card(on_phone.id, Grade::Again, None)
        .unwrap();
    // a full exchange: the merge sets one device's practices aside as a
    // conflict, and that device writes them back for the next round
    for _ in 0..2 {
        sync(&laptop);
        sync(&phone);
    }
    let a = laptop.journal.practice_card(on_laptop.id).unwrap();
    let b = phone.journal.practice_card(on_laptop.id).unwrap();
    assert_eq!(laptop.journal.all_cards().unwrap().len(), 1);
    assert_eq!(phone.journal.all_cards().unwrap().len(), 1);
    assert_eq!(a.card.reviews.len(), 2, "both practices kept");
    assert_eq!(a.card, b.card);
    assert_eq!(
        reps_core::rules::practice::schedule(&a.card),
        reps_core::rules::practice::schedule(&b.card),
        "one next day on both"
    );
}

/// Types `words` at the end of the debrief's notes, one autosave per
/// character, as the debrief screen does.
fn type_into(j: &Journal, d: DebriefId, words: &str) {
    let mut body = j.debrief(d).unwrap().body;
    for c in words.chars() {
        body.notes.push(c);
        j.save_debrief(d, body.clone()).unwrap();
    }
}

#[test]
fn typing_on_two_devices_between_rounds_keeps_both_peoples_words_through_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let remote_dir = dir.path().join("remote");
    std::fs::create_dir_all(&remote_dir).unwrap();
    let laptop = device(
        &remote_dir,
        "2026-06-01T09:00:00+02:00[Europe/Paris]",
        "Laptop",
    );
    let d = laptop.journal.capture_note("Panel:").unwrap();
    sync(&laptop);
    // the phone keeps its journal in a file, to be closed mid-typing
    let phone_path = dir.path().join("phone.redb");
    let phone_clock = clock("2026-06-01T09:05:00+02:00[Europe/Paris]");
    let phone = Journal::open(&phone_path, phone_clock.clone()).unwrap();
    let phone_remote = FolderRemote::new(&remote_dir);
    pollster::block_on(connect(
        &phone,
        &phone_remote,
        place(&remote_dir),
        PASS,
        "Phone",
    ))
    .unwrap();
    assert_eq!(phone.sync_view().unwrap().unsent, 0);

    // the phone types, and is closed before any round (killed, say)
    type_into(&phone, d, " they asked about on-call.");
    assert_eq!(
        phone.sync_view().unwrap().unsent,
        1,
        "typed and not sent counts as a change waiting"
    );
    drop(phone);
    let phone = Journal::open(&phone_path, phone_clock).unwrap();
    assert_eq!(
        phone.debrief(d).unwrap().body.notes,
        "Panel: they asked about on-call."
    );
    assert_eq!(
        phone.sync_view().unwrap().unsent,
        1,
        "still waiting after the restart"
    );

    // meanwhile the laptop typed into the same note, and sent it
    type_into(&laptop.journal, d, " Salary range given.");
    sync(&laptop);
    // the phone's round takes the laptop's words in while its own typing
    // is not yet in its document, then sends its own
    pollster::block_on(run(&phone, &phone_remote)).unwrap();
    sync(&laptop);
    let both = "Panel: they asked about on-call. Salary range given.";
    let other = "Panel: Salary range given. they asked about on-call.";
    let on_phone = phone.debrief(d).unwrap().body.notes;
    assert!(on_phone == both || on_phone == other, "{on_phone:?}");
    assert_eq!(laptop.journal.debrief(d).unwrap().body.notes, on_phone);
    assert_eq!(snapshot(&phone), snapshot(&laptop.journal));
    assert_eq!(phone.sync_view().unwrap().unsent, 0);
    assert_eq!(laptop.journal.sync_view().unwrap().unsent, 0);
}

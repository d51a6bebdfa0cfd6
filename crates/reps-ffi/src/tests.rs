//! Each exported call, in plain Rust, over a journal on a stopped clock.

use std::sync::Arc;

use reps_core::{InterviewKind, InterviewPlan, Journal, LeadDetails, ManualClock, Source, Stage};

use super::*;
use reps_core::Stamp;

const NOW: &str = "2026-06-02T17:00:00+02:00[Europe/Paris]";

fn at(s: &str) -> Stamp {
    s.parse().expect("stamp")
}

struct Fixture {
    dir: tempfile::TempDir,
    reps: RepsJournal,
    clock: Arc<ManualClock>,
}

/// A journal with Acme's interview that ended at 16:00 today (so a thank-you
/// is due and a debrief is asked for) and Globex's tomorrow at 10:00.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = Arc::new(ManualClock::new(at(NOW)));
    let j = Journal::open(dir.path().join(JOURNAL_FILE), clock.clone()).expect("journal");
    let plan = |start: &str| InterviewPlan::new(at(start), 60, InterviewKind::OnSite, Stage::Final);
    let acme = j
        .add_lead(LeadDetails::new("Acme", "Engineer", Source::JobBoard))
        .expect("lead");
    j.schedule_interview(acme.id, plan("2026-06-02T15:00:00+02:00[Europe/Paris]"))
        .expect("acme");
    let globex = j
        .add_lead(LeadDetails::new("Globex", "Developer", Source::JobBoard))
        .expect("lead");
    let mut tomorrow = plan("2026-06-03T10:00:00+02:00[Europe/Paris]");
    tomorrow.place = "12 Main St".into();
    j.schedule_interview(globex.id, tomorrow).expect("globex");
    let reps = RepsJournal::with_journal(j, dir.path());
    Fixture { dir, reps, clock }
}

fn data_dir(f: &Fixture) -> String {
    f.dir.path().to_string_lossy().into_owned()
}

#[test]
fn open_creates_the_journal_in_the_data_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let reps = RepsJournal::open(dir.path().to_string_lossy().into()).expect("open");
    assert!(dir.path().join(JOURNAL_FILE).exists());
    assert!(reps.today().expect("today").is_empty());
}

#[test]
fn open_refuses_a_journal_held_by_someone_else_a_newer_one_and_a_foreign_file() {
    let f = fixture();
    let busy = RepsJournal::open(data_dir(&f)).expect_err("held");
    assert!(matches!(busy, RepsError::Busy { .. }), "{busy:?}");
    assert!(
        busy.to_string()
            .contains("open in another window or process")
    );

    let newer = tempfile::tempdir().expect("tempdir");
    let path = newer.path().join(JOURNAL_FILE);
    drop(Journal::open(&path, ManualClock::new(at(NOW))).expect("journal"));
    {
        let db = redb::Database::open(&path).expect("redb");
        let txn = db.begin_write().expect("txn");
        txn.open_table(reps_core::store::tables::META)
            .expect("meta")
            .insert("schema", reps_core::store::schema::SCHEMA_VERSION + 1)
            .expect("insert");
        txn.commit().expect("commit");
    }
    let err = RepsJournal::open(newer.path().to_string_lossy().into()).expect_err("newer");
    assert!(matches!(err, RepsError::Newer { .. }), "{err:?}");
    assert!(err.to_string().contains("newer version of Reps"));

    let foreign = tempfile::tempdir().expect("tempdir");
    std::fs::write(foreign.path().join(JOURNAL_FILE), b"PK\x03\x04 a zip").expect("write");
    let err = RepsJournal::open(foreign.path().to_string_lossy().into()).expect_err("foreign");
    assert!(matches!(err, RepsError::Storage { .. }), "{err:?}");
    assert!(err.to_string().contains("not a Reps journal"));
}

#[test]
fn quick_capture_attaches_the_note_to_the_interview_that_just_ended() {
    let f = fixture();
    let before = f.reps.today().expect("today");
    assert!(before.iter().any(|r| r.kind == "debrief"));
    let id = f
        .reps
        .quick_capture("They want Kotlin too".into())
        .expect("capture");
    let d = f
        .reps
        .journal()
        .debrief(id.parse().expect("id"))
        .expect("debrief");
    assert_eq!(d.body.notes, "They want Kotlin too");
    assert!(d.interview.is_some());
    // the "write it down" row is answered by the note
    assert!(
        !f.reps
            .today()
            .expect("today")
            .iter()
            .any(|r| r.kind == "debrief")
    );
}

#[test]
fn quick_capture_refuses_a_blank_note_with_the_cores_words() {
    let f = fixture();
    let err = f.reps.quick_capture("   ".into()).expect_err("blank");
    assert_eq!(
        err,
        RepsError::Invalid {
            message: "notes: please fill this in".into()
        }
    );
    assert_eq!(f.reps.journal().counts().expect("counts").debriefs, 0);
}

#[test]
fn today_lists_rows_with_words_ids_and_links() {
    let f = fixture();
    let rows = f.reps.today().expect("today");
    let kinds: Vec<&str> = rows.iter().map(|r| r.kind.as_str()).collect();
    assert_eq!(kinds, ["checklist", "debrief", "follow_up"], "{rows:#?}");
    let iv = &f.reps.upcoming_interviews(1).expect("upcoming")[0];
    assert_eq!(rows[0].title, "Prepare");
    assert_eq!(rows[0].deep_link, format!("reps://prep/{}", iv.id));
    assert!(
        rows[0]
            .detail
            .starts_with("Globex — Developer · Wed 3 Jun, 10:00")
    );
    assert_eq!(rows[1].title, "Write it down");
    assert!(rows[1].deep_link.starts_with("reps://capture/"));
    assert_eq!(rows[2].title, "Send a thank-you");
    assert_eq!(rows[2].detail, "Acme — Engineer · due today");
    assert!(
        rows[2]
            .deep_link
            .starts_with("reps://message/thank-you/interview-"),
        "the thank-you opens its message: {}",
        rows[2].deep_link
    );
    assert!(rows[2].follow_up_id.is_some());
    assert!(rows[..2].iter().all(|r| r.follow_up_id.is_none()));
}

#[test]
fn complete_follow_up_takes_it_off_today() {
    let f = fixture();
    let rows = f.reps.today().expect("today");
    let id = rows[2].follow_up_id.clone().expect("id");
    f.reps.complete_follow_up(id).expect("done");
    assert!(
        !f.reps
            .today()
            .expect("today")
            .iter()
            .any(|r| r.kind == "follow_up")
    );
}

#[test]
fn complete_follow_up_of_an_unknown_or_garbled_id_is_not_found() {
    let f = fixture();
    let err = f
        .reps
        .complete_follow_up("not an id".into())
        .expect_err("garbled");
    assert_eq!(
        err,
        RepsError::NotFound {
            message: "no follow-up with id not an id".into()
        }
    );
    let unknown = "0197b3a0-0000-7000-8000-000000000001".to_string();
    let err = f.reps.complete_follow_up(unknown).expect_err("unknown");
    assert!(matches!(err, RepsError::NotFound { .. }), "{err:?}");
}

#[test]
fn upcoming_interviews_come_soonest_first_with_their_details() {
    let f = fixture();
    // at 15:30 the Acme interview is under way: it still shows
    f.clock.set(at("2026-06-02T15:30:00+02:00[Europe/Paris]"));
    let all = f.reps.upcoming_interviews(10).expect("upcoming");
    let companies: Vec<&str> = all.iter().map(|i| i.company.as_str()).collect();
    assert_eq!(companies, ["Acme", "Globex"]);
    let g = &all[1];
    assert_eq!(
        (
            g.role.as_str(),
            g.stage.as_str(),
            g.minutes,
            g.place.as_str()
        ),
        ("Developer", "Final", 60, "12 Main St")
    );
    assert_eq!(g.starts_iso, "2026-06-03T10:00:00+02:00[Europe/Paris]");
    assert_eq!(g.starts_epoch_ms, at(&g.starts_iso).millis());
    assert_eq!(f.reps.upcoming_interviews(1).expect("one").len(), 1);
    assert!(f.reps.upcoming_interviews(0).expect("none").is_empty());
}

#[test]
fn reminders_between_announces_what_falls_due_in_the_window() {
    let f = fixture();
    let from = at("2026-06-02T12:00:00+02:00[Europe/Paris]").millis();
    let to = at("2026-06-02T23:00:00+02:00[Europe/Paris]").millis();
    let due = f.reps.reminders_between(from, to).expect("reminders");
    assert_eq!(due.len(), 1, "{due:#?}");
    let r = &due[0];
    assert_eq!(r.title, "Send a thank-you");
    assert_eq!(r.body, "Acme — Engineer · due Tue 2 Jun, 18:00");
    assert_eq!(
        r.due_epoch_ms,
        at("2026-06-02T18:00:00+02:00[Europe/Paris]").millis()
    );
    assert!(
        r.deep_link
            .starts_with("reps://message/thank-you/interview-"),
        "{}",
        r.deep_link
    );
    // the window is (from, to]: a follow-up due exactly at `from` was announced before
    assert!(
        f.reps
            .reminders_between(r.due_epoch_ms, to)
            .expect("after")
            .is_empty()
    );
    assert_eq!(
        f.reps
            .reminders_between(from, r.due_epoch_ms)
            .expect("until")
            .len(),
        1
    );
}

#[test]
fn reminders_between_refuses_instants_no_calendar_has() {
    let f = fixture();
    let err = f
        .reps
        .reminders_between(0, i64::MAX)
        .expect_err("out of range");
    assert!(matches!(err, RepsError::Invalid { .. }), "{err:?}");
}

#[test]
fn notes_left_in_the_inbox_are_taken_in_once() {
    let f = fixture();
    let inbox = RepsInbox::open(data_dir(&f));
    assert_eq!(inbox.pending_count().expect("count"), 0);
    let a = inbox.add("first".into()).expect("add");
    inbox.add("second".into()).expect("add");
    assert_eq!(inbox.pending_count().expect("count"), 2);
    let taken = f.reps.take_inbox().expect("take");
    assert_eq!(
        taken,
        TakenIn {
            added: 2,
            already: 0,
            damaged: 0,
            shared: 0,
            shared_already: 0
        }
    );
    assert_eq!(inbox.pending_count().expect("count"), 0);
    let d = f
        .reps
        .journal()
        .debrief(a.parse().expect("id"))
        .expect("debrief");
    assert_eq!(d.body.notes, "first");
    assert_eq!(f.reps.take_inbox().expect("again").added, 0);
}

#[test]
fn the_inbox_refuses_a_blank_note() {
    let dir = tempfile::tempdir().expect("tempdir");
    let inbox = RepsInbox::open(dir.path().to_string_lossy().into());
    let err = inbox.add("\n".into()).expect_err("blank");
    assert_eq!(
        err,
        RepsError::Invalid {
            message: "notes: please fill this in".into()
        }
    );
}

#[test]
fn reminders_between_counts_in_whole_milliseconds() {
    let f = fixture();
    let now = at(NOW);
    let due = now.add(chrono::Duration::microseconds(1_500)).expect("due");
    f.reps
        .journal()
        .add_follow_up(reps_core::NewFollowUp {
            kind: reps_core::FollowUpKind::CheckIn,
            due,
            lead: None,
            interview: None,
            contact: None,
            note: "Call back Sam".into(),
        })
        .expect("follow-up");
    let ms = due.millis();
    let first = f.reps.reminders_between(ms - 1, ms).expect("first");
    assert_eq!(first.len(), 1, "{first:#?}");
    assert_eq!(first[0].due_epoch_ms, ms);
    assert_eq!(first[0].body, "Call back Sam · due Tue 2 Jun, 17:00");
    assert!(
        f.reps
            .reminders_between(ms, ms + 60_000)
            .expect("next")
            .is_empty()
    );
}

#[test]
fn sync_status_and_a_background_round_forward_to_the_core() {
    let f = fixture();
    let status = f.reps.sync_status().unwrap();
    assert!(!status.set_up);
    assert_eq!(status.last_synced, "Not synced yet");
    assert!(matches!(f.reps.sync_now(), Err(RepsError::Invalid { .. })));

    // another device starts the journal in a folder; this one joins it
    let folder = tempfile::tempdir().unwrap();
    let place = reps_core::journal::sync::SyncPlace::Folder {
        path: folder.path().display().to_string(),
    };
    let other = Journal::in_memory(ManualClock::new(at(NOW))).unwrap();
    let remote = reps_core::sync::FolderRemote::new(folder.path());
    pollster::block_on(reps_core::sync::connect(
        &other,
        &remote,
        place.clone(),
        "correct horse battery",
        "Laptop",
    ))
    .unwrap();
    other
        .add_lead(LeadDetails::new("Initech", "Engineer", Source::Referral))
        .unwrap();
    pollster::block_on(reps_core::sync::run(&other, &remote)).unwrap();
    pollster::block_on(reps_core::sync::connect(
        f.reps.journal(),
        &remote,
        place,
        "correct horse battery",
        "Phone",
    ))
    .unwrap();
    // a background round brings what the laptop added since, and the
    // widget's snapshot shows the interview booked there
    let snapshot = f.dir.path().join(reps_core::journal::outside::FILE);
    let _ = std::fs::remove_file(&snapshot);
    let hooli = other
        .add_lead(LeadDetails::new("Hooli", "Engineer", Source::JobBoard))
        .unwrap();
    other
        .schedule_interview(
            hooli.id,
            InterviewPlan::new(
                at("2026-06-04T09:30:00+02:00[Europe/Paris]"),
                45,
                InterviewKind::Video,
                Stage::Screen,
            ),
        )
        .unwrap();
    pollster::block_on(reps_core::sync::run(&other, &remote)).unwrap();
    let outcome = f.reps.sync_now().unwrap();
    let written: reps_core::Outside =
        serde_json::from_str(&std::fs::read_to_string(&snapshot).expect("snapshot written"))
            .unwrap();
    assert!(
        written.interviews.iter().any(|i| i.company == "Hooli"),
        "{written:?}"
    );
    assert!(outcome.changed >= 1, "{outcome:?}");
    assert!(outcome.problems.is_empty());
    let companies: Vec<String> = f
        .reps
        .journal()
        .all_leads()
        .unwrap()
        .into_iter()
        .map(|l| l.details.company)
        .collect();
    assert!(companies.contains(&"Hooli".to_string()), "{companies:?}");
    let status = f.reps.sync_status().unwrap();
    assert!(status.set_up);
    assert!(status.last_synced.starts_with("Synced"));
    // no keychain in the test process: the key is in the journal file, and it says so
    assert!(
        status.key_kept.contains("journal file"),
        "{}",
        status.key_kept
    );
    assert!(
        status.devices.iter().any(|d| d.starts_with("Laptop")),
        "{:?}",
        status.devices
    );
}

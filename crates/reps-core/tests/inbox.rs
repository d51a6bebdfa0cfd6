//! The capture inbox end to end: notes written by other "processes" (other
//! inbox handles, threads) become debriefs exactly once, whatever happens
//! between the journal's commit and the file's removal.

mod common;

use std::collections::BTreeSet;
use std::fs;

use common::{at, clock};
use reps_core::inbox::{CaptureInbox, TakenIn};
use reps_core::{DebriefId, InterviewKind, InterviewPlan, Journal, LeadDetails, Source, Stage};

const NOW: &str = "2026-06-01T17:00:00+02:00[Europe/Paris]";

fn setup() -> (tempfile::TempDir, Journal, CaptureInbox) {
    let dir = tempfile::tempdir().expect("tempdir");
    let j = Journal::open(dir.path().join("journal.redb"), clock(NOW)).expect("journal");
    let inbox = CaptureInbox::new(dir.path().join("inbox"));
    (dir, j, inbox)
}

fn notes(j: &Journal) -> Vec<String> {
    j.all_debriefs()
        .expect("debriefs")
        .into_iter()
        .map(|d| d.body.notes)
        .collect()
}

#[test]
fn a_hundred_notes_taken_twice_are_a_hundred_debriefs() {
    let (_d, j, inbox) = setup();
    let texts: Vec<String> = (0..100).map(|n| format!("note {n}")).collect();
    for t in &texts {
        inbox.add(t, None, at(NOW)).expect("add");
    }
    let first = j.take_inbox(&inbox).expect("take");
    assert_eq!(
        first,
        TakenIn {
            added: 100,
            already: 0,
            damaged: 0,
            ..TakenIn::default()
        }
    );
    assert_eq!(j.take_inbox(&inbox).expect("take"), TakenIn::default());
    assert_eq!(notes(&j), texts, "each once, in the order written");
    assert_eq!(j.counts().expect("counts").debriefs, 100);
}

#[test]
fn a_crash_after_the_commit_leaves_no_duplicate() {
    let (_d, j, inbox) = setup();
    let ids: Vec<_> = (0..5)
        .map(|n| inbox.add(&format!("n{n}"), None, at(NOW)).expect("add"))
        .collect();
    let files: Vec<_> = ids
        .iter()
        .map(|id| {
            let p = inbox.dir().join(format!("{id}.json"));
            (p.clone(), fs::read(&p).expect("read"))
        })
        .collect();
    j.take_inbox(&inbox).expect("take");
    // The app was killed after committing the first three and before
    // removing their files: they are back, alongside two new notes.
    for (p, bytes) in &files[..3] {
        fs::write(p, bytes).expect("restore");
    }
    inbox.add("fresh", None, at(NOW)).expect("add");
    let taken = j.take_inbox(&inbox).expect("take");
    assert_eq!(
        taken,
        TakenIn {
            added: 1,
            already: 3,
            damaged: 0,
            ..TakenIn::default()
        }
    );
    assert_eq!(notes(&j), ["n0", "n1", "n2", "n3", "n4", "fresh"]);
    assert!(inbox.pending().expect("pending").entries.is_empty());
}

#[test]
fn a_part_file_is_ignored_and_a_corrupt_one_quarantined() {
    let (_d, j, inbox) = setup();
    inbox.add("kept", None, at(NOW)).expect("add");
    let part = inbox
        .dir()
        .join("0197b3a0-0000-7000-8000-00000000000a.part");
    fs::write(&part, "{\"id\":\"0197b3a0").expect("part");
    let corrupt = inbox
        .dir()
        .join("0197b3a0-0000-7000-8000-00000000000b.json");
    fs::write(&corrupt, "{\"id\": 12, \"text\": \"half").expect("corrupt");
    let taken = j.take_inbox(&inbox).expect("take");
    assert_eq!(
        taken,
        TakenIn {
            added: 1,
            already: 0,
            damaged: 1,
            ..TakenIn::default()
        }
    );
    assert_eq!(notes(&j), ["kept"]);
    assert!(part.exists(), "a file still being written is not touched");
    let aside = inbox
        .dir()
        .join("damaged")
        .join(corrupt.file_name().expect("name"));
    assert_eq!(
        fs::read_to_string(aside).expect("kept aside"),
        "{\"id\": 12, \"text\": \"half"
    );
}

#[test]
fn notes_added_while_taking_in_are_all_taken_once() {
    let (_d, j, inbox) = setup();
    let dir = inbox.dir().to_path_buf();
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let dir = dir.clone();
            std::thread::spawn(move || {
                // each thread is its own process, as far as the inbox knows
                let mine = CaptureInbox::new(dir);
                for n in 0..50 {
                    mine.add(&format!("w{w} n{n}"), None, at(NOW)).expect("add");
                }
            })
        })
        .collect();
    let mut total = TakenIn::default();
    let mut rounds = 0;
    loop {
        let done = writers.iter().all(|t| t.is_finished());
        let t = j.take_inbox(&inbox).expect("take");
        total.added += t.added;
        total.already += t.already;
        total.damaged += t.damaged;
        rounds += 1;
        if done && inbox.pending().expect("pending").entries.is_empty() {
            break;
        }
    }
    for w in writers {
        w.join().expect("writer");
    }
    assert_eq!(
        total,
        TakenIn {
            added: 200,
            already: 0,
            damaged: 0,
            ..TakenIn::default()
        },
        "{rounds} rounds"
    );
    let got: BTreeSet<String> = notes(&j).into_iter().collect();
    let want: BTreeSet<String> = (0..4)
        .flat_map(|w| (0..50).map(move |n| format!("w{w} n{n}")))
        .collect();
    assert_eq!(got, want);
    assert_eq!(j.counts().expect("counts").debriefs, 200);
}

#[test]
fn a_note_goes_to_its_interview_or_the_one_that_had_just_ended() {
    let (_d, j, inbox) = setup();
    let lead = j
        .add_lead(LeadDetails::new("Acme", "Engineer", Source::JobBoard))
        .expect("lead");
    let plan =
        |start: &str| InterviewPlan::new(at(start), 60, InterviewKind::Video, Stage::HiringManager);
    let morning = j
        .schedule_interview(lead.id, plan("2026-06-01T10:00:00+02:00[Europe/Paris]"))
        .expect("morning")
        .interview;
    let afternoon = j
        .schedule_interview(lead.id, plan("2026-06-01T15:00:00+02:00[Europe/Paris]"))
        .expect("afternoon")
        .interview;
    let named = inbox
        .add("about the morning", Some(morning.id), at(NOW))
        .expect("add");
    // written at 16:10, right after the afternoon one
    let guessed = inbox
        .add(
            "just out",
            None,
            at("2026-06-01T16:10:00+02:00[Europe/Paris]"),
        )
        .expect("add");
    // written the week before: no interview had just ended
    let early = inbox
        .add(
            "before anything",
            None,
            at("2026-05-25T09:00:00+02:00[Europe/Paris]"),
        )
        .expect("add");
    assert_eq!(j.take_inbox(&inbox).expect("take").added, 3);
    let d = |id| j.debrief(DebriefId(id)).expect("debrief");
    assert_eq!(d(named).interview, Some(morning.id));
    assert_eq!(d(named).lead, Some(lead.id));
    assert_eq!(d(guessed).interview, Some(afternoon.id));
    assert_eq!(d(early).interview, None);
    // the afternoon's "write it down" row is gone from Today: it has its debrief
    let today = j.today().expect("today");
    let writes: Vec<_> = today
        .iter()
        .filter_map(|i| match i {
            reps_core::rules::today::TodayItem::WriteDebrief { interview, .. } => Some(*interview),
            _ => None,
        })
        .collect();
    assert!(!writes.contains(&afternoon.id), "{writes:?}");
}

#[test]
fn the_inbox_survives_the_journal_being_reopened() {
    let (d, j, inbox) = setup();
    inbox.add("before", None, at(NOW)).expect("add");
    j.take_inbox(&inbox).expect("take");
    drop(j);
    inbox.add("while closed", None, at(NOW)).expect("add");
    let j = Journal::open(d.path().join("journal.redb"), clock(NOW)).expect("reopen");
    assert_eq!(j.take_inbox(&inbox).expect("take").added, 1);
    assert_eq!(notes(&j), ["before", "while closed"]);
}

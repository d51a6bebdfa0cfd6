//! End-to-end, in the real app's window (under Xvfb): what reaches the app
//! from outside it. Notes a widget or App Intent left in the capture inbox
//! (written here by the core's `CaptureInbox`, as `RepsInbox.add` does, while
//! the app holds the journal) are taken in when the app starts and when it
//! comes back to the front, each exactly once; the snapshot widgets and
//! reminders read (`outside.json`) is written beside them; a `reps://` link
//! given at start opens its screen.

mod window;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::Duration as Span;
use reps_core::inbox::CaptureInbox;
use reps_core::{
    InterviewKind, InterviewPlan, Journal, LeadDetails, ManualClock, Source, Stage, Stamp,
};
use window::{App, Screen};

fn now() -> Stamp {
    Stamp::new(chrono::Utc::now(), chrono_tz::UTC)
}

/// A journal with one interview tomorrow; answers the lead's id.
fn prepare(data: &Path) -> reps_core::LeadId {
    let j = Journal::open(data.join("journal.redb"), ManualClock::new(now())).unwrap();
    let lead = j
        .add_lead(LeadDetails::new(
            "Brightpath",
            "Platform Engineer",
            Source::JobBoard,
        ))
        .unwrap();
    let tomorrow = now().add(Span::hours(20)).unwrap();
    j.schedule_interview(
        lead.id,
        InterviewPlan::new(tomorrow, 45, InterviewKind::OnSite, Stage::Screen),
    )
    .unwrap();
    lead.id
}

/// Notes still waiting in the inbox folder.
fn waiting(inbox: &Path) -> usize {
    std::fs::read_dir(inbox)
        .map(|d| {
            d.filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "json")
            })
            .count()
        })
        .unwrap_or(0)
}

fn eventually(what: &str, mut ok: impl FnMut() -> bool) {
    let until = Instant::now() + Duration::from_secs(20);
    while !ok() {
        assert!(Instant::now() < until, "{what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The app's window goes away and comes back (as when a phone app is
/// backgrounded and resumed): unmapped, then mapped and focused again. The
/// page sees `visibilitychange` (hidden, visible) and `focus`, as a phone's
/// web view does.
fn background_and_back(screen: &Screen) {
    let found = Command::new("xdotool")
        .args(["search", "--onlyvisible", "--name", "^Reps$"])
        .env("DISPLAY", &screen.display)
        .output()
        .expect("xdotool");
    let id = String::from_utf8_lossy(&found.stdout)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(!id.is_empty(), "the window is found by its title");
    screen.xdotool(&["windowunmap", "--sync", &id]);
    std::thread::sleep(Duration::from_millis(400));
    screen.xdotool(&["windowmap", "--sync", &id]);
    screen.xdotool(&["windowfocus", &id]);
}

#[test]
fn notes_left_outside_are_taken_in_once_and_the_snapshot_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let lead = prepare(data);
    let inbox_dir = data.join("inbox");
    let inbox = CaptureInbox::new(&inbox_dir);
    // a widget's note while the app was not running
    inbox
        .add("Asked about the on-call rota", None, now())
        .unwrap();
    assert_eq!(waiting(&inbox_dir), 1);

    let screen = Screen::start();
    // started from a link to the lead (a widget's tap): its page opens
    let link = format!("reps://lead/{lead}");
    let app = App::launch_with(&screen, data, &[&link], &[("REPS_OUTSIDE_SNAPSHOT", "1")]);
    app.ready();
    app.find("edit-lead");
    eventually("the note waiting at start is taken in", || {
        waiting(&inbox_dir) == 0
    });

    // the snapshot for the widget and the reminders, beside the inbox
    let snapshot = data.join("outside.json");
    eventually("outside.json is written", || snapshot.is_file());
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&snapshot).unwrap()).unwrap();
    assert_eq!(json["format"], 1);
    assert_eq!(json["interviews"][0]["company"], "Brightpath");
    assert!(
        json["interviews"][0]["deepLink"]
            .as_str()
            .unwrap()
            .starts_with("reps://prep/"),
        "{json}"
    );

    // while the app runs (and holds the journal), two more notes arrive
    inbox
        .add("They use Rust for the billing service", None, now())
        .unwrap();
    inbox.add("Second round next week", None, now()).unwrap();
    assert_eq!(
        waiting(&inbox_dir),
        2,
        "nothing is taken in while the app is in front"
    );
    background_and_back(&screen);
    eventually("the notes are taken in when the app comes back", || {
        waiting(&inbox_dir) == 0
    });
    // and again: nothing is taken twice
    background_and_back(&screen);
    std::thread::sleep(Duration::from_millis(800));
    app.kill();

    let j = Journal::open(data.join("journal.redb"), ManualClock::new(now())).unwrap();
    let mut notes: Vec<String> = j
        .all_debriefs()
        .unwrap()
        .into_iter()
        .map(|d| d.body.notes)
        .collect();
    notes.sort();
    assert_eq!(
        notes,
        [
            "Asked about the on-call rota",
            "Second round next week",
            "They use Rust for the billing service",
        ],
        "each note once"
    );
}

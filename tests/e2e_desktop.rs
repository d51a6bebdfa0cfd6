//! End-to-end: the real app in a real window (under Xvfb), driven like a
//! person with the mouse and keyboard (xdotool), checked in the journal file
//! and in screenshots. The app reports where its controls are (`REPS_E2E`).

mod window;

use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use window::{App, Screen};

use chrono::Duration as Span;
use reps_core::{
    InterviewKind, InterviewPlan, Journal, LeadDetails, ManualClock, PassReason, Source, Stage,
    Stamp, Status,
};

fn now() -> Stamp {
    Stamp::new(chrono::Utc::now(), chrono_tz::UTC)
}

/// A journal with leads to triage, an interview that just ended (one rep) and
/// one tomorrow (a checklist), written by the core before the app starts.
fn prepare(data: &Path) -> Journal {
    let clock = Arc::new(ManualClock::new(now().add(-Span::hours(3)).unwrap()));
    let j = Journal::open(data.join("journal.redb"), clock.clone()).unwrap();
    let done = j
        .add_lead(LeadDetails::new(
            "Northwind",
            "Backend Developer",
            Source::RecruiterCall,
        ))
        .unwrap();
    let start = now().add(-Span::minutes(90)).unwrap();
    j.schedule_interview(
        done.id,
        InterviewPlan::new(start, 60, InterviewKind::Video, Stage::Screen),
    )
    .unwrap();
    let soon = j
        .add_lead(LeadDetails::new(
            "Brightpath",
            "Platform Engineer",
            Source::JobBoard,
        ))
        .unwrap();
    let tomorrow = now().add(Span::hours(20)).unwrap();
    j.schedule_interview(
        soon.id,
        InterviewPlan::new(tomorrow, 45, InterviewKind::OnSite, Stage::Screen),
    )
    .unwrap();
    for (i, company) in [
        "Alpha Labs",
        "Beta Works",
        "Gamma Co",
        "Delta Ltd",
        "Epsilon",
    ]
    .iter()
    .enumerate()
    {
        clock.advance(Span::seconds(1 + i as i64));
        j.add_lead(LeadDetails::new(*company, "Engineer", Source::JobBoard))
            .unwrap();
    }
    clock.set(now());
    j
}

fn reopen(data: &Path) -> Journal {
    Journal::open(data.join("journal.redb"), ManualClock::new(now())).unwrap()
}

fn status_of(j: &Journal, company: &str) -> reps_core::Lead {
    j.leads_at(company)
        .unwrap()
        .pop()
        .unwrap_or_else(|| panic!("no lead {company}"))
}

#[test]
fn a_person_triages_captures_ticks_and_sees_the_rep() {
    let dir = tempfile::tempdir().unwrap();
    drop(prepare(dir.path()));
    let screen = Screen::start();

    // 1. Triage: three swipes, one button, one undo.
    let app = App::launch(&screen, dir.path(), &[]);
    app.ready();
    app.click("tab-leads");
    app.find("deck-card");
    screen.shot("leads-before");
    app.drag("deck-card", 180, 8); // right: take Alpha Labs
    app.drag("deck-card", 60, 0); // too short: snaps back, nothing decided
    app.drag("deck-card", -180, 10); // left: pass on Beta Works, asks why
    app.click("reason-6"); // "They'll probably say no": a weak reason
    app.find("reconsider");
    screen.shot("leads-counterpoint");
    app.click("keep-pass");
    app.drag("deck-card", 5, -200); // up: more info on Gamma Co
    app.click("deck-take"); // button: take Delta Ltd
    app.click("deck-undo"); // …and undo that
    app.find("deck-card");
    screen.shot("leads-after");
    let deck_controls = app.deck_count();
    app.kill();

    let j = reopen(dir.path());
    assert_eq!(
        status_of(&j, "Alpha Labs").status,
        Status::Taking,
        "{deck_controls}"
    );
    let beta = status_of(&j, "Beta Works");
    assert_eq!(beta.status, Status::Passed);
    assert_eq!(
        beta.history.last().unwrap().reason,
        Some(PassReason::FearOfRejection)
    );
    assert_eq!(status_of(&j, "Gamma Co").status, Status::Deciding);
    let delta = status_of(&j, "Delta Ltd");
    assert_eq!(delta.status, Status::New, "undone");
    assert!(delta.history.last().unwrap().undo);
    assert_eq!(
        status_of(&j, "Epsilon").status,
        Status::New,
        "the snap-back decided nothing"
    );
    assert_eq!(j.reps().unwrap().confidence[0].after, None);
    drop(j);

    // 2. Quick capture straight from the shortcut; SIGKILL while typing.
    let app = App::launch(&screen, dir.path(), &["--capture"]);
    app.find("capture-went-well");
    app.ready();
    app.click("confidence-4");
    app.click("capture-went-well");
    let sentence = "Explained the billing migration clearly and calmly";
    let mut typing = Command::new("xdotool")
        .args(["type", "--delay", "110", sentence])
        .env("DISPLAY", &screen.display)
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(2500));
    screen.shot("capture-mid-typing");
    app.kill(); // mid-sentence
    let _ = typing.wait();
    let j = reopen(dir.path());
    let saved: Vec<_> = j
        .all_debriefs()
        .unwrap()
        .into_iter()
        .map(|d| d.body.went_well)
        .collect();
    let typed = saved
        .iter()
        .find(|t| !t.is_empty())
        .unwrap_or_else(|| panic!("no text survived: {saved:?}"));
    assert!(
        sentence.starts_with(typed.as_str()),
        "{typed:?} is what was typed, in order"
    );
    assert!(
        typed.len() >= 12,
        "at most the last fraction of a second is lost: {typed:?}"
    );
    assert!(
        typed.len() < sentence.len(),
        "the kill came mid-sentence: {typed:?}"
    );
    let northwind = status_of(&j, "Northwind");
    let iv = j.interviews_for_lead(northwind.id).unwrap().remove(0);
    assert_eq!(
        iv.confidence_after.map(|r| r.get()),
        Some(4),
        "the capture fed the rep chart"
    );
    drop(j);

    // 3. Prep: tick a checklist item; Reps: the rep and the chart.
    let app = App::launch(&screen, dir.path(), &[]);
    app.ready();
    app.click("tab-prep");
    app.click("prep-open-0");
    app.click("check-DayBefore-0");
    screen.shot("checklist");
    // walking in: where, and what to hold in mind
    app.click("walking-in");
    let door = app.wait_text("walking-in-view", "Brightpath — Platform Engineer");
    assert!(door.contains("In person"), "{door}");
    screen.shot("walking-in");
    app.key("Escape");
    app.find("walking-in");
    app.click("tab-reps");
    app.find("confidence-chart");
    app.find("reps-total");
    screen.shot("reps");
    app.gone("deck-card");
    app.kill();
    let j = reopen(dir.path());
    let brightpath = status_of(&j, "Brightpath");
    let iv = j.interviews_for_lead(brightpath.id).unwrap().remove(0);
    assert_eq!(
        j.checklist(iv.id).unwrap().progress().0,
        1,
        "one item ticked"
    );
    let reps = j.reps().unwrap();
    assert_eq!(reps.total, 1);
    assert_eq!(reps.confidence.len(), 1);
}

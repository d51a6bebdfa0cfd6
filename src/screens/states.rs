//! Every screen rendered whole, over an empty journal, the demo journal, and a
//! journal whose owner has stopped: the empty, typical and error states.

use dioxus::prelude::*;

use super::capture::Capture;
use super::checklist::Prep;
use super::leads::Leads;
use super::people::People;
use super::reps::Reps;
use super::test_support::{demo_handle, empty_handle, render_screen};
use super::today::Today;
use crate::journal::JournalHandle;

type Screen = (&'static str, fn() -> Element);

fn screens() -> [Screen; 6] {
    [
        ("today", Today),
        ("leads", Leads),
        ("capture", Capture),
        ("prep", Prep),
        ("reps", Reps),
        ("people", People),
    ]
}

#[test]
fn every_screen_has_a_friendly_empty_state() {
    let expected = [
        ("today", "Nothing due right now."),
        ("leads", "No leads waiting."),
        ("capture", "Start typing"),
        ("prep", "No interviews coming up."),
        ("reps", "Your first rep is waiting."),
        ("people", "Nobody here yet."),
    ];
    for ((name, screen), (_, text)) in screens().into_iter().zip(expected) {
        let html = render_screen(empty_handle(), screen);
        assert!(html.contains(text), "{name}: {html}");
    }
}

/// What each screen must show of the demo journal, read from the journal
/// itself (none of it is on the screen of an empty journal).
fn demo_expectations() -> [String; 6] {
    let j = super::test_support::demo();
    let today = j.today_rows().unwrap();
    let first_row = today.first().expect("the demo has something due today");
    let deck = j.deck().unwrap();
    let upcoming = j.upcoming(1).unwrap();
    let (_, next_lead) = upcoming.first().expect("the demo has an interview ahead");
    let reps = j.reps().unwrap();
    assert!(reps.total > 0, "the demo has reps");
    let person = j.all_contacts().unwrap();
    [
        first_row.about.clone(),
        deck.first()
            .expect("the demo deck is not empty")
            .details
            .company
            .clone(),
        // capture offers the interviews that have begun, to attach the notes to
        j.capture_choices(vec![])
            .unwrap()
            .first()
            .expect("the demo has an interview held lately")
            .1
            .clone(),
        next_lead.details.company.clone(),
        format!("<span class=\"stat-value\">{}</span>", reps.total),
        person
            .first()
            .expect("the demo has people")
            .details
            .name
            .clone(),
    ]
}

#[test]
fn every_screen_shows_the_demo_journal() {
    for ((name, screen), text) in screens().into_iter().zip(demo_expectations()) {
        let html = render_screen(demo_handle(), screen);
        assert!(html.contains(&text), "{name}: {text:?} not in {html}");
        let empty = render_screen(empty_handle(), screen);
        assert!(
            !empty.contains(&text),
            "{name}: {text:?} shown without the demo"
        );
    }
}

#[test]
fn every_screen_reports_a_stopped_journal_in_plain_words() {
    for (name, screen) in screens() {
        let html = render_screen(JournalHandle::stopped(), screen);
        assert!(
            html.contains("role=\"alert\"") && html.contains("Nothing saved was lost"),
            "{name}: {html}"
        );
    }
}

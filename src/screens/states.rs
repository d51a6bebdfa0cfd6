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

#[test]
fn every_screen_shows_the_demo_journal() {
    let expected = [
        ("today", "Meridian Bank"),
        ("leads", "Tidewater Studio"),
        ("capture", "What went well"),
        ("prep", "Brightpath Health"),
        ("reps", "confidence-chart"),
        ("people", "Inès Moreau"),
    ];
    for ((name, screen), (_, text)) in screens().into_iter().zip(expected) {
        let html = render_screen(demo_handle(), screen);
        assert!(html.contains(text), "{name}: {html}");
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

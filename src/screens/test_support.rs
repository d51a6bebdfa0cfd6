//! Shared helpers for screen tests: render a view to HTML, and sample data
//! from the core's demo journal.

#![cfg(test)]

use std::sync::Arc;

use dioxus::prelude::*;
use reps_core::rules::today::TodayItem;
use reps_core::{Journal, ManualClock, Stamp};

/// Renders a component tree to HTML (inside a router-less VirtualDom).
pub fn render(app: fn() -> Element) -> String {
    let mut dom = VirtualDom::new(app);
    dom.rebuild_in_place();
    dioxus_ssr::render(&dom)
}

/// Renders a component that needs data: the closure captures it.
pub fn render_with<P: Clone + 'static>(props: P, app: fn(P) -> Element) -> String {
    let mut dom = VirtualDom::new_with_props(app, props);
    dom.rebuild_in_place();
    dioxus_ssr::render(&dom)
}

/// The demo journal at a fixed time.
pub fn demo() -> Journal {
    let now: Stamp = "2026-11-23T18:00:00+01:00[Europe/Paris]".parse().unwrap();
    let clock = Arc::new(ManualClock::new(now));
    let j = Journal::in_memory(clock.clone()).unwrap();
    reps_core::demo::populate(&j, &clock, now).unwrap();
    j
}

/// Today's items of the demo journal.
pub fn demo_today() -> Vec<TodayItem> {
    demo().today().unwrap()
}

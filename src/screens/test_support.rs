//! Shared helpers for screen tests: render a view to HTML, and sample data
//! from the core's demo journal.

#![cfg(test)]

use std::sync::Arc;

use dioxus::prelude::*;
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
pub fn demo_today() -> Vec<reps_core::TodayRow> {
    demo().today_rows().unwrap()
}

use crate::journal::JournalHandle;

#[derive(Props, Clone)]
struct HarnessProps {
    screen: fn() -> Element,
}

impl PartialEq for HarnessProps {
    fn eq(&self, _: &Self) -> bool {
        false // a harness is rendered once; never skip it
    }
}

#[allow(non_snake_case)]
fn Harness(props: HarnessProps) -> Element {
    let handle = use_context::<JournalHandle>();
    use_context_provider(|| crate::app::Ctx::for_tests(handle));
    (props.screen)()
}

/// Renders a whole screen (container and view) over a journal, after its
/// queries have answered.
pub fn render_screen(handle: JournalHandle, screen: fn() -> Element) -> String {
    let mut dom =
        VirtualDom::new_with_props(Harness, HarnessProps { screen }).with_root_context(handle);
    dom.rebuild_in_place();
    for _ in 0..30 {
        if !wait(dom.wait_for_work(), std::time::Duration::from_millis(300)) {
            break;
        }
        dom.render_immediate(&mut dioxus_core::NoOpMutations);
    }
    dioxus_ssr::render(&dom)
}

/// Runs a future to completion on this thread (the journal owner answers from its own thread).
pub fn block_on<T>(f: impl std::future::Future<Output = T>) -> T {
    let mut out = None;
    let done = wait(
        async {
            out = Some(f.await);
        },
        std::time::Duration::from_secs(30),
    );
    assert!(done, "the future did not finish in 30 s");
    out.expect("finished")
}

/// Polls `f` on this thread until it is ready or `limit` passes.
fn wait(f: impl std::future::Future<Output = ()>, limit: std::time::Duration) -> bool {
    use std::task::{Context, Poll, Wake, Waker};
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut f = std::pin::pin!(f);
    let until = std::time::Instant::now() + limit;
    loop {
        if let Poll::Ready(()) = f.as_mut().poll(&mut cx) {
            return true;
        }
        let left = until.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            return false;
        }
        std::thread::park_timeout(left);
    }
}

/// A handle over the demo journal.
pub fn demo_handle() -> JournalHandle {
    JournalHandle::spawn(demo())
}

/// A handle over an empty journal.
pub fn empty_handle() -> JournalHandle {
    let now: Stamp = "2026-11-23T18:00:00+01:00[Europe/Paris]".parse().unwrap();
    JournalHandle::spawn(Journal::in_memory(ManualClock::new(now)).unwrap())
}

//! The back button and the back gesture.
//!
//! Dioxus desktop and mobile keep the router's history in memory
//! (`MemoryHistory`), so the web view itself never has anywhere to go back
//! to: Android's back button or gesture (handled by wry's `WryActivity`:
//! `if (webView.canGoBack()) webView.goBack()`, else the activity goes to the
//! background) would leave the app from any screen. This history keeps the
//! web view's own history one entry per screen the router pushed
//! (`history.pushState`), so `canGoBack()` is true exactly when the app has
//! a screen to go back to; the web view going back (`popstate`, sent here by
//! `crate::platform::incoming`) takes the router back one screen. On iOS the same
//! `popstate` comes from the web view's back swipe, if it is turned on.
//! An in-app "back" moves the web view back too, and its `popstate` is
//! skipped.

use std::cell::{Cell, RefCell};
use std::sync::Arc;

use dioxus::history::{History, MemoryHistory};

/// Skips the `popstate` that our own `history.back()` causes.
const BACK: &str = "window.__repsSkipPops = (window.__repsSkipPops || 0) + 1; history.back();";
/// One web view history entry per screen pushed.
const PUSH: &str = "history.pushState(null, '');";

/// The router's history, mirrored into the web view's.
pub struct WebviewHistory {
    inner: MemoryHistory,
    /// Entries pushed into the web view and not gone back from.
    depth: Cell<usize>,
    /// The router's "something changed outside" callback.
    updater: RefCell<Option<Arc<dyn Fn() + Send + Sync>>>,
    /// Runs a script in the web view.
    run: Box<dyn Fn(&'static str)>,
}

impl WebviewHistory {
    /// Over the page of this app (scripts go through `document::eval`).
    pub fn new() -> Self {
        Self::with_runner(|js| {
            dioxus::prelude::document::eval(js);
        })
    }

    /// With another way to run scripts (tests record them).
    pub fn with_runner(run: impl Fn(&'static str) + 'static) -> Self {
        WebviewHistory {
            inner: MemoryHistory::default(),
            depth: Cell::new(0),
            updater: RefCell::new(None),
            run: Box::new(run),
        }
    }

    /// The web view went back one entry (back button, back gesture): the
    /// router goes back one screen.
    pub fn went_back(&self) {
        if self.depth.get() == 0 {
            return;
        }
        self.depth.set(self.depth.get() - 1);
        self.inner.go_back();
        if let Some(update) = self.updater.borrow().as_ref() {
            update();
        }
    }

    fn pushed_if_changed(&self, before: String) {
        if self.inner.current_route() != before {
            self.depth.set(self.depth.get() + 1);
            (self.run)(PUSH);
        }
    }
}

impl History for WebviewHistory {
    fn current_route(&self) -> String {
        self.inner.current_route()
    }

    fn can_go_back(&self) -> bool {
        self.inner.can_go_back()
    }

    fn go_back(&self) {
        if !self.inner.can_go_back() {
            return;
        }
        self.inner.go_back();
        if self.depth.get() > 0 {
            self.depth.set(self.depth.get() - 1);
            (self.run)(BACK);
        }
    }

    fn can_go_forward(&self) -> bool {
        self.inner.can_go_forward()
    }

    fn go_forward(&self) {
        let before = self.inner.current_route();
        self.inner.go_forward();
        self.pushed_if_changed(before);
    }

    fn push(&self, route: String) {
        let before = self.inner.current_route();
        self.inner.push(route);
        self.pushed_if_changed(before);
    }

    fn replace(&self, path: String) {
        self.inner.replace(path);
    }

    fn updater(&self, callback: Arc<dyn Fn() + Send + Sync>) {
        *self.updater.borrow_mut() = Some(callback);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn recorded() -> (WebviewHistory, Rc<RefCell<Vec<&'static str>>>) {
        let log = Rc::new(RefCell::new(Vec::new()));
        let sink = log.clone();
        (
            WebviewHistory::with_runner(move |js| sink.borrow_mut().push(js)),
            log,
        )
    }

    #[test]
    fn each_screen_pushed_is_one_step_of_the_back_button() {
        let (h, log) = recorded();
        let updates = Arc::new(AtomicUsize::new(0));
        let seen = updates.clone();
        h.updater(Arc::new(move || {
            seen.fetch_add(1, Ordering::SeqCst);
        }));
        h.push("/leads".into());
        h.push("/leads/1".into());
        h.push("/leads/1".into()); // the same screen again: no new step
        h.replace("/capture".into()); // a replacement is no step either
        assert_eq!(*log.borrow(), vec![PUSH, PUSH]);
        h.went_back();
        assert_eq!(h.current_route(), "/leads");
        assert_eq!(updates.load(Ordering::SeqCst), 1, "the router re-renders");
        h.went_back();
        assert_eq!(h.current_route(), "/");
        // nothing left: the web view cannot go back, the system takes over
        h.went_back();
        assert_eq!(h.current_route(), "/");
        assert_eq!(updates.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn an_in_app_back_moves_the_web_view_back_too() {
        let (h, log) = recorded();
        h.push("/prep".into());
        h.go_back();
        assert_eq!(h.current_route(), "/");
        assert_eq!(*log.borrow(), vec![PUSH, BACK]);
        // and once at the start, there is nothing to undo
        h.go_back();
        assert_eq!(log.borrow().len(), 2);
        h.went_back();
        assert_eq!(h.current_route(), "/");
    }
}

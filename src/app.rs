//! The root component: the shared journal context, the stylesheet, the router,
//! and (for end-to-end tests only) a reporter of where controls are on screen.

use dioxus::prelude::*;

use crate::journal::{JournalHandle, UiError};
use crate::route::Route;

/// The stylesheet. (The web page links its own copy from `index.html`, so
/// the first paint is styled before the wasm has loaded.)
#[cfg(not(target_arch = "wasm32"))]
const STYLE: Asset = asset!("/assets/reps.css");

/// How the app was started.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Launch {
    /// Open straight into quick capture (home-screen shortcut, `--capture`).
    pub capture: bool,
    /// Report control positions on stdout for end-to-end tests.
    pub e2e: bool,
    /// Why the journal could not be opened, if it could not.
    pub failure: Option<String>,
    /// The sample journal is open, not the user's own.
    pub demo: bool,
    /// A `reps://` link to open first (desktop: from the command line).
    pub link: Option<String>,
    /// Where the journal, its capture inbox and its widget snapshot are.
    #[cfg(not(target_arch = "wasm32"))]
    pub places: Option<crate::platform::paths::Places>,
    /// Keep the widget snapshot up to date (phones; `REPS_OUTSIDE_SNAPSHOT=1`).
    pub outside_snapshot: bool,
    /// A posting shared into the installed web app (its Web Share Target).
    pub shared: Option<String>,
}

/// The one shared context: the way to the journal, and a revision number that
/// every command bumps so that queries on screen refresh.
#[derive(Clone, Copy)]
pub struct Ctx {
    handle: Signal<Option<JournalHandle>>,
    revision: Signal<u64>,
    /// What was last typed in the search box, so coming back finds it there.
    last_search: Signal<String>,
}

impl Ctx {
    /// A context over `handle`, for rendering single screens in tests.
    #[cfg(test)]
    pub fn for_tests(handle: JournalHandle) -> Ctx {
        Ctx {
            handle: Signal::new(Some(handle)),
            revision: Signal::new(0),
            last_search: Signal::new(String::new()),
        }
    }

    /// The journal (absent only when it failed to open, and then no screen shows).
    pub fn journal(&self) -> JournalHandle {
        self.handle
            .peek()
            .clone()
            .expect("screens render only with an open journal")
    }
    /// Read inside a resource to re-run it after every change.
    pub fn revision(&self) -> u64 {
        (self.revision)()
    }
    /// What was last searched for (read once, when the search screen opens).
    pub fn last_search(&self) -> String {
        self.last_search.peek().clone()
    }
    /// Keeps what is typed in the search box for the way back.
    pub fn remember_search(&mut self, text: String) {
        self.last_search.set(text);
    }
    /// Call after a command so that screens re-query.
    pub fn changed(&mut self) {
        self.revision += 1;
    }

    /// After a command: on success clear the screen's error and refresh every
    /// query; on failure show the error there. Returns the command's value.
    pub fn settle<T>(
        &mut self,
        result: Result<T, UiError>,
        mut error: Signal<Option<UiError>>,
    ) -> Option<T> {
        match result {
            Ok(v) => {
                error.set(None);
                self.changed();
                Some(v)
            }
            Err(e) => {
                error.set(Some(e));
                None
            }
        }
    }
}

/// The shared context, from any component below [`App`].
pub fn use_ctx() -> Ctx {
    use_context::<Ctx>()
}

/// The root component.
#[component]
pub fn App() -> Element {
    let launch = try_consume_context::<Launch>().unwrap_or_default();
    let (handle, opening_failed) = use_hook(|| platform_handle(&launch));
    let mut failure = use_signal(|| launch.failure.clone().or(opening_failed));
    use_context_provider(|| Ctx {
        handle: Signal::new(handle.clone()),
        revision: Signal::new(0),
        last_search: Signal::new(String::new()),
    });
    // the back button and gesture walk the router's history (crate::platform::history)
    #[cfg(not(target_arch = "wasm32"))]
    use_hook(|| {
        let history = std::rc::Rc::new(crate::platform::history::WebviewHistory::new());
        provide_context(history.clone());
        provide_context(history as std::rc::Rc<dyn dioxus::history::History>);
    });
    // sync rounds on their own thread; a round that brought changes refreshes the screens
    #[cfg(not(target_arch = "wasm32"))]
    {
        let for_sync = handle.clone();
        let mut revision = use_context::<Ctx>().revision;
        use_hook(move || {
            let Some(h) = for_sync else { return };
            let (changed, mut heard) = futures_channel::mpsc::unbounded();
            let runner = crate::platform::sync_runner::SyncRunner::spawn(h, changed);
            provide_context(runner.clone());
            spawn(async move {
                use futures_util::StreamExt;
                while heard.next().await.is_some() {
                    revision += 1;
                }
            });
        });
    }
    // in the browser the worker runs the rounds; the page asks it for jobs
    // and hears when one brought changes
    #[cfg(target_arch = "wasm32")]
    {
        let for_sync = handle.clone();
        let mut revision = use_context::<Ctx>().revision;
        use_hook(move || {
            let Some(link) = for_sync.and_then(|h| h.worker_link()) else {
                return;
            };
            let (changed, mut heard) = futures_channel::mpsc::unbounded();
            link.on_sync_changed(changed);
            provide_context(crate::web::sync::WebSync::new(link));
            spawn(async move {
                use futures_util::StreamExt;
                while heard.next().await.is_some() {
                    revision += 1;
                }
            });
        });
    }
    let e2e = launch.e2e;
    use_hook(move || {
        if e2e {
            spawn(report_positions());
        }
    });
    let watched = handle.clone();
    use_hook(move || {
        if let Some(h) = watched {
            spawn(async move {
                let opened = h.opened().await;
                #[cfg(target_arch = "wasm32")]
                crate::web::mark_journal(if opened.is_ok() { "open" } else { "failed" });
                if let Err(why) = opened {
                    failure.set(Some(why));
                }
            });
        }
    });
    let why = failure().or_else(|| {
        handle
            .is_none()
            .then(|| "The journal is not open.".to_string())
    });
    rsx! {
        Head {}
        if let Some(why) = why {
            main { class: "fatal", role: "alert",
                h1 { "Reps could not open your journal" }
                p { "{why}" }
                p { "Your data has not been changed. Close other Reps windows and tabs, then start Reps again." }
            }
        } else {
            Router::<Route> {}
        }
    }
}

/// The page's viewport: drawn under the notch and home indicator
/// (`viewport-fit=cover`, the stylesheet keeps content inside the safe area),
/// and made smaller, not covered, by the on-screen keyboard (Android's
/// `interactive-widget`; iOS scrolls the focused field into view itself).
/// Zooming stays allowed.
#[cfg(not(target_arch = "wasm32"))]
pub const VIEWPORT: &str =
    "width=device-width, initial-scale=1, viewport-fit=cover, interactive-widget=resizes-content";

/// The stylesheet and viewport, where the platform does not provide them.
#[component]
fn Head() -> Element {
    #[cfg(not(target_arch = "wasm32"))]
    return rsx! {
        document::Stylesheet { href: STYLE }
        document::Meta { name: "viewport", content: VIEWPORT }
    };
    #[cfg(target_arch = "wasm32")]
    return rsx! {};
}

/// The way to the journal on this platform, or why there is none. Desktop
/// and phones open the file before the window and pass the handle in; the
/// browser starts its journal worker here.
fn platform_handle(launch: &Launch) -> (Option<JournalHandle>, Option<String>) {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = launch;
        (try_consume_context::<JournalHandle>(), None)
    }
    #[cfg(target_arch = "wasm32")]
    {
        let link = crate::web::client::WorkerLink::new();
        let (starter, demo) = (link.clone(), launch.demo);
        // After the first render: the screen first, then the worker.
        dioxus::core::queue_effect(move || starter.start(demo));
        (Some(JournalHandle::worker(link)), None)
    }
}

/// For end-to-end tests: prints `E2E-RECTS` lines with the centre and size of
/// every element that has a `data-testid`, and `E2E-TEXT` lines with what
/// each says (a field's value, else its text), whenever they change.
async fn report_positions() {
    let mut eval = document::eval(
        r#"
        let last = "", lastText = "";
        while (true) {
            await new Promise(r => setTimeout(r, 120));
            const rects = {}, texts = {};
            for (const e of document.querySelectorAll('[data-testid]')) {
                const r = e.getBoundingClientRect();
                if (r.width > 0 && r.height > 0) {
                    rects[e.dataset.testid] = [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2), Math.round(r.width), Math.round(r.height)];
                    texts[e.dataset.testid] = ('value' in e && typeof e.value === 'string' ? e.value : e.innerText || '').slice(0, 4000);
                }
            }
            const now = JSON.stringify(rects), nowText = JSON.stringify(texts);
            if (now !== last) { last = now; dioxus.send("E2E-RECTS " + now); }
            if (nowText !== lastText) { lastText = nowText; dioxus.send("E2E-TEXT " + nowText); }
        }
        "#,
    );
    while let Ok(line) = eval.recv::<String>().await {
        println!("{line}");
    }
}

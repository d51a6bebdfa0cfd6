//! Everything that reaches the app from outside its screens, handled in one
//! place (desktop and phones):
//!
//! - **Start and resume.** On start and each time the app comes back to the
//!   front, the notes that widgets, shortcuts and App Intents left in the
//!   capture inbox are taken in ([`reps_core::Journal::take_inbox`]: each
//!   exactly once, even after a crash half way). "Back to the front" is the
//!   window event loop's `Resumed` on phones ([`crate::platform::phone`]) and the page's
//!   `visibilitychange`/`focus` everywhere (the desktop's own shortcut and
//!   command line can write the inbox too). A burst of them is one take.
//! - **Links.** A `reps://` link opens its screen ([`crate::platform::links`]): from
//!   the command line (desktop), the activity's intent (Android, read on
//!   start and on every resume), or the system's "open URL" (iOS).
//! - **Back.** The web view going back (Android's back button or gesture)
//!   takes the router back one screen ([`crate::platform::history`]).
//! - **The widget snapshot** ([`crate::platform::snapshot`]) is written on start and
//!   after every change that alters it, then the platform code is told.
//!
//! Being suspended or killed at any moment needs nothing here: every edit is
//! committed when it is made (autosave commits each keystroke; the desktop
//! kill test in `tests/e2e_desktop.rs` kills the app mid-typing and finds
//! every acknowledged keystroke in the journal).

use std::rc::Rc;

use dioxus::prelude::*;
use futures_channel::mpsc;
use futures_util::StreamExt;

use crate::app::{Launch, use_ctx};
use crate::platform::history::WebviewHistory;
use crate::platform::phone::{Incoming, IncomingEvents};

/// Listens for the page coming back to the front and for the web view going back.
const BRIDGE: &str = r#"
    window.addEventListener('popstate', () => {
        if ((window.__repsSkipPops || 0) > 0) { window.__repsSkipPops -= 1; return; }
        dioxus.send('back');
    });
    document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') dioxus.send('resume');
    });
    window.addEventListener('focus', () => dioxus.send('resume'));
    await new Promise(() => {});
"#;

/// Handles what comes from outside; renders nothing.
#[component]
pub fn FromOutside() -> Element {
    let ctx = use_ctx();
    let launch = try_consume_context::<Launch>().unwrap_or_default();
    let history = try_consume_context::<Rc<WebviewHistory>>();
    let events = try_consume_context::<IncomingEvents>().and_then(|e| e.take());
    let places = launch.places.clone();

    let outside = launch
        .outside_snapshot
        .then(|| launch.places.clone())
        .flatten();
    let first_link = launch.link.clone();
    let snapshot = use_hook(move || {
        #[cfg(target_os = "ios")]
        crate::platform::phone::ios::started();
        let (tx, mut rx) = mpsc::unbounded::<Incoming>();
        // the page: resume and back
        let page = tx.clone();
        spawn(async move {
            let mut bridge = document::eval(BRIDGE);
            while let Ok(message) = bridge.recv::<String>().await {
                match message.as_str() {
                    "back" => {
                        if let Some(h) = &history {
                            h.went_back();
                        }
                    }
                    _ => {
                        let _ = page.unbounded_send(Incoming::Resumed);
                    }
                }
            }
        });
        // the window's event loop: resume and links
        if let Some(mut events) = events {
            let native = tx.clone();
            spawn(async move {
                while let Some(e) = events.next().await {
                    let _ = native.unbounded_send(e);
                }
            });
        }
        // start is a resume (with the link it was started with, if any);
        // then each one as it comes, a burst at a time
        let _ = tx.unbounded_send(Incoming::Resumed);
        if let Some(link) = first_link {
            let _ = tx.unbounded_send(Incoming::Opened(link));
        }
        // back at the front: a sync round soon
        let sync = try_consume_context::<crate::platform::sync_runner::SyncRunner>();
        spawn(async move {
            let mut ctx = ctx;
            while let Some(first) = rx.next().await {
                let mut batch = vec![first];
                while let Ok(more) = rx.try_recv() {
                    batch.push(more);
                }
                let resumed = batch.contains(&Incoming::Resumed);
                #[allow(unused_mut)]
                let mut links: Vec<String> = batch
                    .into_iter()
                    .filter_map(|o| match o {
                        Incoming::Opened(link) => Some(link),
                        Incoming::Resumed => None,
                    })
                    .collect();
                if resumed {
                    if let Some(s) = &sync {
                        s.nudge();
                    }
                    #[cfg(target_os = "android")]
                    links.extend(crate::platform::phone::android::take_link());
                    if let Some(places) = &places {
                        match ctx.journal().take_inbox(places.inbox.clone()).await {
                            Ok(taken) if taken.added + taken.shared > 0 => ctx.changed(),
                            Ok(_) => {}
                            Err(e) => eprintln!("reps: could not take in the capture inbox: {e}"),
                        }
                    }
                }
                // the last link wins: it is the one the user opened last
                if let Some(route) = links
                    .iter()
                    .rev()
                    .find_map(|l| crate::platform::links::route_for(l))
                {
                    navigator().push(route);
                }
            }
        });
        // the widget snapshot, written by one task so writes never cross
        let path = outside?.outside;
        let (dirty, mut changes) = mpsc::unbounded::<()>();
        spawn(async move {
            let mut written = None;
            while changes.next().await.is_some() {
                while changes.try_recv().is_ok() {}
                let now = match ctx.journal().outside().await {
                    Ok(o) => o,
                    Err(e) => {
                        eprintln!("reps: could not gather the widget snapshot: {e}");
                        continue;
                    }
                };
                match crate::platform::snapshot::write_if_changed(&path, &now, &mut written) {
                    Ok(true) => crate::platform::phone::outside_changed(),
                    Ok(false) => {}
                    Err(e) => eprintln!("reps: could not write {}: {e}", path.display()),
                }
            }
        });
        Some(dirty)
    });
    // on start and after every change
    use_effect(move || {
        ctx.revision();
        if let Some(dirty) = &snapshot {
            let _ = dirty.unbounded_send(());
        }
    });
    rsx! {}
}

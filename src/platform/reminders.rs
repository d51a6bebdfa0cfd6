//! Desktop reminders: while the window is open, each follow-up that falls
//! due becomes a system notification (through `notify-rust`), once, and a
//! click on it opens the screen that deals with it. The schedule is the
//! core's (`rules::followups::newly_due`); the phones use the same one.

use std::time::Duration;

use dioxus::prelude::*;
use futures_channel::mpsc;
use futures_util::StreamExt;

use reps_core::Reminder;

use crate::app::use_ctx;
use crate::route::Route;

/// How often the journal is asked what fell due (tests shorten it with
/// `REPS_REMINDER_EVERY_SECS`).
fn every() -> Duration {
    let secs = std::env::var("REPS_REMINDER_EVERY_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .filter(|s| (1..=3600).contains(s))
        .unwrap_or(20);
    Duration::from_secs(secs)
}

/// The app's name as notifications show it.
const APP_NAME: &str = "Reps";

/// Watches for follow-ups falling due; renders nothing.
#[component]
pub fn Reminders() -> Element {
    let ctx = use_ctx();
    use_future(move || async move {
        let (open_tx, mut open_rx) = mpsc::unbounded::<Route>();
        spawn(async move {
            while let Some(route) = open_rx.next().await {
                navigator().push(route);
                let window = dioxus::desktop::window();
                window.set_minimized(false);
                window.set_focus();
            }
        });
        let mut ticks = ticker(every());
        let journal = ctx.journal();
        // what was already due at launch is on Today; announce what comes next
        let Ok(mut after) = journal.now().await else {
            return;
        };
        let mut warned = false;
        while ticks.next().await.is_some() {
            let Ok(until) = journal.now().await else {
                continue;
            };
            match journal.reminders(after, until).await {
                Ok(due) => {
                    for r in due {
                        if let Err(e) = announce(&r, open_tx.clone())
                            && !warned
                        {
                            warned = true;
                            eprintln!(
                                "reps: system notifications are not available here ({e}); due follow-ups still show on Today"
                            );
                        }
                    }
                    after = until;
                }
                // the journal was busy or failed: ask again next time, nothing skipped
                Err(e) => eprintln!("reps: could not check reminders: {e}"),
            }
        }
    });
    rsx! {}
}

/// A tick every `every`, from a small thread (the window's runtime has no timer to lend).
fn ticker(every: Duration) -> mpsc::UnboundedReceiver<()> {
    let (tx, rx) = mpsc::unbounded();
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(every);
            if tx.unbounded_send(()).is_err() {
                break;
            }
        }
    });
    rx
}

/// Shows one notification; a thread waits for its click.
fn announce(r: &Reminder, open: mpsc::UnboundedSender<Route>) -> Result<(), String> {
    let (summary, body) = (&r.title, &r.body);
    let to = Route::from(r.goes_to);
    let mut n = notify_rust::Notification::new();
    n.appname(APP_NAME).summary(summary).body(body);
    #[cfg(all(unix, not(target_os = "macos")))]
    n.action("default", "Open");
    let handle = n.show().map_err(|e| e.to_string())?;
    #[cfg(all(unix, not(target_os = "macos")))]
    std::thread::spawn(move || {
        handle.wait_for_action(|action| {
            if action == "default" {
                let _ = open.unbounded_send(to);
            }
        });
    });
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    {
        // macOS and Windows bring the app forward on a click by themselves
        let _ = (handle, open, to);
    }
    Ok(())
}

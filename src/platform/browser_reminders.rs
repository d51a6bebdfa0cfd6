//! The browser's reminders while Reps is open: the app badge (the Badging
//! API, on an installed web app) counts what Today asks for — due
//! follow-ups, and practice when cards are due — and a notification (when
//! the user allowed them) announces each follow-up or day's practice as it
//! falls due, opening its screen when tapped. The browser has no way to
//! wake a closed page without a push server, which Reps does not have:
//! the README says so.

use dioxus::prelude::*;
use reps_core::rules::today::TodayItem;
use serde::{Deserialize, Serialize};

use crate::app::use_ctx;
use crate::route::Route;

/// How often the badge and the reminders are looked at, in milliseconds.
const EVERY_MS: u32 = 5_000;

/// What the page script is asked to do on one round.
#[derive(Serialize)]
struct Round {
    /// The number on the app badge (0 clears it).
    badge: usize,
    /// Notifications to show.
    notify: Vec<Note>,
    /// How long to wait for a tap before the next round.
    wait_ms: u32,
}

#[derive(Serialize)]
struct Note {
    title: String,
    body: String,
    /// Replaces an earlier notification of the same thing.
    tag: String,
    /// The screen a tap opens (a `GoesTo`, as JSON).
    goes_to: reps_core::GoesTo,
}

/// What came back: a tapped notification's screen, or nothing.
#[derive(Deserialize)]
struct Back {
    goes_to: Option<reps_core::GoesTo>,
}

/// The page script: sets the badge, shows the notifications, then waits
/// for a tap or the next round.
const SCRIPT: &str = r#"
let tapped = null;
while (true) {
    const round = await dioxus.recv();
    try {
        if ('setAppBadge' in navigator) {
            if (round.badge > 0) await navigator.setAppBadge(round.badge);
            else await navigator.clearAppBadge();
        }
    } catch (e) {}
    if (window.Notification && Notification.permission === 'granted') {
        for (const n of round.notify) {
            const shown = new Notification(n.title, { body: n.body, tag: n.tag, icon: 'icon-192.png' });
            shown.onclick = () => { window.focus(); tapped = n.goes_to; shown.close(); };
        }
    }
    const until = Date.now() + round.wait_ms;
    while (tapped === null && Date.now() < until) {
        await new Promise(r => setTimeout(r, 250));
    }
    dioxus.send({ goes_to: tapped });
    tapped = null;
}
"#;

/// Keeps the badge and the notifications up to date while the page is open.
#[component]
pub fn BrowserReminders() -> Element {
    let ctx = use_ctx();
    use_future(move || async move {
        let journal = ctx.journal();
        let mut js = document::eval(SCRIPT);
        let Ok(mut after) = journal.now().await else {
            return;
        };
        loop {
            let badge = match journal.today().await {
                Ok(rows) => rows
                    .iter()
                    .filter(|r| {
                        matches!(
                            r.item,
                            TodayItem::FollowUp { .. } | TodayItem::Practice { .. }
                        )
                    })
                    .count(),
                Err(_) => 0,
            };
            let mut notify = Vec::new();
            if let Ok(until) = journal.now().await {
                if let Ok(due) = journal.reminders(after, until).await {
                    notify = due
                        .into_iter()
                        .map(|r| Note {
                            title: r.title,
                            body: r.body,
                            tag: r.id,
                            goes_to: r.goes_to,
                        })
                        .collect();
                }
                after = until;
            }
            let round = Round {
                badge,
                notify,
                wait_ms: EVERY_MS,
            };
            if js.send(round).is_err() {
                return;
            }
            match js.recv::<Back>().await {
                Ok(Back { goes_to: Some(to) }) => {
                    navigator().push(Route::from(to));
                }
                Ok(_) => {}
                Err(_) => return,
            }
        }
    });
    rsx! {}
}

/// "Remind me while Reps is open": asks the browser for permission to show
/// notifications (only on a tap, as browsers require), shown while the
/// browser has not been asked yet.
#[component]
pub fn NotifyOptIn() -> Element {
    let mut asked = use_signal(|| None::<String>);
    let permission = use_resource(move || async move {
        asked();
        document::eval("return window.Notification ? Notification.permission : 'unsupported';")
            .join::<String>()
            .await
            .unwrap_or_default()
    });
    let state = permission.read().clone().unwrap_or_default();
    match state.as_str() {
        "default" => rsx! {
            button { class: "quiet-link", r#type: "button", "data-testid": "notify-opt-in",
                onclick: move |_| {
                    spawn(async move {
                        let got = document::eval("return await Notification.requestPermission();")
                            .join::<String>()
                            .await
                            .unwrap_or_default();
                        asked.set(Some(got));
                    });
                },
                "Remind me of follow-ups and practice while Reps is open" }
        },
        "denied" if asked().is_some() => rsx! {
            p { class: "sub", role: "status", "Notifications are off for this site; the badge and Today still show what is due." }
        },
        _ => rsx! {},
    }
}

//! The Sync section of the Data screen: set sync up (a folder or a WebDAV
//! server, and the passphrase), then see how it stands — when it last
//! synced, what waits to be sent, the devices seen, the last problem in
//! plain words — with "Sync now" and a way to stop.

use dioxus::prelude::*;
use reps_core::journal::sync::{SyncPlace, SyncView};

use crate::app::use_ctx;

/// What runs the rounds on this platform (a thread beside the journal's).
#[cfg(not(target_arch = "wasm32"))]
pub type SyncDriver = crate::platform::sync_runner::SyncRunner;
/// What runs the rounds in the browser (the journal's worker).
#[cfg(target_arch = "wasm32")]
pub type SyncDriver = crate::web::sync::WebSync;

/// A message as a sentence: its first letter a capital.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The Sync section.
#[component]
pub fn SyncCard() -> Element {
    let ctx = use_ctx();
    let driver = try_consume_context::<SyncDriver>();
    let mut tick = use_signal(|| 0u64);
    // what the last action said: kept here, so that it stays when the
    // section turns from the form into the state
    let note = use_signal(|| None::<Result<String, String>>);
    // the state is read again now and then: rounds run on their own
    // whether the state shows (not a signal: read by the task, not the render)
    let set_up = use_hook(|| std::rc::Rc::new(std::cell::Cell::new(false)));
    let shown = set_up.clone();
    use_hook(move || {
        spawn(async move {
            loop {
                let _ =
                    document::eval("await new Promise(r => setTimeout(r, 5000)); return 1;").await;
                // only the state moves on its own; a form being typed in is left alone
                if shown.get() {
                    tick += 1;
                }
            }
        })
    });
    let mut connecting = use_signal(|| false);
    // the setup form shown again over a working setup ("Set up sync again…")
    let mut again = use_signal(|| false);
    let mut note_w = note;
    let mut ctx_w = ctx;
    let for_connect = driver.clone();
    // runs in this section's scope, so the form turning into the state
    // (the settings are saved before the first round ends) does not stop it
    let on_connect = move |(place, passphrase, device): (SyncPlace, String, String)| {
        let Some(d) = &for_connect else { return };
        connecting.set(true);
        note_w.set(Some(Ok(
            "Connecting… (opening the key takes a few seconds)".into(),
        )));
        let job = d.connect(place, passphrase, device);
        spawn(async move {
            let r = job.await;
            connecting.set(false);
            match r {
                Ok(report) => {
                    again.set(false);
                    note_w.set(Some(Ok(format!(
                        "Sync is set up. {}",
                        reps_core::wording::sync_taken_in(&report)
                    ))));
                    ctx_w.changed();
                }
                Err(e) => note_w.set(Some(Err(format!(
                    "{}. Nothing was changed.",
                    sentence(e.trim_end_matches('.'))
                )))),
            }
        });
    };
    let view = use_resource(move || async move {
        let _ = (ctx.revision(), tick());
        ctx.journal().sync_view().await
    });
    let Some(driver) = driver else {
        return rsx! {};
    };
    if try_consume_context::<crate::app::Launch>().is_some_and(|l| l.demo) {
        return rsx! {
            section { class: "data-card", id: "sync", "data-testid": "data-sync-card",
                h2 { "Sync with your other devices" }
                p { "This is the sample journal: its leads and people are made up, so it does not sync. Open your own journal to set up sync." }
            }
        };
    }
    let guard = view.read();
    let Some(Ok(view)) = guard.as_ref() else {
        return rsx! {};
    };
    let view = view.clone();
    drop(guard);
    set_up.set(view.set_up);
    rsx! {
        section { class: "data-card", id: "sync", "data-testid": "data-sync-card",
            h2 { "Sync with your other devices" }
            if view.set_up && !again() {
                SyncState { view, driver, note, on_again: move |_| again.set(true) }
            } else if view.set_up {
                p { "Set sync up again with the same place and passphrase: the key comes back from the sync place, and this device keeps its changes. You can rename the device here too." }
                SyncSetupForm {
                    busy: connecting(),
                    note,
                    on_connect,
                    from: view.again.clone(),
                    device_name: view.device_name.clone(),
                    on_cancel: move |_| again.set(false),
                }
            } else {
                SyncSetupForm { busy: connecting(), note, on_connect, from: None, device_name: None, on_cancel: None }
            }
            if let Some(m) = note() {
                p {
                    class: if m.is_ok() { "data-message" } else { "data-message error" },
                    role: if m.is_ok() { "status" } else { "alert" },
                    "data-testid": "data-sync-message",
                    {m.clone().unwrap_or_else(|e| e)}
                }
            }
        }
    }
}

#[component]
fn SyncState(
    view: SyncView,
    driver: SyncDriver,
    note: Signal<Option<Result<String, String>>>,
    on_again: EventHandler<()>,
) -> Element {
    let mut ctx = use_ctx();
    let mut note = note;
    let mut busy = use_signal(|| false);
    let d = driver.clone();
    let now = move |_| {
        if busy() {
            return;
        }
        busy.set(true);
        note.set(Some(Ok("Syncing…".into())));
        let round = d.round();
        spawn(async move {
            let r = round.await;
            busy.set(false);
            note.set(Some(
                r.as_ref()
                    .map(reps_core::wording::sync_taken_in)
                    .map_err(|e| sentence(e)),
            ));
            ctx.changed();
        });
    };
    let mut confirming = use_signal(|| false);
    let stop = move |_| {
        confirming.set(false);
        spawn(async move {
            let r = ctx.journal().stop_sync().await;
            note.set(Some(match r {
                Ok(account) => {
                    let in_keychain = account.is_some();
                    if let Some(account) = account {
                        reps_core::sync::keychain::forget_in_background(account);
                    }
                    Ok(reps_core::wording::sync_stopped(in_keychain))
                }
                Err(e) => Err(sentence(&e.message)),
            }));
            ctx.changed();
        });
    };
    let waiting = reps_core::wording::sync_unsent(view.unsent);
    rsx! {
        p { "Syncing through {view.place} as “{view.device_name}”. Everything is encrypted with your passphrase before it leaves this device." }
        p { class: "sync-key", "data-testid": "data-sync-key", "{view.key_kept}" }
        p { class: "sync-state", "data-testid": "data-sync-state", "{view.last_synced} · {waiting}" }
        if !view.devices.is_empty() {
            ul { class: "sync-devices", "data-testid": "data-sync-devices",
                for dev in view.devices.iter() {
                    li { key: "{dev.name}", strong { "{dev.name}" } " — {dev.last}" }
                }
            }
        } else {
            p { class: "sub", "No other device has synced yet. On your phone or another computer, open Reps, go to Your data, and set up sync with the same place and passphrase." }
        }
        // the last problem, unless the message below already says it
        if let Some(p) = view.problem.as_ref().filter(|p| note().and_then(|n| n.err()) != Some(sentence(p))) {
            p { class: "data-message error", role: "alert", "data-testid": "data-sync-problem", "{sentence(p)}" }
        }
        if confirming() {
            div { class: "confirm", role: "group", aria_label: "Stop syncing?", "data-testid": "data-sync-stop-confirm",
                p { strong { "Stop syncing on this device?" } }
                p {
                    "Your journal stays on this device as it is, and the copy in the sync place stays for your other devices. "
                    if let Some(left) = reps_core::wording::sync_unsent_left_behind(view.unsent) {
                        "{left}"
                    }
                }
                div { class: "row-actions",
                    button { class: "button", r#type: "button", "data-testid": "data-sync-stop-yes",
                        onclick: stop, "Stop syncing" }
                    button { class: "button quiet", r#type: "button", onclick: move |_| confirming.set(false),
                        "Keep syncing" }
                }
            }
        } else {
            div { class: "row-actions",
                button { class: "button", r#type: "button", disabled: busy(), "data-testid": "data-sync-now",
                    onclick: now, "Sync now" }
                button { class: "button quiet", r#type: "button", "data-testid": "data-sync-again",
                    onclick: move |_| on_again.call(()), "Set up sync again…" }
                button { class: "button quiet", r#type: "button", "data-testid": "data-sync-stop",
                    onclick: move |_| confirming.set(true), "Stop syncing on this device…" }
            }
        }
    }
}

/// Which kind of place the form is set to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Folder,
    WebDav,
}

/// What this device is called on the others, to start with.
fn default_device_name() -> String {
    if cfg!(target_arch = "wasm32") {
        "Browser".into()
    } else if cfg!(any(target_os = "android", target_os = "ios")) {
        "Phone".into()
    } else {
        "Computer".into()
    }
}

#[component]
fn SyncSetupForm(
    busy: bool,
    note: Signal<Option<Result<String, String>>>,
    on_connect: EventHandler<(SyncPlace, String, String)>,
    /// The place to start from (setting sync up again), else an empty form.
    from: Option<SyncPlace>,
    /// This device's name so far, when set up again.
    device_name: Option<String>,
    /// Going back to the sync state, when set up again.
    on_cancel: Option<EventHandler<()>>,
) -> Element {
    let again = from.is_some();
    let folder_allowed = !cfg!(target_arch = "wasm32");
    // A phone's folders are the app's own: WebDAV is the place to start.
    let folder_first = folder_allowed && !cfg!(any(target_os = "android", target_os = "ios"));
    let (start_folder, start_url, start_user) = match &from {
        Some(SyncPlace::Folder { path }) => (path.clone(), String::new(), String::new()),
        Some(SyncPlace::WebDav { url, user, .. }) => (String::new(), url.clone(), user.clone()),
        None => Default::default(),
    };
    let start_kind = match &from {
        Some(SyncPlace::Folder { .. }) => Kind::Folder,
        Some(SyncPlace::WebDav { .. }) => Kind::WebDav,
        None if folder_first => Kind::Folder,
        None => Kind::WebDav,
    };
    let mut kind = use_signal(move || start_kind);
    let mut folder = use_signal(move || start_folder);
    let mut url = use_signal(move || start_url);
    let mut user = use_signal(move || start_user);
    let mut password = use_signal(String::new);
    let mut device = use_signal(move || device_name.unwrap_or_else(default_device_name));
    let mut pass = use_signal(String::new);
    let mut note = note;
    let mut open = use_signal(|| false);
    let start = move |e: FormEvent| {
        e.prevent_default();
        if busy {
            return;
        }
        let place = match kind() {
            Kind::Folder if folder().trim().is_empty() => {
                note.set(Some(Err("Choose the folder to sync through.".into())));
                return;
            }
            Kind::Folder => SyncPlace::Folder {
                path: folder().trim().to_string(),
            },
            Kind::WebDav if url().trim().is_empty() || user().trim().is_empty() => {
                note.set(Some(Err(
                    "Fill in the server's address and your user name.".into(),
                )));
                return;
            }
            Kind::WebDav => SyncPlace::WebDav {
                url: url().trim().to_string(),
                user: user().trim().to_string(),
                password: password(),
            },
        };
        // the core's rules, checked here before the network is asked
        let refused = reps_core::sync::device_name(&device())
            .err()
            .map(|e| e.to_string())
            .or_else(|| {
                reps_core::formats::sealed::check_passphrase(&pass())
                    .err()
                    .map(|e| e.to_string())
            });
        if let Some(why) = refused {
            note.set(Some(Err(format!("{}.", sentence(&why)))));
            return;
        }
        on_connect.call((place, pass(), device()));
    };
    let web_note = cfg!(target_arch = "wasm32").then_some(
        "In a browser, your server must allow this page's address (a setting called CORS); on Nextcloud and ownCloud the admin turns it on.",
    );
    let where_kept = if folder_allowed {
        "in a folder or on a WebDAV server you already use (Nextcloud, ownCloud…)"
    } else {
        "on a WebDAV server you already use (Nextcloud, ownCloud…)"
    };
    let intro = rsx! {
        p { "Keep one journal on your phone, your laptop and your browser. Reps keeps it {where_kept}, encrypted with a passphrase only you know. No Reps account, no Reps server." }
    };
    let mut show = use_signal(|| false);
    // a refusal stays until the user changes something, not while they do
    let mut edited = move || {
        if matches!(note(), Some(Err(_))) {
            note.set(None);
        }
    };
    if !open() && !again {
        return rsx! {
            {intro}
            button { class: "button", r#type: "button", "data-testid": "data-sync-setup",
                onclick: move |_| open.set(true), "Set up sync…" }
        };
    }
    rsx! {
        if !again {
            {intro}
        }
        form { class: "form", aria_label: "Set up sync", onsubmit: start,
            if folder_allowed {
                fieldset {
                    legend { "Sync through" }
                    label { class: "check-inline",
                        input { r#type: "radio", name: "sync-kind", "data-testid": "data-sync-kind-folder",
                            checked: kind() == Kind::Folder, onchange: move |_| kind.set(Kind::Folder) }
                        " A folder"
                    }
                    label { class: "check-inline",
                        input { r#type: "radio", name: "sync-kind", "data-testid": "data-sync-kind-webdav",
                            checked: kind() == Kind::WebDav, onchange: move |_| kind.set(Kind::WebDav) }
                        " A WebDAV server"
                    }
                }
            }
            if kind() == Kind::Folder {
                label { r#for: "sync-folder", "Folder" }
                input { id: "sync-folder", "data-testid": "data-sync-folder", r#type: "text",
                    placeholder: "/home/you/Sync", initial_value: "{folder}", oninput: move |e| {
                    edited();
                    folder.set(e.value())
                } }
                p { class: "sub", "A folder that Syncthing, Dropbox, iCloud Drive, Google Drive, Nextcloud's app or a USB stick carries to your other devices. Reps adds a “Reps journal” folder inside it." }
            } else {
                label { r#for: "sync-url", "Server address" }
                input { id: "sync-url", "data-testid": "data-sync-url", r#type: "url", autocomplete: "url",
                    placeholder: "https://cloud.example.org/remote.php/dav/files/you/", initial_value: "{url}",
                    oninput: move |e| {
                    edited();
                    url.set(e.value())
                } }
                label { r#for: "sync-user", "User name" }
                input { id: "sync-user", "data-testid": "data-sync-user", r#type: "text", autocomplete: "username",
                    initial_value: "{user}", oninput: move |e| {
                    edited();
                    user.set(e.value())
                } }
                label { r#for: "sync-password", "App password" }
                input { id: "sync-password", "data-testid": "data-sync-password", r#type: "password",
                    autocomplete: "current-password", initial_value: "{password}", oninput: move |e| {
                    edited();
                    password.set(e.value())
                } }
                p { class: "sub", "Make an app password in your server's security settings; it stays on this device." }
                if let Some(w) = web_note { p { class: "sub", "{w}" } }
            }
            label { r#for: "sync-device", "This device's name" }
            input { id: "sync-device", "data-testid": "data-sync-device", r#type: "text",
                initial_value: "{device}", oninput: move |e| {
                    edited();
                    device.set(e.value())
                } }
            label { r#for: "sync-pass", "Sync passphrase" }
            input { id: "sync-pass", "data-testid": "data-sync-pass",
                r#type: if show() { "text" } else { "password" }, autocomplete: "new-password",
                initial_value: "{pass}", oninput: move |e| {
                    edited();
                    pass.set(e.value())
                } }
            label { class: "check-inline",
                input { r#type: "checkbox", "data-testid": "data-sync-show", checked: show(),
                    onchange: move |e| show.set(e.checked()) }
                " Show the passphrase"
            }
            p { class: "sub", "Use the same passphrase on every device. Nobody can recover it, Reps included: write it down somewhere safe." }
            div { class: "row-actions",
                button { class: "button", r#type: "submit", disabled: busy, "data-testid": "data-sync-start", "Start syncing" }
                button { class: "button quiet", r#type: "button", "data-testid": "data-sync-cancel",
                    onclick: move |_| match &on_cancel {
                        Some(back) => back.call(()),
                        None => open.set(false),
                    },
                    "Cancel"
                }
            }
        }
    }
}

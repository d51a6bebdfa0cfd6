//! A posting shared into the installed web app from another app (the
//! manifest's Web Share Target, which opens the app with the shared title,
//! text and link in its address). Once the journal is open, the posting is
//! added to the deck as a lead to check; only then does the address lose
//! its query, so a reload adds nothing, and a reload before that finds it
//! "already in your deck".

use dioxus::prelude::*;

use crate::app::{Launch, use_ctx};
use crate::route::Route;

/// Adds the shared posting, if the app was opened with one, and says what
/// happened until the user closes the note.
#[component]
pub fn SharedIn() -> Element {
    let mut ctx = use_ctx();
    let launch = try_consume_context::<Launch>().unwrap_or_default();
    let mut said = use_signal(|| None::<String>);
    use_hook(move || {
        let Some(text) = launch.shared.clone() else {
            return;
        };
        spawn(async move {
            let journal = ctx.journal();
            if journal.opened().await.is_err() {
                return; // the app says why the journal is not open
            }
            let message = match journal.add_shared(text).await {
                Ok(shared) => {
                    ctx.changed();
                    shared.message()
                }
                Err(e) => format!("The shared text could not be added: {e}"),
            };
            said.set(Some(message.clone()));
            navigator().push(Route::Leads {});
            // in the journal (or refused with a reason): a reload must not bring it again
            let _ = document::eval(
                "history.replaceState(null, '', location.pathname + location.hash);",
            );
            // the note goes by itself after a while, so it never stays over the screen
            let _ =
                document::eval("await new Promise((r) => setTimeout(r, 8000)); dioxus.send(true);")
                    .recv::<bool>()
                    .await;
            if said.peek().as_deref() == Some(message.as_str()) {
                said.set(None);
            }
        });
    });
    let Some(message) = said() else {
        return rsx! {};
    };
    rsx! {
        div { class: "shared-notice", role: "status", "data-testid": "shared-notice",
            p { "{message}" }
            button { class: "button quiet", r#type: "button", "data-testid": "shared-notice-ok",
                onclick: move |_| said.set(None), "OK" }
        }
    }
}

//! A message from the record: filled, editable, copied or handed to the mail
//! app, then marked sent. Reps never sends anything by itself.

use dioxus::prelude::*;
use reps_core::rules::messages::{MessageKind, PLACEHOLDERS, Template};

use crate::app::use_ctx;
use crate::journal::UiError;
use reps_core::MessageDraft;

pub use reps_core::MessageFor;

/// The screen's title for each kind (the core's words).
pub use reps_core::wording::message as title;

/// A `mailto:` link (RFC 6068) with the subject and body filled in, for the
/// system's mail handler: every byte outside the unreserved set is escaped.
pub fn mailto(to: &str, subject: &str, body: &str) -> String {
    fn enc(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        // line breaks in a mailto body are CRLF
        let s = s.replace("\r\n", "\n").replace('\n', "\r\n");
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    }
    // the address keeps its @ (RFC 6068 allows it unescaped in the path)
    format!(
        "mailto:{}?subject={}&body={}",
        enc(to).replace("%40", "@"),
        enc(subject),
        enc(body)
    )
}

/// Puts `text` on the clipboard through the page (the same in the desktop
/// window and the browser), falling back to a selected text box and the
/// copy command where the clipboard API is not offered. `true` when copied.
async fn copy_to_clipboard(text: String) -> bool {
    let eval = document::eval(
        r#"
        const text = await dioxus.recv();
        let ok = false;
        try { await navigator.clipboard.writeText(text); ok = true; } catch (e) {}
        if (!ok) {
            const t = document.createElement('textarea');
            t.value = text;
            t.setAttribute('readonly', '');
            t.style.position = 'fixed';
            t.style.opacity = '0';
            document.body.appendChild(t);
            t.select();
            try { ok = document.execCommand('copy'); } catch (e) {}
            t.remove();
        }
        return ok;
        "#,
    );
    if eval.send(text).is_err() {
        return false;
    }
    eval.join::<bool>().await.unwrap_or(false)
}

/// Hands the text to the system's share sheet where there is one (phones,
/// some browsers); `false` when there is none, so the caller offers mail.
async fn share(subject: String, body: String) -> bool {
    let eval = document::eval(
        r#"
        const [title, text] = await dioxus.recv();
        if (!navigator.share) { return false; }
        try { await navigator.share({ title, text }); return true; } catch (e) { return e && e.name === 'AbortError'; }
        "#,
    );
    if eval.send((subject, body)).is_err() {
        return false;
    }
    eval.join::<bool>().await.unwrap_or(false)
}

/// The message screen.
#[component]
pub fn Message(kind: MessageKind, about: MessageFor) -> Element {
    let ctx = use_ctx();
    // each draft keeps what it was asked for: until the new one answers,
    // the last message's text must never show under the new heading
    let draft = use_resource(use_reactive!(|kind, about| async move {
        ctx.journal()
            .message(kind, about.about())
            .await
            .map(|d| (kind, about, d))
    }));
    match &*draft.read() {
        None => rsx! { p { class: "loading", "Loading…" } },
        Some(Err(e)) => rsx! { p { class: "error", role: "alert", "{e}" } },
        Some(Ok((k, a, _))) if (*k, *a) != (kind, about) => {
            rsx! { p { class: "loading", "Loading…" } }
        }
        Some(Ok((_, _, d))) => rsx! {
            MessageEditor { key: "{kind}-{about}", draft: d.clone(), about }
        },
    }
}

/// What happened after a button.
#[derive(Debug, Clone, PartialEq)]
enum Note {
    Copied,
    NotCopied,
    Shared,
    Sent { completed: bool },
    WordingSaved,
    WordingReset,
}

/// The editor: the text is the user's from the first keystroke; the record
/// only filled it in.
#[component]
fn MessageEditor(draft: MessageDraft, about: MessageFor) -> Element {
    let mut ctx = use_ctx();
    let kind = draft.kind;
    let mut subject = use_signal(|| draft.draft.subject.clone());
    let mut body = use_signal(|| draft.draft.body.clone());
    let mut note = use_signal(|| None::<Note>);
    let error = use_signal(|| None::<UiError>);
    let mut wording_open = use_signal(|| false);
    let mut tpl_subject = use_signal(|| draft.template.subject.clone());
    let mut tpl_body = use_signal(|| draft.template.body.clone());
    let mut custom = use_signal(|| draft.custom);
    let mut generation = use_signal(|| 0u32);
    // who is greeted (among those met at the interview), and the signature
    let mut greet = use_signal(|| draft.greeting);
    let mut signed = use_signal(|| draft.signed_as.is_some());
    let signed_as = draft.signed_as.clone().unwrap_or_default();
    let mut my_name = use_signal(move || signed_as);
    let people = draft.people.clone();
    // the address of the person greeted, when the journal has one
    let address = draft
        .emails
        .iter()
        .find(|(c, _)| Some(*c) == greet())
        .map(|(_, e)| e.clone());
    let to_address = address.clone();
    // the record's question, with the person picked to greet
    let asked = move || {
        let mut a = about.about();
        a.contact = greet();
        a
    };
    // fills the text again from the record (after a new name or person)
    let refill = move || {
        spawn(async move {
            if let Ok(d) = ctx.journal().message(kind, asked()).await {
                subject.set(d.draft.subject);
                body.set(d.draft.body);
                generation += 1;
            }
        });
    };
    let sign = move |e: FormEvent| {
        e.prevent_default();
        spawn(async move {
            let result = ctx.journal().set_my_name(my_name()).await;
            if let Some(settings) = ctx.settle(result, error) {
                signed.set(!settings.my_name.is_empty());
                refill();
            }
        });
    };

    let copy = move |_| {
        spawn(async move {
            let text = format!("{}\n\n{}", subject(), body());
            let ok = copy_to_clipboard(text).await;
            note.set(Some(if ok { Note::Copied } else { Note::NotCopied }));
        });
    };
    let share_it = move |_| {
        let to = to_address.clone();
        spawn(async move {
            // with an address, straight to the mail app, addressed to them
            if to.is_none() && share(subject(), body()).await {
                note.set(Some(Note::Shared));
            } else {
                // no share sheet here: the system's mail handler instead
                let href = mailto(to.as_deref().unwrap_or_default(), &subject(), &body());
                let js = format!(
                    "window.location.href = {};",
                    serde_json::to_string(&href).unwrap_or_default()
                );
                let _ = document::eval(&js).await;
            }
        });
    };
    let sent = move |_| {
        spawn(async move {
            let result = ctx.journal().mark_message_sent(kind, about.about()).await;
            if let Some(done) = ctx.settle(result, error) {
                note.set(Some(Note::Sent {
                    completed: done.is_some(),
                }));
            }
        });
    };
    let save_wording = move |e: FormEvent| {
        e.prevent_default();
        spawn(async move {
            let t = Template {
                subject: tpl_subject(),
                body: tpl_body(),
            };
            let result = ctx.journal().save_message_template(kind, t).await;
            if ctx.settle(result, error).is_some() {
                custom.set(true);
                note.set(Some(Note::WordingSaved));
                refill();
            }
        });
    };
    let reset_wording = move |_| {
        spawn(async move {
            let result = ctx.journal().reset_message_template(kind).await;
            if let Some(t) = ctx.settle(result, error) {
                tpl_subject.set(t.subject);
                tpl_body.set(t.body);
                custom.set(false);
                note.set(Some(Note::WordingReset));
                refill();
            }
        });
    };
    let err = error();
    let to = match (&draft.to, &draft.company) {
        (Some(p), Some(c)) => format!("To {p} at {c}"),
        (Some(p), None) => format!("To {p}"),
        (None, Some(c)) => format!("To someone at {c}"),
        (None, None) => "Fill in who it goes to".to_string(),
    };
    let placeholders = PLACEHOLDERS
        .iter()
        .map(|p| format!("{{{p}}}"))
        .collect::<Vec<_>>()
        .join(" ");
    rsx! {
        crate::components::keys::BackLink {}
        header { class: "screen-head",
            h1 { "{title(kind)}" }
            p { class: "sub", "{to}" }
        }
        if people.len() > 1 {
            div { class: "form greet",
                label { r#for: "msg-greet", "Write to" }
                select { id: "msg-greet", "data-testid": "msg-greet",
                    onchange: move |e| {
                        greet.set(e.value().parse().ok());
                        refill();
                    },
                    for (id, name) in people.clone() {
                        option { key: "{id}", value: "{id}", selected: greet() == Some(id), "{name}" }
                    }
                }
            }
        }
        if signed() {
            p { class: "sub signed-as", "data-testid": "msg-signed-as",
                "Signed as {my_name} · "
                button { r#type: "button", class: "quiet-link", "data-testid": "msg-sign-change",
                    onclick: move |_| signed.set(false), "Change" }
            }
        } else {
            form { class: "form sign", aria_label: "Your name", "data-testid": "msg-sign", onsubmit: sign,
                label { r#for: "msg-my-name", "Your name, to sign your messages" }
                input { id: "msg-my-name", "data-testid": "msg-my-name", autocomplete: "name",
                    initial_value: "{my_name}", oninput: move |e| my_name.set(e.value()) }
                if let Some(m) = UiError::for_field(&err, "my_name") { p { class: "field-error", role: "alert", "{m}" } }
                button { class: "button quiet", r#type: "submit", "data-testid": "msg-sign-save", "Sign with this name" }
            }
        }
        // the fields keep what was typed; a new wording makes fresh fields
        for generation in std::iter::once(generation()) {
        form { key: "{generation}", class: "form message", onsubmit: move |e| e.prevent_default(),
            label { r#for: "msg-subject", "Subject" }
            input { id: "msg-subject", "data-testid": "msg-subject", initial_value: "{subject}",
                oninput: move |e| subject.set(e.value()) }
            label { r#for: "msg-body", "Message" }
            textarea { id: "msg-body", "data-testid": "msg-body", rows: "12", initial_value: "{body}",
                oninput: move |e| body.set(e.value()) }
            p { class: "sub", "Reps never sends anything. Copy it or open it in your mail app, send it yourself, then mark it sent." }
            if let Some(to) = reps_core::rules::messages::decides(kind) {
                p { class: "sub", "data-testid": "msg-decides",
                    "Writing it decides nothing yet: when you mark it sent, the lead is marked “{reps_core::wording::status(to)}”." }
            }
            div { class: "row-actions wrap",
                button { class: "button", r#type: "button", "data-testid": "msg-copy", onclick: copy, "Copy" }
                button { class: "button", r#type: "button", "data-testid": "msg-share", onclick: share_it.clone(),
                    if let Some(a) = address.clone() { "Email {a}" } else { "Share or email…" } }
                button { class: "button take", r#type: "button", "data-testid": "msg-sent", onclick: sent, "I sent it" }
            }
            if let Some(m) = UiError::general(&err) { p { class: "field-error", role: "alert", "{m}" } }
            match note() {
                Some(Note::Copied) => rsx! { p { class: "done-note", role: "status", "data-testid": "msg-note", "Copied. Paste it into your mail or chat." } },
                Some(Note::NotCopied) => rsx! { p { class: "field-error", role: "alert", "data-testid": "msg-note", "This window would not let Reps copy. Select the text and copy it by hand." } },
                Some(Note::Shared) => rsx! { p { class: "done-note", role: "status", "data-testid": "msg-note", "Handed over. Mark it sent once it has gone." } },
                Some(Note::Sent { completed: true }) => rsx! { p { class: "done-note", role: "status", "data-testid": "msg-note",
                    "Marked as sent. That follow-up is done and off your Today list."
                    if let Some(to) = reps_core::rules::messages::decides(kind) { " The lead is now marked “{reps_core::wording::status(to)}”." }
                } },
                Some(Note::Sent { completed: false }) => rsx! { p { class: "done-note", role: "status", "data-testid": "msg-note",
                    "Marked as sent."
                    if let Some(to) = reps_core::rules::messages::decides(kind) { " The lead is now marked “{reps_core::wording::status(to)}”." }
                } },
                Some(Note::WordingSaved) => rsx! { p { class: "done-note", role: "status", "data-testid": "msg-note", "Your wording is saved and will be used from now on." } },
                Some(Note::WordingReset) => rsx! { p { class: "done-note", role: "status", "data-testid": "msg-note", "Back to Reps' wording." } },
                None => rsx! {},
            }
        }
        }
        section { class: "wording",
            button { class: "quiet-link", r#type: "button", "data-testid": "msg-wording", aria_expanded: wording_open(),
                onclick: move |_| wording_open.toggle(),
                if custom() { "Change your wording for every {title(kind).to_lowercase()}" } else { "Change the wording Reps starts from" } }
            if wording_open() {
                form { class: "form", aria_label: "Wording for every message of this kind", onsubmit: save_wording,
                    p { class: "sub", "Words in braces are filled from your journal: {placeholders}. Text in [square brackets] is left out when something in it is unknown." }
                    label { r#for: "tpl-subject", "Subject" }
                    input { id: "tpl-subject", "data-testid": "tpl-subject", initial_value: "{tpl_subject}", oninput: move |e| tpl_subject.set(e.value()) }
                    if let Some(m) = UiError::for_field(&err, "subject") { p { class: "field-error", role: "alert", "{m}" } }
                    label { r#for: "tpl-body", "Message" }
                    textarea { id: "tpl-body", "data-testid": "tpl-body", rows: "10", initial_value: "{tpl_body}", oninput: move |e| tpl_body.set(e.value()) }
                    if let Some(m) = UiError::for_field(&err, "body") { p { class: "field-error", role: "alert", "{m}" } }
                    SignAs {}
                    div { class: "row-actions",
                        button { class: "button", r#type: "submit", "data-testid": "tpl-save", "Use this wording from now on" }
                        if custom() {
                            button { class: "button quiet", r#type: "button", "data-testid": "tpl-reset", onclick: reset_wording, "Back to Reps' wording" }
                        }
                    }
                }
            }
        }
    }
}

/// The name messages are signed with, saved as the user leaves the field.
#[component]
fn SignAs() -> Element {
    let mut ctx = use_ctx();
    let mut name = use_signal(String::new);
    let error = use_signal(|| None::<UiError>);
    use_future(move || async move {
        if let Ok(me) = ctx.journal().my_name().await {
            name.set(me);
        }
    });
    rsx! {
        label { r#for: "sign-as", "Sign as" }
        input { id: "sign-as", "data-testid": "sign-as", initial_value: "{name}", autocomplete: "name",
            oninput: move |e| name.set(e.value()),
            onchange: move |_| {
                spawn(async move {
                    let result = ctx.journal().set_my_name(name()).await;
                    ctx.settle(result, error);
                });
            } }
        if let Some(e) = error() { p { class: "field-error", role: "alert", "{e}" } }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailto_escapes_everything_a_mail_app_could_misread() {
        let link = mailto("", "Thanks & more", "Hi Zoë,\nsee you?\n— Sam");
        assert_eq!(
            link,
            "mailto:?subject=Thanks%20%26%20more&body=Hi%20Zo%C3%AB%2C%0D%0Asee%20you%3F%0D%0A%E2%80%94%20Sam"
        );
        assert_eq!(
            mailto("maya+jobs@harbor.example", "Hi", "x"),
            "mailto:maya%2Bjobs@harbor.example?subject=Hi&body=x"
        );
    }
}

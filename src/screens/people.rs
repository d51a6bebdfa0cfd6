//! People met: who, where, their history across companies, and when to get
//! back in touch.

use dioxus::prelude::*;
use reps_core::{ContactDetails, ContactId, Person};

use crate::app::use_ctx;
use crate::components::text;
use crate::journal::UiError;

/// The People screen.
#[component]
pub fn People() -> Element {
    let mut ctx = use_ctx();
    let data = use_resource(move || async move {
        ctx.revision();
        ctx.journal().people().await
    });
    let error = use_signal(|| None::<UiError>);
    // the person just marked, to say so on their row
    let mut noted = use_signal(|| None::<ContactId>);
    // the person whose details are open for correcting
    let mut editing = use_signal(|| None::<ContactId>);
    let touch = move |id: ContactId| {
        spawn(async move {
            let result = ctx.journal().touch_contact(id).await;
            if ctx.settle(result, error).is_some() {
                noted.set(Some(id));
            }
        });
    };
    rsx! {
        header { class: "screen-head",
            h1 { "People" }
            p { class: "sub", "Interviewers are the best network you will ever get." }
        }
        if let Some(e) = error() {
            p { class: "error", role: "alert", "{e}" }
        }
        match &*data.read() {
            None => rsx! { p { class: "loading", "Loading…" } },
            Some(Err(e)) => rsx! { p { class: "error", role: "alert", "{e}" } },
            Some(Ok(list)) => rsx! { PeopleView { people: list.clone(), noted: noted(), on_touch: touch,
                editing: editing(), on_edit: move |id| editing.set(id) } },
        }
        if editing().is_none() {
            PersonForm { editing: None, on_close: |_| {} }
        }
    }
}

/// People from plain data.
#[component]
pub fn PeopleView(
    people: Vec<Person>,
    #[props(default)] noted: Option<ContactId>,
    on_touch: EventHandler<ContactId>,
    #[props(default)] editing: Option<ContactId>,
    #[props(default)] on_edit: EventHandler<Option<ContactId>>,
) -> Element {
    rsx! {
        if people.is_empty() {
            section { class: "empty",
                p { class: "empty-title", "Nobody here yet." }
                p { "Add the people you meet in interviews. They move between companies, and a short hello now and then keeps doors open." }
            }
        }
        ul { class: "rows",
            for Person { contact: c, next_touch: next, met_at } in people {
                if editing == Some(c.id) {
                    li { key: "{c.id}", class: "row editing",
                        PersonForm { editing: Some(c.clone()), on_close: move |_| on_edit.call(None) }
                    }
                } else {
                li { key: "{c.id}", class: "row",
                    div { class: "row-text",
                        span { class: "row-title", "{c.details.name}" }
                        span { class: "row-meta",
                            "{c.details.role}"
                            if !c.details.company.is_empty() { " at {c.details.company}" }
                        }
                        {
                            let before = c.earlier_companies();
                            rsx! {
                                if !before.is_empty() {
                                    span { class: "row-meta", "Before: {before.join(\", \")}" }
                                }
                            }
                        }
                        if !c.details.email.is_empty() || !c.details.phone.is_empty() {
                            span { class: "row-meta reach",
                                if !c.details.email.is_empty() {
                                    a { href: "mailto:{c.details.email}", "{c.details.email}" }
                                }
                                if !c.details.email.is_empty() && !c.details.phone.is_empty() { " · " }
                                if !c.details.phone.is_empty() {
                                    a { href: "tel:{c.details.phone}", "{c.details.phone}" }
                                }
                            }
                        }
                        for (n, (lead, label)) in met_at.into_iter().enumerate() {
                            span { key: "{n}", class: "row-meta",
                                "Met at "
                                button { r#type: "button", class: "quiet-link",
                                    onclick: move |_| { navigator().push(crate::route::Route::LeadDetail { id: lead }); }, "{label}" }
                            }
                        }
                        if let Some(f) = next {
                            span { class: "row-meta", "Get in touch by {text::day(&f.effective_due())}" }
                        }
                        if noted == Some(c.id) {
                            span { class: "done-note", role: "status", "data-testid": "touched",
                                "Noted: you were in touch today." }
                        }
                    }
                    div { class: "row-actions stack",
                        button { class: "button quiet", onclick: move |_| on_touch.call(c.id), "We talked" }
                        button { class: "quiet-link", r#type: "button", "data-testid": "person-edit-{c.id}",
                            aria_label: "Edit {c.details.name}",
                            onclick: move |_| on_edit.call(Some(c.id)), "Edit" }
                    }
                }
                }
            }
        }
    }
}

/// Adding a person (`editing` = `None`, behind a button), or correcting
/// one in place, with the way to forget them (asked once more).
#[component]
fn PersonForm(editing: Option<reps_core::Contact>, on_close: EventHandler<()>) -> Element {
    let mut ctx = use_ctx();
    let existing = editing.clone();
    let is_edit = existing.is_some();
    let mut open = use_signal(move || is_edit);
    let mut d = use_signal(move || existing.map(|c| c.details).unwrap_or_default());
    let error = use_signal(|| None::<UiError>);
    let mut forgetting = use_signal(|| false);
    let id = editing.as_ref().map(|c| c.id);
    if !open() {
        return rsx! { button { class: "button wide", "data-testid": "person-add", onclick: move |_| open.set(true), "+ Add a person" } };
    }
    let err = error();
    let name = d().name.clone();
    let f = |field: &str| match id {
        Some(id) => format!("c-{field}-{id}"),
        None => format!("c-{field}"),
    };
    rsx! {
        form { class: "form", aria_label: if is_edit { "Edit {name}" } else { "Add a person" }, onsubmit: move |e: FormEvent| {
            e.prevent_default();
            let details = d();
            spawn(async move {
                let j = ctx.journal();
                let result = match id {
                    Some(id) => j.edit_contact(id, details).await,
                    None => j.add_contact(details).await,
                };
                if ctx.settle(result, error).is_some() {
                    if id.is_none() {
                        d.set(ContactDetails::default());
                        open.set(false);
                    }
                    on_close.call(());
                }
            });
        },
            label { r#for: f("name"), "Name" }
            input { id: f("name"), "data-testid": "c-name", initial_value: "{d().name}", oninput: move |e| d.write().name = e.value() }
            if let Some(m) = UiError::for_field(&err, "name") { p { class: "field-error", role: "alert", "{m}" } }
            label { r#for: f("role"), "Role" }
            input { id: f("role"), initial_value: "{d().role}", oninput: move |e| d.write().role = e.value() }
            label { r#for: f("company"), "Company" }
            input { id: f("company"), initial_value: "{d().company}", oninput: move |e| d.write().company = e.value() }
            label { r#for: f("email"), "Email" }
            input { id: f("email"), "data-testid": "c-email", r#type: "email", inputmode: "email", autocomplete: "off",
                initial_value: "{d().email}", oninput: move |e| d.write().email = e.value() }
            if let Some(m) = UiError::for_field(&err, "email") { p { class: "field-error", role: "alert", "{m}" } }
            label { r#for: f("phone"), "Phone" }
            input { id: f("phone"), "data-testid": "c-phone", r#type: "tel", inputmode: "tel", autocomplete: "off",
                initial_value: "{d().phone}", oninput: move |e| d.write().phone = e.value() }
            if let Some(m) = UiError::for_field(&err, "phone") { p { class: "field-error", role: "alert", "{m}" } }
            label { r#for: f("where"), "Where we met" }
            input { id: f("where"), initial_value: "{d().met_where}", oninput: move |e| d.write().met_where = e.value() }
            label { r#for: f("cadence"), "Get back in touch every … days (optional)" }
            input { id: f("cadence"), r#type: "number", min: "1", inputmode: "numeric",
                initial_value: d().cadence_days.map(|n| n.to_string()).unwrap_or_default(),
                oninput: move |e| d.write().cadence_days = e.value().parse().ok() }
            if let Some(m) = UiError::for_field(&err, "cadence_days") { p { class: "field-error", role: "alert", "{m}" } }
            if let Some(m) = UiError::general(&err) { p { class: "field-error", role: "alert", "{m}" } }
            div { class: "row-actions",
                button { class: "button take", r#type: "submit", "data-testid": "c-save", "Save" }
                button { class: "button quiet", r#type: "button", onclick: move |_| { open.set(false); on_close.call(()); }, "Cancel" }
            }
            if let Some(id) = id {
                if forgetting() {
                    section { class: "sheet", role: "alertdialog", aria_label: "Forget {name}?",
                        p { "Forget {name}? Their details go from Reps; your interviews and notes stay as they are." }
                        div { class: "row-actions",
                            button { class: "button pass", r#type: "button", "data-testid": "c-forget-yes",
                                onclick: move |_| {
                                    spawn(async move {
                                        let result = ctx.journal().forget_contact(id).await;
                                        if ctx.settle(result, error).is_some() {
                                            on_close.call(());
                                        }
                                    });
                                },
                                "Yes, forget them" }
                            button { class: "button quiet", r#type: "button", onclick: move |_| forgetting.set(false), "Keep" }
                        }
                    }
                } else {
                    button { class: "quiet-link danger", r#type: "button", "data-testid": "c-forget",
                        onclick: move |_| forgetting.set(true), "Forget this person…" }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::test_support::{demo, render, render_with};

    #[test]
    fn empty_people_explain_why_they_matter() {
        let html = render(|| rsx! { PeopleView { people: vec![], on_touch: |_| {} } });
        assert!(html.contains("Nobody here yet."), "{html}");
    }

    #[test]
    fn people_show_role_company_and_next_touch() {
        let people = demo().people().unwrap();
        // the sample has someone to get back to, and someone who moved on
        let due = people
            .iter()
            .find(|p| p.next_touch.is_some() && !p.contact.details.company.is_empty())
            .expect("the sample plans a keep-in-touch")
            .clone();
        let moved = people
            .iter()
            .find(|p| p.contact.history.len() > 1)
            .map(|p| p.contact.history[0].company.clone());
        let html = render_with(
            people,
            |people| rsx! { PeopleView { people, on_touch: |_| {} } },
        );
        let c = &due.contact.details;
        let next = text::day(&due.next_touch.unwrap().effective_due());
        assert!(html.contains(&c.name), "{html}");
        assert!(html.contains(&c.role), "{html}");
        assert!(html.contains(&format!(" at {}", c.company)), "{html}");
        assert!(html.contains(&format!("Get in touch by {next}")), "{html}");
        assert!(
            html.contains(&format!("person-edit-{}", due.contact.id)),
            "{html}"
        );
        if let Some(before) = moved {
            assert!(html.contains(&format!("Before: {before}")), "{html}");
        }
    }
}

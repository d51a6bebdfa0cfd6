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
            Some(Ok(list)) => rsx! { PeopleView { people: list.clone(), noted: noted(), on_touch: touch } },
        }
        AddContact {}
    }
}

/// People from plain data.
#[component]
pub fn PeopleView(
    people: Vec<Person>,
    #[props(default)] noted: Option<ContactId>,
    on_touch: EventHandler<ContactId>,
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
                li { key: "{c.id}", class: "row",
                    div { class: "row-text",
                        span { class: "row-title", "{c.details.name}" }
                        span { class: "row-meta",
                            "{c.details.role}"
                            if !c.details.company.is_empty() { " at {c.details.company}" }
                        }
                        if c.history.len() > 1 {
                            span { class: "row-meta",
                                "Before: "
                                {c.history[..c.history.len() - 1].iter().map(|p| p.company.clone()).collect::<Vec<_>>().join(", ")}
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
                    button { class: "button quiet", onclick: move |_| on_touch.call(c.id), "We talked" }
                }
            }
        }
    }
}

#[component]
fn AddContact() -> Element {
    let mut ctx = use_ctx();
    let mut open = use_signal(|| false);
    let mut d = use_signal(ContactDetails::default);
    let error = use_signal(|| None::<UiError>);
    if !open() {
        return rsx! { button { class: "button wide", onclick: move |_| open.set(true), "+ Add a person" } };
    }
    let err = error();
    rsx! {
        form { class: "form", aria_label: "Add a person", onsubmit: move |e: FormEvent| {
            e.prevent_default();
            let details = d();
            spawn(async move {
                let result = ctx.journal().add_contact(details).await;
                if ctx.settle(result, error).is_some() {
                    d.set(ContactDetails::default());
                    open.set(false);
                }
            });
        },
            label { r#for: "c-name", "Name" }
            input { id: "c-name", initial_value: "{d().name}", oninput: move |e| d.write().name = e.value() }
            if let Some(m) = UiError::for_field(&err, "name") { p { class: "field-error", role: "alert", "{m}" } }
            label { r#for: "c-role", "Role" }
            input { id: "c-role", initial_value: "{d().role}", oninput: move |e| d.write().role = e.value() }
            label { r#for: "c-company", "Company" }
            input { id: "c-company", initial_value: "{d().company}", oninput: move |e| d.write().company = e.value() }
            label { r#for: "c-email", "Email" }
            input { id: "c-email", "data-testid": "c-email", r#type: "email", inputmode: "email", autocomplete: "off",
                initial_value: "{d().email}", oninput: move |e| d.write().email = e.value() }
            if let Some(m) = UiError::for_field(&err, "email") { p { class: "field-error", role: "alert", "{m}" } }
            label { r#for: "c-phone", "Phone" }
            input { id: "c-phone", "data-testid": "c-phone", r#type: "tel", inputmode: "tel", autocomplete: "off",
                initial_value: "{d().phone}", oninput: move |e| d.write().phone = e.value() }
            if let Some(m) = UiError::for_field(&err, "phone") { p { class: "field-error", role: "alert", "{m}" } }
            label { r#for: "c-where", "Where we met" }
            input { id: "c-where", initial_value: "{d().met_where}", oninput: move |e| d.write().met_where = e.value() }
            label { r#for: "c-cadence", "Get back in touch every … days (optional)" }
            input { id: "c-cadence", r#type: "number", min: "1", inputmode: "numeric",
                oninput: move |e| d.write().cadence_days = e.value().parse().ok() }
            if let Some(m) = UiError::for_field(&err, "cadence_days") { p { class: "field-error", role: "alert", "{m}" } }
            div { class: "row-actions",
                button { class: "button take", r#type: "submit", "Save" }
                button { class: "button quiet", r#type: "button", onclick: move |_| open.set(false), "Cancel" }
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
        if let Some(before) = moved {
            assert!(html.contains(&format!("Before: {before}")), "{html}");
        }
    }
}

//! Before walking in: the checklists of coming interviews, grouped by when,
//! a calm full-screen "walking in" view, and the template they come from.

use dioxus::prelude::*;
use reps_core::rules::checklist::ChecklistView;
use reps_core::{InterviewId, ItemId, TemplateItem, When};

use crate::app::use_ctx;
use crate::components::text;
use crate::journal::UiError;
use crate::route::Route;

/// Coming interviews, each with its checklist, and the template editor.
#[component]
pub fn Prep() -> Element {
    let ctx = use_ctx();
    let upcoming = use_resource(move || async move {
        ctx.revision();
        ctx.journal().upcoming(10).await
    });
    rsx! {
        header { class: "screen-head",
            h1 { "Prep" }
            p { class: "sub", "A short list for each interview. Tick as you go." }
        }
        match &*upcoming.read() {
            None => rsx! { p { class: "loading", "Loading…" } },
            Some(Err(e)) => rsx! { p { class: "error", role: "alert", "{e}" } },
            Some(Ok(list)) if list.is_empty() => rsx! {
                section { class: "empty",
                    p { class: "empty-title", "No interviews coming up." }
                    p { "When you add an interview to a lead, its checklist appears here, with any questions left open from earlier rounds." }
                }
            },
            Some(Ok(list)) => rsx! {
                ul { class: "rows",
                    for (n, (iv, lead)) in list.clone().into_iter().enumerate() {
                        li { key: "{iv.id}", class: "row",
                            div { class: "row-text",
                                span { class: "row-title", "{lead.details.company}" }
                                span { class: "row-meta", "{text::when(&iv.plan.start)} · {text::stage(&iv.plan.stage)}" }
                            }
                            button { class: "button", "data-testid": "prep-open-{n}",
                                onclick: move |_| { navigator().push(Route::ChecklistScreen { id: iv.id }); }, "Checklist" }
                        }
                    }
                }
            },
        }
        TemplateEditor {}
    }
}

/// One interview's checklist.
#[component]
pub fn ChecklistScreen(id: InterviewId) -> Element {
    let mut ctx = use_ctx();
    let data = use_resource(use_reactive!(|id| async move {
        ctx.revision();
        ctx.journal().checklist(id).await
    }));
    let collision = use_resource(use_reactive!(|id| async move {
        ctx.revision();
        ctx.journal().collision(id).await
    }));
    let mut walking_in = use_signal(|| false);
    let error = use_signal(|| None::<UiError>);
    let tick = move |(item, done): (ItemId, bool)| {
        spawn(async move {
            let result = ctx.journal().tick(id, item, done).await;
            ctx.settle(result, error);
        });
    };
    let guard = data.read();
    let Some(Ok(reps_core::ChecklistPage {
        view,
        interview: iv,
        lead,
        walking_in: door,
        practice,
    })) = &*guard
    else {
        return match &*guard {
            Some(Err(e)) => rsx! { p { class: "error", role: "alert", "{e}" } },
            _ => rsx! { p { class: "loading", "Loading…" } },
        };
    };
    let title = format!("{} — {}", lead.details.company, text::stage(&iv.plan.stage));
    let goal = iv.plan.goal.clone();
    if walking_in() {
        let items: Vec<String> = view
            .groups
            .iter()
            .filter(|g| g.when == When::WalkingIn)
            .flat_map(|g| g.items.iter().map(|i| i.text.clone()))
            .collect();
        return rsx! {
            WalkingInView { door: door.clone(), items, on_close: move |_| walking_in.set(false) }
        };
    }
    rsx! {
        crate::components::keys::BackLink {}
        header { class: "screen-head",
            h1 { "{title}" }
            p { class: "sub", "{text::when(&iv.plan.start)} · Goal: {goal}" }
        }
        button { class: "button wide calm", "data-testid": "walking-in", onclick: move |_| walking_in.set(true), "I'm walking in" }
        if let Some(e) = error() { p { class: "error", role: "alert", "{e}" } }
        if let Some(Ok(Some(c))) = collision.read().clone() {
            section { class: "sheet conflict", role: "alert", "data-testid": "prep-conflict",
                h2 { "This one collides" }
                for (other, lead) in c.with.iter() {
                    p { key: "{other.id}", "It overlaps {lead.details.company} at {text::when(&other.plan.start)}, which you agreed to first." }
                }
                p { class: "coach", "{c.advice}" }
                p { "First free time: " b { "{text::when(&c.suggested)}" } }
                button { class: "button", "data-testid": "prep-conflict-message",
                    onclick: move |_| {
                        navigator().push(Route::Message {
                            kind: reps_core::rules::messages::MessageKind::Reschedule,
                            about: crate::screens::message::MessageFor::Interview(id),
                        });
                    },
                    "Write the message asking to move it" }
            }
        }
        if let Some(offer) = practice.clone() {
            section { class: "sheet practice-offer", "data-testid": "check-practice",
                p { "{offer.text}." }
                button { class: "button", "data-testid": "check-practice-open",
                    onclick: move |_| { navigator().push(Route::from(offer.goes_to)); },
                    if offer.cards == 1 { "Practise it" } else { "Practise them" } }
            }
        }
        ChecklistList { view: view.clone(), on_tick: tick }
    }
}

/// The calm full-screen view at the door: where, who, what is still open,
/// the weak spots to keep in mind, and the walking-in lines.
#[component]
fn WalkingInView(
    door: reps_core::WalkingIn,
    items: Vec<String>,
    on_close: EventHandler<()>,
) -> Element {
    rsx! {
        section { class: "walking-in", role: "dialog", aria_modal: "true", aria_label: "Walking in",
            "data-testid": "walking-in-view", tabindex: "-1",
            // the dialog itself takes the focus, so it opens at its top
            onmounted: move |e: Event<MountedData>| async move {
                let _ = e.set_focus(true).await;
            },
            onkeydown: move |e: Event<KeyboardData>| {
                if e.key() == Key::Escape {
                    on_close.call(());
                }
            },
            div { class: "walking-facts",
                p { class: "walking-title", "{door.title}" }
                p { "{door.when}" }
                p { "data-testid": "walking-place", "{door.place}" }
                if !door.people.is_empty() {
                    p { "data-testid": "walking-people", "You'll meet " {door.people.join(", ")} }
                }
            }
            p { class: "walking-goal", "{door.goal}" }
            if !door.open_questions.is_empty() {
                div { class: "walking-block", "data-testid": "walking-questions",
                    p { class: "walking-label", "Still open — ask if it fits" }
                    for (n, q) in door.open_questions.iter().enumerate() { p { key: "{n}", class: "walking-line", "{q}" } }
                }
            }
            if !door.weak_spots.is_empty() {
                div { class: "walking-block", "data-testid": "walking-weak",
                    p { class: "walking-label", "Keep in mind — it needed work last time" }
                    for (n, w) in door.weak_spots.iter().enumerate() { p { key: "{n}", class: "walking-line", "{w}" } }
                }
            }
            for (n, t) in items.into_iter().enumerate() { p { key: "{n}", class: "walking-line", "{t}" } }
            button { class: "button quiet",
                onclick: move |_| on_close.call(()), "Back to the list" }
        }
    }
}

/// The groups and their tick boxes, from the section for now on; the
/// sections whose time has passed fold away below.
#[component]
pub fn ChecklistList(view: ChecklistView, on_tick: EventHandler<(ItemId, bool)>) -> Element {
    let (done, total) = view.progress();
    let (current, earlier): (Vec<_>, Vec<_>) =
        view.groups.into_iter().partition(|g| g.when >= view.now);
    rsx! {
        p { class: "progress", role: "status", "{done} of {total} ready" }
        for g in current {
            CheckGroup { key: "{g.when:?}", group: g, on_tick }
        }
        if !earlier.is_empty() {
            details { class: "more earlier-checks", "data-testid": "checks-earlier",
                summary { "Earlier: " {earlier.iter().map(|g| text::when_group(g.when)).collect::<Vec<_>>().join(", ")} }
                for g in earlier {
                    CheckGroup { key: "{g.when:?}", group: g, on_tick }
                }
            }
        }
    }
}

/// One group's tick boxes; a line that asks to read earlier notes links to them.
#[component]
fn CheckGroup(
    group: reps_core::rules::checklist::Group,
    on_tick: EventHandler<(ItemId, bool)>,
) -> Element {
    let g = group;
    rsx! {
        section { class: "check-group",
            h2 { "{text::when_group(g.when)}" }
            ul { class: "checks",
                for (n, item) in g.items.into_iter().enumerate() {
                    li { key: "{item.id}",
                        label { class: if item.done { "check done" } else { "check" },
                            input { r#type: "checkbox", checked: item.done,
                                "data-testid": "check-{g.when:?}-{n}",
                                onchange: move |e| on_tick.call((item.id, e.checked())) }
                            span { "{item.text}" }
                            if matches!(item.source, reps_core::rules::checklist::ItemSource::Question { .. }) {
                                span { class: "tag", "open question" }
                            }
                        }
                        if let Some(d) = item.opens {
                            button { class: "button quiet small check-link", "data-testid": "check-notes",
                                onclick: move |_| { navigator().push(Route::DebriefNotes { id: d }); },
                                "Read your notes from the last round →" }
                        }
                        if let Some(lead) = item.opens_ad {
                            button { class: "button quiet small check-link", "data-testid": "check-ad",
                                onclick: move |_| { navigator().push(Route::LeadDetail { id: lead }); },
                                "Re-read the ad you kept →" }
                        }
                    }
                }
            }
        }
    }
}

/// Editing the checklist every new interview starts from.
#[component]
fn TemplateEditor() -> Element {
    let mut ctx = use_ctx();
    let template = use_resource(move || async move {
        ctx.revision(); // reload after a save, so the editor never shows old text
        ctx.journal().default_template().await
    });
    let mut open = use_signal(|| false);
    let mut draft = use_signal(String::new);
    let error = use_signal(|| None::<UiError>);
    let loaded = matches!(&*template.read(), Some(Ok(Some(_))));
    if !open() {
        return rsx! {
            button { class: "button wide quiet", disabled: !loaded, onclick: move |_| {
                if let Some(Ok(Some(t))) = &*template.read() {
                    draft.set(template_text(&t.items));
                }
                open.set(true);
            }, "Edit my checklist template" }
        };
    }
    rsx! {
        form { class: "form", onsubmit: move |e: FormEvent| {
            e.prevent_default();
            let items = parse_template(&draft());
            spawn(async move {
                let result = ctx.journal().save_default_template("Before every interview".into(), items).await;
                if ctx.settle(result, error).is_some() {
                    open.set(false);
                }
            });
        },
            label { r#for: "template", "One item per line, under the headings “Day before:”, “Hour before:”, “Walking in:”" }
            textarea { id: "template", rows: "14", initial_value: "{draft}", oninput: move |e| draft.set(e.value()) }
            if let Some(e) = error() { p { class: "field-error", role: "alert", "{e}" } }
            div { class: "row-actions",
                button { class: "button take", r#type: "submit", "Save template" }
                button { class: "button quiet", r#type: "button", onclick: move |_| open.set(false), "Cancel" }
            }
        }
    }
}

const HEADINGS: [(When, &str); 3] = [
    (When::DayBefore, "Day before:"),
    (When::HourBefore, "Hour before:"),
    (When::WalkingIn, "Walking in:"),
];

/// The template as editable text.
pub fn template_text(items: &[TemplateItem]) -> String {
    let mut out = String::new();
    for (when, heading) in HEADINGS {
        out.push_str(heading);
        out.push('\n');
        for i in items.iter().filter(|i| i.when == when) {
            out.push_str(&i.text);
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// Text back into items (headings switch the group; blank lines are skipped).
pub fn parse_template(text: &str) -> Vec<TemplateItem> {
    let mut when = When::DayBefore;
    let mut items = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some((w, _)) = HEADINGS.iter().find(|(_, h)| h.eq_ignore_ascii_case(line)) {
            when = *w;
        } else {
            items.push(TemplateItem {
                id: ItemId(uuid::Uuid::nil()),
                text: line.to_string(),
                when,
            });
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::test_support::{demo, render_with};

    #[test]
    fn template_text_round_trips() {
        let items = parse_template("Day before:\nRead the ad\n\nWalking in:\nBreathe\n");
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].when, When::WalkingIn);
        let again = parse_template(&template_text(&items));
        assert_eq!(
            again.iter().map(|i| (&i.text, i.when)).collect::<Vec<_>>(),
            items.iter().map(|i| (&i.text, i.when)).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_checklist_is_grouped_by_when_with_progress() {
        let j = demo();
        let iv = j.upcoming_interviews(j.now(), 1).unwrap().remove(0);
        let view = j.checklist(iv.id).unwrap();
        let html = render_with(
            view,
            |view| rsx! { ChecklistList { view, on_tick: |_| {} } },
        );
        assert!(
            html.contains("The day before") && html.contains("Walking in"),
            "{html}"
        );
        assert!(html.contains("0 of "), "{html}");
    }

    #[test]
    fn an_hour_before_the_day_before_lines_fold_away_below() {
        let j = demo();
        let iv = j.upcoming_interviews(j.now(), 1).unwrap().remove(0);
        let mut view = j.checklist(iv.id).unwrap();
        view.now = When::HourBefore;
        let html = render_with(
            view,
            |view| rsx! { ChecklistList { view, on_tick: |_| {} } },
        );
        let hour = html.find("The hour before").unwrap();
        let earlier = html.find("checks-earlier").unwrap();
        assert!(hour < earlier, "{html}");
        assert!(html.contains("Earlier: The day before"), "{html}");
    }
}

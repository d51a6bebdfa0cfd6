//! Today: one list of what is due now, each row acting in one tap.

use dioxus::prelude::*;
use reps_core::FollowUpId;
use reps_core::rules::today::TodayItem;

use crate::app::use_ctx;
use crate::components::text;
use crate::journal::UiError;
use crate::route::Route;

/// What a row's button asks for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RowAction {
    /// Mark a follow-up done.
    Done(FollowUpId),
    /// Push it to tomorrow morning.
    Snooze(FollowUpId),
}

/// The Today screen.
#[component]
pub fn Today() -> Element {
    let mut ctx = use_ctx();
    let items = use_resource(move || async move {
        ctx.revision();
        ctx.journal().today().await
    });
    let error = use_signal(|| None::<UiError>);
    let act = move |a: RowAction| {
        spawn(async move {
            let j = ctx.journal();
            let done = match a {
                RowAction::Done(id) => j.complete(id).await.map(|_| ()),
                RowAction::Snooze(id) => j.snooze_to_tomorrow(id).await.map(|_| ()),
            };
            ctx.settle(done, error);
        });
    };
    match &*items.read() {
        None => rsx! { p { class: "loading", "Loading…" } },
        Some(Err(e)) => rsx! { p { class: "error", role: "alert", "{e}" } },
        Some(Ok(list)) => rsx! {
            TodayView {
                items: list.clone(),
                error: error().map(|e| e.message),
                on_act: act,
                on_nav: move |r: Route| {
                    navigator().push(r);
                },
            }
        },
    }
}

/// Today, from plain data.
#[component]
pub fn TodayView(
    items: Vec<TodayItem>,
    error: Option<String>,
    on_act: EventHandler<RowAction>,
    on_nav: EventHandler<Route>,
) -> Element {
    rsx! {
        header { class: "screen-head",
            h1 { "Today" }
            p { class: "sub", "What needs you now. One tap each." }
        }
        if let Some(e) = error {
            p { class: "error", role: "alert", "{e}" }
        }
        if items.is_empty() {
            section { class: "empty",
                p { class: "empty-title", "Nothing due right now." }
                p { "Add a lead you heard about, or tap + after your next interview to write down how it went while it is fresh." }
                button { class: "button", onclick: move |_| on_nav.call(Route::Leads {}), "Add a lead" }
            }
        }
        ul { class: "rows", aria_label: "Due today",
            for (n, item) in items.into_iter().enumerate() {
                li { key: "{row_key(&item)}", class: "row",
                    {row(item, n, on_act, on_nav)}
                }
            }
        }
        footer { class: "screen-foot",
            button { class: "quiet-link", r#type: "button", "data-testid": "open-data",
                onclick: move |_| on_nav.call(Route::Data {}), "Back up or move your journal" }
        }
    }
}

/// Rows are keyed by what they are about, so a focused button never moves to the next row.
fn row_key(item: &TodayItem) -> String {
    match item {
        TodayItem::Checklist { interview, .. } => format!("c{interview}"),
        TodayItem::WriteDebrief { interview, .. } => format!("d{interview}"),
        TodayItem::FollowUp { followup, .. } => format!("f{}", followup.id),
        TodayItem::Silent { lead, .. } => format!("s{lead}"),
    }
}

fn row(
    item: TodayItem,
    n: usize,
    on_act: EventHandler<RowAction>,
    on_nav: EventHandler<Route>,
) -> Element {
    match item {
        TodayItem::Checklist {
            interview,
            about,
            starts,
            done,
            total,
            ..
        } => rsx! {
            div { class: "row-text",
                span { class: "row-kind", "Prepare" }
                span { class: "row-title", "{about}" }
                span { class: "row-meta", "{text::when(&starts)} · {done} of {total} ready" }
            }
            button { class: "button", "data-testid": "today-open-{n}",
                onclick: move |_| on_nav.call(Route::ChecklistScreen { id: interview }), "Open checklist" }
        },
        TodayItem::WriteDebrief {
            interview,
            about,
            ended,
            ..
        } => rsx! {
            div { class: "row-text",
                span { class: "row-kind", "Write it down" }
                span { class: "row-title", "{about}" }
                span { class: "row-meta", "Ended {text::when(&ended)}" }
            }
            button { class: "button", aria_label: "Capture how it went: {about}", onclick: move |_| on_nav.call(Route::CaptureFor { interview }), "Capture" }
        },
        TodayItem::FollowUp {
            followup,
            about,
            overdue,
        } => {
            let id = followup.id;
            rsx! {
                div { class: "row-text",
                    span { class: "row-kind", "{text::follow_up(followup.kind)}" }
                    span { class: "row-title", "{about}" }
                    span { class: if overdue { "row-meta late" } else { "row-meta" },
                        if overdue { "Was due {text::day(&followup.effective_due())}" } else { "Due today" }
                    }
                }
                div { class: "row-actions",
                    button { class: "button", "data-testid": "today-done-{n}", aria_label: "Done: {text::follow_up(followup.kind)} {about}",
                        onclick: move |_| on_act.call(RowAction::Done(id)), "Done" }
                    button { class: "button quiet", aria_label: "Tomorrow: {about}",
                        onclick: move |_| on_act.call(RowAction::Snooze(id)), "Tomorrow" }
                }
            }
        }
        TodayItem::Silent { lead, about, since } => rsx! {
            div { class: "row-text",
                span { class: "row-kind", "No word for a while" }
                span { class: "row-title", "{about}" }
                span { class: "row-meta", "Silent since {text::day(&since)}. Send a last check-in, or close it as ghosted." }
            }
            button { class: "button quiet", onclick: move |_| on_nav.call(Route::LeadDetail { id: lead }), "Decide" }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::test_support::{render, render_with};

    #[test]
    fn empty_today_says_what_to_do_first() {
        let html = render(
            || rsx! { TodayView { items: vec![], error: None, on_act: |_| {}, on_nav: |_| {} } },
        );
        assert!(html.contains("Nothing due right now."), "{html}");
        assert!(html.contains("Add a lead"));
    }

    #[test]
    fn typical_today_lists_rows_with_one_tap_actions() {
        let items = crate::screens::test_support::demo_today();
        assert!(!items.is_empty());
        let html = render_with(
            items,
            |items| rsx! { TodayView { items, error: None, on_act: |_| {}, on_nav: |_| {} } },
        );
        assert!(html.contains("Write it down"), "{html}");
        assert!(html.contains(">Done<"), "{html}");
        assert!(!html.contains("Nothing due"));
    }

    #[test]
    fn an_error_is_shown_as_an_alert() {
        let html = render(
            || rsx! { TodayView { items: vec![], error: Some("could not save".to_string()), on_act: |_| {}, on_nav: |_| {} } },
        );
        assert!(html.contains("role=\"alert\""), "{html}");
        assert!(html.contains("could not save"));
    }
}

//! Today: one list of what is due now, each row acting in one tap.

use chrono::NaiveDate;
use dioxus::prelude::*;
use reps_core::rules::today::TodayItem;
use reps_core::{FollowUpId, LeadId, Status, ThisWeek, TodayRow};

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
    /// Push it to a chosen day.
    SnoozeTo(FollowUpId, NaiveDate),
    /// The user closes a silent lead as ghosted.
    Ghosted(LeadId),
}

/// After pushing something back: what was pushed, and the lead to look at instead.
#[derive(Debug, Clone, PartialEq)]
pub struct Pushed {
    /// The day it comes back.
    pub until: String,
    /// "Company — role" of the next lead in the deck, if any.
    pub next_lead: Option<String>,
}

/// The Today screen.
#[component]
pub fn Today() -> Element {
    let mut ctx = use_ctx();
    let items = use_resource(move || async move {
        ctx.revision();
        ctx.journal().today().await
    });
    let week = use_resource(move || async move {
        ctx.revision();
        ctx.journal().this_week().await
    });
    // a sync that keeps failing is said here too, not only under Your data
    let sync = use_resource(move || async move {
        ctx.revision();
        ctx.journal().sync_view().await
    });
    let sync_problem = sync
        .read()
        .as_ref()
        .and_then(|v| v.as_ref().ok())
        .filter(|v| v.set_up)
        .and_then(|v| v.problem.clone());
    let error = use_signal(|| None::<UiError>);
    let mut pushed = use_signal(|| None::<Pushed>);
    let act = move |a: RowAction| {
        spawn(async move {
            let j = ctx.journal();
            let snoozed = match a {
                RowAction::Done(id) => j.complete(id).await.map(|_| None),
                RowAction::Snooze(id) => j.snooze_to_tomorrow(id).await.map(Some),
                RowAction::SnoozeTo(id, day) => j.snooze_to(id, day).await.map(Some),
                RowAction::Ghosted(lead) => j.move_lead(lead, Status::Ghosted).await.map(|_| None),
            };
            if let Some(Some(f)) = ctx.settle(snoozed, error) {
                // "don't wait anxiously": point at something to do instead
                let next_lead = j
                    .next_in_deck()
                    .await
                    .ok()
                    .flatten()
                    .map(|l| reps_core::wording::about(&l));
                pushed.set(Some(Pushed {
                    until: text::day(&f.effective_due()),
                    next_lead,
                }));
            }
        });
    };
    match &*items.read() {
        None => rsx! { p { class: "loading", "Loading…" } },
        Some(Err(e)) => rsx! { p { class: "error", role: "alert", "{e}" } },
        Some(Ok(list)) => rsx! {
            if let Some(problem) = sync_problem {
                div { class: "sync-alert", role: "status", "data-testid": "today-sync-problem",
                    p { strong { "Sync: " } "{problem.trim_end_matches('.')}. What you write stays on this device meanwhile." }
                    button { class: "quiet-link", r#type: "button",
                        onclick: move |_| { navigator().push(Route::Data {}); },
                        "Open sync" }
                }
            }
            TodayView {
                items: list.clone(),
                error: error().map(|e| e.message),
                pushed: pushed(),
                week: week.read().as_ref().and_then(|w| w.as_ref().ok()).cloned(),
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
    items: Vec<TodayRow>,
    error: Option<String>,
    #[props(default)] pushed: Option<Pushed>,
    #[props(default)] week: Option<ThisWeek>,
    on_act: EventHandler<RowAction>,
    on_nav: EventHandler<Route>,
) -> Element {
    rsx! {
        header { class: "screen-head with-action",
            div {
                h1 { "Today" }
                p { class: "sub", "What needs you now. One tap each." }
            }
            button { class: "button quiet", r#type: "button", "data-testid": "open-search",
                onclick: move |_| on_nav.call(Route::Search {}), "Search" }
        }
        if let Some(e) = error {
            p { class: "error", role: "alert", "{e}" }
        }
        if let Some(p) = pushed {
            section { class: "sheet pushed", role: "status", "data-testid": "pushed",
                p { "Moved to {p.until}. No need to wait by the phone." }
                if let Some(next) = p.next_lead {
                    p { "Meanwhile, " b { "{next}" } " is waiting in your deck." }
                    button { class: "button", "data-testid": "next-lead", onclick: move |_| on_nav.call(Route::Leads {}), "Look at it now" }
                }
            }
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
        if let Some(w) = week.filter(|w| !w.ahead.is_empty() || !w.lessons.is_empty()) {
            section { class: "this-week", aria_label: "This week", "data-testid": "this-week",
                h2 { "This week" }
                p { class: "sub",
                    if w.lessons.is_empty() { "The next seven days." } else { "The next seven days, and what your last week's interviews taught." }
                }
                if !w.ahead.is_empty() {
                    ul { class: "rows",
                        for (n, r) in w.ahead.into_iter().enumerate() {
                            li { key: "{n}", class: "row",
                                div { class: "row-text",
                                    span { class: "row-kind", "{r.day}" }
                                    span { class: "row-title", "{r.title}" }
                                    span { class: "row-meta", "{r.about}" }
                                }
                                button { class: "button quiet", "data-testid": "week-open-{n}", aria_label: "Open: {r.title}, {r.about}",
                                    onclick: move |_| on_nav.call(Route::from(r.goes_to)), "Open" }
                            }
                        }
                    }
                }
                if !w.lessons.is_empty() {
                    h3 { "Answers to improve, from the last seven days" }
                    ul { class: "rows",
                        for (n, l) in w.lessons.into_iter().enumerate() {
                            li { key: "{n}", class: "row",
                                div { class: "row-text",
                                    span { class: "row-kind", "{l.about}" }
                                    if !l.text.is_empty() { span { class: "row-title", "{l.text}" } }
                                    if !l.work_on.is_empty() { span { class: "row-meta", "Work on: {l.work_on.join(\", \")}" } }
                                }
                                button { class: "button quiet", "data-testid": "lesson-open-{n}", aria_label: "Read the notes: {l.about}",
                                    onclick: move |_| on_nav.call(Route::from(l.goes_to)), "Read" }
                            }
                        }
                    }
                }
            }
        }
        footer { class: "screen-foot",
            {notify_opt_in()}
            button { class: "quiet-link", r#type: "button", "data-testid": "open-data",
                onclick: move |_| on_nav.call(Route::Data {}), "Your data: sync, backup, exports, proof of search" }
        }
    }
}

/// The browser asks before it notifies (phones and desktops need no ask).
#[cfg(target_arch = "wasm32")]
fn notify_opt_in() -> Element {
    rsx! { crate::platform::browser_reminders::NotifyOptIn {} }
}

#[cfg(not(target_arch = "wasm32"))]
fn notify_opt_in() -> Element {
    rsx! {}
}

/// Rows are keyed by what they are about, so a focused button never moves to the next row.
fn row_key(row: &TodayRow) -> String {
    match &row.item {
        TodayItem::Checklist { interview, .. } => format!("c{interview}"),
        TodayItem::WriteDebrief { interview, .. } => format!("d{interview}"),
        TodayItem::FollowUp { followup, .. } => format!("f{}", followup.id),
        TodayItem::Silent { lead, .. } => format!("s{lead}"),
        TodayItem::Practice { .. } => "practice".into(),
    }
}

fn row(
    row: TodayRow,
    n: usize,
    on_act: EventHandler<RowAction>,
    on_nav: EventHandler<Route>,
) -> Element {
    let TodayRow {
        item,
        title,
        about,
        when,
        goes_to,
        message,
        ..
    } = row;
    let to = Route::from(goes_to);
    match item {
        TodayItem::Checklist { .. } => rsx! {
            div { class: "row-text",
                span { class: "row-kind", "{title}" }
                span { class: "row-title", "{about}" }
                span { class: "row-meta", "{when}" }
            }
            button { class: "button", "data-testid": "today-open-{n}",
                onclick: move |_| on_nav.call(to.clone()), "Open checklist" }
        },
        TodayItem::WriteDebrief { .. } => rsx! {
            div { class: "row-text",
                span { class: "row-kind", "{title}" }
                span { class: "row-title", "{about}" }
                span { class: "row-meta", "{when}" }
            }
            button { class: "button", aria_label: "Capture how it went: {about}", onclick: move |_| on_nav.call(to.clone()), "Capture" }
        },
        TodayItem::FollowUp {
            followup, overdue, ..
        } => {
            let id = followup.id;
            rsx! {
                div { class: "row-text",
                    span { class: "row-kind", "{title}" }
                    span { class: "row-title", "{about}" }
                    span { class: if overdue { "row-meta late" } else { "row-meta" }, "{when}" }
                }
                div { class: "row-actions wrap",
                    if let Some((kind, about_it)) = message {
                        button { class: "button", "data-testid": "today-write-{n}", aria_label: "Write it: {title} {about}",
                            onclick: move |_| on_nav.call(Route::Message { kind, about: about_it }), "Write it" }
                    } else if matches!(goes_to, reps_core::GoesTo::Lead(_)) {
                        // no message takes care of it (a reply, applying again): its lead does
                        button { class: "button", "data-testid": "today-open-lead-{n}", aria_label: "Open {about}",
                            onclick: move |_| on_nav.call(to.clone()), "Open" }
                    }
                    button { class: "button", "data-testid": "today-done-{n}", aria_label: "Done: {title} {about}",
                        onclick: move |_| on_act.call(RowAction::Done(id)), "Done" }
                    button { class: "button quiet", aria_label: "Tomorrow: {about}",
                        onclick: move |_| on_act.call(RowAction::Snooze(id)), "Tomorrow" }
                    Later { id, n, about: about.clone(), on_act }
                }
            }
        }
        TodayItem::Practice { .. } => rsx! {
            div { class: "row-text", "data-testid": "today-practice-row",
                span { class: "row-kind", "{title}" }
                span { class: "row-title", "{about}" }
                span { class: "row-meta", "{when} · a few minutes, out loud" }
            }
            button { class: "button", "data-testid": "today-practise", aria_label: "Practise now: {about}",
                onclick: move |_| on_nav.call(to.clone()), "Practise" }
        },
        TodayItem::Silent { lead, .. } => {
            let write = message.map(|(kind, about)| Route::Message { kind, about });
            rsx! {
                div { class: "row-text",
                    span { class: "row-kind", "{title}" }
                    span { class: "row-title", "{about}" }
                    span { class: "row-meta", "{when}. Send a last check-in, or close it as ghosted. Reps changes nothing until you say." }
                }
                div { class: "row-actions wrap",
                    if let Some(write) = write {
                        button { class: "button", "data-testid": "silent-write-{n}", aria_label: "Write a last check-in: {about}",
                            onclick: move |_| on_nav.call(write.clone()), "Last check-in" }
                    }
                    button { class: "button quiet", "data-testid": "silent-ghosted-{n}", aria_label: "Mark as ghosted: {about}",
                        onclick: move |_| on_act.call(RowAction::Ghosted(lead)), "Mark ghosted" }
                    button { class: "button quiet", aria_label: "Open {about}", onclick: move |_| on_nav.call(to.clone()), "Open" }
                }
            }
        }
    }
}

/// "Later…": pushes a follow-up to a day the user picks.
#[component]
fn Later(id: FollowUpId, n: usize, about: String, on_act: EventHandler<RowAction>) -> Element {
    let mut open = use_signal(|| false);
    let mut day = use_signal(String::new);
    let mut problem = use_signal(|| None::<&'static str>);
    if !open() {
        return rsx! {
            button { class: "button quiet", "data-testid": "today-later-{n}", aria_label: "Later: {about}",
                onclick: move |_| open.set(true), "Later…" }
        };
    }
    rsx! {
        form { class: "later", aria_label: "Push to a day: {about}",
            onsubmit: move |e: FormEvent| {
                e.prevent_default();
                match day().parse::<NaiveDate>() {
                    Ok(d) => {
                        problem.set(None);
                        open.set(false);
                        on_act.call(RowAction::SnoozeTo(id, d));
                    }
                    Err(_) => problem.set(Some("Pick a day first.")),
                }
            },
            label { r#for: "later-{n}", "Come back to it on" }
            input { id: "later-{n}", "data-testid": "later-day-{n}", r#type: "date", initial_value: "{day}", oninput: move |e| day.set(e.value()) }
            if let Some(p) = problem() { p { class: "field-error", role: "alert", "{p}" } }
            button { class: "button", r#type: "submit", "data-testid": "later-save-{n}", "Push it" }
            button { class: "button quiet", r#type: "button", onclick: move |_| open.set(false), "Cancel" }
        }
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
    fn this_week_lists_what_comes_and_what_to_improve_each_with_a_way_to_it() {
        let week = crate::screens::test_support::demo().this_week().unwrap();
        assert!(
            !week.ahead.is_empty(),
            "the sample has an offer to answer this week"
        );
        let first = week.ahead[0].clone();
        let html = render_with(
            week,
            |week| rsx! { TodayView { items: vec![], error: None, week: Some(week), on_act: |_| {}, on_nav: |_| {} } },
        );
        assert!(html.contains("This week"), "{html}");
        assert!(
            html.contains(&first.day) && html.contains(&first.title),
            "{html}"
        );
        assert!(html.contains("week-open-0"), "{html}");
        // nothing this week: no empty heading
        let none = render_with(
            reps_core::ThisWeek::default(),
            |week| rsx! { TodayView { items: vec![], error: None, week: Some(week), on_act: |_| {}, on_nav: |_| {} } },
        );
        assert!(!none.contains("This week"), "{none}");
    }

    #[test]
    fn a_reply_says_who_is_owed_it_and_opens_its_lead() {
        let items = crate::screens::test_support::demo_today();
        let reply = items
            .iter()
            .position(|r| matches!(&r.item, TodayItem::FollowUp { followup, .. } if followup.kind == reps_core::FollowUpKind::ReplyOwed))
            .expect("the sample owes a reply");
        let title = items[reply].title.clone();
        assert!(title.starts_with("Reply to "), "{title}");
        let html = render_with(
            items,
            |items| rsx! { TodayView { items, error: None, on_act: |_| {}, on_nav: |_| {} } },
        );
        assert!(html.contains(&title), "{html}");
        assert!(html.contains(&format!("today-open-lead-{reply}")), "{html}");
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

//! One search box across the journal: leads, interviews, debriefs, people and
//! notes. It answers while the user types; typos and half-typed words still
//! find what they meant (the core's search decides how).

use dioxus::prelude::*;

use crate::app::use_ctx;
use crate::route::Route;
use reps_core::SearchResult;

/// The search screen.
#[component]
pub fn Search() -> Element {
    let mut ctx = use_ctx();
    // back from a result, the search is still there
    let mut query = use_signal(move || ctx.last_search());
    // a newer keystroke restarts the resource; an older answer is dropped
    let results = use_resource(move || async move {
        let q = query();
        if q.trim().is_empty() {
            return Ok(Vec::new());
        }
        ctx.journal().search(q).await
    });
    let list = match &*results.read() {
        Some(Ok(l)) => Some(Ok(l.clone())),
        Some(Err(e)) => Some(Err(e.message.clone())),
        None => None,
    };
    rsx! {
        crate::components::keys::BackLink {}
        header { class: "screen-head",
            h1 { "Search" }
            p { class: "sub", "Companies, roles, people, and everything you wrote down." }
        }
        form { class: "form search", role: "search", onsubmit: move |e| e.prevent_default(),
            label { r#for: "search-box", class: "visually-hidden", "Search your journal" }
            // not bound to `query`: the box keeps every key typed, however
            // fast, and the results follow it
            input { id: "search-box", "data-testid": "search-box", r#type: "search",
                placeholder: "Search your journal", autocomplete: "off", spellcheck: "false",
                initial_value: "{query.peek()}",
                onmounted: move |e| { spawn(async move { let _ = e.set_focus(true).await; }); },
                oninput: move |e| {
                    ctx.remember_search(e.value());
                    query.set(e.value());
                } }
        }
        SearchResults { query: query(), results: list, on_open: move |r: Route| { navigator().push(r); } }
    }
}

/// The results, from plain data.
#[component]
pub fn SearchResults(
    query: String,
    results: Option<Result<Vec<SearchResult>, String>>,
    on_open: EventHandler<Route>,
) -> Element {
    if query.trim().is_empty() {
        return rsx! {};
    }
    match results {
        None => rsx! { p { class: "loading", "Searching…" } },
        Some(Err(e)) => rsx! { p { class: "error", role: "alert", "{e}" } },
        Some(Ok(list)) if list.is_empty() => rsx! {
            p { class: "empty-title", role: "status", "data-testid": "search-none", "Nothing matches “{query}”." }
        },
        Some(Ok(list)) => rsx! {
            p { class: "sub", role: "status", "{crate::components::text::count(list.len(), \"match\", \"matches\")}" }
            ul { class: "rows", aria_label: "Search results", "data-testid": "search-results",
                for (n, r) in list.into_iter().enumerate() {
                    {
                        let to = r.goes_to.map(Route::from);
                        let matched = matched_line(&r.hit.matched);
                        rsx! {
                            li { key: "{n}", class: "row",
                                div { class: "row-text",
                                    span { class: "row-kind", "{kind(r.hit.target)}" }
                                    span { class: "row-title", "{r.hit.title}" }
                                    if let Some(a) = &r.about { span { class: "row-meta", "{a}" } }
                                    span { class: "row-meta", "{r.hit.snippet}" }
                                    if let Some(m) = matched { span { class: "row-meta matched", "{m}" } }
                                }
                                if let Some(to) = to {
                                    button { class: "button quiet", "data-testid": "search-open-{n}",
                                        aria_label: "Open {r.hit.title}",
                                        onclick: move |_| on_open.call(to.clone()), "Open" }
                                }
                            }
                        }
                    }
                }
            }
        },
    }
}

use reps_core::wording::search_target as kind;

/// "Matched: interview, Acme" — the words as the journal has them, so a
/// typo's correction is visible.
fn matched_line(words: &[String]) -> Option<String> {
    (!words.is_empty()).then(|| format!("Matched: {}", words.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::test_support::{demo, render_with};

    #[test]
    fn results_show_kind_title_snippet_and_the_words_that_matched() {
        let j = demo();
        let results = j.search_results("intervew", 30).unwrap();
        assert!(
            !results.is_empty(),
            "a typo still finds something in the sample"
        );
        let first = results[0].hit.title.clone();
        let html = render_with(Some(Ok(results)), |results| {
            rsx! { SearchResults { query: "intervew".to_string(), results, on_open: |_| {} } }
        });
        assert!(html.contains(&first), "{html}");
        assert!(html.contains("Matched: "), "{html}");
        let none = render_with(Some(Ok(Vec::new())), |results| {
            rsx! { SearchResults { query: "zzzz".to_string(), results, on_open: |_| {} } }
        });
        assert!(none.contains("Nothing matches"), "{none}");
    }
}

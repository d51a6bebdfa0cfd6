//! Keys a laptop user expects wherever the focus is: Escape (and Alt+← in
//! the window; the browser does that one itself) goes back, Ctrl/Cmd+Z
//! undoes the last decision on Leads. Never while typing in a field, and
//! never while a sheet is open (it handles Escape itself).

use dioxus::prelude::*;

use crate::route::Route;

/// Undo requests from the keyboard, counted: a screen that can undo
/// (Leads) acts on each new one.
#[derive(Clone, Copy, PartialEq)]
pub struct UndoRequests(pub Signal<u32>);

const LISTEN: &str = r#"
    const typing = (t) => t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    const sheetOpen = () => document.querySelector('[role=dialog], [role=alertdialog]') !== null;
    window.addEventListener('keydown', (e) => {
        if (e.defaultPrevented || typing(e.target) || sheetOpen()) return;
        if (e.key === 'Escape' && !e.altKey && !e.ctrlKey && !e.metaKey) {
            dioxus.send('back');
        } else if (e.altKey && e.key === 'ArrowLeft' && !WEB) {
            e.preventDefault();
            dioxus.send('back');
        } else if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z') {
            e.preventDefault();
            dioxus.send('undo');
        }
    });
    await new Promise(() => {});
"#;

/// Where "back" goes when there is no earlier screen of Reps to return to
/// (the app was opened on this one): the list it belongs to, or nowhere.
pub fn up_from(route: &Route) -> Option<Route> {
    match route {
        Route::LeadDetail { .. } | Route::BookInterview { .. } | Route::Offers {} => {
            Some(Route::Leads {})
        }
        Route::ChecklistScreen { .. } => Some(Route::Prep {}),
        Route::Practice {}
        | Route::PracticeBefore { .. }
        | Route::PracticeCardNow { .. }
        | Route::Cards {}
        | Route::NewCard {}
        | Route::EditCard { .. } => Some(Route::Reps {}),
        Route::Message { .. } | Route::Search {} | Route::Data {} | Route::DebriefNotes { .. } => {
            Some(Route::Today {})
        }
        _ => None,
    }
}

/// The screens visited in this run, to know whether "back" stays in Reps.
#[derive(Clone, Copy, PartialEq)]
pub struct Visited(pub Signal<Vec<Route>>);

impl Visited {
    /// One step back: to the screen before, else up to this screen's list.
    pub fn back(self) {
        let (earlier, up) = {
            let visited = self.0.peek();
            (visited.len() > 1, visited.last().and_then(up_from))
        };
        if earlier {
            navigator().go_back();
        } else if let Some(up) = up {
            navigator().replace(up);
        }
    }
}

/// "← Back", for screens reached from anywhere (a message, the search, a
/// checklist): the same step back as Escape.
#[component]
pub fn BackLink() -> Element {
    let visited = try_use_context::<Visited>();
    rsx! {
        nav { class: "back", aria_label: "Back",
            button { r#type: "button", class: "quiet-link", "data-testid": "back",
                onclick: move |_| {
                    if let Some(v) = visited {
                        v.back();
                    }
                },
                "← Back"
            }
        }
    }
}

/// Listens for the keys; renders nothing.
#[component]
pub fn WindowKeys(undo: UndoRequests, visited: Visited) -> Element {
    let route = use_route::<Route>();
    let mut visited = visited.0;
    use_effect(use_reactive!(|route| {
        let mut v = visited.write();
        if v.len() >= 2 && v[v.len() - 2] == route {
            v.pop(); // that was a step back
        } else if v.last() != Some(&route) {
            let first = v.is_empty();
            v.push(route);
            // a new screen opens at its top, not where the last one was scrolled
            if !first {
                document::eval("window.scrollTo(0, 0);");
            }
        }
    }));
    use_hook(move || {
        let mut undo = undo.0;
        spawn(async move {
            let web = cfg!(target_arch = "wasm32");
            let mut keys = document::eval(&format!("const WEB = {web};\n{LISTEN}"));
            while let Ok(key) = keys.recv::<String>().await {
                match key.as_str() {
                    "undo" => undo += 1,
                    "back" => Visited(visited).back(),
                    _ => {}
                }
            }
        });
    });
    rsx! {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_from_a_screen_opened_directly_goes_to_its_list_and_a_tab_stays() {
        let lead = reps_core::LeadId(uuid::Uuid::now_v7());
        assert_eq!(
            up_from(&Route::LeadDetail { id: lead }),
            Some(Route::Leads {})
        );
        assert_eq!(up_from(&Route::Offers {}), Some(Route::Leads {}));
        assert_eq!(up_from(&Route::Today {}), None);
        assert_eq!(up_from(&Route::Leads {}), None);
    }
}

//! The screens as one routable enum, and the shell around them: a bottom tab
//! bar on a phone, a side bar on a wide window, quick capture always one tap away.

use dioxus::prelude::*;
use reps_core::rules::messages::MessageKind;
use reps_core::{CardId, DebriefId, GoesTo, InterviewId, LeadId};

use crate::app::Launch;
use crate::screens::capture::{Capture, CaptureFor, DebriefNotes};
use crate::screens::checklist::{ChecklistScreen, Prep};
use crate::screens::data::Data;
use crate::screens::lead::{BookInterview, LeadDetail};
use crate::screens::leads::Leads;
use crate::screens::message::{Message, MessageFor};
use crate::screens::offers::Offers;
use crate::screens::people::People;
use crate::screens::practice::{
    Cards, EditCard, NewCard, Practice, PracticeBefore, PracticeCardNow,
};
use crate::screens::reps::Reps;
use crate::screens::search::Search;
use crate::screens::today::Today;

/// Every screen of the app.
#[derive(Routable, Clone, PartialEq, Debug)]
#[rustfmt::skip]
pub enum Route {
    #[layout(Shell)]
        #[route("/")]
        Today {},
        #[route("/leads")]
        Leads {},
        #[route("/leads/:id")]
        LeadDetail { id: LeadId },
        #[route("/leads/:id/book")]
        BookInterview { id: LeadId },
        #[route("/capture")]
        Capture {},
        #[route("/capture/:interview")]
        CaptureFor { interview: InterviewId },
        #[route("/debriefs/:id")]
        DebriefNotes { id: DebriefId },
        #[route("/prep")]
        Prep {},
        #[route("/prep/:id")]
        ChecklistScreen { id: InterviewId },
        #[route("/reps")]
        Reps {},
        #[route("/people")]
        People {},
        #[route("/data")]
        Data {},
        #[route("/message/:kind/:about")]
        Message { kind: MessageKind, about: MessageFor },
        #[route("/offers")]
        Offers {},
        #[route("/search")]
        Search {},
        #[route("/practice")]
        Practice {},
        #[route("/practice/before/:interview")]
        PracticeBefore { interview: InterviewId },
        #[route("/practice/card/:id")]
        PracticeCardNow { id: CardId },
        #[route("/practice/cards")]
        Cards {},
        #[route("/practice/cards/new")]
        NewCard {},
        #[route("/practice/cards/:id")]
        EditCard { id: CardId },
}

impl From<GoesTo> for Route {
    /// The screen the core says something leads to.
    fn from(to: GoesTo) -> Self {
        match to {
            GoesTo::Today => Route::Today {},
            GoesTo::Capture(None) => Route::Capture {},
            GoesTo::Capture(Some(interview)) => Route::CaptureFor { interview },
            GoesTo::Checklist(id) => Route::ChecklistScreen { id },
            GoesTo::Lead(id) => Route::LeadDetail { id },
            GoesTo::Message(kind, about) => Route::Message { kind, about },
            GoesTo::Debrief(id) => Route::DebriefNotes { id },
            GoesTo::People => Route::People {},
            GoesTo::Practice(None) => Route::Practice {},
            GoesTo::Practice(Some(interview)) => Route::PracticeBefore { interview },
            GoesTo::Cards => Route::Cards {},
        }
    }
}

#[component]
fn Tab(to: Route, label: &'static str, icon: &'static str, testid: &'static str) -> Element {
    rsx! {
        Link { to, class: "tab", active_class: "active",
            span { class: "tab-icon", aria_hidden: "true", "{icon}" }
            span { class: "tab-label", "data-testid": testid, "{label}" }
        }
    }
}

/// The chrome shared by every screen.
#[component]
fn Shell() -> Element {
    let launch = try_consume_context::<Launch>().unwrap_or_default();
    use_hook(move || {
        if launch.capture {
            navigator().replace(Route::Capture {});
        }
    });
    let undo = use_context_provider(|| crate::components::keys::UndoRequests(Signal::new(0)));
    let visited =
        use_context_provider(|| crate::components::keys::Visited(Signal::new(Vec::new())));
    rsx! {
        crate::components::keys::WindowKeys { undo, visited }
        div { class: "shell",
            nav { class: "tabs", aria_label: "Sections",
                Tab { to: Route::Today {}, label: "Today", icon: "☀", testid: "tab-today" }
                Tab { to: Route::Leads {}, label: "Leads", icon: "⇆", testid: "tab-leads" }
                Link { to: Route::Capture {}, class: "tab capture", active_class: "active",
                    span { class: "capture-plus", aria_hidden: "true", "+" }
                    span { class: "tab-label", "data-testid": "tab-capture", "Capture" }
                }
                Tab { to: Route::Prep {}, label: "Prep", icon: "✓", testid: "tab-prep" }
                Tab { to: Route::Reps {}, label: "Reps", icon: "↗", testid: "tab-reps" }
                Tab { to: Route::People {}, label: "People", icon: "☺", testid: "tab-people" }
            }
            main { class: "screen", Outlet::<Route> {} }
            {reminders()}
            {from_outside()}
        }
    }
}

/// Start, resume, links, the back button and the widget snapshot (desktop
/// and phones; the browser has none of them).
#[cfg(not(target_arch = "wasm32"))]
fn from_outside() -> Element {
    rsx! { crate::platform::incoming::FromOutside {} }
}

/// The browser: a posting shared into the installed web app.
#[cfg(target_arch = "wasm32")]
fn from_outside() -> Element {
    rsx! { crate::screens::shared_in::SharedIn {} }
}

/// Desktop reminders while the window is open (phones schedule their own).
#[cfg(all(feature = "desktop", not(target_arch = "wasm32")))]
fn reminders() -> Element {
    rsx! { crate::platform::reminders::Reminders {} }
}

/// The browser: the app badge, and notifications while the page is open.
#[cfg(target_arch = "wasm32")]
fn reminders() -> Element {
    rsx! { crate::platform::browser_reminders::BrowserReminders {} }
}

#[cfg(all(not(target_arch = "wasm32"), not(feature = "desktop")))]
fn reminders() -> Element {
    rsx! {}
}

//! Leads: a deck of new leads to swipe (right take, left pass, up more info),
//! with buttons, keys and undo; the pipeline; and adding a lead.

use dioxus::prelude::*;
use reps_core::rules::pass::Assessment;
use reps_core::{Decision, Lead, LeadDetails, LeadId, PassReason, Source, Status};

use crate::app::use_ctx;
use crate::components::lead_fields::{PayFields, PlaceFields, TypedPay};
use crate::components::swipe::{Swipe, SwipeCard};
use crate::components::text;
use crate::journal::UiError;
use crate::route::Route;

/// A pass waiting for its reason, or answered with a counter-point.
#[derive(Debug, Clone, PartialEq)]
pub enum PassStep {
    /// The sheet of reasons is open for this lead.
    AskReason(Lead),
    /// A weak reason was recorded; the counter-point is offered with one tap to reconsider.
    Counterpoint { lead: Lead, text: String },
}

/// The Leads screen.
#[component]
pub fn Leads() -> Element {
    let mut ctx = use_ctx();
    let data = use_resource(move || async move {
        ctx.revision();
        let j = ctx.journal();
        Ok::<_, UiError>((j.deck().await?, j.pipeline().await?))
    });
    let mut decided = use_signal(Vec::<LeadId>::new);
    // the lead just taken: booking its interview is offered next
    let mut taken = use_signal(|| None::<Lead>);
    // one decision at a time: a double tap must not decide the next, unseen lead
    let mut busy = use_signal(|| false);
    let mut pass_step = use_signal(|| None::<PassStep>);
    let mut error = use_signal(|| None::<UiError>);

    let mut record = move |id: LeadId, decision: Decision| {
        if *busy.peek() {
            return;
        }
        busy.set(true);
        let took = decision == Decision::Take;
        spawn(async move {
            let result = ctx.journal().decide(id, decision).await;
            busy.set(false);
            match result {
                Ok(d) => {
                    decided.write().push(id);
                    taken.set(took.then(|| d.lead.clone()));
                    pass_step.set(match d.advice {
                        Some(Assessment::Weak { counterpoint }) => Some(PassStep::Counterpoint {
                            lead: d.lead,
                            text: counterpoint,
                        }),
                        _ => None,
                    });
                    error.set(None);
                    ctx.changed();
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let mut undo = move || {
        if *busy.peek() {
            return;
        }
        pass_step.set(None);
        taken.set(None);
        if let Some(id) = decided.write().pop() {
            busy.set(true);
            spawn(async move {
                let result = ctx.journal().undo(id).await;
                busy.set(false);
                match result {
                    Ok(_) => {
                        pass_step.set(None);
                        ctx.changed();
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        }
    };

    // Ctrl/Cmd+Z anywhere on the screen undoes the last decision
    let requests = try_use_context::<crate::components::keys::UndoRequests>();
    let mut seen = use_signal(move || requests.map_or(0, |r| *r.0.peek()));
    use_effect(move || {
        if let Some(r) = requests {
            let n = (r.0)();
            if n > *seen.peek() {
                seen.set(n);
                undo();
            }
        }
    });

    let guard = data.read();
    let (deck, pipeline) = match &*guard {
        None => return rsx! { p { class: "loading", "Loading…" } },
        Some(Err(e)) => return rsx! { p { class: "error", role: "alert", "{e}" } },
        Some(Ok((d, p))) => (d.clone(), p.clone()),
    };
    drop(guard);
    let top = deck.first().cloned();
    let offers = pipeline
        .iter()
        .find(|(s, _)| *s == Status::Offer)
        .map_or(0, |(_, l)| l.len());

    rsx! {
        header { class: "screen-head with-action",
            div {
                h1 { "Leads" }
                p { class: "sub", "Swipe right to take the interview, left to pass, up if you need to know more." }
                p { class: "sub keys-hint", "With a keyboard: click the card or Tab to it, then → takes it, ← passes, I asks for more info; Ctrl+Z undoes." }
            }
            div { class: "row-actions",
                if offers > 0 {
                    button { class: "button quiet", r#type: "button", "data-testid": "open-offers",
                        onclick: move |_| { navigator().push(Route::Offers {}); },
                        "Offers ({offers})" }
                }
                button { class: "button quiet", r#type: "button", "data-testid": "leads-search",
                    onclick: move |_| { navigator().push(Route::Search {}); }, "Search" }
            }
        }
        if let Some(e) = error() {
            p { class: "error", role: "alert", "{e}" }
        }
        div { class: "leads-layout",
        div { class: "leads-main",
        match pass_step() {
            Some(PassStep::AskReason(lead)) => rsx! {
                PassSheet {
                    lead: lead.clone(),
                    on_reason: move |r: PassReason| {
                        pass_step.set(None);
                        record(lead.id, Decision::Pass { reason: r, note: String::new() });
                    },
                    on_cancel: move |_| pass_step.set(None),
                }
            },
            Some(PassStep::Counterpoint { lead, text }) => rsx! {
                Counterpoint {
                    company: lead.details.company.clone(),
                    text,
                    on_reconsider: move |_| undo(),
                    on_keep: move |_| pass_step.set(None),
                }
            },
            None => rsx! {
                DeckView {
                    top: top.clone(),
                    remaining: deck.len(),
                    can_undo: !decided().is_empty(),
                    busy: busy(),
                    on_decide: move |(lead, dir): (Lead, Swipe)| match dir {
                        Swipe::Right => record(lead.id, Decision::Take),
                        Swipe::Up => record(lead.id, Decision::NeedInfo),
                        Swipe::Left => pass_step.set(Some(PassStep::AskReason(lead))),
                    },
                    on_undo: move |_| undo(),
                    on_check: move |id: LeadId| {
                        spawn(async move {
                            match ctx.journal().check_lead(id).await {
                                Ok(_) => {
                                    error.set(None);
                                    ctx.changed();
                                }
                                Err(e) => error.set(Some(e)),
                            }
                        });
                    },
                }
                if let Some(lead) = taken() {
                    section { class: "sheet book", role: "status", "data-testid": "book-offer",
                        p { "You're taking the interview with " b { "{lead.details.company}" } ". Book it while you think of it?" }
                        div { class: "row-actions wrap",
                            button { class: "button", r#type: "button", "data-testid": "book-now",
                                onclick: move |_| { navigator().push(Route::BookInterview { id: lead.id }); },
                                "Book the interview" }
                            button { class: "button quiet", r#type: "button", "data-testid": "book-later",
                                onclick: move |_| taken.set(None), "Later" }
                        }
                    }
                }
            },
        }
        // a fresh journal: adding the first lead is the only thing to do
        AddLead { start_open: deck.is_empty() && pipeline.iter().all(|(_, l)| l.is_empty()) }
        }
        PipelineView {
            pipeline,
            on_open: move |id: LeadId| {
                navigator().push(Route::LeadDetail { id });
            },
        }
        }
    }
}

/// The top card of the deck and the buttons that do what a swipe does.
#[component]
pub fn DeckView(
    top: Option<Lead>,
    remaining: usize,
    can_undo: bool,
    #[props(default)] busy: bool,
    on_decide: EventHandler<(Lead, Swipe)>,
    on_undo: EventHandler<()>,
    /// "Looks right" on a lead read from a shared posting.
    #[props(default)]
    on_check: EventHandler<LeadId>,
) -> Element {
    // the deck remembers across cards whether the keys are deciding
    let keyboard = use_signal(|| false);
    let Some(lead) = top else {
        return rsx! {
            section { class: "deck empty",
                p { class: "empty-title", "No leads waiting." }
                p { "When a recruiter calls or you spot an ad, add it below. Deciding takes a second." }
                if can_undo {
                    button { class: "button quiet", "data-testid": "deck-undo", disabled: busy, onclick: move |_| on_undo.call(()), "Undo last decision" }
                }
            }
        };
    };
    let d = &lead.details;
    let facts = text::lead_facts(d);
    let company = text::company_or_ask(&d.company).to_string();
    let role = text::role_or_ask(&d.role).to_string();
    // read from a shared posting: checked with one tap, or fixed on its page
    let unchecked = lead.unchecked;
    let complete = d.validate().is_ok();
    let check_id = lead.id;
    // "Need more info" again on a lead already waiting for it is not a move the core allows.
    let allow_up = reps_core::rules::pipeline::can_move(lead.status, Status::Deciding);
    let l1 = lead.clone();
    let l2 = lead.clone();
    let l3 = lead.clone();
    let l4 = lead.clone();
    rsx! {
        section { class: "deck", aria_label: "Leads to decide ({remaining})",
            p { class: "deck-count", "{remaining} to decide" }
            SwipeCard {
                key: "{lead.id}",
                label: "{company}, {role}. Keys: right arrow to take it, left arrow to pass, I for more info.",
                allow_up,
                keyboard,
                on_swipe: move |dir| on_decide.call((l1.clone(), dir)),
                h2 { class: if d.company.is_empty() { "card-company unknown" } else { "card-company" }, "{company}" }
                p { class: if d.role.is_empty() { "card-role unknown" } else { "card-role" }, "{role}" }
                ul { class: "card-facts",
                    for f in facts { li { key: "{f}", "{f}" } }
                    if d.dream_job { li { "Dream company" } }
                }
                if !d.seen.is_empty() { p { class: "card-note", b { "I saw: " } "{d.seen}" } }
                if !d.heard.is_empty() { p { class: "card-note heard", b { "I heard: " } "{d.heard}" } }
            }
            if unchecked {
                div { class: "deck-check", role: "note", "data-testid": "deck-check",
                    p { "{text::shared_check(complete)}" }
                    if let Some(site) = text::link_site(&d.link) { p { class: "sub", "From {site}" } }
                    div { class: "row-actions wrap",
                        if complete {
                            button { class: "button", r#type: "button", "data-testid": "deck-check-ok", disabled: busy,
                                onclick: move |_| on_check.call(check_id), "Looks right" }
                        }
                        button { class: if complete { "button quiet" } else { "button" }, r#type: "button", "data-testid": "deck-check-fix",
                            onclick: move |_| { navigator().push(Route::LeadDetail { id: check_id }); },
                            if complete { "Fix something" } else { "Fill it in" } }
                    }
                }
            }
            div { class: "deck-buttons",
                button { class: "button pass", "data-testid": "deck-pass", aria_keyshortcuts: "ArrowLeft", disabled: busy,
                    onclick: move |_| on_decide.call((l2.clone(), Swipe::Left)), "← Pass" }
                button { class: "button quiet", "data-testid": "deck-info", aria_keyshortcuts: "I", disabled: busy || !allow_up,
                    onclick: move |_| on_decide.call((l3.clone(), Swipe::Up)), "↑ More info" }
                button { class: "button take", "data-testid": "deck-take", aria_keyshortcuts: "ArrowRight", disabled: busy,
                    onclick: move |_| on_decide.call((l4.clone(), Swipe::Right)), "Take it →" }
            }
            if can_undo {
                button { class: "button quiet undo", "data-testid": "deck-undo", disabled: busy, onclick: move |_| on_undo.call(()), "Undo last decision" }
            }
        }
    }
}

/// Why pass? Strong and weak reasons side by side; the choice is the user's.
#[component]
pub fn PassSheet(
    lead: Lead,
    on_reason: EventHandler<PassReason>,
    on_cancel: EventHandler<()>,
) -> Element {
    rsx! {
        section { class: "sheet", role: "dialog", aria_modal: "true", aria_label: "Why pass on {lead.details.company}?",
            onkeydown: move |e: Event<KeyboardData>| {
                if e.key() == Key::Escape {
                    on_cancel.call(());
                }
            },
            h2 { "Why pass on {lead.details.company}?" }
            div { class: "chips",
                for (n, r) in PassReason::ALL.into_iter().enumerate() {
                    button { key: "{n}", class: "chip", "data-testid": "reason-{n}",
                        // the dialog takes focus on its first choice, so keyboard users land in it
                        onmounted: move |e: Event<MountedData>| async move {
                            if n == 0 {
                                let _ = e.set_focus(true).await;
                            }
                        },
                        onclick: move |_| on_reason.call(r), "{text::pass_reason(r)}" }
                }
            }
            button { class: "button quiet", onclick: move |_| on_cancel.call(()), "Back to the card" }
        }
    }
}

/// A weak reason was recorded: a respectful counter-point and one tap to reconsider.
#[component]
pub fn Counterpoint(
    company: String,
    text: String,
    on_reconsider: EventHandler<()>,
    on_keep: EventHandler<()>,
) -> Element {
    rsx! {
        section { class: "sheet counterpoint", role: "dialog", aria_modal: "true", aria_label: "A thought before you pass",
            onkeydown: move |e: Event<KeyboardData>| {
                if e.key() == Key::Escape {
                    on_keep.call(());
                }
            },
            h2 { "Passed on {company}. One thought:" }
            p { class: "coach", "{text}" }
            div { class: "row-actions",
                button { class: "button take", "data-testid": "reconsider",
                    onmounted: move |e: Event<MountedData>| async move {
                        let _ = e.set_focus(true).await;
                    },
                    onclick: move |_| on_reconsider.call(()), "Reconsider" }
                button { class: "button quiet", "data-testid": "keep-pass", onclick: move |_| on_keep.call(()), "Keep my pass" }
            }
        }
    }
}

/// Leads by stage.
#[component]
pub fn PipelineView(pipeline: Vec<(Status, Vec<Lead>)>, on_open: EventHandler<LeadId>) -> Element {
    rsx! {
        section { class: "pipeline", aria_label: "Pipeline",
            h2 { "Pipeline" }
            if pipeline.is_empty() {
                p { class: "sub", "Your leads will line up here by stage." }
            }
            for (status, leads) in pipeline {
                div { key: "{status:?}", class: "stage",
                    h3 { "{text::status(status)} · {leads.len()}" }
                    ul { class: "rows compact",
                        for l in leads {
                            li { key: "{l.id}",
                                button { class: "link-row", onclick: move |_| on_open.call(l.id),
                                    span { class: "row-title", "{text::company_or_ask(&l.details.company)}" }
                                    span { class: "row-meta", "{text::role_or_ask(&l.details.role)}" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Adding a lead: company, role and where it came from; pay, place and the
/// ad's link fold below, for when they are known.
#[component]
fn AddLead(start_open: bool) -> Element {
    let mut ctx = use_ctx();
    let mut open = use_signal(move || start_open);
    let blank = || LeadDetails::new("", "", Source::JobBoard);
    let mut draft = use_signal(blank);
    let mut pay = use_signal(TypedPay::default);
    let mut error = use_signal(|| None::<UiError>);
    let mut seen_before = use_signal(|| None::<Vec<String>>);
    // "did I already talk to them?", asked when a company is typed or read from a paste
    let look_up = move |name: String| async move {
        if name.trim().is_empty() {
            return;
        }
        if let Ok(h) = ctx.journal().company_history(name.clone()).await {
            seen_before.set((!h.is_empty()).then(|| known_at(&name, &h)));
        }
    };
    let mut submitting = use_signal(|| false);
    // a pasted posting or link, and what reading it said
    let mut pasted = use_signal(String::new);
    let mut read_note = use_signal(|| None::<String>);
    // bumped when the fields are filled from a paste, so they show it
    let mut filled = use_signal(|| 0u32);
    let fill = move |_| {
        let text = pasted();
        spawn(async move {
            match ctx.journal().read_posting(text).await {
                Ok(read) => {
                    pay.set(TypedPay::from_range(read.details.pay.as_ref()));
                    let company = read.details.company.clone();
                    let mut details = read.details.clone();
                    // a source the text cannot tell keeps what the user chose
                    if details.source == Source::Other {
                        details.source = draft.peek().source;
                    }
                    read_note.set(Some(reps_core::wording::posting_read(
                        &read.details,
                        read.already.as_ref().map(|(_, name)| name.as_str()),
                    )));
                    draft.set(details);
                    error.set(None);
                    filled += 1;
                    look_up(company).await;
                }
                Err(e) => {
                    read_note.set(None);
                    error.set(Some(e));
                }
            }
        });
    };
    let save = move |e: FormEvent| {
        // the page must not reload (the browser's default for a form)
        e.prevent_default();
        if submitting() {
            return; // a double tap must not add the lead twice
        }
        let mut lead = draft();
        match pay().read() {
            Ok(p) => lead.pay = p,
            Err(e) => return error.set(Some(e)),
        }
        submitting.set(true);
        spawn(async move {
            let result = ctx.journal().add_lead(lead).await;
            submitting.set(false);
            match result {
                Ok(_) => {
                    draft.set(blank());
                    pay.set(TypedPay::default());
                    error.set(None);
                    seen_before.set(None);
                    pasted.set(String::new());
                    read_note.set(None);
                    open.set(false);
                    ctx.changed();
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    if !open() {
        return rsx! {
            button { class: "button wide", "data-testid": "add-lead", onclick: move |_| open.set(true), "+ Add a lead" }
        };
    }
    let err = error();
    let d = draft();
    let round = filled();
    rsx! {
        form { class: "form", aria_label: "Add a lead", onsubmit: save,
            label { r#for: "lead-paste", "Paste the ad or its link (optional)" }
            textarea { id: "lead-paste", "data-testid": "lead-paste", rows: "3",
                placeholder: "Reps reads the company, role, pay and place from it. It never opens the link.",
                initial_value: "{pasted}", oninput: move |e| pasted.set(e.value()) }
            if let Some(m) = UiError::for_field(&err, "posting") { p { class: "field-error", role: "alert", "{m}" } }
            button { class: "button quiet", r#type: "button", "data-testid": "lead-paste-fill",
                disabled: pasted().trim().is_empty(), onclick: fill, "Fill in from it" }
            if let Some(note) = read_note() { p { class: "form-note", role: "status", "data-testid": "lead-paste-note", "{note}" } }
            if !d.ad.is_empty() { p { class: "sub", "The ad is kept with the lead." } }
            div { key: "{round}", class: "form-fields",
            label { r#for: "lead-company", "Company" }
            input { id: "lead-company", "data-testid": "lead-company", initial_value: "{d.company}", autocomplete: "off",
                oninput: move |e| draft.write().company = e.value(),
                onchange: move |_| {
                    spawn(look_up(draft().company));
                },
            }
            if let Some(m) = UiError::for_field(&err, "company") { p { class: "field-error", role: "alert", "{m}" } }
            if let Some(lines) = seen_before() {
                div { class: "known-before", role: "note", "data-testid": "known-before",
                    for (n, l) in lines.into_iter().enumerate() {
                        p { key: "{n}", class: if n == 0 { "hint" } else { "sub" }, "{l}" }
                    }
                }
            }
            label { r#for: "lead-role", "Role" }
            input { id: "lead-role", "data-testid": "lead-role", initial_value: "{d.role}", oninput: move |e| draft.write().role = e.value() }
            if let Some(m) = UiError::for_field(&err, "role") { p { class: "field-error", role: "alert", "{m}" } }
            label { r#for: "lead-source", "Where it came from" }
            select { id: "lead-source",
                onchange: move |e| {
                    if let Some(s) = Source::ALL.into_iter().find(|s| text::source(*s) == e.value()) {
                        draft.write().source = s;
                    }
                },
                for s in Source::ALL {
                    option { key: "{s:?}", value: text::source(s), selected: s == d.source, "{text::source(s)}" }
                }
            }
            details { class: "more", open: round > 0 || err.as_ref().is_some_and(|e| e.field.as_deref() == Some("pay")),
                summary { "data-testid": "lead-more", "Pay, place, link" }
                PayFields { prefix: "lead-pay", pay, error: UiError::for_field(&err, "pay") }
                PlaceFields { prefix: "lead", details: draft }
            }
            }
            if let Some(m) = UiError::general(&err) { p { class: "field-error", role: "alert", "{m}" } }
            div { class: "row-actions",
                button { class: "button take", r#type: "submit", "data-testid": "lead-save", "Add to the deck" }
                button { class: "button quiet", r#type: "button", onclick: move |_| open.set(false), "Cancel" }
            }
        }
    }
}

/// "Did I already talk to them?": the earlier leads, interviews and people
/// at a company, one line each, most recent first.
pub fn known_at(company: &str, h: &reps_core::CompanyHistory) -> Vec<String> {
    let mut lines = vec![format!("{}:", reps_core::wording::met_before(company))];
    for l in h.leads.iter().rev() {
        lines.push(format!(
            "{} — {} (added {}, {})",
            l.details.company,
            l.details.role,
            text::day(&l.created),
            text::status(l.status).to_lowercase()
        ));
    }
    let mut interviews = h.interviews.clone();
    interviews.sort_by_key(|i| std::cmp::Reverse(i.plan.start.utc()));
    for i in interviews.iter().take(5) {
        lines.push(format!(
            "Interview: {} on {}",
            text::stage(&i.plan.stage),
            text::day(&i.plan.start)
        ));
    }
    if !h.contacts.is_empty() {
        let names: Vec<&str> = h.contacts.iter().map(|c| c.details.name.as_str()).collect();
        lines.push(format!("People there: {}", names.join(", ")));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::test_support::{demo, render, render_with};

    use reps_core::rules::pass;

    fn is_weak(r: PassReason) -> bool {
        matches!(pass::assess(r), Assessment::Weak { .. })
    }

    #[test]
    fn adding_a_known_company_lists_what_happened_there_before() {
        let j = demo();
        let h = j.company_history("northwind logistics").unwrap();
        let lines = known_at("Northwind Logistics", &h);
        assert_eq!(
            lines[0],
            "You have been in touch with Northwind Logistics before:"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("Northwind Logistics — Backend Developer (added ")),
            "{lines:?}"
        );
        assert!(
            lines.iter().any(|l| l.starts_with("Interview: ")),
            "{lines:?}"
        );
    }

    #[test]
    fn empty_deck_invites_adding_a_lead() {
        let html = render(
            || rsx! { DeckView { top: None, remaining: 0, can_undo: false, on_decide: |_| {}, on_undo: |_| {} } },
        );
        assert!(html.contains("No leads waiting."), "{html}");
        assert!(!html.contains("deck-undo"));
    }

    #[test]
    fn a_card_shows_the_lead_and_three_ways_to_decide() {
        let lead = demo().deck().unwrap().remove(0);
        let html = render_with(
            lead,
            |lead| rsx! { DeckView { top: Some(lead), remaining: 5, can_undo: true, on_decide: |_| {}, on_undo: |_| {} } },
        );
        assert!(html.contains("Tidewater Studio"), "{html}");
        assert!(html.contains("I heard: "), "second-hand notes are marked");
        for id in [
            "deck-pass",
            "deck-info",
            "deck-take",
            "deck-undo",
            "deck-card",
        ] {
            assert!(html.contains(id), "{id}");
        }
        assert!(html.contains("5 to decide"));
    }

    #[test]
    fn the_pass_sheet_offers_every_reason_and_weak_ones_get_a_counterpoint() {
        let lead = demo().deck().unwrap().remove(0);
        let html = render_with(
            lead,
            |lead| rsx! { PassSheet { lead, on_reason: |_| {}, on_cancel: |_| {} } },
        );
        for r in PassReason::ALL {
            let label = text::pass_reason(r);
            let escaped = label.replace('\'', "&#39;");
            assert!(
                html.contains(label) || html.contains(&escaped),
                "{r:?}: {html}"
            );
        }
        assert!(is_weak(PassReason::FearOfRejection) && !is_weak(PassReason::OutsideSkills));
        let Assessment::Weak { counterpoint } = pass::assess(PassReason::NoTime) else {
            panic!()
        };
        let html = render_with(
            counterpoint,
            |text| rsx! { Counterpoint { company: "Acme".to_string(), text, on_reconsider: |_| {}, on_keep: |_| {} } },
        );
        assert!(
            html.contains("Reconsider") && html.contains("An hour buys practice"),
            "{html}"
        );
    }

    #[test]
    fn the_pipeline_groups_leads_by_stage() {
        let pipeline = demo().pipeline().unwrap();
        let html = render_with(
            pipeline,
            |pipeline| rsx! { PipelineView { pipeline, on_open: |_| {} } },
        );
        assert!(html.contains("Interviewing · 2"), "{html}");
        assert!(html.contains("They said no · 1"));
    }
}

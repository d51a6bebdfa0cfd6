//! One lead: its stage history, interviews (add one, see collisions),
//! debriefs, red flags first-hand vs heard, people, and the offer check.

use chrono::{NaiveDate, NaiveTime};
use dioxus::prelude::*;
use reps_core::{InterviewKind, InterviewPlan, LeadId, Outcome, Stage, Stamp, Status};

use crate::app::use_ctx;
use crate::components::lead_fields::{PayFields, PlaceFields, TypedPay};
use crate::components::text;
use crate::journal::UiError;
use crate::route::Route;
use reps_core::LeadPage;

/// The lead detail screen.
#[component]
pub fn LeadDetail(id: LeadId) -> Element {
    rsx! { LeadScreen { id, book: false } }
}

/// A lead's page with the form to add its interview open: where "Take it"
/// leads, since booking is the next thing a taken lead needs.
#[component]
pub fn BookInterview(id: LeadId) -> Element {
    rsx! { LeadScreen { id, book: true } }
}

#[component]
fn LeadScreen(id: LeadId, book: bool) -> Element {
    let mut ctx = use_ctx();
    // reacts to a new `id` (another lead) as well as to every change
    let file = use_resource(use_reactive!(|id| async move {
        ctx.revision();
        ctx.journal().lead_page(id).await
    }));
    let error = use_signal(|| None::<UiError>);
    let move_to = move |to: Status| {
        spawn(async move {
            let result = ctx.journal().move_lead(id, to).await;
            ctx.settle(result, error);
        });
    };
    let outcome = move |(iv, o): (reps_core::InterviewId, Outcome)| {
        spawn(async move {
            let result = ctx.journal().record_outcome(iv, o).await;
            ctx.settle(result, error);
        });
    };
    let met = move |(iv, c, was_there): (reps_core::InterviewId, reps_core::ContactId, bool)| {
        spawn(async move {
            let result = ctx.journal().set_met(iv, c, was_there).await;
            ctx.settle(result, error);
        });
    };
    match &*file.read() {
        None => rsx! { p { class: "loading", "Loading…" } },
        Some(Err(e)) => rsx! { p { class: "error", role: "alert", "{e}" } },
        Some(Ok(f)) => rsx! {
            if let Some(e) = error() { p { class: "error", role: "alert", "{e}" } }
            // a lead read from a shared posting, opened to be checked: its
            // form first, open, where the eye is
            if f.lead.unchecked {
                EditLead { key: "{f.lead.updated}", id, details: f.lead.details.clone(), start_open: true,
                    heading: text::shared_check(f.lead.details.validate().is_ok()).to_string() }
            }
            // booking right after "Take it": the form first, where the eye is
            if book {
                InterviewForm { lead: id, editing: None, start_open: true }
            }
            if reps_core::rules::pipeline::in_deck(f.lead.status) {
                DecideHere { lead: f.lead.clone() }
            }
            LeadView { file: f.clone(), on_move: move_to, on_outcome: outcome, on_met: met }
            if !book {
                InterviewForm { lead: id, editing: None, start_open: false }
            }
            for iv in f.interviews.iter().filter(|i| f.ahead.contains(&i.id)).cloned() {
                InterviewForm { key: "{iv.id}-{iv.updated}", lead: id, editing: Some(iv), start_open: false }
            }
            if f.lead.status == Status::Offer {
                crate::screens::offers::OfferTerms { key: "{f.lead.updated}", lead: id, company: f.lead.details.company.clone(), offer: f.lead.offer.clone() }
            }
            if !f.lead.unchecked {
                EditLead { key: "{f.lead.updated}", id, details: f.lead.details.clone() }
            }
        },
    }
}

/// A lead still waiting in the deck, decided from its page (where a "reply
/// to the recruiter" row leads): take it (then book the interview), pass
/// with a reason (a weak one gets its counter-point), or ask for more.
#[component]
fn DecideHere(lead: reps_core::Lead) -> Element {
    use crate::screens::leads::{Counterpoint, PassSheet};
    use reps_core::Decision;
    use reps_core::rules::pass::Assessment;
    let mut ctx = use_ctx();
    let mut passing = use_signal(|| false);
    let mut counterpoint = use_signal(|| None::<String>);
    let error = use_signal(|| None::<UiError>);
    let id = lead.id;
    let decide = move |decision: Decision| {
        let took = decision == Decision::Take;
        spawn(async move {
            let result = ctx.journal().decide(id, decision).await;
            if let Some(d) = ctx.settle(result, error) {
                passing.set(false);
                if took {
                    navigator().replace(Route::BookInterview { id });
                } else if let Some(Assessment::Weak { counterpoint: text }) = d.advice {
                    counterpoint.set(Some(text));
                }
            }
        });
    };
    let company = lead.details.company.clone();
    if let Some(text) = counterpoint() {
        return rsx! {
            Counterpoint { company, text,
                on_reconsider: move |_| {
                    counterpoint.set(None);
                    decide(Decision::Take);
                },
                on_keep: move |_| counterpoint.set(None) }
        };
    }
    if passing() {
        return rsx! {
            PassSheet { lead: lead.clone(),
                on_reason: move |reason| decide(Decision::Pass { reason, note: String::new() }),
                on_cancel: move |_| passing.set(false) }
        };
    }
    rsx! {
        section { class: "decide-here", aria_label: "Your call on {company}",
            h2 { "Your call" }
            p { class: "sub", "It is still waiting in your deck. Decide here or there." }
            if let Some(e) = error() { p { class: "error", role: "alert", "{e}" } }
            div { class: "deck-buttons",
                button { class: "button pass", "data-testid": "here-pass", onclick: move |_| passing.set(true), "← Pass" }
                if lead.status == Status::New {
                    button { class: "button quiet", "data-testid": "here-info", onclick: move |_| decide(Decision::NeedInfo), "More info" }
                }
                button { class: "button take", "data-testid": "here-take", onclick: move |_| decide(Decision::Take), "Take it →" }
            }
        }
    }
}

/// A lead from plain data.
#[component]
pub fn LeadView(
    file: LeadPage,
    on_move: EventHandler<Status>,
    on_outcome: EventHandler<(reps_core::InterviewId, Outcome)>,
    on_met: EventHandler<(reps_core::InterviewId, reps_core::ContactId, bool)>,
) -> Element {
    // the interview whose "someone new" form is open, and what it holds
    let mut adding = use_signal(|| None::<reps_core::InterviewId>);
    let l = &file.lead;
    let d = &l.details;
    let company = d.company.clone();
    let facts = text::lead_facts(d).join(" · ");
    let loose: Vec<reps_core::Debrief> = file
        .debriefs
        .iter()
        .filter(|db| {
            !db.interview
                .is_some_and(|i| file.interviews.iter().any(|iv| iv.id == i))
        })
        .cloned()
        .collect();
    let ad_link = d.ad_link();
    let mut confirm = use_signal(|| None::<Status>);
    // "Offer" asks what was offered before the lead moves
    let mut offering = use_signal(|| false);
    rsx! {
        // back where it was opened from (Today, search, the pipeline)
        crate::components::keys::BackLink {}
        header { class: "screen-head",
            h1 { "{text::company_or_ask(&d.company)}" }
            p { class: "sub", "{text::role_or_ask(&d.role)} · {text::status(l.status)}" }
            if !facts.is_empty() {
                p { class: "lead-facts", "data-testid": "lead-facts", "{facts}" }
            }
            if let Some(link) = ad_link {
                a { class: "quiet-link", href: "{link}", target: "_blank", rel: "noopener noreferrer", "data-testid": "lead-link", "The ad ↗" }
            }
        }
        if let Some(s) = confirm() {
            section { class: "sheet", role: "alertdialog", aria_label: "Close this lead as {text::status(s)}?",
                p { "Close {d.company} as “{text::status(s)}”? This is its final outcome." }
                div { class: "row-actions",
                    button { class: "button take", onclick: move |_| { confirm.set(None); on_move.call(s); }, "Yes, close it" }
                    button { class: "button quiet", onclick: move |_| confirm.set(None), "Not yet" }
                }
            }
        } else if offering() {
            crate::screens::offers::OfferTerms { lead: l.id, company: d.company.clone(), offer: None,
                receiving: true, on_close: move |_| offering.set(false) }
        } else if !file.moves.is_empty() {
            h2 { class: "chips-heading", "Where it stands" }
            div { class: "chips", role: "group", aria_label: "Where it stands",
                for m in file.moves.clone() {
                    button { key: "{m.to:?}", class: "chip", "data-testid": "move-{m.to:?}",
                        onclick: move |_| {
                            // outcomes that can never be changed get one confirmation
                            if m.closes {
                                confirm.set(Some(m.to));
                            } else if m.asks_for_terms {
                                offering.set(true);
                            } else {
                                on_move.call(m.to);
                            }
                        },
                        "{m.label}"
                    }
                }
            }
        }
        if !file.messages.is_empty() {
        section { class: "messages",
            h2 { "Write to them" }
            div { class: "chips", role: "group", aria_label: "Messages",
                for (kind, about) in file.messages.clone() {
                    button { key: "{kind}", class: "chip", "data-testid": "write-{kind}",
                        onclick: move |_| {
                            navigator().push(crate::route::Route::Message { kind, about });
                        },
                        "{crate::screens::message::title(kind)}"
                    }
                }
            }
        }
        }
        if let Some(check) = file.offer.clone() {
            section { class: "offer",
                h2 { "Before you answer the offer" }
                button { class: "button quiet", "data-testid": "compare-offers",
                    onclick: move |_| { navigator().push(crate::route::Route::Offers {}); }, "Compare all your offers" }
                if let Some(o) = l.offer.clone() {
                    p { class: "offer-terms",
                        if let Some(p) = &o.pay { b { "{text::pay(p)}" } }
                        if !o.terms.is_empty() { " · {o.terms}" }
                        if let Some(by) = o.respond_by { " · answer by {text::when(&by)}" }
                    }
                }
                ul { class: "concerns",
                    for c in check.concerns {
                        li { key: "{c.kind:?}", class: if c.raised() { "raised" } else { "" },
                            p { "{c.question}" }
                            for e in c.evidence.iter() { p { class: "evidence", "You noted: {e.detail}" } }
                            if let Some(t) = c.from_terms.clone() { p { class: "evidence", "{t}" } }
                        }
                    }
                }
                // "the role is not what was advertised" is judged against the ad itself
                if !d.ad.is_empty() {
                    details { class: "ad", "data-testid": "offer-ad",
                        summary { "The ad, to set beside the offer" }
                        p { class: "ad-text", "{d.ad}" }
                    }
                }
                if !check.open_questions.is_empty() {
                    h3 { "Still unclear" }
                    ul { for q in check.open_questions { li { key: "{q.id}", "{q.text}" } } }
                }
            }
        }
        if !d.seen.is_empty() || !d.heard.is_empty() || !file.flags_seen.is_empty() {
        section {
            h2 { "What I know" }
            if !d.seen.is_empty() { p { b { "Seen myself: " } "{d.seen}" } }
            if !d.heard.is_empty() { p { class: "heard", b { "Heard from others (not evidence): " } "{d.heard}" } }
            if !file.flags_seen.is_empty() {
                h3 { "Red flags I saw" }
                ul { for (n, f) in file.flags_seen.iter().enumerate() { li { key: "{n}", "{f}" } } }
            }
        }
        }
        if !d.ad.is_empty() {
            section { id: "ad",
                details { class: "ad", "data-testid": "lead-ad",
                    summary { "The ad, as it was when you found it" }
                    p { class: "ad-text", "{d.ad}" }
                }
            }
        }
        section {
            h2 { "Interviews" }
            if file.interviews.is_empty() { p { class: "sub", "None yet." } }
            ul { class: "rows",
                for iv in file.interviews.clone() {
                    li { key: "{iv.id}", class: "row",
                        div { class: "row-text",
                            span { class: "row-title", "{text::stage(&iv.plan.stage)}" }
                            span { class: "row-meta", "{text::when(&iv.plan.start)} · {reps_core::wording::where_held(&iv.plan)}" }
                            span { class: "row-meta", "data-testid": "iv-standing",
                                {file.standing.iter().find(|(i, _)| *i == iv.id).map(|(_, s)| s.clone()).unwrap_or_default()}
                            }
                            // its debrief in short; the whole of it one tap away
                            for db in file.debriefs.iter().filter(|d| d.interview == Some(iv.id)) {
                                if !db.body.went_well.is_empty() { span { class: "row-meta", "Went well: {db.body.went_well}" } }
                                if !db.body.improve.is_empty() { span { class: "row-meta", "To improve: {db.body.improve}" } }
                                if !db.body.next_step.is_empty() { span { class: "row-meta", "Next: {db.body.next_step}" } }
                            }
                        }
                        if file.awaiting_outcome.contains(&iv.id) {
                            div { class: "row-actions", role: "group", aria_label: "Did it take you to the next step?",
                                button { class: "button quiet", onclick: move |_| on_outcome.call((iv.id, Outcome::Invited)), "Invited" }
                                button { class: "button quiet", onclick: move |_| on_outcome.call((iv.id, Outcome::NotInvited)), "Not invited" }
                            }
                        }
                        if !iv.cancelled {
                            div { class: "row-links",
                                if file.ahead.contains(&iv.id) {
                                    button { r#type: "button", class: "quiet-link", "data-testid": "iv-checklist",
                                        onclick: move |_| { navigator().push(Route::ChecklistScreen { id: iv.id }); }, "Checklist" }
                                }
                                for db in file.debriefs.iter().filter(|d| d.interview == Some(iv.id)) {
                                    button { key: "{db.id}", r#type: "button", class: "quiet-link", "data-testid": "iv-notes",
                                        onclick: { let id = db.id; move |_| { navigator().push(Route::DebriefNotes { id }); } }, "Read your notes" }
                                }
                                if !file.ahead.contains(&iv.id) && !file.debriefs.iter().any(|d| d.interview == Some(iv.id)) {
                                    button { r#type: "button", class: "quiet-link", "data-testid": "iv-capture",
                                        onclick: move |_| { navigator().push(Route::CaptureFor { interview: iv.id }); }, "Write the debrief" }
                                }
                            }
                            fieldset { class: "chips who", aria_label: "Who was there",
                                legend { class: "sub",
                                    if file.ahead.contains(&iv.id) { "Who you will meet" } else { "Who was there" }
                                    if !file.people.is_empty() { " — tap a name to mark it" }
                                }
                                for p in file.people.clone() {
                                    button { key: "{p.id}", r#type: "button", class: "chip", "data-testid": "met-{p.id}",
                                        aria_pressed: "{iv.plan.people.contains(&p.id)}",
                                        onclick: {
                                            let was = iv.plan.people.contains(&p.id);
                                            move |_| on_met.call((iv.id, p.id, !was))
                                        },
                                        "{p.details.name}"
                                    }
                                }
                                button { r#type: "button", class: "chip", "data-testid": "met-new",
                                    onclick: move |_| adding.set(Some(iv.id)),
                                    "+ Someone new" }
                            }
                            if adding() == Some(iv.id) {
                                NewPersonAt { interview: iv.id, company: company.clone(), on_close: move |_| adding.set(None) }
                            }
                        }
                    }
                }
            }
        }
        // notes about one of its interviews are on that interview's card
        if !loose.is_empty() {
            section {
                h2 { "Other notes" }
                ul { class: "rows",
                    for db in loose {
                        li { key: "{db.id}", class: "row",
                            div { class: "row-text",
                                button { r#type: "button", class: "row-title quiet-link", "data-testid": "debrief-open",
                                    onclick: { let id = db.id; move |_| { navigator().push(Route::DebriefNotes { id }); } },
                                    "Notes of {text::day(&db.created)}"
                                }
                                if !db.body.went_well.is_empty() { span { class: "row-meta", "Went well: {db.body.went_well}" } }
                                if !db.body.improve.is_empty() { span { class: "row-meta", "To improve: {db.body.improve}" } }
                                if !db.body.next_step.is_empty() { span { class: "row-meta", "Next: {db.body.next_step}" } }
                            }
                        }
                    }
                }
            }
        }
        if !file.people.is_empty() {
            section {
                h2 { "People at {d.company}" }
                ul { for p in file.people.clone() {
                    li { key: "{p.id}",
                        "{p.details.name}"
                        if !p.details.role.is_empty() { " — {p.details.role}" }
                        if !p.details.email.is_empty() { " · " a { href: "mailto:{p.details.email}", "{p.details.email}" } }
                    }
                } }
            }
        }
        section {
            h2 { "History" }
            ol { class: "history", "data-testid": "lead-history",
                for (n, line) in reps_core::wording::history(l).into_iter().enumerate() {
                    li { key: "{n}", "{line}" }
                }
            }
        }
    }
}

/// Adding an interview, or moving one (`editing`); a collision is shown with
/// a polite way out.
#[component]
fn InterviewForm(lead: LeadId, editing: Option<reps_core::Interview>, start_open: bool) -> Element {
    let mut ctx = use_ctx();
    let mut open = use_signal(move || start_open);
    let existing = editing.clone();
    let mut date = use_signal(|| {
        existing
            .as_ref()
            .map(|i| i.plan.start.local_date().to_string())
            .unwrap_or_default()
    });
    let mut time = use_signal(|| {
        existing
            .as_ref()
            .map(|i| i.plan.start.local().format("%H:%M").to_string())
            .unwrap_or_else(|| "10:00".into())
    });
    let mut minutes = use_signal(|| {
        existing
            .as_ref()
            .map(|i| i.plan.minutes.to_string())
            .unwrap_or_else(|| "60".into())
    });
    let mut stage = use_signal(|| {
        existing
            .as_ref()
            .map(|i| stage_value(&i.plan.stage))
            .unwrap_or("screen")
            .to_string()
    });
    let mut kind = use_signal(|| {
        existing
            .as_ref()
            .map_or("video", |i| InterviewPlan::kind_key(i.plan.kind))
            .to_string()
    });
    let mut place = use_signal(|| {
        existing
            .as_ref()
            .map(|i| i.plan.where_typed().to_string())
            .unwrap_or_default()
    });
    let editing_id = editing.as_ref().map(|i| i.id);
    let keep = editing.clone();
    let mut error = use_signal(|| None::<UiError>);
    let mut notice = use_signal(|| None::<(reps_core::InterviewId, InterviewPlan, Stamp, String)>);
    let mut submitting = use_signal(|| false);
    let save = move |e: FormEvent| {
        // the page must not reload (the browser's default for a form)
        e.prevent_default();
        if submitting() {
            return; // a double tap must not add the interview twice
        }
        submitting.set(true);
        let keep = keep.clone();
        spawn(async move {
            let _done = OnDrop(move || submitting.set(false));
            let j = ctx.journal();
            let tz = match j.now().await {
                Ok(n) => n.tz(),
                Err(e) => return error.set(Some(e)),
            };
            let mut plan = match build_plan(&date(), &time(), &minutes(), &stage(), tz) {
                Ok(p) => p,
                Err(e) => return error.set(Some(e)),
            };
            plan.set_where(InterviewPlan::kind_from_key(&kind()), &place());
            let result = match (&keep, editing_id) {
                (Some(old), Some(id)) => {
                    // keep what the form does not show (people, goal)
                    plan = InterviewPlan {
                        start: plan.start,
                        minutes: plan.minutes,
                        stage: plan.stage,
                        kind: plan.kind,
                        place: plan.place,
                        video_link: plan.video_link,
                        ..old.plan.clone()
                    };
                    j.reschedule(id, plan).await
                }
                _ => j.schedule(lead, plan).await,
            };
            match result {
                Ok(s) => {
                    error.set(None);
                    notice.set(s.reschedule.map(|r| {
                        let others = s.conflicts.len();
                        (
                            s.interview.id,
                            s.interview.plan.clone(),
                            r.suggested_start,
                            format!(
                                "This overlaps {} you already agreed to. {}",
                                text::count(others, "interview", "interviews"),
                                r.advice
                            ),
                        )
                    }));
                    if notice.peek().is_none() {
                        open.set(false);
                        // booked: the address no longer opens the form again
                        if editing_id.is_none() && start_open {
                            navigator().replace(Route::LeadDetail { id: lead });
                        }
                    }
                    ctx.changed();
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    if let Some((id, plan, suggested, advice)) = notice() {
        return rsx! {
            section { class: "sheet conflict", role: "alert", "data-testid": "conflict",
                h2 { "Two interviews collide" }
                p { class: "coach", "{advice}" }
                p { "Suggested new time: " b { "{text::when(&suggested)}" } }
                div { class: "row-actions",
                    button { class: "button take", onclick: move |_| {
                        let mut p = plan.clone();
                        p.start = suggested;
                        spawn(async move {
                            match ctx.journal().reschedule(id, p).await {
                                Ok(_) => {
                                    notice.set(None);
                                    open.set(false);
                                    ctx.changed();
                                }
                                Err(e) => {
                                    notice.set(None);
                                    error.set(Some(e));
                                }
                            }
                        });
                    }, "Ask to move it to that time" }
                    button { class: "button", "data-testid": "conflict-message", onclick: move |_| {
                        navigator().push(crate::route::Route::Message {
                            kind: reps_core::rules::messages::MessageKind::Reschedule,
                            about: crate::screens::message::MessageFor::Interview(id),
                        });
                    }, "Write the message asking to move it" }
                    button { class: "button quiet", onclick: move |_| { notice.set(None); open.set(false); }, "Keep both for now" }
                }
            }
        };
    }
    if !open() {
        return match &editing {
            Some(iv) => rsx! {
                button { class: "button quiet", onclick: move |_| open.set(true), "Change the {iv.plan.stage} interview ({text::when(&iv.plan.start)})" }
            },
            None => rsx! {
                button { class: "button wide", "data-testid": "add-interview", onclick: move |_| open.set(true), "+ Add an interview" }
            },
        };
    }
    let err = error();
    rsx! {
        form { class: "form", aria_label: "Add an interview", onsubmit: save,
            h2 { if editing.is_some() { "Change the interview" } else { "Book the interview" } }
            label { r#for: "iv-date", "Date" }
            input { id: "iv-date", r#type: "date", initial_value: "{date}", oninput: move |e| date.set(e.value()) }
            if let Some(m) = UiError::for_field(&err, "start") { p { class: "field-error", role: "alert", "{m}" } }
            label { r#for: "iv-time", "Time" }
            input { id: "iv-time", r#type: "time", initial_value: "{time}", oninput: move |e| time.set(e.value()) }
            label { r#for: "iv-minutes", "Minutes" }
            input { id: "iv-minutes", r#type: "number", inputmode: "numeric", initial_value: "{minutes}", oninput: move |e| minutes.set(e.value()) }
            if let Some(m) = UiError::for_field(&err, "minutes") { p { class: "field-error", role: "alert", "{m}" } }
            label { r#for: "iv-stage", "Stage" }
            select { id: "iv-stage", onchange: move |e| stage.set(e.value()),
                for (v, l) in [("screen", "Screen"), ("hiring_manager", "Hiring manager"), ("technical", "Technical"), ("panel", "Panel"), ("final", "Final")] {
                    option { key: "{v}", value: "{v}", selected: stage() == v, "{l}" }
                }
            }
            label { r#for: "iv-kind", "How" }
            select { id: "iv-kind", onchange: move |e| kind.set(e.value()),
                for (v, l) in [("video", "Video call"), ("phone", "Phone call"), ("on_site", "In person")] {
                    option { key: "{v}", value: "{v}", selected: kind() == v, "{l}" }
                }
            }
            label { r#for: "iv-where", if kind() == "on_site" { "Address or room" } else { "Call link or number (optional)" } }
            input { id: "iv-where", initial_value: "{place}", autocomplete: "off", oninput: move |e| place.set(e.value()) }
            if let Some(m) = UiError::for_field(&err, "place").or(UiError::for_field(&err, "video_link")) { p { class: "field-error", role: "alert", "{m}" } }
            if let Some(m) = UiError::general(&err) { p { class: "field-error", role: "alert", "{m}" } }
            div { class: "row-actions",
                button { class: "button take", r#type: "submit", if editing.is_some() { "Save" } else { "Add interview" } }
                button { class: "button quiet", r#type: "button", onclick: move |_| open.set(false), "Cancel" }
            }
        }
    }
}

fn stage_value(s: &Stage) -> &'static str {
    match s {
        Stage::HiringManager => "hiring_manager",
        Stage::Technical => "technical",
        Stage::Panel => "panel",
        Stage::Final => "final",
        _ => "screen",
    }
}

/// Someone who was in an interview and is not in the journal yet: added
/// and linked in one step. The form stays open, with what was typed, until
/// the journal took it (a mistyped email is shown on its field).
#[component]
fn NewPersonAt(
    interview: reps_core::InterviewId,
    company: String,
    on_close: EventHandler<()>,
) -> Element {
    let mut ctx = use_ctx();
    let mut name = use_signal(String::new);
    let mut email = use_signal(String::new);
    let error = use_signal(|| None::<UiError>);
    let err = error();
    rsx! {
        form { class: "form", aria_label: "Someone who was there",
            onsubmit: move |e: FormEvent| {
                e.prevent_default();
                let details = reps_core::ContactDetails {
                    company: company.clone(),
                    email: email(),
                    ..reps_core::ContactDetails::named(name())
                };
                spawn(async move {
                    let result = ctx.journal().add_person_met(interview, details).await;
                    if ctx.settle(result, error).is_some() {
                        on_close.call(());
                    }
                });
            },
            label { r#for: "met-name", "Name" }
            input { id: "met-name", "data-testid": "met-name", autocomplete: "off", oninput: move |e| name.set(e.value()) }
            if let Some(m) = UiError::for_field(&err, "name") { p { class: "field-error", role: "alert", "{m}" } }
            label { r#for: "met-email", "Email (optional)" }
            input { id: "met-email", "data-testid": "met-email", r#type: "email", inputmode: "email", autocomplete: "off", oninput: move |e| email.set(e.value()) }
            if let Some(m) = UiError::for_field(&err, "email") { p { class: "field-error", role: "alert", "{m}" } }
            if let Some(m) = UiError::general(&err) { p { class: "field-error", role: "alert", "{m}" } }
            div { class: "row-actions",
                button { class: "button take", r#type: "submit", "data-testid": "met-save", "Add" }
                button { class: "button quiet", r#type: "button", onclick: move |_| on_close.call(()), "Cancel" }
            }
        }
    }
}

/// Editing what I know about a lead: names, place, link, and notes kept apart
/// as first-hand (evidence) and heard (not evidence).
#[component]
fn EditLead(
    id: LeadId,
    details: reps_core::LeadDetails,
    #[props(default)] start_open: bool,
    /// Said above the form when it opens by itself (a shared posting to check).
    #[props(default)]
    heading: String,
) -> Element {
    let mut ctx = use_ctx();
    let mut open = use_signal(move || start_open);
    let original = details.clone();
    let typed = TypedPay::from_range(details.pay.as_ref());
    let mut d = use_signal(move || details.clone());
    let mut pay = use_signal(move || typed.clone());
    let mut error = use_signal(|| None::<UiError>);
    if !open() {
        return rsx! { button { class: "button wide quiet", "data-testid": "edit-lead", onclick: move |_| {
            pay.set(TypedPay::from_range(original.pay.as_ref()));
            d.set(original.clone());
            open.set(true);
        }, "Edit this lead" } };
    }
    let err = error();
    rsx! {
        form { class: "form", aria_label: "Edit the lead", onsubmit: move |e: FormEvent| {
            e.prevent_default();
            let mut details = d();
            match pay().read() {
                Ok(p) => details.pay = p,
                Err(e) => return error.set(Some(e)),
            }
            spawn(async move {
                let result = ctx.journal().edit_lead(id, details).await;
                if ctx.settle(result, error).is_some() {
                    open.set(false);
                }
            });
        },
            if !heading.is_empty() { h2 { "data-testid": "edit-lead-heading", "{heading}" } }
            label { r#for: "e-company", "Company" }
            input { id: "e-company", initial_value: "{d().company}", autofocus: start_open && d().company.is_empty(),
                oninput: move |e| d.write().company = e.value() }
            if let Some(m) = UiError::for_field(&err, "company") { p { class: "field-error", role: "alert", "{m}" } }
            label { r#for: "e-role", "Role" }
            input { id: "e-role", initial_value: "{d().role}", oninput: move |e| d.write().role = e.value() }
            if let Some(m) = UiError::for_field(&err, "role") { p { class: "field-error", role: "alert", "{m}" } }
            label { r#for: "e-source", "Where it came from" }
            select { id: "e-source",
                onchange: move |e| {
                    if let Some(s) = reps_core::Source::ALL.into_iter().find(|s| text::source(*s) == e.value()) {
                        d.write().source = s;
                    }
                },
                for s in reps_core::Source::ALL {
                    option { key: "{s:?}", value: text::source(s), selected: s == d().source, "{text::source(s)}" }
                }
            }
            PayFields { prefix: "e-pay", pay, error: UiError::for_field(&err, "pay") }
            PlaceFields { prefix: "e", details: d }
            label { r#for: "e-seen", "What I saw myself" }
            textarea { id: "e-seen", rows: "3", initial_value: "{d().seen}", oninput: move |e| d.write().seen = e.value() }
            if let Some(m) = UiError::for_field(&err, "seen") { p { class: "field-error", role: "alert", "{m}" } }
            label { r#for: "e-heard", "What I heard from others" }
            textarea { id: "e-heard", rows: "3", initial_value: "{d().heard}", oninput: move |e| d.write().heard = e.value() }
            if let Some(m) = UiError::for_field(&err, "heard") { p { class: "field-error", role: "alert", "{m}" } }
            label { r#for: "e-ad", "The ad" }
            textarea { id: "e-ad", rows: "4", initial_value: "{d().ad}", oninput: move |e| d.write().ad = e.value() }
            if let Some(m) = UiError::for_field(&err, "ad") { p { class: "field-error", role: "alert", "{m}" } }
            label { class: "check",
                input { r#type: "checkbox", checked: d().dream_job, onchange: move |e| d.write().dream_job = e.checked() }
                span { "A company I would love to work for" }
            }
            if let Some(m) = UiError::general(&err) { p { class: "field-error", role: "alert", "{m}" } }
            div { class: "row-actions",
                button { class: "button take", r#type: "submit", "Save" }
                button { class: "button quiet", r#type: "button", onclick: move |_| open.set(false), "Cancel" }
            }
        }
    }
}

/// Runs a closure when dropped: clears a "submitting" flag however a task ends.
struct OnDrop<F: FnMut()>(F);

impl<F: FnMut()> Drop for OnDrop<F> {
    fn drop(&mut self) {
        (self.0)();
    }
}

/// The form's text as a plan, or an error naming the field.
pub fn build_plan(
    date: &str,
    time: &str,
    minutes: &str,
    stage: &str,
    tz: chrono_tz::Tz,
) -> Result<InterviewPlan, UiError> {
    let bad = |field: &str, message: &str| UiError::about(field, message);
    let day: NaiveDate = date.parse().map_err(|_| bad("start", "pick a date"))?;
    let at: NaiveTime = NaiveTime::parse_from_str(time, "%H:%M")
        .map_err(|_| bad("start", "pick a time like 14:30"))?;
    let minutes: u32 = minutes
        .trim()
        .parse()
        .map_err(|_| bad("minutes", "use a number of minutes, like 45"))?;
    let start = crate::platform::local_time::stamp(day.and_time(at), tz)
        .map_err(|e| bad("start", &e.to_string()))?;
    let stage = match stage {
        "hiring_manager" => Stage::HiringManager,
        "technical" => Stage::Technical,
        "panel" => Stage::Panel,
        "final" => Stage::Final,
        _ => Stage::Screen,
    };
    Ok(InterviewPlan::new(
        start,
        minutes,
        InterviewKind::Video,
        stage,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::test_support::{demo, render_with};

    #[test]
    fn a_lead_shows_history_interviews_debriefs_flags_people_and_offer() {
        let j = demo();
        let lead = j.leads_at("Northwind Logistics").unwrap().remove(0);
        let mut file = j.lead_page(lead.id).unwrap();
        file.people = vec![j.all_contacts().unwrap().remove(0)];
        assert!(
            file.offer.is_some(),
            "the sample's Northwind lead holds an offer"
        );
        let html = render_with(
            file,
            |file| rsx! { LeadView { file, on_move: |_| {}, on_outcome: |_| {}, on_met: |_| {} } },
        );
        for text in [
            "History",
            "Interviews",
            "Red flags I saw",
            "High turnover",
            "People at Northwind Logistics",
            "Before you answer the offer",
            "Inès Moreau",
            // pay, place and how the work is done, under the name
            "52,000–60,000 EUR a year",
            "Hybrid",
            // each past interview says who was there and opens its notes
            "Who was there",
            "Read your notes",
        ] {
            assert!(html.contains(text), "{text}: {html}");
        }
        // each interview's notes are on its card, once
        assert!(html.contains("Went well: "), "{html}");
        assert!(
            !html.contains("Other notes"),
            "every sample debrief has its interview: {html}"
        );
    }

    #[test]
    fn the_form_reports_the_field_that_is_wrong() {
        let tz = chrono_tz::Europe::Paris;
        assert_eq!(
            build_plan("", "10:00", "60", "screen", tz)
                .unwrap_err()
                .field
                .as_deref(),
            Some("start")
        );
        assert_eq!(
            build_plan("2026-06-01", "10:00", "an hour", "screen", tz)
                .unwrap_err()
                .field
                .as_deref(),
            Some("minutes")
        );
        let gap = build_plan("2026-03-29", "02:30", "60", "screen", tz).unwrap_err();
        assert!(gap.message.contains("does not exist"), "{gap:?}");
        let ok = build_plan("2026-06-01", "10:00", "45", "panel", tz).unwrap();
        assert_eq!((ok.minutes, ok.stage), (45, Stage::Panel));
    }
}

//! Practice: the cards due (or those that suit an interview coming up), one
//! at a time and thumbs only — the question, "say it aloud" with a running
//! timer, the prepared answer, and Again / Hard / Good / Easy, each saved
//! the moment it is tapped. Also the story bank (every card) and the card
//! editor, and the offers on a debrief ("make a card of this").

use dioxus::prelude::*;
use reps_core::journal::{CardOffer, PracticeCard, PracticePage};
use reps_core::{CardBody, CardId, DebriefId, Grade, InterviewId, Skill, wording};

use crate::app::use_ctx;
use crate::components::keys::BackLink;
use crate::components::text;
use crate::journal::UiError;
use crate::route::Route;

/// The cards due today.
#[component]
pub fn Practice() -> Element {
    rsx! { Session { set: Set::Due } }
}

/// The cards that suit an interview coming up (from the checklist).
#[component]
pub fn PracticeBefore(interview: InterviewId) -> Element {
    rsx! { Session { key: "{interview}", set: Set::Before(interview) } }
}

/// One card, due or not (its own "Practise" button).
#[component]
pub fn PracticeCardNow(id: CardId) -> Element {
    rsx! { Session { key: "{id}", set: Set::One(id) } }
}

/// Which cards a session goes through.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Set {
    /// Those due today.
    Due,
    /// Those that suit an interview coming up.
    Before(InterviewId),
    /// One card.
    One(CardId),
}

impl Set {
    async fn load(self, ctx: crate::app::Ctx) -> Result<PracticePage, UiError> {
        let j = ctx.journal();
        match self {
            Set::Due => j.practice(None).await,
            Set::Before(iv) => j.practice(Some(iv)).await,
            Set::One(id) => j.practice_one(id).await,
        }
    }
}

/// What the session has done so far.
#[derive(Debug, Clone, PartialEq, Default)]
struct Progress {
    /// Cards rated in this visit.
    rated: usize,
    /// What the last rating said: "Saved · Back in 3 days (Thu 10 Dec)".
    last: Option<String>,
}

/// One practice session: the set is read once when the screen opens, so it
/// does not reshuffle as cards are rated (a reload starts from what is
/// still due: every rating given is already saved).
#[component]
fn Session(set: Set) -> Element {
    let mut ctx = use_ctx();
    let page = use_resource(move || async move { set.load(ctx).await });
    let mut progress = use_signal(Progress::default);
    let mut error = use_signal(|| None::<UiError>);
    let guard = page.read();
    let page: PracticePage = match &*guard {
        None => return rsx! { p { class: "loading", "Loading…" } },
        Some(Err(e)) => return rsx! { p { class: "error", role: "alert", "{e}" } },
        Some(Ok(p)) => p.clone(),
    };
    drop(guard);
    let n = progress().rated;
    let of = page.cards.len();
    let rate = move |(id, grade, seconds): (CardId, Grade, Option<u32>)| {
        spawn(async move {
            match ctx.journal().rate_card(id, grade, seconds).await {
                Ok(rated) => {
                    error.set(None);
                    progress.with_mut(|p| {
                        p.rated += 1;
                        p.last = Some(format!(
                            "Saved “{}” · {}",
                            rated.card.body.question.trim(),
                            rated.next
                        ));
                    });
                    ctx.changed();
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    rsx! {
        BackLink {}
        header { class: "screen-head",
            h1 { "data-testid": "practice-title", "{page.title}" }
            if n < of && (of > 1 || page.done_today + n > 0) {
                p { class: "sub",
                    span { "data-testid": "practice-count",
                        if of > 1 { "Card {n + 1} of {of}" } else { "Last card" }
                    }
                    if page.done_today + n > 0 { " · {page.done_today + n} practised today" }
                }
            }
        }
        if let Some(last) = progress().last {
            p { class: "saved-note", role: "status", "data-testid": "practice-saved", "{last}" }
        }
        if let Some(e) = error() {
            p { class: "error", role: "alert", "data-testid": "practice-error", "Not saved: {e}. Tap the rating again." }
        }
        if let Some(card) = page.cards.get(n).cloned() {
            CardFace { key: "{card.card.id}", card, on_rate: rate }
        } else {
            Finished { rated: n, empty: of == 0 }
        }
    }
}

/// The end of a session, or a day with nothing due: what was done today
/// and when the next card comes back, read again now the ratings are in.
#[component]
fn Finished(rated: usize, empty: bool) -> Element {
    let ctx = use_ctx();
    // mounted once the last rating is saved: read after it
    let after = use_resource(move || async move { Set::Due.load(ctx).await });
    let (total, done_today, next) = match &*after.read() {
        Some(Ok(p)) => (p.total, p.done_today, p.next.clone()),
        _ => (usize::MAX, rated, None),
    };
    rsx! {
        section { class: "empty practice-done", "data-testid": "practice-done",
            if empty && total == 0 {
                p { class: "empty-title", "No practice cards yet." }
                p { "After an interview, turn an answer you want to improve into a card from your notes — or write one here. Reps brings each card back until the answer comes easily." }
            } else if empty {
                p { class: "empty-title", "Nothing to practise today." }
                p { "Any card can still be practised from its page (Your cards)." }
            } else {
                p { class: "empty-title",
                    if done_today <= 1 { "Done: 1 answer practised today." } else { "Done: {done_today} answers practised today." }
                }
                p { "Each comes back on its day. Saying them aloud is what makes them stick." }
            }
            if let Some(next) = next { p { class: "sub", "data-testid": "practice-next", "{next}" } }
            div { class: "row-actions wrap",
                button { class: "button", "data-testid": "practice-cards",
                    onclick: move |_| { navigator().push(Route::Cards {}); }, "Your cards" }
                button { class: "button quiet", "data-testid": "practice-write",
                    onclick: move |_| { navigator().push(Route::NewCard {}); }, "Write a card" }
                button { class: "button quiet", "data-testid": "practice-today",
                    onclick: move |_| { navigator().push(Route::Today {}); }, "Back to Today" }
            }
        }
    }
}

/// One card: the question, the timer, the answer, the four grades.
#[component]
fn CardFace(card: PracticeCard, on_rate: EventHandler<(CardId, Grade, Option<u32>)>) -> Element {
    // the moment "Say it aloud" was tapped (the page's clock, in ms)
    let mut started = use_signal(|| None::<f64>);
    let mut seconds = use_signal(|| 0u32);
    let mut running = use_signal(|| false);
    let mut revealed = use_signal(|| false);
    let mut sent = use_signal(|| false);
    use_future(move || async move {
        loop {
            let now =
                document::eval("await new Promise(r => setTimeout(r, 250)); return Date.now();")
                    .join::<f64>()
                    .await;
            let (Ok(now), Some(from)) = (now, started()) else {
                continue;
            };
            if running() {
                seconds.set(((now - from) / 1000.0).max(0.0) as u32);
            }
        }
    });
    let start = move |_| {
        spawn(async move {
            if let Ok(now) = document::eval("return Date.now();").join::<f64>().await {
                started.set(Some(now));
                seconds.set(0);
                running.set(true);
            }
        });
    };
    let id = card.card.id;
    let body = card.card.body.clone();
    let over = card.two_minutes && seconds() > reps_core::rules::practice::TWO_MINUTES;
    rsx! {
        article { class: "practice-card", "data-testid": "practice-card",
            if !card.source.is_empty() { p { class: "sub practice-source", "{card.source}" } }
            h2 { class: "practice-question", "data-testid": "practice-question", "{body.question}" }
            if !card.skills.is_empty() {
                p { class: "sub", "{card.skills.join(\" · \")}" }
            }
            if !card.due_now {
                p { class: "sub", "data-testid": "practice-early", "Not due yet ({card.due}). Practising it now counts, and moves its next day." }
            }
            div { class: "practice-timer-row",
                if started().is_none() {
                    button { class: "button wide calm", "data-testid": "practice-start", onclick: start,
                        "Say it aloud: start the timer" }
                } else {
                    p { class: if over { "practice-timer over" } else { "practice-timer" }, role: "timer",
                        "data-testid": "practice-timer", aria_live: "off",
                        "{wording::timer(seconds())}" }
                    if running() && !revealed() {
                        button { class: "button quiet", "data-testid": "practice-stop",
                            onclick: move |_| running.set(false), "Stop the timer" }
                    } else if !revealed() {
                        button { class: "button quiet", "data-testid": "practice-restart", onclick: start, "Start again" }
                    }
                }
                if card.two_minutes {
                    p { class: "sub", "data-testid": "practice-target", "Aim for about two minutes, no longer." }
                } else {
                    p { class: "sub", "Answer out loud, as you would in the room." }
                }
            }
            if !revealed() {
                button { class: "button wide", "data-testid": "practice-reveal",
                    onclick: move |_| {
                        running.set(false);
                        revealed.set(true);
                        // the grades are below the answer: bring them to the thumb
                        spawn(async move {
                            let _ = document::eval(
                                "await new Promise(r => requestAnimationFrame(r)); document.querySelector('.grades')?.scrollIntoView({block: 'end', behavior: 'smooth'}); return 1;",
                            ).await;
                        });
                    },
                    "Show my answer" }
            } else {
                section { class: "practice-answer", "data-testid": "practice-answer",
                    h3 { "Your prepared answer" }
                    if body.answer.trim().is_empty() {
                        p { class: "sub", "No answer written yet. Rate how it went, then add one to the card." }
                    } else {
                        p { class: "pre", "{body.answer}" }
                    }
                    if !body.said.trim().is_empty() {
                        h3 { "What you said at the time" }
                        p { class: "pre sub", "{body.said}" }
                    }
                }
                fieldset { class: "grades", disabled: sent(),
                    legend { "How did it go?" }
                    for g in Grade::ALL {
                        {
                            let (word, meaning) = wording::grade(g);
                            let when = card.after.iter().find(|(x, _)| *x == g).map(|(_, w)| w.clone()).unwrap_or_default();
                            let testid = format!("rate-{}", word.to_lowercase());
                            rsx! {
                                button { key: "{word}", class: "button grade {testid}", r#type: "button", "data-testid": "{testid}",
                                    aria_label: "{word}: {meaning}; back {when}",
                                    onclick: move |_| {
                                        sent.set(true);
                                        running.set(false);
                                        let secs = started().map(|_| seconds());
                                        on_rate.call((id, g, secs));
                                    },
                                    span { class: "grade-word", "{word}" }
                                    span { class: "grade-meaning", "{meaning}" }
                                    span { class: "grade-when", "back {when}" }
                                }
                            }
                        }
                    }
                }
            }
            p { class: "practice-meta",
                span { "{card.practised}" }
                button { class: "quiet-link", r#type: "button", "data-testid": "practice-edit",
                    onclick: move |_| { navigator().push(Route::EditCard { id }); }, "Edit the card" }
            }
        }
    }
}

/// Every card: the story bank.
#[component]
pub fn Cards() -> Element {
    let ctx = use_ctx();
    let cards = use_resource(move || async move {
        ctx.revision();
        ctx.journal().cards().await
    });
    match &*cards.read() {
        None => rsx! { p { class: "loading", "Loading…" } },
        Some(Err(e)) => rsx! { p { class: "error", role: "alert", "{e}" } },
        Some(Ok(list)) => rsx! { CardsView { cards: list.clone() } },
    }
}

/// The story bank from plain data.
#[component]
pub fn CardsView(cards: Vec<PracticeCard>) -> Element {
    let due = cards.iter().filter(|c| c.due_now).count();
    rsx! {
        BackLink {}
        header { class: "screen-head",
            h1 { "Your practice cards" }
            p { class: "sub", "Questions from your interviews and the stories you keep ready. Each comes back when it is due." }
        }
        div { class: "row-actions wrap",
            if due > 0 {
                button { class: "button", "data-testid": "cards-practise",
                    onclick: move |_| { navigator().push(Route::Practice {}); },
                    "Practise now ({wording::cards_due(due)})" }
            }
            button { class: if due > 0 { "button quiet" } else { "button" }, "data-testid": "cards-new",
                onclick: move |_| { navigator().push(Route::NewCard {}); }, "Write a card" }
        }
        if cards.is_empty() {
            section { class: "empty",
                p { class: "empty-title", "No cards yet." }
                p { "Open the notes of an interview and tap “Make a card” next to an answer you want to improve, or write a story you want ready: situation, task, action, result." }
            }
        }
        ul { class: "rows cards",
            for (n, c) in cards.into_iter().enumerate() {
                li { key: "{c.card.id}", class: "row",
                    div { class: "row-text",
                        span { class: "row-title", "{c.card.body.question}" }
                        if !c.source.is_empty() { span { class: "row-meta", "{c.source}" } }
                        span { class: if c.due_now { "row-meta due" } else { "row-meta" }, "{c.due} · {c.practised}" }
                    }
                    button { class: "button quiet", "data-testid": "card-open-{n}", aria_label: "Open the card: {c.card.body.question}",
                        onclick: { let id = c.card.id; move |_| { navigator().push(Route::EditCard { id }); } }, "Open" }
                }
            }
        }
        p { class: "sub",
            "To use them in a flashcard app too, export them from "
            button { class: "quiet-link", r#type: "button", onclick: move |_| { navigator().push(Route::Data {}); }, "Your data" }
            "."
        }
    }
}

/// A new card for the story bank.
#[component]
pub fn NewCard() -> Element {
    rsx! { CardEditor { id: None } }
}

/// A card's editor.
#[component]
pub fn EditCard(id: CardId) -> Element {
    rsx! { CardEditor { key: "{id}", id: Some(id) } }
}

/// The card form. A new card is made with "Save"; an existing one is saved
/// as it is typed (each change one commit), like the debrief.
#[component]
fn CardEditor(id: Option<CardId>) -> Element {
    let ctx = use_ctx();
    let loaded = use_resource(move || async move {
        match id {
            Some(id) => ctx.journal().card(id).await.map(Some),
            None => Ok(None),
        }
    });
    let guard = loaded.read();
    let existing: Option<PracticeCard> = match &*guard {
        None => return rsx! { p { class: "loading", "Loading…" } },
        Some(Err(e)) => return rsx! { BackLink {} p { class: "error", role: "alert", "{e}" } },
        Some(Ok(c)) => c.clone(),
    };
    drop(guard);
    rsx! { CardForm { id, existing } }
}

#[component]
fn CardForm(id: Option<CardId>, existing: Option<PracticeCard>) -> Element {
    let mut ctx = use_ctx();
    let first = existing
        .as_ref()
        .map(|c| c.card.body.clone())
        .unwrap_or_default();
    let mut body = use_signal(move || first);
    let mut state = use_signal(|| None::<Result<&'static str, UiError>>);
    let mut confirm_delete = use_signal(|| false);
    // the card being written: made with its first question, then saved as
    // it is typed (a new card is never lost by leaving the screen)
    let mut made = use_signal(move || id);
    let mut creating = use_signal(|| false);
    let mut save = move || {
        if creating() {
            return; // the card being made picks up this text when it is
        }
        let Some(card) = made() else {
            if body.peek().question.trim().is_empty() {
                return; // nothing to keep until it asks something
            }
            creating.set(true);
            state.set(Some(Ok("Saving…")));
            spawn(async move {
                let sent = body();
                match ctx.journal().add_card(sent.clone()).await {
                    Ok(card) => {
                        made.set(Some(card.id));
                        creating.set(false);
                        // typed while it was being made
                        let now = body();
                        if now != sent
                            && let Err(e) = ctx.journal().edit_card(card.id, now).await
                        {
                            state.set(Some(Err(e)));
                            return;
                        }
                        state.set(Some(Ok("Saved")));
                        ctx.changed();
                    }
                    Err(e) => {
                        creating.set(false);
                        state.set(Some(Err(e)));
                    }
                }
            });
            return;
        };
        state.set(Some(Ok("Saving…")));
        spawn(async move {
            match ctx.journal().edit_card(card, body()).await {
                Ok(_) => {
                    state.set(Some(Ok("Saved")));
                    ctx.changed();
                }
                Err(e) => state.set(Some(Err(e))),
            }
        });
    };
    let mut edit = move |f: Box<dyn FnOnce(&mut CardBody)>| {
        f(&mut body.write());
        save();
    };
    // "Done" on a new card: it is saved already; without a question it
    // says so, at the field
    let create = move |_| {
        spawn(async move {
            // a card being made as the question was typed: wait for it
            for _ in 0..200 {
                if !creating() {
                    break;
                }
                let _ =
                    document::eval("await new Promise(r => setTimeout(r, 50)); return 1;").await;
            }
            if let Some(card) = made() {
                navigator().replace(Route::EditCard { id: card });
                return;
            }
            match ctx.journal().add_card(body()).await {
                Ok(card) => {
                    ctx.changed();
                    navigator().replace(Route::EditCard { id: card.id });
                }
                Err(e) => {
                    // the field it is about gets the focus, in view
                    if let Some(field) = e.field.clone() {
                        let _ = document::eval(&format!(
                            "await new Promise(r => requestAnimationFrame(r)); const f = document.getElementById('card-{field}'); if (f) {{ f.scrollIntoView({{block: 'center'}}); f.focus(); }} return 1;"
                        ))
                        .await;
                    }
                    state.set(Some(Err(e)));
                }
            }
        });
    };
    let field_error = |field: &str| match state() {
        Some(Err(e)) if e.field.as_deref() == Some(field) => Some(e.message.clone()),
        _ => None,
    };
    let b = body();
    let spoken = wording::spoken(&b.answer);
    let from_interview = existing.as_ref().is_some_and(|c| c.card.from.is_some());
    let status = match state() {
        None if made().is_none() => {
            "Write the question as you expect to be asked it; the card is saved as you type."
                .to_string()
        }
        None => "Saved as you type.".to_string(),
        Some(Ok(s)) => s.to_string(),
        Some(Err(e)) if e.field.is_some() => "Not saved: see below.".to_string(),
        Some(Err(e)) => format!("Not saved: {}", e.message),
    };
    rsx! {
        BackLink {}
        header { class: "screen-head",
            h1 { if id.is_none() { "Write a card" } else { "Practice card" } }
            p { class: "save-state", role: "status", "data-testid": "card-state", "{status}" }
        }
        if let Some(c) = existing.as_ref() {
            if !c.source.is_empty() { p { class: "sub", "data-testid": "card-source", "{c.source}" } }
            p { class: "sub", "{c.due} · {c.practised}" }
        }
        form { class: "form", onsubmit: move |e| e.prevent_default(),
            label { r#for: "card-question", "The question" }
            textarea { id: "card-question", "data-testid": "card-question", rows: "2", initial_value: "{b.question}",
                maxlength: "{reps_core::domain::card::QUESTION}",
                oninput: move |e| edit(Box::new(move |b| b.question = e.value())) }
            if let Some(m) = field_error("question") { p { class: "field-error", role: "alert", "{m}" } }
            label { r#for: "card-said",
                if from_interview { "What I said at the time" } else { "What I said last time (if I was asked it before)" }
            }
            textarea { id: "card-said", "data-testid": "card-said", rows: "2", initial_value: "{b.said}",
                maxlength: "{reps_core::domain::limits::NOTE}",
                oninput: move |e| edit(Box::new(move |b| b.said = e.value())) }
            if let Some(m) = field_error("said") { p { class: "field-error", role: "alert", "{m}" } }
            label { r#for: "card-answer", "My better answer" }
            p { class: "sub", id: "card-answer-hint", "Write it as you would say it. For a story: the situation, your task, what you did, and the result." }
            textarea { id: "card-answer", "data-testid": "card-answer", rows: "6", initial_value: "{b.answer}",
                maxlength: "{reps_core::domain::limits::NOTE}",
                aria_describedby: "card-answer-hint",
                oninput: move |e| edit(Box::new(move |b| b.answer = e.value())) }
            if let Some(m) = field_error("answer") { p { class: "field-error", role: "alert", "{m}" } }
            if b.answer.chars().count() >= reps_core::domain::limits::NOTE {
                p { class: "field-error", role: "alert", "data-testid": "card-answer-full",
                    "That is all a card holds ({reps_core::domain::limits::NOTE} characters): the rest was not kept." }
            }
            if !spoken.is_empty() { p { class: "sub", "data-testid": "card-spoken", "{spoken}" } }
            fieldset { class: "chips-field",
                legend { "Skills it practises" }
                div { class: "chips",
                    for (n, s) in Skill::PRESETS.into_iter().enumerate() {
                        button { key: "{n}", r#type: "button", class: "chip", "data-testid": "card-skill-{n}",
                            aria_pressed: b.skills.contains(&s),
                            onclick: { let s = s.clone(); move |_| {
                                let s = s.clone();
                                edit(Box::new(move |b| {
                                    if let Some(p) = b.skills.iter().position(|x| *x == s) {
                                        b.skills.remove(p);
                                    } else {
                                        b.skills.push(s);
                                    }
                                }));
                            } },
                            "{text::skill(&s)}" }
                    }
                }
            }
            if id.is_none() {
                button { class: "button wide", r#type: "button", "data-testid": "card-create", onclick: create,
                    if made().is_some() { "Done" } else { "Save the card" } }
            } else {
                div { class: "row-actions wrap",
                    button { class: "button", r#type: "button", "data-testid": "card-practise",
                        onclick: move |_| { if let Some(id) = id { navigator().push(Route::PracticeCardNow { id }); } },
                        "Practise it now" }
                    if confirm_delete() {
                        button { class: "button danger", r#type: "button", "data-testid": "card-delete-yes",
                            onclick: move |_| {
                                let Some(id) = id else { return };
                                spawn(async move {
                                    match ctx.journal().delete_card(id).await {
                                        Ok(()) => {
                                            ctx.changed();
                                            navigator().replace(Route::Cards {});
                                        }
                                        Err(e) => state.set(Some(Err(e))),
                                    }
                                });
                            },
                            "Delete it and its practice" }
                        button { class: "button quiet", r#type: "button", onclick: move |_| confirm_delete.set(false), "Keep it" }
                    } else {
                        button { class: "button quiet", r#type: "button", "data-testid": "card-delete",
                            onclick: move |_| confirm_delete.set(true), "Delete the card" }
                    }
                }
            }
        }
    }
}

/// On a debrief: each answer to improve and each skill to work on, with
/// one tap to make (or open) its practice card.
#[component]
pub fn PracticeOffers(debrief: DebriefId) -> Element {
    let mut ctx = use_ctx();
    let offers = use_resource(move || async move {
        ctx.revision();
        ctx.journal().card_offers(debrief).await
    });
    let mut error = use_signal(|| None::<UiError>);
    let list: Vec<CardOffer> = match &*offers.read() {
        Some(Ok(list)) => list.clone(),
        _ => Vec::new(),
    };
    if list.is_empty() {
        return rsx! {};
    }
    rsx! {
        section { class: "practice-offers", "data-testid": "practice-offers",
            h3 { "Practise these" }
            p { class: "sub", "One tap makes a practice card. Reps brings it back until the answer comes easily." }
            if let Some(e) = error() { p { class: "error", role: "alert", "{e}" } }
            ul { class: "rows",
                for (n, o) in list.into_iter().enumerate() {
                    li { key: "{n}", class: "row",
                        div { class: "row-text", span { class: "row-title", "{o.label}" } }
                        if let Some(id) = o.card {
                            button { class: "button quiet", r#type: "button", "data-testid": "offer-open-{n}",
                                onclick: move |_| { navigator().push(Route::EditCard { id }); }, "Open its card" }
                        } else {
                            button { class: "button", r#type: "button", "data-testid": "offer-card-{n}",
                                aria_label: "Make a practice card: {o.label}",
                                onclick: {
                                    let pick = o.pick.clone();
                                    move |_| {
                                        let pick = pick.clone();
                                        spawn(async move {
                                            match ctx.journal().card_from_debrief(debrief, pick).await {
                                                Ok(card) => {
                                                    ctx.changed();
                                                    navigator().push(Route::EditCard { id: card.id });
                                                }
                                                Err(e) => error.set(Some(e)),
                                            }
                                        });
                                    }
                                },
                                "Make a card" }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::test_support::{demo, render_with};

    #[test]
    fn the_story_bank_lists_every_card_with_when_it_comes_back() {
        let j = demo();
        let cards = j.all_cards().unwrap();
        assert_eq!(cards.len(), 3);
        let html = render_with(cards.clone(), |cards| rsx! { CardsView { cards } });
        for c in &cards {
            assert!(html.contains(&c.due), "{html}");
        }
        assert!(html.contains("cards-practise"), "some are due: {html}");
        assert!(html.contains("Tell me about yourself."), "{html}");
    }
}

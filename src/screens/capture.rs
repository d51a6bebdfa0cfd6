//! Quick capture: the debrief form, thumbs first. Every change is saved as a
//! committed transaction while typing; there is no Save button to forget.

use dioxus::prelude::*;
use reps_core::{
    DebriefBody, DebriefId, InterviewId, Question, Rating, RedFlag, RedFlagKind, Skill, SkillMark,
};

use crate::app::{Launch, use_ctx};
use crate::components::text;
use crate::journal::UiError;

/// Whether the last change is on disk.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    /// Nothing typed yet.
    Blank,
    /// A save is on its way.
    Saving,
    /// Everything typed is committed.
    Saved,
    /// The last save failed; the text stays on screen.
    Failed(String),
}

/// Quick capture, about the interview that just ended (or none yet).
#[component]
pub fn Capture() -> Element {
    rsx! { CaptureForm { preset: None } }
}

/// Quick capture about a given interview (from a Today row).
#[component]
pub fn CaptureFor(interview: InterviewId) -> Element {
    rsx! { CaptureForm { key: "{interview}", preset: Some(interview) } }
}

/// A debrief opened whole, to read and edit (from its lead, its interview,
/// a search hit): the same form, every part unfolded.
#[component]
pub fn DebriefNotes(id: DebriefId) -> Element {
    rsx! { CaptureForm { key: "{id}", preset: None, open: Some(id) } }
}

/// The debrief form: about a given interview (`preset`), or an existing
/// debrief (`open`), else the interview that just ended.
#[component]
fn CaptureForm(preset: Option<InterviewId>, #[props(default)] open: Option<DebriefId>) -> Element {
    let mut ctx = use_ctx();
    let launch = try_consume_context::<Launch>().unwrap_or_default();
    let mut body = use_signal(DebriefBody::default);
    let mut questions_text = use_signal(String::new);
    let mut id = use_signal(|| None::<DebriefId>);
    let mut creating = use_signal(|| false);
    let mut state = use_signal(|| SaveState::Blank);
    let mut about = use_signal(move || preset);
    let mut about_chosen = use_signal(move || preset.is_some() || open.is_some());
    // the part below the first screen; unfolded for a debrief opened to read
    let mut more_open = use_signal(move || open.is_some());
    // the lead the debrief is about, for the way back
    let mut lead_of = use_signal(|| None::<reps_core::LeadId>);
    let choices = use_resource(move || async move {
        let j = ctx.journal();
        let mut keep: Vec<InterviewId> = preset.into_iter().collect();
        // a debrief opened later is about an interview that may be long past
        if let Some(d) = open
            && let Some(iv) = j.debrief(d).await?.interview
        {
            keep.insert(0, iv);
        }
        // the default: the interview that just ended
        let just_ended = j.just_ended().await?.map(|(i, _)| i.id);
        Ok::<_, UiError>((j.capture_choices(keep).await?, just_ended))
    });
    // Put back an unfinished debrief (after a reload, a crash, the phone
    // closing the app), unless the user has already started a new one.
    let mut resumed = use_signal(|| None::<reps_core::Stamp>);
    use_hook(move || {
        spawn(async move {
            let loaded = match open {
                Some(d) => ctx.journal().debrief(d).await.map(Some),
                None => ctx.journal().resume_draft(preset).await,
            };
            let Ok(Some(draft)) = loaded else {
                return;
            };
            if id.peek().is_some() || *creating.peek() || *state.peek() != SaveState::Blank {
                return;
            }
            let lines: Vec<&str> = draft
                .body
                .questions
                .iter()
                .map(|q| q.text.as_str())
                .collect();
            questions_text.set(lines.join("\n"));
            body.set(draft.body.clone());
            id.set(Some(draft.id));
            if let Some(iv) = draft.interview {
                about.set(Some(iv));
                about_chosen.set(true);
            }
            if open.is_none() {
                resumed.set(Some(draft.updated));
            }
            let b = &draft.body;
            // anything written below the first screen is shown, not hidden
            if !(b.improve.is_empty()
                && b.strengths.is_empty()
                && b.to_improve.is_empty()
                && b.red_flags.is_empty()
                && b.questions.is_empty()
                && b.next_step.is_empty()
                && b.notes.is_empty())
            {
                more_open.set(true);
            }
            lead_of.set(draft.lead);
            state.set(SaveState::Saved);
        });
    });
    // Shown once the first field is on screen (its mounted event), so the
    // field is there to type into before the rest of the form is built.
    let mut rest_shown = use_signal(|| false);
    let mut generation = use_signal(|| 0u32);
    let start_over = move |_| {
        generation += 1;
        id.set(None);
        body.set(DebriefBody::default());
        questions_text.set(String::new());
        about.set(preset);
        about_chosen.set(preset.is_some());
        resumed.set(None);
        state.set(SaveState::Blank);
    };
    // Default to the interview that just ended.
    use_effect(move || {
        if let Some(Ok((_, Some(iv)))) = &*choices.read()
            && open.is_none()
            && preset.is_none()
            && about.peek().is_none()
            && !*about_chosen.peek()
            && id.peek().is_none()
        {
            about.set(Some(*iv));
        }
    });

    let mut save = move || {
        state.set(SaveState::Saving);
        spawn(async move {
            let j = ctx.journal();
            let debrief = match id() {
                Some(d) => d,
                None if creating() => return, // the first save will pick up this text
                None => {
                    creating.set(true);
                    // The first tap may come before the list loads: default to the
                    // interview that just ended unless the user picked something.
                    if !about_chosen()
                        && about().is_none()
                        && let Ok(Some((iv, _))) = j.just_ended().await
                        && !about_chosen()
                    {
                        about.set(Some(iv.id));
                    }
                    let used = about();
                    match j.start_debrief(used).await {
                        Ok(d) => {
                            id.set(Some(d.id));
                            creating.set(false);
                            // the user may have picked another interview meanwhile
                            if let Some(chosen) = about().filter(|c| Some(*c) != used)
                                && let Err(e) = j.attach_debrief(d.id, chosen).await
                            {
                                state.set(SaveState::Failed(e.message));
                            }
                            d.id
                        }
                        Err(e) => {
                            creating.set(false);
                            state.set(SaveState::Failed(e.message));
                            return;
                        }
                    }
                }
            };
            match j.save_draft(debrief, body()).await {
                Ok(Some(saved)) => {
                    // keep ids the journal gave to new questions, without touching the text
                    let mut b = body.write();
                    for q in b.questions.iter_mut().filter(|q| q.id.0.is_nil()) {
                        if let Some(s) = saved.body.questions.iter().find(|s| s.text == q.text) {
                            q.id = s.id;
                        }
                    }
                    drop(b);
                    state.set(SaveState::Saved);
                    ctx.changed();
                }
                // an earlier job already saved (or failed on) this text; its own result stands
                Ok(None) => {}
                Err(e) => state.set(SaveState::Failed(e.message)),
            }
        });
    };
    let mut edit = move |f: Box<dyn FnOnce(&mut DebriefBody)>| {
        f(&mut body.write());
        save();
    };

    let options: Vec<(InterviewId, String)> = match &*choices.read() {
        Some(Ok((list, _))) => list.clone(),
        _ => Vec::new(),
    };
    let b = body();
    let status = match state() {
        SaveState::Blank => "Start typing — everything is saved as you go.".to_string(),
        SaveState::Saving => "Saving…".to_string(),
        SaveState::Saved => "Saved".to_string(),
        SaveState::Failed(m) => format!("Not saved: {m}. Your text is still here."),
    };
    let failed = matches!(state(), SaveState::Failed(_));
    let load_error = match &*choices.read() {
        Some(Err(e)) => Some(e.message.clone()),
        _ => None,
    };

    rsx! {
        if let Some(lead) = lead_of().filter(|_| open.is_some()) {
            nav { class: "back", aria_label: "Back",
                button { r#type: "button", class: "quiet-link", "data-testid": "notes-back",
                    onclick: move |_| { navigator().push(crate::route::Route::LeadDetail { id: lead }); }, "← The lead" }
            }
        }
        header { class: "screen-head",
            h1 { if open.is_some() { "Your notes" } else { "Capture" } }
            p { class: if failed { "save-state failed" } else { "save-state" }, role: if failed { "alert" } else { "note" }, "data-testid": "save-state", "{status}" }
        }
        if let Some(at) = resumed() {
            p { class: "resume-note", "data-testid": "resume-note",
                "Picking up your notes from {text::when(&at)}. "
                button { class: "quiet-link", r#type: "button", "data-testid": "start-over", onclick: start_over, "Start a new debrief" }
            }
        }
        if let Some(e) = load_error {
            p { class: "error", role: "alert", "{e}" }
        }
        // fields hold what was typed themselves (a fast typist is never
        // overwritten by an older render); a fresh start makes fresh fields
        for generation in std::iter::once(generation()) {
        form { key: "{generation}", class: "form capture", onsubmit: move |e| e.prevent_default(),
            label { r#for: "about", "About" }
            select { id: "about", "data-testid": "capture-about",
                onchange: move |e| {
                    let chosen: Option<InterviewId> = e.value().parse().ok();
                    about.set(chosen);
                    about_chosen.set(true);
                    if let (Some(d), Some(iv)) = (id(), chosen) {
                        spawn(async move {
                            match ctx.journal().attach_debrief(d, iv).await {
                                Ok(_) => ctx.changed(),
                                Err(e) => state.set(SaveState::Failed(e.message)),
                            }
                        });
                    }
                },
                option { value: "", selected: about().is_none(), "No interview yet (attach later)" }
                for (iv, label) in options.clone() {
                    option { key: "{iv}", value: "{iv}", selected: about() == Some(iv), "{label}" }
                }
            }
            Scale { label: "Overall feel", low: "Rough", high: "Great", value: b.feel, testid: "feel",
                on_pick: move |v| edit(Box::new(move |b| b.feel = Rating::new("feel", v).ok())) }
            Scale { label: "Confidence right now", low: "Shaky", high: "Solid", value: b.confidence, testid: "confidence",
                on_pick: move |v| edit(Box::new(move |b| b.confidence = Rating::new("confidence", v).ok())) }
            label { r#for: "went-well", "What went well" }
            textarea { id: "went-well", "data-testid": "capture-went-well", rows: "3", initial_value: "{b.went_well}",
                onmounted: move |e| {
                    crate::platform::launch_timing::capture_ready();
                    rest_shown.set(true);
                    if launch.capture {
                        spawn(async move { let _ = e.set_focus(true).await; });
                    }
                },
                oninput: move |e| edit(Box::new(move |b| b.went_well = e.value())) }
            // the rest of the form follows a frame later: the first field is
            // there to type into as soon as the screen shows
            if rest_shown() {
            details { class: "more", open: more_open(),
            summary { "data-testid": "capture-more", "More: answers to improve, skills, questions, next step" }
            label { r#for: "improve", "Answers to improve" }
            textarea { id: "improve", "data-testid": "capture-improve", rows: "3", initial_value: "{b.improve}",
                oninput: move |e| edit(Box::new(move |b| b.improve = e.value())) }
            if let Some(d) = id() {
                crate::screens::practice::PracticeOffers { debrief: d }
            }
            SkillChips { body: b.clone(), on_cycle: move |s: Skill| edit(Box::new(move |b| b.cycle_skill(s))) }
            fieldset { class: "chips-field",
                legend { "Red flags I saw" }
                div { class: "chips",
                    for (n, k) in RedFlagKind::ALL.into_iter().enumerate() {
                        button { key: "{n}", r#type: "button", class: "chip", "data-testid": "flag-{n}",
                            aria_pressed: b.red_flags.iter().any(|f| f.kind == k),
                            onclick: move |_| edit(Box::new(move |b| {
                                if let Some(p) = b.red_flags.iter().position(|f| f.kind == k) {
                                    b.red_flags.remove(p);
                                } else {
                                    b.red_flags.push(RedFlag { kind: k, detail: String::new(), provenance: Default::default() });
                                }
                            })),
                            "{text::red_flag(k)}"
                        }
                    }
                }
            }
            label { r#for: "questions", "Questions to clarify later (one per line)" }
            textarea { id: "questions", rows: "2", initial_value: "{questions_text}",
                // the box keeps exactly what was typed; the questions are derived from it
                oninput: move |e| {
                    let text = e.value();
                    questions_text.set(text.clone());
                    edit(Box::new(move |b| b.questions = lines_to_questions(&text, &b.questions)));
                } }
            label { r#for: "next-step", "What happens next" }
            p { class: "sub", id: "next-step-hint", "For example: they'll call by Friday." }
            input { id: "next-step", initial_value: "{b.next_step}", aria_describedby: "next-step-hint",
                oninput: move |e| edit(Box::new(move |b| b.next_step = e.value())) }
            label { r#for: "next-by", "By when" }
            input { id: "next-by", r#type: "date",
                value: b.next_step_by.map(|d| d.to_string()).unwrap_or_default(),
                oninput: move |e| edit(Box::new(move |b| b.next_step_by = e.value().parse().ok())) }
            label { r#for: "notes", "Anything else" }
            textarea { id: "notes", "data-testid": "capture-notes", rows: "4", initial_value: "{b.notes}",
                oninput: move |e| edit(Box::new(move |b| b.notes = e.value())) }
            }
            if let Some(iv) = about() {
                div { class: "after-capture",
                    p { class: "sub", "While it is fresh: a short thank-you today is remembered." }
                    button { class: "button", r#type: "button", "data-testid": "capture-thank-you",
                        onclick: move |_| {
                            navigator().push(crate::route::Route::Message {
                                kind: reps_core::rules::messages::MessageKind::ThankYou,
                                about: crate::screens::message::MessageFor::Interview(iv),
                            });
                        },
                        "Write the thank-you" }
                }
            }
            }
        }
        }
    }
}

/// One question per non-empty line; a line that was already a question keeps its id.
pub fn lines_to_questions(text: &str, old: &[Question]) -> Vec<Question> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            old.iter()
                .find(|q| q.text == l)
                .cloned()
                .unwrap_or_else(|| Question::new(l))
        })
        .collect()
}

/// A 1–5 scale as five big buttons.
#[component]
fn Scale(
    label: &'static str,
    low: &'static str,
    high: &'static str,
    value: Option<Rating>,
    testid: &'static str,
    on_pick: EventHandler<i64>,
) -> Element {
    rsx! {
        fieldset { class: "scale",
            legend { "{label}" }
            div { class: "scale-row",
                span { class: "scale-end", aria_hidden: "true", "{low}" }
                for v in 1..=5i64 {
                    button { key: "{v}", r#type: "button", class: "scale-dot", "data-testid": "{testid}-{v}",
                        aria_pressed: value.map(|r| i64::from(r.get())) == Some(v),
                        aria_label: if v == 1 { format!("{label}: 1 of 5, {low}") } else if v == 5 { format!("{label}: 5 of 5, {high}") } else { format!("{label}: {v} of 5") },
                        onclick: move |_| on_pick.call(v), "{v}" }
                }
                span { class: "scale-end", aria_hidden: "true", "{high}" }
            }
        }
    }
}

/// One chip per skill: a tap marks it strong, a second tap "work on", a
/// third clears it (`DebriefBody::cycle_skill`).
#[component]
fn SkillChips(body: DebriefBody, on_cycle: EventHandler<Skill>) -> Element {
    rsx! {
        fieldset { class: "chips-field",
            legend { "Skills" }
            p { class: "sub", "Tap once if it went well, twice to work on it." }
            div { class: "chips",
                for (n, s) in Skill::PRESETS.into_iter().enumerate() {
                    {
                        let mark = body.skill_mark(&s);
                        let state = match mark {
                            SkillMark::Strong => "strong",
                            SkillMark::WorkOn => "work-on",
                            SkillMark::None => "none",
                        };
                        let suffix = reps_core::wording::skill_mark(mark);
                        rsx! {
                            button { key: "{n}", r#type: "button", class: "chip skill {state}", "data-testid": "skill-{n}",
                                "data-state": state, aria_pressed: mark != SkillMark::None,
                                onclick: { let s = s.clone(); move |_| on_cycle.call(s.clone()) },
                                "{text::skill(&s)}{suffix}" }
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

    #[test]
    fn question_lines_keep_their_ids() {
        let mut q = Question::new("Team size?");
        q.id = reps_core::ItemId(uuid::Uuid::from_u128(9));
        let out = lines_to_questions("Team size?\n\nRemote days?", &[q.clone()]);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].id, q.id);
        assert!(out[1].id.0.is_nil());
    }
}

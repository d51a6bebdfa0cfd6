//! Offers: every open offer side by side, each with its terms, the "when not
//! to take it" checks, the red flags the user saw first-hand (and the debrief
//! they were written in), the questions still open, and accept / decline with
//! the matching message.

use chrono::{NaiveDate, NaiveTime};
use dioxus::prelude::*;
use reps_core::rules::messages::MessageKind;
use reps_core::rules::offers::{FlagEvidence, OfferColumn};
use reps_core::{LeadId, Offer, Stamp, Status};

use crate::app::use_ctx;
use crate::components::lead_fields::{PayFields, TypedPay};
use crate::components::text;
use crate::journal::UiError;
use crate::route::Route;
use crate::screens::message::MessageFor;
use reps_core::OfferFile;

/// The offers screen.
#[component]
pub fn Offers() -> Element {
    let ctx = use_ctx();
    let offers = use_resource(move || async move {
        ctx.revision();
        ctx.journal().offers().await
    });
    let error = use_signal(|| None::<UiError>);
    // the answer is given by sending its message: writing it decides nothing
    let answer = move |(lead, to): (LeadId, Status)| {
        let kind = if to == Status::Accepted {
            MessageKind::AcceptOffer
        } else {
            MessageKind::DeclineOffer
        };
        navigator().push(Route::Message {
            kind,
            about: MessageFor::Lead(lead),
        });
    };
    match &*offers.read() {
        None => rsx! { p { class: "loading", "Loading…" } },
        Some(Err(e)) => rsx! { p { class: "error", role: "alert", "{e}" } },
        Some(Ok(list)) => rsx! {
            if let Some(e) = error() { p { class: "error", role: "alert", "{e}" } }
            OffersView { offers: list.clone(), on_answer: answer,
                terms: Callback::new(|f: OfferFile| rsx! {
                    OfferTerms { key: "{f.lead.id}-{f.lead.updated}", lead: f.lead.id, company: f.lead.details.company.clone(), offer: f.lead.offer.clone() }
                }) }
        },
    }
}

/// Offers from plain data.
#[component]
pub fn OffersView(
    offers: Vec<OfferFile>,
    on_answer: EventHandler<(LeadId, Status)>,
    /// The terms form under each offer (it talks to the journal, so tests leave it out).
    #[props(default)]
    terms: Option<Callback<OfferFile, Element>>,
) -> Element {
    let columns: Vec<OfferColumn> = offers.iter().map(|f| f.column.clone()).collect();
    rsx! {
        crate::components::keys::BackLink {}
        header { class: "screen-head",
            h1 { "Offers" }
            p { class: "sub", "Decide from what you saw yourself, not from the pressure of the moment." }
        }
        if offers.is_empty() {
            section { class: "empty",
                p { class: "empty-title", "No open offers." }
                p { "When a company makes you one, open the lead and tap “I got an offer…”; its terms and checks will wait for you here." }
            }
        }
        if !columns.is_empty() {
            Compare { columns }
        }
        for (n, f) in offers.into_iter().enumerate() {
            section { key: "{f.lead.id}", class: "offer", aria_label: "{f.lead.details.company}",
                h2 { "{f.lead.details.company} — {f.lead.details.role}" }
                if f.check.raised() == 0 {
                    p { class: "sub", "None of the checks has anything against it so far." }
                }
                ul { class: "concerns",
                    for c in f.check.concerns.iter().cloned() {
                        li { key: "{c.kind:?}", class: if c.raised() { "raised" } else { "" },
                            p { "{c.question}" }
                            for e in c.evidence.iter() { Evidence { e: e.clone() } }
                            if let Some(t) = c.from_terms.clone() { p { class: "evidence", "{t}" } }
                        }
                    }
                }
                if !f.check.other_flags.is_empty() {
                    h3 { "Other things you saw" }
                    for e in f.check.other_flags.iter() { Evidence { e: e.clone() } }
                }
                if !f.check.heard.is_empty() {
                    h3 { "Heard from others (not counted)" }
                    ul { class: "heard",
                        for (i, e) in f.check.heard.iter().enumerate() {
                            li { key: "{i}", "{text::red_flag(e.kind)}" if !e.detail.is_empty() { ": {e.detail}" } }
                        }
                    }
                }
                if !f.check.open_questions.is_empty() {
                    h3 { "Still unclear: ask before you answer" }
                    ul { for q in f.check.open_questions.iter() { li { key: "{q.id}", "{q.text}" } } }
                }
                // is the role what was advertised? the ad itself, to set beside the offer
                if !f.lead.details.ad.is_empty() {
                    details { class: "ad", "data-testid": "offer-ad-{n}",
                        summary { "The ad, to set beside the offer" }
                        p { class: "ad-text", "{f.lead.details.ad}" }
                    }
                }
                {terms.map(|t| t.call(f.clone()))}
                p { class: "sub", "Each answer opens the message that gives it; the offer is marked answered once you have sent it." }
                div { class: "row-actions",
                    {
                        let id = f.lead.id;
                        rsx! {
                            button { class: "button take", "data-testid": "offer-accept-{n}",
                                onclick: move |_| on_answer.call((id, Status::Accepted)), "Accept…" }
                        }
                    }
                    {
                        let id = f.lead.id;
                        rsx! {
                            button { class: "button quiet", "data-testid": "offer-decline-{n}",
                                onclick: move |_| on_answer.call((id, Status::Declined)), "Decline…" }
                        }
                    }
                }
            }
        }
    }
}

/// A first-hand red flag with the debrief it was written in.
#[component]
fn Evidence(e: FlagEvidence) -> Element {
    rsx! {
        p { class: "evidence",
            "You noted on {text::day(&e.noted)}: {text::red_flag(e.kind)}"
            if !e.detail.is_empty() { " — “{e.detail}”" }
        }
    }
}

/// The side-by-side table: one column per offer, soonest deadline first.
#[component]
fn Compare(columns: Vec<OfferColumn>) -> Element {
    let pay = |c: &OfferColumn| c.pay.as_ref().map(text::pay).unwrap_or_else(|| "—".into());
    let or_dash = |s: &str| {
        if s.trim().is_empty() {
            "—".to_string()
        } else {
            s.to_string()
        }
    };
    rsx! {
        div { class: "compare-wrap", tabindex: "0", role: "region", aria_label: "Offers side by side",
            table { class: "compare", "data-testid": "offers-compare",
                thead {
                    tr {
                        th { scope: "col", span { class: "visually-hidden", "What" } }
                        for c in columns.iter() { th { key: "{c.lead}", scope: "col", "{c.company}" br {} span { class: "sub", "{c.role}" } } }
                    }
                }
                tbody {
                    tr { th { scope: "row", "Pay" } for c in columns.iter() { td { key: "{c.lead}", "{pay(c)}" } } }
                    tr { th { scope: "row", "Other terms" } for c in columns.iter() { td { key: "{c.lead}", "{or_dash(&c.terms)}" } } }
                    tr { th { scope: "row", "Start" } for c in columns.iter() { td { key: "{c.lead}", {c.start_date.map(|d| d.format("%-d %b %Y").to_string()).unwrap_or_else(|| "—".into())} } } }
                    tr { th { scope: "row", "Answer by" } for c in columns.iter() { td { key: "{c.lead}", {c.respond_by.as_ref().map(text::when).unwrap_or_else(|| "—".into())} } } }
                    tr { th { scope: "row", "Checks raised" } for c in columns.iter() { td { key: "{c.lead}", class: if c.concerns_raised > 0 { "raised" } else { "" }, "{c.concerns_raised} of 5" } } }
                    tr { th { scope: "row", "Red flags you saw" } for c in columns.iter() { td { key: "{c.lead}", "{c.first_hand_flags}" } } }
                    tr { th { scope: "row", "Open questions" } for c in columns.iter() { td { key: "{c.lead}", "{c.open_questions}" } } }
                }
            }
        }
    }
}

/// The offer form's fields as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OfferForm {
    /// Pay as typed.
    pub pay: TypedPay,
    /// Everything else offered.
    pub terms: String,
    /// First day, `YYYY-MM-DD`.
    pub start: String,
    /// Answer deadline, `YYYY-MM-DD`.
    pub answer_by: String,
}

/// Typed offer terms, checked before anything is saved. `old` keeps when it
/// was received; `now` gives the zone of the deadline.
pub fn build_offer(form: &OfferForm, old: Option<&Offer>, now: Stamp) -> Result<Offer, UiError> {
    let OfferForm {
        pay,
        terms,
        start,
        answer_by,
    } = form;
    let pay = pay.read()?;
    let date = |s: &str, field: &str| -> Result<Option<NaiveDate>, UiError> {
        if s.trim().is_empty() {
            return Ok(None);
        }
        s.parse()
            .map(Some)
            .map_err(|_| UiError::about(field, "pick a date"))
    };
    let start_date = date(start, "start_date")?;
    let respond_by = match date(answer_by, "respond_by")? {
        // the end of the working day they named
        Some(d) => Some(
            crate::platform::local_time::stamp(
                d.and_time(NaiveTime::from_hms_opt(17, 0, 0).unwrap_or_default()),
                now.tz(),
            )
            .map_err(|e| UiError::about("respond_by", e.to_string()))?,
        ),
        None => None,
    };
    Ok(Offer {
        pay,
        terms: terms.trim().to_string(),
        start_date,
        received: old.and_then(|o| o.received).or(Some(now)),
        respond_by,
    })
}

/// Recording or correcting an offer's terms. `receiving`: the offer just
/// came, so the form starts open, and saving it also moves the lead to
/// "Offer" (one command); `on_close` hears it closed either way.
#[component]
pub fn OfferTerms(
    lead: LeadId,
    company: String,
    offer: Option<Offer>,
    #[props(default)] receiving: bool,
    #[props(default)] on_close: EventHandler<()>,
) -> Element {
    let mut ctx = use_ctx();
    let o = offer.clone().unwrap_or_default();
    let pay = use_signal(|| TypedPay::from_range(o.pay.as_ref()));
    let mut open = use_signal(move || receiving);
    let mut terms = use_signal(|| o.terms.clone());
    let mut start = use_signal(|| o.start_date.map(|d| d.to_string()).unwrap_or_default());
    let mut answer_by = use_signal(|| {
        o.respond_by
            .map(|d| d.local_date().to_string())
            .unwrap_or_default()
    });
    let error = use_signal(|| None::<UiError>);
    let slug: String = company
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    if !open() {
        return rsx! {
            button { class: "button wide quiet", "data-testid": "offer-terms-{slug}", onclick: move |_| open.set(true),
                if offer.is_some() { "Edit the offer's terms" } else { "Note the terms from {company}" } }
        };
    }
    let err = error();
    let id = |f: &str| format!("{f}-{slug}");
    rsx! {
        form { class: "form", aria_label: "Terms offered by {company}",
            onsubmit: move |e: FormEvent| {
                e.prevent_default();
                let old = offer.clone();
                spawn(async move {
                    let j = ctx.journal();
                    let now = match j.now().await { Ok(n) => n, Err(e) => return ctx.settle::<()>(Err(e), error).unwrap_or(()) };
                    let form = OfferForm { pay: pay(), terms: terms(), start: start(), answer_by: answer_by() };
                    let built = build_offer(&form, old.as_ref(), now);
                    let result = match built {
                        Ok(o) if receiving => j.receive_offer(lead, o).await,
                        Ok(o) => j.set_offer(lead, o).await,
                        Err(e) => Err(e),
                    };
                    if ctx.settle(result, error).is_some() {
                        open.set(false);
                        on_close.call(());
                    }
                });
            },
            h2 { if receiving { "What did {company} offer?" } else { "Terms from {company}" } }
            if receiving { p { class: "sub", "Note what you know now; you can correct it later. Leave blank what you do not know yet." } }
            PayFields { prefix: id("o-pay"), pay, error: UiError::for_field(&err, "pay") }
            label { r#for: id("o-terms"), "Bonus, equity, holidays, anything else" }
            textarea { id: id("o-terms"), rows: "3", initial_value: "{terms}", oninput: move |e| terms.set(e.value()) }
            if let Some(m) = UiError::for_field(&err, "terms") { p { class: "field-error", role: "alert", "{m}" } }
            label { r#for: id("o-start"), "First day" }
            input { id: id("o-start"), r#type: "date", initial_value: "{start}", oninput: move |e| start.set(e.value()) }
            if let Some(m) = UiError::for_field(&err, "start_date") { p { class: "field-error", role: "alert", "{m}" } }
            label { r#for: id("o-by"), "They want an answer by" }
            input { id: id("o-by"), r#type: "date", initial_value: "{answer_by}", oninput: move |e| answer_by.set(e.value()) }
            if let Some(m) = UiError::for_field(&err, "respond_by") { p { class: "field-error", role: "alert", "{m}" } }
            if let Some(m) = UiError::general(&err) { p { class: "field-error", role: "alert", "{m}" } }
            div { class: "row-actions",
                button { class: "button take", r#type: "submit", "data-testid": "offer-save",
                    if receiving { "Save: I have an offer" } else { "Save the terms" } }
                button { class: "button quiet", r#type: "button", onclick: move |_| { open.set(false); on_close.call(()); }, "Cancel" }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::test_support::render_with;

    fn now() -> Stamp {
        "2026-06-01T10:00:00+02:00[Europe/Paris]".parse().unwrap()
    }

    #[test]
    fn offer_terms_are_read_from_what_was_typed() {
        let form = |min: &str, by: &str| OfferForm {
            pay: TypedPay {
                min: min.into(),
                max: "58,000".into(),
                currency: "eur".into(),
                period: "year".into(),
            },
            terms: " 25 days off ".into(),
            start: "2026-07-01".into(),
            answer_by: by.into(),
        };
        let o = build_offer(&form("52 000", "2026-06-03"), None, now()).unwrap();
        let pay = o.pay.unwrap();
        assert_eq!(
            (pay.min, pay.max, pay.currency.as_str()),
            (Some(52_000), Some(58_000), "EUR")
        );
        assert_eq!(o.terms, "25 days off");
        assert_eq!(o.start_date, NaiveDate::from_ymd_opt(2026, 7, 1));
        assert_eq!(
            o.respond_by.unwrap().to_string(),
            "2026-06-03T17:00:00+02:00[Europe/Paris]"
        );
        assert_eq!(o.received, Some(now()));
        let e = build_offer(&form("lots", ""), None, now()).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("pay"));
        let e = build_offer(&form("1", "soon"), None, now()).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("respond_by"));
        let blank = OfferForm::default();
        assert!(build_offer(&blank, None, now()).unwrap().pay.is_none());
    }

    #[test]
    fn two_offers_are_compared_side_by_side_with_their_evidence() {
        let j = crate::screens::test_support::demo();
        let files: Vec<OfferFile> = j
            .offers()
            .unwrap()
            .into_iter()
            .map(|column| OfferFile {
                check: j.offer_check(column.lead).unwrap(),
                lead: j.lead(column.lead).unwrap(),
                column,
            })
            .collect();
        assert!(!files.is_empty(), "the sample journal holds an offer");
        let html = render_with(
            files.clone(),
            |offers| rsx! { OffersView { offers, on_answer: |_| {} } },
        );
        assert!(html.contains("offers-compare"), "{html}");
        for f in &files {
            assert!(html.contains(&f.lead.details.company), "{html}");
        }
        assert!(html.contains("Accept…") && html.contains("Decline…"));
        // no offer's lead kept its ad in the sample: nothing to set beside it
        assert!(!html.contains("offer-ad-0"), "{html}");
        // an offer whose lead kept its ad shows it beside the checks
        let mut with_ad = files.clone();
        with_ad[0].lead.details.ad = "Staff engineer, own the billing platform, 20% travel".into();
        let html = render_with(
            with_ad,
            |offers| rsx! { OffersView { offers, on_answer: |_| {} } },
        );
        let at = html
            .find("offer-ad-0")
            .expect("the ad beside the first offer");
        assert!(html[at..].contains("own the billing platform"), "{html}");
        let empty = render_with(
            Vec::<OfferFile>::new(),
            |offers| rsx! { OffersView { offers, on_answer: |_| {} } },
        );
        assert!(empty.contains("No open offers."), "{empty}");
    }
}

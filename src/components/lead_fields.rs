//! The fields a lead and an offer share: pay (amounts, currency, period), and
//! for a lead where and how the work is done and the link to the ad. One
//! component, so adding, editing and noting an offer read the same.

use dioxus::prelude::*;
use reps_core::{LeadDetails, PayPeriod, PayRange, WorkMode};

use crate::journal::UiError;
use reps_core::wording;

/// Pay as typed, before the core reads it (`PayRange::from_typed`).
#[derive(Debug, Clone, PartialEq)]
pub struct TypedPay {
    /// Lowest figure as typed.
    pub min: String,
    /// Highest figure as typed.
    pub max: String,
    /// Three letters as typed.
    pub currency: String,
    /// A `PayPeriod` key.
    pub period: String,
}

impl Default for TypedPay {
    fn default() -> Self {
        Self::from_range(None)
    }
}

impl TypedPay {
    /// A form's starting text for a known range (or an empty one in euros a year).
    pub fn from_range(range: Option<&PayRange>) -> Self {
        let figure = |v: Option<u64>| v.map(|v| v.to_string()).unwrap_or_default();
        Self {
            min: figure(range.and_then(|r| r.min)),
            max: figure(range.and_then(|r| r.max)),
            currency: range.map_or_else(|| "EUR".to_string(), |r| r.currency.clone()),
            period: range
                .map_or(PayPeriod::Year, |r| r.period)
                .key()
                .to_string(),
        }
    }

    /// The range the core reads from this text, or an error on `pay`.
    pub fn read(&self) -> Result<Option<PayRange>, UiError> {
        PayRange::from_typed(&self.min, &self.max, &self.currency, &self.period, "pay")
            .map_err(|e| UiError::about(e.field, e.problem.to_string()))
    }
}

/// Pay from, up to, currency and period, on two short rows.
#[component]
pub fn PayFields(prefix: String, pay: Signal<TypedPay>, error: Option<String>) -> Element {
    let id = |f: &str| format!("{prefix}-{f}");
    let typed = pay();
    rsx! {
        fieldset { class: "pay-fields",
            legend { "Pay" }
            div { class: "field-row",
                div { class: "field",
                    label { r#for: id("min"), "From" }
                    input { id: id("min"), "data-testid": id("min"), inputmode: "numeric", placeholder: "48,000",
                        initial_value: "{typed.min}", oninput: move |e| pay.write().min = e.value() }
                }
                div { class: "field",
                    label { r#for: id("max"), "Up to" }
                    input { id: id("max"), "data-testid": id("max"), inputmode: "numeric", placeholder: "55,000",
                        initial_value: "{typed.max}", oninput: move |e| pay.write().max = e.value() }
                }
            }
            if let Some(m) = error { p { class: "field-error", role: "alert", "{m}" } }
            div { class: "field-row",
                div { class: "field",
                    label { r#for: id("cur"), "Currency" }
                    input { id: id("cur"), "data-testid": id("cur"), maxlength: "3", autocapitalize: "characters",
                        initial_value: "{typed.currency}", oninput: move |e| pay.write().currency = e.value() }
                }
                div { class: "field",
                    label { r#for: id("per"), "Per" }
                    select { id: id("per"), "data-testid": id("per"), onchange: move |e| pay.write().period = e.value(),
                        for p in PayPeriod::ALL {
                            option { key: "{p.key()}", value: p.key(), selected: typed.period == p.key(), "{wording::pay_period(p)}" }
                        }
                    }
                }
            }
        }
    }
}

/// Where the work is, how it is done, and the ad's link.
#[component]
pub fn PlaceFields(prefix: String, details: Signal<LeadDetails>) -> Element {
    let id = |f: &str| format!("{prefix}-{f}");
    let d = details();
    rsx! {
        label { r#for: id("location"), "Location" }
        input { id: id("location"), "data-testid": id("location"), placeholder: "City or region",
            initial_value: "{d.location}", oninput: move |e| details.write().location = e.value() }
        fieldset { class: "chips", aria_label: "How the work is done",
            legend { "How the work is done" }
            for m in WorkMode::ALL {
                button { key: "{m:?}", r#type: "button", class: "chip", "data-testid": "{id(\"mode\")}-{m:?}",
                    aria_pressed: "{d.work_mode == Some(m)}",
                    onclick: move |_| {
                        let mut w = details.write();
                        // a second tap clears it: "not known" must stay reachable
                        w.work_mode = (w.work_mode != Some(m)).then_some(m);
                    },
                    "{wording::work_mode(m)}"
                }
            }
        }
        label { r#for: id("link"), "Link to the ad" }
        // plain text: a link copied without "https://" must not block saving
        input { id: id("link"), "data-testid": id("link"), r#type: "text", inputmode: "url", autocapitalize: "none", placeholder: "https://…",
            initial_value: "{d.link}", oninput: move |e| details.write().link = e.value() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_pay_round_trips_a_range_and_names_the_field_when_wrong() {
        let range = PayRange {
            min: Some(48_000),
            max: Some(55_000),
            currency: "GBP".into(),
            period: PayPeriod::Month,
        };
        let typed = TypedPay::from_range(Some(&range));
        assert_eq!(typed.read().unwrap(), Some(range));
        assert_eq!(TypedPay::default().read().unwrap(), None);
        let wrong = TypedPay {
            min: "lots".into(),
            ..TypedPay::default()
        };
        assert_eq!(wrong.read().unwrap_err().field.as_deref(), Some("pay"));
    }
}

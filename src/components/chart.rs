//! The confidence chart, drawn in SVG: confidence after each rep (line) and
//! before it (dots), on a 1–5 scale.

use dioxus::prelude::*;
use reps_core::rules::reps::ConfidencePoint;

const W: f64 = 320.0;
const H: f64 = 140.0;
const PAD: f64 = 18.0;

fn x(i: usize, n: usize) -> f64 {
    if n <= 1 {
        W / 2.0
    } else {
        PAD + (W - 2.0 * PAD) * i as f64 / (n - 1) as f64
    }
}

fn y(v: u8) -> f64 {
    H - PAD - (H - 2.0 * PAD) * (f64::from(v) - 1.0) / 4.0
}

/// The polyline points of confidence-after, for rated reps.
pub fn after_points(points: &[ConfidencePoint]) -> String {
    let n = points.len();
    points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.after.map(|a| format!("{:.1},{:.1}", x(i, n), y(a))))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The chart.
#[component]
pub fn ConfidenceChart(points: Vec<ConfidencePoint>) -> Element {
    let n = points.len();
    let line = after_points(&points);
    let rated = points.iter().filter(|p| p.after.is_some()).count();
    let first = points.iter().find_map(|p| p.after);
    let last = points.iter().rev().find_map(|p| p.after);
    let summary = match (first, last) {
        (Some(a), _) if rated == 1 => {
            format!(
                "After your first rated rep: {a} out of 5. The line grows with every interview."
            )
        }
        (Some(a), Some(b)) => {
            format!(
                "Confidence after interviews went from {a} to {b} out of 5 over {rated} rated reps."
            )
        }
        _ => "Rate your confidence after an interview to see it grow here.".to_string(),
    };
    rsx! {
        figure { class: "chart",
            svg {
                view_box: "0 0 {W} {H}",
                role: "img",
                "aria-label": "{summary}",
                "data-testid": "confidence-chart",
                // no grid to stare at before the first rated rep
                for v in (1..=5u8).filter(|_| rated > 0 || points.iter().any(|p| p.before.is_some())) {
                    g { key: "g{v}",
                        line { class: "grid", x1: "{PAD}", x2: "{W - PAD}", y1: "{y(v)}", y2: "{y(v)}" }
                        text { class: "axis", x: "4", y: "{y(v) + 4.0}", "{v}" }
                    }
                }
                if !line.is_empty() {
                    polyline { class: "after", points: "{line}", fill: "none" }
                }
                for (i, p) in points.iter().enumerate() {
                    if let Some(b) = p.before {
                        circle { key: "b{i}", class: "before", cx: "{x(i, n):.1}", cy: "{y(b):.1}", r: "3" }
                    }
                    if let Some(a) = p.after {
                        circle { key: "a{i}", class: "after-dot", cx: "{x(i, n):.1}", cy: "{y(a):.1}", r: "4" }
                    }
                }
            }
            figcaption {
                "{summary}"
                if points.iter().any(|p| p.before.is_some()) {
                    span { class: "legend", " The line and large dots: confidence after each interview; small dots: going in." }
                }
            }
        }
    }
}

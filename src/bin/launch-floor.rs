//! The framework floor for the launch benchmarks: a bare Dioxus app with one
//! text field that reports when the field is mounted, exactly as Reps does
//! for its capture field. On desktop it prints `REPS-READY <ms>` since process
//! start; in the browser it sets `window.REPS_READY_MS` (ms since navigation).
//! Not part of the app.

use dioxus::prelude::*;

#[cfg(not(target_arch = "wasm32"))]
static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    STARTED.get_or_init(std::time::Instant::now);
    #[cfg(feature = "desktop")]
    {
        use dioxus::desktop::{Config, LogicalSize, WindowBuilder};
        let window = WindowBuilder::new()
            .with_title("floor")
            .with_inner_size(LogicalSize::new(390.0, 844.0));
        dioxus::LaunchBuilder::desktop()
            .with_cfg(Config::new().with_window(window).with_menu(None))
            .launch(app);
    }
    #[cfg(all(feature = "web", target_arch = "wasm32"))]
    dioxus::LaunchBuilder::web().launch(app);
    #[cfg(all(feature = "mobile", not(feature = "desktop")))]
    dioxus::LaunchBuilder::mobile().launch(app);
}

fn ready() {
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(t) = STARTED.get() {
        println!("REPS-READY {:.1}", t.elapsed().as_secs_f64() * 1000.0);
    }
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let now = window.performance().map(|p| p.now()).unwrap_or_default();
        let _ = js_sys::Reflect::set(&window, &"REPS_READY_MS".into(), &now.into());
    }
}

fn app() -> Element {
    rsx! {
        textarea {
            aria_label: "Notes",
            "data-testid": "floor-field",
            onmounted: |_| ready()
        }
    }
}

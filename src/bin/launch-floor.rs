//! The framework floor for the launch benchmark: a bare Dioxus window with one
//! text field that prints `REPS-READY <ms>` when the field is mounted, exactly
//! as Reps does for its capture field. Not part of the app.

use std::sync::OnceLock;
use std::time::Instant;

use dioxus::prelude::*;

static STARTED: OnceLock<Instant> = OnceLock::new();

fn main() {
    STARTED.get_or_init(Instant::now);
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
}

fn app() -> Element {
    rsx! {
        textarea {
            onmounted: |_| {
                if let Some(t) = STARTED.get() {
                    println!("REPS-READY {:.1}", t.elapsed().as_secs_f64() * 1000.0);
                }
            }
        }
    }
}

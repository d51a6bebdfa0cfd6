//! Launch timing for the launch benchmarks: the moment the capture field is
//! ready, measured from process start (desktop, printed once when asked for)
//! or from navigation (the web: `window.REPS_READY_MS`).

#[cfg(not(target_arch = "wasm32"))]
use std::sync::OnceLock;
#[cfg(not(target_arch = "wasm32"))]
use std::sync::atomic::{AtomicBool, Ordering};
#[cfg(not(target_arch = "wasm32"))]
use std::time::Instant;

#[cfg(not(target_arch = "wasm32"))]
static STARTED: OnceLock<Instant> = OnceLock::new();
#[cfg(not(target_arch = "wasm32"))]
static REPORTED: AtomicBool = AtomicBool::new(false);

/// Call first thing in `main`.
#[cfg(not(target_arch = "wasm32"))]
pub fn process_started() {
    STARTED.get_or_init(Instant::now);
}

/// Called when the capture field mounts; prints `REPS-READY <ms>` once if
/// `REPS_LAUNCH_TIMING` is set.
#[cfg(not(target_arch = "wasm32"))]
pub fn capture_ready() {
    if std::env::var_os("REPS_LAUNCH_TIMING").is_some() && !REPORTED.swap(true, Ordering::SeqCst) {
        if let Some(t) = STARTED.get() {
            println!("REPS-READY {:.1}", t.elapsed().as_secs_f64() * 1000.0);
        }
    }
}

/// Called when the capture field mounts: records `performance.now()` (ms since
/// navigation) as `window.REPS_READY_MS`, once.
#[cfg(target_arch = "wasm32")]
pub fn capture_ready() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let key = wasm_bindgen::JsValue::from_str("REPS_READY_MS");
    if js_sys::Reflect::has(&window, &key).unwrap_or(true) {
        return;
    }
    if let Some(now) = window.performance().map(|p| p.now()) {
        let _ = js_sys::Reflect::set(&window, &key, &now.into());
    }
}

//! Launch timing for the launch benchmark: the moment the capture field is
//! ready, measured from process start, printed once when asked for.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();
static REPORTED: AtomicBool = AtomicBool::new(false);

/// Call first thing in `main`.
pub fn process_started() {
    STARTED.get_or_init(Instant::now);
}

/// Called when the capture field mounts; prints `REPS-READY <ms>` once if
/// `REPS_LAUNCH_TIMING` is set.
pub fn capture_ready() {
    if std::env::var_os("REPS_LAUNCH_TIMING").is_some() && !REPORTED.swap(true, Ordering::SeqCst) {
        if let Some(t) = STARTED.get() {
            println!("REPS-READY {:.1}", t.elapsed().as_secs_f64() * 1000.0);
        }
    }
}

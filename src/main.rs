//! Reps: an offline interview journal. Opens the app window (`--summary`
//! prints the journal in the terminal instead), or the page in a browser.

// The browser's journal worker is this crate built with `web-worker`: it
// exports the journal and leaves every screen out, so the UI is unused there.
#![cfg_attr(feature = "web-worker", allow(dead_code, unused_imports))]

mod app;
#[cfg(not(target_arch = "wasm32"))]
mod cli;
mod components;
mod journal;
mod platform;
mod route;
mod screens;
#[cfg(target_arch = "wasm32")]
mod web;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    platform::native::main()
}

/// The page's module starts the app; the worker's module (feature
/// `web-worker`) only exports the journal for `worker.js`.
#[cfg(target_arch = "wasm32")]
fn main() {
    #[cfg(not(feature = "web-worker"))]
    web::start()
}

//! Reps: an offline interview journal. Opens the app window (`--summary`
//! prints the journal in the terminal instead), or the page in a browser.

// The browser's journal worker is this crate built with `web-worker`: it
// exports the journal and leaves every screen out, so the UI is unused there.
#![cfg_attr(feature = "web-worker", allow(dead_code, unused_imports))]

mod app;
#[cfg(not(target_arch = "wasm32"))]
mod cli;
mod components;
#[cfg(not(target_arch = "wasm32"))]
mod history;
mod journal;
mod launch_timing;
#[cfg(not(target_arch = "wasm32"))]
mod links;
#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
mod outer;
#[cfg(not(target_arch = "wasm32"))]
mod outside;
mod paths;
#[cfg(not(target_arch = "wasm32"))]
mod phone;
#[cfg(all(feature = "desktop", not(target_arch = "wasm32")))]
mod reminders;
mod route;
mod screens;
#[cfg(not(target_arch = "wasm32"))]
mod summary;
#[cfg(target_arch = "wasm32")]
mod web;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

/// The page's module starts the app; the worker's module (feature
/// `web-worker`) only exports the journal for `worker.js`.
#[cfg(target_arch = "wasm32")]
fn main() {
    #[cfg(not(feature = "web-worker"))]
    web::start()
}

//! Reps: an offline interview journal. Opens the app window (`--summary`
//! prints the journal in the terminal instead), or the page in a browser.

mod app;
mod components;
mod journal;
mod launch_timing;
#[cfg(not(target_arch = "wasm32"))]
mod native;
mod paths;
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

#[cfg(target_arch = "wasm32")]
fn main() {
    web::start()
}

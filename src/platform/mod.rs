//! The app's glue to the platform it runs on, around the screens: where
//! files live ([`paths`]), starting and the window ([`native`]), Android and
//! iOS through JNI and Swift ([`phone`]), the back button's history
//! ([`history`]), `reps://` links ([`links`]); what comes in from outside
//! the app — capture-inbox notes and links ([`incoming`]) — and what goes
//! out — the widget snapshot ([`snapshot`]), desktop notifications
//! ([`reminders`]), the browser's badge and notifications
//! ([`browser_reminders`]), saved exports ([`exports`]); and the launch timing marks
//! the benchmarks read, and the thread that runs sync rounds
//! ([`sync_runner`]) ([`launch_timing`]); a typed time as a stamp, by the
//! zone rules or, in the browser's page, the browser's ([`local_time`]).

#[cfg(target_arch = "wasm32")]
pub mod browser_reminders;
#[cfg(not(target_arch = "wasm32"))]
pub mod exports;
#[cfg(not(target_arch = "wasm32"))]
pub mod history;
#[cfg(not(target_arch = "wasm32"))]
pub mod incoming;
pub mod launch_timing;
#[cfg(not(target_arch = "wasm32"))]
pub mod links;
pub mod local_time;
#[cfg(not(target_arch = "wasm32"))]
pub mod native;
pub mod paths;
#[cfg(not(target_arch = "wasm32"))]
pub mod phone;
#[cfg(all(feature = "desktop", not(target_arch = "wasm32")))]
pub mod reminders;
#[cfg(not(target_arch = "wasm32"))]
pub mod snapshot;
#[cfg(not(target_arch = "wasm32"))]
pub mod sync_runner;

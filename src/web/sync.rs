//! Sync in the browser. The rounds run in the journal's worker (the sync
//! code and the HTTP client live in its module, so the page stays small):
//! the page asks for a job with [`WebSync`]; the worker also runs rounds on
//! its own (after changes, now and then) and tells the page when one
//! brought changes.

use reps_core::journal::sync::{SyncPlace, TakeInReport};

use super::client::{SyncJob, WorkerLink};

/// The page's way to ask the worker for sync jobs.
#[derive(Clone)]
pub struct WebSync {
    link: WorkerLink,
}

impl PartialEq for WebSync {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl WebSync {
    /// Over the worker behind `link`.
    pub fn new(link: WorkerLink) -> Self {
        WebSync { link }
    }

    /// A round now.
    pub fn round(&self) -> impl std::future::Future<Output = Result<TakeInReport, String>> + use<> {
        self.link.sync(SyncJob::Round)
    }

    /// Sets sync up, then a first round.
    pub fn connect(
        &self,
        place: SyncPlace,
        passphrase: String,
        device_name: String,
    ) -> impl std::future::Future<Output = Result<TakeInReport, String>> + use<> {
        self.link.sync(SyncJob::Connect {
            place,
            passphrase,
            device_name,
        })
    }
}

/// How often the worker looks for changes to send (milliseconds).
#[cfg(feature = "web-worker")]
pub const LOOK_EVERY_MS: i32 = 5_000;
/// Every how many looks a round runs anyway (half a minute).
#[cfg(feature = "web-worker")]
pub const HEAR_EVERY: u32 = 6;

/// Runs a sync job in the worker, against the remote the settings name.
#[cfg(feature = "web-worker")]
pub async fn run_job(journal: &reps_core::Journal, job: SyncJob) -> Result<TakeInReport, String> {
    use reps_core::sync::{AnyRemote, connect, run};
    let http = super::fetch_http::FetchHttp;
    if !online() {
        let why = "This device is offline. Your changes are kept here, and sync catches up once it is back online";
        let _ = journal.sync_finished(
            None,
            &reps_core::journal::sync::RoundEnd::Failed(why.into()),
        );
        return Err(why.into());
    }
    match job {
        SyncJob::Round => {
            let setup = journal
                .sync_setup()
                .map_err(|e| e.to_string())?
                .ok_or("sync is not set up in this browser")?;
            let remote = AnyRemote::of(&setup.place, http).map_err(|e| e.to_string())?;
            run(journal, &remote).await.map_err(|e| e.to_string())
        }
        SyncJob::Connect {
            place,
            passphrase,
            device_name,
        } => {
            if matches!(place, SyncPlace::Folder { .. }) {
                return Err("a browser cannot sync through a folder; use a WebDAV server".into());
            }
            let remote = AnyRemote::of(&place, http).map_err(|e| e.to_string())?;
            connect(journal, &remote, place, &passphrase, &device_name)
                .await
                .map_err(|e| e.to_string())
        }
    }
}

/// Whether the browser says it is online.
#[cfg(feature = "web-worker")]
fn online() -> bool {
    use wasm_bindgen::JsCast;
    let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    scope.navigator().on_line()
}

/// Waits `ms` milliseconds in the worker.
#[cfg(feature = "web-worker")]
pub async fn sleep(ms: i32) {
    use wasm_bindgen::JsCast;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
        let _ = scope.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

//! The worker's side: owns the journal in OPFS and answers the page.
//!
//! `worker.js` does the asynchronous browser steps (take the tab lock, find
//! the file, obtain its sync handle) and then hands the handle to
//! [`JournalWorker::open`]; from there every message is answered
//! synchronously by [`JournalWorker::serve`], one at a time, in order.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use reps_core::{Journal, ManualClock, PageBackend, Stamp, SystemClock};
use wasm_bindgen::prelude::*;
use web_sys::FileSystemSyncAccessHandle;

use super::client::{Envelope, FromWorker, SyncEnvelope, SyncJob};
use super::opfs::OpfsFile;
use crate::journal::UiError;
use crate::journal::protocol::serve;

/// The journal as the worker holds it.
#[wasm_bindgen]
pub struct JournalWorker {
    /// `None` only while it is being reopened after a storage error;
    /// shared with the sync rounds, which run between messages.
    journal: Rc<RefCell<Option<Rc<Journal>>>>,
    file: OpfsFile,
    /// A sync round is under way (rounds never overlap).
    syncing: Rc<Cell<bool>>,
}

fn clock() -> SystemClock {
    // the worker's zone rules are the browser's (see `super::zones`)
    super::zones::install();
    SystemClock {
        tz: reps_core::time::device_zone(),
    }
}

fn open_on(file: OpfsFile) -> Result<Journal, reps_core::Error> {
    Journal::with_backend(PageBackend::new(file), clock())
}

/// The message that tells the page the journal is open (or why not).
#[wasm_bindgen]
pub fn opened_message(error: Option<String>) -> String {
    let message = FromWorker::Opened(match error {
        None => Ok(()),
        Some(why) => Err(why),
    });
    serde_json::to_string(&message).unwrap_or_default()
}

#[wasm_bindgen]
impl JournalWorker {
    /// Opens the journal in `handle`. The sample journal (`demo`) is filled
    /// through the real commands the first time, on a clock that walks
    /// through five weeks, then reopened on the real clock.
    pub fn open(handle: FileSystemSyncAccessHandle, demo: bool) -> Result<JournalWorker, String> {
        let file = OpfsFile::keep(if demo { 2 } else { 1 }, handle);
        let empty = reps_core::PageFile::size(&file).map_err(|e| e.to_string())? == 0;
        if demo && empty {
            let now = Stamp::new(chrono::Utc::now(), clock().tz);
            let sample_clock = Arc::new(ManualClock::new(now));
            let j = Journal::with_backend(PageBackend::new(file), sample_clock.clone())
                .map_err(|e| e.to_string())?;
            reps_core::demo::populate(&j, &sample_clock, now).map_err(|e| e.to_string())?;
        }
        let journal = open_on(file).map_err(|e| e.to_string())?;
        let worker = JournalWorker {
            journal: Rc::new(RefCell::new(Some(Rc::new(journal)))),
            file,
            syncing: Rc::new(Cell::new(false)),
        };
        worker.keep_syncing();
        Ok(worker)
    }

    fn reopen(&mut self) -> Result<Rc<Journal>, UiError> {
        let mut held = self.journal.borrow_mut();
        if held.is_none() {
            *held = Some(Rc::new(open_on(self.file).map_err(UiError::from)?));
        }
        held.clone().ok_or_else(UiError::closed)
    }

    /// Answers one message from the page (an [`Envelope`] as JSON).
    pub fn serve(&mut self, message: &str) -> String {
        // a sync job is answered later, by its own message
        if let Ok(SyncEnvelope { id, sync }) = serde_json::from_str::<SyncEnvelope>(message) {
            self.sync_job(id, sync);
            return String::new();
        }
        let reply = match serde_json::from_str::<Envelope>(message) {
            Ok(Envelope { id, request }) => {
                let answer = self.reopen().and_then(|j| serve(&j, request));
                if answer.as_ref().is_err_and(|e| e.storage) {
                    // redb refuses further writes after a failed commit until
                    // reopened; the file itself holds the last good commit.
                    drop(self.journal.borrow_mut().take());
                    let _ = self.reopen();
                }
                FromWorker::Answer { id, answer }
            }
            Err(e) => FromWorker::Answer {
                id: 0,
                answer: Err(UiError::general_message(format!(
                    "the journal did not understand a request: {e}"
                ))),
            },
        };
        serde_json::to_string(&reply).unwrap_or_default()
    }
}

impl JournalWorker {
    /// Runs a sync job from the page between messages; its answer is posted
    /// when the round ends.
    fn sync_job(&self, id: u64, job: SyncJob) {
        let (journal, busy) = (self.journal.clone(), self.syncing.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let result = one_at_a_time(&busy, || async {
                let Some(j) = journal.borrow().clone() else {
                    return Err("the journal is being reopened; try again".to_string());
                };
                super::sync::run_job(&j, job).await
            })
            .await;
            post(&FromWorker::Synced { id, result });
        });
    }

    /// Rounds on their own: right after opening, every few seconds when
    /// something changed here, and every half minute to hear from the other
    /// devices. Sync not set up: nothing is sent anywhere.
    fn keep_syncing(&self) {
        let (journal, busy) = (self.journal.clone(), self.syncing.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let mut since_round = u32::MAX;
            // after a failed round, changes wait a minute before the next try
            let mut quiet = 0u32;
            loop {
                let held = journal.borrow().clone();
                if let Some(j) = held
                    && let Ok(view) = j.sync_view()
                    && view.set_up
                    && ((view.unsent > 0 && quiet == 0) || since_round >= super::sync::HEAR_EVERY)
                {
                    since_round = 0;
                    let result = one_at_a_time(&busy, || async {
                        super::sync::run_job(&j, SyncJob::Round).await
                    })
                    .await;
                    match result {
                        Ok(r) if r.records > 0 => post(&FromWorker::SyncChanged),
                        Ok(_) => {}
                        Err(_) => quiet = super::sync::HEAR_EVERY * 2,
                    }
                }
                quiet = quiet.saturating_sub(1);
                since_round = since_round.saturating_add(1);
                super::sync::sleep(super::sync::LOOK_EVERY_MS).await;
            }
        });
    }
}

/// Waits for the round under way, then runs `f` as the only one.
async fn one_at_a_time<F, Fut>(busy: &Cell<bool>, f: F) -> Fut::Output
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future,
{
    while busy.get() {
        super::sync::sleep(200).await;
    }
    busy.set(true);
    let out = f().await;
    busy.set(false);
    out
}

/// Posts a message to the page.
fn post(message: &FromWorker) {
    use wasm_bindgen::JsCast;
    if let Ok(text) = serde_json::to_string(message) {
        let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let _ = scope.post_message(&JsValue::from_str(&text));
    }
}

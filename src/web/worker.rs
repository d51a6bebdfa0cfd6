//! The worker's side: owns the journal in OPFS and answers the page.
//!
//! `worker.js` does the asynchronous browser steps (take the tab lock, find
//! the file, obtain its sync handle) and then hands the handle to
//! [`JournalWorker::open`]; from there every message is answered
//! synchronously by [`JournalWorker::serve`], one at a time, in order.

use std::sync::Arc;

use reps_core::{Journal, ManualClock, PageBackend, Stamp, SystemClock};
use wasm_bindgen::prelude::*;
use web_sys::FileSystemSyncAccessHandle;

use super::client::{Envelope, FromWorker};
use super::opfs::OpfsFile;
use crate::journal::UiError;
use crate::journal::protocol::serve;

/// The journal as the worker holds it.
#[wasm_bindgen]
pub struct JournalWorker {
    /// `None` only while it is being reopened after a storage error.
    journal: Option<Journal>,
    file: OpfsFile,
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
        Ok(JournalWorker {
            journal: Some(journal),
            file,
        })
    }

    fn reopen(&mut self) -> Result<&Journal, UiError> {
        if self.journal.is_none() {
            self.journal = Some(open_on(self.file).map_err(UiError::from)?);
        }
        self.journal.as_ref().ok_or_else(UiError::closed)
    }

    /// Answers one message from the page (an [`Envelope`] as JSON).
    pub fn serve(&mut self, message: &str) -> String {
        let reply = match serde_json::from_str::<Envelope>(message) {
            Ok(Envelope { id, request }) => {
                let answer = match &self.journal {
                    Some(journal) => serve(journal, request),
                    None => self.reopen().and_then(|j| serve(j, request)),
                };
                if answer.as_ref().is_err_and(|e| e.storage) {
                    // redb refuses further writes after a failed commit until
                    // reopened; the file itself holds the last good commit.
                    drop(self.journal.take());
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

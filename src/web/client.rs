//! The page's side of the journal worker: sends [`Request`]s as JSON through
//! `postMessage` and routes each answer back to the future that asked.
//!
//! Requests made before the worker has opened the journal wait in a queue, so
//! screens can ask as soon as they render. If the worker cannot open the
//! journal, every waiting and later request fails with its reason.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use futures_channel::oneshot;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::journal::UiError;
use crate::journal::protocol::{Answer, Request};
use reps_core::journal::sync::{SyncPlace, TakeInReport};

type SyncReply = oneshot::Sender<Result<TakeInReport, String>>;

/// A message from the page to the worker.
#[derive(Serialize, Deserialize)]
pub struct Envelope {
    /// Matches the answer to its request.
    pub id: u64,
    /// The question.
    pub request: Request,
}

/// A sync job the page asks the worker for (the worker runs the rounds:
/// the sync code lives in its module, not the page's).
#[derive(Serialize, Deserialize)]
pub enum SyncJob {
    /// A round now.
    Round,
    /// Set sync up, then a first round.
    Connect {
        /// Where.
        place: SyncPlace,
        /// The passphrase that wraps the journal key.
        passphrase: String,
        /// This device's name on the others.
        device_name: String,
    },
}

/// A sync job as sent to the worker.
#[derive(Serialize, Deserialize)]
pub struct SyncEnvelope {
    /// Matches the answer to the job.
    pub id: u64,
    /// The job.
    pub sync: SyncJob,
}

/// A message from the worker to the page.
// Built once and serialized at once (or parsed and taken apart at once):
// boxing the large variant would only add an allocation.
#[allow(clippy::large_enum_variant)]
#[derive(Serialize, Deserialize)]
pub enum FromWorker {
    /// The journal is open (`Ok`) or could not be opened (`Err`, in plain words).
    Opened(Result<(), String>),
    /// The answer to request `id`.
    Answer {
        /// The request it answers.
        id: u64,
        /// What the journal said.
        answer: Result<Answer, UiError>,
    },
    /// How sync job `id` went.
    Synced {
        /// The job it answers.
        id: u64,
        /// What the round took in, or why it failed, in plain words.
        result: Result<TakeInReport, String>,
    },
    /// A round the worker ran on its own brought changes: screens refresh.
    SyncChanged,
}

type Reply = oneshot::Sender<Result<Answer, UiError>>;

#[derive(Default)]
struct State {
    /// Absent until [`WorkerLink::start`].
    worker: Option<web_sys::Worker>,
    on_message: Option<Closure<dyn FnMut(web_sys::MessageEvent)>>,
    next: u64,
    pending: HashMap<u64, Reply>,
    /// Requests waiting for the journal to open.
    queued: Vec<(u64, String)>,
    opened: Option<Result<(), String>>,
    opened_waiters: Vec<oneshot::Sender<Result<(), String>>>,
    /// Sync jobs waiting for their answer.
    syncing: HashMap<u64, SyncReply>,
    /// Told when a sync round brought changes.
    sync_changed: Option<futures_channel::mpsc::UnboundedSender<()>>,
}

/// The way to the worker; cheap to clone.
#[derive(Clone)]
pub struct WorkerLink {
    state: Rc<RefCell<State>>,
}

impl WorkerLink {
    /// A link whose requests wait until [`WorkerLink::start`] and the journal
    /// has opened. Made before the first render; the worker is started after
    /// it, so the screen the user opened is not kept waiting by the worker's
    /// own start-up.
    pub fn new() -> WorkerLink {
        WorkerLink {
            state: Rc::new(RefCell::new(State::default())),
        }
    }

    /// Starts the worker (`worker.js` beside the page); `demo` opens the
    /// sample journal instead of the user's own. (Told in a message, not the
    /// worker's URL, which the offline cache answers without its query.)
    /// On failure every waiting request fails with the reason.
    pub fn start(&self, demo: bool) {
        if let Err(why) = self.try_start(demo) {
            opened(&self.state, Err(why));
        }
    }

    fn try_start(&self, demo: bool) -> Result<(), String> {
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        let worker = web_sys::Worker::new_with_options("./worker.js", &options)
            .map_err(|e| format!("the browser refused to start the journal worker: {e:?}"))?;
        let on_message = {
            let state = self.state.clone();
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                if let Some(text) = event.data().as_string() {
                    receive(&state, &text);
                }
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The first message says which journal to open.
        let hello = js_sys::Object::new();
        js_sys::Reflect::set(&hello, &"demo".into(), &demo.into())
            .and_then(|_| worker.post_message(&hello))
            .map_err(|e| format!("could not start the journal worker: {e:?}"))?;
        let mut state = self.state.borrow_mut();
        state.worker = Some(worker);
        state.on_message = Some(on_message);
        Ok(())
    }

    /// Sends `request`; `reply` gets the answer.
    pub fn send(&self, request: Request, reply: Reply) {
        let mut state = self.state.borrow_mut();
        if let Some(Err(why)) = &state.opened {
            let _ = reply.send(Err(UiError::general_message(why.clone())));
            return;
        }
        state.next += 1;
        let id = state.next;
        let text = match serde_json::to_string(&Envelope { id, request }) {
            Ok(t) => t,
            Err(e) => {
                let _ = reply.send(Err(UiError::general_message(format!(
                    "could not send the request to the journal: {e}"
                ))));
                return;
            }
        };
        state.pending.insert(id, reply);
        if state.opened.is_some() {
            post(&mut state, id, &text);
        } else {
            state.queued.push((id, text));
        }
    }

    /// Asks the worker for a sync job; the future yields how it went.
    pub fn sync(
        &self,
        job: SyncJob,
    ) -> impl std::future::Future<Output = Result<TakeInReport, String>> + use<> {
        let (reply, answer) = oneshot::channel();
        let mut state = self.state.borrow_mut();
        state.next += 1;
        let id = state.next;
        match serde_json::to_string(&SyncEnvelope { id, sync: job }) {
            Ok(text) => {
                state.syncing.insert(id, reply);
                if state.opened.is_some() {
                    post_sync(&mut state, id, &text);
                } else {
                    state.queued.push((id, text));
                }
            }
            Err(e) => {
                let _ = reply.send(Err(e.to_string()));
            }
        }
        async move {
            answer
                .await
                .unwrap_or_else(|_| Err("the journal worker stopped".into()))
        }
    }

    /// Where to hear of sync rounds that brought changes.
    pub fn on_sync_changed(&self, tell: futures_channel::mpsc::UnboundedSender<()>) {
        self.state.borrow_mut().sync_changed = Some(tell);
    }

    /// Resolves once the worker has opened the journal, or with why it could not.
    pub fn opened(&self) -> impl std::future::Future<Output = Result<(), String>> + use<> {
        let (tx, rx) = oneshot::channel();
        let mut state = self.state.borrow_mut();
        match &state.opened {
            Some(result) => {
                let _ = tx.send(result.clone());
            }
            None => state.opened_waiters.push(tx),
        }
        async move {
            rx.await
                .unwrap_or_else(|_| Err("the journal worker stopped".into()))
        }
    }
}

fn post_sync(state: &mut State, id: u64, text: &str) {
    if let Err(why) = post_text(state, text)
        && let Some(reply) = state.syncing.remove(&id)
    {
        let _ = reply.send(Err(why));
    }
}

fn post(state: &mut State, id: u64, text: &str) {
    if let Err(why) = post_text(state, text)
        && let Some(reply) = state.pending.remove(&id)
    {
        let _ = reply.send(Err(UiError::general_message(why)));
    }
}

/// Posts a message to the worker, or says why it could not.
fn post_text(state: &State, text: &str) -> Result<(), String> {
    match &state.worker {
        Some(worker) => worker
            .post_message(&JsValue::from_str(text))
            .map_err(|e| format!("could not reach the journal: {e:?}")),
        None => Err("the journal worker is not running".to_string()),
    }
}

/// The journal opened (or not): tell the waiters, then send or fail the queue.
fn opened(state: &Rc<RefCell<State>>, result: Result<(), String>) {
    let mut state = state.borrow_mut();
    state.opened = Some(result.clone());
    for waiter in std::mem::take(&mut state.opened_waiters) {
        let _ = waiter.send(result.clone());
    }
    let queued = std::mem::take(&mut state.queued);
    match result {
        Ok(()) => {
            for (id, text) in queued {
                if state.syncing.contains_key(&id) {
                    post_sync(&mut state, id, &text);
                } else {
                    post(&mut state, id, &text);
                }
            }
        }
        Err(why) => {
            for (_, reply) in state.pending.drain() {
                let _ = reply.send(Err(UiError::general_message(why.clone())));
            }
            for (_, reply) in state.syncing.drain() {
                let _ = reply.send(Err(why.clone()));
            }
        }
    }
}

fn receive(state: &Rc<RefCell<State>>, text: &str) {
    let message: FromWorker = match serde_json::from_str(text) {
        Ok(m) => m,
        Err(e) => {
            web_sys::console::error_1(
                &format!("reps: unreadable message from the journal: {e}").into(),
            );
            return;
        }
    };
    match message {
        FromWorker::Opened(result) => opened(state, result),
        FromWorker::Answer { id, answer } => {
            if let Some(reply) = state.borrow_mut().pending.remove(&id) {
                let _ = reply.send(answer);
            }
        }
        FromWorker::Synced { id, result } => {
            let mut state = state.borrow_mut();
            if result.as_ref().is_ok_and(|r| r.records > 0)
                && let Some(tell) = &state.sync_changed
            {
                let _ = tell.unbounded_send(());
            }
            if let Some(reply) = state.syncing.remove(&id) {
                let _ = reply.send(result);
            }
        }
        FromWorker::SyncChanged => {
            if let Some(tell) = &state.borrow().sync_changed {
                let _ = tell.unbounded_send(());
            }
        }
    }
}

//! The one task that owns the journal. Screens never touch `reps_core::Journal`:
//! they call the async methods of [`JournalHandle`] (generated from the list
//! in [`protocol`]), which send a [`protocol::Request`] to the owner and await
//! its [`protocol::Answer`]. On desktop and phones the owner is a thread
//! holding the redb file ([`local`]); in the browser it is a Web Worker
//! holding the journal in OPFS (`crate::web`). Screens written against this
//! handle run unchanged on every platform.

#[cfg(not(target_arch = "wasm32"))]
mod local;
pub mod protocol;
#[cfg(not(target_arch = "wasm32"))]
mod sync_port;

use futures_channel::oneshot;
use serde::{Deserialize, Serialize};

use protocol::{Answer, Request};

/// An error as a screen shows it: a sentence, and the field it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UiError {
    /// Plain words for the user.
    pub message: String,
    /// The form field it concerns (`company`, `start`…), if any.
    pub field: Option<String>,
    /// The storage refused a write (full disk, browser quota): nothing was
    /// changed, and the owner reopens the journal before the next request.
    #[serde(default)]
    pub storage: bool,
}

impl std::fmt::Display for UiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<reps_core::Error> for UiError {
    fn from(e: reps_core::Error) -> Self {
        match &e {
            reps_core::Error::Invalid(i) => UiError::about(i.field, i.problem.to_string()),
            reps_core::Error::Disk(_) => UiError {
                storage: true,
                ..UiError::general_message(e.to_string())
            },
            _ => UiError::general_message(e.to_string()),
        }
    }
}

impl UiError {
    /// An error that concerns no particular field.
    pub fn general_message(message: impl Into<String>) -> Self {
        UiError {
            message: message.into(),
            field: None,
            storage: false,
        }
    }

    /// An error about one form field.
    pub fn about(field: &str, message: impl Into<String>) -> Self {
        UiError {
            message: message.into(),
            field: Some(field.to_string()),
            storage: false,
        }
    }

    pub(crate) fn closed() -> Self {
        UiError::general_message(
            "The journal stopped unexpectedly; please restart Reps. Nothing saved was lost.",
        )
    }

    fn mismatch() -> Self {
        UiError::general_message(
            "The journal gave an answer to a different question; please restart Reps. Nothing saved was lost.",
        )
    }

    /// The message if it concerns `field`.
    pub fn for_field(err: &Option<UiError>, field: &str) -> Option<String> {
        err.as_ref()
            .filter(|e| e.field.as_deref() == Some(field))
            .map(|e| e.message.clone())
    }

    /// The message if it concerns no particular field.
    pub fn general(err: &Option<UiError>) -> Option<String> {
        err.as_ref()
            .filter(|e| e.field.is_none())
            .map(|e| e.message.clone())
    }
}

/// How requests reach the owner.
#[derive(Clone)]
enum Link {
    /// A thread in this process.
    #[cfg(not(target_arch = "wasm32"))]
    Thread(std::sync::mpsc::Sender<local::Job>),
    /// The browser's journal worker.
    #[cfg(target_arch = "wasm32")]
    Worker(crate::web::client::WorkerLink),
    /// No owner (tests of error states): every call fails.
    #[cfg(test)]
    Stopped,
}

/// A cheap, cloneable way to the journal's owner.
#[derive(Clone)]
pub struct JournalHandle {
    link: Link,
    /// Tells handles apart (Dioxus compares props).
    id: u64,
}

impl PartialEq for JournalHandle {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

fn next_id() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl JournalHandle {
    /// Moves the journal to its own thread and returns the way to it.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn spawn(journal: reps_core::Journal) -> Self {
        JournalHandle {
            link: Link::Thread(local::spawn(journal)),
            id: next_id(),
        }
    }

    /// The way to the journal held by the browser's worker.
    #[cfg(target_arch = "wasm32")]
    pub fn worker(link: crate::web::client::WorkerLink) -> Self {
        JournalHandle {
            link: Link::Worker(link),
            id: next_id(),
        }
    }

    /// The worker behind this handle (the browser's sync jobs go to it).
    #[cfg(target_arch = "wasm32")]
    pub fn worker_link(&self) -> Option<crate::web::client::WorkerLink> {
        match &self.link {
            Link::Worker(w) => Some(w.clone()),
            #[cfg(test)]
            Link::Stopped => None,
        }
    }

    /// A handle whose owner has stopped: every call fails (tests of error states).
    #[cfg(test)]
    pub fn stopped() -> Self {
        JournalHandle {
            link: Link::Stopped,
            id: next_id(),
        }
    }

    /// Resolves once the owner has the journal open, or with why it could
    /// not (in the browser the worker opens it after the page has started).
    pub fn opened(&self) -> impl std::future::Future<Output = Result<(), String>> + use<> {
        #[cfg(target_arch = "wasm32")]
        let link = match &self.link {
            Link::Worker(worker) => Some(worker.opened()),
            #[cfg(test)]
            Link::Stopped => None,
        };
        async move {
            #[cfg(target_arch = "wasm32")]
            if let Some(opened) = link {
                return opened.await;
            }
            Ok(())
        }
    }

    /// Sends `request` now; the future yields the owner's answer.
    fn ask(
        &self,
        request: Request,
    ) -> impl std::future::Future<Output = Result<Answer, UiError>> + use<> {
        let (reply, answer) = oneshot::channel();
        match &self.link {
            #[cfg(not(target_arch = "wasm32"))]
            Link::Thread(jobs) => {
                // A failed send drops `reply`, and the await below reports it.
                let _ = jobs.send((request, reply));
            }
            #[cfg(target_arch = "wasm32")]
            Link::Worker(worker) => worker.send(request, reply),
            #[cfg(test)]
            Link::Stopped => drop((request, reply)),
        }
        async move { answer.await.map_err(|_| UiError::closed())? }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reps_core::{DebriefBody, Journal, LeadDetails, ManualClock, Source, Stamp};

    fn handle() -> JournalHandle {
        let now: Stamp = "2026-06-01T09:00:00+02:00[Europe/Paris]".parse().unwrap();
        JournalHandle::spawn(Journal::in_memory(ManualClock::new(now)).unwrap())
    }

    use crate::screens::test_support::block_on as block;

    #[test]
    fn commands_and_queries_go_through_the_owner() {
        let h = handle();
        let lead = block(h.add_lead(LeadDetails::new("Acme", "Dev", Source::JobBoard))).unwrap();
        assert_eq!(block(h.deck()).unwrap()[0].id, lead.id);
        let err = block(h.add_lead(LeadDetails::new(" ", "Dev", Source::JobBoard))).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("company"));
        assert_eq!(err.message, "please fill this in");
    }

    #[test]
    fn a_burst_of_drafts_keeps_the_newest_text() {
        let h = handle();
        let d = block(h.start_debrief(None)).unwrap();
        let pending: Vec<_> = (1..=50)
            .map(|n| {
                h.save_draft(
                    d.id,
                    DebriefBody {
                        notes: "x".repeat(n),
                        ..Default::default()
                    },
                )
            })
            .collect();
        let saved: Vec<_> = pending.into_iter().map(|f| block(f).unwrap()).collect();
        assert_eq!(block(h.debrief(d.id)).unwrap().body.notes.len(), 50);
        // every keystroke is covered, by fewer commits than keystrokes when they come fast
        let commits = saved.iter().filter(|s| s.is_some()).count();
        assert!((1..=50).contains(&commits));
        assert_eq!(saved.iter().flatten().last().unwrap().body.notes.len(), 50);
    }
}

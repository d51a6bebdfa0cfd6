//! The owner on desktop and phones: a thread beside the window that holds the
//! redb file and answers requests in the order they were sent.

use std::collections::VecDeque;
use std::sync::mpsc;

use futures_channel::oneshot;
use reps_core::Journal;

use super::UiError;
use super::protocol::{Answer, Request, serve};

/// One request and where its answer goes.
pub(super) type Job = (Request, oneshot::Sender<Result<Answer, UiError>>);

/// Moves `journal` to its own thread; returns the way in.
pub(super) fn spawn(journal: Journal) -> mpsc::Sender<Job> {
    let (jobs, inbox) = mpsc::channel::<Job>();
    let started = std::thread::Builder::new()
        .name("journal".into())
        .spawn(move || run(&journal, &inbox));
    if let Err(e) = started {
        // The sender's receiver is gone with the closure: every call then
        // reports that the journal stopped, which is what the screens show.
        eprintln!("reps: could not start the journal thread: {e}");
    }
    jobs
}

/// Answers jobs until every handle is gone. Whatever is already waiting is
/// taken in one go, so a burst of drafts of the same text saves only the
/// newest: the earlier ones are answered "superseded", never lost.
fn run(journal: &Journal, inbox: &mpsc::Receiver<Job>) {
    let mut queue: VecDeque<Job> = VecDeque::new();
    while let Ok(first) = inbox.recv() {
        queue.push_back(first);
        queue.extend(inbox.try_iter());
        while let Some((request, reply)) = queue.pop_front() {
            let answer = if queue
                .iter()
                .any(|(later, _)| is_superseded_by(&request, later))
            {
                Ok(Answer::save_draft(None))
            } else {
                serve(journal, request)
            };
            // A screen that went away no longer needs its answer.
            let _ = reply.send(answer);
        }
    }
}

/// Whether `later`, queued behind `request`, makes it pointless: a newer
/// draft of the same debrief carries every keystroke the earlier one has.
fn is_superseded_by(request: &Request, later: &Request) -> bool {
    matches!(
        (request, later),
        (Request::save_draft { id, .. }, Request::save_draft { id: newer, .. }) if id == newer
    )
}

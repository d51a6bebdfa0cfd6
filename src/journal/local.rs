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
        .spawn(move || run(journal, &inbox));
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
///
/// After a storage error (a full disk) the journal is reopened before the
/// next request: redb refuses writes on a handle that failed one, while the
/// file still holds every commit before it.
fn run(journal: Journal, inbox: &mpsc::Receiver<Job>) {
    let mut journal = Some(journal);
    let mut queue: VecDeque<Job> = VecDeque::new();
    // the search index is built in the first quiet moment, so that neither
    // the first screen nor the first keystroke in the search box waits for it
    let mut search_ready = false;
    loop {
        let first = if search_ready {
            match inbox.recv() {
                Ok(job) => job,
                Err(_) => break,
            }
        } else {
            match inbox.recv_timeout(std::time::Duration::from_millis(300)) {
                Ok(job) => job,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    search_ready = true;
                    if let Some(j) = &journal
                        && let Err(e) = j.prepare_search()
                    {
                        eprintln!("reps: the search index will be built at the first search: {e}");
                    }
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
        };
        queue.push_back(first);
        queue.extend(inbox.try_iter());
        while let Some((request, reply)) = queue.pop_front() {
            let answer = if queue
                .iter()
                .any(|(later, _)| is_superseded_by(&request, later))
            {
                Ok(Answer::save_draft(None))
            } else {
                match &journal {
                    Some(j) => serve(j, request),
                    None => Err(UiError::closed()),
                }
            };
            let on_disk = journal.as_ref().is_some_and(|j| j.path().is_some());
            if on_disk && answer.as_ref().is_err_and(|e| e.storage) {
                journal = journal.and_then(|j| match j.reopen() {
                    Ok(fresh) => Some(fresh),
                    Err(e) => {
                        eprintln!("reps: could not reopen the journal: {e}");
                        None
                    }
                });
            }
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

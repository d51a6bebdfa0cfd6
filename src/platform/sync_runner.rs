//! Sync on desktop and phones: a thread of its own that runs the rounds —
//! on start, every little while when something changed here, now and then
//! to hear from the other devices, on return to the front, and on "Sync
//! now". It talks to the journal only through its owner's handle, one
//! request per step, so typing never waits for the network; a failed round
//! is noted in the journal's sync log and tried again later.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use futures_channel::oneshot;
use reps_core::journal::sync::{SyncPlace, TakeInReport};
use reps_core::sync::{AnyRemote, connect, keychain, run_as_set_up};

use crate::journal::JournalHandle;

/// How often changes made here are looked for (a round follows if any).
const LOOK_FOR_CHANGES: Duration = Duration::from_secs(5);
/// How often a round runs anyway, to take in the other devices' changes
/// (a listing of the folder: a few hundred bytes).
const HEAR_FROM_OTHERS: Duration = Duration::from_secs(30);
/// How soon after a nudge (return to the front) a round runs.
const SOON: Duration = Duration::from_millis(500);
/// How long after a failed round changes wait before the next try.
const AFTER_A_FAILURE: Duration = Duration::from_secs(60);

type Reply = oneshot::Sender<Result<TakeInReport, String>>;

enum Job {
    /// A round now; the answer goes back.
    Round(Reply),
    /// Set sync up, then a first round.
    Connect {
        place: SyncPlace,
        passphrase: String,
        device_name: String,
        reply: Reply,
    },
    /// A round soon (the app came back to the front).
    Nudge,
}

/// The way to the sync thread.
#[derive(Clone)]
pub struct SyncRunner {
    jobs: mpsc::Sender<Job>,
}

impl PartialEq for SyncRunner {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl SyncRunner {
    /// Starts the sync thread over `journal`; `changed` hears of each round
    /// that changed records here, so the screens refresh.
    pub fn spawn(
        journal: JournalHandle,
        changed: futures_channel::mpsc::UnboundedSender<TakeInReport>,
    ) -> Self {
        let (jobs, inbox) = mpsc::channel();
        let started = std::thread::Builder::new()
            .name("sync".into())
            .spawn(move || serve(journal, inbox, changed));
        if let Err(e) = started {
            eprintln!("reps: could not start sync: {e}");
        }
        SyncRunner { jobs }
    }

    /// A round now.
    pub fn round(&self) -> impl std::future::Future<Output = Result<TakeInReport, String>> + use<> {
        let (reply, answer) = oneshot::channel();
        let _ = self.jobs.send(Job::Round(reply));
        async move { answer.await.unwrap_or_else(|_| Err("sync stopped".into())) }
    }

    /// Sets sync up (joins or starts the journal at `place`), then a round.
    pub fn connect(
        &self,
        place: SyncPlace,
        passphrase: String,
        device_name: String,
    ) -> impl std::future::Future<Output = Result<TakeInReport, String>> + use<> {
        let (reply, answer) = oneshot::channel();
        let _ = self.jobs.send(Job::Connect {
            place,
            passphrase,
            device_name,
            reply,
        });
        async move { answer.await.unwrap_or_else(|_| Err("sync stopped".into())) }
    }

    /// A round soon (the app came back to the front).
    pub fn nudge(&self) {
        let _ = self.jobs.send(Job::Nudge);
    }
}

fn serve(
    journal: JournalHandle,
    inbox: mpsc::Receiver<Job>,
    changed: futures_channel::mpsc::UnboundedSender<TakeInReport>,
) {
    let http = reps_core::sync::platform_http();
    // The keychain is reached from this thread only, and only once sync is
    // in use (a device that never syncs never wakes the Secret Service);
    // without one the secrets stay in the journal file.
    let keychain_ready = std::cell::Cell::new(false);
    let keychain = || {
        if !keychain_ready.replace(true) {
            let _ = keychain::use_system_keychain();
        }
    };
    let round = || -> Result<TakeInReport, String> {
        keychain();
        pollster::block_on(run_as_set_up(&journal, http.clone())).map_err(|e| e.to_string())
    };
    let set_up = || {
        pollster::block_on(journal.sync_setup())
            .ok()
            .flatten()
            .is_some()
    };
    let quiet_until = std::cell::Cell::new(Instant::now());
    let report = |r: &Result<TakeInReport, String>| match r {
        Ok(r) if r.records > 0 => {
            let _ = changed.unbounded_send(r.clone());
        }
        Ok(_) => {}
        Err(_) => quiet_until.set(Instant::now() + AFTER_A_FAILURE),
    };
    // the first round right after start
    let mut next_round = Instant::now();
    let mut next_look = Instant::now() + LOOK_FOR_CHANGES;
    loop {
        let wake = next_round.min(next_look);
        let job = match inbox.recv_timeout(wake.saturating_duration_since(Instant::now())) {
            Ok(job) => Some(job),
            Err(mpsc::RecvTimeoutError::Timeout) => None,
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        };
        match job {
            Some(Job::Round(reply)) => {
                let r = if set_up() {
                    round()
                } else {
                    Err("sync is not set up on this device".into())
                };
                report(&r);
                let _ = reply.send(r);
                next_round = Instant::now() + HEAR_FROM_OTHERS;
            }
            Some(Job::Connect {
                place,
                passphrase,
                device_name,
                reply,
            }) => {
                keychain();
                let r = AnyRemote::of(&place, http.clone())
                    .map_err(|e| e.to_string())
                    .and_then(|remote| {
                        pollster::block_on(connect(
                            &journal,
                            &remote,
                            place.clone(),
                            &passphrase,
                            &device_name,
                        ))
                        .map_err(|e| e.to_string())
                    });
                report(&r);
                let _ = reply.send(r);
                next_round = Instant::now() + HEAR_FROM_OTHERS;
            }
            Some(Job::Nudge) => next_round = next_round.min(Instant::now() + SOON),
            None => {
                let now = Instant::now();
                if now >= next_look {
                    next_look = now
                        + LOOK_FOR_CHANGES.max(quiet_until.get().saturating_duration_since(now));
                    let unsent = pollster::block_on(journal.sync_view())
                        .map(|v| v.set_up && v.unsent > 0)
                        .unwrap_or(false);
                    if unsent {
                        next_round = now;
                    }
                }
                if Instant::now() >= next_round {
                    if set_up() {
                        report(&round());
                    }
                    next_round = Instant::now() + HEAR_FROM_OTHERS;
                }
            }
        }
    }
}

//! Crash safety: a child process writes to a journal the way the app does
//! (new leads, autosaved debriefs one keystroke at a time, follow-ups ticked
//! off, swipes) and is killed with SIGKILL at a random moment, over and over,
//! on the same file. After every kill the journal must open, hold every write
//! the child acknowledged, answer queries and take a new write.
//!
//! The child is this test binary run again with `REPS_CRASH_DIR` set; it
//! prints one `ack …` line to stdout after each command returned `Ok` (that
//! is, after its commit was made durable).
//!
//! `REPS_CRASH_CYCLES` sets the number of kills (default 25), and
//! `REPS_CRASH_SEED` the seed of the random schedule (default fixed).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Days;
use chrono_tz::Europe::Paris;
use reps_core::Decision;
use reps_core::{
    DebriefBody, DebriefId, FollowUpId, FollowUpState, Journal, LeadDetails, LeadId, PassReason,
    Source, Status, SystemClock,
};

const DIR_VAR: &str = "REPS_CRASH_DIR";
const SEED_VAR: &str = "REPS_CRASH_SEED";
const CYCLES_VAR: &str = "REPS_CRASH_CYCLES";
/// A child never runs longer than this, even if its parent vanished.
const CHILD_MAX_RUN: Duration = Duration::from_secs(60);

/// What the user "types", one character per autosave; multi-byte characters
/// included on purpose.
const TEXT: &str = "Asked about the café migration — I rambled; next time: STAR, \
                    numbers first, 90 s max. Ça s'est bien passé ✓ overall. ";

/// The notes after `n` keystrokes.
fn typed(n: usize) -> String {
    TEXT.chars().cycle().take(n).collect()
}

fn clock() -> SystemClock {
    SystemClock { tz: Paris }
}

/// SplitMix64: small, deterministic, good enough to pick sleeps and commands.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// One acknowledged write, as printed by the child.
#[derive(Debug, Clone, PartialEq)]
enum Ack {
    Lead(LeadId),
    Debrief(DebriefId, usize),
    FollowUp(FollowUpId),
    Decide(LeadId, Status),
}

impl Ack {
    fn line(&self) -> String {
        match self {
            Ack::Lead(id) => format!("ack lead {id}\n"),
            Ack::Debrief(id, len) => format!("ack debrief {id} {len}\n"),
            Ack::FollowUp(id) => format!("ack followup {id}\n"),
            Ack::Decide(id, status) => format!("ack decide {id} {}\n", status.code()),
        }
    }

    /// Only a whole line counts: a kill can never leave half an ack behind,
    /// but the parser refuses anything it does not fully understand.
    fn parse(line: &str) -> Option<Self> {
        let line = line.strip_suffix('\n')?;
        let mut parts = line.split(' ');
        if parts.next()? != "ack" {
            return None;
        }
        let ack = match (parts.next()?, parts.next()?) {
            ("lead", id) => Ack::Lead(id.parse().ok()?),
            ("debrief", id) => Ack::Debrief(id.parse().ok()?, parts.next()?.parse().ok()?),
            ("followup", id) => Ack::FollowUp(id.parse().ok()?),
            ("decide", id) => {
                let code: u8 = parts.next()?.parse().ok()?;
                let status = Status::ALL.into_iter().find(|s| s.code() == code)?;
                Ack::Decide(id.parse().ok()?, status)
            }
            _ => return None,
        };
        parts.next().is_none().then_some(ack)
    }
}

/// Writes one ack line in a single `write` so a kill cannot split it.
fn ack(out: &mut std::io::Stdout, a: &Ack) -> bool {
    let mut out = out.lock();
    out.write_all(a.line().as_bytes()).is_ok() && out.flush().is_ok()
}

/// The child: writes until it is killed (or its parent stops reading).
#[test]
#[ignore = "run by `crash_recovery_keeps_every_acknowledged_write` as a child process"]
fn crash_child() {
    let Some(dir) = std::env::var_os(DIR_VAR) else {
        return;
    };
    let seed = std::env::var(SEED_VAR)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let journal = Journal::open(PathBuf::from(dir), clock()).expect("child: open journal");
    let mut rng = Rng::new(seed);
    let mut out = std::io::stdout();
    let started = Instant::now();
    let sources = [
        Source::RecruiterCall,
        Source::JobBoard,
        Source::Referral,
        Source::Inbound,
        Source::Network,
    ];
    let mut n = 0u64;
    while started.elapsed() < CHILD_MAX_RUN {
        n += 1;
        // A new lead (some of them owe a reply, which schedules a follow-up).
        let source = sources[rng.range(0, sources.len() as u64 - 1) as usize];
        let mut details = LeadDetails::new(format!("Company {seed}-{n}"), "Engineer", source);
        details.location = "Lyon".into();
        let lead = journal.add_lead(details).expect("child: add_lead");
        if !ack(&mut out, &Ack::Lead(lead.id)) {
            return;
        }

        // Now and then, a follow-up is ticked off.
        if rng.chance(30) {
            let open = journal
                .follow_ups_for_lead(lead.id)
                .expect("child: follow-ups")
                .into_iter()
                .find(|f| f.state == FollowUpState::Open);
            if let Some(f) = open {
                journal
                    .complete_follow_up(f.id)
                    .expect("child: complete_follow_up");
                if !ack(&mut out, &Ack::FollowUp(f.id)) {
                    return;
                }
            }
        }

        // Most leads get a debrief, typed one keystroke per autosave.
        if rng.chance(70) {
            let d = journal
                .start_debrief(None, Some(lead.id))
                .expect("child: start_debrief");
            if !ack(&mut out, &Ack::Debrief(d.id, 0)) {
                return;
            }
            let mut body = DebriefBody::default();
            // Some debriefs carry "they promised an answer by…", which
            // schedules a check-in in the same commit as the keystroke.
            if rng.chance(30) {
                body.next_step_by = journal.now().local_date().checked_add_days(Days::new(7));
            }
            let keystrokes = rng.range(5, 80) as usize;
            for len in 1..=keystrokes {
                body.notes = typed(len);
                journal
                    .save_debrief(d.id, body.clone())
                    .expect("child: save_debrief");
                if !ack(&mut out, &Ack::Debrief(d.id, len)) {
                    return;
                }
            }
        }

        // Now and then, a swipe.
        if rng.chance(35) {
            let decision = match rng.range(0, 2) {
                0 => Decision::Take,
                1 => Decision::NeedInfo,
                _ => Decision::Pass {
                    reason: PassReason::ClearMismatch,
                    note: "relocation".into(),
                },
            };
            let decided = journal.decide(lead.id, decision).expect("child: decide");
            if !ack(&mut out, &Ack::Decide(lead.id, decided.lead.status)) {
                return;
            }
        }
    }
}

/// What the parent knows was acknowledged, merged over all cycles.
#[derive(Default)]
struct Acked {
    leads: Vec<LeadId>,
    /// Longest acked notes per debrief.
    debriefs: HashMap<DebriefId, usize>,
    follow_ups: Vec<FollowUpId>,
    decisions: HashMap<LeadId, Status>,
    /// Ack lines received in total.
    writes: u64,
}

impl Acked {
    fn record(&mut self, a: Ack) {
        self.writes += 1;
        match a {
            Ack::Lead(id) => self.leads.push(id),
            Ack::Debrief(id, len) => {
                let e = self.debriefs.entry(id).or_insert(0);
                *e = (*e).max(len);
            }
            Ack::FollowUp(id) => self.follow_ups.push(id),
            Ack::Decide(id, s) => {
                self.decisions.insert(id, s);
            }
        }
    }
}

/// Checks everything acknowledged so far against the reopened journal.
fn verify(path: &Path, acked: &Acked, cycle: usize) -> Journal {
    let journal = Journal::open(path, clock())
        .unwrap_or_else(|e| panic!("cycle {cycle}: the journal does not reopen after a kill: {e}"));
    let counts = journal
        .counts()
        .unwrap_or_else(|e| panic!("cycle {cycle}: counts failed: {e}"));
    assert!(
        counts.leads >= acked.leads.len() as u64,
        "cycle {cycle}: {} leads stored, {} acknowledged",
        counts.leads,
        acked.leads.len()
    );
    assert!(
        counts.debriefs >= acked.debriefs.len() as u64,
        "cycle {cycle}: {} debriefs stored, {} acknowledged",
        counts.debriefs,
        acked.debriefs.len()
    );
    for id in &acked.leads {
        journal
            .lead(*id)
            .unwrap_or_else(|e| panic!("cycle {cycle}: acknowledged lead {id} lost: {e}"));
    }
    for (id, len) in &acked.debriefs {
        let d = journal
            .debrief(*id)
            .unwrap_or_else(|e| panic!("cycle {cycle}: acknowledged debrief {id} lost: {e}"));
        let got = d.body.notes.chars().count();
        assert!(
            got >= *len,
            "cycle {cycle}: debrief {id} has {got} characters, {len} were acknowledged"
        );
        // The child saves and then acks, one save at a time: at most the one
        // save in flight at the kill can be there without its ack.
        assert!(
            got <= len + 1,
            "cycle {cycle}: debrief {id} has {got} characters, only {len} were acknowledged"
        );
        assert!(
            d.body.notes.starts_with(&typed(*len)) && d.body.notes == typed(got),
            "cycle {cycle}: debrief {id} notes are not what was typed: {:?}",
            d.body.notes
        );
        // The index row was committed with the record.
        if let Some(lead) = d.lead {
            let listed = journal
                .debriefs_for_lead(lead)
                .unwrap_or_else(|e| panic!("cycle {cycle}: debriefs_for_lead: {e}"));
            assert!(
                listed.iter().any(|x| x.id == *id),
                "cycle {cycle}: debrief {id} missing from its lead's index"
            );
        }
    }
    for id in &acked.follow_ups {
        let f = journal
            .follow_up(*id)
            .unwrap_or_else(|e| panic!("cycle {cycle}: acknowledged follow-up {id} lost: {e}"));
        assert!(
            matches!(f.state, FollowUpState::Done(_)),
            "cycle {cycle}: follow-up {id} was acknowledged done but is {:?}",
            f.state
        );
    }
    for (id, status) in &acked.decisions {
        let lead = journal.lead(*id).expect("decided lead");
        assert_eq!(
            lead.status, *status,
            "cycle {cycle}: lead {id} lost its acknowledged decision"
        );
    }
    journal
}

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn crash_recovery_keeps_every_acknowledged_write() {
    let cycles = env_u64(CYCLES_VAR, 25) as usize;
    let base_seed = env_u64(SEED_VAR, 0x5EED_CAFE);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("journal.redb");
    let exe = std::env::current_exe().expect("test binary path");
    let mut acked = Acked::default();
    let mut parent_writes = 0u64;
    let mut kills_before_first_ack = 0usize;
    let mut slept_total = Duration::ZERO;
    let started = Instant::now();

    for cycle in 0..cycles {
        let seed = base_seed ^ (cycle as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mut rng = Rng::new(seed);
        let mut child = Command::new(&exe)
            .args(["--exact", "crash_child", "--ignored", "--nocapture"])
            .env(DIR_VAR, &path)
            .env(SEED_VAR, seed.to_string())
            .env("RUST_BACKTRACE", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn child");
        let stdout = child.stdout.take().expect("child stdout");
        let mut stderr = child.stderr.take().expect("child stderr");
        let reader = std::thread::spawn(move || {
            let mut acks = Vec::new();
            let mut r = BufReader::new(stdout);
            let mut line = String::new();
            loop {
                line.clear();
                match r.read_line(&mut line) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => acks.extend(Ack::parse(&line)),
                }
            }
            acks
        });
        let err_reader = std::thread::spawn(move || {
            let mut s = String::new();
            let _ = stderr.read_to_string(&mut s);
            s
        });

        let nap = Duration::from_millis(rng.range(5, 150));
        slept_total += nap;
        std::thread::sleep(nap);
        let early_exit = child.try_wait().expect("try_wait");
        child.kill().expect("kill child");
        let status = child.wait().expect("wait child");
        let acks = reader.join().expect("stdout reader");
        let errors = err_reader.join().expect("stderr reader");
        if let Some(st) = early_exit {
            panic!("cycle {cycle}: the child stopped by itself ({st}) before the kill:\n{errors}");
        }
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            assert_eq!(
                status.signal(),
                Some(libc::SIGKILL),
                "cycle {cycle}: child ended with {status}:\n{errors}"
            );
        }
        #[cfg(not(unix))]
        let _ = status;
        if acks.is_empty() {
            kills_before_first_ack += 1;
        }
        for a in acks {
            acked.record(a);
        }

        let journal = verify(&path, &acked, cycle);
        // The reopened journal takes a new write, which must survive too.
        let lead = journal
            .add_lead(LeadDetails::new(
                format!("After crash {cycle}"),
                "Engineer",
                Source::JobBoard,
            ))
            .unwrap_or_else(|e| panic!("cycle {cycle}: no write after recovery: {e}"));
        acked.leads.push(lead.id);
        parent_writes += 1;
        drop(journal);
    }

    // One last look, and a full export of what survived must read back.
    let journal = verify(&path, &acked, cycles);
    let export = journal.export_json().expect("export after crashes");
    reps_core::formats::backup::parse(&export).expect("the export after crashes reads back");
    let counts = journal.counts().expect("counts");
    println!(
        "crash test: {cycles} kills in {:.1?} (mean sleep {:.0?}, {kills_before_first_ack} before the first ack); \
         {} acknowledged writes verified ({} leads, {} debriefs, {} follow-ups completed, {} decisions) \
         plus {parent_writes} writes after recovery; journal holds {counts:?}",
        started.elapsed(),
        slept_total / cycles.max(1) as u32,
        acked.writes,
        acked.leads.len() - parent_writes as usize,
        acked.debriefs.len(),
        acked.follow_ups.len(),
        acked.decisions.len(),
    );
}

//! Arbitrary bytes as a calendar invite: `parse_invite_file` must refuse
//! them or read them, never panic or hang; every invite read is imported into
//! a fresh journal (which may refuse one, by field), and the journal's own
//! calendar export must read back with every imported interview at the same
//! instant and length.
//!
//! Run: `cargo +nightly fuzz run import_ics fuzz/seeds/import_ics -- -dict=fuzz/import_ics.dict`.
//! The same path is replayed on stable by `crates/reps-core/tests/calendar.rs`
//! (`the_fuzz_seeds_and_regressions_replay`).

#![no_main]

use libfuzzer_sys::fuzz_target;
use reps_core::formats::ics;
use reps_core::{Journal, ManualClock, Stamp};

/// The journal's clock (the stable replay uses the same one).
const NOW: &str = "2026-11-23T10:00:00+01:00[Europe/Paris]";

fuzz_target!(|data: &[u8]| {
    let Ok(invites) = ics::parse_invite_file(data) else {
        return;
    };
    let now: Stamp = NOW.parse().expect("clock stamp");
    let journal = Journal::in_memory(ManualClock::new(now)).expect("in-memory journal");
    let mut imported = Vec::new();
    for invite in invites.iter().take(8) {
        if let Ok(done) = journal.import_invite(invite, None) {
            imported.push(done.interview);
        }
    }
    if imported.is_empty() {
        return;
    }
    let text = journal.export_calendar().expect("exporting the journal");
    let back = ics::parse_invites(&text)
        .unwrap_or_else(|e| panic!("the export does not read back: {e}\n{text}"));
    for iv in &imported {
        let uid = format!("{}@reps.journal", iv.id);
        let Some(read) = back.iter().find(|b| b.uid == uid) else {
            panic!("interview {uid} is missing from the export\n{text}");
        };
        assert_eq!(read.start.utc(), iv.plan.start.utc(), "{uid}\n{text}");
        assert_eq!(read.minutes, iv.plan.minutes, "{uid}\n{text}");
    }
});

//! Arbitrary bytes as a backup file: `parse` must refuse them or accept them,
//! never panic; an accepted backup is imported into a fresh journal, and if
//! the import succeeds, the journal's own export must parse again.
//!
//! Run: `cargo +nightly fuzz run import_backup fuzz/seeds/import_backup -- -dict=fuzz/import_backup.dict`.
//! The same path is replayed on stable by `crates/reps-core/tests/fuzz_regressions.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use reps_core::formats::backup;
use reps_core::{Journal, ManualClock, Stamp};

/// The journal's clock (the stable replay uses the same one).
const NOW: &str = "2026-11-23T10:00:00+01:00[Europe/Paris]";

fuzz_target!(|data: &[u8]| {
    let Ok(parsed) = backup::parse(data) else {
        return;
    };
    let now: Stamp = NOW.parse().expect("clock stamp");
    let journal = Journal::in_memory(ManualClock::new(now)).expect("in-memory journal");
    if journal.import(parsed).is_err() {
        return;
    }
    let export = journal
        .export_json()
        .expect("exporting a journal that just imported a backup");
    if let Err(e) = backup::parse(&export) {
        panic!(
            "the import succeeded but its export does not parse: {e}\nexport:\n{}",
            String::from_utf8_lossy(&export)
        );
    }
});

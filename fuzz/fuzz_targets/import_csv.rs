//! Arbitrary bytes as another tracker's CSV export: the preview must read
//! them or refuse them with an error, never panic. When the file-only preview
//! has rows and no problems, the journal's preview must agree with it, and
//! then either list a problem (a date after today) and be refused, or import
//! whole into a fresh journal: one lead per row.
//!
//! Run: `cargo +nightly fuzz run import_csv fuzz/seeds/import_csv -- -dict=fuzz/import_csv.dict`.
//! The same path is replayed on stable by `crates/reps-core/tests/spreadsheet.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use reps_core::formats::tracker_import;
use reps_core::{Journal, ManualClock, Stamp};

/// The journal's clock (the stable replay uses the same one).
const NOW: &str = "2026-11-23T10:00:00+01:00[Europe/Paris]";

fuzz_target!(|data: &[u8]| {
    // Most inputs end in the file-only preview, which needs no journal.
    let Ok((text, _)) = tracker_import::decode_tracker_bytes(data) else {
        return;
    };
    let Ok(pure) = tracker_import::preview_tracker_csv(&text, None) else {
        return;
    };
    if !pure.problems.is_empty() || pure.rows.is_empty() {
        return;
    }
    let now: Stamp = NOW.parse().expect("clock stamp");
    let journal = Journal::in_memory(ManualClock::new(now)).expect("in-memory journal");
    let preview = journal
        .preview_tracker_import(data, None)
        .expect("the journal reads what the file-only preview read");
    assert_eq!(preview.rows.len(), pure.rows.len());
    if !preview.problems.is_empty() {
        assert!(
            journal.import_tracker_rows(&preview).is_err(),
            "a preview with problems was imported"
        );
        assert!(journal.all_leads().expect("leads").is_empty());
        return;
    }
    let added = match journal.import_tracker_rows(&preview) {
        Ok(n) => n,
        Err(e) => panic!("a preview without problems was refused: {e}\n{preview:#?}"),
    };
    assert_eq!(added, preview.rows.len(), "one lead per row");
    assert_eq!(journal.all_leads().expect("leads").len(), added);
});

//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::sync::Arc;

use reps_core::{Journal, ManualClock, Stamp};

pub fn at(s: &str) -> Stamp {
    s.parse().expect("stamp")
}

pub fn clock(s: &str) -> Arc<ManualClock> {
    Arc::new(ManualClock::new(at(s)))
}

pub fn memory(now: &str) -> (Journal, Arc<ManualClock>) {
    let c = clock(now);
    (Journal::in_memory(c.clone()).expect("journal"), c)
}

/// The journal's content, without the export time, for before/after comparisons.
pub fn snapshot(j: &Journal) -> String {
    let mut b = j.export().expect("export");
    b.exported = at("2000-01-01T00:00:00Z[UTC]");
    serde_json::to_string(&b).expect("json")
}

/// The repository's top-level `tests/fixtures` folder.
pub fn fixtures() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

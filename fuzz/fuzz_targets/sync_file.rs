//! Arbitrary bytes as a file found in the sync folder. Opening it with the
//! journal key must refuse it or read it, never panic; read as a sync
//! file's plaintext (as if a device with the key had written it), taking it
//! in must merge it or set it aside, never panic, and leave a journal that
//! still exports.
//!
//! Run: `cargo +nightly fuzz run sync_file fuzz/seeds/sync_file`.
//! The same path is replayed on stable by `crates/reps-core/tests/sync_devices.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use reps_core::journal::sync::{SyncPlace, SyncSetup};
use reps_core::sync::file::{FileName, SyncFile};
use reps_core::sync::{JournalKey, Listed};
use reps_core::{Journal, ManualClock, Stamp};

/// A key made for the fuzzer (the stable replay uses the same one).
const KEY: &str = "AGE-SECRET-KEY-1S95RQ44F4QPS43TKM73M2SVSLF8U4N9US2K6JUQVYY8KAFEJ8LEQQHT53C";
const NOW: &str = "2026-11-23T10:00:00+01:00[Europe/Paris]";

fuzz_target!(|data: &[u8]| {
    let key = JournalKey::from_secret(KEY).expect("the fuzzer's key");
    let _ = key.open(data);
    if SyncFile::decode(data).is_err() {
        return;
    }
    let now: Stamp = NOW.parse().expect("clock stamp");
    let journal = Journal::in_memory(ManualClock::new(now)).expect("in-memory journal");
    journal
        .save_sync_setup(&SyncSetup {
            place: SyncPlace::Folder {
                path: "/nowhere".into(),
            },
            key: KEY.into(),
            device_name: "Fuzzer".into(),
            keychain: None,
        })
        .expect("sync setup");
    let sealed = key.seal(data).expect("sealing");
    let name = FileName {
        device: 1,
        seq: 1,
        nonce: 1,
    }
    .to_string();
    let listing = vec![Listed {
        name: name.clone(),
        size: sealed.len() as u64,
    }];
    let _ = journal.sync_take_in(KEY, &listing, vec![(name, sealed)]);
    journal
        .export_json()
        .expect("the journal still exports after taking a file in");
});

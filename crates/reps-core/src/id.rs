//! Record identifiers: globally unique and ordered by creation time (UUIDv7),
//! so that journals on two devices can later be merged without collisions and
//! a key range scan returns records oldest first.

use std::fmt;
use std::str::FromStr;
use std::sync::Mutex;

use uuid::{ContextV7, Timestamp, Uuid};

use crate::time::Stamp;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// The 128-bit key used in storage tables.
            pub fn key(&self) -> u128 {
                self.0.as_u128()
            }
            /// Rebuilds an id from a storage key.
            pub fn from_key(key: u128) -> Self {
                Self(Uuid::from_u128(key))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, ":{}"), self.0)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    };
}

id_type!(
    /// Identifies a [`crate::Lead`].
    LeadId, "lead"
);
id_type!(
    /// Identifies a [`crate::Interview`].
    InterviewId, "interview"
);
id_type!(
    /// Identifies a [`crate::Debrief`].
    DebriefId, "debrief"
);
id_type!(
    /// Identifies a [`crate::Contact`].
    ContactId, "contact"
);
id_type!(
    /// Identifies a [`crate::FollowUp`].
    FollowUpId, "followup"
);
id_type!(
    /// Identifies a [`crate::ChecklistTemplate`].
    TemplateId, "template"
);
id_type!(
    /// Identifies a practice [`crate::Card`].
    CardId, "card"
);
id_type!(
    /// Identifies one item inside a checklist or a question inside a debrief.
    ItemId, "item"
);

/// Hands out UUIDv7 values from the journal's clock, strictly increasing
/// within one process even when the clock stands still (a test clock).
#[derive(Debug)]
pub struct IdGen {
    context: Mutex<ContextV7>,
}

impl Default for IdGen {
    fn default() -> Self {
        Self::new()
    }
}

impl IdGen {
    /// A fresh generator.
    pub fn new() -> Self {
        Self {
            context: Mutex::new(ContextV7::new()),
        }
    }

    /// A new id for a record created at `at`.
    pub fn next(&self, at: Stamp) -> Uuid {
        let ctx = self.context.lock().unwrap_or_else(|e| e.into_inner());
        let utc = at.utc();
        let secs = u64::try_from(utc.timestamp()).unwrap_or(0);
        Uuid::new_v7(Timestamp::from_unix(
            &*ctx,
            secs,
            utc.timestamp_subsec_nanos(),
        ))
    }
}

/// The id of a record a rule creates: a UUIDv7 stamped `at` (the time the
/// rule ties it to) whose other bits come from `rule` alone, so two devices
/// that plan "the same" record offline give it the same id and their
/// copies merge into one.
pub fn derived(rule: &str, at: Stamp) -> Uuid {
    use sha2::Digest;
    let hash = sha2::Sha256::digest(format!("reps-rule\n{rule}").as_bytes());
    let mut bits = [0u8; 10];
    bits.copy_from_slice(&hash[..10]);
    let millis = u64::try_from(at.utc().timestamp_millis()).unwrap_or(0);
    uuid::Builder::from_unix_timestamp_millis(millis, &bits).into_uuid()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::at;

    #[test]
    fn ids_a_rule_derives_agree_across_devices_and_differ_by_rule() {
        let t = at("2026-05-01T10:00:00Z[UTC]");
        assert_eq!(derived("thank-you:1", t), derived("thank-you:1", t));
        assert_ne!(derived("thank-you:1", t), derived("thank-you:2", t));
        assert_eq!(derived("thank-you:1", t).get_version_num(), 7);
        assert!(derived("a", t) < derived("a", at("2026-05-02T10:00:00Z[UTC]")));
    }

    #[test]
    fn ids_from_one_clock_instant_are_unique_and_increasing() {
        let ids = IdGen::new();
        let t = at("2026-05-01T10:00:00Z[UTC]");
        let mut last = ids.next(t);
        for _ in 0..1000 {
            let next = ids.next(t);
            assert!(next > last);
            last = next;
        }
    }

    #[test]
    fn later_records_sort_after_earlier_ones() {
        let ids = IdGen::new();
        let a = ids.next(at("2026-05-01T10:00:00Z[UTC]"));
        let b = IdGen::new().next(at("2026-05-02T10:00:00Z[UTC]"));
        assert!(LeadId(a).key() < LeadId(b).key());
    }

    #[test]
    fn ids_round_trip_through_text_and_keys() {
        let id = LeadId(IdGen::new().next(at("2026-05-01T10:00:00Z[UTC]")));
        assert_eq!(id.to_string().parse::<LeadId>().unwrap(), id);
        assert_eq!(LeadId::from_key(id.key()), id);
    }
}

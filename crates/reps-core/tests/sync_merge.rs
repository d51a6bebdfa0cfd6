//! The merge engine, model-based: three devices edit the same debrief and
//! lead offline (typing into the same note, changing fields, appending to
//! the stage history) and exchange their documents at random, late, twice
//! or not at all until the end. After a full exchange every device reads
//! the same records, no word any device typed is missing, every stage
//! entry is kept, merging again changes nothing, and a save and load gives
//! back the same document (automerge #1269).

mod common;

use common::at;
use proptest::prelude::*;
use reps_core::sync::doc::RecordDoc;
use reps_core::*;
use uuid::Uuid;

const DEVICES: usize = 3;

#[derive(Debug, Clone)]
enum Op {
    /// Device types a word at the start or the end of the debrief's notes.
    Type { device: usize, at_end: bool },
    /// Device sets the lead's location.
    Locate { device: usize },
    /// Device moves the lead (a stage entry appended).
    Move { device: usize },
    /// `to` takes in what `from` has.
    Merge { from: usize, to: usize },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..DEVICES, any::<bool>()).prop_map(|(device, at_end)| Op::Type { device, at_end }),
        (0..DEVICES).prop_map(|device| Op::Locate { device }),
        (0..DEVICES).prop_map(|device| Op::Move { device }),
        (0..DEVICES, 0..DEVICES).prop_map(|(from, to)| Op::Merge { from, to }),
    ]
}

struct Device {
    debrief: RecordDoc,
    lead: RecordDoc,
}

fn debrief() -> Debrief {
    Debrief {
        id: DebriefId(Uuid::from_u128(1)),
        created: at("2026-06-01T12:00:00Z[UTC]"),
        updated: at("2026-06-01T12:00:00Z[UTC]"),
        interview: None,
        lead: None,
        body: DebriefBody {
            notes: "start".into(),
            ..Default::default()
        },
    }
}

fn lead() -> Lead {
    Lead::new(
        LeadId(Uuid::from_u128(2)),
        at("2026-06-01T10:00:00Z[UTC]"),
        LeadDetails::new("Acme", "Engineer", Source::JobBoard),
        Status::New,
    )
}

fn merge(devices: &mut [Device], from: usize, to: usize) {
    if from == to {
        return;
    }
    let (a, b) = if from < to {
        let (l, r) = devices.split_at_mut(to);
        (&mut l[from], &mut r[0])
    } else {
        let (l, r) = devices.split_at_mut(from);
        (&mut r[0], &mut l[to])
    };
    b.debrief.merge(&mut a.debrief).unwrap();
    b.lead.merge(&mut a.lead).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn devices_converge_and_keep_every_word(ops in prop::collection::vec(op(), 1..60)) {
        // every device starts from the same journal (the first one's documents)
        let mut first = Device { debrief: RecordDoc::new(b"device-0"), lead: RecordDoc::new(b"device-0") };
        first.debrief.write(&debrief()).unwrap();
        first.lead.write(&lead()).unwrap();
        let (d, l) = (first.debrief.save(), first.lead.save());
        let mut devices = vec![first];
        for n in 1..DEVICES {
            let actor = format!("device-{n}");
            devices.push(Device {
                debrief: RecordDoc::load(&d, actor.as_bytes()).unwrap(),
                lead: RecordDoc::load(&l, actor.as_bytes()).unwrap(),
            });
        }
        let mut words = Vec::new();
        let mut moves = 0;
        for (n, op) in ops.iter().enumerate() {
            match *op {
                Op::Type { device, at_end } => {
                    let mut rec: Debrief = devices[device].debrief.read("debrief").unwrap();
                    let word = format!("w{n}x");
                    rec.body.notes = if at_end {
                        format!("{} {word}", rec.body.notes)
                    } else {
                        format!("{word} {}", rec.body.notes)
                    };
                    devices[device].debrief.write(&rec).unwrap();
                    words.push(word);
                }
                Op::Locate { device } => {
                    let mut rec: Lead = devices[device].lead.read("lead").unwrap();
                    rec.details.location = format!("place {n}");
                    devices[device].lead.write(&rec).unwrap();
                }
                Op::Move { device } => {
                    let mut rec: Lead = devices[device].lead.read("lead").unwrap();
                    rec.history.push(StatusChange::to(Status::Deciding, at("2026-06-02T10:00:00Z[UTC]")));
                    devices[device].lead.write(&rec).unwrap();
                    moves += 1;
                }
                Op::Merge { from, to } => merge(&mut devices, from, to),
            }
        }
        // full exchange: everyone to device 0, then device 0 to everyone
        for n in 1..DEVICES {
            merge(&mut devices, n, 0);
        }
        for n in 1..DEVICES {
            merge(&mut devices, 0, n);
        }
        let d0: Debrief = devices[0].debrief.read("debrief").unwrap();
        let l0: Lead = devices[0].lead.read("lead").unwrap();
        for dev in &devices[1..] {
            prop_assert_eq!(&dev.debrief.read::<Debrief>("debrief").unwrap(), &d0);
            prop_assert_eq!(&dev.lead.read::<Lead>("lead").unwrap(), &l0);
        }
        for w in &words {
            prop_assert!(d0.body.notes.contains(w.as_str()), "{} lost from {:?}", w, d0.body.notes);
        }
        prop_assert!(d0.body.notes.contains("start"));
        prop_assert_eq!(l0.history.len(), lead().history.len() + moves);
        // merging again changes nothing; a save and load reads the same
        let before = devices[0].debrief.save();
        merge(&mut devices, 1, 0);
        prop_assert_eq!(devices[0].debrief.save(), before);
        let reloaded = RecordDoc::load(&devices[0].lead.save(), b"device-9").unwrap();
        prop_assert_eq!(reloaded.read::<Lead>("lead").unwrap(), l0);
    }
}

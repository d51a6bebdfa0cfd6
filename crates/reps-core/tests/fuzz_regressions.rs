//! Replays the backup importer's fuzzing inputs on stable Rust, so CI checks
//! them without nightly or libFuzzer: every file of
//! `fuzz/seeds/import_backup/` and `fuzz/regressions/import_backup/` goes
//! through the same path as the `import_backup` fuzz target
//! (`fuzz/fuzz_targets/import_backup.rs`):
//! parse → import into a fresh journal → export → parse the export.
//!
//! The seeds are valid backups written by this journal; regenerate them after
//! a change of the backup layout with
//! `REPS_WRITE_SEEDS=1 cargo test -p reps-core --test fuzz_regressions -- --ignored write_seeds`.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate};
use reps_core::Decision;
use reps_core::formats::backup;
use reps_core::{
    ContactDetails, DebriefBody, FollowUpKind, InterviewKind, InterviewPlan, ItemId, Journal,
    LeadDetails, ManualClock, NewFollowUp, Offer, Outcome, PassReason, PayPeriod, PayRange,
    Provenance, Question, Rating, RedFlag, RedFlagKind, Skill, Source, Stage, Stamp, Status,
    TemplateItem, When,
};

/// The journal's clock during replay (the fuzz target uses the same one).
const NOW: &str = "2026-11-23T10:00:00+01:00[Europe/Paris]";

/// What one input did. Anything else (a panic) is a bug.
#[derive(Debug, PartialEq, Eq)]
enum Replay {
    /// `parse` refused it.
    Refused,
    /// Parsed, but the import refused it (e.g. a dangling reference).
    ImportRefused,
    /// Imported, exported, and the export read back.
    RoundTripped,
}

/// The fuzz target's body: panics on a bug, returns what happened otherwise.
fn round_trip(bytes: &[u8]) -> Replay {
    let Ok(parsed) = backup::parse(bytes) else {
        return Replay::Refused;
    };
    let now: Stamp = NOW.parse().expect("clock stamp");
    let journal = Journal::in_memory(ManualClock::new(now)).expect("in-memory journal");
    if journal.import(parsed).is_err() {
        return Replay::ImportRefused;
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
    Replay::RoundTripped
}

fn fuzz_dir(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz")
        .join(kind)
        .join("import_backup")
}

/// Files of a directory, sorted; none if it does not exist.
fn inputs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Runs every file, collecting panics so one report names every failing input.
fn replay(files: &[PathBuf]) -> Vec<(PathBuf, Result<Replay, String>)> {
    files
        .iter()
        .map(|path| {
            let bytes = std::fs::read(path).expect("read input");
            let got = catch_unwind(AssertUnwindSafe(|| round_trip(&bytes))).map_err(|p| {
                p.downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "panic".into())
            });
            (path.clone(), got)
        })
        .collect()
}

fn assert_no_panic(results: &[(PathBuf, Result<Replay, String>)]) {
    let failed: Vec<String> = results
        .iter()
        .filter_map(|(p, r)| r.as_ref().err().map(|e| format!("{}: {e}", p.display())))
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {} inputs hit a bug:\n{}",
        failed.len(),
        results.len(),
        failed.join("\n")
    );
}

#[test]
fn seeds_are_valid_backups_that_round_trip() {
    let files = inputs(&fuzz_dir("seeds"));
    assert!(
        !files.is_empty(),
        "no seeds in {}",
        fuzz_dir("seeds").display()
    );
    let results = replay(&files);
    assert_no_panic(&results);
    for (path, got) in &results {
        assert_eq!(
            got.as_ref().ok(),
            Some(&Replay::RoundTripped),
            "seed {} should be a valid, importable backup",
            path.display()
        );
    }
}

#[test]
fn fuzz_regressions_do_not_panic() {
    let files = inputs(&fuzz_dir("regressions"));
    assert_no_panic(&replay(&files));
}

/// Writes the seed backups (see the module docs). Ignored: run it by hand.
#[test]
#[ignore = "writes fuzz/seeds/import_backup; run by hand with REPS_WRITE_SEEDS=1"]
fn write_seeds() {
    if std::env::var_os("REPS_WRITE_SEEDS").is_none() {
        return;
    }
    let dir = fuzz_dir("seeds");
    std::fs::create_dir_all(&dir).expect("seed dir");
    let write = |name: &str, bytes: Vec<u8>| {
        assert_eq!(round_trip(&bytes), Replay::RoundTripped, "{name}");
        std::fs::write(dir.join(name), bytes).expect("write seed");
    };

    // A fresh journal: settings and the default template only.
    let (fresh, _) = journal("2026-01-05T09:00:00+01:00[Europe/Paris]");
    write("fresh.json", fresh.export_json().unwrap());

    // A small one, compact JSON rather than pretty.
    let (small, clock) = journal("2026-02-02T08:30:00-05:00[America/New_York]");
    let lead = small
        .add_lead(LeadDetails::new(
            "Initech",
            "Backend developer",
            Source::JobBoard,
        ))
        .unwrap();
    clock.advance(Duration::hours(2));
    let d = small.start_debrief(None, Some(lead.id)).unwrap();
    small
        .save_debrief(
            d.id,
            DebriefBody {
                notes: "Short call, nice people.".into(),
                ..Default::default()
            },
        )
        .unwrap();
    let compact = serde_json::to_vec(&small.export().unwrap()).unwrap();
    write("small-compact.json", compact);

    // Everything the journal holds, in several zones.
    let (full, clock) = journal("2026-03-27T09:00:00+01:00[Europe/Paris]");
    full.add_contact(ContactDetails {
        company: "Globex".into(),
        role: "Recruiter".into(),
        met_where: "Meetup".into(),
        met_on: NaiveDate::from_ymd_opt(2026, 3, 1),
        reach: "ana@example.com".into(),
        cadence_days: Some(90),
        notes: "Very kind.".into(),
        ..ContactDetails::named("Ana Lima")
    })
    .unwrap();
    let contact = full.add_contact(ContactDetails::named("Bo")).unwrap();
    let template = full
        .save_template(
            None,
            "Tech interviews",
            vec![
                TemplateItem {
                    id: ItemId(uuid::Uuid::nil()),
                    text: "Re-read the job ad".into(),
                    when: When::DayBefore,
                },
                TemplateItem {
                    id: ItemId(uuid::Uuid::nil()),
                    text: "Water, charger".into(),
                    when: When::HourBefore,
                },
            ],
        )
        .unwrap();
    full.set_default_template(template.id).unwrap();
    let mut details = LeadDetails::new("Globex", "Staff engineer", Source::RecruiterCall);
    details.pay = Some(PayRange {
        min: Some(70_000),
        max: Some(90_000),
        currency: "EUR".into(),
        period: PayPeriod::Year,
    });
    details.location = "Paris".into();
    details.work_mode = Some(reps_core::WorkMode::Hybrid);
    details.link = "https://example.com/jobs/1".into();
    details.dream_job = true;
    details.seen = "Fast replies".into();
    details.heard = "Long hours, says a forum".into();
    let globex = full.add_lead(details).unwrap();
    full.decide(globex.id, Decision::Take).unwrap();
    clock.advance(Duration::days(1));
    let mut plan = InterviewPlan::new(
        "2026-03-30T14:00:00+02:00[Europe/Paris]".parse().unwrap(),
        60,
        InterviewKind::Video,
        Stage::HiringManager,
    );
    plan.video_link = "https://meet.example.com/abc".into();
    plan.people = vec![contact.id];
    let iv = full.schedule_interview(globex.id, plan).unwrap().interview;
    let first_item = full.checklist(iv.id).unwrap().groups[0].items[0].id;
    full.tick(iv.id, first_item, true).unwrap();
    full.move_lead(
        globex.id,
        Status::Interviewing,
        Some(Stage::Custom("Take-home".into())),
        "recruiter called back",
    )
    .unwrap();
    clock.advance(Duration::days(3));
    full.capture_debrief(
        Some(iv.id),
        None,
        DebriefBody {
            feel: Some(Rating::new("feel", 4).unwrap()),
            confidence: Some(Rating::new("confidence", 3).unwrap()),
            improve: "Salary question".into(),
            went_well: "System design".into(),
            strengths: vec![Skill::Examples, Skill::Custom("Whiteboard".into())],
            to_improve: vec![Skill::SalaryTalk],
            red_flags: vec![RedFlag {
                kind: RedFlagKind::HighTurnover,
                detail: "Third manager this year".into(),
                provenance: Provenance::Heard,
            }],
            questions: vec![Question::new("Who owns on-call?")],
            people: vec!["Bo".into()],
            next_step: "Final round".into(),
            next_step_by: NaiveDate::from_ymd_opt(2026, 4, 10),
            notes: "Ça s'est bien passé — « très » bien ✓".into(),
        },
    )
    .unwrap();
    full.record_outcome(iv.id, Outcome::Invited).unwrap();
    full.set_offer(
        globex.id,
        Offer {
            pay: Some(PayRange {
                min: Some(85_000),
                max: None,
                currency: "EUR".into(),
                period: PayPeriod::Year,
            }),
            terms: "Stock options".into(),
            start_date: NaiveDate::from_ymd_opt(2026, 6, 1),
            received: Some(full.now()),
            respond_by: Some(full.now().add_local_days(7).unwrap()),
        },
    )
    .unwrap();
    full.move_lead(globex.id, Status::Offer, None, "").unwrap();
    let passed = full
        .add_lead(LeadDetails::new("Hooli", "SRE", Source::Inbound))
        .unwrap();
    full.decide(
        passed.id,
        Decision::Pass {
            reason: PassReason::FearOfRejection,
            note: "not sure".into(),
        },
    )
    .unwrap();
    full.undo_last_decision(passed.id).unwrap();
    let rejected = full
        .add_lead(LeadDetails::new("Umbrella", "Developer", Source::Referral))
        .unwrap();
    full.move_lead(rejected.id, Status::Rejected, None, "no")
        .unwrap();
    let f = full
        .add_follow_up(NewFollowUp {
            kind: FollowUpKind::ThankYou,
            due: "2026-04-01T18:00:00+09:00[Asia/Tokyo]".parse().unwrap(),
            lead: Some(globex.id),
            interview: Some(iv.id),
            contact: Some(contact.id),
            note: "Thank Bo".into(),
        })
        .unwrap();
    full.complete_follow_up(f.id).unwrap();
    let f = full
        .add_follow_up(NewFollowUp {
            kind: FollowUpKind::KeepInTouch,
            due: "2026-05-01T09:00:00+05:30[Asia/Kolkata]".parse().unwrap(),
            lead: None,
            interview: None,
            contact: Some(contact.id),
            note: String::new(),
        })
        .unwrap();
    full.snooze_follow_up(
        f.id,
        "2026-05-08T09:00:00+05:30[Asia/Kolkata]".parse().unwrap(),
    )
    .unwrap();
    let f = full
        .add_follow_up(NewFollowUp {
            kind: FollowUpKind::CheckIn,
            due: "2026-12-31T23:59:59+13:45[Pacific/Chatham]"
                .parse()
                .unwrap(),
            lead: Some(rejected.id),
            interview: None,
            contact: None,
            note: "last try".into(),
        })
        .unwrap();
    full.dismiss_follow_up(f.id).unwrap();
    write("full.json", full.export_json().unwrap());

    // Times at both ends of what a backup can hold (four-digit years), so the
    // fuzzer starts next to the edges.
    let (edge, clock) = journal("0000-01-01T00:00:00+00:00[UTC]");
    let lead = edge
        .add_lead(LeadDetails::new("Old Corp", "Scribe", Source::JobBoard))
        .unwrap();
    clock.set("9999-12-31T23:59:59+09:00[Asia/Tokyo]".parse().unwrap());
    let mut details = LeadDetails::new("Old Corp", "Scribe", Source::JobBoard);
    details.seen = "Still hiring".into();
    edge.edit_lead(lead.id, details).unwrap();
    edge.capture_debrief(
        None,
        Some(lead.id),
        DebriefBody {
            notes: "End of the calendar.".into(),
            ..Default::default()
        },
    )
    .unwrap();
    write("edge-years.json", edge.export_json().unwrap());
}

fn journal(now: &str) -> (Journal, std::sync::Arc<ManualClock>) {
    let clock = std::sync::Arc::new(ManualClock::new(now.parse().unwrap()));
    (Journal::in_memory(clock.clone()).unwrap(), clock)
}

/// The posting reader's fuzz target (`fuzz/fuzz_targets/posting.rs`),
/// replayed on stable over its seeds and every input it ever crashed on:
/// an answer for each, and fields that fit the lead form.
#[test]
fn shared_postings_from_the_fuzzer_read_into_fields_that_fit() {
    use reps_core::domain::limits;
    use reps_core::rules::posting::read_posting;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let files: Vec<PathBuf> = ["seeds", "regressions"]
        .iter()
        .flat_map(|kind| inputs(&root.join(kind).join("posting")))
        .collect();
    assert!(files.len() > 60, "{} inputs", files.len());
    for path in files {
        let bytes = std::fs::read(&path).expect("read input");
        let text = String::from_utf8_lossy(&bytes);
        let Ok(p) = read_posting(&text) else {
            continue;
        };
        for field in [&p.company, &p.role, &p.location] {
            assert!(field.chars().count() <= limits::SHORT, "{}", path.display());
            assert!(!field.contains('\n'), "{}", path.display());
            assert_eq!(field.trim(), field.as_str(), "{}", path.display());
        }
        assert!(p.ad.chars().count() <= limits::NOTE, "{}", path.display());
        if let Some(pay) = &p.pay {
            assert!(pay.validate("pay").is_ok(), "{}: {pay:?}", path.display());
        }
    }
}

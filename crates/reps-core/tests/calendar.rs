//! Calendar (.ics) and contacts (vCard) files: the exports are read back by
//! third-party parsers (Python's `icalendar` and `vobject`, through
//! `tests/formats/check_ics.py`) and by our own invite reader; importing an
//! invite creates exactly one lead and one interview, once, and a broken file
//! changes nothing.
//!
//! The third-party checks need `pip install -r tests/formats/requirements.txt`.
//! Without it they are skipped with a note, unless `REPS_REQUIRE_FORMAT_TOOLS=1`
//! (as in CI), which makes a missing tool a failure.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use chrono::NaiveDateTime;
use chrono_tz::Tz;
use common::*;
use reps_core::formats::ics::{self, Anchor, IcsError, Invite};
use reps_core::*;
use serde_json::Value;

const NOW: &str = "2026-11-23T18:00:00+01:00[Europe/Paris]";

fn local(text: &str, tz: Tz) -> Stamp {
    let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap();
    Stamp::from_local(naive, tz).unwrap()
}

/// The demo journal, plus interviews in other zones (across DST changes and
/// a year boundary), a cancelled one, and a contact with a long accented name.
fn journal() -> Journal {
    let c = clock(NOW);
    let j = Journal::in_memory(c.clone()).unwrap();
    reps_core::demo::populate(&j, &c, at(NOW)).unwrap();

    let lead = j
        .add_lead(LeadDetails::new(
            "Zoë & Søn, Ltd; Oslo",
            "Ingeniør",
            Source::Referral,
        ))
        .unwrap();
    let mut person = ContactDetails::named("Zoë Ångström-Ñúñez de la Peña");
    person.company = "Zoë & Søn, Ltd; Oslo".into();
    person.role = "Leder for plattform".into();
    person.reach = "zoe@zoeson.no, +47 912 34 567; https://zoeson.no/zoe".into();
    person.notes = "Ønsker eksempler; liker Rust, Go\nog kaffe".into();
    let zoe = j.add_contact(person).unwrap();
    let new_york = chrono_tz::America::New_York;
    // The day US clocks go back, and one after next spring's change.
    for (when, tz) in [
        ("2026-11-01 09:00", new_york),
        ("2027-03-15 10:00", new_york),
        ("2026-12-03 16:30", chrono_tz::Asia::Kolkata),
    ] {
        let mut plan = InterviewPlan::new(local(when, tz), 50, InterviewKind::OnSite, Stage::Panel);
        plan.place = "Tower 2; floor 3, room 4 — «Fjord»".into();
        plan.people = vec![zoe.id];
        plan.goal = "Show the migration story, then ask about on-call".into();
        j.schedule_interview(lead.id, plan).unwrap();
    }
    let mut call = InterviewPlan::new(
        at("2026-12-01T15:00:00Z[UTC]"),
        30,
        InterviewKind::Video,
        Stage::Final,
    );
    call.video_link = "https://meet.example/abc-defg?pwd=x,y;z".into();
    j.schedule_interview(lead.id, call).unwrap();
    let dropped = j
        .schedule_interview(
            lead.id,
            InterviewPlan::new(
                local("2026-12-10 11:00", new_york),
                60,
                InterviewKind::Phone,
                Stage::Final,
            ),
        )
        .unwrap();
    j.cancel_interview(dropped.interview.id).unwrap();
    j
}

/// Runs the checker, or says why not. `None` means skipped.
fn check(kind: &str, text: &str) -> Option<Value> {
    let available = Command::new("python3")
        .args(["-c", "import icalendar, vobject"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        let required = std::env::var("REPS_REQUIRE_FORMAT_TOOLS").as_deref() == Ok("1");
        assert!(
            !required,
            "REPS_REQUIRE_FORMAT_TOOLS=1 but python3 cannot import icalendar and vobject; \
             run: pip install -r tests/formats/requirements.txt"
        );
        eprintln!(
            "SKIPPED the third-party {kind} check: python3 with icalendar and vobject is not \
             installed (pip install -r tests/formats/requirements.txt)"
        );
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(format!("export.{kind}"));
    std::fs::write(&file, text).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/formats/check_ics.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(kind)
        .arg(&file)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the checker refused the {kind} file: {stdout}{}\n{text}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_str(&stdout).unwrap())
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect()
}

fn utc_text(s: Stamp) -> String {
    s.utc().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

#[test]
fn python_icalendar_reads_every_interview_and_follow_up_at_its_instant() {
    let j = journal();
    let text = j.export_calendar().unwrap();
    let Some(report) = check("calendar", &text) else {
        return;
    };
    assert_eq!(
        report["problems"].as_array().unwrap().len(),
        0,
        "{:#}",
        report["problems"]
    );
    assert_eq!(report["version"], "2.0");

    let interviews: Vec<Interview> = j
        .all_interviews()
        .unwrap()
        .into_iter()
        .filter(|i| !i.cancelled)
        .collect();
    let open: Vec<FollowUp> = j
        .all_follow_ups()
        .unwrap()
        .into_iter()
        .filter(FollowUp::is_open)
        .collect();
    assert!(interviews.len() >= 8 && !open.is_empty());
    let events: BTreeMap<String, &Value> = report["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["uid"].as_str().unwrap().to_string(), e))
        .collect();
    let answers = j
        .all_leads()
        .unwrap()
        .into_iter()
        .filter(|l| l.status == Status::Offer)
        .filter(|l| l.offer.as_ref().is_some_and(|o| o.respond_by.is_some()))
        .count();
    assert_eq!(
        events.len(),
        interviews.len() + open.len() + answers,
        "one event per interview not cancelled, per open follow-up and per offer's answer-by date, no more"
    );

    let now = j.now();
    let mut zones = BTreeSet::new();
    for i in &interviews {
        let e = events
            .get(&format!("{}@reps.journal", i.id))
            .unwrap_or_else(|| panic!("no event for interview {}", i.id));
        assert_eq!(e["start_utc"], utc_text(i.plan.start), "{}", i.id);
        assert_eq!(e["end_utc"], utc_text(i.plan.end()), "{}", i.id);
        assert_eq!(strs(&e["categories"])[0], "Interview");
        let lead = j.lead(i.lead).unwrap();
        assert_eq!(
            e["summary"],
            format!(
                "Interview: {} at {}",
                lead.details.role, lead.details.company
            )
        );
        let alarms: Vec<f64> = serde_json::from_value(e["alarm_seconds"].clone()).unwrap();
        if i.plan.end() > now {
            assert_eq!(alarms, [-86_400.0, -3_600.0], "a day and an hour before");
        } else {
            assert!(
                alarms.is_empty(),
                "no reminders for interviews already held"
            );
        }
        if i.plan.start.tz().name() == "UTC" {
            assert!(e["tzid"].is_null(), "UTC is written with Z");
        } else {
            assert_eq!(e["tzid"], i.plan.start.tz().name());
            zones.insert(i.plan.start.tz().name().to_string());
        }
    }
    for f in &open {
        let e = events
            .get(&format!("{}@reps.journal", f.id))
            .unwrap_or_else(|| panic!("no event for follow-up {}", f.id));
        assert_eq!(e["start_utc"], utc_text(f.effective_due()));
        assert_eq!(strs(&e["categories"]), ["Follow-up"]);
        assert_eq!(e["alarm_seconds"], serde_json::json!([0.0]), "at due time");
        if f.effective_due().tz().name() != "UTC" {
            zones.insert(f.effective_due().tz().name().to_string());
        }
    }
    assert_eq!(
        strs(&report["timezones"])
            .into_iter()
            .collect::<BTreeSet<_>>(),
        zones,
        "one VTIMEZONE per zone used, none unused"
    );
    assert!(zones.contains("America/New_York") && zones.contains("Asia/Kolkata"));

    // Text came through escaping and folding intact.
    let oslo = events
        .values()
        .find(|e| e["location"].as_str().unwrap().contains("Fjord"))
        .unwrap();
    assert_eq!(oslo["location"], "Tower 2; floor 3, room 4 — «Fjord»");
    let description = oslo["description"].as_str().unwrap();
    assert!(description.contains("Goal: Show the migration story, then ask about on-call\n"));
    assert!(
        description.contains(
            "With: Zoë Ångström-Ñúñez de la Peña (Leder for plattform, Zoë & Søn, Ltd; Oslo)"
        ),
        "{description}"
    );
}

#[test]
fn the_calendar_reads_back_with_the_same_starts_lengths_and_places() {
    let j = journal();
    let text = j.export_calendar().unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(text.split("\r\n").all(|l| l.len() <= 75));
    let invites = ics::parse_invites(&text).unwrap();
    let by_uid: BTreeMap<&str, &Invite> = invites.iter().map(|i| (i.uid.as_str(), i)).collect();
    let interviews: Vec<Interview> = j
        .all_interviews()
        .unwrap()
        .into_iter()
        .filter(|i| !i.cancelled)
        .collect();
    for i in &interviews {
        let back = by_uid[format!("{}@reps.journal", i.id).as_str()];
        assert_eq!(back.start, i.plan.start, "same instant and same zone");
        assert_eq!(back.anchor, Anchor::Zone);
        assert_eq!(back.minutes, i.plan.minutes);
        assert_eq!(back.place, i.plan.place);
        assert_eq!(back.video_link, i.plan.video_link);
        let lead = j.lead(i.lead).unwrap();
        assert_eq!(back.company, lead.details.company);
        assert_eq!(back.role, lead.details.role);
        assert!(!back.cancelled);
    }
    let cancelled = j
        .all_interviews()
        .unwrap()
        .into_iter()
        .find(|i| i.cancelled)
        .unwrap();
    assert!(!by_uid.contains_key(format!("{}@reps.journal", cancelled.id).as_str()));
}

#[test]
fn exporting_twice_gives_the_same_file_and_an_edit_raises_the_sequence() {
    let (j, clock) = memory("2026-06-01T09:00:00+02:00[Europe/Paris]");
    let lead = j
        .add_lead(LeadDetails::new(
            "Acme",
            "Backend engineer",
            Source::JobBoard,
        ))
        .unwrap();
    let plan = InterviewPlan::new(
        at("2026-06-10T14:00:00+02:00[Europe/Paris]"),
        45,
        InterviewKind::Video,
        Stage::Screen,
    );
    let s = j.schedule_interview(lead.id, plan.clone()).unwrap();
    let first = j.export_calendar().unwrap();
    assert_eq!(first, j.export_calendar().unwrap(), "stable output");
    assert!(first.contains(&format!("UID:{}@reps.journal\r\n", s.interview.id)));
    assert!(first.contains("SEQUENCE:0\r\n"));
    clock.advance(chrono::Duration::hours(2));
    let mut moved = plan;
    moved.start = at("2026-06-10T15:00:00+02:00[Europe/Paris]");
    j.reschedule_interview(s.interview.id, moved).unwrap();
    let second = j.export_calendar().unwrap();
    assert!(second.contains("DTSTART;TZID=Europe/Paris:20260610T150000\r\n"));
    assert!(
        second.contains("SEQUENCE:120\r\n"),
        "minutes since creation"
    );
}

#[test]
fn python_vobject_reads_every_contact_as_a_vcard_4() {
    let j = journal();
    let text = j.export_contacts_vcard().unwrap();
    let contacts = j.all_contacts().unwrap();
    assert_eq!(
        text.matches("BEGIN:VCARD\r\nVERSION:4.0\r\n").count(),
        contacts.len()
    );
    let Some(report) = check("vcard", &text) else {
        return;
    };
    assert_eq!(
        report["problems"].as_array().unwrap().len(),
        0,
        "{report:#}"
    );
    let cards = report["cards"].as_array().unwrap();
    assert_eq!(cards.len(), contacts.len());
    for (card, c) in cards.iter().zip(&contacts) {
        assert_eq!(card["version"], "4.0");
        assert_eq!(card["uid"], format!("urn:uuid:{}", c.id));
        assert_eq!(card["fn"], c.details.name.trim());
        assert_eq!(
            card["rev"][0],
            c.updated.utc().format("%Y%m%dT%H%M%SZ").to_string()
        );
    }
    let zoe = cards
        .iter()
        .find(|c| c["fn"].as_str().unwrap().starts_with("Zoë"))
        .unwrap();
    assert_eq!(zoe["n"], serde_json::json!(["Peña", "Zoë"]));
    assert_eq!(zoe["org"], serde_json::json!(["Zoë & Søn, Ltd; Oslo"]));
    assert_eq!(zoe["title"], serde_json::json!(["Leder for plattform"]));
    assert_eq!(zoe["email"], serde_json::json!(["zoe@zoeson.no"]));
    assert_eq!(zoe["tel"], serde_json::json!(["tel:+4791234567"]));
    assert_eq!(zoe["url"], serde_json::json!(["https://zoeson.no/zoe"]));
    assert_eq!(
        zoe["note"],
        serde_json::json!(["Ønsker eksempler; liker Rust, Go\nog kaffe"])
    );
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ics")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn an_invite_becomes_one_lead_and_one_interview_once() {
    let (j, _) = memory("2026-06-01T09:00:00+02:00[Europe/Paris]");
    let invite = ics::parse_invites(&fixture("google-meet.ics"))
        .unwrap()
        .remove(0);
    let done = j.import_invite(&invite, None).unwrap();
    let counts = j.counts().unwrap();
    assert_eq!((counts.leads, counts.interviews), (1, 1));
    let lead = j.lead(done.interview.lead).unwrap();
    assert_eq!(
        (lead.details.company.as_str(), lead.details.role.as_str()),
        ("Acme", "Backend engineer")
    );
    assert_eq!(lead.status, Status::Interviewing, "scheduling moved it on");
    let iv = &done.interview;
    assert_eq!(iv.plan.start, at("2026-06-10T14:00:00+02:00[Europe/Paris]"));
    assert_eq!(iv.plan.minutes, 45);
    assert_eq!(iv.plan.video_link, "https://meet.google.com/abc-defg-hij");
    assert_eq!(iv.plan.kind, InterviewKind::Video);
    // The usual follow-ups of a scheduled interview came with it.
    assert!(
        j.follow_ups_for_lead(lead.id)
            .unwrap()
            .iter()
            .any(|f| f.kind == FollowUpKind::ThankYou && f.interview == Some(iv.id))
    );

    let before = snapshot(&j);
    let again = j.import_invite(&invite, None).unwrap_err();
    assert!(
        matches!(again, Error::Calendar(IcsError::AlreadyInJournal { interview }) if interview == iv.id),
        "{again:?}"
    );
    assert_eq!(
        again.to_string(),
        "this interview is already in your journal"
    );
    assert_eq!(snapshot(&j), before, "nothing written the second time");
    // Picking the lead by hand finds the same interview too.
    assert!(matches!(
        j.import_invite(&invite, Some(lead.id)),
        Err(Error::Calendar(IcsError::AlreadyInJournal { .. }))
    ));
    assert_eq!(snapshot(&j), before);
}

#[test]
fn an_invite_on_a_chosen_lead_keeps_its_stage_and_moves_it_to_interviewing() {
    let (j, _) = memory("2026-10-20T09:00:00+02:00[Europe/Paris]");
    let lead = j
        .add_lead(LeadDetails::new(
            "Contoso",
            "Data analyst",
            Source::JobBoard,
        ))
        .unwrap();
    j.decide(lead.id, Decision::Take).unwrap();
    let invite = ics::parse_invites(&fixture("outlook-teams.ics"))
        .unwrap()
        .remove(0);
    let done = j.import_invite(&invite, Some(lead.id)).unwrap();
    assert_eq!(done.interview.lead, lead.id);
    assert_eq!(done.interview.plan.stage, Stage::Technical);
    assert_eq!(done.interview.plan.minutes, 90);
    let after = j.lead(lead.id).unwrap();
    assert_eq!(after.status, Status::Interviewing);
    assert_eq!(after.stage, Some(Stage::Technical));
    assert_eq!(j.counts().unwrap().leads, 1, "no lead created");
}

#[test]
fn a_floating_invite_lands_in_the_journals_zone() {
    let (j, _) = memory("2026-06-01T09:00:00-05:00[America/Chicago]");
    let invites = ics::parse_invites(&fixture("tool-duration-floating.ics")).unwrap();
    let done = j.import_invite(&invites[1], None).unwrap();
    assert_eq!(
        done.interview.plan.start,
        at("2026-06-16T09:30:00-05:00[America/Chicago]")
    );
    assert_eq!(done.interview.plan.kind, InterviewKind::OnSite);
    assert_eq!(
        done.interview.plan.place,
        "Globex HQ, 4120 Freidrich Lane, Austin TX"
    );
}

#[test]
fn cancelling_and_broken_files_leave_the_journal_as_it_was() {
    let c = clock(NOW);
    let j = Journal::in_memory(c.clone()).unwrap();
    reps_core::demo::populate(&j, &c, at(NOW)).unwrap();
    let before = snapshot(&j);

    let cancel = ics::parse_invites(&fixture("google-cancel.ics"))
        .unwrap()
        .remove(0);
    let err = j.import_invite(&cancel, None).unwrap_err();
    assert!(
        matches!(err, Error::Calendar(IcsError::Cancelled)),
        "{err:?}"
    );
    assert!(err.to_string().contains("nothing was added"));

    for broken in [
        "broken-no-dtstart.ics",
        "broken-truncated.ics",
        "broken-not-a-calendar.vcf",
    ] {
        let err: Error = ics::parse_invites(&fixture(broken)).unwrap_err().into();
        assert!(matches!(err, Error::Calendar(_)), "{broken}: {err:?}");
    }
    // A company the guess could not find is asked for, by field.
    let mut nameless = ics::parse_invites(&fixture("google-meet.ics"))
        .unwrap()
        .remove(0);
    nameless.company.clear();
    let err = j.import_invite(&nameless, None).unwrap_err();
    assert!(
        matches!(&err, Error::Invalid(e) if e.field == "company"),
        "{err:?}"
    );
    // A lead that does not exist.
    let invite = ics::parse_invites(&fixture("google-meet.ics"))
        .unwrap()
        .remove(0);
    let ghost = LeadId(uuid::Uuid::now_v7());
    assert!(matches!(
        j.import_invite(&invite, Some(ghost)),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(snapshot(&j), before, "byte-identical content");
}

/// The `import_ics` fuzz target's body (`fuzz/fuzz_targets/import_ics.rs`),
/// on stable Rust: parse, import each invite into a fresh journal, export,
/// and read the export back with every interview at the same instant.
fn fuzz_body(bytes: &[u8]) {
    let Ok(invites) = ics::parse_invite_file(bytes) else {
        return;
    };
    let journal = Journal::in_memory(ManualClock::new(at(
        "2026-11-23T10:00:00+01:00[Europe/Paris]",
    )))
    .expect("in-memory journal");
    let imported: Vec<Interview> = invites
        .iter()
        .take(8)
        .filter_map(|i| journal.import_invite(i, None).ok())
        .map(|s| s.interview)
        .collect();
    if imported.is_empty() {
        return;
    }
    let text = journal.export_calendar().expect("export");
    let back = ics::parse_invites(&text).expect("the export reads back");
    for iv in &imported {
        let uid = format!("{}@reps.journal", iv.id);
        let read = back.iter().find(|b| b.uid == uid).expect("exported");
        assert_eq!(read.start.utc(), iv.plan.start.utc(), "{uid}");
        assert_eq!(read.minutes, iv.plan.minutes, "{uid}");
    }
}

#[test]
fn the_fuzz_seeds_and_regressions_replay() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut replayed = 0;
    for dir in ["seeds/import_ics", "regressions/import_ics"] {
        let Ok(entries) = std::fs::read_dir(fuzz.join(dir)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            let outcome = std::panic::catch_unwind(|| fuzz_body(&bytes));
            assert!(outcome.is_ok(), "{} fails", path.display());
            replayed += 1;
        }
    }
    assert!(replayed >= 7, "the seed corpus is there ({replayed} files)");
}

#[test]
fn an_offer_s_answer_by_date_is_in_the_calendar_with_a_day_before_alarm() {
    let (j, _) = memory("2026-06-01T09:00:00+02:00[Europe/Paris]");
    let lead = j
        .add_lead(LeadDetails::new(
            "Globex",
            "Data engineer",
            Source::Referral,
        ))
        .unwrap();
    j.decide(lead.id, Decision::Take).unwrap();
    j.schedule_interview(
        lead.id,
        InterviewPlan::new(
            at("2026-05-20T14:00:00+02:00[Europe/Paris]"),
            45,
            InterviewKind::Video,
            Stage::Final,
        ),
    )
    .unwrap();
    j.move_lead(lead.id, Status::Offer, None, "").unwrap();
    let no_date = j.export_calendar().unwrap();
    assert!(!no_date.contains("Answer the offer"), "no date, no event");
    let by = at("2026-06-04T17:00:00+02:00[Europe/Paris]");
    j.set_offer(
        lead.id,
        Offer {
            respond_by: Some(by),
            ..Default::default()
        },
    )
    .unwrap();
    let text = j.export_calendar().unwrap();
    let invites = ics::parse_invites(&text).unwrap();
    let answer = invites
        .iter()
        .find(|i| i.uid == format!("offer-{}@reps.journal", lead.id))
        .expect("the deadline is an event");
    assert_eq!(answer.start, by);
    let flat = text.replace("\r\n ", "");
    assert!(
        flat.contains("SUMMARY:Answer the offer from Globex\r\n"),
        "{flat}"
    );
    assert!(flat.contains("TRIGGER:-P1D\r\n"), "{flat}");
    // once answered, the deadline leaves the calendar
    j.move_lead(lead.id, Status::Accepted, None, "").unwrap();
    assert!(!j.export_calendar().unwrap().contains("Answer the offer"));
}

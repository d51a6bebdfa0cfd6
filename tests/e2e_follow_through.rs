//! End-to-end, in the real window: the follow-through after interviews.
//! A thank-you written from a fresh debrief and marked sent; a collision seen
//! on the checklist and the polite reschedule message it produces; two offers
//! compared and one declined with its message; a search with a typo that
//! finds the debrief; a reminder that fires as a system notification and,
//! clicked, opens the message it asks for.

mod support;
mod window;

use std::path::Path;
use std::process::{Child, Command};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Duration as Span;
use reps_core::{
    ContactDetails, DebriefBody, FollowUpKind, InterviewKind, InterviewPlan, Journal, LeadDetails,
    ManualClock, NewFollowUp, Offer, PayPeriod, PayRange, Provenance, RedFlag, RedFlagKind, Source,
    Stage, Stamp, Status,
};
use window::{App, Screen};

fn now() -> Stamp {
    Stamp::new(chrono::Utc::now(), chrono_tz::UTC)
}

fn at(s: Stamp, minutes: i64) -> Stamp {
    s.add(Span::minutes(minutes)).unwrap()
}

/// An interview that just ended (with Maya), two that collide tomorrow, two
/// open offers; written by the core before the app starts.
fn prepare(data: &Path) {
    let clock = Arc::new(ManualClock::new(at(now(), -24 * 60 * 10)));
    let j = Journal::open(data.join("journal.redb"), clock.clone()).unwrap();

    // two offers, with what was seen on the way
    let lumen = j
        .add_lead(LeadDetails::new(
            "Lumen Energy",
            "API Engineer",
            Source::JobBoard,
        ))
        .unwrap();
    let iv = j
        .schedule_interview(
            lumen.id,
            InterviewPlan::new(
                at(now(), -24 * 60 * 9),
                60,
                InterviewKind::Video,
                Stage::Final,
            ),
        )
        .unwrap()
        .interview;
    clock.set(at(now(), -24 * 60 * 9 + 90));
    let d = j.start_debrief(Some(iv.id), None).unwrap();
    j.save_debrief(
        d.id,
        DebriefBody {
            red_flags: vec![RedFlag {
                kind: RedFlagKind::HighTurnover,
                detail: "Three of five engineers left this year".into(),
                provenance: Provenance::Seen,
            }],
            ..Default::default()
        },
    )
    .unwrap();
    let fieldnote = j
        .add_lead(LeadDetails::new(
            "Fieldnote",
            "Backend Engineer",
            Source::Referral,
        ))
        .unwrap();
    j.schedule_interview(
        fieldnote.id,
        InterviewPlan::new(
            at(now(), -24 * 60 * 8),
            45,
            InterviewKind::Video,
            Stage::Final,
        ),
    )
    .unwrap();
    clock.set(at(now(), -24 * 60 * 2));
    for (lead, pay, by) in [(lumen.id, 60_000, Some(2)), (fieldnote.id, 55_000, None)] {
        j.move_lead(lead, Status::Offer, None, "").unwrap();
        j.set_offer(
            lead,
            Offer {
                pay: Some(PayRange {
                    min: Some(pay),
                    max: Some(pay),
                    currency: "EUR".into(),
                    period: PayPeriod::Year,
                }),
                terms: "Four days a week in the office".into(),
                start_date: None,
                received: Some(now()),
                respond_by: by.map(|d| at(now(), d * 24 * 60)),
            },
        )
        .unwrap();
    }

    // tomorrow: Orbit at 10:00 agreed first, Quill at 10:30 agreed later
    let tomorrow = now().add_local_days(1).unwrap().local_date();
    let ten =
        |h, m| Stamp::from_local(tomorrow.and_hms_opt(h, m, 0).unwrap(), chrono_tz::UTC).unwrap();
    let orbit = j
        .add_lead(LeadDetails::new(
            "Orbit Foods",
            "Backend Engineer",
            Source::JobBoard,
        ))
        .unwrap();
    j.schedule_interview(
        orbit.id,
        InterviewPlan::new(ten(10, 0), 60, InterviewKind::OnSite, Stage::Screen),
    )
    .unwrap();
    clock.set(at(now(), -24 * 60));
    let quill = j
        .add_lead(LeadDetails::new(
            "Quill Press",
            "Platform Engineer",
            Source::JobBoard,
        ))
        .unwrap();
    j.schedule_interview(
        quill.id,
        InterviewPlan::new(ten(10, 30), 60, InterviewKind::Video, Stage::Screen),
    )
    .unwrap();

    // just now: an interview with Maya
    clock.set(at(now(), -150));
    let harbor = j
        .add_lead(LeadDetails::new(
            "Harbor Analytics",
            "Data Engineer",
            Source::Referral,
        ))
        .unwrap();
    let maya = j.add_contact(ContactDetails::named("Maya Chen")).unwrap();
    let mut plan = InterviewPlan::new(at(now(), -120), 60, InterviewKind::Video, Stage::Screen);
    plan.people = vec![maya.id];
    j.schedule_interview(harbor.id, plan).unwrap();
}

fn reopen(data: &Path) -> Journal {
    Journal::open(data.join("journal.redb"), ManualClock::new(now())).unwrap()
}

fn lead(j: &Journal, company: &str) -> reps_core::Lead {
    j.leads_at(company)
        .unwrap()
        .pop()
        .unwrap_or_else(|| panic!("no lead {company}"))
}

/// What is on the clipboard of the virtual screen.
fn clipboard(screen: &Screen) -> String {
    let out = Command::new("xclip")
        .args(["-o", "-selection", "clipboard"])
        .env("DISPLAY", &screen.display)
        .output()
        .expect("xclip is installed (./reps.sh test installs it)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_person_thanks_reschedules_compares_offers_and_searches() {
    let dir = tempfile::tempdir().unwrap();
    prepare(dir.path());
    let screen = Screen::start();
    let app = App::launch(&screen, dir.path(), &["--capture"]);
    app.find("capture-went-well");
    app.ready();

    // 1. A debrief right after the interview, then the thank-you from it.
    app.click("capture-went-well");
    app.type_text("Walked them through the Kafka migration plan");
    app.wait_text("save-state", "Saved");
    app.click("capture-thank-you");
    let body = app.wait_text("msg-body", "Hi Maya,");
    assert!(
        body.contains("Data Engineer role at Harbor Analytics"),
        "{body}"
    );
    screen.shot("message-thank-you");
    app.click("msg-copy");
    app.wait_text("msg-note", "Copied");
    let copied = clipboard(&screen);
    assert!(copied.starts_with("Thank you — Data Engineer"), "{copied}");
    assert!(copied.contains("Hi Maya,"), "{copied}");
    app.click("msg-sent");
    app.wait_text("msg-note", "follow-up is done");
    screen.shot("message-sent");

    // 2. The collision shows on the checklist of the interview agreed last,
    //    and the message proposes the first free time.
    app.click("tab-prep");
    app.click("prep-open-1");
    let conflict = app.wait_text("prep-conflict", "Orbit Foods");
    assert!(conflict.contains("agreed to first"), "{conflict}");
    screen.shot("prep-conflict");
    app.click("prep-conflict-message");
    let ask = app.wait_text("msg-body", "Quill Press");
    assert!(
        ask.contains("Would ") && ask.contains(" at 11:30 work"),
        "the first free time is proposed: {ask}"
    );
    screen.shot("message-reschedule");

    // 3. Two offers side by side; decline one with its message.
    app.click("tab-leads");
    app.click("open-offers");
    let table = app.wait_text("offers-compare", "Fieldnote");
    assert!(table.contains("Lumen Energy"), "{table}");
    assert!(
        table.contains("60,000") && table.contains("55,000"),
        "{table}"
    );
    screen.shot("offers");
    app.click("offer-decline-1");
    let decline = app.wait_text("msg-body", "decline");
    assert!(decline.contains("Fieldnote"), "{decline}");
    // writing it decided nothing; sending it does
    app.find("msg-decides");
    app.click("msg-sent");
    app.wait_text("msg-note", "now marked “Declined”");

    // 4. Search with a typo finds the debrief written in step 1.
    app.click("tab-today");
    app.click("open-search");
    app.click("search-box");
    app.type_text("migratoin");
    let results = app.wait_text("search-results", "Notes on the Screen interview");
    assert!(results.contains("migration"), "{results}");
    assert!(results.contains("Harbor Analytics"), "{results}");
    screen.shot("search-typo");
    // the hit opens the debrief itself, whole, with the word in it
    app.click("search-open-0");
    app.wait_text("capture-went-well", "Kafka migration plan");
    screen.shot("debrief-from-search");
    // and from there, back to its lead
    app.click("notes-back");
    app.find("edit-lead");
    app.kill();

    let j = reopen(dir.path());
    let harbor = lead(&j, "Harbor Analytics");
    let thanks: Vec<_> = j
        .follow_ups_for_lead(harbor.id)
        .unwrap()
        .into_iter()
        .filter(|f| f.kind == FollowUpKind::ThankYou)
        .collect();
    assert_eq!(thanks.len(), 1);
    assert!(
        !thanks[0].is_open(),
        "marking it sent completed the thank-you"
    );
    let debriefs = j.debriefs_for_lead(harbor.id).unwrap();
    assert!(debriefs[0].body.went_well.contains("Kafka migration"));
    assert_eq!(lead(&j, "Fieldnote").status, Status::Declined);
    assert_eq!(lead(&j, "Lumen Energy").status, Status::Offer);
    assert!(
        !j.interview(j.interviews_for_lead(lead(&j, "Orbit Foods").id).unwrap()[0].id)
            .unwrap()
            .cancelled,
        "nothing was cancelled"
    );
}

/// A private session bus with a small notification server (Python,
/// `tests/window/notifications.py`) that records what it is asked to show
/// and clicks each notification a moment later.
struct Bus {
    daemon: Child,
    server: Child,
    address: String,
    log: std::path::PathBuf,
}

impl Bus {
    fn start(dir: &Path) -> Bus {
        let (daemon, address) = support::session_bus(dir);
        let log = dir.join("notifications.jsonl");
        let server = Command::new("python3")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/window/notifications.py"))
            .arg(&log)
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .spawn()
            .expect("python3");
        let ready = dir.join("notifications.jsonl.ready");
        let until = Instant::now() + Duration::from_secs(10);
        while !ready.exists() {
            assert!(
                Instant::now() < until,
                "the notification server did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Bus {
            daemon,
            server,
            address,
            log,
        }
    }

    fn shown(&self) -> Vec<serde_json::Value> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect()
    }
}

impl Drop for Bus {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

#[test]
fn a_due_follow_up_becomes_a_notification_that_opens_its_message() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    {
        let j = Journal::open(data.join("journal.redb"), ManualClock::new(at(now(), -60))).unwrap();
        let lead = j
            .add_lead(LeadDetails::new(
                "Lumen Energy",
                "API Engineer",
                Source::JobBoard,
            ))
            .unwrap();
        j.add_follow_up(NewFollowUp {
            kind: FollowUpKind::CheckIn,
            due: now().add(Span::seconds(8)).unwrap(),
            lead: Some(lead.id),
            interview: None,
            contact: None,
            note: String::new(),
        })
        .unwrap();
    }
    let bus = Bus::start(dir.path());
    let screen = Screen::start();
    let app = App::launch_with(
        &screen,
        &data,
        &[],
        &[
            ("DBUS_SESSION_BUS_ADDRESS", bus.address.as_str()),
            ("REPS_REMINDER_EVERY_SECS", "1"),
        ],
    );
    app.ready();
    app.find("open-search"); // on Today
    // nothing is announced before it is due
    assert!(bus.shown().is_empty(), "{:?}", bus.shown());
    let until = Instant::now() + Duration::from_secs(40);
    while bus.shown().is_empty() {
        assert!(Instant::now() < until, "no notification came");
        std::thread::sleep(Duration::from_millis(200));
    }
    let shown = bus.shown();
    assert_eq!(shown.len(), 1, "announced once: {shown:?}");
    assert_eq!(shown[0]["app"], "Reps");
    assert_eq!(shown[0]["summary"], "Check in");
    assert!(
        shown[0]["body"]
            .as_str()
            .unwrap()
            .starts_with("Lumen Energy — API Engineer"),
        "{shown:?}"
    );
    // the server clicked it: the check-in message is open
    let body = app.wait_text("msg-body", "check in on the API Engineer role");
    assert!(app.text("msg-subject").contains("API Engineer"), "{body}");
    screen.shot("notification-opened");
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(bus.shown().len(), 1, "never announced twice");
    app.kill();
}

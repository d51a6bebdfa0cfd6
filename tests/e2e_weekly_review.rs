//! End-to-end, in the real window at laptop size (1200×760): the weekly
//! review at the desk. This week on Today (an offer's answer-by date, a
//! follow-up in three days, last week's answer to improve, which opens its
//! debrief), Escape back; triage with the keyboard and Ctrl+Z; and the proof
//! of search saved to the Downloads folder, read back by LibreOffice
//! headless: applications only, no pass reasons, no notes.

mod window;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Duration as Span;
use reps_core::{
    ContactDetails, DebriefBody, Decision, FollowUpKind, InterviewKind, InterviewPlan, Journal,
    LeadDetails, ManualClock, NewFollowUp, Offer, PassReason, Skill, Source, Stage, Stamp, Status,
};
use window::{App, Screen};

fn now() -> Stamp {
    Stamp::new(chrono::Utc::now(), chrono_tz::UTC)
}

fn ago(days: i64) -> Stamp {
    now().add(-Span::days(days)).unwrap()
}

/// A week of searching: two applications (one with an interview and its
/// debrief, one with an offer to answer), one lead passed on with a private
/// reason, two leads waiting in the deck.
fn prepare(data: &Path) {
    let clock = Arc::new(ManualClock::new(ago(9)));
    let j = Journal::open(data.join("journal.redb"), clock.clone()).unwrap();
    let orbit = j
        .add_lead(LeadDetails::new(
            "Orbit Foods",
            "Data Analyst",
            Source::JobBoard,
        ))
        .unwrap();
    j.decide(orbit.id, Decision::Take).unwrap();
    let iv = j
        .schedule_interview(
            orbit.id,
            InterviewPlan::new(ago(5), 45, InterviewKind::Video, Stage::Screen),
        )
        .unwrap()
        .interview;
    j.add_person_met(
        iv.id,
        ContactDetails {
            company: "Orbit Foods".into(),
            email: "maya@orbit.example".into(),
            ..ContactDetails::named("Maya Chen")
        },
    )
    .unwrap();
    clock.set(ago(5).add(Span::hours(2)).unwrap());
    let d = j.start_debrief(Some(iv.id), None).unwrap();
    j.save_debrief(
        d.id,
        DebriefBody {
            improve: "Froze on the salary question".into(),
            to_improve: vec![Skill::SalaryTalk],
            ..Default::default()
        },
    )
    .unwrap();
    j.add_follow_up(NewFollowUp {
        kind: FollowUpKind::CheckIn,
        due: now().add(Span::days(3)).unwrap(),
        lead: Some(orbit.id),
        interview: None,
        contact: None,
        note: String::new(),
    })
    .unwrap();

    let lumen = j
        .add_lead(LeadDetails::new(
            "Lumen Energy",
            "API Engineer",
            Source::Referral,
        ))
        .unwrap();
    j.decide(lumen.id, Decision::Take).unwrap();
    j.move_lead(lumen.id, Status::Offer, None, "").unwrap();
    j.set_offer(
        lumen.id,
        Offer {
            pay: None,
            terms: "Four days a week in the office".into(),
            start_date: None,
            received: Some(ago(4)),
            respond_by: Some(now().add(Span::days(3)).unwrap()),
        },
    )
    .unwrap();

    let passed = j
        .add_lead(LeadDetails::new("Gloom Corp", "Analyst", Source::JobBoard))
        .unwrap();
    j.decide(
        passed.id,
        Decision::Pass {
            reason: PassReason::OutsidePayRange,
            note: "secret: the manager was rude".into(),
        },
    )
    .unwrap();

    clock.set(ago(1));
    for company in ["Kestrel Labs", "Quill Press"] {
        j.add_lead(LeadDetails::new(company, "Engineer", Source::JobBoard))
            .unwrap();
    }
}

fn soffice() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join("soffice"))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var("REPS_REQUIRE_FORMAT_TOOLS").as_deref() != Ok("1"),
            "soffice is not installed but REPS_REQUIRE_FORMAT_TOOLS=1"
        );
        eprintln!("SKIPPED: soffice (LibreOffice) is not installed; the proof was not read back");
    }
    found
}

/// The file as LibreOffice reads it (CSV, UTF-8), written back out
/// tab-separated, one row per line.
fn read_with_libreoffice(soffice: &Path, file: &Path, dir: &Path) -> Vec<Vec<String>> {
    let out = dir.join("read-back");
    std::fs::create_dir_all(&out).unwrap();
    let mut child = Command::new(soffice)
        .arg("--headless")
        .arg("--norestore")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("lo-profile").display()
        ))
        // 44 = comma, 34 = quote, 76 = UTF-8, 1 = from line 1
        .arg("--infilter=CSV:44,34,76,1")
        // written as: 9 = tab, 34 = quote, 76 = UTF-8
        .arg("--convert-to")
        .arg("csv:Text - txt - csv (StarCalc):9,34,76")
        .arg("--outdir")
        .arg(&out)
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start soffice");
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "soffice failed");
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(120), "soffice hung");
        std::thread::sleep(Duration::from_millis(100));
    }
    let text = std::fs::read_to_string(out.join(file.file_name().unwrap())).unwrap();
    csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn the_weekly_review_at_the_desk() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    prepare(&data);
    // a home of its own, whose Downloads folder the export goes to
    let home = dir.path().join("home");
    let downloads = home.join("Downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    std::fs::create_dir_all(home.join(".config")).unwrap();
    std::fs::write(
        home.join(".config/user-dirs.dirs"),
        "XDG_DOWNLOAD_DIR=\"$HOME/Downloads\"\n",
    )
    .unwrap();

    let screen = Screen::start_sized(1200, 760);
    let app = App::launch_with(
        &screen,
        &data,
        &["--size", "1200x760"],
        &[
            ("HOME", home.to_str().unwrap()),
            ("XDG_CONFIG_HOME", home.join(".config").to_str().unwrap()),
        ],
    );
    app.find("this-week");
    app.ready();

    // 1. This week: the offer to answer, the check-in, last week's lesson.
    let week = app.wait_text("this-week", "Lumen Energy");
    assert!(week.contains("Orbit Foods"), "{week}");
    assert!(week.contains("Froze on the salary question"), "{week}");
    screen.shot("desk-this-week");
    app.click("lesson-open-0");
    app.wait_text("capture-improve", "Froze on the salary question");
    screen.shot("desk-lesson-debrief");
    app.key("Escape");
    app.find("this-week");

    // 2. Triage with the keys: → on the focused card takes it, Ctrl+Z undoes.
    app.click("tab-leads");
    app.wait_text("deck-card", "Kestrel Labs");
    app.click("deck-card");
    app.key("Right");
    app.wait_text("deck-card", "Quill Press");
    app.key("ctrl+z");
    app.wait_text("deck-card", "Kestrel Labs");
    screen.shot("desk-triage-undone");

    // 3. The proof of search, saved to Downloads and named there.
    app.click("tab-today");
    app.click("open-data");
    app.click("data-export-proof");
    let said = app.wait_text("data-message", "Saved proof-of-job-search-");
    assert!(said.contains("Downloads folder"), "{said}");
    assert!(said.contains("employment office"), "{said}");
    screen.shot("desk-proof-saved");
    app.kill();

    let file = std::fs::read_dir(&downloads)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "csv"))
        .expect("the proof is in Downloads");
    let Some(soffice) = soffice() else {
        return;
    };
    let all = read_with_libreoffice(&soffice, &file, dir.path());
    // a title line (whose, which period), then the table
    assert_eq!(all[0][0], "Proof of job search", "{all:?}");
    assert!(
        all[0][1].ends_with(&format!("to {}", now().local_date())),
        "{all:?}"
    );
    let rows: Vec<Vec<String>> = all
        .into_iter()
        .skip_while(|r| r[0] != "Date applied")
        .collect();
    assert_eq!(rows[0][0], "Date applied", "{rows:?}");
    let companies: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(
        companies,
        ["Orbit Foods", "Lumen Energy"],
        "applications only: {rows:?}"
    );
    let orbit = &rows[1];
    assert!(orbit[5].contains("Maya Chen"), "the contact: {orbit:?}");
    assert!(orbit[6].contains("screen"), "the stages: {orbit:?}");
    assert_eq!(rows[2][7], "offer received");
    let all = rows.concat().join(" ");
    assert!(!all.contains("rude") && !all.contains("Gloom"), "{all}");
    assert!(!all.contains("Froze"), "no notes: {all}");
}

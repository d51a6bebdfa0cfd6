//! End-to-end: the real app in a real window (under Xvfb), driven like a
//! person with the mouse and keyboard (xdotool), checked in the journal file
//! and in screenshots. The app reports where its controls are (`REPS_E2E`).

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::Duration as Span;
use reps_core::{
    InterviewKind, InterviewPlan, Journal, LeadDetails, ManualClock, PassReason, Source, Stage,
    Stamp, Status,
};

/// A virtual screen of phone size, stopped when dropped.
struct Screen {
    display: String,
    xvfb: Child,
}

impl Screen {
    fn start() -> Screen {
        let n = (90..140)
            .find(|n| {
                !Path::new(&format!("/tmp/.X{n}-lock")).exists()
                    && !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
            })
            .expect("a free X display");
        let display = format!(":{n}");
        let xvfb = Command::new("Xvfb")
            .args([&display, "-screen", "0", "390x844x24", "-nolisten", "tcp"])
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb is installed (./reps.sh test installs it)");
        let until = Instant::now() + Duration::from_secs(10);
        while !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists() {
            assert!(Instant::now() < until, "Xvfb did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Screen { display, xvfb }
    }

    fn xdotool(&self, args: &[&str]) {
        let ok = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.display)
            .status()
            .expect("xdotool");
        assert!(ok.success(), "xdotool {args:?}");
    }

    fn shot(&self, name: &str) -> PathBuf {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("e2e-shots");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        let ok = Command::new("import")
            .args(["-window", "root", path.to_str().unwrap()])
            .env("DISPLAY", &self.display)
            .status()
            .expect("ImageMagick import");
        assert!(ok.success());
        assert!(
            std::fs::metadata(&path).unwrap().len() > 1000,
            "a real picture"
        );
        path
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        let _ = self.xvfb.kill();
        let _ = self.xvfb.wait();
    }
}

/// The running app, with the positions of its controls as it last reported them.
struct App<'s> {
    screen: &'s Screen,
    child: Child,
    rects: Arc<Mutex<HashMap<String, [i64; 4]>>>,
}

impl<'s> App<'s> {
    fn launch(screen: &'s Screen, data: &Path, extra: &[&str]) -> App<'s> {
        let mut child = Command::new(env!("CARGO_BIN_EXE_reps"))
            .args(["--data-dir", data.to_str().unwrap()])
            .args(extra)
            .env("DISPLAY", &screen.display)
            .env("REPS_E2E", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start reps");
        let rects = Arc::new(Mutex::new(HashMap::new()));
        let out = child.stdout.take().unwrap();
        let sink = rects.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                if let Some(json) = line.strip_prefix("E2E-RECTS ") {
                    if let Ok(map) = serde_json::from_str::<HashMap<String, [i64; 4]>>(json) {
                        *sink.lock().unwrap() = map;
                    }
                }
            }
        });
        App {
            screen,
            child,
            rects,
        }
    }

    /// Waits for the layout to settle (the stylesheet moves things once it
    /// applies), then taps a neutral spot: the first tap in a new window only
    /// focuses it, as with a person's first touch.
    fn ready(&self) -> &Self {
        let until = Instant::now() + Duration::from_secs(30);
        let mut last = String::new();
        let mut stable_since = Instant::now();
        loop {
            let now = format!("{:?}", {
                let mut v: Vec<_> = self
                    .rects
                    .lock()
                    .unwrap()
                    .iter()
                    .map(|(k, v)| (k.clone(), *v))
                    .collect();
                v.sort();
                v
            });
            if now != last {
                last = now;
                stable_since = Instant::now();
            } else if !last.contains("[]")
                && last.len() > 4
                && stable_since.elapsed() > Duration::from_millis(600)
            {
                break;
            }
            assert!(Instant::now() < until, "the app never settled");
            std::thread::sleep(Duration::from_millis(50));
        }
        self.screen
            .xdotool(&["mousemove", "200", "40", "click", "1"]);
        std::thread::sleep(Duration::from_millis(300));
        self
    }

    /// Waits until a control is on screen and returns its centre.
    fn find(&self, id: &str) -> (i64, i64) {
        let until = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(r) = self.rects.lock().unwrap().get(id) {
                return (r[0], r[1]);
            }
            assert!(
                Instant::now() < until,
                "'{id}' never appeared; saw {:?}",
                self.rects.lock().unwrap().keys()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn gone(&self, id: &str) {
        let until = Instant::now() + Duration::from_secs(10);
        while self.rects.lock().unwrap().contains_key(id) {
            assert!(Instant::now() < until, "'{id}' is still there");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn click(&self, id: &str) {
        let (x, y) = self.find(id);
        self.screen
            .xdotool(&["mousemove", &x.to_string(), &y.to_string(), "click", "1"]);
        std::thread::sleep(Duration::from_millis(250));
    }

    /// Drags a control like a finger would: press, several small moves, release.
    fn drag(&self, id: &str, dx: i64, dy: i64) {
        let (x, y) = self.find(id);
        self.screen.xdotool(&[
            "mousemove",
            &x.to_string(),
            &y.to_string(),
            "mousedown",
            "1",
        ]);
        for step in 1..=8 {
            std::thread::sleep(Duration::from_millis(30));
            let (nx, ny) = (x + dx * step / 8, y + dy * step / 8);
            self.screen
                .xdotool(&["mousemove", &nx.to_string(), &ny.to_string()]);
        }
        self.screen.xdotool(&["mouseup", "1"]);
        std::thread::sleep(Duration::from_millis(600));
    }

    fn deck_count(&self) -> String {
        self.rects
            .lock()
            .unwrap()
            .keys()
            .filter(|k| k.starts_with("deck-"))
            .cloned()
            .collect::<Vec<_>>()
            .join(",")
    }

    /// SIGKILL, as a phone kills a backgrounded app.
    fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn now() -> Stamp {
    Stamp::new(chrono::Utc::now(), chrono_tz::UTC)
}

/// A journal with leads to triage, an interview that just ended (one rep) and
/// one tomorrow (a checklist), written by the core before the app starts.
fn prepare(data: &Path) -> Journal {
    let clock = Arc::new(ManualClock::new(now().add(-Span::hours(3)).unwrap()));
    let j = Journal::open(data.join("journal.redb"), clock.clone()).unwrap();
    let done = j
        .add_lead(LeadDetails::new(
            "Northwind",
            "Backend Developer",
            Source::RecruiterCall,
        ))
        .unwrap();
    let start = now().add(-Span::minutes(90)).unwrap();
    j.schedule_interview(
        done.id,
        InterviewPlan::new(start, 60, InterviewKind::Video, Stage::Screen),
    )
    .unwrap();
    let soon = j
        .add_lead(LeadDetails::new(
            "Brightpath",
            "Platform Engineer",
            Source::JobBoard,
        ))
        .unwrap();
    let tomorrow = now().add(Span::hours(20)).unwrap();
    j.schedule_interview(
        soon.id,
        InterviewPlan::new(tomorrow, 45, InterviewKind::OnSite, Stage::Screen),
    )
    .unwrap();
    for (i, company) in [
        "Alpha Labs",
        "Beta Works",
        "Gamma Co",
        "Delta Ltd",
        "Epsilon",
    ]
    .iter()
    .enumerate()
    {
        clock.advance(Span::seconds(1 + i as i64));
        j.add_lead(LeadDetails::new(*company, "Engineer", Source::JobBoard))
            .unwrap();
    }
    clock.set(now());
    j
}

fn reopen(data: &Path) -> Journal {
    Journal::open(data.join("journal.redb"), ManualClock::new(now())).unwrap()
}

fn status_of(j: &Journal, company: &str) -> reps_core::Lead {
    j.leads_at(company)
        .unwrap()
        .pop()
        .unwrap_or_else(|| panic!("no lead {company}"))
}

#[test]
fn a_person_triages_captures_ticks_and_sees_the_rep() {
    let dir = tempfile::tempdir().unwrap();
    drop(prepare(dir.path()));
    let screen = Screen::start();

    // 1. Triage: three swipes, one button, one undo.
    let app = App::launch(&screen, dir.path(), &[]);
    app.ready();
    app.click("tab-leads");
    app.find("deck-card");
    screen.shot("leads-before");
    app.drag("deck-card", 180, 8); // right: take Alpha Labs
    app.drag("deck-card", 60, 0); // too short: snaps back, nothing decided
    app.drag("deck-card", -180, 10); // left: pass on Beta Works, asks why
    app.click("reason-6"); // "They'll probably say no": a weak reason
    app.find("reconsider");
    screen.shot("leads-counterpoint");
    app.click("keep-pass");
    app.drag("deck-card", 5, -200); // up: more info on Gamma Co
    app.click("deck-take"); // button: take Delta Ltd
    app.click("deck-undo"); // …and undo that
    app.find("deck-card");
    screen.shot("leads-after");
    let deck_controls = app.deck_count();
    app.kill();

    let j = reopen(dir.path());
    assert_eq!(
        status_of(&j, "Alpha Labs").status,
        Status::Taking,
        "{deck_controls}"
    );
    let beta = status_of(&j, "Beta Works");
    assert_eq!(beta.status, Status::Passed);
    assert_eq!(
        beta.history.last().unwrap().reason,
        Some(PassReason::FearOfRejection)
    );
    assert_eq!(status_of(&j, "Gamma Co").status, Status::Deciding);
    let delta = status_of(&j, "Delta Ltd");
    assert_eq!(delta.status, Status::New, "undone");
    assert!(delta.history.last().unwrap().undo);
    assert_eq!(
        status_of(&j, "Epsilon").status,
        Status::New,
        "the snap-back decided nothing"
    );
    assert_eq!(j.reps().unwrap().confidence[0].after, None);
    drop(j);

    // 2. Quick capture straight from the shortcut; SIGKILL while typing.
    let app = App::launch(&screen, dir.path(), &["--capture"]);
    app.find("capture-went-well");
    app.ready();
    app.click("confidence-4");
    app.click("capture-went-well");
    let sentence = "Explained the billing migration clearly and calmly";
    let mut typing = Command::new("xdotool")
        .args(["type", "--delay", "110", sentence])
        .env("DISPLAY", &screen.display)
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(2500));
    screen.shot("capture-mid-typing");
    app.kill(); // mid-sentence
    let _ = typing.wait();
    let j = reopen(dir.path());
    let saved: Vec<_> = j
        .all_debriefs()
        .unwrap()
        .into_iter()
        .map(|d| d.body.went_well)
        .collect();
    let typed = saved
        .iter()
        .find(|t| !t.is_empty())
        .unwrap_or_else(|| panic!("no text survived: {saved:?}"));
    assert!(
        sentence.starts_with(typed.as_str()),
        "{typed:?} is what was typed, in order"
    );
    assert!(
        typed.len() >= 12,
        "at most the last fraction of a second is lost: {typed:?}"
    );
    assert!(
        typed.len() < sentence.len(),
        "the kill came mid-sentence: {typed:?}"
    );
    let northwind = status_of(&j, "Northwind");
    let iv = j.interviews_for_lead(northwind.id).unwrap().remove(0);
    assert_eq!(
        iv.confidence_after.map(|r| r.get()),
        Some(4),
        "the capture fed the rep chart"
    );
    drop(j);

    // 3. Prep: tick a checklist item; Reps: the rep and the chart.
    let app = App::launch(&screen, dir.path(), &[]);
    app.ready();
    app.click("tab-prep");
    app.click("prep-open-0");
    app.click("check-DayBefore-0");
    screen.shot("checklist");
    app.click("tab-reps");
    app.find("confidence-chart");
    app.find("reps-total");
    screen.shot("reps");
    app.gone("deck-card");
    app.kill();
    let j = reopen(dir.path());
    let brightpath = status_of(&j, "Brightpath");
    let iv = j.interviews_for_lead(brightpath.id).unwrap().remove(0);
    assert_eq!(
        j.checklist(iv.id).unwrap().progress().0,
        1,
        "one item ticked"
    );
    let reps = j.reps().unwrap();
    assert_eq!(reps.total, 1);
    assert_eq!(reps.confidence.len(), 1);
}

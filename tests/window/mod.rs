//! The real app in a real window (under Xvfb), driven like a person with the
//! mouse and keyboard (xdotool). The app reports where its controls are and
//! what they say (`REPS_E2E`); screenshots go to `e2e-shots`.

#![allow(dead_code)] // each test binary uses part of the harness

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A virtual screen (phone size unless asked), stopped when dropped.
pub struct Screen {
    pub display: String,
    /// Its height in pixels: on a phone, what is below `height - 104` is
    /// under the tab bar.
    pub height: i64,
    /// Its width: from 760 pixels on, the tabs stand at the side.
    pub width: i64,
    xvfb: Child,
}

impl Screen {
    /// A phone-sized screen, 390×844.
    pub fn start() -> Screen {
        Screen::start_sized(390, 844)
    }

    /// A screen of the given size (a laptop: 1200×760).
    pub fn start_sized(width: i64, height: i64) -> Screen {
        let n = (90..140)
            .find(|n| {
                !Path::new(&format!("/tmp/.X{n}-lock")).exists()
                    && !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
            })
            .expect("a free X display");
        let display = format!(":{n}");
        let xvfb = Command::new("Xvfb")
            .args([
                &display,
                "-screen",
                "0",
                &format!("{width}x{height}x24"),
                "-nolisten",
                "tcp",
            ])
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb is installed (./reps.sh test installs it)");
        let until = Instant::now() + Duration::from_secs(10);
        while !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists() {
            assert!(Instant::now() < until, "Xvfb did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Screen {
            display,
            height,
            width,
            xvfb,
        }
    }

    pub fn xdotool(&self, args: &[&str]) {
        let ok = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.display)
            .status()
            .expect("xdotool");
        assert!(ok.success(), "xdotool {args:?}");
    }

    pub fn shot(&self, name: &str) -> PathBuf {
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
    /// SIGTERM first, so that Xvfb removes its display lock (`/tmp/.X<n>-lock`);
    /// killed outright only if it does not stop.
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .arg(self.xvfb.id().to_string())
            .status();
        let until = Instant::now() + Duration::from_secs(5);
        while Instant::now() < until {
            if let Ok(Some(_)) = self.xvfb.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.xvfb.kill();
        let _ = self.xvfb.wait();
    }
}

/// The running app, with the positions of its controls as it last reported them.
pub struct App<'s> {
    screen: &'s Screen,
    child: Child,
    rects: Arc<Mutex<HashMap<String, [i64; 4]>>>,
    texts: Arc<Mutex<HashMap<String, String>>>,
}

impl<'s> App<'s> {
    pub fn launch(screen: &'s Screen, data: &Path, extra: &[&str]) -> App<'s> {
        App::launch_with(screen, data, extra, &[])
    }

    /// Starts the app with extra environment variables (a D-Bus session…).
    pub fn launch_with(
        screen: &'s Screen,
        data: &Path,
        extra: &[&str],
        env: &[(&str, &str)],
    ) -> App<'s> {
        let mut child = Command::new(env!("CARGO_BIN_EXE_reps"))
            .args(["--data-dir", data.to_str().unwrap()])
            .args(extra)
            .env("DISPLAY", &screen.display)
            .env("REPS_E2E", "1")
            // no session bus unless a test brings its own: the app never
            // reaches the keychain or notifications of whoever runs the tests
            .env(
                "DBUS_SESSION_BUS_ADDRESS",
                "unix:path=/nonexistent/reps-test-bus",
            )
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(match std::env::var("REPS_E2E_STDERR") {
                Ok(f) => Stdio::from(std::fs::File::create(f).unwrap()),
                Err(_) => Stdio::null(),
            })
            .spawn()
            .expect("start reps");
        let rects = Arc::new(Mutex::new(HashMap::new()));
        let texts = Arc::new(Mutex::new(HashMap::new()));
        let out = child.stdout.take().unwrap();
        let (sink, text_sink) = (rects.clone(), texts.clone());
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                if let Some(json) = line.strip_prefix("E2E-RECTS ") {
                    if let Ok(map) = serde_json::from_str::<HashMap<String, [i64; 4]>>(json) {
                        *sink.lock().unwrap() = map;
                    }
                } else if let Some(json) = line.strip_prefix("E2E-TEXT ")
                    && let Ok(map) = serde_json::from_str::<HashMap<String, String>>(json)
                {
                    *text_sink.lock().unwrap() = map;
                }
            }
        });
        App {
            screen,
            child,
            rects,
            texts,
        }
    }

    /// What a control says now (a field's value, else its text).
    pub fn text(&self, id: &str) -> String {
        self.find(id);
        let until = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(t) = self.texts.lock().unwrap().get(id) {
                return t.clone();
            }
            assert!(Instant::now() < until, "no text for '{id}'");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until a control says something containing `part`.
    pub fn wait_text(&self, id: &str, part: &str) -> String {
        let until = Instant::now() + Duration::from_secs(15);
        loop {
            let now = self.texts.lock().unwrap().get(id).cloned();
            if let Some(t) = &now
                && t.contains(part)
            {
                return t.clone();
            }
            if Instant::now() >= until {
                let shot = self.screen.shot(&format!("failed-{id}"));
                panic!("'{id}' never said {part:?}; it says {now:?} (screen: {shot:?})");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Presses keys as xdotool names them ("Right", "ctrl+z", "Escape").
    pub fn key(&self, keys: &str) {
        self.screen.xdotool(&["key", keys]);
        std::thread::sleep(Duration::from_millis(400));
    }

    /// Types like a person, a key at a time.
    pub fn type_text(&self, text: &str) {
        self.screen.xdotool(&["type", "--delay", "40", text]);
        std::thread::sleep(Duration::from_millis(400));
    }

    /// Waits for the layout to settle (the stylesheet moves things once it
    /// applies), then taps a neutral spot: the first tap in a new window only
    /// focuses it, as with a person's first touch.
    pub fn ready(&self) -> &Self {
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
    pub fn find(&self, id: &str) -> (i64, i64) {
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

    pub fn gone(&self, id: &str) {
        let until = Instant::now() + Duration::from_secs(10);
        while self.rects.lock().unwrap().contains_key(id) {
            assert!(Instant::now() < until, "'{id}' is still there");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Scrolls with the mouse wheel until the control is on screen (above
    /// the tab bar), as a person would before tapping it.
    pub fn reveal(&self, id: &str) -> (i64, i64) {
        let tab_bar = if self.screen.width >= 760 { 10 } else { 104 };
        let bottom = self.screen.height - tab_bar;
        for _ in 0..60 {
            let (x, y) = self.find(id);
            // the tab bar stays put at the bottom
            if (10..=bottom).contains(&y) || id.starts_with("tab-") {
                return (x, y);
            }
            let wheel = if y > bottom { "5" } else { "4" };
            // over the screen's own column (on a wide window the tabs are beside it)
            let over = (
                x.clamp(20, 2000).to_string(),
                (self.screen.height / 2).to_string(),
            );
            self.screen
                .xdotool(&["mousemove", &over.0, &over.1, "click", wheel]);
            std::thread::sleep(Duration::from_millis(250));
        }
        panic!("could not scroll '{id}' into view");
    }

    pub fn click(&self, id: &str) {
        let (x, y) = self.reveal(id);
        self.screen
            .xdotool(&["mousemove", &x.to_string(), &y.to_string(), "click", "1"]);
        std::thread::sleep(Duration::from_millis(250));
    }

    /// Drags a control like a finger would: press, several small moves, release.
    pub fn drag(&self, id: &str, dx: i64, dy: i64) {
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

    pub fn deck_count(&self) -> String {
        self.rects
            .lock()
            .unwrap()
            .keys()
            .filter(|k| k.starts_with("deck-"))
            .cloned()
            .collect::<Vec<_>>()
            .join(",")
    }

    /// A screenshot of this app's screen.
    pub fn screen_shot(&self, name: &str) -> PathBuf {
        self.screen.shot(name)
    }

    /// SIGKILL, as a phone kills a backgrounded app.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

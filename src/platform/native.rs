//! The native entry point: command-line flags, opening the journal file,
//! the window (or the terminal summary).

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use reps_core::{Journal, ManualClock, Stamp, SystemClock};

use crate::platform::paths::Places;

const USAGE: &str = "\
Usage: reps [--demo] [--data-dir PATH] [--capture] [--size WxH] [--summary] [reps://LINK]

  --demo           open a sample journal (kept apart from your own)
  --data-dir PATH  keep the journal in PATH instead of the platform's data folder
  --capture        open straight into quick capture
  --size WxH       window size in logical pixels (default 390x844, a phone)
  --summary        print today's summary in the terminal instead of opening the window
  reps://LINK      open that screen (reps://capture, reps://today, reps://lead/ID…)
  --help           show this help

Exports and imports (the journal is not opened in a window):
";

#[derive(Debug, Default, PartialEq)]
struct Args {
    task: Option<crate::cli::Task>,
    demo: bool,
    data_dir: Option<PathBuf>,
    capture: bool,
    summary: bool,
    size: Option<(f64, f64)>,
    link: Option<String>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut parsed = Args::default();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--demo" => parsed.demo = true,
            "--capture" => parsed.capture = true,
            "--summary" => parsed.summary = true,
            word @ ("export" | "import") => {
                parsed.task = Some(crate::cli::parse(word, &mut args)?);
            }
            "sync" => parsed.task = Some(crate::cli::parse_sync(&mut args)?),
            "--private" => match &mut parsed.task {
                Some(crate::cli::Task::Export(
                    crate::cli::ExportKind::Proof { include_private },
                    _,
                )) => *include_private = true,
                _ => return Err("--private goes after 'export proof FILE'".into()),
            },
            "--yes" => match &mut parsed.task {
                Some(crate::cli::Task::Import { yes, .. }) => *yes = true,
                _ => return Err("--yes goes after 'import tracker FILE'".into()),
            },
            "--lead" => {
                let id = args.next().ok_or("--lead needs a lead's id after it")?;
                let id = id
                    .parse()
                    .map_err(|_| format!("'{id}' is not a lead's id"))?;
                match &mut parsed.task {
                    Some(crate::cli::Task::Import { lead, .. }) => *lead = Some(id),
                    _ => return Err("--lead goes after 'import invite FILE'".into()),
                }
            }
            "--size" => {
                let text = args.next().ok_or("--size needs a size like 1200x800")?;
                let size = text
                    .split_once('x')
                    .and_then(|(w, h)| Some((w.parse::<f64>().ok()?, h.parse::<f64>().ok()?)))
                    .filter(|(w, h)| (320.0..=8000.0).contains(w) && (320.0..=8000.0).contains(h))
                    .ok_or_else(|| format!("'{text}' is not a size like 1200x800"))?;
                parsed.size = Some(size);
            }
            "--data-dir" => {
                let dir = args.next().ok_or("--data-dir needs a folder after it")?;
                parsed.data_dir = Some(PathBuf::from(dir));
            }
            // A deep link from a shortcut, a widget or the system.
            link if link.starts_with("reps:") => {
                if crate::platform::links::route_for(link).is_none() {
                    return Err(format!("'{link}' is not a link to a screen of Reps"));
                }
                if crate::platform::links::route_for(link) == Some(crate::route::Route::Capture {})
                {
                    parsed.capture = true;
                } else {
                    parsed.link = Some(link.to_string());
                }
            }
            "-h" | "--help" => return Ok(None),
            other => return Err(format!("unknown option '{other}'")),
        }
    }
    Ok(Some(parsed))
}

/// Where this journal's files are: `--data-dir`, or the platform's folder.
fn places(args: &Args) -> Result<Places, String> {
    let data_dir = match &args.data_dir {
        Some(d) => d.clone(),
        None => crate::platform::paths::default_data_dir().map_err(|e| e.to_string())?,
    };
    Ok(Places::on_this_device(&data_dir, args.demo))
}

fn open(args: &Args, places: &Result<Places, String>) -> Result<Journal, String> {
    let path = places.as_ref().map_err(Clone::clone)?.journal.clone();
    let clock = SystemClock {
        tz: reps_core::time::device_zone(),
    };
    if args.demo && !path.exists() {
        // Fill the sample through the same commands the app uses, with a clock
        // that walks through the five weeks, then reopen on the real clock.
        let now = Stamp::new(chrono::Utc::now(), clock.tz);
        let sample_clock = Arc::new(ManualClock::new(now));
        let j = Journal::open(&path, sample_clock.clone()).map_err(|e| e.to_string())?;
        reps_core::demo::populate(&j, &sample_clock, now).map_err(|e| e.to_string())?;
    }
    Journal::open(&path, clock).map_err(|e| format!("{}: {e}", path.display()))
}

/// The page a phone's web view starts from: Dioxus' own, with the viewport
/// in place before the first paint (no `user-scalable=no`: zoom stays allowed).
#[cfg(all(feature = "mobile", not(feature = "desktop")))]
const PHONE_INDEX: &str = r#"<!DOCTYPE html>
<html lang="en">
    <head>
        <title>Reps</title>
        <meta name="viewport" content="{VIEWPORT}">
    </head>
    <body>
        <div id="main"></div>
    </body>
</html>
"#;

/// A binary built by plain `cargo build` (not bundled by `dx`) finds its
/// stylesheet in the source tree, the way `cargo run` does.
fn use_source_assets_when_unbundled() {
    let source = env!("CARGO_MANIFEST_DIR");
    let unbundled = std::env::var_os("DIOXUS_CLI_ENABLED").is_none()
        && std::env::var_os("CARGO_MANIFEST_DIR").is_none()
        && std::path::Path::new(source).join("assets").is_dir();
    if unbundled {
        // SAFETY: called first thing in `main`, before any other thread exists.
        unsafe { std::env::set_var("CARGO_MANIFEST_DIR", source) };
    }
}

/// The desktop entry point (phones start through the same path).
pub fn main() -> ExitCode {
    crate::platform::launch_timing::process_started();
    use_source_assets_when_unbundled();
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(a)) => a,
        Ok(None) => {
            println!("{USAGE}\n{}", crate::cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("reps: {e}\n\n{USAGE}\n{}", crate::cli::USAGE);
            return ExitCode::from(2);
        }
    };
    let places = places(&args);
    let journal = open(&args, &places);
    if let Some(task) = &args.task {
        return match journal
            .map_err(|e| format!("could not open the journal: {e}"))
            .and_then(|j| crate::cli::run(&j, task))
        {
            Ok(text) => {
                println!("{text}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("reps: {e}");
                ExitCode::FAILURE
            }
        };
    }
    if args.summary {
        return match journal
            .map_err(|e| format!("could not open the journal: {e}"))
            .and_then(|j| crate::cli::summary::render(&j).map_err(|e| e.to_string()))
        {
            Ok(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("reps: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let launch = crate::app::Launch {
        capture: args.capture,
        e2e: std::env::var_os("REPS_E2E").is_some(),
        failure: journal.as_ref().err().cloned(),
        demo: args.demo,
        link: args.link.clone(),
        places: places.ok(),
        // phones show it outside the app; a desktop test can ask for it
        outside_snapshot: cfg!(any(target_os = "android", target_os = "ios"))
            || std::env::var_os("REPS_OUTSIDE_SNAPSHOT").is_some(),
        // shares reach desktop and phones through the capture inbox
        shared: None,
    };
    if let Err(e) = &journal {
        eprintln!("reps: could not open the journal: {e}");
    }
    // resumes and links from the window's event loop (crate::platform::phone, crate::platform::incoming)
    let (outer, outer_events) = crate::platform::phone::channel();
    let mut builder = dioxus::LaunchBuilder::new()
        .with_context(launch)
        .with_context(outer_events);
    if let Ok(j) = journal {
        builder = builder.with_context(crate::journal::JournalHandle::spawn(j));
    }
    #[cfg(feature = "desktop")]
    {
        use dioxus::desktop::{Config, LogicalSize, WindowBuilder};
        let window = WindowBuilder::new()
            .with_title("Reps")
            .with_inner_size({
                let (w, h) = args.size.unwrap_or((390.0, 844.0));
                LogicalSize::new(w, h)
            })
            .with_min_inner_size(LogicalSize::new(320.0, 480.0));
        builder = builder.with_cfg(
            Config::new()
                .with_window(window)
                .with_menu(None)
                .with_disable_context_menu(true)
                .with_custom_event_handler(move |event, _| outer.forward(event)),
        );
    }
    #[cfg(all(feature = "mobile", not(feature = "desktop")))]
    {
        let _ = args.size;
        builder = builder.with_cfg(
            dioxus::mobile::Config::new()
                .with_custom_index(PHONE_INDEX.replace("{VIEWPORT}", crate::app::VIEWPORT))
                .with_custom_event_handler(move |event, _| outer.forward(event)),
        );
    }
    #[cfg(not(any(feature = "desktop", feature = "mobile")))]
    let _ = outer;
    builder.launch(crate::app::App);
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(v: &[&str]) -> Result<Option<Args>, String> {
        parse_args(v.iter().map(|s| s.to_string()))
    }

    #[test]
    fn flags_parse() {
        assert_eq!(
            args(&["--demo", "--data-dir", "/tmp/x", "--capture"]).unwrap(),
            Some(Args {
                task: None,
                demo: true,
                data_dir: Some("/tmp/x".into()),
                capture: true,
                summary: false,
                size: None,
                link: None,
            })
        );
        assert!(args(&["reps://capture"]).unwrap().unwrap().capture);
        assert_eq!(
            args(&["reps://today"]).unwrap().unwrap().link.as_deref(),
            Some("reps://today")
        );
        assert!(
            args(&["reps://nowhere"])
                .unwrap_err()
                .contains("not a link to a screen")
        );
        assert_eq!(args(&["--help"]).unwrap(), None);
    }

    #[test]
    fn mistakes_get_a_clear_message() {
        assert!(
            args(&["--data-dir"])
                .unwrap_err()
                .contains("needs a folder")
        );
        assert!(
            args(&["--frobnicate"])
                .unwrap_err()
                .contains("unknown option")
        );
        assert!(
            args(&["--size", "huge"])
                .unwrap_err()
                .contains("not a size")
        );
        assert_eq!(
            args(&["--size", "1200x800"]).unwrap().unwrap().size,
            Some((1200.0, 800.0))
        );
    }
}

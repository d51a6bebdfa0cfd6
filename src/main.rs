//! Reps: an offline interview journal.
//!
//! Until the Dioxus UI lands, the binary opens the journal and prints a
//! summary of it. `--demo` opens a separate journal filled with a sample
//! job search.

mod paths;
mod summary;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use reps_core::{Journal, ManualClock, Stamp, SystemClock};

const USAGE: &str = "\
Usage: reps [--demo] [--data-dir PATH]

  --demo           open a sample journal (kept apart from your own)
  --data-dir PATH  keep the journal in PATH instead of the platform's data folder
  --help           show this help";

#[derive(Debug, Default, PartialEq)]
struct Args {
    demo: bool,
    data_dir: Option<PathBuf>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut parsed = Args::default();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--demo" => parsed.demo = true,
            "--data-dir" => {
                let dir = args.next().ok_or("--data-dir needs a folder after it")?;
                parsed.data_dir = Some(PathBuf::from(dir));
            }
            "-h" | "--help" => return Ok(None),
            other => return Err(format!("unknown option '{other}'")),
        }
    }
    Ok(Some(parsed))
}

fn open(args: &Args) -> Result<Journal, String> {
    let data_dir = match &args.data_dir {
        Some(d) => d.clone(),
        None => paths::default_data_dir().map_err(|e| e.to_string())?,
    };
    let path = paths::journal_path(&data_dir, args.demo);
    let clock = SystemClock {
        tz: paths::device_zone(),
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

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(a)) => a,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("reps: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let journal = match open(&args) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("reps: could not open the journal: {e}");
            return ExitCode::FAILURE;
        }
    };
    match summary::render(&journal) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("reps: {e}");
            ExitCode::FAILURE
        }
    }
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
            args(&["--demo", "--data-dir", "/tmp/x"]).unwrap(),
            Some(Args {
                demo: true,
                data_dir: Some("/tmp/x".into())
            })
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
    }
}

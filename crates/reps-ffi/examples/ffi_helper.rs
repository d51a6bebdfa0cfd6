//! Test helper for the foreign-language tests in `tests/ffi/` (not shipped):
//! prepares journals and plays "the app" holding the journal in its own
//! process.
//!
//! ```text
//! ffi_helper seed DIR        a journal in DIR: Acme's interview ended 30 min
//!                            ago (debrief and thank-you due), Globex's in 3 h
//! ffi_helper newer DIR       a journal "from a newer Reps" (schema + 1)
//! ffi_helper hold DIR STOP   holds DIR's journal and takes its inbox in every
//!                            20 ms, printing "ready", then one line per take
//!                            that found something; when the file STOP appears,
//!                            takes in once more, prints "done" and exits
//! ffi_helper notes DIR       prints every debrief's note as a JSON array
//! ffi_helper leads DIR       prints every lead as [company, role, ad, unchecked]
//! ```

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use reps_core::inbox::CaptureInbox;
use reps_core::{
    Error, InterviewKind, InterviewPlan, Journal, LeadDetails, ManualClock, Source, Stage, Stamp,
    SystemClock,
};
use reps_ffi::{INBOX_DIR, JOURNAL_FILE};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["seed", dir] => seed(Path::new(dir)),
        ["newer", dir] => newer(Path::new(dir)),
        ["hold", dir, stop] => hold(Path::new(dir), Path::new(stop)),
        ["notes", dir] => notes(Path::new(dir)),
        ["leads", dir] => leads(Path::new(dir)),
        _ => Err("usage: ffi_helper seed|newer|notes|leads DIR | hold DIR STOPFILE".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ffi_helper: {e}");
            ExitCode::FAILURE
        }
    }
}

type Result<T = ()> = std::result::Result<T, String>;

fn text(e: impl std::fmt::Display) -> String {
    e.to_string()
}

fn now() -> Stamp {
    Stamp::new(chrono::Utc::now(), chrono_tz::UTC)
}

fn seed(dir: &Path) -> Result {
    let now = now();
    let j = Journal::open(dir.join(JOURNAL_FILE), ManualClock::new(now)).map_err(text)?;
    let minutes = |m: i64| now.add(chrono::Duration::minutes(m)).map_err(text);
    let acme = j
        .add_lead(LeadDetails::new("Acme", "Engineer", Source::JobBoard))
        .map_err(text)?;
    let ended = InterviewPlan::new(minutes(-90)?, 60, InterviewKind::Video, Stage::Screen);
    j.schedule_interview(acme.id, ended).map_err(text)?;
    let globex = j
        .add_lead(LeadDetails::new("Globex", "Developer", Source::JobBoard))
        .map_err(text)?;
    let mut soon = InterviewPlan::new(minutes(180)?, 45, InterviewKind::OnSite, Stage::Final);
    soon.place = "12 Main St".into();
    j.schedule_interview(globex.id, soon).map_err(text)?;
    Ok(())
}

fn newer(dir: &Path) -> Result {
    let path = dir.join(JOURNAL_FILE);
    drop(Journal::open(&path, ManualClock::new(now())).map_err(text)?);
    let db = redb::Database::open(&path).map_err(text)?;
    let txn = db.begin_write().map_err(text)?;
    txn.open_table(reps_core::store::tables::META)
        .map_err(text)?
        .insert("schema", reps_core::store::schema::SCHEMA_VERSION + 1)
        .map_err(text)?;
    txn.commit().map_err(text)
}

/// Opens the journal, waiting while another process still holds it (the
/// lock of a killed holder goes with its process, but the test may be quick).
fn open_when_free(path: &Path) -> Result<Journal> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match Journal::open(path, SystemClock { tz: chrono_tz::UTC }) {
            Err(Error::Busy) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(20))
            }
            other => return other.map_err(text),
        }
    }
}

fn hold(dir: &Path, stop: &Path) -> Result {
    let j = open_when_free(&dir.join(JOURNAL_FILE))?;
    let inbox = CaptureInbox::new(dir.join(INBOX_DIR));
    let mut out = std::io::stdout();
    let say = |out: &mut std::io::Stdout, line: String| -> Result {
        writeln!(out, "{line}").map_err(text)?;
        out.flush().map_err(text)
    };
    say(&mut out, "ready".into())?;
    loop {
        let stopping = stop.exists();
        let t = j.take_inbox(&inbox).map_err(text)?;
        if t.added + t.already + t.damaged + t.shared + t.shared_already > 0 {
            say(
                &mut out,
                format!(
                    "taken {} {} {} {} {}",
                    t.added, t.already, t.damaged, t.shared, t.shared_already
                ),
            )?;
        }
        if stopping {
            return say(&mut out, "done".into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn notes(dir: &Path) -> Result {
    let path: PathBuf = dir.join(JOURNAL_FILE);
    let j = open_when_free(&path)?;
    let notes: Vec<String> = j
        .all_debriefs()
        .map_err(text)?
        .into_iter()
        .map(|d| d.body.notes)
        .collect();
    println!("{}", serde_json::to_string(&notes).map_err(text)?);
    Ok(())
}

fn leads(dir: &Path) -> Result {
    let j = open_when_free(&dir.join(JOURNAL_FILE))?;
    let leads: Vec<(String, String, String, bool)> = j
        .all_leads()
        .map_err(text)?
        .into_iter()
        .map(|l| (l.details.company, l.details.role, l.details.ad, l.unchecked))
        .collect();
    println!("{}", serde_json::to_string(&leads).map_err(text)?);
    Ok(())
}

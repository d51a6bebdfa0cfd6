//! The journal against SQLite, on the real disk.
//!
//! One run generates a ten-year journal (≈5,000 leads, 3,000 interviews,
//! 3,000 debriefs, 2,000 contacts, 10,000 follow-ups, reproducible: fixed
//! "now", own PRNG), loads it into a redb [`Journal`] through
//! [`Journal::import`] and into SQLite (WAL, `synchronous=FULL`, one table per
//! record kind: JSON body plus the indexed columns the queries need), checks
//! that both answer the same, then times side by side:
//!
//! - a durable single edit (the debrief autosave),
//! - open + close,
//! - the Today query,
//! - and the floors, on a preallocated file in the same directory: one 4 KiB
//!   overwrite + `fdatasync`, four scattered ones + `fdatasync`, and as many
//!   scattered ones as a redb commit issues (counted from `/proc/self/io`).
//!
//! It also prints the open/close split and the per-lookup cost of redb reads
//! (transaction, table open, get, JSON decode) to explain the rows.
//!
//! The journal is made by `common` (shared with the other benches). Search
//! is timed by `benches/search.rs`, keystroke by keystroke, against SQLite
//! FTS5; the SQLite tables here still carry the searchable text columns, so
//! its edit keeps writing what a searchable SQLite journal would.
//!
//! ```text
//! CARGO_TARGET_DIR=/root/.cache/reps-target cargo bench -p reps-core --bench journal
//! REPS_BENCH_QUICK=1 cargo bench -p reps-core --bench journal   # 20× smaller, seconds
//! ```

use std::error::Error;
use std::fs::{File, OpenOptions};
use std::os::unix::fs::FileExt;
use std::os::unix::io::AsRawFd;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::TimeDelta;
use rusqlite::{Connection, Statement, params};

use reps_core::domain::lead::company_key;
use reps_core::formats::backup::Backup;
use reps_core::rules::today::{self, TodayItem};
use reps_core::rules::{checklist as checklist_rule, followups as due};
use reps_core::{
    Checklist, Contact, Debrief, DebriefBody, FollowUp, FollowUpKind, Interview, Journal, Lead,
    ManualClock, Settings, Stamp, Status,
};

type R<T> = Result<T, Box<dyn Error>>;

mod common;

use common::{
    FULL, Gen, Generated, NOW, QUICK, Rng, SEED, Samples, Scale, file_size, fmt, mib, ratio,
};

// ---------------------------------------------------------------- sizes

#[derive(Debug, Clone, Copy)]
struct Size {
    journal: Scale,
    warmup: usize,
    edits: usize,
    opens: usize,
    todays: usize,
    floor_file: u64,
}

const FULL_RUN: Size = Size {
    journal: FULL,
    warmup: 20,
    edits: 500,
    opens: 30,
    todays: 200,
    floor_file: 64 << 20,
};

const QUICK_RUN: Size = Size {
    journal: QUICK,
    warmup: 3,
    edits: 40,
    opens: 5,
    todays: 20,
    floor_file: 8 << 20,
};

// ---------------------------------------------------------------- SQLite

const SCHEMA: &str = "
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE templates (id BLOB PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE leads (
    id BLOB PRIMARY KEY, status INTEGER NOT NULL, company_key TEXT NOT NULL,
    company TEXT NOT NULL, role TEXT NOT NULL, location TEXT NOT NULL,
    seen TEXT NOT NULL, heard TEXT NOT NULL, body TEXT NOT NULL);
CREATE INDEX leads_by_status ON leads (status, id);
CREATE INDEX leads_by_company ON leads (company_key, id);
CREATE TABLE contacts (
    id BLOB PRIMARY KEY, company_key TEXT NOT NULL, name TEXT NOT NULL, company TEXT NOT NULL,
    role TEXT NOT NULL, met_where TEXT NOT NULL, notes TEXT NOT NULL, body TEXT NOT NULL);
CREATE INDEX contacts_by_company ON contacts (company_key, id) WHERE company_key <> '';
CREATE TABLE interviews (
    id BLOB PRIMARY KEY, lead_id BLOB NOT NULL, start_ms INTEGER NOT NULL,
    cancelled INTEGER NOT NULL, stage TEXT NOT NULL, place TEXT NOT NULL, goal TEXT NOT NULL,
    body TEXT NOT NULL);
CREATE INDEX interviews_by_start ON interviews (start_ms, id);
CREATE INDEX interviews_by_lead ON interviews (lead_id, id);
CREATE TABLE interview_people (
    contact_id BLOB NOT NULL, interview_id BLOB NOT NULL,
    PRIMARY KEY (contact_id, interview_id)) WITHOUT ROWID;
CREATE TABLE checklists (interview_id BLOB PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE debriefs (
    id BLOB PRIMARY KEY, interview_id BLOB, lead_id BLOB,
    people TEXT NOT NULL, went_well TEXT NOT NULL, improve TEXT NOT NULL, flags TEXT NOT NULL,
    questions TEXT NOT NULL, next_step TEXT NOT NULL, notes TEXT NOT NULL, body TEXT NOT NULL);
CREATE INDEX debriefs_by_interview ON debriefs (interview_id, id);
CREATE INDEX debriefs_by_lead ON debriefs (lead_id, id);
CREATE TABLE follow_ups (
    id BLOB PRIMARY KEY, due_ms INTEGER NOT NULL, open INTEGER NOT NULL,
    lead_id BLOB, contact_id BLOB, rule_key TEXT UNIQUE, body TEXT NOT NULL);
CREATE INDEX follow_ups_by_due ON follow_ups (due_ms, id) WHERE open = 1;
CREATE INDEX follow_ups_by_lead ON follow_ups (lead_id, id);
CREATE INDEX follow_ups_by_contact ON follow_ups (contact_id, id);
";

fn blob(key: u128) -> [u8; 16] {
    key.to_be_bytes()
}

fn opt_blob(key: Option<u128>) -> Option<Vec<u8>> {
    key.map(|k| blob(k).to_vec())
}

fn sqlite_open(path: &Path) -> R<Connection> {
    let conn = Connection::open(path)?;
    let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
    assert_eq!(mode, "wal");
    conn.execute_batch("PRAGMA synchronous=FULL")?;
    Ok(conn)
}

/// The searchable text of a debrief, joined as the journal's search joins it.
fn debrief_text(d: &Debrief) -> [String; 7] {
    let b = &d.body;
    let flags: Vec<&str> = b.red_flags.iter().map(|f| f.detail.as_str()).collect();
    let questions: Vec<&str> = b.questions.iter().map(|q| q.text.as_str()).collect();
    [
        b.people.join(", "),
        b.went_well.clone(),
        b.improve.clone(),
        flags.join("\n"),
        questions.join("\n"),
        b.next_step.clone(),
        b.notes.clone(),
    ]
}

fn sqlite_load(conn: &Connection, b: &Backup) -> R<()> {
    let tx = conn.unchecked_transaction()?;
    tx.execute_batch(SCHEMA)?;
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('schema', '1'), ('settings', ?1)",
        [serde_json::to_string(&b.settings)?],
    )?;
    {
        let mut st = tx.prepare("INSERT INTO templates (id, body) VALUES (?1, ?2)")?;
        for t in &b.templates {
            st.execute(params![blob(t.id.key()), serde_json::to_string(t)?])?;
        }
        let mut st = tx.prepare(
            "INSERT INTO leads (id, status, company_key, company, role, location, seen, heard, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for l in &b.leads {
            let d = &l.details;
            st.execute(params![
                blob(l.id.key()),
                l.status.code(),
                l.company_key(),
                d.company,
                d.role,
                d.location,
                d.seen,
                d.heard,
                serde_json::to_string(l)?
            ])?;
        }
        let mut st = tx.prepare(
            "INSERT INTO contacts (id, company_key, name, company, role, met_where, notes, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for c in &b.contacts {
            let d = &c.details;
            st.execute(params![
                blob(c.id.key()),
                company_key(&d.company),
                d.name,
                d.company,
                d.role,
                d.met_where,
                d.notes,
                serde_json::to_string(c)?
            ])?;
        }
        let mut st = tx.prepare(
            "INSERT INTO interviews (id, lead_id, start_ms, cancelled, stage, place, goal, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        let mut people = tx.prepare(
            "INSERT OR IGNORE INTO interview_people (contact_id, interview_id) VALUES (?1, ?2)",
        )?;
        for i in &b.interviews {
            st.execute(params![
                blob(i.id.key()),
                blob(i.lead.key()),
                i.plan.start.millis(),
                i.cancelled,
                i.plan.stage.to_string(),
                i.plan.place,
                i.plan.goal,
                serde_json::to_string(i)?
            ])?;
            for c in &i.plan.people {
                people.execute(params![blob(c.key()), blob(i.id.key())])?;
            }
        }
        let mut st = tx.prepare("INSERT INTO checklists (interview_id, body) VALUES (?1, ?2)")?;
        for c in &b.checklists {
            st.execute(params![blob(c.interview.key()), serde_json::to_string(c)?])?;
        }
        let mut st = tx.prepare(
            "INSERT INTO debriefs (id, interview_id, lead_id, people, went_well, improve, flags,
             questions, next_step, notes, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        for d in &b.debriefs {
            let [p, ww, im, fl, q, ns, n] = debrief_text(d);
            st.execute(params![
                blob(d.id.key()),
                opt_blob(d.interview.map(|i| i.key())),
                opt_blob(d.lead.map(|l| l.key())),
                p,
                ww,
                im,
                fl,
                q,
                ns,
                n,
                serde_json::to_string(d)?
            ])?;
        }
        let mut st = tx.prepare(
            "INSERT INTO follow_ups (id, due_ms, open, lead_id, contact_id, rule_key, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for f in &b.follow_ups {
            st.execute(params![
                blob(f.id.key()),
                f.effective_due().millis(),
                f.is_open(),
                opt_blob(f.lead.map(|l| l.key())),
                opt_blob(f.contact.map(|c| c.key())),
                f.rule_key,
                serde_json::to_string(f)?
            ])?;
        }
    }
    tx.commit()?;
    Ok(())
}

fn about(lead: &Lead) -> String {
    format!("{} — {}", lead.details.company, lead.details.role)
}

/// The SQLite side of the timed operations, statements prepared once (as an
/// app would keep them; rusqlite's statement cache is not enabled here).
struct Sql<'c> {
    begin: Statement<'c>,
    end: Statement<'c>,
    save_debrief: Statement<'c>,
    settings: Statement<'c>,
    due: Statement<'c>,
    soon: Statement<'c>,
    lead_debriefs: Statement<'c>,
    interview: Statement<'c>,
    undebriefed: Statement<'c>,
    waiting: Statement<'c>,
}

impl<'c> Sql<'c> {
    fn new(conn: &'c Connection) -> R<Self> {
        // The statuses in which silence counts, in the journal's order.
        let waiting: Vec<String> = Status::ALL
            .into_iter()
            .filter(|s| s.awaits_word())
            .map(|s| s.code().to_string())
            .collect();
        Ok(Self {
            begin: conn.prepare("BEGIN")?,
            end: conn.prepare("COMMIT")?,
            save_debrief: conn.prepare(
                "UPDATE debriefs SET people = ?2, went_well = ?3, improve = ?4, flags = ?5,
                 questions = ?6, next_step = ?7, notes = ?8, body = ?9 WHERE id = ?1",
            )?,
            settings: conn.prepare("SELECT value FROM meta WHERE key = 'settings'")?,
            due: conn.prepare(
                "SELECT f.body, l.body, CASE WHEN f.lead_id IS NULL THEN c.body END
                 FROM follow_ups f
                 LEFT JOIN leads l ON l.id = f.lead_id
                 LEFT JOIN contacts c ON c.id = f.contact_id
                 WHERE f.open = 1 AND f.due_ms < ?1
                 ORDER BY f.due_ms, f.id",
            )?,
            soon: conn.prepare(
                "SELECT i.body, l.body, c.body
                 FROM interviews i
                 JOIN leads l ON l.id = i.lead_id
                 JOIN checklists c ON c.interview_id = i.id
                 WHERE i.start_ms > ?1 AND i.start_ms <= ?2 AND i.cancelled = 0
                 ORDER BY i.start_ms, i.id",
            )?,
            lead_debriefs: conn
                .prepare("SELECT body FROM debriefs WHERE lead_id = ?1 ORDER BY lead_id, id")?,
            interview: conn.prepare("SELECT body FROM interviews WHERE id = ?1")?,
            undebriefed: conn.prepare(
                "SELECT i.body, l.body
                 FROM interviews i
                 JOIN leads l ON l.id = i.lead_id
                 WHERE i.start_ms >= ?1 AND i.start_ms <= ?2
                   AND NOT EXISTS (SELECT 1 FROM debriefs d WHERE d.interview_id = i.id)
                 ORDER BY i.start_ms, i.id",
            )?,
            waiting: conn.prepare(&format!(
                "SELECT l.id, l.body, i.body
                 FROM leads l LEFT JOIN interviews i ON i.lead_id = l.id
                 WHERE l.status IN ({})
                 ORDER BY l.status, l.id, i.id",
                waiting.join(", ")
            ))?,
        })
    }

    /// The autosave as SQLite would do it: the row rewritten in one autocommit
    /// statement (body plus the searchable columns derived from it).
    fn save_debrief(&mut self, old: &Debrief, body: DebriefBody, now: Stamp) -> R<()> {
        let mut d = old.clone();
        d.body = body;
        d.updated = now;
        let json = serde_json::to_string(&d)?;
        let [p, ww, im, fl, q, ns, n] = debrief_text(&d);
        let changed =
            self.save_debrief
                .execute(params![blob(d.id.key()), p, ww, im, fl, q, ns, n, json])?;
        assert_eq!(changed, 1);
        Ok(())
    }

    /// `Journal::today()` in SQL, decoding the same JSON into the same structs,
    /// in one read transaction (a consistent snapshot, as redb gives).
    fn today(&mut self, now: Stamp) -> R<Vec<TodayItem>> {
        self.begin.execute([])?;
        let items = self.today_in_txn(now);
        self.end.execute([])?;
        items
    }

    fn today_in_txn(&mut self, now: Stamp) -> R<Vec<TodayItem>> {
        let settings: Settings = {
            let mut rows = self.settings.query([])?;
            let row = rows.next()?.ok_or("no settings")?;
            serde_json::from_str(row.get_ref(0)?.as_str()?)?
        };
        let mut items = Vec::new();

        // Follow-ups due before the end of today, with their lead or contact.
        let mut rows = self.due.query([today::end_of_day(now).millis()])?;
        while let Some(row) = rows.next()? {
            let f: FollowUp = serde_json::from_str(row.get_ref(0)?.as_str()?)?;
            if !today::follow_up_is_due(&f, now) {
                continue;
            }
            if let (FollowUpKind::ThankYou, Some(i)) = (f.kind, f.interview) {
                let mut ivs = self.interview.query([blob(i.key())])?;
                let iv: Option<Interview> = match ivs.next()? {
                    Some(row) => Some(serde_json::from_str(row.get_ref(0)?.as_str()?)?),
                    None => None,
                };
                if today::waits_for_interview(&f, iv.as_ref(), now) {
                    continue;
                }
            }
            let label = match (
                row.get_ref(1)?.as_str_or_null()?,
                row.get_ref(2)?.as_str_or_null()?,
            ) {
                (Some(l), _) => about(&serde_json::from_str::<Lead>(l)?),
                (None, Some(c)) => serde_json::from_str::<Contact>(c)?.details.name,
                (None, None) => f.note.clone(),
            };
            let overdue = today::is_overdue(&f, now);
            items.push(TodayItem::FollowUp {
                followup: f,
                about: label,
                overdue,
            });
        }
        drop(rows);

        // Interviews of the next 24 hours, with their checklist progress.
        let (from, to) = today::checklist_window(now);
        let mut rows = self.soon.query([from.millis(), to.millis()])?;
        while let Some(row) = rows.next()? {
            let iv: Interview = serde_json::from_str(row.get_ref(0)?.as_str()?)?;
            let lead: Lead = serde_json::from_str(row.get_ref(1)?.as_str()?)?;
            let checklist: Checklist = serde_json::from_str(row.get_ref(2)?.as_str()?)?;
            let mut ds = Vec::new();
            let mut drows = self.lead_debriefs.query([blob(iv.lead.key())])?;
            while let Some(d) = drows.next()? {
                ds.push(serde_json::from_str::<Debrief>(d.get_ref(0)?.as_str()?)?);
            }
            let kept_ad = (!lead.details.ad.is_empty()).then_some(lead.id);
            let (done, total) =
                checklist_rule::view(&iv, &checklist, &ds, kept_ad, iv.created).progress();
            items.push(TodayItem::Checklist {
                interview: iv.id,
                lead: lead.id,
                about: about(&lead),
                starts: iv.plan.start,
                done,
                total,
            });
        }
        drop(rows);

        // Interviews held in the last two weeks with no debrief.
        let window = now.add(-TimeDelta::days(today::DEBRIEF_WINDOW_DAYS + 1))?;
        let mut rows = self.undebriefed.query([window.millis(), now.millis()])?;
        while let Some(row) = rows.next()? {
            let iv: Interview = serde_json::from_str(row.get_ref(0)?.as_str()?)?;
            let ended = iv.plan.end();
            let recent = ended.utc() >= now.utc() - TimeDelta::days(today::DEBRIEF_WINDOW_DAYS);
            if !iv.is_held(now) || !recent {
                continue;
            }
            let lead: Lead = serde_json::from_str(row.get_ref(1)?.as_str()?)?;
            items.push(TodayItem::WriteDebrief {
                interview: iv.id,
                lead: lead.id,
                about: about(&lead),
                ended,
            });
        }
        drop(rows);

        // Leads waiting on the company, silent for too long.
        let mut rows = self.waiting.query([])?;
        type Group = Option<(Vec<u8>, Lead, Vec<Interview>)>;
        let silent = |g: Group, items: &mut Vec<TodayItem>| {
            if let Some((_, lead, ivs)) = g {
                let live = ivs.iter().filter(|i| !i.cancelled);
                let upcoming = live.clone().any(|i| i.plan.start > now);
                let since = due::silence_since(&lead, live.map(|i| i.plan.end()));
                if due::is_silent(&lead, since, upcoming, now, &settings) {
                    items.push(TodayItem::Silent {
                        lead: lead.id,
                        about: about(&lead),
                        since,
                    });
                }
            }
        };
        let mut group: Group = None;
        while let Some(row) = rows.next()? {
            let id = row.get_ref(0)?.as_blob()?;
            if group.as_ref().is_none_or(|g| g.0 != id) {
                silent(group.take(), &mut items);
                let lead: Lead = serde_json::from_str(row.get_ref(1)?.as_str()?)?;
                group = Some((id.to_vec(), lead, Vec::new()));
            }
            if let (Some(iv), Some(g)) = (row.get_ref(2)?.as_str_or_null()?, group.as_mut()) {
                g.2.push(serde_json::from_str(iv)?);
            }
        }
        silent(group, &mut items);
        Ok(today::order(items))
    }
}

fn sqlite_count(conn: &Connection, table: &str) -> R<u64> {
    Ok(
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
            r.get::<_, i64>(0)
        })? as u64,
    )
}

// ---------------------------------------------------------------- floors

/// A preallocated file overwritten in place: the cost of `fdatasync` alone.
struct Floor {
    file: File,
    blocks: u64,
    buf: Vec<u8>,
    rng: Rng,
}

impl Floor {
    fn new(path: &Path, bytes: u64) -> R<Self> {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(path)?;
        let chunk = vec![0u8; 1 << 20];
        let mut off = 0;
        while off < bytes {
            file.write_all_at(&chunk, off)?;
            off += chunk.len() as u64;
        }
        file.sync_all()?;
        Ok(Self {
            file,
            blocks: bytes / 4096,
            buf: vec![0x5A; 4096],
            rng: Rng(7),
        })
    }

    fn sync(&self) {
        // SAFETY: the descriptor belongs to `self.file`, open for the whole call.
        let rc = unsafe { libc::fdatasync(self.file.as_raw_fd()) };
        assert_eq!(rc, 0, "fdatasync failed");
    }

    fn one_block(&mut self, i: usize) {
        self.buf[0] = i as u8;
        self.file.write_all_at(&self.buf, 0).expect("write");
        self.sync();
    }

    fn scattered(&mut self, i: usize, k: usize) {
        self.buf[0] = i as u8;
        for _ in 0..k {
            let at = self.rng.below(self.blocks) * 4096;
            self.file.write_all_at(&self.buf, at).expect("write");
        }
        self.sync();
    }
}

/// An edit a person makes while typing: the notes change a little each time.
fn edited(body: &DebriefBody, i: usize) -> DebriefBody {
    let mut b = body.clone();
    b.notes = format!(
        "{} Later thought ({i}): the pairing session went better than the call; ask about the team's roadmap{}",
        body.notes,
        ".".repeat(i % 7)
    );
    b
}

struct Row {
    name: String,
    redb: Duration,
    sqlite: Duration,
}

/// Write system calls and bytes written so far by this process (Linux).
fn io_writes() -> (u64, u64) {
    let text = std::fs::read_to_string("/proc/self/io").unwrap_or_default();
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0)
    };
    (field("syscw:"), field("wchar:"))
}

fn add_writes(total: &mut (u64, u64), before: (u64, u64), count: bool) {
    let after = io_writes();
    if count {
        total.0 += after.0 - before.0;
        total.1 += after.1 - before.1;
    }
}

struct Lookups {
    n: usize,
    begin_read: Duration,
    open_get: Duration,
    get: Duration,
    decode: Duration,
    decode_str: Duration,
}

/// Per-lookup costs on the journal file itself, through redb directly.
fn redb_lookups(path: &Path, b: &Backup) -> R<Lookups> {
    use redb::{ReadableDatabase, TableHandle};
    use reps_core::store::tables::LEADS;
    let db = redb::ReadOnlyDatabase::open(path)?;
    let txn = db.begin_read()?;
    let step = (b.leads.len() / 200).max(1);
    let keys: Vec<u128> = b.leads.iter().step_by(step).map(|l| l.id.key()).collect();
    let per = |d: Duration| d / keys.len() as u32;
    let (mut a, mut g, mut d) = (Samples::default(), Samples::default(), Samples::default());
    let (mut br, mut ds) = (Samples::default(), Samples::default());
    for _ in 0..20 {
        br.time(|| -> R<()> {
            for _ in 0..keys.len() {
                std::hint::black_box(db.begin_read()?);
            }
            Ok(())
        })?;
        a.time(|| -> R<()> {
            for k in &keys {
                let t = txn.open_table(LEADS)?;
                let v = t.get(*k)?.ok_or("missing")?;
                std::hint::black_box(v.value().len());
            }
            Ok(())
        })?;
        let t = txn.open_table(LEADS)?;
        g.time(|| -> R<()> {
            for k in &keys {
                let v = t.get(*k)?.ok_or("missing")?;
                std::hint::black_box(v.value().len());
            }
            Ok(())
        })?;
        let raw: Vec<Vec<u8>> = keys
            .iter()
            .map(|k| Ok(t.get(*k)?.ok_or("missing")?.value().to_vec()))
            .collect::<R<_>>()?;
        d.time(|| -> R<()> {
            for (k, r) in keys.iter().zip(&raw) {
                let l: Lead = reps_core::store::codec::decode(r, LEADS.name(), *k)?;
                std::hint::black_box(l);
            }
            Ok(())
        })?;
        // The same bytes checked as UTF-8 once, then parsed as a `str`.
        ds.time(|| -> R<()> {
            for r in &raw {
                let json = std::str::from_utf8(reps_core::store::codec::payload(r))?;
                let l: Lead = serde_json::from_str(json)?;
                std::hint::black_box(l);
            }
            Ok(())
        })?;
    }
    Ok(Lookups {
        n: keys.len(),
        begin_read: per(br.median()),
        open_get: per(a.median()),
        get: per(g.median()),
        decode: per(d.median()),
        decode_str: per(ds.median()),
    })
}

// ---------------------------------------------------------------- main

fn main() -> R<()> {
    let quick = common::quick();
    let size = if quick { QUICK_RUN } else { FULL_RUN };
    let base = std::env::temp_dir().join("reps-bench");
    std::fs::create_dir_all(&base)?;
    let dir = tempfile::Builder::new().prefix("run-").tempdir_in(&base)?;
    let now: Stamp = NOW.parse()?;
    let clock = Arc::new(ManualClock::new(now));
    println!(
        "reps journal benchmark ({}), now = {now}, files in {}",
        if quick { "QUICK, 20× smaller" } else { "full" },
        dir.path().display()
    );

    // 1. The journal.
    let t = Instant::now();
    let Generated {
        backup: b,
        autosave,
    } = Gen::new(now, size.journal, SEED).build();
    let gen_time = t.elapsed();
    let json_bytes = serde_json::to_vec(&b)?.len() as u64;
    println!(
        "generated in {}: {} leads, {} interviews, {} debriefs, {} contacts, {} follow-ups ({} open), {} checklists; backup JSON {}",
        fmt(gen_time),
        b.leads.len(),
        b.interviews.len(),
        b.debriefs.len(),
        b.contacts.len(),
        b.follow_ups.len(),
        b.follow_ups.iter().filter(|f| f.is_open()).count(),
        b.checklists.len(),
        mib(json_bytes),
    );

    let redb_path = dir.path().join("journal.redb");
    let sqlite_path = dir.path().join("journal.sqlite");
    let journal = Journal::open(&redb_path, clock.clone())?;
    let t = Instant::now();
    let summary = journal.import(b.clone())?;
    let redb_load = t.elapsed();
    let conn = sqlite_open(&sqlite_path)?;
    let t = Instant::now();
    sqlite_load(&conn, &b)?;
    let sqlite_load_time = t.elapsed();
    let mut sql = Sql::new(&conn)?;
    let counts = journal.counts()?;
    assert_eq!(summary.added, {
        b.templates.len()
            + b.leads.len()
            + b.contacts.len()
            + b.interviews.len()
            + b.checklists.len()
            + b.debriefs.len()
            + b.follow_ups.len()
    });
    for (table, n) in [
        ("leads", counts.leads),
        ("interviews", counts.interviews),
        ("debriefs", counts.debriefs),
        ("contacts", counts.contacts),
        ("follow_ups", counts.follow_ups),
    ] {
        assert_eq!(sqlite_count(&conn, table)?, n, "{table} count");
    }

    // 2. Both answer the same.
    let today_redb = journal.today()?;
    let today_sqlite = sql.today(now)?;
    assert_eq!(today_redb, today_sqlite, "Today differs");
    let kinds = |items: &[TodayItem]| {
        let mut k = [0usize; 5];
        for i in items {
            k[match i {
                TodayItem::Checklist { .. } => 0,
                TodayItem::WriteDebrief { .. } => 1,
                TodayItem::FollowUp { .. } => 2,
                TodayItem::Silent { .. } => 3,
                TodayItem::Practice { .. } => 4,
            }] += 1;
        }
        k
    };
    let k = kinds(&today_redb);
    assert!(
        k[0] >= 2 && k[1] >= 2 && k[2] >= 3 && k[3] >= 2,
        "Today should have real work: {k:?}"
    );
    println!(
        "Today: {} items ({} checklists, {} debriefs to write, {} follow-ups, {} silent leads); same on both",
        today_redb.len(),
        k[0],
        k[1],
        k[2],
        k[3]
    );
    // 3a. Durable single edit, interleaved with SQLite and the floors.
    let original = journal.debrief(autosave)?;
    let mut floor = Floor::new(&dir.path().join("floor.bin"), size.floor_file)?;
    // How many write calls one redb commit makes (header included), so a
    // third floor can issue exactly as many.
    let probe = 5;
    let before = io_writes();
    for i in 0..probe {
        journal.save_debrief(autosave, edited(&original.body, i))?;
    }
    let per_commit = (io_writes().0 - before.0) as f64 / probe as f64;
    let k = (per_commit.round() as usize).max(1);
    let (mut e_redb, mut e_sqlite, mut f1, mut f4, mut fk) = Default::default();
    let (mut w_redb, mut w_sqlite) = ((0u64, 0u64), (0u64, 0u64));
    let n = size.warmup + size.edits;
    for i in 0..n {
        let body = edited(&original.body, i);
        let count = i >= size.warmup;
        for step in 0..5 {
            match (i + step) % 5 {
                0 => {
                    let w = io_writes();
                    Samples::time(&mut e_redb, || journal.save_debrief(autosave, body.clone()))?;
                    add_writes(&mut w_redb, w, count);
                }
                1 => {
                    let w = io_writes();
                    Samples::time(&mut e_sqlite, || {
                        sql.save_debrief(&original, body.clone(), now)
                    })?;
                    add_writes(&mut w_sqlite, w, count);
                }
                2 => Samples::time(&mut f1, || floor.one_block(i)),
                3 => Samples::time(&mut f4, || floor.scattered(i, 4)),
                _ => Samples::time(&mut fk, || floor.scattered(i, k)),
            }
        }
    }
    let [e_redb, e_sqlite, f1, f4, fk]: [Samples; 5] =
        [e_redb, e_sqlite, f1, f4, fk].map(|s: Samples| s.skip(size.warmup));
    {
        let saved = journal.debrief(autosave)?;
        let body: String = conn.query_row(
            "SELECT body FROM debriefs WHERE id = ?1",
            [blob(autosave.key())],
            |r| r.get(0),
        )?;
        assert_eq!(
            saved,
            serde_json::from_str::<Debrief>(&body)?,
            "edit differs"
        );
        assert_eq!(saved.body, edited(&original.body, n - 1));
    }

    // 3b. Today.
    let (mut t_redb, mut t_sqlite) = (Samples::default(), Samples::default());
    for i in 0..size.warmup + size.todays {
        if i % 2 == 0 {
            let a = t_redb.time(|| journal.today())?;
            let b = t_sqlite.time(|| sql.today(now))?;
            assert_eq!(a.len(), b.len());
        } else {
            let b = t_sqlite.time(|| sql.today(now))?;
            let a = t_redb.time(|| journal.today())?;
            assert_eq!(a.len(), b.len());
        }
    }
    let (t_redb, t_sqlite) = (t_redb.skip(size.warmup), t_sqlite.skip(size.warmup));

    // 3d. Open + close (the handles above are closed first).
    drop(journal);
    drop(sql);
    drop(conn);
    let redb_size = file_size(&redb_path);
    let sqlite_size = file_size(&sqlite_path);
    // Each variant split into its open and its close; interleaved.
    let mut o: [Samples; 8] = Default::default();
    for i in 0..size.opens + 2 {
        for step in 0..4 {
            match (i + step) % 4 {
                0 => {
                    let j = o[0].time(|| Journal::open(&redb_path, clock.clone()))?;
                    o[1].time(|| drop(j));
                }
                1 => {
                    let c = o[2].time(|| -> R<Connection> {
                        let c = sqlite_open(&sqlite_path)?;
                        let v: String =
                            c.query_row("SELECT value FROM meta WHERE key = 'schema'", [], |r| {
                                r.get(0)
                            })?;
                        assert_eq!(v, "1");
                        Ok(c)
                    })?;
                    o[3].time(|| drop(c));
                }
                2 => {
                    let db = o[4].time(|| redb::Database::create(&redb_path))?;
                    o[5].time(|| drop(db));
                }
                _ => {
                    let db = o[6].time(|| redb::ReadOnlyDatabase::open(&redb_path))?;
                    o[7].time(|| drop(db));
                }
            }
        }
    }
    let o = o.map(|s| s.skip(2));
    let both = |a: &Samples, b: &Samples| -> Samples {
        Samples(a.0.iter().zip(&b.0).map(|(x, y)| *x + *y).collect())
    };
    let (o_redb, o_sqlite) = (both(&o[0], &o[1]), both(&o[2], &o[3]));

    // Where a redb read spends its time: a table opened per record (as the
    // journal's `load` does) against one open table, and the JSON decode.
    let diag = redb_lookups(&redb_path, &b)?;

    // 4. The table.
    let mut rows = vec![
        Row {
            name: "durable edit (save_debrief autosave)".into(),
            redb: e_redb.median(),
            sqlite: e_sqlite.median(),
        },
        Row {
            name: "open + close".into(),
            redb: o_redb.median(),
            sqlite: o_sqlite.median(),
        },
        Row {
            name: format!("Today ({} items)", today_redb.len()),
            redb: t_redb.median(),
            sqlite: t_sqlite.median(),
        },
    ];
    rows.push(Row {
        name: "bulk load, one transaction (once)".into(),
        redb: redb_load,
        sqlite: sqlite_load_time,
    });
    println!();
    println!(
        "{:<44} | {:>12} | {:>13} | {:>6}",
        "operation", "redb median", "sqlite median", "ratio"
    );
    println!("{}", "-".repeat(44 + 3 + 12 + 3 + 13 + 3 + 6));
    for r in &rows {
        println!(
            "{:<44} | {:>12} | {:>13} | {:>6.2}",
            r.name,
            fmt(r.redb),
            fmt(r.sqlite),
            ratio(r.redb, r.sqlite)
        );
    }
    println!("(ratio = redb / sqlite; below 1 means redb is faster)");

    println!();
    println!(
        "durable edit, {} iterations after {} warm-up, interleaved:",
        size.edits, size.warmup
    );
    println!(
        "  {:<34} | {:>10} | {:>10} | {:>8} | {:>9} | {:>9}",
        "", "median", "p95", "ops/s", "/1 block", "/4 blocks"
    );
    let fk_name = format!("floor: {k} scattered + fdatasync");
    for (name, s) in [
        ("redb Journal::save_debrief", &e_redb),
        ("sqlite UPDATE (autocommit, FULL)", &e_sqlite),
        ("floor: 1 block + fdatasync", &f1),
        ("floor: 4 scattered + fdatasync", &f4),
        (fk_name.as_str(), &fk),
    ] {
        println!(
            "  {:<34} | {:>10} | {:>10} | {:>8.0} | {:>9.2} | {:>9.2}",
            name,
            fmt(s.median()),
            fmt(s.p95()),
            s.ops(),
            ratio(s.median(), f1.median()),
            ratio(s.median(), f4.median())
        );
    }
    let per = |w: (u64, u64)| {
        (
            w.0 as f64 / size.edits as f64,
            w.1 as f64 / size.edits as f64 / 1024.0,
        )
    };
    let ((rw, rk), (sw, sk)) = (per(w_redb), per(w_sqlite));
    println!(
        "  write calls per commit (from /proc/self/io): redb {rw:.1} ({rk:.1} KiB, header + pages at scattered offsets), sqlite {sw:.1} ({sk:.1} KiB, one WAL frame); {k}-write floor matches redb's count"
    );
    println!(
        "  redb/sqlite per durable commit: {:.2}; redb / four-scattered floor: {:.2} (goal ≤ 1.15); redb / {k}-scattered floor: {:.2}",
        ratio(e_redb.median(), e_sqlite.median()),
        ratio(e_redb.median(), f4.median()),
        ratio(e_redb.median(), fk.median())
    );
    println!();
    println!("open / close, median of {} each, interleaved:", size.opens);
    for (name, open, close) in [
        ("Journal::open / drop", &o[0], &o[1]),
        ("sqlite open + pragmas + query / close", &o[2], &o[3]),
        ("bare redb Database::create / drop", &o[4], &o[5]),
        ("bare redb ReadOnlyDatabase::open / drop", &o[6], &o[7]),
    ] {
        println!(
            "  {:<40} {:>10} / {:>10}",
            name,
            fmt(open.median()),
            fmt(close.median())
        );
    }
    println!();
    println!(
        "redb lookups (one read transaction, {} leads by key, median of 20 rounds, per lookup):",
        diag.n
    );
    println!(
        "  begin_read + drop: {}   open_table + get: {}   get on an open table: {}",
        fmt(diag.begin_read),
        fmt(diag.open_get),
        fmt(diag.get),
    );
    println!(
        "  decode of the lead: codec::decode {}, bare from_utf8 + serde_json::from_str {}",
        fmt(diag.decode),
        fmt(diag.decode_str)
    );
    println!(
        "p95: Today redb {} / sqlite {}",
        fmt(t_redb.p95()),
        fmt(t_sqlite.p95()),
    );
    println!(
        "files after the run: redb {}, sqlite {} (+ WAL, checkpointed at close); backup JSON {}",
        mib(redb_size),
        mib(sqlite_size),
        mib(json_bytes)
    );
    Ok(())
}

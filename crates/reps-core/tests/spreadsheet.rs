//! The spreadsheet and notes formats end to end: the applications export read
//! back with the `csv` crate, the tracker import's preview → commit flow over
//! a real journal, refusals that change nothing, the Markdown notes, and the
//! `import_csv` fuzz target's inputs replayed on stable.

mod common;

use std::collections::HashSet;
use std::path::Path;

use common::*;
use reps_core::formats::applications_csv::{APPLICATION_COLUMNS, BOM, HISTORY_COLUMNS};
use reps_core::formats::tracker_import::{CsvImportError, preview_tracker_csv};
use reps_core::*;

const NOW: &str = "2026-11-23T18:00:00+01:00[Europe/Paris]";

fn demo() -> Journal {
    let c = clock(NOW);
    let j = Journal::in_memory(c.clone()).unwrap();
    reps_core::demo::populate(&j, &c, at(NOW)).unwrap();
    j
}

/// Records of an export, the BOM checked and removed.
fn records(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix(BOM).expect("exports start with a BOM");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_string).collect())
        .collect()
}

fn day(s: Stamp) -> String {
    s.local_date().to_string()
}

#[test]
fn every_lead_and_its_whole_history_is_in_the_applications_export() {
    let j = demo();
    let leads = j.all_leads().unwrap();
    let rows = records(&j.export_applications_csv().unwrap());
    assert_eq!(rows[0], APPLICATION_COLUMNS);
    assert_eq!(rows.len(), leads.len() + 1);
    let col = |name: &str| APPLICATION_COLUMNS.iter().position(|c| *c == name).unwrap();
    for (lead, row) in leads.iter().zip(&rows[1..]) {
        assert_eq!(row.len(), APPLICATION_COLUMNS.len());
        assert_eq!(row[col("Company")], lead.details.company);
        assert_eq!(row[col("Role")], lead.details.role);
        assert_eq!(row[col("Status now")], lead.status.to_string());
        assert_eq!(row[col("Date added")], day(lead.created));
        let history: Vec<&str> = row[col("Stage history")].split("; ").collect();
        assert_eq!(
            history.len(),
            lead.history.len(),
            "{}",
            row[col("Stage history")]
        );
        for (cell, change) in history.iter().zip(&lead.history) {
            assert!(cell.starts_with(&day(change.at)), "{cell} vs {change:?}");
        }
        let dates: Vec<&str> = history.iter().map(|h| &h[..10]).collect();
        assert!(dates.is_sorted(), "history in order: {dates:?}");
        let interviews = j.interviews_for_lead(lead.id).unwrap();
        let held = interviews.iter().filter(|i| !i.cancelled).count();
        assert_eq!(row[col("Interviews")], held.to_string());
    }
    let northwind = &rows[1];
    assert_eq!(northwind[col("Company")], "Northwind Logistics");
    assert_eq!(northwind[col("Date added")], "2026-10-19");
    assert_eq!(
        northwind[col("Date applied")],
        "2026-10-20",
        "the day after it was added"
    );
    assert_eq!(northwind[col("Interviews")], "3");
    assert_eq!(northwind[col("Offered pay")], "58000 EUR per year");
    let cobalt = rows
        .iter()
        .find(|r| r[col("Company")] == "Cobalt Games")
        .unwrap();
    assert_eq!(cobalt[col("Outcome")], "passed");
    assert_eq!(
        cobalt[col("Pass or decline reason")],
        "Outside my pay range — Well under my floor."
    );
    assert_eq!(cobalt[col("Date applied")], "", "never applied");
}

#[test]
fn the_long_export_has_every_status_change_in_order() {
    let j = demo();
    let leads = j.all_leads().unwrap();
    let rows = records(&j.export_stage_history_csv().unwrap());
    assert_eq!(rows[0], HISTORY_COLUMNS);
    let want: Vec<(String, String, String, String)> = leads
        .iter()
        .flat_map(|l| {
            l.history.iter().map(|c| {
                (
                    l.details.company.clone(),
                    day(c.at),
                    c.status.to_string(),
                    c.note.clone(),
                )
            })
        })
        .collect();
    let got: Vec<(String, String, String, String)> = rows[1..]
        .iter()
        .map(|r| (r[0].clone(), r[2].clone(), r[4].clone(), r[7].clone()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn export_preview_import_round_trip_keeps_companies_roles_statuses_and_dates() {
    let original = demo();
    let text = original.export_applications_csv().unwrap();
    let preview = preview_tracker_csv(&text, None).unwrap();
    assert_eq!(preview.problems, [], "{:#?}", preview.problems);
    assert!(preview.has_header);
    let (copy, _) = memory(NOW);
    let added = copy.import_tracker_rows(&preview).unwrap();
    let before = original.all_leads().unwrap();
    assert_eq!(added, before.len());
    let after = copy.all_leads().unwrap();
    let key = |l: &Lead| {
        (
            l.details.company.clone(),
            l.details.role.clone(),
            l.status,
            l.details.pay.clone(),
            l.details.work_mode,
            l.details.source,
        )
    };
    assert_eq!(
        after.iter().map(key).collect::<Vec<_>>(),
        before.iter().map(key).collect::<Vec<_>>()
    );
    // The dates a caseworker reads come back as they were.
    let again = records(&copy.export_applications_csv().unwrap());
    let first = records(&text);
    for name in [
        "Company",
        "Role",
        "Status now",
        "Date added",
        "Date applied",
    ] {
        let c = APPLICATION_COLUMNS.iter().position(|x| *x == name).unwrap();
        let a: Vec<&String> = first.iter().map(|r| &r[c]).collect();
        let b: Vec<&String> = again.iter().map(|r| &r[c]).collect();
        assert_eq!(a, b, "{name}");
    }
    // Indexes were written with the records.
    for lead in &after {
        assert!(
            copy.leads_with_status(lead.status)
                .unwrap()
                .iter()
                .any(|l| l.id == lead.id)
        );
        assert!(
            copy.leads_at(&lead.details.company)
                .unwrap()
                .iter()
                .any(|l| l.id == lead.id)
        );
        let check_ins = copy.follow_ups_for_lead(lead.id).unwrap();
        assert_eq!(
            check_ins.len(),
            usize::from(lead.status.awaits_word()),
            "only leads waiting for word get a check-in: {lead:?}"
        );
    }
}

#[test]
fn importing_the_same_file_again_adds_nothing() {
    let (j, _) = memory(NOW);
    let bytes = std::fs::read(fixtures_csv().join("teal-style.csv")).unwrap();
    let preview = j.preview_tracker_import(&bytes, None).unwrap();
    assert_eq!(j.import_tracker_rows(&preview).unwrap(), 5);
    let again = j.preview_tracker_import(&bytes, None).unwrap();
    assert!(again.rows.iter().all(|r| r.skip.is_some()), "{again:#?}");
    assert_eq!(j.import_tracker_rows(&again).unwrap(), 0);
    // A preview made before the first import is still safe to commit twice.
    assert_eq!(j.import_tracker_rows(&preview).unwrap(), 0);
    assert_eq!(j.all_leads().unwrap().len(), 5);
}

#[test]
fn an_imported_history_starts_on_the_dates_of_the_sheet() {
    let (j, _) = memory(NOW);
    let bytes = std::fs::read(fixtures_csv().join("huntr-style.csv")).unwrap();
    let preview = j.preview_tracker_import(&bytes, None).unwrap();
    j.import_tracker_rows(&preview).unwrap();
    let umbrella = &j.leads_at("Umbrella Corp").unwrap()[0];
    let steps: Vec<(String, Status)> = umbrella
        .history
        .iter()
        .map(|c| (day(c.at), c.status))
        .collect();
    assert_eq!(
        steps,
        [
            ("2026-01-10".to_string(), Status::New),
            ("2026-01-12".to_string(), Status::Taking),
            ("2026-11-23".to_string(), Status::Rejected),
        ]
    );
    assert_eq!(umbrella.created, umbrella.history[0].at);
    assert!(umbrella.history[2].note.contains("Form rejection"));
}

#[test]
fn problems_garbage_and_tampered_previews_change_nothing() {
    let j = demo();
    let before = snapshot(&j);

    let bad = "Company,Role,Date applied\nAcme,Dev,2026-03-01\n,Ops,2026-03-02\n";
    let preview = j.preview_tracker_import(bad.as_bytes(), None).unwrap();
    assert_eq!(preview.rows.len(), 1);
    assert_eq!(preview.problems.len(), 1);
    let err = j.import_tracker_rows(&preview).unwrap_err();
    assert!(
        matches!(err, Error::Csv(CsvImportError::HasProblems { count: 1 })),
        "{err}"
    );
    assert!(err.to_string().contains("nothing was imported"), "{err}");

    for garbage in [
        &b"\x00\x01\x02binary\xff\xfe"[..],
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0",
    ] {
        let err = j.preview_tracker_import(garbage, None).unwrap_err();
        assert!(
            err.to_string()
                .contains("this does not look like a CSV file"),
            "{err}"
        );
    }
    let big = vec![b'a'; reps_core::formats::tracker_import::MAX_BYTES + 1];
    assert!(matches!(
        j.preview_tracker_import(&big, None),
        Err(Error::Csv(CsvImportError::TooLarge { .. }))
    ));

    // A preview edited on its way back from the UI is checked again, whole:
    // the good rows before the bad one are not written either.
    let good = "Company,Role,Date applied\nA,X,2026-03-01\nB,Y,2026-03-02\nC,Z,2026-03-03\n";
    let mut tampered = j.preview_tracker_import(good.as_bytes(), None).unwrap();
    tampered.rows[2].details.company = " ".into();
    let err = j.import_tracker_rows(&tampered).unwrap_err();
    assert!(
        matches!(err, Error::Csv(CsvImportError::InvalidRow { line: 4, .. })),
        "{err}"
    );
    let mut future = j.preview_tracker_import(good.as_bytes(), None).unwrap();
    future.rows[1].applied = chrono::NaiveDate::from_ymd_opt(2027, 1, 1);
    assert!(j.import_tracker_rows(&future).is_err());

    // Dates after today are a problem at preview time already.
    let later = "Company,Role,Date applied\nA,X,2026-12-24\n";
    let p = j.preview_tracker_import(later.as_bytes(), None).unwrap();
    assert_eq!(p.problems.len(), 1);
    assert!(p.problems[0].message.contains("future"));
    assert!(j.import_tracker_rows(&p).is_err());

    assert_eq!(snapshot(&j), before);
}

#[test]
fn a_row_already_in_the_journal_is_skipped_not_refused() {
    let j = demo();
    let text =
        "Company,Role,Status\nnorthwind  LOGISTICS,backend developer,Applied\nNew Co,Dev,Applied\n";
    let preview = j.preview_tracker_import(text.as_bytes(), None).unwrap();
    assert_eq!(preview.problems, []);
    assert_eq!(
        preview.rows[0].skip.as_deref(),
        Some("already in your journal")
    );
    assert_eq!(preview.rows[1].skip, None);
    let n = j.all_leads().unwrap().len();
    assert_eq!(j.import_tracker_rows(&preview).unwrap(), 1);
    assert_eq!(j.all_leads().unwrap().len(), n + 1);
}

#[test]
fn the_notes_export_has_one_safe_file_per_lead_with_its_debriefs() {
    let j = demo();
    let files = j.export_notes_markdown().unwrap();
    let names: HashSet<&str> = files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names.len(), files.len(), "unique names");
    for f in &files {
        assert!(f.name.ends_with(".md"));
        assert!(!f.name.contains(['/', '\\', ':']), "{}", f.name);
        assert!(f.text.starts_with("---\ncompany: \""), "{}", f.text);
    }
    let leads = j.all_leads().unwrap();
    let with_interviews: Vec<&Lead> = leads
        .iter()
        .filter(|l| !j.interviews_for_lead(l.id).unwrap().is_empty())
        .collect();
    assert_eq!(files.len(), with_interviews.len(), "{names:?}");
    let northwind = files
        .iter()
        .find(|f| f.name == "northwind-logistics-backend-developer.md")
        .expect("northwind's note");
    for text in [
        "Explained the billing migration clearly",
        "- [ ] Who would I report to day to day?",
        "- High turnover (seen first-hand): Two of the four engineers left this year",
        "**Next step:** Hiring manager call if the team agrees",
        "Rambled on \"tell me about yourself\"; keep it to two minutes",
    ] {
        assert!(northwind.text.contains(text), "{text}\n{}", northwind.text);
    }
    let screen = northwind.text.find("— screen, phone").unwrap();
    let manager = northwind.text.find("— hiring manager, video").unwrap();
    let panel = northwind.text.find("— panel, on site").unwrap();
    assert!(
        screen < manager && manager < panel,
        "interviews in date order"
    );
    // One lead alone gives the same file.
    let one = j.export_notes_markdown_for(leads[0].id).unwrap();
    assert_eq!(&one, northwind);
    let quiet = leads
        .iter()
        .find(|l| l.details.company == "Lumen Energy")
        .unwrap();
    let note = j.export_notes_markdown_for(quiet.id).unwrap();
    assert_eq!(note.name, "lumen-energy-api-engineer.md");
    assert!(note.text.contains("# Lumen Energy — API Engineer"));
}

fn fixtures_csv() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/csv")
}

/// The `import_csv` fuzz target's body (`fuzz/fuzz_targets/import_csv.rs`):
/// panics on a bug, else says how many leads the input became.
fn fuzz_body(data: &[u8]) -> Option<usize> {
    use reps_core::formats::tracker_import;
    let (text, _) = tracker_import::decode_tracker_bytes(data).ok()?;
    let pure = tracker_import::preview_tracker_csv(&text, None).ok()?;
    if !pure.problems.is_empty() || pure.rows.is_empty() {
        return None;
    }
    let now: Stamp = "2026-11-23T10:00:00+01:00[Europe/Paris]".parse().unwrap();
    let journal = Journal::in_memory(ManualClock::new(now)).unwrap();
    let preview = journal.preview_tracker_import(data, None).unwrap();
    assert_eq!(preview.rows.len(), pure.rows.len());
    if !preview.problems.is_empty() {
        assert!(journal.import_tracker_rows(&preview).is_err());
        assert!(journal.all_leads().unwrap().is_empty());
        return None;
    }
    let added = journal
        .import_tracker_rows(&preview)
        .expect("a preview without problems imports");
    assert_eq!(added, preview.rows.len());
    assert_eq!(journal.all_leads().unwrap().len(), added);
    Some(added)
}

#[test]
fn fuzz_seeds_and_regressions_replay() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut seen = 0;
    for dir in ["seeds/import_csv", "regressions/import_csv"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            let outcome = std::panic::catch_unwind(|| fuzz_body(&bytes));
            assert!(outcome.is_ok(), "{} panicked", path.display());
            seen += 1;
        }
    }
    assert!(seen >= 3, "the seeds are there ({seen})");
    assert_eq!(
        fuzz_body(&std::fs::read(fixtures_csv().join("huntr-style.csv")).unwrap()),
        Some(5)
    );
}

//! Leads from another tracker's spreadsheet (a Huntr, Teal or Google Sheets
//! export, or a file the user kept by hand), in two steps the user sees:
//!
//! 1. [`preview_tracker_csv`] reads the text without touching any journal:
//!    it finds the delimiter (`,` `;` or tab), the header row and a BOM,
//!    guesses which column holds what ([`ColumnMap`], which the user may
//!    correct), and lists the lead each row will become, with every
//!    [`RowProblem`] by line. [`crate::Journal::preview_tracker_import`] adds
//!    what only the journal knows (rows it already holds, dates in its future).
//! 2. [`crate::Journal::import_tracker_rows`] takes that preview back, refuses
//!    it if it has any problem, checks every row again and writes all leads in
//!    one transaction — or nothing.
//!
//! Reading rules, chosen so that a surprise is reported rather than guessed:
//! - Dates: ISO `2026-03-01` (a time after it is ignored), `March 1, 2026`,
//!   `1 Mar 2026`, `1-Mar-2026`, and numeric `01/03/2026` (also `.` or `-`).
//!   Whether a numeric date is day- or month-first is decided for the whole
//!   file: a day above 12 settles it; if nothing settles it, day-first is
//!   used and a warning says so ([`DateOrder`] lets the user choose); a file
//!   where both orders appear is a problem.
//! - Status words are mapped to [`Status`] (`applied` → taking the
//!   interview, `interviewing`, `offer`, `rejected`, `ghosted`, `withdrawn`…);
//!   an unknown word becomes "taking the interview" when the row has an
//!   applied date and "new" otherwise, with a warning.
//! - Warnings never block an import; problems always do.

use std::collections::HashMap;
use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::domain::invalid::Invalid;
use crate::domain::limits;
use crate::time::Stamp;
use crate::{LeadDetails, Source, Stage, Status, StatusChange, WorkMode};

mod columns;
mod text;
mod values;

pub use columns::guess_mapping;
pub use text::decode_tracker_bytes;
pub use values::{parse_date, parse_pay, parse_status};

use columns::check_mapping;
use text::{check_size, detect_delimiter, looks_binary, read_records};
use values::{date_order, numeric_parts, parse_source, parse_work_mode};

/// Largest file accepted, checked before anything is parsed.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// Most rows imported at once (nobody's search has more applications).
pub const MAX_ROWS: usize = 10_000;

/// Why a tracker file was refused. The journal is never changed when one occurs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CsvImportError {
    /// Bigger than [`MAX_BYTES`].
    #[error("the file is too large for a tracker export ({bytes} bytes; at most {max})")]
    TooLarge {
        /// Size given.
        bytes: usize,
        /// Limit.
        max: usize,
    },
    /// Binary data, not text.
    #[error(
        "this does not look like a CSV file; export your tracker as CSV (comma or semicolon separated) and try again"
    )]
    NotCsv,
    /// Nothing in it.
    #[error("the file is empty")]
    Empty,
    /// More than [`MAX_ROWS`] rows.
    #[error("the file has more than {max} rows; split it and import the parts one by one")]
    TooManyRows {
        /// Limit.
        max: usize,
    },
    /// The CSV reader gave up.
    #[error("the file could not be read as CSV: {0}")]
    Unreadable(String),
    /// The preview still lists problems.
    #[error(
        "{count} problem(s) in the file must be fixed first (see the preview); nothing was imported"
    )]
    HasProblems {
        /// How many.
        count: usize,
    },
    /// A row failed the check at import time.
    #[error("line {line}: {problem}; nothing was imported")]
    InvalidRow {
        /// 1-based line in the file.
        line: usize,
        /// What is wrong.
        problem: String,
    },
}

/// How numeric dates like `01/03/2026` are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// Decided from the file (see the module docs).
    #[default]
    Auto,
    /// `01/03/2026` is 1 March.
    DayFirst,
    /// `01/03/2026` is 3 January.
    MonthFirst,
}

/// Which column (0-based) holds what. Guessed from the header names, or given
/// by the user when the guess is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ColumnMap {
    /// Company name (required).
    pub company: Option<usize>,
    /// Job title (required).
    pub role: Option<usize>,
    /// Status or stage word.
    pub status: Option<usize>,
    /// The date the application went out.
    pub applied: Option<usize>,
    /// The date the row was added to the tracker.
    pub added: Option<usize>,
    /// The ad or the company page.
    pub link: Option<usize>,
    /// City or region.
    pub location: Option<usize>,
    /// On site, hybrid, remote.
    pub work_mode: Option<usize>,
    /// Where the lead came from.
    pub source: Option<usize>,
    /// Pay range.
    pub pay: Option<usize>,
    /// Free notes.
    pub notes: Option<usize>,
    /// How numeric dates are read.
    #[serde(default)]
    pub date_order: DateOrder,
}

/// One row as it will be imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewRow {
    /// 1-based line where the row starts in the file.
    pub line: usize,
    /// The lead it creates.
    pub details: LeadDetails,
    /// The status it gets.
    pub status: Status,
    /// The interview stage, when the status word named one.
    pub stage: Option<Stage>,
    /// When the application went out, if given.
    pub applied: Option<NaiveDate>,
    /// When it was added to the tracker, if given.
    pub added: Option<NaiveDate>,
    /// Notes (and anything that did not fit a field), kept on the history.
    pub note: String,
    /// Why this row will not be imported (it is already in the journal).
    pub skip: Option<String>,
}

/// Something wrong (or worth a look) on one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowProblem {
    /// 1-based line in the file (the header is line 1 when there is one).
    pub line: usize,
    /// The column's name, when one column is at fault.
    pub column: Option<String>,
    /// What is wrong, in words.
    pub message: String,
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some(c) => write!(f, "line {}, {c}: {}", self.line, self.message),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

/// What an import would do, shown before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackerPreview {
    /// Column names (from the header, or `Column 1`, `Column 2`… without one).
    pub columns: Vec<String>,
    /// Whether the first row was taken as the header.
    pub has_header: bool,
    /// The delimiter found.
    pub delimiter: char,
    /// The mapping used (guessed or given).
    pub mapping: ColumnMap,
    /// The rows that read well.
    pub rows: Vec<PreviewRow>,
    /// What blocks the import, by line.
    pub problems: Vec<RowProblem>,
    /// What was guessed or changed; the import may go ahead.
    pub warnings: Vec<RowProblem>,
}

/// Reads a tracker's CSV text and lists what importing it would do. Nothing
/// is written anywhere; `mapping` replaces the guessed one when given.
pub fn preview_tracker_csv(
    text: &str,
    mapping: Option<&ColumnMap>,
) -> Result<TrackerPreview, CsvImportError> {
    check_size(text.len())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if looks_binary(text) {
        return Err(CsvImportError::NotCsv);
    }
    let delimiter = detect_delimiter(text);
    let records = read_records(text, delimiter)?;
    let Some((_, first)) = records.first() else {
        return Err(CsvImportError::Empty);
    };
    let guessed = guess_mapping(first);
    let has_header = guessed != ColumnMap::default();
    let columns: Vec<String> = if has_header {
        first
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if c.is_empty() {
                    format!("Column {}", i + 1)
                } else {
                    c.clone()
                }
            })
            .collect()
    } else {
        (1..=first.len()).map(|i| format!("Column {i}")).collect()
    };
    let mapping = mapping.cloned().unwrap_or(guessed);
    let mut preview = TrackerPreview {
        columns,
        has_header,
        delimiter: char::from(delimiter),
        mapping,
        rows: Vec::new(),
        problems: Vec::new(),
        warnings: Vec::new(),
    };
    let data = &records[usize::from(has_header)..];
    if !check_mapping(&mut preview) {
        return Ok(preview);
    }
    if data.is_empty() {
        preview.warnings.push(RowProblem {
            line: 1,
            column: None,
            message: "there are no rows below the header".into(),
        });
        return Ok(preview);
    }
    let order = date_order(data, &mut preview);
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for (line, cells) in data {
        if let Some(row) = read_row(*line, cells, order, &mut preview) {
            let key = (
                crate::domain::lead::company_key(&row.details.company),
                crate::domain::lead::company_key(&row.details.role),
            );
            if let Some(first) = seen.get(&key) {
                preview.warnings.push(RowProblem {
                    line: row.line,
                    column: None,
                    message: format!(
                        "same company and role as line {first}; both will be imported"
                    ),
                });
            } else {
                seen.insert(key, row.line);
            }
            preview.rows.push(row);
        }
    }
    Ok(preview)
}

/// Lower-case words of a header name: `Job-Title ` → `job title`.
fn words(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One data row, or `None` with its problems recorded.
fn read_row(
    line: usize,
    cells: &[String],
    order: Option<DateOrder>,
    p: &mut TrackerPreview,
) -> Option<PreviewRow> {
    let n = p.columns.len();
    if cells.len() < n || cells[n..].iter().any(|c| !c.is_empty()) {
        p.problems.push(RowProblem {
            line,
            column: None,
            message: format!(
                "has {} field(s) where the header has {n}; is a quote missing or a delimiter extra?",
                cells.len()
            ),
        });
        return None;
    }
    let m = &p.mapping;
    let columns = &p.columns;
    let get = |col: Option<usize>| col.and_then(|i| cells.get(i)).cloned().unwrap_or_default();
    let at = |col: Option<usize>, message: String| RowProblem {
        line,
        column: col.map(|i| columns[i].clone()),
        message,
    };
    let mut problems = Vec::new();
    let mut warnings = Vec::new();

    let mut details = LeadDetails::new(get(m.company), get(m.role), Source::Other);
    details.link = get(m.link);
    details.location = get(m.location);
    details.source = parse_source(&get(m.source));
    details.work_mode = parse_work_mode(&get(m.work_mode))
        .or_else(|| (words(&details.location) == "remote").then_some(WorkMode::Remote));
    let mut note = get(m.notes);
    for (col, field, text, max, required) in [
        (m.company, "company", &details.company, limits::SHORT, true),
        (m.role, "role", &details.role, limits::SHORT, true),
        (
            m.location,
            "location",
            &details.location,
            limits::SHORT,
            false,
        ),
        (m.link, "link", &details.link, limits::LINK, false),
        (m.notes, "notes", &note, limits::NOTE, false),
    ] {
        let checked = if required {
            limits::required(field, text, max)
        } else {
            limits::optional(field, text, max)
        };
        if let Err(Invalid { problem, .. }) = checked {
            problems.push(at(col, problem.to_string()));
        }
    }
    let mut dates = [None, None];
    for (slot, col) in dates.iter_mut().zip([m.applied, m.added]) {
        let text = get(col);
        if text.is_empty() {
            continue;
        }
        let Some(order) =
            order.or_else(|| numeric_parts(&text).is_none().then_some(DateOrder::Auto))
        else {
            continue; // a numeric date while the order is in question: reported once already
        };
        match parse_date(&text, order) {
            Some(d) if (1900..=9999).contains(&d.year()) => *slot = Some(d),
            Some(_) => problems.push(at(col, format!("{text} is outside the years 1900 to 9999"))),
            None => problems.push(at(
                col,
                format!(
                    "'{}' is not a date Reps can read (write it like 2026-03-01)",
                    clip(&text)
                ),
            )),
        }
    }
    let [applied, added] = dates;
    let status_text = get(m.status);
    let fallback = if applied.is_some() {
        Status::Taking
    } else {
        Status::New
    };
    let (status, stage) = parse_status(&status_text).unwrap_or_else(|| {
        if !status_text.is_empty() {
            warnings.push(at(
                m.status,
                format!(
                    "'{}' is not a status Reps knows; imported as \"{fallback}\"",
                    clip(&status_text)
                ),
            ));
        }
        (fallback, None)
    });
    let pay_text = get(m.pay);
    if !pay_text.is_empty() {
        match parse_pay(&pay_text) {
            Some(pay) => details.pay = Some(pay),
            None => {
                warnings.push(at(
                    m.pay,
                    format!(
                        "'{}' has no amount or currency Reps can read; it was added to the notes",
                        clip(&pay_text)
                    ),
                ));
                if !note.is_empty() {
                    note.push('\n');
                }
                note.push_str("Pay: ");
                note.push_str(&pay_text);
                if note.chars().count() > limits::NOTE {
                    problems.push(at(
                        m.notes,
                        "the notes and the pay together are too long".into(),
                    ));
                }
            }
        }
    }
    let ok = problems.is_empty();
    p.problems.extend(problems);
    p.warnings.extend(warnings);
    ok.then_some(PreviewRow {
        line,
        details,
        status,
        stage,
        applied,
        added,
        note,
        skip: None,
    })
}

/// At most 60 characters of user text inside a message.
fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        out.push('…');
    }
    out
}

/// Checks a row again at import time (the preview may have travelled through
/// the UI): every field, and no date after `today`.
pub(crate) fn recheck(row: &PreviewRow, today: NaiveDate) -> Result<(), CsvImportError> {
    let invalid = |problem: String| CsvImportError::InvalidRow {
        line: row.line,
        problem,
    };
    row.details.validate().map_err(|e| invalid(e.to_string()))?;
    limits::optional("notes", &row.note, limits::NOTE).map_err(|e| invalid(e.to_string()))?;
    if let Some(Stage::Custom(name)) = &row.stage {
        limits::required("stage", name, limits::SHORT).map_err(|e| invalid(e.to_string()))?;
    }
    for (what, date) in [("date applied", row.applied), ("date added", row.added)] {
        if let Some(d) = date {
            if d > today {
                return Err(invalid(format!("the {what} {d} is in the future")));
            }
            if d.year() < 1900 {
                return Err(invalid(format!("the {what} {d} is before 1900")));
            }
        }
    }
    Ok(())
}

/// The status history an imported row starts with, in the journal's zone:
/// "added" on the date added, "taking the interview" on the date applied,
/// then the tracker's status as of the import (`now`), each only when it
/// adds something. Dates count as noon local time, never later than `now`.
pub(crate) fn imported_history(
    row: &PreviewRow,
    now: Stamp,
) -> Result<Vec<StatusChange>, CsvImportError> {
    let noon = |d: NaiveDate| -> Result<Stamp, CsvImportError> {
        let at = Stamp::from_local(
            d.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default()),
            now.tz(),
        )
        .map_err(|e| CsvImportError::InvalidRow {
            line: row.line,
            problem: e.to_string(),
        })?;
        Ok(at.min(now))
    };
    let mut history = Vec::new();
    let applied = row.applied.map(noon).transpose()?;
    if let Some(added) = row.added.map(noon).transpose()?
        && applied.is_none_or(|a| added <= a)
    {
        history.push(StatusChange::to(Status::New, added));
    }
    if let Some(at) = applied {
        history.push(StatusChange::to(Status::Taking, at));
    }
    let last = history.last().map(|c| c.status);
    if last != Some(row.status) || row.stage.is_some() {
        history.push(StatusChange {
            stage: row.stage.clone(),
            ..StatusChange::to(row.status, now)
        });
    }
    if let Some(entry) = history.last_mut() {
        entry.note = if row.note.is_empty() {
            "imported from a spreadsheet".to_string()
        } else {
            format!("imported from a spreadsheet; notes: {}", row.note)
        };
    }
    Ok(history)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn sheet(body: &str) -> TrackerPreview {
        preview_tracker_csv(&format!("Company,Role,Date applied\n{body}"), None).unwrap()
    }

    #[test]
    fn bad_rows_are_reported_with_their_line_and_column() {
        let long = "x".repeat(limits::SHORT + 1);
        let text = format!(
            "Company,Role,Date applied\n\
             Good,Dev,2026-03-01\n\
             ,Dev,2026-03-01\n\
             Acme,Dev,soon\n\
             Acme,Dev,2026-03-01,extra\n\
             {long},Dev,\n\
             \"Multi\nline\",Dev,2026-02-30\n\
             Short,Row\n"
        );
        let p = preview_tracker_csv(&text, None).unwrap();
        assert_eq!(p.rows.len(), 1);
        let got: Vec<(usize, Option<&str>)> = p
            .problems
            .iter()
            .map(|x| (x.line, x.column.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (3, Some("Company")),
                (4, Some("Date applied")),
                (5, None),
                (6, Some("Company")),
                (7, Some("Date applied")),
                (9, None),
            ],
            "{:#?}",
            p.problems
        );
        assert_eq!(
            p.problems[0].to_string(),
            "line 3, Company: please fill this in"
        );
        assert!(p.problems[1].message.contains("'soon' is not a date"));
        assert!(p.problems[3].message.contains("too long"));
    }

    #[test]
    fn trailing_empty_fields_and_blank_lines_are_fine() {
        let p = sheet("A,X,2026-03-01,,\n\n,,\nB,Y,\n");
        assert_eq!(p.problems, []);
        assert_eq!(p.rows.len(), 2);
        assert_eq!(p.rows[1].line, 5);
    }

    #[test]
    fn cells_guarded_by_the_export_read_back_as_typed() {
        let p = preview_tracker_csv("Company,Role\n'=1+1,'@team\n'plain,x\n", None).unwrap();
        assert_eq!(p.rows[0].details.company, "=1+1");
        assert_eq!(p.rows[0].details.role, "@team");
        assert_eq!(
            p.rows[1].details.company, "'plain",
            "only a guard is removed"
        );
    }

    #[test]
    fn duplicates_inside_the_file_are_both_kept_with_a_warning() {
        let p = sheet("Acme,Dev,\nACME ,dev,\n");
        assert_eq!(p.rows.len(), 2);
        assert_eq!(p.warnings.len(), 1);
        assert!(p.warnings[0].message.contains("line 2"));
    }

    #[test]
    fn the_imported_history_starts_at_the_dates_given() {
        let now: Stamp = "2026-11-23T10:00:00+01:00[Europe/Paris]".parse().unwrap();
        let p = preview_tracker_csv(
            "Company,Role,Status,Date added,Date applied,Notes\n\
             A,X,Rejected,2026-02-01,2026-02-03,met at a fair\n\
             B,Y,Applied,,2026-02-03,\n\
             C,Z,Wishlist,,,\n\
             D,W,Applied,2026-11-23,,\n",
            None,
        )
        .unwrap();
        let h = imported_history(&p.rows[0], now).unwrap();
        let got: Vec<(Status, String)> = h.iter().map(|c| (c.status, c.at.to_string())).collect();
        assert_eq!(
            got,
            [
                (
                    Status::New,
                    "2026-02-01T12:00:00+01:00[Europe/Paris]".to_string()
                ),
                (
                    Status::Taking,
                    "2026-02-03T12:00:00+01:00[Europe/Paris]".to_string()
                ),
                (Status::Rejected, now.to_string()),
            ]
        );
        assert_eq!(
            h[2].note,
            "imported from a spreadsheet; notes: met at a fair"
        );
        let h = imported_history(&p.rows[1], now).unwrap();
        assert_eq!(h.len(), 1, "applied and nothing since: one entry");
        assert_eq!(h[0].status, Status::Taking);
        let h = imported_history(&p.rows[2], now).unwrap();
        assert_eq!((h.len(), h[0].status, h[0].at), (1, Status::New, now));
        let h = imported_history(&p.rows[3], now).unwrap();
        assert_eq!(h[0].at, now, "noon today is later than now: clamped");
        assert_eq!(h[1].status, Status::Taking);
        let today = now.local_date();
        assert!(recheck(&p.rows[0], today).is_ok());
        assert!(matches!(
            recheck(&p.rows[0], d(2026, 1, 1)),
            Err(CsvImportError::InvalidRow { line: 2, .. })
        ));
    }
}

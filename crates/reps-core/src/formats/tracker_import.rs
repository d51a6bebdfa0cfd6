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

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::domain::limits;
use crate::error::Invalid;
use crate::time::Stamp;
use crate::{LeadDetails, PayPeriod, PayRange, Source, Stage, Status, StatusChange, WorkMode};

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

/// Reads a file's bytes as text: UTF-8 (with or without BOM), UTF-16 with a
/// BOM, or — for what Excel calls "CSV" on Windows — Windows-1252.
/// Returns the text and, when it was not UTF-8, a warning to show.
pub fn decode_tracker_bytes(
    bytes: &[u8],
) -> Result<(Cow<'_, str>, Option<String>), CsvImportError> {
    check_size(bytes.len())?;
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes).map(|t| (Cow::Owned(t), None));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes).map(|t| (Cow::Owned(t), None));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((Cow::Borrowed(text), None)),
        Err(_) if bytes.contains(&0) => Err(CsvImportError::NotCsv),
        Err(_) => Ok((
            Cow::Owned(bytes.iter().map(|b| windows_1252(*b)).collect()),
            Some(
                "the file is not UTF-8, so it was read as Windows-1252 (Excel's \"CSV\"); check accented letters below"
                    .into(),
            ),
        )),
    }
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

fn check_size(bytes: usize) -> Result<(), CsvImportError> {
    if bytes > MAX_BYTES {
        return Err(CsvImportError::TooLarge {
            bytes,
            max: MAX_BYTES,
        });
    }
    Ok(())
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> Result<String, CsvImportError> {
    if bytes.len() % 2 != 0 {
        return Err(CsvImportError::NotCsv);
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| word([c[0], c[1]])).collect();
    String::from_utf16(&units).map_err(|_| CsvImportError::NotCsv)
}

/// The Windows-1252 code page (bytes 0x80–0x9F differ from Latin-1).
fn windows_1252(b: u8) -> char {
    const HIGH: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    match b {
        0x80..=0x9F => char::from_u32(u32::from(HIGH[usize::from(b - 0x80)])).unwrap_or('\u{fffd}'),
        _ => char::from(b),
    }
}

/// NUL bytes, or more than 1% control characters: not a text table.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut odd = 0usize;
    for c in text.chars() {
        total += 1;
        if c == '\0' {
            return true;
        }
        if (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{fffd}' {
            odd += 1;
        }
    }
    odd * 100 > total
}

/// The most frequent of `,` `;` tab in the first record (outside quotes).
fn detect_delimiter(text: &str) -> u8 {
    let mut quoted = false;
    let mut counts = [0usize; 3];
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).fold(0, |best, i| if counts[i] > counts[best] { i } else { best });
    [b',', b';', b'\t'][best]
}

/// Every non-blank record with the line it starts on; cells trimmed and
/// un-guarded (see [`crate::formats::applications_csv::guard_cell`]).
fn read_records(text: &str, delimiter: u8) -> Result<Vec<(usize, Vec<String>)>, CsvImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut lines = LineCounter::new(text);
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(CsvImportError::Unreadable(e.to_string())),
        }
        let cells: Vec<String> = record.iter().map(clean_cell).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        if out.len() > MAX_ROWS {
            return Err(CsvImportError::TooManyRows { max: MAX_ROWS });
        }
        let byte = record.position().map_or(0, |p| p.byte());
        out.push((
            lines.line_at(usize::try_from(byte).unwrap_or(usize::MAX)),
            cells,
        ));
    }
    Ok(out)
}

/// Line numbers by byte offset. The `csv` crate's own line count lags after
/// CRLF and blank lines, and its record offsets point at the line break
/// before the record, so the breaks are skipped and counted here.
struct LineCounter<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            bytes: text.as_bytes(),
            pos: 0,
            line: 1,
        }
    }

    /// The 1-based line of the first character at or after `byte` that is
    /// not a line break (offsets must not decrease between calls).
    fn line_at(&mut self, byte: usize) -> usize {
        let mut target = byte.min(self.bytes.len());
        while matches!(self.bytes.get(target), Some(b'\r' | b'\n')) {
            target += 1;
        }
        while self.pos < target {
            match self.bytes[self.pos] {
                b'\n' => self.line += 1,
                b'\r' if self.bytes.get(self.pos + 1) != Some(&b'\n') => self.line += 1,
                _ => {}
            }
            self.pos += 1;
        }
        self.line
    }
}

fn clean_cell(cell: &str) -> String {
    let t = cell.trim();
    match t.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_string(),
        _ => t.to_string(),
    }
}

/// Lower-case words of a header name: `Job-Title ` → `job title`.
fn words(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Company,
    Role,
    Status,
    Applied,
    Added,
    Link,
    Location,
    WorkMode,
    Source,
    Pay,
    Notes,
}

impl Field {
    /// In the order keyword matches are tried: a "Company URL" is a link.
    const ALL: [Field; 11] = [
        Field::Link,
        Field::Applied,
        Field::Added,
        Field::Pay,
        Field::Notes,
        Field::Status,
        Field::Source,
        Field::WorkMode,
        Field::Location,
        Field::Company,
        Field::Role,
    ];

    /// Header names that mean this field exactly.
    fn names(self) -> &'static [&'static str] {
        match self {
            Field::Company => &[
                "company",
                "company name",
                "employer",
                "organisation",
                "organization",
                "org",
            ],
            Field::Role => &[
                "role",
                "title",
                "job title",
                "position",
                "job position",
                "job",
                "job role",
                "position title",
            ],
            Field::Status => &[
                "status",
                "stage",
                "status now",
                "application status",
                "current status",
                "list",
                "state",
            ],
            Field::Applied => &[
                "date applied",
                "applied",
                "applied on",
                "applied date",
                "application date",
                "date of application",
                "applied at",
            ],
            Field::Added => &[
                "date added",
                "added",
                "added on",
                "date saved",
                "saved",
                "saved on",
                "date created",
                "created",
                "created at",
            ],
            Field::Link => &[
                "link",
                "url",
                "job url",
                "job link",
                "job posting",
                "posting",
                "posting url",
                "website",
                "job ad",
            ],
            Field::Location => &["location", "city", "place", "job location"],
            Field::WorkMode => &[
                "work mode",
                "remote",
                "workplace",
                "workplace type",
                "work type",
                "work arrangement",
                "remote or on site",
            ],
            Field::Source => &["source", "found via", "found on", "lead source", "channel"],
            Field::Pay => &[
                "salary",
                "pay",
                "pay range",
                "salary range",
                "compensation",
                "wage",
            ],
            Field::Notes => &["notes", "note", "comments", "comment", "remarks"],
        }
    }

    /// Words that, inside a longer header name, point at this field.
    fn keywords(self) -> &'static [&'static str] {
        match self {
            Field::Link => &["url", "link", "posting", "website"],
            Field::Applied => &["applied"],
            Field::Added => &["added", "saved", "created"],
            Field::Pay => &["salary", "pay", "compensation", "wage"],
            Field::Notes => &["notes", "note", "comments", "comment"],
            Field::Status => &["status", "stage"],
            Field::Source => &["source"],
            Field::WorkMode => &["remote", "workplace"],
            Field::Location => &["location", "city"],
            Field::Company => &["company", "employer", "organisation", "organization"],
            Field::Role => &["role", "title", "position"],
        }
    }

    fn slot(self, m: &mut ColumnMap) -> &mut Option<usize> {
        match self {
            Field::Company => &mut m.company,
            Field::Role => &mut m.role,
            Field::Status => &mut m.status,
            Field::Applied => &mut m.applied,
            Field::Added => &mut m.added,
            Field::Link => &mut m.link,
            Field::Location => &mut m.location,
            Field::WorkMode => &mut m.work_mode,
            Field::Source => &mut m.source,
            Field::Pay => &mut m.pay,
            Field::Notes => &mut m.notes,
        }
    }
}

/// Guesses the mapping from a header row: exact names first, then keywords
/// inside longer names; each column serves one field, each field takes the
/// leftmost column that fits. Nothing matches when the row is not a header.
pub fn guess_mapping(header: &[String]) -> ColumnMap {
    let names: Vec<String> = header.iter().map(|h| words(h)).collect();
    let mut map = ColumnMap::default();
    let mut used = vec![false; names.len()];
    for field in Field::ALL {
        if let Some(i) = (0..names.len()).find(|&i| !used[i] && field.names().contains(&&*names[i]))
        {
            *field.slot(&mut map) = Some(i);
            used[i] = true;
        }
    }
    for field in Field::ALL {
        if field.slot(&mut map).is_some() {
            continue;
        }
        let hit = (0..names.len()).find(|&i| {
            let ws: Vec<&str> = names[i].split(' ').collect();
            !used[i]
                && !ws.contains(&"history")
                && (field.keywords().iter().any(|k| ws.contains(k))
                    || (field == Field::Applied
                        && ws.contains(&"application")
                        && ws.contains(&"date")))
        });
        if let Some(i) = hit {
            *field.slot(&mut map) = Some(i);
            used[i] = true;
        }
    }
    map
}

fn mapped(m: &ColumnMap) -> [(Field, Option<usize>); 11] {
    [
        (Field::Company, m.company),
        (Field::Role, m.role),
        (Field::Status, m.status),
        (Field::Applied, m.applied),
        (Field::Added, m.added),
        (Field::Link, m.link),
        (Field::Location, m.location),
        (Field::WorkMode, m.work_mode),
        (Field::Source, m.source),
        (Field::Pay, m.pay),
        (Field::Notes, m.notes),
    ]
}

/// Company and role must be mapped, and to columns that exist.
fn check_mapping(p: &mut TrackerPreview) -> bool {
    let n = p.columns.len();
    for (field, col) in mapped(&p.mapping) {
        if let Some(i) = col
            && i >= n
        {
            p.problems.push(RowProblem {
                line: 1,
                column: None,
                message: format!(
                    "the {} is mapped to column {}, but the file has {n} column(s)",
                    field.label(),
                    i + 1
                ),
            });
        }
    }
    for (field, col) in [
        (Field::Company, p.mapping.company),
        (Field::Role, p.mapping.role),
    ] {
        if col.is_none() {
            p.problems.push(RowProblem {
                line: 1,
                column: None,
                message: format!(
                    "no column looks like the {}; choose which column holds it",
                    field.label()
                ),
            });
        }
    }
    p.problems.is_empty()
}

impl Field {
    fn label(self) -> &'static str {
        match self {
            Field::Company => "company",
            Field::Role => "role",
            Field::Status => "status",
            Field::Applied => "date applied",
            Field::Added => "date added",
            Field::Link => "link",
            Field::Location => "location",
            Field::WorkMode => "work mode",
            Field::Source => "source",
            Field::Pay => "pay",
            Field::Notes => "notes",
        }
    }
}

/// `01/03/2026` (or with `.`/`-`, or a two-digit year): the two leading
/// numbers and the year.
fn numeric_parts(text: &str) -> Option<(u32, u32, i32)> {
    let token = text.split_whitespace().next()?;
    let parts: Vec<&str> = token.split(['/', '.', '-']).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    let digits = |s: &str, max: usize| {
        !s.is_empty() && s.len() <= max && s.bytes().all(|c| c.is_ascii_digit())
    };
    if !(digits(a, 2) && digits(b, 2) && (y.len() == 2 || y.len() == 4) && digits(y, 4)) {
        return None;
    }
    let mut year: i32 = y.parse().ok()?;
    if y.len() == 2 {
        year += 2000;
    }
    Some((a.parse().ok()?, b.parse().ok()?, year))
}

/// Settles day- or month-first for the file's numeric dates.
/// `None` when both orders appear (reported once as a problem).
fn date_order(data: &[(usize, Vec<String>)], p: &mut TrackerPreview) -> Option<DateOrder> {
    if p.mapping.date_order != DateOrder::Auto {
        return Some(p.mapping.date_order);
    }
    let mut day_first: Option<(usize, usize, String)> = None;
    let mut month_first: Option<(usize, usize, String)> = None;
    let mut ambiguous: Option<(usize, usize, String)> = None;
    for (line, cells) in data {
        for col in [p.mapping.applied, p.mapping.added].into_iter().flatten() {
            let Some((a, b, _)) = cells.get(col).and_then(|c| numeric_parts(c)) else {
                continue;
            };
            let slot = if a > 12 && b <= 12 {
                &mut day_first
            } else if b > 12 && a <= 12 {
                &mut month_first
            } else if a != b && a <= 12 && b <= 12 {
                &mut ambiguous
            } else {
                continue;
            };
            slot.get_or_insert((*line, col, cells[col].clone()));
        }
    }
    match (day_first, month_first) {
        (Some((l1, _, d1)), Some((l2, c2, d2))) => {
            p.problems.push(RowProblem {
                line: l2,
                column: Some(p.columns[c2].clone()),
                message: format!(
                    "dates are written both day-first (line {l1}: {d1}) and month-first (line {l2}: {d2}); make them consistent or choose the order"
                ),
            });
            None
        }
        (Some(_), None) => Some(DateOrder::DayFirst),
        (None, Some(_)) => Some(DateOrder::MonthFirst),
        (None, None) => {
            if let Some((line, col, d)) = ambiguous {
                p.warnings.push(RowProblem {
                    line,
                    column: Some(p.columns[col].clone()),
                    message: format!(
                        "dates like {d} could be day/month or month/day; they were read as day/month/year — choose month/day if that is wrong"
                    ),
                });
            }
            Some(DateOrder::DayFirst)
        }
    }
}

/// Reads one date by the rules in the module docs.
pub fn parse_date(text: &str, order: DateOrder) -> Option<NaiveDate> {
    let t = text.trim();
    let b = t.as_bytes();
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
        let (Some(day), Some(rest)) = (t.get(..10), t.get(10..)) else {
            return None;
        };
        if rest.is_empty() || rest.starts_with(['T', 't', ' ']) {
            return NaiveDate::parse_from_str(day, "%Y-%m-%d").ok();
        }
        return None;
    }
    let token = t.split_whitespace().next().unwrap_or("");
    let parts: Vec<&str> = token.split(['/', '.', '-']).collect();
    if let [y, m, d] = parts.as_slice()
        && y.len() == 4
        && [y, m, d]
            .iter()
            .all(|s| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit()))
    {
        return NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    }
    if let Some((a, b, y)) = numeric_parts(t) {
        let (d, m) = match order {
            DateOrder::MonthFirst => (b, a),
            DateOrder::DayFirst | DateOrder::Auto => (a, b),
        };
        return NaiveDate::from_ymd_opt(y, m, d);
    }
    // Month names: "March 1, 2026", "1 Mar 2026", "1-Mar-2026", "Sunday, March 1st 2026".
    let named: String = t
        .replace([',', '-', '/', '.'], " ")
        .split_whitespace()
        .map(|w| {
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suffix = &w[digits.len()..];
            if !digits.is_empty()
                && digits.bytes().all(|c| c.is_ascii_digit())
                && ["st", "nd", "rd", "th"].contains(&suffix.to_lowercase().as_str())
            {
                digits.to_string()
            } else {
                w.to_string()
            }
        })
        .filter(|w| !is_weekday(w))
        .collect::<Vec<_>>()
        .join(" ");
    ["%B %d %Y", "%d %B %Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(&named, f).ok())
}

fn is_weekday(w: &str) -> bool {
    let w = w.to_lowercase();
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .iter()
    .any(|d| *d == w || (w.len() == 3 && d.starts_with(&w)))
}

/// Maps a tracker's status word; `None` when it means nothing we know.
pub fn parse_status(text: &str) -> Option<(Status, Option<Stage>)> {
    let t = words(text);
    if t.is_empty() {
        return None;
    }
    if let Some(s) = Status::ALL.iter().find(|s| words(&s.to_string()) == t) {
        return Some((*s, None));
    }
    let has = |keys: &[&str]| keys.iter().any(|k| t.contains(k));
    let status = if has(&["not interested", "not applying", "pass", "skip"]) {
        Status::Passed
    } else if has(&["withdr"]) {
        Status::Withdrew
    } else if has(&["declin"]) {
        Status::Declined
    } else if has(&[
        "reject",
        "not selected",
        "unsuccessful",
        "turned down",
        "no offer",
    ]) {
        Status::Rejected
    } else if has(&["ghost", "no response", "no reply", "no answer"]) {
        Status::Ghosted
    } else if has(&["accept", "hired", "signed"]) {
        Status::Accepted
    } else if has(&["offer"]) {
        Status::Offer
    } else if has(&[
        "interview",
        "screen",
        "assessment",
        "technical",
        "on site",
        "onsite",
        "final",
        "panel",
        "phone",
    ]) {
        let stage = if has(&["screen", "phone"]) {
            Some(Stage::Screen)
        } else if has(&["hiring manager"]) {
            Some(Stage::HiringManager)
        } else if has(&["technical", "assessment"]) {
            Some(Stage::Technical)
        } else if has(&["panel", "on site", "onsite"]) {
            Some(Stage::Panel)
        } else if has(&["final"]) {
            Some(Stage::Final)
        } else {
            None
        };
        return Some((Status::Interviewing, stage));
    } else if has(&["appl", "submitted", "sent"]) {
        Status::Taking
    } else if has(&["deciding", "considering", "maybe", "research"]) {
        Status::Deciding
    } else if has(&[
        "wish",
        "saved",
        "bookmark",
        "interested",
        "to apply",
        "new",
        "added",
    ]) {
        Status::New
    } else {
        return None;
    };
    Some((status, None))
}

fn parse_source(text: &str) -> Source {
    let t = words(text);
    let has = |keys: &[&str]| keys.iter().any(|k| t.contains(k));
    if has(&["recruit", "headhunt", "agency"]) {
        Source::RecruiterCall
    } else if has(&["referr", "referral", "recommend"]) {
        Source::Referral
    } else if has(&["reached out", "inbound", "company contacted"]) {
        Source::Inbound
    } else if has(&["network", "friend", "former colleague", "meetup"]) {
        Source::Network
    } else if has(&[
        "job board",
        "linkedin",
        "indeed",
        "glassdoor",
        "board",
        "website",
        "careers",
    ]) {
        Source::JobBoard
    } else {
        Source::Other
    }
}

fn parse_work_mode(text: &str) -> Option<WorkMode> {
    let t = words(text);
    if t.contains("hybrid") {
        Some(WorkMode::Hybrid)
    } else if t.contains("remote") {
        Some(WorkMode::Remote)
    } else if ["on site", "onsite", "office", "in person"]
        .iter()
        .any(|k| t.contains(k))
    {
        Some(WorkMode::OnSite)
    } else {
        None
    }
}

/// `52000-60000 EUR per year`, `€50k–60k`, `$120,000`, `25.50 GBP/hour`…
/// `None` when there is no figure or no currency to tell what it counts.
pub fn parse_pay(text: &str) -> Option<PayRange> {
    let lower = text.to_lowercase();
    let code = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .map(|w| w.to_ascii_uppercase())
        .find(|w| CURRENCIES.contains(&w.as_str()));
    let symbol = [
        ('€', "EUR"),
        ('£', "GBP"),
        ('$', "USD"),
        ('¥', "JPY"),
        ('₹', "INR"),
    ]
    .iter()
    .find(|(s, _)| text.contains(*s))
    .map(|(_, c)| (*c).to_string());
    let currency = code.or(symbol)?;
    let ws: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let any = |keys: &[&str]| keys.iter().any(|k| ws.contains(k));
    let period = if any(&["hour", "hourly", "hr", "h", "ph"]) {
        PayPeriod::Hour
    } else if any(&["day", "daily"]) {
        PayPeriod::Day
    } else if any(&["month", "monthly", "mo", "mth", "pm"]) {
        PayPeriod::Month
    } else {
        PayPeriod::Year
    };
    let figures = figures(text)?;
    let only_max = any(&["up", "max", "maximum"]) || lower.trim_start().starts_with('<');
    let only_min = any(&["from", "min", "minimum", "at least"]) || lower.trim_end().ends_with('+');
    let (min, max) = match figures.as_slice() {
        [one] if only_max => (None, Some(*one)),
        [one] if only_min => (Some(*one), None),
        [one] => (Some(*one), Some(*one)),
        [lo, hi] if lo <= hi => (Some(*lo), Some(*hi)),
        _ => return None,
    };
    Some(PayRange {
        min,
        max,
        currency,
        period,
    })
}

const CURRENCIES: [&str; 24] = [
    "EUR", "USD", "GBP", "CHF", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF",
    "RON", "JPY", "CNY", "INR", "SGD", "HKD", "ZAR", "BRL", "MXN", "ILS", "TRY",
];

/// The numbers in a pay text: `52,000` and `52 000` and `52.000` are one
/// number, `52.5k` is 52500, `25.50` is 25 (whole units), and in `50-60k`
/// the `k` counts for both.
fn figures(text: &str) -> Option<Vec<u64>> {
    let raw = raw_figures(text)?;
    let any_k = raw.iter().any(|(_, k)| *k);
    raw.into_iter()
        .map(|(v, k)| {
            if any_k && !k && v < 1000 {
                v.checked_mul(1000)
            } else {
                Some(v)
            }
        })
        .collect()
}

fn raw_figures(text: &str) -> Option<Vec<(u64, bool)>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut whole = String::new();
        let mut fraction = String::new();
        loop {
            while i < chars.len() && chars[i].is_ascii_digit() {
                whole.push(chars[i]);
                i += 1;
            }
            // A separator followed by exactly three digits groups thousands;
            // `.` or `,` followed by one or two digits starts a fraction.
            let Some(&sep) = chars.get(i) else { break };
            if !matches!(sep, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '\'') {
                break;
            }
            let run = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if run == 3 {
                i += 1;
            } else if matches!(sep, ',' | '.') && (1..=2).contains(&run) {
                fraction = chars[i + 1..i + 1 + run].iter().collect();
                i += 1 + run;
                break;
            } else {
                break;
            }
        }
        let thousands = matches!(chars.get(i), Some('k' | 'K'));
        if thousands {
            i += 1;
        }
        let whole: u64 = whole.parse().ok()?;
        let value = if thousands {
            let frac: u64 = format!("{fraction:0<3}").parse().ok()?;
            whole.checked_mul(1000)?.checked_add(frac)?
        } else {
            whole
        };
        out.push((value, thousands));
    }
    (!out.is_empty()).then_some(out)
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

    fn fixture(name: &str) -> String {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/csv")
            .join(name);
        std::fs::read_to_string(path).expect("fixture")
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_huntr_style_export_maps_by_header_names() {
        let p = preview_tracker_csv(&fixture("huntr-style.csv"), None).unwrap();
        assert!(p.has_header);
        assert_eq!(p.delimiter, ',');
        let col = |i: Option<usize>| i.map(|i| p.columns[i].as_str());
        assert_eq!(col(p.mapping.company), Some("Company"));
        assert_eq!(col(p.mapping.role), Some("Job Title"));
        assert_eq!(col(p.mapping.status), Some("List"));
        assert_eq!(col(p.mapping.applied), Some("Date Applied"));
        assert_eq!(col(p.mapping.added), Some("Date Created"));
        assert_eq!(col(p.mapping.link), Some("Job URL"));
        assert_eq!(col(p.mapping.pay), Some("Salary"));
        assert_eq!(col(p.mapping.notes), Some("Notes"));
        assert_eq!(p.problems, [], "{:#?}", p.problems);
        assert_eq!(p.rows.len(), 5);
        let r = &p.rows[0];
        assert_eq!(
            (r.details.company.as_str(), r.details.role.as_str()),
            ("Acme Robotics", "Backend Engineer")
        );
        assert_eq!(r.status, Status::Taking);
        assert_eq!(r.applied, Some(d(2026, 2, 3)));
        assert_eq!(
            r.details.pay.as_ref().map(|p| (p.min, p.max)),
            Some((Some(90_000), Some(110_000)))
        );
        assert_eq!(p.rows[1].status, Status::Interviewing);
        assert_eq!(p.rows[1].stage, Some(Stage::Screen));
        assert!(
            p.rows[1].note.contains("recruiter, said \"great fit\""),
            "{:?}",
            p.rows[1].note
        );
        assert_eq!(p.rows[1].line, 3);
        assert_eq!(
            p.rows[2].line, 5,
            "a record with a line break inside spans two lines"
        );
    }

    #[test]
    fn a_teal_style_export_with_month_names_and_separate_url() {
        let p = preview_tracker_csv(&fixture("teal-style.csv"), None).unwrap();
        let col = |i: Option<usize>| i.map(|i| p.columns[i].as_str());
        assert_eq!(col(p.mapping.company), Some("Company Name"));
        assert_eq!(col(p.mapping.role), Some("Job Position"));
        assert_eq!(col(p.mapping.status), Some("Application Status"));
        assert_eq!(col(p.mapping.applied), Some("Application Date"));
        assert_eq!(col(p.mapping.added), Some("Date Saved"));
        assert_eq!(col(p.mapping.link), Some("Posting URL"));
        assert_eq!(col(p.mapping.location), Some("Location"));
        assert_eq!(col(p.mapping.work_mode), Some("Workplace Type"));
        assert_eq!(col(p.mapping.pay), Some("Salary Range"));
        assert_eq!(p.problems, []);
        assert_eq!(p.rows[0].applied, Some(d(2026, 3, 1)));
        assert_eq!(p.rows[0].details.work_mode, Some(WorkMode::Remote));
        let statuses: Vec<Status> = p.rows.iter().map(|r| r.status).collect();
        assert_eq!(
            statuses,
            [
                Status::Taking,
                Status::Offer,
                Status::Rejected,
                Status::New,
                Status::Ghosted
            ]
        );
        assert_eq!(
            p.rows[3].applied, None,
            "a bookmarked job has no date applied"
        );
    }

    #[test]
    fn a_european_sheet_with_semicolons_bom_and_day_first_dates() {
        let p = preview_tracker_csv(&fixture("sheets-semicolon.csv"), None).unwrap();
        assert_eq!(p.delimiter, ';');
        assert_eq!(p.columns[0], "Entreprise / Company", "the BOM is gone");
        let col = |i: Option<usize>| i.map(|i| p.columns[i].as_str());
        assert_eq!(col(p.mapping.company), Some("Entreprise / Company"));
        assert_eq!(col(p.mapping.role), Some("Position"));
        assert_eq!(col(p.mapping.status), Some("Stage"));
        assert_eq!(col(p.mapping.applied), Some("Applied on"));
        assert_eq!(col(p.mapping.pay), Some("Pay"));
        assert_eq!(p.problems, [], "{:#?}", p.problems);
        assert!(
            p.warnings.iter().all(|w| !w.message.contains("day/month")),
            "13/01 settles it"
        );
        assert_eq!(p.rows[0].details.company, "Société Générale");
        assert_eq!(p.rows[0].applied, Some(d(2026, 1, 13)));
        assert_eq!(
            p.rows[1].applied,
            Some(d(2026, 2, 5)),
            "05/02 is 5 February"
        );
        assert_eq!(
            p.rows[0]
                .details
                .pay
                .as_ref()
                .map(|p| (p.min, p.max, p.currency.as_str())),
            Some((Some(48_000), Some(55_000), "EUR"))
        );
    }

    #[test]
    fn dates_in_every_accepted_shape() {
        use DateOrder::*;
        for (text, order, want) in [
            ("2026-03-01", Auto, Some(d(2026, 3, 1))),
            ("2026-03-01T09:30:00Z", Auto, Some(d(2026, 3, 1))),
            ("2026-03-01 09:30", Auto, Some(d(2026, 3, 1))),
            ("2026/03/01", Auto, Some(d(2026, 3, 1))),
            ("01/03/2026", DayFirst, Some(d(2026, 3, 1))),
            ("01/03/2026", MonthFirst, Some(d(2026, 1, 3))),
            ("1.3.26", DayFirst, Some(d(2026, 3, 1))),
            ("3/1/2026 10:00:00", MonthFirst, Some(d(2026, 3, 1))),
            ("March 1, 2026", Auto, Some(d(2026, 3, 1))),
            ("Mar 1 2026", Auto, Some(d(2026, 3, 1))),
            ("1 March 2026", Auto, Some(d(2026, 3, 1))),
            ("1-Mar-2026", Auto, Some(d(2026, 3, 1))),
            ("Sunday, March 1st, 2026", Auto, Some(d(2026, 3, 1))),
            ("31/02/2026", DayFirst, None),
            ("2026-13-01", Auto, None),
            ("2026-03-01x", Auto, None),
            ("yesterday", Auto, None),
            ("1/2/3/4", Auto, None),
            ("", Auto, None),
        ] {
            assert_eq!(parse_date(text, order), want, "{text:?} {order:?}");
        }
    }

    fn sheet(body: &str) -> TrackerPreview {
        preview_tracker_csv(&format!("Company,Role,Date applied\n{body}"), None).unwrap()
    }

    #[test]
    fn the_date_order_is_settled_by_the_whole_column() {
        let p = sheet("A,X,03/04/2026\nB,Y,04/13/2026\n");
        assert_eq!(
            p.rows[0].applied,
            Some(d(2026, 3, 4)),
            "month-first because of 04/13"
        );
        let p = sheet("A,X,03/04/2026\nB,Y,13/04/2026\n");
        assert_eq!(p.rows[0].applied, Some(d(2026, 4, 3)));
        assert!(p.warnings.is_empty());
        let p = sheet("A,X,03/04/2026\nB,Y,05/06/2026\n");
        assert_eq!(
            p.rows[0].applied,
            Some(d(2026, 4, 3)),
            "day-first by default"
        );
        assert_eq!(p.warnings.len(), 1);
        assert_eq!(p.warnings[0].line, 2);
        assert!(
            p.warnings[0].message.contains("03/04/2026"),
            "{}",
            p.warnings[0]
        );
        let p = sheet("A,X,13/04/2026\nB,Y,04/13/2026\nC,Z,2026-01-01\nD,W,2026-99-01\n");
        assert_eq!(p.problems.len(), 2, "{:#?}", p.problems);
        assert_eq!(p.problems[1].line, 5, "ISO dates are still checked");
        assert_eq!(p.problems[0].line, 3);
        assert_eq!(p.problems[0].column.as_deref(), Some("Date applied"));
        let given = ColumnMap {
            date_order: DateOrder::MonthFirst,
            ..guess_mapping(&["Company".into(), "Role".into(), "Date applied".into()])
        };
        let p = preview_tracker_csv("Company,Role,Date applied\nA,X,03/04/2026\n", Some(&given))
            .unwrap();
        assert_eq!(p.rows[0].applied, Some(d(2026, 3, 4)));
        assert!(p.warnings.is_empty(), "the user chose");
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
    fn status_words_from_other_trackers() {
        for (text, want) in [
            ("Applied", Status::Taking),
            ("taking the interview", Status::Taking),
            ("Wishlist", Status::New),
            ("Bookmarked", Status::New),
            ("Interviewing", Status::Interviewing),
            ("Phone screen", Status::Interviewing),
            ("Offer", Status::Offer),
            ("Offer accepted", Status::Accepted),
            ("Offer declined", Status::Declined),
            ("Rejected", Status::Rejected),
            ("Application rejected", Status::Rejected),
            ("Ghosted", Status::Ghosted),
            ("No response", Status::Ghosted),
            ("Withdrawn", Status::Withdrew),
            ("Not interested", Status::Passed),
        ] {
            assert_eq!(parse_status(text).map(|s| s.0), Some(want), "{text}");
        }
        for s in Status::ALL {
            assert_eq!(
                parse_status(&s.to_string()),
                Some((s, None)),
                "Reps' own words read back"
            );
        }
        assert_eq!(parse_status("Follow up with Sam"), None);
        let p = sheet("A,X,2026-03-01\n");
        assert_eq!(
            p.rows[0].status,
            Status::Taking,
            "no status column: applied date decides"
        );
        let p = preview_tracker_csv("Company,Role,Status\nA,X,Purple\nB,Y,\n", None).unwrap();
        assert_eq!(
            (p.rows[0].status, p.rows[1].status),
            (Status::New, Status::New)
        );
        assert_eq!(p.warnings.len(), 1, "only the unknown word is reported");
        assert_eq!(p.warnings[0].line, 2);
    }

    #[test]
    fn pay_in_the_usual_spellings() {
        let pay = |t: &str| parse_pay(t).map(|p| (p.min, p.max, p.currency, p.period));
        use PayPeriod::*;
        assert_eq!(
            pay("52000-60000 EUR per year"),
            Some((Some(52_000), Some(60_000), "EUR".into(), Year))
        );
        assert_eq!(
            pay("€50k–60k"),
            Some((Some(50_000), Some(60_000), "EUR".into(), Year))
        );
        assert_eq!(
            pay("$120,000"),
            Some((Some(120_000), Some(120_000), "USD".into(), Year))
        );
        assert_eq!(
            pay("52.000 - 58.500 €"),
            Some((Some(52_000), Some(58_500), "EUR".into(), Year))
        );
        assert_eq!(
            pay("52 000 € brut"),
            Some((Some(52_000), Some(52_000), "EUR".into(), Year))
        );
        assert_eq!(
            pay("£45.5k"),
            Some((Some(45_500), Some(45_500), "GBP".into(), Year))
        );
        assert_eq!(
            pay("25.50 GBP/hour"),
            Some((Some(25), Some(25), "GBP".into(), Hour))
        );
        assert_eq!(
            pay("up to 4000 CHF per month"),
            Some((None, Some(4000), "CHF".into(), Month))
        );
        assert_eq!(
            pay("from 400 EUR per day"),
            Some((Some(400), None, "EUR".into(), Day))
        );
        assert_eq!(pay("60-50k EUR"), None, "reversed bounds");
        assert_eq!(pay("50-60k"), None, "no currency");
        assert_eq!(
            pay("50-60k EUR"),
            Some((Some(50_000), Some(60_000), "EUR".into(), Year))
        );
        assert_eq!(pay("competitive"), None);
        assert_eq!(pay("99999999999999999999999 EUR"), None, "overflow");
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
    fn without_a_header_the_user_maps_columns() {
        let text = "Acme;Dev;2026-03-01\nGlobex;Ops;2026-03-02\n";
        let p = preview_tracker_csv(text, None).unwrap();
        assert!(!p.has_header);
        assert_eq!(p.columns, ["Column 1", "Column 2", "Column 3"]);
        assert!(p.rows.is_empty());
        assert_eq!(p.problems.len(), 2, "company and role: {:#?}", p.problems);
        let map = ColumnMap {
            company: Some(0),
            role: Some(1),
            applied: Some(2),
            ..Default::default()
        };
        let p = preview_tracker_csv(text, Some(&map)).unwrap();
        assert_eq!(p.problems, []);
        assert_eq!(p.rows.len(), 2, "the first line is data");
        let bad = ColumnMap {
            notes: Some(7),
            ..map
        };
        let p = preview_tracker_csv(text, Some(&bad)).unwrap();
        assert!(
            p.problems[0].message.contains("column 8"),
            "{:#?}",
            p.problems
        );
    }

    #[test]
    fn garbage_size_and_encodings() {
        assert_eq!(preview_tracker_csv("", None), Err(CsvImportError::Empty));
        assert_eq!(
            preview_tracker_csv("\u{feff}\n\n", None),
            Err(CsvImportError::Empty)
        );
        assert_eq!(
            preview_tracker_csv("PK\u{3}\u{4}\u{14}\0\0\u{8}", None),
            Err(CsvImportError::NotCsv)
        );
        assert_eq!(
            decode_tracker_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").err(),
            Some(CsvImportError::NotCsv)
        );
        let err = preview_tracker_csv(&"a,b\n".repeat(MAX_BYTES / 4 + 1), None).unwrap_err();
        assert!(matches!(err, CsvImportError::TooLarge { .. }));
        assert!(err.to_string().contains("too large"));
        let many = format!("Company,Role\n{}", "A,B\n".repeat(MAX_ROWS + 1));
        assert_eq!(
            preview_tracker_csv(&many, None),
            Err(CsvImportError::TooManyRows { max: MAX_ROWS })
        );
        // Excel's "CSV" on Windows: Windows-1252.
        let (text, warning) =
            decode_tracker_bytes(b"Company,Role\nSoci\xe9t\xe9 \x80,Dev\n").unwrap();
        assert_eq!(text, "Company,Role\nSociété €,Dev\n");
        assert!(warning.is_some());
        // Excel's "Unicode text": UTF-16 LE with a BOM, tab-separated.
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "Company\tRole\nÅrhus\tDev\n"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        let (text, warning) = decode_tracker_bytes(&utf16).unwrap();
        assert_eq!(warning, None);
        let p = preview_tracker_csv(&text, None).unwrap();
        assert_eq!(p.delimiter, '\t');
        assert_eq!(p.rows[0].details.company, "Århus");
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

//! Leads from another tracker's spreadsheet: the journal's half of
//! [`crate::formats::tracker_import`] — what only the journal knows at preview
//! time (rows it already holds, dates in its future), and the import itself
//! in one write transaction.
//!
//! A row whose company and role are already in the journal is skipped, not
//! refused: people import their old tracker again after adding a few rows,
//! and the journal's copy has the richer history. Two such rows inside the
//! file are both imported (someone can apply twice), with a warning.

use std::collections::HashSet;

use super::Journal;
use super::triage::plan_check_in;
use crate::Lead;
use crate::domain::lead::company_key;
use crate::error::Result;
use crate::formats::tracker_import::{
    self, ColumnMap, CsvImportError, MAX_ROWS, RowProblem, TrackerPreview,
};
use crate::id::LeadId;
use crate::store::tables::LEAD_BY_COMPANY;
use crate::store::{Read, Writer};

impl Journal {
    /// Reads a tracker file's bytes (UTF-8, UTF-16 or Windows-1252) and lists
    /// what importing it would do, including the rows this journal already
    /// holds (marked to skip) and dates after today (problems). Writes nothing.
    pub fn preview_tracker_import(
        &self,
        bytes: &[u8],
        mapping: Option<&ColumnMap>,
    ) -> Result<TrackerPreview> {
        let (text, encoding_note) = tracker_import::decode_tracker_bytes(bytes)?;
        let mut preview = tracker_import::preview_tracker_csv(&text, mapping)?;
        if let Some(message) = encoding_note {
            preview.warnings.insert(
                0,
                RowProblem {
                    line: 1,
                    column: None,
                    message,
                },
            );
        }
        let today = self.now().local_date();
        let existing = self.read(|r| existing_keys(r, &preview))?;
        let columns = preview.columns.clone();
        let map = preview.mapping.clone();
        for row in &mut preview.rows {
            for (date, col) in [(row.applied, map.applied), (row.added, map.added)] {
                if let Some(d) = date
                    && d > today
                {
                    preview.problems.push(RowProblem {
                        line: row.line,
                        column: col.and_then(|i| columns.get(i).cloned()),
                        message: format!("{d} is in the future"),
                    });
                }
            }
            if existing.contains(&row_key(&row.details.company, &row.details.role)) {
                row.skip = Some("already in your journal".into());
            }
        }
        preview.problems.sort_by_key(|p| p.line);
        Ok(preview)
    }

    /// Imports the rows of a preview, all in one write transaction: refused
    /// whole if the preview lists any problem or a row fails its check again;
    /// rows marked to skip, or already in the journal by now, are left out.
    /// Returns how many leads were added.
    pub fn import_tracker_rows(&self, preview: &TrackerPreview) -> Result<usize> {
        if !preview.problems.is_empty() {
            return Err(CsvImportError::HasProblems {
                count: preview.problems.len(),
            }
            .into());
        }
        if preview.rows.len() > MAX_ROWS {
            return Err(CsvImportError::TooManyRows { max: MAX_ROWS }.into());
        }
        let today = self.now().local_date();
        for row in &preview.rows {
            tracker_import::recheck(row, today)?;
        }
        self.write(|w| {
            let existing = existing_keys(w, preview)?;
            let mut added = 0;
            for row in &preview.rows {
                if row.skip.is_some()
                    || existing.contains(&row_key(&row.details.company, &row.details.role))
                {
                    continue;
                }
                add_imported(w, row)?;
                added += 1;
            }
            Ok(added)
        })
    }
}

fn add_imported(w: &Writer<'_>, row: &tracker_import::PreviewRow) -> Result<()> {
    let history = tracker_import::imported_history(row, w.now)?;
    let created = history.first().map_or(w.now, |c| c.at);
    let lead = Lead {
        id: LeadId(w.new_id()),
        created,
        updated: w.now,
        details: row.details.clone(),
        status: row.status,
        stage: row.stage.clone(),
        history,
        last_word: None,
        offer: None,
        messages_sent: Vec::new(),
        unchecked: false,
    };
    w.put(None, &lead)?;
    // Only the check-in matters for an old lead: no reply or feedback
    // reminders for things that happened months ago.
    plan_check_in(w, &lead)
}

/// Company and role as the journal compares them.
fn row_key(company: &str, role: &str) -> (String, String) {
    (company_key(company), company_key(role))
}

/// The (company, role) pairs of the preview that the journal already holds.
fn existing_keys(r: &impl Read, preview: &TrackerPreview) -> Result<HashSet<(String, String)>> {
    let mut out = HashSet::new();
    let companies: HashSet<String> = preview
        .rows
        .iter()
        .map(|row| company_key(&row.details.company))
        .collect();
    for company in companies {
        let keys = r.ix_named(LEAD_BY_COMPANY, &company)?;
        for lead in r.load_many::<Lead>(&keys)? {
            out.insert(row_key(&lead.details.company, &lead.details.role));
        }
    }
    Ok(out)
}

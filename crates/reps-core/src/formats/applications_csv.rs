//! The applications spreadsheet: every lead with its full stage history, as a
//! CSV file any spreadsheet opens. People hand it in as proof of their job
//! search (unemployment offices ask for one), so it reads in plain words.
//!
//! Two exports from the same records:
//! - [`Journal::export_applications_csv`]: one row per application, with the
//!   dates a caseworker asks for (added, applied, last change, interviews)
//!   and the whole history in one readable cell;
//! - [`Journal::export_stage_history_csv`]: one row per status change, for
//!   sorting and filtering by date in the spreadsheet itself.
//!
//! Format: RFC 4180 as written by the `csv` crate (comma, CRLF after every
//! record, fields with a comma, quote, CR or LF double-quoted, quotes
//! doubled). Dates are ISO 8601 calendar dates in the zone each time was
//! stored in. The text starts with a UTF-8 byte order mark: LibreOffice and
//! Google Sheets read UTF-8 either way, but Excel only recognises UTF-8 CSV by
//! its BOM and would otherwise garble every accented name; importers of this
//! crate skip it.

use std::borrow::Cow;

use crate::time::Stamp;
use crate::{Interview, Lead, PayPeriod, PayRange, Source, Status, StatusChange, WorkMode};

/// The byte order mark that starts every export (see the module docs).
pub const BOM: char = '\u{feff}';

/// Columns of [`Journal::export_applications_csv`], in order.
pub const APPLICATION_COLUMNS: [&str; 17] = [
    "Company",
    "Role",
    "Source",
    "Link",
    "Location",
    "Work mode",
    "Status now",
    "Date added",
    "Date applied",
    "Last change",
    "Interviews",
    "Interview dates",
    "Outcome",
    "Pass or decline reason",
    "Pay range",
    "Offered pay",
    "Stage history",
];

/// Columns of [`Journal::export_stage_history_csv`], in order.
pub const HISTORY_COLUMNS: [&str; 9] = [
    "Company", "Role", "Date", "Time", "Status", "Stage", "Reason", "Note", "Undo",
];

/// Guards a cell against formula injection: a spreadsheet treats a cell that
/// starts with `=`, `+`, `-` or `@` (and, in some, a tab or CR) as a formula,
/// so a company named `=HYPERLINK(…)` could run when the file is opened. Such
/// a cell gets a leading `'`, which spreadsheets read as "this is text".
/// [`crate::formats::tracker_import`] removes it again on import.
pub fn guard_cell(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A spreadsheet that could not be written (in memory, so only a bug of
/// the writer gets here).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot write the spreadsheet: {0}")]
pub struct SpreadsheetError(String);

impl SpreadsheetError {
    pub(crate) fn new(why: String) -> Self {
        Self(why)
    }
}

/// The wide export of `leads`, with the interviews that belong to them.
pub fn applications_csv(
    leads: &[Lead],
    interviews: &[Interview],
) -> Result<String, SpreadsheetError> {
    let rows = leads.iter().map(|lead| {
        let mut mine: Vec<&Interview> = interviews
            .iter()
            .filter(|i| i.lead == lead.id && !i.cancelled)
            .collect();
        mine.sort_by_key(|i| i.plan.start);
        application_row(lead, &mine)
    });
    write_csv(&APPLICATION_COLUMNS, rows)
}

/// The long export: one row per status change.
pub fn stage_history_csv(leads: &[Lead]) -> Result<String, SpreadsheetError> {
    let rows = leads.iter().flat_map(|lead| {
        lead.history.iter().map(move |c| {
            vec![
                lead.details.company.clone(),
                lead.details.role.clone(),
                date(c.at),
                c.at.local().format("%H:%M").to_string(),
                c.status.to_string(),
                c.stage
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                c.reason
                    .map(crate::rules::pass::label)
                    .unwrap_or_default()
                    .to_string(),
                c.note.clone(),
                if c.undo { "yes" } else { "" }.to_string(),
            ]
        })
    });
    write_csv(&HISTORY_COLUMNS, rows)
}

fn application_row(lead: &Lead, interviews: &[&Interview]) -> Vec<String> {
    let d = &lead.details;
    let closed_by = lead
        .status
        .is_closed()
        .then(|| lead.history.last())
        .flatten();
    vec![
        d.company.clone(),
        d.role.clone(),
        source_label(d.source).to_string(),
        d.link.clone(),
        d.location.clone(),
        d.work_mode
            .map(work_mode_label)
            .unwrap_or_default()
            .to_string(),
        lead.status.to_string(),
        date(lead.created),
        date_applied(lead).map(date).unwrap_or_default(),
        date(lead.history.last().map_or(lead.created, |c| c.at)),
        interviews.len().to_string(),
        interviews
            .iter()
            .map(|i| format!("{} {}", date(i.plan.start), i.plan.stage))
            .collect::<Vec<_>>()
            .join("; "),
        closed_by.map(|c| c.status.to_string()).unwrap_or_default(),
        closed_by.map(reason_text).unwrap_or_default(),
        d.pay.as_ref().map(pay_text).unwrap_or_default(),
        lead.offer
            .as_ref()
            .and_then(|o| o.pay.as_ref())
            .map(pay_text)
            .unwrap_or_default(),
        history_text(&lead.history),
    ]
}

/// When the user applied: the first move into a status that means the
/// application went out (taking the interview, or anything the company did
/// after it). A decision that was undone does not count.
pub fn date_applied(lead: &Lead) -> Option<Stamp> {
    let h = &lead.history;
    h.iter()
        .enumerate()
        .filter(|(i, c)| !c.undo && !h.get(i + 1).is_some_and(|next| next.undo))
        .find(|(_, c)| {
            matches!(
                c.status,
                Status::Taking
                    | Status::Interviewing
                    | Status::Offer
                    | Status::Accepted
                    | Status::Declined
                    | Status::Rejected
                    | Status::Withdrew
            )
        })
        .map(|(_, c)| c.at)
}

/// `2026-03-01 added; 2026-03-02 taking the interview; …` in one cell.
pub(crate) fn history_text(history: &[StatusChange]) -> String {
    history
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut s = date(c.at);
            s.push(' ');
            if i == 0 && c.status == Status::New {
                s.push_str("added");
            } else {
                s.push_str(&c.status.to_string());
            }
            if let Some(stage) = &c.stage {
                s.push_str(&format!(" ({stage})"));
            }
            if c.undo {
                s.push_str(" (undo)");
            } else {
                let reason = reason_text(c);
                if !reason.is_empty() {
                    s.push_str(": ");
                    s.push_str(&reason);
                }
            }
            s
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A pass reason and the note, on one line.
pub(crate) fn reason_text(c: &StatusChange) -> String {
    let note = c.note.split_whitespace().collect::<Vec<_>>().join(" ");
    match (c.reason.map(crate::rules::pass::label), note.is_empty()) {
        (Some(r), true) => r.to_string(),
        (Some(r), false) => format!("{r} — {note}"),
        (None, _) => note,
    }
}

/// `52000-60000 EUR per year`; the tracker importer reads this back.
pub fn pay_text(p: &PayRange) -> String {
    let per = match p.period {
        PayPeriod::Year => "per year",
        PayPeriod::Month => "per month",
        PayPeriod::Day => "per day",
        PayPeriod::Hour => "per hour",
    };
    let figures = match (p.min, p.max) {
        (Some(lo), Some(hi)) if lo == hi => lo.to_string(),
        (Some(lo), Some(hi)) => format!("{lo}-{hi}"),
        (Some(lo), None) => format!("from {lo}"),
        (None, Some(hi)) => format!("up to {hi}"),
        (None, None) => return format!("{} {per}", p.currency),
    };
    format!("{figures} {} {per}", p.currency)
}

/// Where a lead came from, in words.
pub fn source_label(s: Source) -> &'static str {
    match s {
        Source::RecruiterCall => "recruiter",
        Source::Referral => "referral",
        Source::JobBoard => "job board",
        Source::CompanySite => "company site",
        Source::Inbound => "company reached out",
        Source::Network => "my network",
        Source::Other => "other",
    }
}

/// On site, hybrid, remote, in words.
pub fn work_mode_label(m: WorkMode) -> &'static str {
    match m {
        WorkMode::OnSite => "on site",
        WorkMode::Hybrid => "hybrid",
        WorkMode::Remote => "remote",
    }
}

/// The ISO calendar date of `at` in its own zone.
pub(crate) fn date(at: Stamp) -> String {
    at.local_date().format("%Y-%m-%d").to_string()
}

/// RFC 4180 with CRLF, a BOM first, every cell guarded.
pub(crate) fn write_csv(
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<String, SpreadsheetError> {
    write_table(std::iter::empty(), header, rows)
}

/// [`write_csv`] with lines above the header (a title); rows may differ
/// in length.
pub(crate) fn write_table(
    above: impl Iterator<Item = Vec<String>>,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<String, SpreadsheetError> {
    let fail = |e: csv::Error| SpreadsheetError(e.to_string());
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(BOM.to_string().into_bytes());
    for line in above {
        if line.is_empty() {
            w.write_record([""]).map_err(fail)?;
        } else {
            w.write_record(line.iter().map(|c| guard_cell(c).into_owned()))
                .map_err(fail)?;
        }
    }
    w.write_record(header).map_err(fail)?;
    for row in rows {
        w.write_record(row.iter().map(|c| guard_cell(c).into_owned()))
            .map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| SpreadsheetError(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| SpreadsheetError(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::{InterviewId, LeadId};
    use crate::time::at;
    use crate::{InterviewKind, InterviewPlan, LeadDetails, Outcome, PassReason, Stage};
    use uuid::Uuid;

    fn lead(company: &str, role: &str) -> Lead {
        Lead::new(
            LeadId(Uuid::from_u128(1)),
            at("2026-03-01T09:00:00+01:00[Europe/Paris]"),
            LeadDetails::new(company, role, Source::JobBoard),
            Status::New,
        )
    }

    fn parse(text: &str) -> Vec<Vec<String>> {
        let body = text.strip_prefix(BOM).expect("starts with a BOM");
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(body.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn commas_quotes_and_newlines_are_quoted_and_quotes_doubled() {
        let mut l = lead("Smith, Jones & \"Partners\"", "Dev\nline two\r\nthree");
        l.details.location = "plain".into();
        let text = applications_csv(&[l], &[]).unwrap();
        assert!(
            text.contains("\"Smith, Jones & \"\"Partners\"\"\""),
            "{text}"
        );
        assert!(text.contains("\"Dev\nline two\r\nthree\""), "{text}");
        assert!(
            text.contains(",plain,"),
            "plain cells stay unquoted: {text}"
        );
        let rows = parse(&text);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1][0], "Smith, Jones & \"Partners\"");
        assert_eq!(rows[1][1], "Dev\nline two\r\nthree");
    }

    #[test]
    fn every_record_ends_with_crlf() {
        let text = applications_csv(&[lead("A", "B"), lead("C", "D")], &[]).unwrap();
        assert!(text.ends_with("\r\n"));
        let unquoted_lf = text.matches('\n').count();
        assert_eq!(unquoted_lf, text.matches("\r\n").count(), "{text:?}");
        assert_eq!(unquoted_lf, 3, "header and two rows");
    }

    #[test]
    fn formula_prefixes_get_an_apostrophe_and_nothing_else_does() {
        for (cell, want) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+33 1 23", "'+33 1 23"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("Acme = good", "Acme = good"),
            ("'quoted", "'quoted"),
            ("", ""),
        ] {
            assert_eq!(guard_cell(cell), want, "{cell:?}");
        }
        let text = applications_csv(&[lead("=1+1", "@role")], &[]).unwrap();
        let rows = parse(&text);
        assert_eq!(
            (rows[1][0].as_str(), rows[1][1].as_str()),
            ("'=1+1", "'@role")
        );
    }

    #[test]
    fn history_dates_applied_and_outcome_read_as_words() {
        let mut l = lead("Acme", "Engineer");
        let step = |status, when: &str| StatusChange::to(status, at(when));
        l.history.push(step(
            Status::Taking,
            "2026-03-02T23:30:00+01:00[Europe/Paris]",
        ));
        l.history.push(StatusChange {
            stage: Some(Stage::Screen),
            ..step(
                Status::Interviewing,
                "2026-03-05T10:00:00+01:00[Europe/Paris]",
            )
        });
        l.history.push(StatusChange {
            note: "Polite no\nby email".into(),
            ..step(Status::Rejected, "2026-03-09T10:00:00+01:00[Europe/Paris]")
        });
        l.status = Status::Rejected;
        let plan = InterviewPlan::new(
            at("2026-03-05T10:00:00+01:00[Europe/Paris]"),
            30,
            InterviewKind::Phone,
            Stage::Screen,
        );
        let i = Interview {
            id: InterviewId(Uuid::from_u128(2)),
            lead: l.id,
            created: l.created,
            updated: l.created,
            plan,
            outcome: Outcome::NotInvited,
            confidence_before: None,
            confidence_after: None,
            cancelled: false,
        };
        let mut cancelled = i.clone();
        cancelled.cancelled = true;
        let rows = parse(&applications_csv(&[l], &[i, cancelled]).unwrap());
        let row: std::collections::HashMap<&str, &str> = APPLICATION_COLUMNS
            .iter()
            .copied()
            .zip(rows[1].iter().map(String::as_str))
            .collect();
        assert_eq!(row["Date added"], "2026-03-01");
        assert_eq!(row["Date applied"], "2026-03-02", "local date, not UTC");
        assert_eq!(row["Last change"], "2026-03-09");
        assert_eq!(row["Interviews"], "1", "the cancelled one is not counted");
        assert_eq!(row["Interview dates"], "2026-03-05 screen");
        assert_eq!(row["Outcome"], "rejected");
        assert_eq!(row["Pass or decline reason"], "Polite no by email");
        assert_eq!(
            row["Stage history"],
            "2026-03-01 added; 2026-03-02 taking the interview; \
             2026-03-05 interviewing (screen); 2026-03-09 rejected: Polite no by email"
        );
    }

    #[test]
    fn an_undone_take_is_not_the_application_date() {
        let mut l = lead("Acme", "Engineer");
        l.history.push(StatusChange::to(
            Status::Taking,
            at("2026-03-02T10:00:00Z[UTC]"),
        ));
        l.history.push(StatusChange {
            undo: true,
            note: "undo".into(),
            ..StatusChange::to(Status::New, at("2026-03-02T10:01:00Z[UTC]"))
        });
        assert_eq!(date_applied(&l), None);
        l.history.push(StatusChange {
            reason: Some(PassReason::NoTime),
            ..StatusChange::to(Status::Passed, at("2026-03-03T10:00:00Z[UTC]"))
        });
        l.history.push(StatusChange::to(
            Status::Taking,
            at("2026-03-04T10:00:00Z[UTC]"),
        ));
        assert_eq!(date_applied(&l), Some(at("2026-03-04T10:00:00Z[UTC]")));
        assert!(
            history_text(&l.history).contains("2026-03-02 new (undo); 2026-03-03 passed: No time;")
        );
    }

    #[test]
    fn pay_reads_as_a_range_with_its_period() {
        let p = |min, max, period| PayRange {
            min,
            max,
            currency: "EUR".into(),
            period,
        };
        assert_eq!(
            pay_text(&p(Some(52_000), Some(60_000), PayPeriod::Year)),
            "52000-60000 EUR per year"
        );
        assert_eq!(
            pay_text(&p(Some(30), Some(30), PayPeriod::Hour)),
            "30 EUR per hour"
        );
        assert_eq!(
            pay_text(&p(None, Some(4000), PayPeriod::Month)),
            "up to 4000 EUR per month"
        );
        assert_eq!(
            pay_text(&p(Some(400), None, PayPeriod::Day)),
            "from 400 EUR per day"
        );
    }

    #[test]
    fn the_long_export_has_one_row_per_change() {
        let mut l = lead("Acme", "Engineer");
        l.history.push(StatusChange {
            reason: Some(PassReason::OutsidePayRange),
            note: "too low".into(),
            ..StatusChange::to(Status::Passed, at("2026-03-02T10:00:00Z[UTC]"))
        });
        let rows = parse(&stage_history_csv(&[l]).unwrap());
        assert_eq!(rows[0], HISTORY_COLUMNS);
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[2],
            [
                "Acme",
                "Engineer",
                "2026-03-02",
                "10:00",
                "passed",
                "",
                "Outside my pay range",
                "too low",
                ""
            ]
        );
    }
}

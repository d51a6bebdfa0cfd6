//! Which column holds what: the mapping guessed from a header row's names
//! (English, any case, `Job-Title` = `job title`), and the check that a
//! mapping names the required columns and only columns that exist.

use super::{ColumnMap, RowProblem, TrackerPreview, words};

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
pub(super) fn check_mapping(p: &mut TrackerPreview) -> bool {
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

#[cfg(test)]
mod tests {
    use super::super::*;
    use chrono::NaiveDate;

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
}

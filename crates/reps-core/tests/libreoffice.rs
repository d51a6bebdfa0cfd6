//! The applications spreadsheet opens cleanly in LibreOffice: each export is
//! converted headless to `.ods` (read as UTF-8, comma-separated), the `.ods`
//! to flat XML, and every cell LibreOffice holds is compared with the
//! journal's — same rows and cells, multi-line text in one cell, non-ASCII
//! intact, and no cell turned into a formula (a control file shows that an
//! unguarded `=` would be).
//!
//! Needs `soffice` (Debian: `apt-get install --no-install-recommends
//! libreoffice-calc-nogui`). Without it the test says so and passes, unless
//! `REPS_REQUIRE_FORMAT_TOOLS=1`, when it fails.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use reps_core::formats::applications_csv::BOM;
use reps_core::*;

const NOW: &str = "2026-11-23T18:00:00+01:00[Europe/Paris]";

fn soffice() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join("soffice"))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var("REPS_REQUIRE_FORMAT_TOOLS").as_deref() != Ok("1"),
            "soffice is not installed but REPS_REQUIRE_FORMAT_TOOLS=1 \
             (apt-get install --no-install-recommends libreoffice-calc-nogui)"
        );
        eprintln!(
            "SKIPPED: soffice (LibreOffice) is not installed; the spreadsheet was not checked in LibreOffice"
        );
    }
    found
}

/// Runs one headless conversion with a fresh profile, within two minutes.
fn convert(soffice: &Path, dir: &Path, input: &Path, to: &str, csv_filter: bool) -> PathBuf {
    let profile = dir.join(format!(
        "profile-{}",
        input.file_name().unwrap().to_string_lossy()
    ));
    let mut cmd = Command::new(soffice);
    cmd.arg("--headless").arg("--norestore").arg(format!(
        "-env:UserInstallation=file://{}",
        profile.display()
    ));
    if csv_filter {
        // 44 = comma, 34 = double quote, 76 = UTF-8, 1 = start at line 1.
        cmd.arg("--infilter=CSV:44,34,76,1");
    }
    let mut child = cmd
        .arg("--convert-to")
        .arg(to)
        .arg("--outdir")
        .arg(dir)
        .arg(input)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start soffice");
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait for soffice") {
            assert!(status.success(), "soffice failed on {}", input.display());
            break;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("soffice took more than two minutes on {}", input.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let out = dir.join(input.with_extension(to).file_name().unwrap());
    assert!(out.is_file(), "soffice wrote no {}", out.display());
    out
}

/// One cell as LibreOffice holds it.
#[derive(Debug, Clone, PartialEq)]
struct Cell {
    text: String,
    date: Option<String>,
    formula: bool,
}

/// The cells of the first sheet of a flat ODS file, trailing empties dropped.
fn sheet(fods: &str) -> Vec<Vec<Cell>> {
    let start = fods.find("<table:table ").expect("a sheet");
    let end = fods[start..].find("</table:table>").expect("sheet end") + start;
    let table = &fods[start..end];
    let mut rows = Vec::new();
    let mut rest = table;
    while let Some(i) = rest.find("<table:table-row") {
        rest = &rest[i..];
        let open_end = rest.find('>').unwrap();
        let (row, after) = if rest[..open_end].ends_with('/') {
            ("", &rest[open_end + 1..])
        } else {
            let close = rest.find("</table:table-row>").unwrap();
            (&rest[open_end + 1..close], &rest[close..])
        };
        let mut cells = cells(row);
        while cells
            .last()
            .is_some_and(|c: &Cell| c.text.is_empty() && !c.formula)
        {
            cells.pop();
        }
        if !cells.is_empty() {
            rows.push(cells);
        }
        rest = after.get(1..).unwrap_or("");
    }
    rows
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let i = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&tag[i..i + tag[i..].find('"')?])
}

fn cells(row: &str) -> Vec<Cell> {
    let mut out = Vec::new();
    let mut rest = row;
    while let Some(i) = rest.find("<table:") {
        rest = &rest[i..];
        let tag_end = rest.find('>').unwrap();
        let tag = &rest[..tag_end];
        let is_cell =
            tag.starts_with("<table:table-cell") || tag.starts_with("<table:covered-table-cell");
        if !is_cell {
            rest = &rest[tag_end + 1..];
            continue;
        }
        let (body, after) = if tag.ends_with('/') {
            ("", &rest[tag_end + 1..])
        } else {
            let close = rest.find("</table:").unwrap();
            (&rest[tag_end + 1..close], &rest[close + 1..])
        };
        let cell = Cell {
            text: paragraphs(body),
            date: attr(tag, "office:date-value").map(|d| d[..10].to_string()),
            formula: attr(tag, "table:formula").is_some(),
        };
        let repeat: usize =
            attr(tag, "table:number-columns-repeated").map_or(1, |n| n.parse().unwrap());
        out.extend(std::iter::repeat_n(cell, repeat.min(1024)));
        rest = after;
    }
    out
}

/// The text of a cell: its paragraphs joined by line breaks.
fn paragraphs(body: &str) -> String {
    let mut paras = Vec::new();
    let mut rest = body;
    while let Some(i) = rest.find("<text:p") {
        rest = &rest[i..];
        let open_end = rest.find('>').unwrap();
        if rest[..open_end].ends_with('/') {
            paras.push(String::new());
            rest = &rest[open_end + 1..];
            continue;
        }
        let close = rest.find("</text:p>").unwrap();
        paras.push(inline(&rest[open_end + 1..close]));
        rest = &rest[close..];
    }
    paras.join("\n")
}

/// Text inside a paragraph: spans dropped, spaces, tabs and breaks restored, entities decoded.
fn inline(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            let end = rest.find('>').unwrap();
            let tag = &rest[..=end];
            if tag.starts_with("<text:s") {
                let n: usize = attr(tag, "text:c").map_or(1, |n| n.parse().unwrap());
                out.push_str(&" ".repeat(n));
            } else if tag.starts_with("<text:tab") {
                out.push('\t');
            } else if tag.starts_with("<text:line-break") {
                out.push('\n');
            }
            rest = &rest[end + 1..];
        } else {
            let end = rest.find(';').unwrap();
            let entity = &rest[1..end];
            let c = match entity {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                e if e.starts_with("#x") => {
                    char::from_u32(u32::from_str_radix(&e[2..], 16).unwrap()).unwrap()
                }
                e if e.starts_with('#') => char::from_u32(e[1..].parse().unwrap()).unwrap(),
                e => panic!("unknown entity {e}"),
            };
            out.push(c);
            rest = &rest[end + 1..];
        }
    }
    out.push_str(rest);
    out
}

/// What LibreOffice should hold for each cell we wrote: line breaks as `\n`,
/// ISO dates as date values, everything else as the same text.
fn expected(csv_text: &str) -> Vec<Vec<Cell>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv_text.strip_prefix(BOM).unwrap_or(csv_text).as_bytes())
        .records()
        .map(|r| {
            let mut row: Vec<Cell> = r
                .unwrap()
                .iter()
                .map(|c| {
                    let text = c.replace("\r\n", "\n").replace('\r', "\n");
                    let is_date = text.len() == 10
                        && chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d").is_ok();
                    Cell {
                        date: is_date.then(|| text.clone()),
                        text,
                        formula: false,
                    }
                })
                .collect();
            while row.last().is_some_and(|c| c.text.is_empty()) {
                row.pop();
            }
            row
        })
        .collect()
}

/// Cells compared by what a person sees; times are left to LibreOffice's format.
fn same(got: &Cell, want: &Cell) -> bool {
    if got.formula {
        return false;
    }
    match (&got.date, &want.date) {
        (Some(g), Some(w)) => g == w,
        _ => got.text == want.text || (is_time(&want.text) && !got.text.is_empty()),
    }
}

fn is_time(t: &str) -> bool {
    chrono::NaiveTime::parse_from_str(t, "%H:%M").is_ok()
}

fn tricky_journal() -> Journal {
    let c = clock(NOW);
    let j = Journal::in_memory(c.clone()).unwrap();
    reps_core::demo::populate(&j, &c, at(NOW)).unwrap();
    let mut d = LeadDetails::new(
        "=HYPERLINK(\"http://evil.example\",\"click\")",
        "Backend\nEngineer, \"Platform\"",
        Source::Other,
    );
    d.location = "Zürich — 東京 ✓".into();
    d.link = "+33 1 23 45 67 89".into();
    let lead = j.add_lead(d).unwrap();
    j.decide(lead.id, Decision::Take).unwrap();
    j.move_lead(
        lead.id,
        Status::Rejected,
        None,
        "Polite no\r\nby email, \"sorry\"; ok",
    )
    .unwrap();
    j.add_lead(LeadDetails::new(
        "@Home Café",
        "-Ops lead",
        Source::Referral,
    ))
    .unwrap();
    j
}

/// Writes `text` as `name` in `dir`, has LibreOffice open it as CSV and
/// save it as a spreadsheet, and checks every cell it holds against what
/// was written; returns the cells.
fn read_back(soffice: &Path, dir: &Path, name: &str, text: &str) -> Vec<Vec<Cell>> {
    let csv_path = dir.join(name);
    std::fs::write(&csv_path, text).unwrap();
    let ods = convert(soffice, dir, &csv_path, "ods", true);
    let fods = convert(soffice, dir, &ods, "fods", false);
    let got = sheet(&std::fs::read_to_string(fods).unwrap());
    let want = expected(text);
    assert_eq!(got.len(), want.len(), "{name}: rows");
    for (r, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g.len(), w.len(), "{name}: cells in row {}: {g:#?}", r + 1);
        for (c, (gc, wc)) in g.iter().zip(w).enumerate() {
            assert!(
                same(gc, wc),
                "{name}: row {} cell {}: {gc:?} != {wc:?}",
                r + 1,
                c + 1
            );
        }
    }
    got
}

#[test]
fn both_exports_open_cleanly_in_libreoffice() {
    let Some(soffice) = soffice() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let j = tricky_journal();
    for (name, text) in [
        ("applications.csv", j.export_applications_csv().unwrap()),
        ("history.csv", j.export_stage_history_csv().unwrap()),
    ] {
        let got = read_back(&soffice, dir.path(), name, &text);
        assert_eq!(
            got[0][0].text, "Company",
            "{name}: the BOM is not in the first cell"
        );
        assert!(
            got.iter().flatten().all(|c| !c.formula),
            "{name}: no formulas"
        );
    }
    // The tricky rows, by what a person sees in the applications sheet.
    let csv_path = dir.path().join("applications.csv");
    let fods = dir.path().join("applications.fods");
    assert!(csv_path.is_file());
    let got = sheet(&std::fs::read_to_string(fods).unwrap());
    let evil = got
        .iter()
        .find(|r| r[0].text.contains("HYPERLINK"))
        .expect("the lead named like a formula");
    assert_eq!(
        evil[0].text, "'=HYPERLINK(\"http://evil.example\",\"click\")",
        "shown as text behind the guard, not evaluated"
    );
    assert_eq!(
        evil[1].text, "Backend\nEngineer, \"Platform\"",
        "one cell, two lines"
    );
    assert_eq!(evil[3].text, "'+33 1 23 45 67 89");
    assert_eq!(evil[4].text, "Zürich — 東京 ✓");
    let history = evil.last().unwrap();
    assert!(
        history
            .text
            .ends_with("rejected: Polite no by email, \"sorry\"; ok"),
        "{history:?}"
    );
    let home = got.iter().find(|r| r[0].text.contains("Home")).unwrap();
    assert_eq!(
        (home[0].text.as_str(), home[1].text.as_str()),
        ("'@Home Café", "'-Ops lead")
    );
    let long = sheet(&std::fs::read_to_string(dir.path().join("history.fods")).unwrap());
    assert!(
        long.iter().any(|r| r
            .get(7)
            .is_some_and(|c| c.text == "Polite no\nby email, \"sorry\"; ok")),
        "a multi-line note stays in one cell"
    );
}

#[test]
fn practice_cards_open_with_the_same_rows_in_libreoffice() {
    let Some(soffice) = soffice() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let j = tricky_journal();
    j.add_card(CardBody {
        question: "=What would you \"do\", in week one?".into(),
        said: "Something vague,\nover two lines".into(),
        answer: "Listen — then ship one small fix. Zürich ✓".into(),
        skills: vec![
            Skill::Examples,
            Skill::Custom("Plans, \"first\" weeks".into()),
        ],
    })
    .unwrap();
    let text = j.export_cards_csv().unwrap();
    let got = read_back(&soffice, dir.path(), "cards.csv", &text);
    // Anki's four header lines, then one row per card: front, back, tags
    assert_eq!(got[0][0].text, "#separator:comma");
    let cards: Vec<&Vec<Cell>> = got.iter().filter(|r| !r[0].text.starts_with('#')).collect();
    assert_eq!(cards.len(), j.all_cards().unwrap().len());
    let tricky = cards
        .iter()
        .find(|r| r[0].text.contains("week one"))
        .expect("the tricky card");
    assert_eq!(tricky[0].text, "'=What would you \"do\", in week one?");
    assert_eq!(
        tricky[1].text,
        "Listen — then ship one small fix. Zürich ✓\n\nWhat I said at the time: Something vague,\nover two lines"
    );
    assert_eq!(tricky[2].text, "reps Examples_&_stories Plans_first_weeks");
    assert!(got.iter().flatten().all(|c| !c.formula), "no formulas");
}

#[test]
fn the_checker_sees_a_formula_when_a_cell_is_not_guarded() {
    let Some(soffice) = soffice() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("control.csv");
    std::fs::write(&path, "\u{feff}Company,Role\r\n=1+1,'=1+1\r\n").unwrap();
    let ods = convert(&soffice, dir.path(), &path, "ods", true);
    let got = sheet(
        &std::fs::read_to_string(convert(&soffice, dir.path(), &ods, "fods", false)).unwrap(),
    );
    assert!(got[1][0].formula, "an unguarded = is evaluated: {got:?}");
    assert_eq!(got[1][0].text, "2");
    assert!(!got[1][1].formula);
}

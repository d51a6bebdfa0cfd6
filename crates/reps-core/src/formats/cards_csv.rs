//! Practice cards as a CSV file a flashcard app imports: one card per row,
//! front (the question), back (the prepared answer, and what was said at
//! the time), tags (the skills, and `reps`).
//!
//! The file opens with Anki's file headers (`#separator:comma`,
//! `#html:false`, `#columns:…`, `#tags column:3`), so Anki maps the columns
//! and the tags without asking; other apps and spreadsheets see them as a
//! few lines of text above the cards. Otherwise RFC 4180 as the `csv` crate
//! writes it, UTF-8, and cells guarded against formula injection as in
//! [`super::applications_csv`].

use super::applications_csv::{SpreadsheetError, guard_cell};
use crate::{Card, Skill, wording};

/// The column names, in order.
pub const COLUMNS: [&str; 3] = ["Front", "Back", "Tags"];

/// The lines above the cards, for Anki.
pub const HEADER: &str =
    "#separator:comma\n#html:false\n#columns:Front,Back,Tags\n#tags column:3\n";

/// One card's row: front, back, tags.
pub fn row(card: &Card) -> [String; 3] {
    let mut back = card.body.answer.trim().to_string();
    let said = card.body.said.trim();
    if !said.is_empty() {
        if !back.is_empty() {
            back.push_str("\n\n");
        }
        back.push_str("What I said at the time: ");
        back.push_str(said);
    }
    let mut tags = vec!["reps".to_string()];
    tags.extend(card.body.skills.iter().map(tag));
    [
        guard_cell(card.body.question.trim()).into_owned(),
        guard_cell(&back).into_owned(),
        tags.join(" "),
    ]
}

/// A skill as a tag: its name with spaces as underscores (tags are
/// separated by spaces), nothing a tag cannot hold.
fn tag(s: &Skill) -> String {
    wording::skill(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("_")
        .replace(['"', ','], "")
}

/// The whole file.
pub fn cards_csv(cards: &[Card]) -> Result<String, SpreadsheetError> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for c in cards {
        w.write_record(row(c))
            .map_err(|e| SpreadsheetError::new(e.to_string()))?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| SpreadsheetError::new(e.to_string()))?;
    let body = String::from_utf8(bytes).map_err(|e| SpreadsheetError::new(e.to_string()))?;
    Ok(format!("{HEADER}{body}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::at;
    use crate::{CardBody, CardId};

    #[test]
    fn each_card_is_a_row_with_its_skills_as_tags() {
        let card = Card {
            id: CardId(uuid::Uuid::now_v7()),
            created: at("2026-06-01T09:00:00Z[UTC]"),
            updated: at("2026-06-01T09:00:00Z[UTC]"),
            body: CardBody {
                question: "What salary, are you \"looking\" for?".into(),
                said: "Whatever you think".into(),
                answer: "=A range, from research".into(),
                skills: vec![Skill::SalaryTalk, Skill::Custom("Pay, \"bands\"".into())],
            },
            from: None,
            reviews: vec![],
        };
        let text = cards_csv(&[card]).unwrap();
        assert!(text.starts_with(HEADER));
        let mut rows = csv::ReaderBuilder::new()
            .has_headers(false)
            .comment(Some(b'#'))
            .from_reader(text.as_bytes());
        let got: Vec<csv::StringRecord> = rows.records().map(|r| r.unwrap()).collect();
        assert_eq!(got.len(), 1);
        assert_eq!(&got[0][0], "What salary, are you \"looking\" for?");
        assert_eq!(
            &got[0][1],
            "'=A range, from research\n\nWhat I said at the time: Whatever you think"
        );
        assert_eq!(&got[0][2], "reps Salary_talk Pay_bands");
    }
}

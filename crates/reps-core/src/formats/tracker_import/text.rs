//! From a file's bytes to trimmed cells: the encoding (UTF-8, UTF-16,
//! Windows-1252), binary garbage, the size cap, the delimiter, and the line
//! each record starts on.

use std::borrow::Cow;

use super::{CsvImportError, MAX_BYTES, MAX_ROWS};

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

pub(super) fn check_size(bytes: usize) -> Result<(), CsvImportError> {
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
pub(super) fn looks_binary(text: &str) -> bool {
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
pub(super) fn detect_delimiter(text: &str) -> u8 {
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
pub(super) fn read_records(
    text: &str,
    delimiter: u8,
) -> Result<Vec<(usize, Vec<String>)>, CsvImportError> {
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

#[cfg(test)]
mod tests {
    use super::super::*;

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
}

//! Content lines, the text layer shared by iCalendar (RFC 5545 §3.1) and vCard
//! (RFC 6350 §3.2): writing (TEXT escaping, folding at 75 octets on character
//! boundaries, CRLF) and reading (unfolding, `NAME;PARAM=v:value`, unescaping).

use super::{IcsError, LineProblem};

/// Longest line, in octets, before it is folded (CRLF not counted).
pub(crate) const FOLD_AT: usize = 75;

/// A file being written, one content line at a time.
#[derive(Debug, Default)]
pub(crate) struct Writer {
    out: String,
}

impl Writer {
    /// `BEGIN:<component>`.
    pub(crate) fn begin(&mut self, component: &str) {
        self.raw("BEGIN", &[], component);
    }

    /// `END:<component>`.
    pub(crate) fn end(&mut self, component: &str) {
        self.raw("END", &[], component);
    }

    /// A property whose value is free text: escaped, then folded.
    pub(crate) fn text(&mut self, name: &str, text: &str) {
        self.raw(name, &[], &escape(text));
    }

    /// A property whose value is already in its wire form (a date, a number,
    /// a URI, a list of escaped texts). Control characters are dropped, since
    /// no value type may carry them.
    pub(crate) fn raw(&mut self, name: &str, params: &[(&str, &str)], value: &str) {
        let mut line = String::with_capacity(name.len() + value.len() + 8);
        line.push_str(name);
        for (key, v) in params {
            line.push(';');
            line.push_str(key);
            line.push('=');
            push_param_value(&mut line, v);
        }
        line.push(':');
        line.extend(value.chars().filter(|c| !c.is_control() || *c == '\t'));
        fold_into(&mut self.out, &line);
    }

    /// The finished text.
    pub(crate) fn finish(self) -> String {
        self.out
    }
}

/// A parameter value, quoted when it holds a separator (RFC 5545 §3.2); a
/// double quote cannot appear in one at all, so it becomes a single quote.
fn push_param_value(line: &mut String, v: &str) {
    let clean = v
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| if c == '"' { '\'' } else { c });
    if v.contains([';', ':', ',']) {
        line.push('"');
        line.extend(clean);
        line.push('"');
    } else {
        line.extend(clean);
    }
}

/// Appends `line` folded: no physical line longer than [`FOLD_AT`] octets,
/// continuation lines start with one space, and a character is never split.
pub(crate) fn fold_into(out: &mut String, line: &str) {
    let mut width = 0;
    for ch in line.chars() {
        let n = ch.len_utf8();
        if width + n > FOLD_AT {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += n;
    }
    out.push_str("\r\n");
}

/// Escapes free text for a TEXT value: `\`, `;`, `,` and line breaks.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Reverses [`escape`]. An unknown escape keeps its character (as most
/// readers do), so a slightly wrong file still reads.
pub(crate) fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Splits a list value (`CATEGORIES:a,b\,c`) on unescaped commas, unescaping each item.
#[cfg(test)]
pub(crate) fn split_list(value: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in value.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            ',' => {
                items.push(unescape(&value[start..i]));
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(unescape(&value[start..]));
    items
}

/// One unfolded content line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    /// The physical line it starts on (1-based), for error messages.
    pub no: usize,
    /// Property name, upper-cased.
    pub name: String,
    /// Parameters: upper-cased name, unquoted value (lists kept joined).
    pub params: Vec<(String, String)>,
    /// The value as written (still escaped).
    pub value: String,
}

impl Line {
    /// A parameter's value.
    pub(crate) fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Unfolds the file and splits it into content lines. Works on bytes, so a
/// character that a careless writer split across a fold comes back whole.
/// Accepts CRLF, LF or CR line ends; blank lines are skipped.
pub(crate) fn read_lines(bytes: &[u8]) -> Result<Vec<Line>, IcsError> {
    let mut logical: Vec<(usize, Vec<u8>)> = Vec::new();
    let mut no = 0;
    let mut rest = bytes;
    while !rest.is_empty() {
        let end = rest
            .iter()
            .position(|b| *b == b'\n' || *b == b'\r')
            .unwrap_or(rest.len());
        let physical = &rest[..end];
        rest = &rest[end..];
        if rest.starts_with(b"\r\n") {
            rest = &rest[2..];
        } else if !rest.is_empty() {
            rest = &rest[1..];
        }
        no += 1;
        match (physical.first(), logical.last_mut()) {
            (Some(b' ' | b'\t'), Some((_, last))) => last.extend_from_slice(&physical[1..]),
            _ if physical.iter().all(u8::is_ascii_whitespace) => {}
            _ => logical.push((no, physical.to_vec())),
        }
    }
    logical
        .into_iter()
        .map(|(no, bytes)| {
            let text = String::from_utf8(bytes).map_err(|_| IcsError::Line {
                line: no,
                problem: LineProblem::NotText,
            })?;
            parse_line(no, &text)
        })
        .collect()
}

/// `name *(";" param) ":" value`, with quoted parameter values.
fn parse_line(no: usize, text: &str) -> Result<Line, IcsError> {
    let err = |problem| IcsError::Line { line: no, problem };
    let mut name_end = None;
    for (i, c) in text.char_indices() {
        if c == ';' || c == ':' {
            name_end = Some(i);
            break;
        }
    }
    let name_end = name_end.ok_or_else(|| err(LineProblem::NoColon))?;
    let name = &text[..name_end];
    if name.is_empty()
        || !name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(err(LineProblem::BadName));
    }
    let mut params = Vec::new();
    let mut rest = &text[name_end..];
    while let Some(after) = rest.strip_prefix(';') {
        let eq = after.find('=').ok_or_else(|| err(LineProblem::BadParam))?;
        let key = after[..eq].trim().to_ascii_uppercase();
        let mut value = String::new();
        let mut tail = &after[eq + 1..];
        loop {
            if let Some(quoted) = tail.strip_prefix('"') {
                let close = quoted.find('"').ok_or_else(|| err(LineProblem::BadParam))?;
                value.push_str(&quoted[..close]);
                tail = &quoted[close + 1..];
            } else {
                let stop = tail.find([';', ':', ',']).unwrap_or(tail.len());
                value.push_str(&tail[..stop]);
                tail = &tail[stop..];
            }
            match tail.strip_prefix(',') {
                Some(next) => {
                    value.push(',');
                    tail = next;
                }
                None => break,
            }
        }
        params.push((key, decode_caret(&value)));
        rest = tail;
    }
    let value = rest
        .strip_prefix(':')
        .ok_or_else(|| err(LineProblem::NoColon))?;
    Ok(Line {
        no,
        name: name.to_ascii_uppercase(),
        params,
        value: value.to_string(),
    })
}

/// RFC 6868: `^n` newline, `^^` caret, `^'` double quote inside parameter values.
fn decode_caret(value: &str) -> String {
    if !value.contains('^') {
        return value.to_string();
    }
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('^', Some('n')) => {
                chars.next();
                out.push('\n');
            }
            ('^', Some('^')) => {
                chars.next();
                out.push('^');
            }
            ('^', Some('\'')) => {
                chars.next();
                out.push('"');
            }
            (c, _) => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &str) -> Vec<&str> {
        text.strip_suffix("\r\n").unwrap().split("\r\n").collect()
    }

    #[test]
    fn folding_keeps_lines_within_75_octets_and_never_splits_a_character() {
        let summary = "Entretien chez Société Générale — 面接 🚀 ".repeat(6);
        let mut w = Writer::default();
        w.text("SUMMARY", &summary);
        let text = w.finish();
        let physical = lines_of(&text);
        assert!(physical.len() > 3, "a long line is folded");
        for (i, l) in physical.iter().enumerate() {
            assert!(l.len() <= FOLD_AT, "line {i} has {} octets", l.len());
            if i > 0 {
                assert!(l.starts_with(' '), "continuation lines start with a space");
            }
        }
        // Multibyte characters land whole on one side of each fold, and the
        // folds use nearly all of each line (no early breaks).
        assert!(physical[..physical.len() - 1].iter().all(|l| l.len() >= 72));
        let back = read_lines(text.as_bytes()).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(unescape(&back[0].value), summary);
    }

    #[test]
    fn a_line_of_exactly_75_octets_is_not_folded() {
        let mut out = String::new();
        fold_into(&mut out, &"x".repeat(75));
        assert_eq!(out, format!("{}\r\n", "x".repeat(75)));
        out.clear();
        fold_into(&mut out, &"x".repeat(76));
        assert_eq!(out, format!("{}\r\n x\r\n", "x".repeat(75)));
    }

    #[test]
    fn escaping_round_trips_separators_backslashes_and_newlines() {
        let text = "Goal: offer; then, celebrate\\relax\nLine two\r\nLine three";
        let escaped = escape(text);
        assert_eq!(
            escaped,
            "Goal: offer\\; then\\, celebrate\\\\relax\\nLine two\\nLine three"
        );
        assert_eq!(
            unescape(&escaped),
            "Goal: offer; then, celebrate\\relax\nLine two\nLine three"
        );
        assert_eq!(
            split_list("Interview,Follow\\, up"),
            ["Interview", "Follow, up"]
        );
    }

    #[test]
    fn unfolding_joins_a_character_split_across_a_fold() {
        // "é" is C3 A9; a careless writer folded between the two bytes.
        let bytes = b"SUMMARY:Caf\xC3\r\n \xA9 cr\xC3\xA8me\nLOCATION:Paris\r\n";
        let lines = read_lines(bytes).unwrap();
        assert_eq!(lines[0].value, "Café crème");
        assert_eq!(lines[1].no, 3);
    }

    #[test]
    fn parameters_may_be_quoted_and_hold_separators() {
        let l = parse_line(
            4,
            "ORGANIZER;CN=\"Doe, Jane: Talent\";ROLE=CHAIR:mailto:jane@acme.com",
        )
        .unwrap();
        assert_eq!(l.name, "ORGANIZER");
        assert_eq!(l.param("CN"), Some("Doe, Jane: Talent"));
        assert_eq!(l.param("ROLE"), Some("CHAIR"));
        assert_eq!(l.value, "mailto:jane@acme.com");
    }

    #[test]
    fn a_line_without_a_colon_names_its_line() {
        let err = read_lines(b"BEGIN:VCALENDAR\r\nthis is not ical\r\n").unwrap_err();
        assert_eq!(
            err,
            IcsError::Line {
                line: 2,
                problem: LineProblem::NoColon
            }
        );
        assert!(err.to_string().starts_with("line 2: "));
    }
}

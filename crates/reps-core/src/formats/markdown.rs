//! Debriefs as Markdown notes, one file per lead, for note apps (Obsidian,
//! Bear, Apple Notes, any folder of `.md` files).
//!
//! Each note opens with YAML front matter (company, role, status, dates,
//! tags), then a heading per interview in date order with its debriefs, then
//! the debriefs not tied to an interview. Everything the user typed is
//! escaped, so a line such as `# Title`, `---` or `[[link]]` in a debrief
//! stays text and cannot break the note's structure.
//!
//! File names come from company and role (`acme-backend-engineer.md`): lower
//! case, accents folded, no path separators or reserved Windows names, at
//! most [`MAX_STEM_BYTES`] bytes before `.md`, and numbered (`-2`, `-3`) when
//! two leads meet. Names are given to every lead in creation order, so a
//! lead keeps its file name from one export to the next.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::formats::applications_csv::{date_applied, source_label, work_mode_label};
use crate::id::LeadId;
use crate::time::Stamp;
use crate::{Debrief, Interview, InterviewKind, Lead, Outcome, Provenance, RedFlagKind, Skill};

/// Longest file name before `.md`, in bytes (well under every file system's 255).
pub const MAX_STEM_BYTES: usize = 80;
/// The note that collects debriefs tied to no lead at all.
pub const UNFILED_NAME: &str = "debriefs-without-a-lead.md";

/// One Markdown file, ready to write into a folder or a zip.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteFile {
    /// File name with `.md`, safe on every platform.
    pub name: String,
    /// The note's Markdown.
    pub text: String,
}

/// The note of `lead` among `leads` (even with nothing in it yet), under
/// the same name the full export ([`notes`]) gives it; `None` when `lead`
/// is not among them.
pub fn note_of(
    lead: LeadId,
    leads: &[Lead],
    interviews: &[Interview],
    debriefs: &[Debrief],
) -> Option<NoteFile> {
    let index = leads.iter().position(|l| l.id == lead)?;
    let name = file_names(leads).swap_remove(index);
    let by_lead = Grouped::new(interviews, debriefs);
    Some(NoteFile {
        name,
        text: lead_note(&leads[index], &by_lead),
    })
}

/// The notes for a set of records (see [`Journal::export_notes_markdown`]).
pub fn notes(leads: &[Lead], interviews: &[Interview], debriefs: &[Debrief]) -> Vec<NoteFile> {
    let grouped = Grouped::new(interviews, debriefs);
    let mut out: Vec<NoteFile> = leads
        .iter()
        .zip(file_names(leads))
        .filter(|(l, _)| grouped.has_any(l.id))
        .map(|(l, name)| NoteFile {
            name,
            text: lead_note(l, &grouped),
        })
        .collect();
    if !grouped.unfiled.is_empty() {
        let mut text =
            String::from("---\ntags: [reps, job-search]\n---\n\n# Debriefs without a lead\n");
        for d in &grouped.unfiled {
            debrief_section(&mut text, d, "##");
        }
        out.push(NoteFile {
            name: UNFILED_NAME.into(),
            text,
        });
    }
    out
}

/// Interviews and debriefs sorted by lead.
struct Grouped<'a> {
    interviews: HashMap<LeadId, Vec<&'a Interview>>,
    by_interview: HashMap<crate::InterviewId, Vec<&'a Debrief>>,
    loose: HashMap<LeadId, Vec<&'a Debrief>>,
    unfiled: Vec<&'a Debrief>,
}

impl<'a> Grouped<'a> {
    fn new(interviews: &'a [Interview], debriefs: &'a [Debrief]) -> Self {
        let mut g = Grouped {
            interviews: HashMap::new(),
            by_interview: HashMap::new(),
            loose: HashMap::new(),
            unfiled: Vec::new(),
        };
        for i in interviews {
            g.interviews.entry(i.lead).or_default().push(i);
        }
        for list in g.interviews.values_mut() {
            list.sort_by_key(|i| (i.plan.start, i.id));
        }
        let known: HashSet<crate::InterviewId> = interviews.iter().map(|i| i.id).collect();
        let mut sorted: Vec<&Debrief> = debriefs.iter().collect();
        sorted.sort_by_key(|d| (d.created, d.id));
        for d in sorted {
            match (d.interview.filter(|i| known.contains(i)), d.lead) {
                (Some(i), _) => g.by_interview.entry(i).or_default().push(d),
                (None, Some(l)) => g.loose.entry(l).or_default().push(d),
                (None, None) => g.unfiled.push(d),
            }
        }
        g
    }

    fn has_any(&self, lead: LeadId) -> bool {
        self.interviews.contains_key(&lead) || self.loose.contains_key(&lead)
    }
}

fn lead_note(lead: &Lead, g: &Grouped<'_>) -> String {
    let d = &lead.details;
    let mut s = String::from("---\n");
    let _ = writeln!(s, "company: {}", yaml(&d.company));
    let _ = writeln!(s, "role: {}", yaml(&d.role));
    let _ = writeln!(s, "status: {}", yaml(&lead.status.to_string()));
    let _ = writeln!(s, "source: {}", yaml(source_label(d.source)));
    let _ = writeln!(s, "added: {}", day(lead.created));
    if let Some(applied) = date_applied(lead) {
        let _ = writeln!(s, "applied: {}", day(applied));
    }
    let _ = writeln!(
        s,
        "tags: [reps, job-search, {}]",
        slug(&lead.status.to_string())
    );
    s.push_str("---\n\n");
    let _ = writeln!(s, "# {} — {}\n", inline(&d.company), inline(&d.role));
    let mut facts = vec![format!("Status: {}", lead.status)];
    if let Some(stage) = &lead.stage {
        facts.push(format!("stage: {}", inline(&stage.to_string())));
    }
    if let Some(mode) = d.work_mode {
        facts.push(work_mode_label(mode).to_string());
    }
    if !d.location.trim().is_empty() {
        facts.push(inline(&d.location));
    }
    let _ = writeln!(s, "{}.", facts.join(" · "));
    if !d.link.trim().is_empty() {
        let _ = writeln!(s, "\nLink: {}", link(&d.link));
    }

    for i in g.interviews.get(&lead.id).into_iter().flatten() {
        let when = i.plan.start.local().format("%Y-%m-%d %H:%M");
        let kind = match i.plan.kind {
            InterviewKind::Phone => "phone",
            InterviewKind::Video => "video",
            InterviewKind::OnSite => "on site",
        };
        let _ = writeln!(
            s,
            "\n## {when} — {}, {kind}{}\n",
            inline(&i.plan.stage.to_string()),
            if i.cancelled { " (cancelled)" } else { "" }
        );
        let mut line = vec![format!(
            "Outcome: {}",
            match i.outcome {
                Outcome::Pending => "no answer yet",
                Outcome::Invited => "invited to the next step",
                Outcome::NotInvited => "not invited further",
            }
        )];
        if let Some(r) = i.confidence_before {
            line.push(format!("confidence before {}/5", r.get()));
        }
        if let Some(r) = i.confidence_after {
            line.push(format!("after {}/5", r.get()));
        }
        let _ = writeln!(s, "{}.", line.join(" · "));
        let debriefs = g.by_interview.get(&i.id).map(Vec::as_slice).unwrap_or(&[]);
        if debriefs.is_empty() {
            s.push_str("\nNo debrief written.\n");
        }
        for d in debriefs {
            debrief_section(&mut s, d, "###");
        }
    }
    if let Some(loose) = g.loose.get(&lead.id) {
        s.push_str("\n## Debriefs not tied to an interview\n");
        for d in loose {
            debrief_section(&mut s, d, "###");
        }
    }
    s
}

fn debrief_section(s: &mut String, d: &Debrief, level: &str) {
    let b = &d.body;
    let _ = writeln!(
        s,
        "\n{level} Debrief of {}\n",
        d.created.local().format("%Y-%m-%d %H:%M")
    );
    let mut facts = Vec::new();
    if let Some(r) = b.feel {
        facts.push(format!("- Feel: {}/5", r.get()));
    }
    if let Some(r) = b.confidence {
        facts.push(format!("- Confidence: {}/5", r.get()));
    }
    if !b.people.is_empty() {
        let people: Vec<String> = b.people.iter().map(|p| inline(p)).collect();
        facts.push(format!("- People: {}", people.join(", ")));
    }
    if !facts.is_empty() {
        let _ = writeln!(s, "{}", facts.join("\n"));
    }
    for (title, text) in [
        ("What went well", &b.went_well),
        ("What to improve", &b.improve),
    ] {
        if !text.trim().is_empty() {
            let _ = writeln!(s, "\n**{title}**\n\n{}", block(text));
        }
    }
    for (title, skills) in [
        ("Skills that went well", &b.strengths),
        ("Skills to work on", &b.to_improve),
    ] {
        if !skills.is_empty() {
            let names: Vec<String> = skills.iter().map(skill).collect();
            let _ = writeln!(s, "\n**{title}:** {}", names.join(", "));
        }
    }
    if !b.red_flags.is_empty() {
        s.push_str("\n**Red flags**\n\n");
        for f in &b.red_flags {
            let how = match f.provenance {
                Provenance::Seen => "seen first-hand",
                Provenance::Heard => "heard from others",
            };
            let detail = inline(&f.detail);
            let _ = write!(s, "- {} ({how})", red_flag(f.kind));
            if !detail.is_empty() {
                let _ = write!(s, ": {detail}");
            }
            s.push('\n');
        }
    }
    if !b.questions.is_empty() {
        s.push_str("\n**Questions**\n\n");
        for q in &b.questions {
            match q.resolved {
                Some(at) => {
                    let _ = writeln!(s, "- [x] {} (answered {})", inline(&q.text), day(at));
                }
                None => {
                    let _ = writeln!(s, "- [ ] {}", inline(&q.text));
                }
            }
        }
    }
    if !b.next_step.trim().is_empty() || b.next_step_by.is_some() {
        let _ = write!(s, "\n**Next step:** {}", inline(&b.next_step));
        if let Some(by) = b.next_step_by {
            let _ = write!(s, " (by {})", by.format("%Y-%m-%d"));
        }
        s.push('\n');
    }
    if !b.notes.trim().is_empty() {
        let _ = writeln!(s, "\n**Notes**\n\n{}", block(&b.notes));
    }
}

fn skill(s: &Skill) -> String {
    match s {
        Skill::TellMeAboutYourself => "tell me about yourself".into(),
        Skill::WhyThisCompany => "why this company".into(),
        Skill::Examples => "examples".into(),
        Skill::TechnicalDepth => "technical depth".into(),
        Skill::SalaryTalk => "salary talk".into(),
        Skill::QuestionsForThem => "questions for them".into(),
        Skill::Composure => "composure".into(),
        Skill::Conciseness => "conciseness".into(),
        Skill::Custom(name) => inline(name),
    }
}

fn red_flag(k: RedFlagKind) -> &'static str {
    crate::wording::red_flag(k)
}

fn day(at: Stamp) -> String {
    at.local_date().format("%Y-%m-%d").to_string()
}

/// A YAML double-quoted scalar: safe for any text.
fn yaml(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || c == '\u{feff}' || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A link the user typed: an autolink when it is a plain web address, else text.
fn link(text: &str) -> String {
    let t = text.trim();
    let plain = (t.starts_with("https://") || t.starts_with("http://"))
        && !t
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>\"`".contains(c));
    if plain { format!("<{t}>") } else { inline(t) }
}

/// User text on one line (a heading, a list item): whitespace collapsed, escaped.
fn inline(text: &str) -> String {
    escape_line(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// User text as paragraphs: each line escaped, line breaks kept as hard breaks
/// (`\` at the end), blank lines as paragraph breaks.
fn block(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(|l| escape_line(l.trim()))
        .collect::<Vec<_>>();
    let mut out = String::new();
    let mut previous_blank = true;
    for line in &lines {
        if line.is_empty() {
            if !previous_blank {
                out.push_str("\n\n");
            }
            previous_blank = true;
            continue;
        }
        if !previous_blank {
            // A hard line break inside the paragraph.
            out.push_str("\\\n");
        }
        out.push_str(line);
        previous_blank = false;
    }
    out.trim_end().to_string()
}

/// Escapes one line of user text for CommonMark and the note apps' extensions
/// (Obsidian's `[[links]]`, `#tags`, `$math$`, `==highlights==`, `%%comments%%`).
fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let chars: Vec<char> = line.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let at_start = i == 0;
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '$' | '&' | '{'
            | '}' => true,
            '=' | '%' => at_start || chars.get(i + 1) == Some(&c) || chars[i - 1] == c,
            '-' | '+' => at_start,
            // `12. ` or `12) ` would start an ordered list.
            '.' | ')' => {
                i > 0
                    && chars[..i].iter().all(char::is_ascii_digit)
                    && chars.get(i + 1).is_none_or(|n| n.is_whitespace())
            }
            '!' => chars.get(i + 1) == Some(&'['),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        if c.is_control() {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// A tag or file-name slug: lower case, accents folded, words joined by `-`.
fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue; // a combining accent (text in NFD form)
        }
        let folded = fold(c);
        for c in folded.chars() {
            if c.is_alphanumeric() {
                if gap && !out.is_empty() {
                    out.push('-');
                }
                gap = false;
                out.push(c);
            } else {
                gap = true;
            }
        }
    }
    out
}

/// Latin letters with accents, as plain ASCII.
fn fold(c: char) -> String {
    let plain = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => "i",
        'ł' | 'ľ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return c.to_string(),
    };
    plain.to_string()
}

/// `con`, `aux`, `com1`… cannot be file names on Windows, whatever the extension.
fn reserved_on_windows(stem: &str) -> bool {
    matches!(stem, "con" | "prn" | "aux" | "nul")
        || ((stem.starts_with("com") || stem.starts_with("lpt"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit())
}

/// A safe stem for `company role`, at most [`MAX_STEM_BYTES`] bytes.
pub fn file_stem(company: &str, role: &str) -> String {
    let mut stem = slug(&format!("{company} {role}"));
    cut(&mut stem, MAX_STEM_BYTES);
    if stem.is_empty() {
        stem = "lead".into();
    }
    if reserved_on_windows(&stem) {
        stem.push_str("-lead");
    }
    stem
}

/// Shortens to at most `max` bytes on a character boundary, without a trailing `-`.
fn cut(s: &mut String, max: usize) {
    if s.len() > max {
        let mut end = max;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
    }
    while s.ends_with('-') {
        s.pop();
    }
}

/// Unique names for every lead, in order: `stem.md`, then `stem-2.md`, …
pub fn file_names(leads: &[Lead]) -> Vec<String> {
    let mut taken: HashSet<String> = HashSet::from([UNFILED_NAME.to_string()]);
    leads
        .iter()
        .map(|l| {
            let stem = file_stem(&l.details.company, &l.details.role);
            let mut name = format!("{stem}.md");
            let mut n = 1;
            while taken.contains(&name) {
                n += 1;
                let suffix = format!("-{n}");
                let mut base = stem.clone();
                cut(&mut base, MAX_STEM_BYTES - suffix.len());
                name = format!("{base}{suffix}.md");
            }
            taken.insert(name.clone());
            name
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::at;
    use crate::{DebriefBody, Question, RedFlag, Source, Status};
    use crate::{DebriefId, InterviewPlan, LeadDetails, Rating, Stage};
    use uuid::Uuid;

    fn lead(n: u128, company: &str, role: &str) -> Lead {
        Lead::new(
            LeadId(Uuid::from_u128(n)),
            at("2026-03-01T09:00:00+01:00[Europe/Paris]"),
            LeadDetails::new(company, role, Source::JobBoard),
            Status::New,
        )
    }

    #[test]
    fn file_names_are_safe_slugs() {
        for (company, role, want) in [
            ("Acme", "Backend Engineer", "acme-backend-engineer"),
            (
                "Société Générale",
                "Ingénieur Données",
                "societe-generale-ingenieur-donnees",
            ),
            ("../../etc", "passwd", "etc-passwd"),
            ("C:\\Windows", "System32/x", "c-windows-system32-x"),
            ("Ørsted", "Straße", "orsted-strasse"),
            ("トヨタ", "エンジニア", "トヨタ-エンジニア"),
            ("Cafe\u{301}", "Dev", "cafe-dev"),
            ("***", "???", "lead"),
            ("con", "!", "con-lead"),
            ("COM1", ".", "com1-lead"),
            ("Acme.", "dev.", "acme-dev"),
        ] {
            assert_eq!(file_stem(company, role), want, "{company} / {role}");
        }
        let long = file_stem(&"Ünïcödé ".repeat(40), "x");
        assert!(long.len() <= MAX_STEM_BYTES, "{}", long.len());
        assert!(!long.ends_with('-'));
        let wide = file_stem(&"日本".repeat(40), "x");
        assert!(wide.len() <= MAX_STEM_BYTES);
        assert!(
            wide.chars().all(|c| c == '日' || c == '本'),
            "cut on a character boundary"
        );
    }

    #[test]
    fn names_are_unique_and_stable() {
        let long = "a".repeat(200);
        let leads = [
            lead(1, "Acme", "Dev"),
            lead(2, "ACME", "dev"),
            lead(3, "Acme!", "Dev?"),
            lead(4, &long, "x"),
            lead(5, &long, "y"),
            lead(6, "Debriefs without a", "lead"),
        ];
        let names = file_names(&leads);
        assert_eq!(
            names[..3],
            ["acme-dev.md", "acme-dev-2.md", "acme-dev-3.md"]
        );
        assert_eq!(names[4], format!("{}-2.md", "a".repeat(MAX_STEM_BYTES - 2)));
        assert_eq!(names[5], "debriefs-without-a-lead-2.md");
        let unique: HashSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
        assert_eq!(
            file_names(&leads[..2]),
            names[..2],
            "a later lead does not rename earlier ones"
        );
    }

    #[test]
    fn user_text_cannot_break_the_structure() {
        assert_eq!(escape_line("# Not a heading"), "\\# Not a heading");
        assert_eq!(escape_line("---"), "\\---");
        assert_eq!(escape_line("1. not a list"), "1\\. not a list");
        assert_eq!(escape_line("2026. a year"), "2026\\. a year");
        assert_eq!(escape_line("> quote"), "\\> quote");
        assert_eq!(
            escape_line("[[Secret]] *bold* _x_ `code` <b>"),
            "\\[\\[Secret\\]\\] \\*bold\\* \\_x\\_ \\`code\\` \\<b\\>"
        );
        assert_eq!(
            escape_line("$50k to $60k, 10% raise"),
            "\\$50k to \\$60k, 10% raise"
        );
        assert_eq!(
            escape_line("==mark== a = b %%hide%%"),
            "\\=\\=mark\\=\\= a = b \\%\\%hide\\%\\%"
        );
        assert_eq!(escape_line("C# and F#"), "C\\# and F\\#");
        assert_eq!(escape_line("well - fine"), "well - fine");
        assert_eq!(
            block("line one\n# two\n\n\nthree"),
            "line one\\\n\\# two\n\nthree"
        );
        assert_eq!(inline("a\n---\nb"), "a --- b");
        assert_eq!(
            yaml("He said \"hi\"\\\nbye: [x]"),
            "\"He said \\\"hi\\\"\\\\\\nbye: [x]\""
        );
        assert_eq!(
            link("https://acme.example/jobs?id=1"),
            "<https://acme.example/jobs?id=1>"
        );
        assert_eq!(link("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(
            link("https://x.example/<script>"),
            "https://x.example/\\<script\\>"
        );
    }

    fn debrief(
        n: u128,
        created: &str,
        lead: Option<LeadId>,
        interview: Option<crate::InterviewId>,
        body: DebriefBody,
    ) -> Debrief {
        Debrief {
            id: DebriefId(Uuid::from_u128(n)),
            created: at(created),
            updated: at(created),
            interview,
            lead,
            body,
        }
    }

    #[test]
    fn a_note_has_front_matter_interviews_in_order_and_loose_debriefs_last() {
        let mut l = lead(1, "Acme \"Labs\"", "Dev: Backend");
        l.details.link = "https://acme.example/job".into();
        let plan = |start: &str, stage| {
            InterviewPlan::new(at(start), 30, crate::InterviewKind::Video, stage)
        };
        let later = Interview {
            id: crate::InterviewId(Uuid::from_u128(20)),
            lead: l.id,
            created: l.created,
            updated: l.created,
            plan: plan("2026-03-10T10:00:00+01:00[Europe/Paris]", Stage::Technical),
            outcome: Outcome::Pending,
            confidence_before: None,
            confidence_after: None,
            cancelled: false,
        };
        let earlier = Interview {
            id: crate::InterviewId(Uuid::from_u128(21)),
            plan: plan("2026-03-05T10:00:00+01:00[Europe/Paris]", Stage::Screen),
            outcome: Outcome::Invited,
            confidence_before: Rating::new("r", 2).ok(),
            confidence_after: Rating::new("r", 4).ok(),
            ..later.clone()
        };
        let body = DebriefBody {
            feel: Rating::new("r", 4).ok(),
            went_well: "Clear answers.\n# not a heading".into(),
            red_flags: vec![RedFlag {
                kind: RedFlagKind::PressureToAccept,
                detail: "Wanted an answer by tonight".into(),
                provenance: Provenance::Heard,
            }],
            questions: vec![
                Question::new("Team size?"),
                Question {
                    resolved: Some(at("2026-03-06T10:00:00+01:00[Europe/Paris]")),
                    ..Question::new("On-call?")
                },
            ],
            next_step: "Tech round".into(),
            next_step_by: chrono::NaiveDate::from_ymd_opt(2026, 3, 9),
            strengths: vec![Skill::Examples, Skill::Custom("*Live* coding".into())],
            ..Default::default()
        };
        let debriefs = [
            debrief(
                30,
                "2026-03-05T11:00:00+01:00[Europe/Paris]",
                Some(l.id),
                Some(earlier.id),
                body,
            ),
            debrief(
                31,
                "2026-03-02T11:00:00+01:00[Europe/Paris]",
                Some(l.id),
                None,
                DebriefBody {
                    notes: "Looked them up.".into(),
                    ..Default::default()
                },
            ),
            debrief(
                32,
                "2026-03-02T12:00:00+01:00[Europe/Paris]",
                None,
                None,
                DebriefBody {
                    notes: "Orphan".into(),
                    ..Default::default()
                },
            ),
        ];
        let quiet = lead(2, "Quiet", "Nothing yet");
        let files = notes(&[l.clone(), quiet], &[later, earlier], &debriefs);
        assert_eq!(
            files.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(),
            ["acme-labs-dev-backend.md", UNFILED_NAME],
            "a lead with nothing to say has no note"
        );
        let text = &files[0].text;
        assert!(
            text.starts_with(
                "---\ncompany: \"Acme \\\"Labs\\\"\"\nrole: \"Dev: Backend\"\nstatus: \"new\"\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("tags: [reps, job-search, new]\n---\n\n# Acme \"Labs\" — Dev: Backend\n"),
            "{text}"
        );
        assert!(text.contains("Link: <https://acme.example/job>"));
        let screen = text
            .find("## 2026-03-05 10:00 — screen, video")
            .expect(text);
        let technical = text
            .find("## 2026-03-10 10:00 — technical, video")
            .expect(text);
        let loose = text
            .find("## Debriefs not tied to an interview")
            .expect(text);
        assert!(screen < technical && technical < loose, "{text}");
        assert!(
            text.contains("Outcome: invited to the next step · confidence before 2/5 · after 4/5.")
        );
        assert!(text.contains("- Feel: 4/5"));
        assert!(
            text.contains("**What went well**\n\nClear answers.\\\n\\# not a heading\n"),
            "{text}"
        );
        assert!(text.contains("**Skills that went well:** examples, \\*Live\\* coding"));
        assert!(
            text.contains("- Pressure to accept (heard from others): Wanted an answer by tonight")
        );
        assert!(text.contains("- [ ] Team size?\n- [x] On-call? (answered 2026-03-06)"));
        assert!(text.contains("**Next step:** Tech round (by 2026-03-09)"));
        assert!(text[technical..loose].contains("No debrief written."));
        assert!(text[loose..].contains("Looked them up."));
        assert!(files[1].text.contains("Orphan"));
        assert_eq!(
            text.lines().filter(|l| *l == "---").count(),
            2,
            "only the front matter fences"
        );
        assert!(
            text.lines()
                .filter(|l| l.starts_with('#'))
                .all(|l| l.starts_with("# Acme")
                    || l.starts_with("## ")
                    || l.starts_with("### Debrief of")),
            "{text}"
        );
    }
}

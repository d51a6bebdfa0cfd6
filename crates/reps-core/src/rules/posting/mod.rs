//! A job posting shared into Reps from another app, or pasted: what it
//! says about the job, as far as the text tells. The share strings of job
//! boards ("Role at Company", "Company is hiring: Role"), page titles
//! ("Role - Company | Site"), applicant-tracking links that name the
//! company, labelled lines ("Company: …"), pay in the shapes ads write it,
//! the place and remote or hybrid words. Reps never fetches the link.
//!
//! What cannot be told stays empty, and the lead keeps the whole text, so
//! the user fills in the rest with one look at the card.

mod pay;
mod sites;

#[cfg(test)]
mod corpus;

pub use pay::pay_in;
pub use sites::{Site, name_from_slug, site_of};

use crate::domain::lead::{PayRange, WorkMode};
use crate::domain::limits;

/// How much of a long paste is read for guessing (the ad keeps more).
const READ_CHARS: usize = 20_000;

/// What a shared text says about a job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posting {
    /// The company, or "" when the text does not say.
    pub company: String,
    /// The role, or "" when the text does not say.
    pub role: String,
    /// The first web address in the text, or "".
    pub link: String,
    /// Where it was found, from the link.
    pub site: Option<Site>,
    /// The pay, when stated with a currency.
    pub pay: Option<PayRange>,
    /// The place, or "".
    pub location: String,
    /// Remote, hybrid or on site, when the text says.
    pub work_mode: Option<WorkMode>,
    /// The text itself, kept with the lead (at most [`limits::NOTE`] characters).
    pub ad: String,
    /// Whether the text was longer than the ad keeps.
    pub cut: bool,
}

/// Why a shared text is not taken as a posting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NotAPosting {
    /// Nothing, or only spaces.
    #[error("Nothing was shared: the text is empty.")]
    Empty,
    /// Bytes that are not text (a picture or a file shared as text).
    #[error("What was shared is not text Reps can read (it looks like a file or a picture).")]
    NotText,
}

impl Posting {
    /// Whether both the company and the role were found.
    pub fn is_complete(&self) -> bool {
        !self.company.is_empty() && !self.role.is_empty()
    }

    /// The site's name for a job board ("LinkedIn"), else "".
    pub fn site_name(&self) -> &str {
        match self.site {
            Some(Site::JobBoard(name)) => name,
            _ => "",
        }
    }
}

/// Reads a shared or pasted text. Never panics; an empty text or bytes
/// that are not text are refused with why.
pub fn read_posting(text: &str) -> Result<Posting, NotAPosting> {
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(NotAPosting::Empty);
    }
    if !looks_like_text(text) {
        return Err(NotAPosting::NotText);
    }
    let (ad, cut) = keep_ad(text);
    let head: String = text.chars().take(READ_CHARS).collect();
    let head = head.replace("\r\n", "\n").replace('\r', "\n");
    let link = first_link(&head);
    let site = link.as_deref().and_then(site_of);
    let lines: Vec<&str> = head
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut found = Found::default();
    for line in lines.iter().take(60) {
        labelled(line, &mut found);
    }
    let url_company = match &site {
        Some(Site::CompanySite(Some(c))) => Some(c.clone()),
        _ => None,
    };
    // a first line that is a role alone ("Senior Product Designer"), above
    // a line of company and place
    let role_hint = lines
        .first()
        .map(|l| without_links(l))
        .filter(|l| is_title_sized(l) && has_role_word(l) && parts_of(l).len() == 1);
    for line in lines.iter().take(12) {
        let line = without_links(line);
        if found.company.is_some() && found.role.is_some() {
            break;
        }
        if let Some(title) = from_title(&line, url_company.as_deref(), role_hint.as_deref()) {
            found.company = found.company.or(title.company);
            found.role = found.role.or(title.role);
            found.location = found.location.or(title.location);
        }
    }
    // a first line that is only the role, and a second that is only a name
    if found.company.is_none()
        && let Some(role) = role_hint.as_deref()
        && let Some(name) = lines.get(1).map(|l| without_links(l))
        && is_a_name(&name)
        && !has_role_word(&name)
        && !name.contains(':')
        && !name.chars().any(|c| c.is_ascii_digit())
        && work_mode_in(&name).is_none()
    {
        found.company = Some(name.clone());
        found.role = found.role.or_else(|| Some(clean_role(role)));
    }
    // a link that names the company, and a first line that is only the role
    if found.company.is_none() {
        found.company = url_company;
    }
    if found.role.is_none() && found.company.is_some() {
        found.role = lines
            .iter()
            .take(3)
            .map(|l| without_links(l))
            .find(|l| has_role_word(l) && l.chars().count() <= 80)
            .map(|l| clean_role(&l))
            .filter(|r| !r.is_empty());
    }
    if found.location.is_none() {
        found.location = lines.iter().take(40).find_map(|l| pinned_place(l));
    }
    let pay = found
        .pay_line
        .as_deref()
        .and_then(pay_in)
        .or_else(|| pay_in(&head));
    Ok(Posting {
        company: found.company.map(|c| fit(&c)).unwrap_or_default(),
        role: found.role.map(|r| fit(&r)).unwrap_or_default(),
        link: link
            .map(|l| l.chars().take(limits::LINK).collect())
            .unwrap_or_default(),
        site,
        pay,
        location: found
            .location
            .map(|l| fit(&clean_place(&l)))
            .unwrap_or_default(),
        work_mode: work_mode_in(&head),
        ad,
        cut,
    })
}

/// What the lines said, before it is tidied.
#[derive(Default)]
struct Found {
    company: Option<String>,
    role: Option<String>,
    location: Option<String>,
    pay_line: Option<String>,
}

/// Text, not a file's bytes: no NUL, and few control or replacement
/// characters.
fn looks_like_text(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(4_000).collect();
    if sample.contains(&'\0') {
        return false;
    }
    let odd = sample
        .iter()
        .filter(|c| (c.is_control() && !c.is_whitespace()) || **c == '\u{fffd}')
        .count();
    odd * 20 <= sample.len()
}

/// The ad as kept: trimmed, cut at the note limit.
fn keep_ad(text: &str) -> (String, bool) {
    let trimmed = text.trim();
    let mut ad: String = trimmed.chars().take(limits::NOTE).collect();
    let cut = ad.len() < trimmed.len();
    if cut {
        // end on a whole word where one is near
        if let Some(space) = ad.rfind(char::is_whitespace)
            && ad.len() - space < 200
        {
            ad.truncate(space);
        }
    }
    (ad, cut)
}

/// A field value as a form takes it: one line, no wrapping quotes or
/// trailing punctuation, within the short-text limit.
fn fit(value: &str) -> String {
    let one_line = value.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = one_line
        .trim_matches(|c: char| {
            matches!(
                c,
                '"' | '\''
                    | '“'
                    | '”'
                    | '«'
                    | '»'
                    | '*'
                    | '|'
                    | ','
                    | ';'
                    | ':'
                    | '-'
                    | '–'
                    | '—'
                    | '.'
                    | '!'
            ) || c.is_whitespace()
        })
        .to_string();
    // cut to the limit, then trimmed again (the cut may end on a space)
    let cut: String = trimmed.chars().take(limits::SHORT).collect();
    cut.trim_end().to_string()
}

/// The first web address: `http(s)://…` or `www.…`, without the
/// punctuation that ends a sentence around it.
fn first_link(text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '(' | ')' | '[' | ']'))
        .find_map(|word| {
            let lower = word.to_ascii_lowercase();
            let start = lower
                .find("https://")
                .or_else(|| lower.find("http://"))
                .or_else(|| lower.starts_with("www.").then_some(0))?;
            let link = word[start..].trim_end_matches(['.', ',', ';', ':', '!', '?', '\'']);
            (link.len() > 10).then(|| link.to_string())
        })
}

/// A line without its web addresses.
fn without_links(line: &str) -> String {
    line.split_whitespace()
        .filter(|w| {
            let l = w.to_ascii_lowercase();
            !(l.contains("http://") || l.contains("https://") || l.starts_with("www."))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Labels a line may start with, and what they label.
const LABELS: &[(&str, Field)] = &[
    ("company", Field::Company),
    ("employer", Field::Company),
    ("organisation", Field::Company),
    ("organization", Field::Company),
    ("firma", Field::Company),
    ("unternehmen", Field::Company),
    ("arbeitgeber", Field::Company),
    ("entreprise", Field::Company),
    ("société", Field::Company),
    ("empresa", Field::Company),
    ("bedrijf", Field::Company),
    ("azienda", Field::Company),
    ("role", Field::Role),
    ("position", Field::Role),
    ("job title", Field::Role),
    ("title", Field::Role),
    ("job", Field::Role),
    ("stelle", Field::Role),
    ("jobtitel", Field::Role),
    ("poste", Field::Role),
    ("intitulé du poste", Field::Role),
    ("puesto", Field::Role),
    ("functie", Field::Role),
    ("ruolo", Field::Role),
    ("location", Field::Location),
    ("where", Field::Location),
    ("based in", Field::Location),
    ("standort", Field::Location),
    ("arbeitsort", Field::Location),
    ("einsatzort", Field::Location),
    ("ort", Field::Location),
    ("lieu", Field::Location),
    ("localisation", Field::Location),
    ("ubicación", Field::Location),
    ("locatie", Field::Location),
    ("sede", Field::Location),
    ("salary", Field::Pay),
    ("pay", Field::Pay),
    ("compensation", Field::Pay),
    ("base salary", Field::Pay),
    ("salary range", Field::Pay),
    ("gehalt", Field::Pay),
    ("vergütung", Field::Pay),
    ("salaire", Field::Pay),
    ("rémunération", Field::Pay),
    ("salario", Field::Pay),
    ("salaris", Field::Pay),
    ("stipendio", Field::Pay),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Company,
    Role,
    Location,
    Pay,
}

/// "Company: Acme", "Poste : Développeur" — the first of each label wins.
fn labelled(line: &str, found: &mut Found) {
    let Some((label, value)) = line.split_once(':') else {
        return;
    };
    let label = label
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let value = value.trim();
    if value.is_empty() || label.chars().count() > 20 {
        return;
    }
    let Some((_, field)) = LABELS.iter().find(|(l, _)| *l == label) else {
        return;
    };
    let value = without_links(value);
    if value.is_empty() || value.chars().count() > 120 {
        return;
    }
    match field {
        Field::Company if found.company.is_none() => found.company = Some(value),
        Field::Role if found.role.is_none() => found.role = Some(clean_role(&value)),
        Field::Location if found.location.is_none() => found.location = Some(value),
        Field::Pay if found.pay_line.is_none() => found.pay_line = Some(value),
        _ => {}
    }
}

/// What a title line said.
struct Title {
    company: Option<String>,
    role: Option<String>,
    location: Option<String>,
}

/// Sites' names as they end page titles ("… | LinkedIn", "… - Indeed.com").
const SITE_WORDS: &[&str] = &[
    "linkedin",
    "indeed",
    "indeed.com",
    "glassdoor",
    "stepstone",
    "stepstone.de",
    "xing",
    "xing jobs",
    "welcome to the jungle",
    "otta",
    "wellfound",
    "monster",
    "ziprecruiter",
    "dice",
    "seek",
    "reed.co.uk",
    "totaljobs",
    "built in",
    "greenhouse",
    "lever",
    "workable",
    "ashby",
    "personio",
    "recruitee",
    "smartrecruiters",
    "workday",
    "careers",
    "career",
    "jobs",
    "job",
    "karriere",
    "stellenangebot",
    "offre d'emploi",
    "emploi",
    "hacker news",
    "apply now",
];

/// A title or share line: "Role at Company", "Company is hiring: Role",
/// "Role - Company | Site", "Company | Role | Place | Remote" (Hacker
/// News), in English, German, French, Spanish, Dutch and Italian.
fn from_title(line: &str, url_company: Option<&str>, role_hint: Option<&str>) -> Option<Title> {
    if line.chars().count() > 200 {
        return None;
    }
    // "Job Application for Role at Company" (Greenhouse)
    let line = strip_prefix_ci(line, "job application for ").unwrap_or(line);
    // "We're hiring! Role at Company"
    let mut line = line;
    for prefix in [
        "we're hiring!",
        "we’re hiring!",
        "we are hiring!",
        "we're hiring:",
        "now hiring:",
        "wir stellen ein:",
        "on recrute !",
        "on recrute :",
    ] {
        if let Some(rest) = strip_prefix_ci(line, prefix) {
            line = rest.trim_start();
        }
    }
    // "Careers at Acme: Senior Engineer"
    if let Some(rest) = strip_prefix_ci(line, "careers at ")
        && let Some((company, role)) = rest.split_once(':')
        && is_a_name(company)
    {
        return Some(Title {
            company: Some(company.trim().to_string()),
            role: Some(clean_role(role)),
            location: None,
        });
    }
    // "I found this job on Indeed: Role - Company": the lead-in goes
    let line = match line.split_once(": ") {
        Some((lead_in, rest)) if is_lead_in(lead_in) => rest,
        _ => line,
    };
    // "Check out this job at Company: Role" (LinkedIn's share)
    for prefix in [
        "check out this job at ",
        "schau dir diesen job bei ",
        "découvrez cette offre chez ",
    ] {
        if let Some(rest) = strip_prefix_ci(line, prefix)
            && let Some((company, role)) = rest.split_once([':', ','])
        {
            return Some(Title {
                company: Some(company.trim().to_string()),
                role: Some(clean_role(role)),
                location: None,
            });
        }
    }
    // "Company is hiring: Role", "Company hiring Role in Place | LinkedIn"
    let without_site = strip_site_suffix(line);
    for verb in [
        " is hiring a ",
        " is hiring an ",
        " is hiring for ",
        " is hiring: ",
        " is hiring ",
        " is looking for a ",
        " is looking for an ",
        " is looking for ",
        " hiring ",
        " sucht ",
        " recrute un ",
        " recrute une ",
        " recrute un(e) ",
        " recrute ",
        " busca ",
        " zoekt een ",
        " zoekt ",
        " cerca ",
        " assume ",
    ] {
        if let Some((company, rest)) = split_ci(&without_site, verb)
            && is_a_name(company)
            && !is_a_message(company)
        {
            let rest = rest.trim_start_matches([':', ' ']);
            // "…is hiring a Senior Engineer to build our platform": the
            // title ends where the sentence goes on
            let rest = [
                " to ",
                " who ",
                " that ",
                " which ",
                " for our ",
                " in our ",
                " with ",
            ]
            .iter()
            .filter_map(|w| rest.find(w))
            .min()
            .map_or(rest, |at| &rest[..at]);
            let rest = strip_suffix_ci(rest.trim(), " job").unwrap_or(rest.trim());
            let (role, location) = split_place(rest);
            let role = role.split([',', ';']).next().unwrap_or(role);
            return Some(Title {
                company: Some(company.trim().to_string()),
                role: Some(clean_role(role)),
                location,
            });
        }
    }
    // past here, a sentence someone wrote is not a title
    if is_a_message(line) {
        return None;
    }
    // "Role at Company", "Role @ Company", "Role bei Company in Place"
    for at in [
        " at ", " @ ", " bei ", " chez ", " bij ", " presso ", " na ",
    ] {
        if let Some((role, rest)) = split_ci(&without_site, at)
            && has_role_word(role)
            && is_title_sized(role)
        {
            let rest = rest.trim_start_matches(':').trim();
            let rest = without_hashtags(rest);
            let (company, location) = split_place(&rest);
            // "Role at Company: what the job is" — the name ends at the colon
            let company = company.split(": ").next().unwrap_or(company);
            let (company, in_brackets) = split_bracketed(company);
            let (company, extra) = split_parts(company);
            if !is_a_name(company) {
                continue;
            }
            // "Role job at Company": the lead-in's "job" goes with the role's trimmings
            let role = role.rsplit([':', '–', '—']).next().unwrap_or(role);
            return Some(Title {
                company: Some(company.trim().to_string()),
                role: Some(clean_role(role)),
                location: location.or(extra).or(in_brackets),
            });
        }
    }
    // "Acme Corp Data Analyst Job in Austin, TX" (Glassdoor): the role
    // starts at its first role word
    if let Some((named, place)) = split_ci(&without_site, " job in ") {
        let words: Vec<&str> = named.split_whitespace().collect();
        if let Some(at) = (1..words.len()).find(|&i| starts_role(words[i])) {
            return Some(Title {
                company: Some(words[..at].join(" ")),
                role: Some(clean_role(&words[at..].join(" "))),
                location: Some(place_only(place)),
            });
        }
    }
    // a title made of parts: "Role - Company - Place | Site"
    let parts = parts_of(&without_site);
    if parts.len() >= 2 {
        return Some(from_parts(&parts, url_company, role_hint));
    }
    None
}

/// Words before a colon that only introduce what follows: "I found this
/// job on Indeed:", "Job alert:", "Fwd:", "Stellenangebot:".
fn is_lead_in(text: &str) -> bool {
    const LEAD_INS: &[&str] = &[
        "fwd",
        "fw",
        "wg",
        "tr",
        "re",
        "job alert",
        "new job",
        "job",
        "jobs",
        "apply now",
        "stellenangebot",
        "stellenanzeige",
        "offre d'emploi",
        "offre",
        "oferta de empleo",
        "vacature",
        "opening",
        "open role",
        "now hiring",
        "hiring",
    ];
    let lower = text
        .trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let words = lower.split_whitespace().count();
    LEAD_INS.contains(&lower.as_str())
        || lower.starts_with("careers at ")
        || (words >= 3
            && !has_role_word(&lower)
            && !lower.contains("hiring")
            && !lower.contains(" at "))
}

/// A sentence someone wrote ("Hi Sam, I'm recruiting for…"), not a title.
fn is_a_message(line: &str) -> bool {
    const PEOPLE_WORDS: &[&str] = &[
        "i", "i'm", "i’m", "i've", "we", "we're", "you", "your", "you're", "my", "our", "hi",
        "hello", "hey", "dear", "please", "thanks", "ich", "wir", "sie", "je", "nous", "vous",
    ];
    line.split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '!' | '?'))
        .any(|w| PEOPLE_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Short enough to be a job title.
fn is_title_sized(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.chars().count() <= 80 && t.split_whitespace().count() <= 10
}

/// Could be a company's name: short, and not "a fintech" or "our client".
fn is_a_name(text: &str) -> bool {
    const NOT_NAMES: &[&str] = &[
        "a", "an", "the", "our", "my", "your", "this", "that", "one", "some", "ein", "eine", "un",
        "une", "le", "la", "les", "de", "el", "een",
    ];
    let t = text.trim();
    let first = t.split_whitespace().next().unwrap_or_default();
    !t.is_empty()
        && t.chars().count() <= 60
        && t.split_whitespace().count() <= 6
        && !NOT_NAMES.contains(&first)
}

/// A title split at its separators, the site's own name dropped.
fn parts_of(line: &str) -> Vec<String> {
    let mut parts = vec![line.to_string()];
    for sep in [" | ", " - ", " – ", " — ", " · ", " :: "] {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    parts
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty() && !SITE_WORDS.contains(&p.to_lowercase().as_str()))
        .collect()
}

/// Company, role and place from a title's parts.
fn from_parts(parts: &[String], url_company: Option<&str>, role_hint: Option<&str>) -> Title {
    let same = |a: &str, b: &str| squash(a) == squash(b);
    let company_at = url_company.and_then(|c| parts.iter().position(|p| same(p, c)));
    let role_at = parts
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != company_at)
        .find(|(_, p)| has_role_word(p))
        .map(|(i, _)| i);
    // "Acme Corp · Berlin (Hybrid)" under a line that was the role
    if let (None, Some(role)) = (role_at, role_hint) {
        let company_at = company_at.unwrap_or(0);
        return Title {
            company: parts.get(company_at).cloned(),
            role: Some(clean_role(role)),
            location: parts
                .iter()
                .enumerate()
                .find(|(i, p)| *i != company_at && p.chars().count() <= 60)
                .map(|(_, p)| p.clone()),
        };
    }
    let (role_at, company_at) = match (role_at, company_at) {
        (Some(r), Some(c)) => (r, c),
        (Some(r), None) => (r, if r == 0 { 1 } else { 0 }),
        (None, Some(c)) => (if c == 0 { 1 } else { 0 }, c),
        // no role word and nothing from the link: not a job title (a
        // video, an article); the text is kept and the user asked
        (None, None) => {
            return Title {
                company: None,
                role: None,
                location: None,
            };
        }
    };
    let location = parts
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != role_at && *i != company_at)
        .map(|(_, p)| p)
        .find(|p| {
            work_mode_in(p).is_none()
                && pay_in(p).is_none()
                && p.chars().count() <= 60
                && !has_role_word(p)
        })
        .cloned();
    Title {
        company: parts.get(company_at).cloned(),
        role: parts.get(role_at).map(|r| clean_role(r)),
        location,
    }
}

/// Whether a role can start with `word`: a seniority or a role word.
fn starts_role(word: &str) -> bool {
    const SENIORITY: &[&str] = &[
        "senior",
        "junior",
        "lead",
        "staff",
        "principal",
        "head",
        "chief",
        "associate",
        "assistant",
        "intern",
        "werkstudent",
        "sr.",
        "jr.",
        "sr",
        "jr",
    ];
    let w = word.to_lowercase();
    SENIORITY.contains(&w.as_str()) || has_role_word(&w)
}

/// Lowercase letters and digits only, to compare a name with a link's spelling.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// "Role in Place" → ("Role", Some("Place")).
fn split_place(text: &str) -> (&str, Option<String>) {
    for word in [" in ", " à ", " en ", " a ", " im "] {
        if let Some((before, after)) = split_ci(text, word) {
            let place = place_only(after);
            if !before.trim().is_empty()
                && !place.is_empty()
                && place.split_whitespace().count() <= 5
            {
                return (before, Some(place));
            }
        }
    }
    (text, None)
}

/// A place and what follows it: "Leeds, EUR 60k-70k" → "Leeds";
/// "Berlin, Germany" stays whole. Parts with figures, currencies or
/// remote words end it.
fn place_only(text: &str) -> String {
    let parts: Vec<&str> = text
        .trim()
        .split(", ")
        .take_while(|p| {
            !p.chars()
                .any(|c| c.is_ascii_digit() || matches!(c, '$' | '€' | '£' | '¥' | '₹'))
                && work_mode_in(p).is_none()
                && pay_in(p).is_none()
        })
        .collect();
    parts
        .join(", ")
        .trim()
        .trim_end_matches(['.', ')', ','])
        .to_string()
}

/// A place without what is not the place: "New York, NY (Hybrid)" → "New
/// York, NY"; "Lyon (69) – télétravail partiel possible" → "Lyon". A place
/// that is only "Remote (EU)" stays as written.
fn clean_place(text: &str) -> String {
    let mut place = text.trim().to_string();
    for sep in [" – ", " — ", " - ", " | ", " · "] {
        if let Some((before, after)) = place.split_once(sep)
            && (work_mode_in(after).is_some() || pay_in(after).is_some())
            && !before.trim().is_empty()
        {
            place = before.trim().to_string();
        }
    }
    // brackets holding a work mode or only digits (a French département)
    while let Some(open) = place.rfind(" (") {
        let Some(close) = place[open..].find(')') else {
            break;
        };
        let inner = &place[open + 2..open + close];
        let noise = work_mode_in(inner).is_some() || inner.chars().all(|c| c.is_ascii_digit());
        if !noise || place[..open].trim().is_empty() {
            break;
        }
        place = format!("{}{}", &place[..open], &place[open + close + 1..]);
    }
    place.trim().to_string()
}

/// "Spotify (Stockholm)" → ("Spotify", Some("Stockholm")).
fn split_bracketed(text: &str) -> (&str, Option<String>) {
    let t = text.trim();
    if let Some(open) = t.find(" (")
        && t.ends_with(')')
    {
        let inner = t[open + 2..t.len() - 1].trim();
        if !inner.is_empty() && inner.chars().count() <= 40 {
            return (&t[..open], Some(inner.to_string()));
        }
    }
    (t, None)
}

/// The text without "#hashtags".
fn without_hashtags(text: &str) -> String {
    text.split_whitespace()
        .filter(|w| !(w.starts_with('#') && w.len() > 1))
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Acme GmbH, Berlin" → ("Acme GmbH", Some("Berlin")).
fn split_parts(text: &str) -> (&str, Option<String>) {
    for sep in [" - ", " – ", " | ", ", "] {
        if let Some((a, b)) = text.split_once(sep) {
            let b = b.trim();
            if !b.is_empty() && b.split_whitespace().count() <= 4 && work_mode_in(b).is_none() {
                return (a, Some(b.to_string()));
            }
            return (a, None);
        }
    }
    (text, None)
}

/// The line without a site's name at its end ("… | LinkedIn").
fn strip_site_suffix(line: &str) -> String {
    let mut s = line.trim().to_string();
    loop {
        let lower = s.to_lowercase();
        let cut = SITE_WORDS.iter().find_map(|w| {
            [" | ", " - ", " – ", " — ", " · "].iter().find_map(|sep| {
                let suffix = format!("{sep}{w}");
                lower.ends_with(&suffix).then(|| s.len() - suffix.len())
            })
        });
        match cut {
            Some(at) if s.is_char_boundary(at) => s.truncate(at),
            _ => return s,
        }
    }
}

/// Words that mark a job title, in the corpus's languages.
const ROLE_WORDS: &[&str] = &[
    "engineer",
    "developer",
    "manager",
    "designer",
    "analyst",
    "scientist",
    "architect",
    "consultant",
    "specialist",
    "administrator",
    "coordinator",
    "director",
    "lead",
    "head of",
    "intern",
    "internship",
    "assistant",
    "associate",
    "officer",
    "representative",
    "technician",
    "accountant",
    "nurse",
    "teacher",
    "writer",
    "editor",
    "researcher",
    "programmer",
    "devops",
    "sre",
    "qa",
    "tester",
    "recruiter",
    "executive",
    "advisor",
    "strategist",
    "owner",
    "marketing",
    "sales",
    "support",
    "operations",
    "product",
    "software",
    "frontend",
    "front-end",
    "backend",
    "back-end",
    "full stack",
    "fullstack",
    "full-stack",
    "cto",
    "vp",
    "trainee",
    "apprentice",
    "werkstudent",
    "praktikant",
    "praktikum",
    "entwickler",
    "entwicklerin",
    "ingenieur",
    "ingenieurin",
    "berater",
    "beraterin",
    "leiter",
    "leiterin",
    "referent",
    "sachbearbeiter",
    "mitarbeiter",
    "kaufmann",
    "kauffrau",
    "développeur",
    "développeuse",
    "ingénieur",
    "ingénieure",
    "chef de projet",
    "responsable",
    "chargé",
    "chargée",
    "stagiaire",
    "alternant",
    "alternance",
    "desarrollador",
    "desarrolladora",
    "ingeniero",
    "ingeniera",
    "programador",
    "jefe",
    "analista",
    "gerente",
    "ontwikkelaar",
    "medewerker",
    "sviluppatore",
    "ingegnere",
    "desenvolvedor",
    "engenheiro",
    "programista",
    "inżynier",
    "elektriker",
    "comptable",
    "buchhalter",
    "buchhalterin",
    "junior",
    "senior",
    "staff",
    "principal",
    "エンジニア",
    "開発",
    "デザイナー",
    "マネージャー",
    "m/w/d",
    "w/m/d",
    "m/f/d",
    "f/m/d",
    "h/f",
    "f/h",
    "m/f",
    "all genders",
    "data",
    "commercial",
    "vendeur",
    "vendeuse",
    "cook",
    "chef",
    "driver",
    "clerk",
    "cashier",
    "electrician",
    "mechanic",
    "pharmacist",
    "therapist",
    "physician",
    "doctor",
];

/// Whether `text` reads like a job title.
pub fn has_role_word(text: &str) -> bool {
    let lower = text.to_lowercase();
    ROLE_WORDS.iter().any(|w| {
        lower.match_indices(w).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + w.len()..].chars().next();
            let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            // "Entwickler" ends "Softwareentwickler": German compounds count
            // (and scripts without spaces between words)
            let compound = w.chars().count() >= 8 || !w.is_ascii();
            (edge(before) || compound) && (edge(after) || w.ends_with("in") || !w.is_ascii())
        })
    })
}

/// A role without gender markers and the job board's trimmings:
/// "Softwareentwickler (m/w/d)" → "Softwareentwickler".
fn clean_role(role: &str) -> String {
    let mut out = String::new();
    let mut rest = role;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')') else {
            break;
        };
        let inner = &rest[open + 1..open + close];
        let marker = inner.to_lowercase();
        let is_gender = marker == "all genders"
            || marker == "alle geschlechter"
            || marker == "gn"
            || (marker.contains('/')
                && marker.split('/').all(|p| {
                    matches!(
                        p.trim(),
                        "m" | "w" | "d" | "f" | "h" | "x" | "i" | "div" | "divers"
                    )
                }));
        out.push_str(&rest[..open]);
        if !is_gender {
            out.push_str(&rest[open..open + close + 1]);
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    // "Staff Data Scientist. Apply here": the title ends with its sentence
    for end in [". ", "! ", "? ", " – ", " — ", " · ", " | "] {
        if let Some(at) = out.find(end) {
            out.truncate(at);
        }
    }
    let mut role = fit(&out);
    // "Développeur Full-Stack H/F": a gender marker without brackets
    if let Some((head, last)) = role.rsplit_once(' ')
        && last.contains('/')
        && last
            .to_lowercase()
            .split('/')
            .all(|p| matches!(p, "m" | "w" | "d" | "f" | "h" | "x"))
    {
        role = head.trim_end().to_string();
    }
    for word in [" job", " role", " position", " opening", " vacancy"] {
        if let Some(r) = strip_suffix_ci(&role, word) {
            role = r.trim_end().to_string();
        }
    }
    role
}

/// "📍 Berlin" — a place pin, as some boards share it.
fn pinned_place(line: &str) -> Option<String> {
    let rest = line.strip_prefix('📍')?.trim();
    (!rest.is_empty() && rest.chars().count() <= 60).then(|| rest.to_string())
}

/// Remote, hybrid or on site, from the words of the text. Hybrid wins
/// when both remote and office days are named.
pub fn work_mode_in(text: &str) -> Option<WorkMode> {
    let lower = text.to_lowercase();
    let any = |words: &[&str]| {
        words.iter().any(|w| {
            lower.match_indices(w).any(|(at, _)| {
                let before = lower[..at].chars().next_back();
                let after = lower[at + w.len()..].chars().next();
                before.is_none_or(|c| !c.is_alphabetic())
                    && after.is_none_or(|c| !c.is_alphabetic())
            })
        })
    };
    if any(&[
        "hybrid",
        "hybride",
        "hybrides",
        "hybrider",
        "tage homeoffice",
        "tage home office",
        "tage im büro",
        "ibrido",
        "híbrido",
        "hibrido",
        "télétravail partiel",
        "days in office",
        "days in the office",
        "days a week in",
        "teilweise remote",
        "remote possible",
        "remote möglich",
        "homeoffice möglich",
        "home office möglich",
        "mobiles arbeiten",
    ]) {
        return Some(WorkMode::Hybrid);
    }
    if any(&[
        "remote",
        "fully remote",
        "100% remote",
        "remote-first",
        "work from home",
        "wfh",
        "télétravail",
        "teletrabajo",
        "remoto",
        "en remoto",
        "thuiswerken",
        "homeoffice",
        "home-office",
        "anywhere",
    ]) {
        return Some(WorkMode::Remote);
    }
    if any(&[
        "on-site",
        "onsite",
        "on site",
        "in office",
        "in-office",
        "office-based",
        "vor ort",
        "sur site",
        "présentiel",
        "presencial",
        "in sede",
        "op locatie",
    ]) {
        return Some(WorkMode::OnSite);
    }
    None
}

/// `text` split at the first `sep`, ignoring ASCII case.
fn split_ci<'a>(text: &'a str, sep: &str) -> Option<(&'a str, &'a str)> {
    let lower = text.to_lowercase();
    // lowercasing may change byte lengths: only use the position when it maps back
    if lower.len() != text.len() {
        return text.split_once(sep);
    }
    let at = lower.find(&sep.to_lowercase())?;
    Some((&text[..at], &text[at + sep.len()..]))
}

fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
        .or_else(|| (head.to_lowercase() == prefix).then(|| &text[prefix.len()..]))
}

fn strip_suffix_ci<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let at = text.len().checked_sub(suffix.len())?;
    let tail = text.get(at..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &text[..at])
}

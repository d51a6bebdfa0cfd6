//! Educated guesses from an invite's free text: the company and role (from
//! the title and the organizer's address), the stage, how the interview
//! happens, and the video link hidden in a location or a description. The
//! user confirms or corrects them before anything is saved.

use crate::{InterviewKind, Stage};

/// Hosts of video calls, so a meeting link is told apart from other links.
const VIDEO_HOSTS: &[&str] = &[
    "zoom.us",
    "zoom.com",
    "meet.google.com",
    "teams.microsoft.com",
    "teams.live.com",
    "webex.com",
    "whereby.com",
    "meet.jit.si",
    "chime.aws",
    "gotomeeting.com",
    "gotomeet.me",
    "bluejeans.com",
    "around.co",
    "skype.com",
];

/// Mail providers and scheduling tools: their domain says nothing about the employer.
const GENERIC_DOMAINS: &[&str] = &[
    "gmail",
    "googlemail",
    "outlook",
    "hotmail",
    "live",
    "msn",
    "yahoo",
    "icloud",
    "me",
    "mac",
    "aol",
    "proton",
    "protonmail",
    "gmx",
    "mail",
    "yandex",
    "zoho",
    "fastmail",
    "hey",
    "calendly",
    "greenhouse",
    "lever",
    "ashbyhq",
    "myworkday",
    "workday",
    "goodtime",
    "gem",
    "smartrecruiters",
    "icims",
    "teamtailor",
    "personio",
    "recruitee",
    "workable",
    "bamboohr",
    "jobvite",
    "calendar",
    "example",
];

/// Words that describe the meeting, not the job.
const MEETING_WORDS: &[&str] = &[
    "interview",
    "interviews",
    "call",
    "chat",
    "screen",
    "screening",
    "round",
    "technical",
    "onsite",
    "on-site",
    "final",
    "phone",
    "video",
    "first",
    "second",
    "third",
    "1st",
    "2nd",
    "3rd",
    "intro",
    "introductory",
    "meeting",
    "recruiter",
    "panel",
    "coding",
    "session",
    "invitation",
    "zoom",
    "teams",
    "for",
    "the",
    "and",
];

/// Words that make a phrase a job title.
const ROLE_WORDS: &[&str] = &[
    "engineer",
    "engineering",
    "developer",
    "programmer",
    "manager",
    "designer",
    "analyst",
    "scientist",
    "architect",
    "lead",
    "director",
    "intern",
    "consultant",
    "specialist",
    "administrator",
    "writer",
    "researcher",
    "officer",
    "coordinator",
    "associate",
    "head",
    "vp",
    "sre",
    "devops",
    "accountant",
    "assistant",
    "technician",
    "representative",
    "editor",
    "owner",
    "executive",
    "strategist",
    "tester",
    "qa",
    "nurse",
    "teacher",
    "product",
    "marketing",
    "sales",
];

/// The video call link: a conference property, else a meeting link found in
/// the location or the description, else any link in the location.
pub(crate) fn video_link(links: &[String], location: &str, description: &str) -> String {
    if let Some(l) = links.iter().find(|l| is_url(l)) {
        return l.clone();
    }
    let found = urls(location)
        .chain(urls(description))
        .find(|u| is_video(u))
        .or_else(|| urls(location).next());
    found.unwrap_or_default().to_string()
}

/// The location, unless it only repeats the video link or names the tool.
pub(crate) fn place(location: &str, video_link: &str) -> String {
    let l = location.trim();
    let lower = l.to_lowercase();
    let tool_only = [
        "microsoft teams meeting",
        "microsoft teams",
        "zoom",
        "zoom meeting",
        "google meet",
        "video call",
        "online",
    ]
    .contains(&lower.as_str());
    if l.is_empty() || tool_only || l == video_link || (is_url(l) && !l.contains(' ')) {
        String::new()
    } else {
        l.to_string()
    }
}

/// Phone if the title says so, video with a link, on site with a place.
pub(crate) fn kind(summary: &str, video_link: &str, place: &str) -> InterviewKind {
    let s = summary.to_lowercase();
    if !video_link.is_empty() {
        InterviewKind::Video
    } else if s.contains("phone") || s.contains("call") {
        InterviewKind::Phone
    } else if !place.is_empty() {
        InterviewKind::OnSite
    } else {
        InterviewKind::Video
    }
}

/// The stage, when the title names one.
pub(crate) fn stage(summary: &str) -> Option<Stage> {
    let s = summary.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| s.contains(w));
    if has(&["hiring manager"]) {
        Some(Stage::HiringManager)
    } else if has(&["final"]) {
        Some(Stage::Final)
    } else if has(&["panel", "onsite", "on-site"]) {
        Some(Stage::Panel)
    } else if has(&[
        "technical",
        "coding",
        "system design",
        "take-home",
        "pair programming",
    ]) {
        Some(Stage::Technical)
    } else if has(&["screen", "recruiter", "intro"]) {
        Some(Stage::Screen)
    } else {
        None
    }
}

/// Company and role from the title, helped by the organizer's address;
/// either is empty when nothing points at it.
pub(crate) fn company_and_role(summary: &str, email: &str, organizer: &str) -> (String, String) {
    let title = strip_prefixes(summary);
    let from_domain = company_from_domain(email);
    let mut company = String::new();
    let mut role = String::new();
    let mut with: Option<String> = None;
    let mut plain: Option<String> = None;
    for seg in segments(&title) {
        // ASCII lower-casing keeps byte offsets, so `lower`'s indices cut `seg`.
        let lower = seg.to_ascii_lowercase();
        // "Backend engineer at Acme": whatever stands before "at" is the job.
        if let Some(i) = lower.rfind(" at ") {
            let (left, right) = (&seg[..i], &seg[i + 4..]);
            if company.is_empty() {
                company = trim_words(right, MEETING_WORDS);
            }
            if role.is_empty() {
                role = clean_role(left);
            }
            continue;
        }
        // "Interview with Acme"
        if let Some(i) = lower
            .find("with ")
            .filter(|i| *i == 0 || lower[..*i].ends_with(' '))
        {
            let who = trim_words(&seg[i + 5..], MEETING_WORDS);
            let person = !organizer.is_empty() && who.eq_ignore_ascii_case(organizer.trim());
            if !who.is_empty() && !person && with.is_none() {
                with = Some(who);
            }
            let before = &seg[..i];
            if role.is_empty() && has_word(before, ROLE_WORDS) {
                role = clean_role(before);
            }
            continue;
        }
        if role.is_empty() && has_word(&seg, ROLE_WORDS) && !is_stage_phrase(&lower) {
            role = clean_role(&seg);
            continue;
        }
        let rest = trim_words(&seg, MEETING_WORDS);
        if !rest.is_empty() && !is_stage_phrase(&lower) && plain.is_none() {
            plain = Some(rest);
        }
    }
    // The organizer's company, spelt as the title spells it when it appears there.
    if !from_domain.is_empty() {
        let key = squash(&from_domain);
        let spelt = [Some(&company), with.as_ref(), plain.as_ref()]
            .into_iter()
            .flatten()
            .find(|c| {
                let c = squash(c);
                c.len() >= 3 && (c.contains(&key) || key.contains(&c))
            })
            .cloned();
        if let Some(c) = spelt {
            company = c;
        } else if company.is_empty() {
            company = from_domain;
        }
    }
    if company.is_empty() {
        company = with.or(plain).unwrap_or_default();
    }
    (company, role)
}

fn is_url(s: &str) -> bool {
    let lower = s.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

fn is_video(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let host = lower
        .split("://")
        .nth(1)
        .unwrap_or("")
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("");
    VIDEO_HOSTS
        .iter()
        .any(|h| host == *h || host.ends_with(&format!(".{h}")))
}

/// Links in free text, with trailing punctuation and brackets cut off.
fn urls(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '(' | ')'))
        .filter(|w| is_url(w))
        .map(|w| w.trim_end_matches(['.', ',', ';', ')', ']', '>']))
}

fn strip_prefixes(summary: &str) -> String {
    let mut s = summary.trim();
    let prefixes = [
        "updated invitation:",
        "invitation updated:",
        "invitation:",
        "canceled event:",
        "cancelled event:",
        "canceled:",
        "cancelled:",
        "accepted:",
        "fwd:",
        "fw:",
        "re:",
    ];
    'again: loop {
        for p in prefixes {
            if s.len() >= p.len()
                && s.is_char_boundary(p.len())
                && s[..p.len()].eq_ignore_ascii_case(p)
            {
                s = s[p.len()..].trim_start();
                continue 'again;
            }
        }
        return s.to_string();
    }
}

/// The title cut at its separators; a bracketed part is a segment of its own.
fn segments(title: &str) -> Vec<String> {
    let mut flat = title.to_string();
    for sep in [
        " — ", " – ", " - ", " | ", ": ", " / ", " · ", "(", ")", "[", "]",
    ] {
        flat = flat.replace(sep, "\u{1}");
    }
    flat.split('\u{1}')
        .map(|s| s.trim().trim_end_matches(':').trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split_whitespace()
}

fn has_word(s: &str, list: &[&str]) -> bool {
    words(s).any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        list.contains(&w.as_str())
    })
}

fn is_stage_phrase(lower: &str) -> bool {
    lower.contains("hiring manager") && !has_word(&lower.replace("hiring manager", ""), ROLE_WORDS)
}

/// Drops listed words from both ends ("Backend engineer interview" → "Backend engineer").
fn trim_words(s: &str, list: &[&str]) -> String {
    let mut w: Vec<&str> = words(s).collect();
    let is = |x: &str| {
        list.contains(
            &x.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
                .as_str(),
        )
    };
    let start = w.iter().position(|x| !is(x)).unwrap_or(w.len());
    while w.len() > start && w.last().is_some_and(|x| is(x)) {
        w.pop();
    }
    w[start..].join(" ")
}

fn clean_role(s: &str) -> String {
    let s = s
        .replace("Hiring Manager", "")
        .replace("hiring manager", "");
    trim_words(&s, MEETING_WORDS)
}

/// `jane@eu.acme.co.uk` → `Acme`; mail providers and tools give nothing.
fn company_from_domain(email: &str) -> String {
    let Some((_, domain)) = email.rsplit_once('@') else {
        return String::new();
    };
    let parts: Vec<&str> = domain
        .trim()
        .trim_end_matches('.')
        .split('.')
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 {
        return String::new();
    }
    let n = parts.len();
    // co.uk, com.au, co.jp: a short second level under a country code.
    let label = if n >= 3 && parts[n - 1].len() == 2 && parts[n - 2].len() <= 3 {
        parts[n - 3]
    } else {
        parts[n - 2]
    };
    let lower = label.to_ascii_lowercase();
    if GENERIC_DOMAINS.contains(&lower.as_str()) || !lower.chars().any(|c| c.is_alphabetic()) {
        return String::new();
    }
    let mut chars = lower.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Lower-case letters and digits only, to compare names across spellings.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guess(summary: &str, email: &str, name: &str) -> (String, String) {
        company_and_role(summary, email, name)
    }

    fn pair(c: &str, r: &str) -> (String, String) {
        (c.to_string(), r.to_string())
    }

    #[test]
    fn company_and_role_come_from_common_titles() {
        assert_eq!(
            guess(
                "Interview with Acme — Backend engineer",
                "jane@acme.com",
                "Jane Doe"
            ),
            pair("Acme", "Backend engineer")
        );
        assert_eq!(
            guess(
                "Interview: Backend Developer at Northwind Logistics",
                "",
                ""
            ),
            pair("Northwind Logistics", "Backend Developer")
        );
        assert_eq!(
            guess("Interview: Ingeniør at Zoë & Søn", "", ""),
            pair("Zoë & Søn", "Ingeniør")
        );
        assert_eq!(guess("Interview at Acme", "", ""), pair("Acme", ""));
        assert_eq!(
            guess(
                "ACME Corp: Senior Data Analyst - Technical Interview",
                "talent@acmecorp.com",
                ""
            ),
            pair("ACME Corp", "Senior Data Analyst")
        );
        assert_eq!(
            guess(
                "Phone screen - Product Designer (Globex)",
                "no-reply@greenhouse.io",
                ""
            ),
            pair("Globex", "Product Designer")
        );
        assert_eq!(
            guess(
                "Hooli | Staff Engineer | Final round",
                "gavin@hooli.xyz",
                ""
            ),
            pair("Hooli", "Staff Engineer")
        );
        assert_eq!(
            guess(
                "Invitation: Frontend Engineer interview",
                "sam@eu.initech.co.uk",
                ""
            ),
            pair("Initech", "Frontend Engineer")
        );
    }

    #[test]
    fn a_person_named_in_the_title_is_not_taken_for_the_company() {
        assert_eq!(
            guess("Interview with Jane Doe", "jane@initech.io", "Jane Doe"),
            pair("Initech", "")
        );
        assert_eq!(
            guess("Technical interview", "someone@gmail.com", ""),
            pair("", "")
        );
    }

    #[test]
    fn hiring_manager_is_a_stage_not_a_role() {
        assert_eq!(
            guess(
                "Hiring manager interview - Umbrella",
                "hr@umbrella-corp.com",
                ""
            ),
            pair("Umbrella", "")
        );
        assert_eq!(
            stage("Hiring manager interview"),
            Some(Stage::HiringManager)
        );
        assert_eq!(stage("Acme technical round"), Some(Stage::Technical));
        assert_eq!(stage("Coffee"), None);
    }

    #[test]
    fn the_meeting_link_is_found_where_calendars_put_it() {
        let teams =
            "Join: https://teams.microsoft.com/l/meetup-join/19%3ameeting_x/0?context=%7b%7d\n";
        assert_eq!(
            video_link(&[String::new()], "Microsoft Teams Meeting", teams),
            "https://teams.microsoft.com/l/meetup-join/19%3ameeting_x/0?context=%7b%7d"
        );
        assert_eq!(
            video_link(
                &["https://meet.google.com/abc-defg-hij".into()],
                "Acme HQ",
                ""
            ),
            "https://meet.google.com/abc-defg-hij"
        );
        assert_eq!(
            video_link(
                &[],
                "https://acme.zoom.us/j/123?pwd=x.",
                "see https://acme.com"
            ),
            "https://acme.zoom.us/j/123?pwd=x"
        );
        assert_eq!(place("Microsoft Teams Meeting", ""), "");
        assert_eq!(
            place("https://acme.zoom.us/j/1", "https://acme.zoom.us/j/1"),
            ""
        );
        assert_eq!(
            place("Acme HQ, 1 Main St, Room 4", ""),
            "Acme HQ, 1 Main St, Room 4"
        );
    }

    #[test]
    fn kind_follows_link_title_and_place() {
        assert_eq!(kind("Phone screen", "", ""), InterviewKind::Phone);
        assert_eq!(
            kind("Interview", "https://zoom.us/j/1", "HQ"),
            InterviewKind::Video
        );
        assert_eq!(kind("Onsite", "", "HQ"), InterviewKind::OnSite);
    }
}

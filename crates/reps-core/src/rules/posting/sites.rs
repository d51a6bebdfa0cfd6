//! What a link says on its own: the job board it is on, or the company
//! whose careers page (or applicant-tracking system) it is. Reps never
//! fetches the link; only its address is read.

/// Where a posting was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Site {
    /// A job board, by its usual name ("LinkedIn").
    JobBoard(&'static str),
    /// The company's own careers page or applicant-tracking system; the
    /// company's name as the address spells it, when it does.
    CompanySite(Option<String>),
}

/// Job boards by the end of their host name.
const JOB_BOARDS: &[(&str, &str)] = &[
    ("linkedin.com", "LinkedIn"),
    ("lnkd.in", "LinkedIn"),
    ("glassdoor.com", "Glassdoor"),
    ("glassdoor.co.uk", "Glassdoor"),
    ("glassdoor.de", "Glassdoor"),
    ("glassdoor.fr", "Glassdoor"),
    ("stepstone.de", "StepStone"),
    ("stepstone.at", "StepStone"),
    ("stepstone.be", "StepStone"),
    ("stepstone.nl", "StepStone"),
    ("xing.com", "XING"),
    ("welcometothejungle.com", "Welcome to the Jungle"),
    ("otta.com", "Otta"),
    ("wellfound.com", "Wellfound"),
    ("angel.co", "Wellfound"),
    ("ziprecruiter.com", "ZipRecruiter"),
    ("dice.com", "Dice"),
    ("seek.com.au", "SEEK"),
    ("seek.co.nz", "SEEK"),
    ("reed.co.uk", "Reed"),
    ("totaljobs.com", "Totaljobs"),
    ("cwjobs.co.uk", "CWJobs"),
    ("builtin.com", "Built In"),
    ("remoteok.com", "Remote OK"),
    ("remoteok.io", "Remote OK"),
    ("weworkremotely.com", "We Work Remotely"),
    ("news.ycombinator.com", "Hacker News"),
    ("workatastartup.com", "Work at a Startup"),
    ("infojobs.net", "InfoJobs"),
    ("jobteaser.com", "JobTeaser"),
    ("apec.fr", "Apec"),
    ("francetravail.fr", "France Travail"),
    ("pole-emploi.fr", "France Travail"),
    ("hellowork.com", "HelloWork"),
    ("cadremploi.fr", "Cadremploi"),
    ("arbeitsagentur.de", "Arbeitsagentur"),
    ("naukri.com", "Naukri"),
    ("jobs.ch", "jobs.ch"),
    ("karriere.at", "karriere.at"),
    ("simplyhired.com", "SimplyHired"),
    ("careerbuilder.com", "CareerBuilder"),
    ("jobindex.dk", "Jobindex"),
    ("finn.no", "FINN"),
    ("jooble.org", "Jooble"),
    ("talent.com", "Talent.com"),
    ("idealist.org", "Idealist"),
    ("himalayas.app", "Himalayas"),
    ("berlinstartupjobs.com", "Berlin Startup Jobs"),
    ("jobs.github.com", "GitHub Jobs"),
    ("monster.com", "Monster"),
    ("monster.de", "Monster"),
    ("monster.fr", "Monster"),
    ("monster.co.uk", "Monster"),
];

/// Job boards whose host has many country endings ("indeed.com",
/// "de.indeed.com", "indeed.co.uk"): matched by a label of the host.
const BOARD_LABELS: &[(&str, &str)] = &[
    ("indeed", "Indeed"),
    ("adzuna", "Adzuna"),
    ("glassdoor", "Glassdoor"),
    ("stepstone", "StepStone"),
    ("monster", "Monster"),
];

/// Applicant-tracking systems whose address names the company in the first
/// part of its path: `boards.greenhouse.io/acme/jobs/1`.
const ATS_PATH: &[&str] = &[
    "boards.greenhouse.io",
    "job-boards.greenhouse.io",
    "boards.eu.greenhouse.io",
    "job-boards.eu.greenhouse.io",
    "jobs.lever.co",
    "jobs.eu.lever.co",
    "jobs.ashbyhq.com",
    "apply.workable.com",
    "jobs.smartrecruiters.com",
    "careers.smartrecruiters.com",
    "jobs.jobvite.com",
    "ats.rippling.com",
    "jobs.gem.com",
];

/// The same, where the company follows a fixed part of the path:
/// `wellfound.com/company/acme/jobs`, `join.com/companies/acme/…`.
const ATS_AFTER: &[(&str, &str)] = &[
    ("wellfound.com", "company"),
    ("join.com", "companies"),
    ("ycombinator.com", "companies"),
];

/// Applicant-tracking systems whose host names the company in its first
/// label: `acme.recruitee.com`, `acme.wd5.myworkdayjobs.com`.
const ATS_SUBDOMAIN: &[&str] = &[
    "myworkdayjobs.com",
    "recruitee.com",
    "bamboohr.com",
    "breezy.hr",
    "teamtailor.com",
    "jobs.personio.de",
    "jobs.personio.com",
    "applytojob.com",
    "pinpointhq.com",
    "freshteam.com",
    "zohorecruit.com",
    "workable.com",
    "homerun.co",
    "gohire.io",
    "hire.trakstar.com",
    "factorialhr.com",
    "softgarden.io",
    "jobs.ashbyhq.com",
];

/// Path words of a company's own careers pages.
const CAREERS_WORDS: &[&str] = &[
    "careers",
    "career",
    "jobs",
    "job",
    "karriere",
    "stellenangebote",
    "jobs-and-careers",
    "emplois",
    "carrieres",
    "recrutement",
    "empleo",
    "trabaja-con-nosotros",
    "vacatures",
    "werken-bij",
    "lavora-con-noi",
    "open-positions",
    "join-us",
    "join",
    "vacancies",
];

/// Host labels that say nothing about the company.
const NOT_A_NAME: &[&str] = &[
    "www", "careers", "career", "jobs", "job", "apply", "boards", "karriere", "hire", "work", "en",
    "de", "fr", "uk", "us", "eu",
];

/// Where `link` was found, from its address alone; `None` for an address
/// that says nothing (a link shortener, a document).
pub fn site_of(link: &str) -> Option<Site> {
    let (host, path) = host_and_path(link)?;
    if let Some((_, name)) = JOB_BOARDS
        .iter()
        .find(|(h, _)| host == *h || host.ends_with(&format!(".{h}")))
    {
        // some boards list a company's own jobs under its name
        if let Some((_, after)) = ATS_AFTER.iter().find(|(h, _)| host.ends_with(h)) {
            if let Some(c) = segment_after(&path, after) {
                return Some(Site::CompanySite(Some(name_from_slug(c))));
            }
        }
        return Some(Site::JobBoard(name));
    }
    let labels: Vec<&str> = host.split('.').collect();
    if let Some((_, name)) = BOARD_LABELS
        .iter()
        .find(|(label, _)| labels.iter().rev().skip(1).any(|l| l == label))
    {
        return Some(Site::JobBoard(name));
    }
    if ATS_PATH.contains(&host.as_str()) {
        let first = path.split('/').find(|s| !s.is_empty());
        return Some(Site::CompanySite(first.map(name_from_slug)));
    }
    if let Some((_, after)) = ATS_AFTER.iter().find(|(h, _)| host.ends_with(h)) {
        return Some(Site::CompanySite(
            segment_after(&path, after).map(name_from_slug),
        ));
    }
    if let Some(ats) = ATS_SUBDOMAIN
        .iter()
        .find(|a| host.ends_with(&format!(".{a}")))
    {
        let company = host
            .strip_suffix(&format!(".{ats}"))
            .and_then(|rest| rest.split('.').next())
            .filter(|c| !NOT_A_NAME.contains(c));
        return Some(Site::CompanySite(company.map(name_from_slug)));
    }
    // a company's own careers pages: careers.acme.com, acme.com/careers
    let careers_host = labels
        .first()
        .is_some_and(|l| CAREERS_WORDS.contains(l) || l.starts_with("career") || *l == "jobs");
    let careers_path = path
        .split('/')
        .any(|s| CAREERS_WORDS.contains(&s.to_ascii_lowercase().as_str()));
    if careers_host || careers_path {
        return Some(Site::CompanySite(company_from_host(&labels)));
    }
    None
}

/// The host (lowercase) and the path of an http(s) address.
fn host_and_path(link: &str) -> Option<(String, String)> {
    let rest = link
        .strip_prefix("https://")
        .or_else(|| link.strip_prefix("http://"))
        .or_else(|| link.strip_prefix("HTTPS://"))
        .or_else(|| link.strip_prefix("HTTP://"))
        .or_else(|| link.starts_with("www.").then_some(link))?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = authority.rsplit('@').next()?.split(':').next()?;
    if host.is_empty() || !host.contains('.') {
        return None;
    }
    let path = rest[end..]
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_string();
    Some((host.to_ascii_lowercase(), path))
}

/// The path segment after `word`: `/company/acme/jobs` after `company`.
fn segment_after<'a>(path: &'a str, word: &str) -> Option<&'a str> {
    let mut parts = path.split('/').filter(|s| !s.is_empty());
    parts.find(|s| s.eq_ignore_ascii_case(word))?;
    parts.next()
}

/// The company a host names: the label before the public suffix
/// (`careers.acme.co.uk` → "Acme").
fn company_from_host(labels: &[&str]) -> Option<String> {
    const SECOND_LEVEL: &[&str] = &["co", "com", "org", "net", "ac", "gov"];
    let mut end = labels.len().checked_sub(1)?;
    if end >= 2 && SECOND_LEVEL.contains(&labels[end - 1]) {
        end -= 1;
    }
    let label = labels.get(end.checked_sub(1)?)?;
    (!NOT_A_NAME.contains(label)).then(|| name_from_slug(label))
}

/// A company's name from an address's spelling: `acme-corp` → "Acme Corp".
pub fn name_from_slug(slug: &str) -> String {
    let decoded = slug.replace("%20", " ");
    decoded
        .split(['-', '_', ' ', '+'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn company(link: &str) -> Option<String> {
        match site_of(link) {
            Some(Site::CompanySite(c)) => c,
            other => panic!("{link}: {other:?}"),
        }
    }

    #[test]
    fn job_boards_are_named_whatever_their_country() {
        for (link, name) in [
            ("https://www.linkedin.com/jobs/view/3912345678/", "LinkedIn"),
            ("https://de.indeed.com/viewjob?jk=abc123", "Indeed"),
            ("https://uk.indeed.com/viewjob?jk=abc123", "Indeed"),
            ("https://www.indeed.co.uk/viewjob?jk=1", "Indeed"),
            (
                "https://www.stepstone.de/stellenangebote--x--123-inline.html",
                "StepStone",
            ),
            ("https://www.glassdoor.co.uk/job-listing/x.htm", "Glassdoor"),
            ("https://news.ycombinator.com/item?id=42", "Hacker News"),
            ("https://www.adzuna.de/details/1", "Adzuna"),
        ] {
            assert_eq!(site_of(link), Some(Site::JobBoard(name)), "{link}");
        }
    }

    #[test]
    fn applicant_tracking_addresses_name_the_company() {
        for (link, name) in [
            (
                "https://boards.greenhouse.io/acmecorp/jobs/4012345",
                "Acmecorp",
            ),
            (
                "https://job-boards.greenhouse.io/acme-robotics/jobs/1",
                "Acme Robotics",
            ),
            ("https://jobs.lever.co/globex/8f0e-11/apply", "Globex"),
            ("https://jobs.ashbyhq.com/initech/5c1d", "Initech"),
            ("https://apply.workable.com/hooli/j/ABC123/", "Hooli"),
            (
                "https://acme.wd5.myworkdayjobs.com/en-US/External/job/Berlin/x",
                "Acme",
            ),
            (
                "https://umbrella.recruitee.com/o/backend-engineer",
                "Umbrella",
            ),
            (
                "https://stark-industries.jobs.personio.de/job/123",
                "Stark Industries",
            ),
            ("https://jobs.smartrecruiters.com/Bosch/7439", "Bosch"),
            (
                "https://wellfound.com/company/pied-piper/jobs/1-engineer",
                "Pied Piper",
            ),
            ("https://careers.wayne.com/job/123", "Wayne"),
            (
                "https://www.tyrell.co.uk/careers/replicant-designer",
                "Tyrell",
            ),
        ] {
            assert_eq!(company(link).as_deref(), Some(name), "{link}");
        }
    }

    #[test]
    fn an_address_that_says_nothing_is_none() {
        for link in [
            "https://bit.ly/3xyz",
            "https://docs.google.com/document/d/1abc",
            "mailto:someone@example.com",
            "https://",
            "notalink",
        ] {
            assert_eq!(site_of(link), None, "{link}");
        }
    }
}

//! The guesser on shapes of shared text seen in the wild: job boards'
//! share strings, page titles, applicant-tracking links, pasted ads in
//! several languages and currencies, recruiters' messages, and garbage.
//! Each case says what a person would fill in from the text; "" where the
//! text does not say.

use super::*;
use crate::domain::lead::PayPeriod;

/// One shape: the text, then company, role, location as expected.
struct Case {
    text: &'static str,
    company: &'static str,
    role: &'static str,
    location: &'static str,
}

const fn case(
    text: &'static str,
    company: &'static str,
    role: &'static str,
    location: &'static str,
) -> Case {
    Case {
        text,
        company,
        role,
        location,
    }
}

const CASES: &[Case] = &[
    // ---- job boards' share strings ----
    case(
        "Check out this job at Acme Corp: Senior Software Engineer https://www.linkedin.com/jobs/view/3912345678",
        "Acme Corp",
        "Senior Software Engineer",
        "",
    ),
    case(
        "Check out this job at Globex, Product Designer\nhttps://www.linkedin.com/jobs/view/401",
        "Globex",
        "Product Designer",
        "",
    ),
    case(
        "Initech is hiring: Backend Engineer (Rust) https://jobs.lever.co/initech/12ab",
        "Initech",
        "Backend Engineer (Rust)",
        "",
    ),
    case(
        "Hooli is hiring a Staff Data Scientist. Apply here: https://boards.greenhouse.io/hooli/jobs/77",
        "Hooli",
        "Staff Data Scientist",
        "",
    ),
    case(
        "Pied Piper is looking for a Frontend Developer in Palo Alto",
        "Pied Piper",
        "Frontend Developer",
        "Palo Alto",
    ),
    case(
        "Senior Backend Engineer at Umbrella Health\nhttps://jobs.ashbyhq.com/umbrella-health/1f2e",
        "Umbrella Health",
        "Senior Backend Engineer",
        "",
    ),
    case(
        "QA Engineer @ Vandelay Industries https://apply.workable.com/vandelay/j/9A8B7C/",
        "Vandelay Industries",
        "QA Engineer",
        "",
    ),
    case(
        "I found this job on Indeed: Warehouse Associate - Stark Logistics - Leeds\nhttps://uk.indeed.com/viewjob?jk=5e6f",
        "Stark Logistics",
        "Warehouse Associate",
        "Leeds",
    ),
    // ---- page titles ----
    case(
        "Acme hiring Senior Software Engineer in Berlin, Germany | LinkedIn",
        "Acme",
        "Senior Software Engineer",
        "Berlin, Germany",
    ),
    case(
        "Software Engineer - Acme Corp - Berlin | Indeed.com",
        "Acme Corp",
        "Software Engineer",
        "Berlin",
    ),
    case(
        "Globex hiring Data Analyst Job in London, England | Glassdoor",
        "Globex",
        "Data Analyst",
        "London, England",
    ),
    case(
        "Softwareentwickler (m/w/d) bei Acme GmbH in München | StepStone",
        "Acme GmbH",
        "Softwareentwickler",
        "München",
    ),
    case(
        "Product Owner (w/m/d) bei Initech AG | XING Jobs",
        "Initech AG",
        "Product Owner",
        "",
    ),
    case(
        "Job Application for Site Reliability Engineer at Wayne Enterprises",
        "Wayne Enterprises",
        "Site Reliability Engineer",
        "",
    ),
    case(
        "Globex - Account Executive\nhttps://jobs.lever.co/globex/aa-bb",
        "Globex",
        "Account Executive",
        "",
    ),
    case(
        "Data Engineer – Tyrell Corporation – Careers",
        "Tyrell Corporation",
        "Data Engineer",
        "",
    ),
    case(
        "Développeur Full Stack (H/F) - Société Générale - Paris | Welcome to the Jungle",
        "Société Générale",
        "Développeur Full Stack",
        "Paris",
    ),
    case(
        "Engineering Manager | Monzo | Otta",
        "Monzo",
        "Engineering Manager",
        "",
    ),
    // ---- Hacker News "Who is hiring" ----
    case(
        "Acme Robotics | Senior Embedded Engineer | Boston, MA | ONSITE | $160k-$190k",
        "Acme Robotics",
        "Senior Embedded Engineer",
        "Boston, MA",
    ),
    case(
        "Initech | Staff Platform Engineer | REMOTE (US) | https://initech.example/careers",
        "Initech",
        "Staff Platform Engineer",
        "",
    ),
    // ---- links alone ----
    case(
        "https://boards.greenhouse.io/acme-robotics/jobs/4012345",
        "Acme Robotics",
        "",
        "",
    ),
    case("https://jobs.lever.co/globex/8f0e-11", "Globex", "", ""),
    case(
        "https://acme.wd5.myworkdayjobs.com/en-US/External/job/Berlin/Senior-Engineer_R123",
        "Acme",
        "",
        "",
    ),
    case(
        "https://stark-industries.jobs.personio.de/job/123456",
        "Stark Industries",
        "",
        "",
    ),
    case("https://www.linkedin.com/jobs/view/3912345678/", "", "", ""),
    case("https://bit.ly/3xYz", "", "", ""),
    // ---- a link with the role on the line before ----
    case(
        "Senior Rust Engineer\nhttps://jobs.ashbyhq.com/initech/5c1d",
        "Initech",
        "Senior Rust Engineer",
        "",
    ),
    // ---- labelled ads ----
    case(
        "Company: Massive Dynamic\nRole: Research Scientist\nLocation: Boston, MA\nSalary: $140,000 - $170,000",
        "Massive Dynamic",
        "Research Scientist",
        "Boston, MA",
    ),
    case(
        "Position: Marketing Manager\nEmployer: Soylent Corp\nWhere: Remote (EU)",
        "Soylent Corp",
        "Marketing Manager",
        "Remote (EU)",
    ),
    case(
        "Unternehmen: Muster GmbH\nStelle: Buchhalter (m/w/d)\nStandort: Hamburg\nGehalt: 48.000 – 55.000 € brutto/Jahr",
        "Muster GmbH",
        "Buchhalter",
        "Hamburg",
    ),
    case(
        "Entreprise : Dupont SA\nPoste : Chef de projet digital (H/F)\nLieu : Lyon\nSalaire : 45 000 € brut annuel",
        "Dupont SA",
        "Chef de projet digital",
        "Lyon",
    ),
    case(
        "Empresa: Telefónica\nPuesto: Desarrollador Backend\nUbicación: Madrid\nSalario: 40.000 € - 50.000 € al año",
        "Telefónica",
        "Desarrollador Backend",
        "Madrid",
    ),
    case(
        "Bedrijf: Philips\nFunctie: Software Ontwikkelaar\nLocatie: Eindhoven",
        "Philips",
        "Software Ontwikkelaar",
        "Eindhoven",
    ),
    case(
        "Job title: Registered Nurse\nOrganisation: St Mary's Hospital\nLocation: Manchester\nPay: £32,000 per annum",
        "St Mary's Hospital",
        "Registered Nurse",
        "Manchester",
    ),
    // ---- other languages' share lines ----
    case(
        "Muster GmbH sucht Werkstudent Marketing (m/w/d) in Köln",
        "Muster GmbH",
        "Werkstudent Marketing",
        "Köln",
    ),
    case(
        "Doctolib recrute un(e) Développeur Backend à Paris",
        "Doctolib",
        "Développeur Backend",
        "Paris",
    ),
    case(
        "Ingénieur DevOps chez Thales",
        "Thales",
        "Ingénieur DevOps",
        "",
    ),
    case(
        "Adyen zoekt een Data Engineer in Amsterdam",
        "Adyen",
        "Data Engineer",
        "Amsterdam",
    ),
    case(
        "Frontend Developer bij Bol.com",
        "Bol.com",
        "Frontend Developer",
        "",
    ),
    case(
        "Sviluppatore Java presso Intesa Sanpaolo",
        "Intesa Sanpaolo",
        "Sviluppatore Java",
        "",
    ),
    case(
        "Mercadona busca Ingeniero de Datos",
        "Mercadona",
        "Ingeniero de Datos",
        "",
    ),
    // ---- recruiters' messages ----
    case(
        "Hi Sam, I'm recruiting for a Senior Go Developer role at a fintech in Amsterdam. Are you open to a chat?",
        "",
        "",
        "",
    ),
    case(
        "Role: Lead iOS Engineer\nCompany: Cyberdyne Systems\nRemote, €90k–€110k",
        "Cyberdyne Systems",
        "Lead iOS Engineer",
        "",
    ),
    // ---- a pin and a title ----
    case(
        "Customer Support Specialist at Zendesk\n📍 Dublin\nhttps://jobs.smartrecruiters.com/Zendesk/743",
        "Zendesk",
        "Customer Support Specialist",
        "Dublin",
    ),
    // ---- a plain pasted ad, the title first ----
    case(
        "Senior Product Designer\nAcme Corp · Berlin (Hybrid)\n\nAbout the role\nYou will shape how people plan their week…",
        "Acme Corp",
        "Senior Product Designer",
        "Berlin",
    ),
    // ---- more share strings, emails and posts ----
    case(
        "Software Developer\nAcme Inc - Toronto, ON\nhttps://ca.indeed.com/viewjob?jk=9d8c",
        "Acme Inc",
        "Software Developer",
        "Toronto, ON",
    ),
    case(
        "Check out this job: Data Scientist at Netflix https://www.glassdoor.com/job-listing/x.htm",
        "Netflix",
        "Data Scientist",
        "",
    ),
    case(
        "We're hiring! Senior Rust Engineer at Ferrous Systems",
        "Ferrous Systems",
        "Senior Rust Engineer",
        "",
    ),
    case(
        "📢 Job alert: Junior Data Analyst at Spotify (Stockholm) #hiring",
        "Spotify",
        "Junior Data Analyst",
        "Stockholm",
    ),
    case(
        "Fwd: Platform Engineer at Datadog",
        "Datadog",
        "Platform Engineer",
        "",
    ),
    case(
        "Careers at Acme: Senior Engineer",
        "Acme",
        "Senior Engineer",
        "",
    ),
    case(
        "Java Developer job at Infosys in Bengaluru",
        "Infosys",
        "Java Developer",
        "Bengaluru",
    ),
    case(
        "Stellenangebot: Elektriker (m/w/d) – Stadtwerke München",
        "Stadtwerke München",
        "Elektriker",
        "",
    ),
    case(
        "Offre d'emploi : Comptable (H/F) - Fiducial - Bordeaux",
        "Fiducial",
        "Comptable",
        "Bordeaux",
    ),
    case(
        "ソフトウェアエンジニア - 株式会社メルカリ",
        "株式会社メルカリ",
        "ソフトウェアエンジニア",
        "",
    ),
    case(
        "Programista Java – Allegro – Warszawa",
        "Allegro",
        "Programista Java",
        "Warszawa",
    ),
    case(
        "Desenvolvedor Front-end na Nubank",
        "Nubank",
        "Desenvolvedor Front-end",
        "",
    ),
    case(
        "*Hiring* 🚀\nCompany: Revolut\nRole: Backend Engineer (Java)\nLocation: Kraków / Remote\nApply: https://www.revolut.com/careers/position/abc",
        "Revolut",
        "Backend Engineer (Java)",
        "Kraków / Remote",
    ),
    case(
        "Apply now: Staff Engineer, Payments (Remote) — Stripe",
        "Stripe",
        "Staff Engineer, Payments (Remote)",
        "",
    ),
    case(
        "Lead Product Manager\nhttps://careers.spotify.com/job/lead-product-manager",
        "Spotify",
        "Lead Product Manager",
        "",
    ),
    case(
        "Head of Engineering @ Linear (remote, Europe)",
        "Linear",
        "Head of Engineering",
        "remote, Europe",
    ),
    case(
        "Check out this job at Initech: Senior Platform Engineer · Remote, €90k–€110k",
        "Initech",
        "Senior Platform Engineer",
        "",
    ),
    case(
        "Data Engineer at Globex: Kafka pipelines, hybrid in Leeds, EUR 60k-70k https://jobs.lever.co/globex/1a2b",
        "Globex",
        "Data Engineer",
        "Leeds",
    ),
    // ---- from a cold user's run ----
    case(
        "Acme Corp Data Analyst Job in Austin, TX | Glassdoor",
        "Acme Corp",
        "Data Analyst",
        "Austin, TX",
    ),
    case("Funny cat video - YouTube", "", "", ""),
    case(
        "Company: Globex\nRole: Développeur Full-Stack H/F\nLocation: Lyon (69) – télétravail partiel possible",
        "Globex",
        "Développeur Full-Stack",
        "Lyon",
    ),
    case(
        "Role: Product Designer\nCompany: Hooli\nLocation: New York, NY (Hybrid)",
        "Hooli",
        "Product Designer",
        "New York, NY",
    ),
    case(
        "Senior Backend Engineer\nBrightline Health\n\nAbout the role\nBrightline Health is hiring a Senior Backend Engineer to build our care platform in Rust and Go.\n\nSalary: $120k–150k + equity\nLocation: New York, NY (Hybrid)",
        "Brightline Health",
        "Senior Backend Engineer",
        "New York, NY",
    ),
    case(
        "Backend Developer\nNorthwind Traders\nWe build tools for small shops.",
        "Northwind Traders",
        "Backend Developer",
        "",
    ),
    case(
        "Hi Sam, Acme is hiring a Backend Engineer and I thought of you!",
        "",
        "",
        "",
    ),
    case(
        "Mechanical Engineer - Siemens Energy | Careers",
        "Siemens Energy",
        "Mechanical Engineer",
        "",
    ),
];

#[test]
fn the_corpus_reads_as_a_person_would_fill_the_form() {
    let mut wrong = Vec::new();
    for c in CASES {
        let p = read_posting(c.text).unwrap_or_else(|e| panic!("{:?}: {e}", c.text));
        let got = (p.company.as_str(), p.role.as_str(), p.location.as_str());
        if got != (c.company, c.role, c.location) {
            wrong.push(format!(
                "{:?}\n   got  {got:?}\n   want {:?}",
                c.text,
                (c.company, c.role, c.location)
            ));
        }
        assert_eq!(p.ad, c.text.trim(), "the ad is the whole text");
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// Pay, remote words and sites, on top of the shapes above.
#[test]
fn pay_work_mode_and_site_come_from_the_same_texts() {
    use PayPeriod::*;
    let p = |t: &str| read_posting(t).expect("posting");
    let hn = p(CASES[18].text);
    assert_eq!(
        hn.pay.map(|p| (p.min, p.max, p.currency, p.period)),
        Some((Some(160_000), Some(190_000), "USD".to_string(), Year))
    );
    assert_eq!(hn.work_mode, Some(WorkMode::OnSite));
    let de = p(CASES[29].text);
    assert_eq!(
        de.pay.map(|p| (p.min, p.max, p.currency, p.period)),
        Some((Some(48_000), Some(55_000), "EUR".to_string(), Year))
    );
    let nurse = p(CASES[33].text);
    assert_eq!(
        nurse.pay.map(|p| (p.min, p.currency, p.period)),
        Some((Some(32_000), "GBP".to_string(), Year))
    );
    let remote = p(CASES[42].text);
    assert_eq!(remote.work_mode, Some(WorkMode::Remote));
    assert_eq!(
        remote.pay.map(|p| (p.min, p.max)),
        Some((Some(90_000), Some(110_000)))
    );
    assert_eq!(p(CASES[44].text).work_mode, Some(WorkMode::Hybrid));
    assert_eq!(
        p("Hybrides Arbeiten: 3 Tage Homeoffice pro Woche").work_mode,
        Some(WorkMode::Hybrid)
    );
    let linkedin = p(CASES[0].text);
    assert_eq!(linkedin.site_name(), "LinkedIn");
    assert_eq!(
        linkedin.link,
        "https://www.linkedin.com/jobs/view/3912345678"
    );
    assert!(matches!(p(CASES[2].text).site, Some(Site::CompanySite(_))));
    let hourly = p("Barista wanted at Central Perk, $18 - $22 an hour, New York");
    assert_eq!(
        hourly.pay.map(|p| (p.min, p.max, p.period)),
        Some((Some(18), Some(22), Hour))
    );
    let contract = p("Freelance Rust developer, 6 months, €650/day, fully remote");
    assert_eq!(
        contract.pay.map(|p| (p.min, p.period)),
        Some((Some(650), Day))
    );
    assert_eq!(contract.work_mode, Some(WorkMode::Remote));
    let link_in_sentence = p("Look at this (https://jobs.lever.co/globex/1a2b). Thoughts?");
    assert_eq!(link_in_sentence.link, "https://jobs.lever.co/globex/1a2b");
    assert_eq!(link_in_sentence.company, "Globex");
}

#[test]
fn garbage_gets_a_clear_answer_and_never_a_panic() {
    assert_eq!(read_posting(""), Err(NotAPosting::Empty));
    assert_eq!(read_posting("   \n\t  "), Err(NotAPosting::Empty));
    assert_eq!(read_posting("\u{feff}"), Err(NotAPosting::Empty));
    let junk: String = (0u8..=255).cycle().take(3_000).map(char::from).collect();
    let with_nul = format!("PNG\0\0\0IHDR{junk}");
    assert_eq!(read_posting(&with_nul), Err(NotAPosting::NotText));
    let replaced = "\u{fffd}".repeat(500) + "abc";
    assert_eq!(read_posting(&replaced), Err(NotAPosting::NotText));
    // a lone emoji is text, but says nothing: kept, to be filled in
    let emoji = read_posting("🙂").expect("text");
    assert_eq!((emoji.company.as_str(), emoji.role.as_str()), ("", ""));
    assert_eq!(emoji.ad, "🙂");
    assert!(!emoji.is_complete());
    // a 5 MB paste: read quickly, the ad cut at the note limit, said so
    let big = format!(
        "Senior Engineer at Acme\n{}",
        "The team works on planning tools. ".repeat(5 * 1024 * 1024 / 34)
    );
    let started = std::time::Instant::now();
    let p = read_posting(&big).expect("text");
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert_eq!(
        (p.company.as_str(), p.role.as_str()),
        ("Acme", "Senior Engineer")
    );
    assert!(p.cut);
    assert!(p.ad.chars().count() <= crate::domain::limits::NOTE);
    // one enormous line and odd characters do not trip the readers
    for text in [
        "x".repeat(1_000_000),
        "€".repeat(10_000),
        "$".repeat(5_000) + "1",
        "1".repeat(5_000) + "k€",
        "Role at ".repeat(10_000),
        "(((((((((".to_string(),
        "a (m/w/d".to_string(),
        "Company:".to_string(),
        ":".to_string(),
        "https://".to_string(),
        "$1,000,000,000,000,000,000,000".to_string(),
        "İstanbul'da Yazılım Mühendisi at Trendyol".to_string(),
    ] {
        let _ = read_posting(&text);
    }
    // found by the fuzzer: a name cut at the length limit ended on a space
    let long_slug = format!(
        "Position:https://boards.greenhouse.io/acme-{}/jobs/1",
        "rogenier8e-".repeat(30)
    );
    let p = read_posting(&long_slug).expect("text");
    assert_eq!(p.company, p.company.trim());
    assert!(p.company.chars().count() <= crate::domain::limits::SHORT);
}

#[test]
fn the_corpus_has_sixty_shapes_at_least() {
    // the named cases above, the extra pay/site lines, and the garbage
    let pay_shapes = 23; // pay::tests::ranges_in_the_shapes_ads_write_them
    let garbage = 8;
    assert!(CASES.len() + pay_shapes + garbage >= 80, "{}", CASES.len());
    assert!(CASES.len() >= 60, "{}", CASES.len());
}

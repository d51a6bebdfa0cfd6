//! Proof of job search: the applications a person made, in the shape an
//! employment office asks for — when, where, for what, how, with whom, how
//! far it went and how it ended — and nothing else.
//!
//! Leads never applied to (new, still deciding, passed on) are not
//! applications and stay out. What is private stays out too unless the user
//! asks for it: pass and decline reasons, notes, and the details of how an
//! application they ended themselves ended. The full spreadsheet
//! ([`super::applications_csv`]) remains the user's own export of
//! everything.
//!
//! Same file format as the applications spreadsheet (RFC 4180, CRLF, a BOM
//! first, cells guarded against formulas).

use crate::domain::lead::company_key;
use crate::formats::applications_csv::{
    SpreadsheetError, date, date_applied, history_text, reason_text, source_label, write_table,
};
use crate::time::Stamp;
use crate::{Contact, Interview, Lead, Status};

/// Columns of the proof of search, in order.
pub const PROOF_COLUMNS: [&str; 9] = [
    "Date applied",
    "Company",
    "Role",
    "How I applied",
    "Advert or link",
    "Contact",
    "Interviews",
    "Outcome",
    "Last change",
];

/// The columns added when the user asks for their private notes too.
pub const PRIVATE_COLUMNS: [&str; 2] = ["Reason", "Full history"];

/// What goes in besides the applications themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ProofOptions {
    /// Add reasons, notes and the full history (off by default).
    pub include_private: bool,
}

/// Who the proof is of and when it was made: its title line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProofOf {
    /// The user's name as they sign messages (empty when not given).
    pub name: String,
    /// When it is made: interviews after it are marked planned, and the
    /// period ends on its day.
    pub now: Stamp,
}

/// How many applications a proof of search lists, read back from its text
/// (what the screen says after saving it).
pub fn applications_in(text: &str) -> usize {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(
            text.trim_start_matches(super::applications_csv::BOM)
                .as_bytes(),
        )
        .records()
        .filter_map(Result::ok)
        .skip_while(|r| r.get(0) != Some(PROOF_COLUMNS[0]))
        .skip(1)
        .count()
}

/// The proof of search: a title line (whose, which period), then one row
/// per application, by date applied.
pub fn proof_of_search_csv(
    leads: &[Lead],
    interviews: &[Interview],
    contacts: &[Contact],
    options: ProofOptions,
    of: &ProofOf,
) -> Result<String, SpreadsheetError> {
    let mut applied: Vec<(&Lead, _)> = leads
        .iter()
        .filter_map(|l| date_applied(l).map(|at| (l, at)))
        .collect();
    applied.sort_by_key(|(l, at)| (*at, l.id));
    let mut header: Vec<&str> = PROOF_COLUMNS.to_vec();
    if options.include_private {
        header.extend(PRIVATE_COLUMNS);
    }
    let title = match of.name.trim() {
        "" => "Proof of job search".to_string(),
        name => format!("Proof of job search: {name}"),
    };
    let from = applied.first().map_or(of.now, |(_, at)| *at);
    let period = format!("{} to {}", date(from), date(of.now));
    let top = [vec![title, period], Vec::new()].into_iter();
    let rows = applied.into_iter().map(|(lead, at)| {
        let mut mine: Vec<&Interview> = interviews
            .iter()
            .filter(|i| i.lead == lead.id && !i.cancelled)
            .collect();
        mine.sort_by_key(|i| i.plan.start);
        let mut row = vec![
            date(at),
            lead.details.company.clone(),
            lead.details.role.clone(),
            how_applied(lead),
            lead.details.link.clone(),
            contact_text(lead, &mine, contacts, options),
            mine.iter()
                .map(|i| {
                    let planned = if i.plan.start > of.now {
                        ", planned"
                    } else {
                        ""
                    };
                    format!(
                        "{} {} ({}{planned})",
                        date(i.plan.start),
                        i.plan.stage,
                        crate::wording::interview_kind(i.plan.kind)
                    )
                })
                .collect::<Vec<_>>()
                .join("; "),
            outcome(lead.status, options).to_string(),
            date(lead.history.last().map_or(lead.created, |c| c.at)),
        ];
        if options.include_private {
            let closing = lead
                .status
                .is_closed()
                .then(|| lead.history.last())
                .flatten();
            row.push(closing.map(reason_text).unwrap_or_default());
            row.push(history_text(&lead.history));
        }
        row
    });
    write_table(top, &header, rows)
}

/// How the application was made, in words a caseworker reads.
fn how_applied(lead: &Lead) -> String {
    use crate::Source;
    match lead.details.source {
        Source::JobBoard => "job board".into(),
        Source::CompanySite => "on the company's careers page".into(),
        Source::RecruiterCall => "through a recruiter".into(),
        Source::Referral => "referral".into(),
        Source::Inbound => "the company contacted me".into(),
        Source::Network => "through my network".into(),
        Source::Other => source_label(lead.details.source).into(),
    }
}

/// The people of its interviews, else the people known at the company:
/// "Maya Chen, Engineering manager" (their email too only when the user
/// adds private details: it is someone else's).
fn contact_text(
    lead: &Lead,
    interviews: &[&Interview],
    contacts: &[Contact],
    options: ProofOptions,
) -> String {
    let met: Vec<&Contact> = contacts
        .iter()
        .filter(|c| interviews.iter().any(|i| i.plan.people.contains(&c.id)))
        .collect();
    let chosen = if met.is_empty() {
        let key = company_key(&lead.details.company);
        contacts
            .iter()
            .filter(|c| !c.details.company.trim().is_empty())
            .filter(|c| company_key(&c.details.company) == key)
            .collect()
    } else {
        met
    };
    chosen
        .iter()
        .map(|c| {
            let email = if options.include_private {
                c.details.email.as_str()
            } else {
                ""
            };
            [c.details.name.as_str(), c.details.role.as_str(), email]
                .iter()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Where the application stands, in plain words. An application the user
/// ended themselves reads "closed" unless they include their private notes.
pub fn outcome(status: Status, options: ProofOptions) -> &'static str {
    match status {
        Status::New | Status::Deciding | Status::Passed => "not applied",
        Status::Taking => "applied, interview agreed",
        Status::Interviewing => "interviewing",
        Status::Offer => "offer received",
        Status::Accepted => "offer accepted",
        Status::Rejected => "not selected",
        Status::Ghosted => "no answer",
        Status::Declined if options.include_private => "I declined the offer",
        Status::Withdrew if options.include_private => "I withdrew",
        Status::Declined | Status::Withdrew => "closed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::applications_csv::BOM;
    use crate::id::{ContactId, InterviewId, LeadId};
    use crate::time::at;
    use crate::{
        ContactDetails, InterviewPlan, LeadDetails, Outcome, PassReason, Source, Stage,
        StatusChange,
    };
    use uuid::Uuid;

    fn lead(n: u128, company: &str, history: &[(&str, Status)]) -> Lead {
        let mut l = Lead::new(
            LeadId(Uuid::from_u128(n)),
            at("2026-03-01T09:00:00+01:00[Europe/Paris]"),
            LeadDetails::new(company, "Designer", Source::JobBoard),
            Status::New,
        );
        for (when, status) in history {
            let mut c = StatusChange::to(*status, at(when));
            if *status == Status::Passed || *status == Status::Declined {
                c.reason = Some(PassReason::OutsidePayRange);
                c.note = "my private reason".into();
            }
            l.history.push(c);
            l.status = *status;
        }
        l
    }

    /// The table under the title line (the title and a blank line dropped).
    fn rows(text: &str) -> Vec<Vec<String>> {
        all_rows(text).split_off(2)
    }

    fn all_rows(text: &str) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.strip_prefix(BOM).unwrap().as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    }

    fn of() -> ProofOf {
        ProofOf {
            name: "Sam Rivera".into(),
            now: at("2026-03-11T09:00:00+01:00[Europe/Paris]"),
        }
    }

    fn journal() -> (Vec<Lead>, Vec<Interview>, Vec<Contact>) {
        let leads = vec![
            lead(1, "Never Applied", &[]),
            lead(
                2,
                "Passed On",
                &[("2026-03-02T10:00:00+01:00[Europe/Paris]", Status::Passed)],
            ),
            lead(
                3,
                "Acme",
                &[
                    ("2026-03-05T10:00:00+01:00[Europe/Paris]", Status::Taking),
                    (
                        "2026-03-10T10:00:00+01:00[Europe/Paris]",
                        Status::Interviewing,
                    ),
                    ("2026-03-20T10:00:00+01:00[Europe/Paris]", Status::Offer),
                    ("2026-03-22T10:00:00+01:00[Europe/Paris]", Status::Declined),
                ],
            ),
            lead(
                4,
                "Beta",
                &[("2026-03-03T10:00:00+01:00[Europe/Paris]", Status::Taking)],
            ),
        ];
        let maya = Contact {
            id: ContactId(Uuid::from_u128(9)),
            created: at("2026-03-09T10:00:00+01:00[Europe/Paris]"),
            updated: at("2026-03-09T10:00:00+01:00[Europe/Paris]"),
            details: ContactDetails {
                company: "Acme".into(),
                email: "maya@acme.example".into(),
                ..ContactDetails::named("Maya Chen")
            },
            history: vec![],
            last_contact: None,
        };
        let mut plan = InterviewPlan::new(
            at("2026-03-12T10:00:00+01:00[Europe/Paris]"),
            45,
            crate::InterviewKind::Video,
            Stage::Screen,
        );
        plan.people.push(maya.id);
        let iv = Interview {
            id: InterviewId(Uuid::from_u128(20)),
            lead: LeadId(Uuid::from_u128(3)),
            created: plan.start,
            updated: plan.start,
            plan,
            outcome: Outcome::Invited,
            confidence_before: None,
            confidence_after: None,
            cancelled: false,
        };
        (leads, vec![iv], vec![maya])
    }

    #[test]
    fn only_applications_by_date_applied_and_nothing_private() {
        let (leads, ivs, people) = journal();
        let text =
            proof_of_search_csv(&leads, &ivs, &people, ProofOptions::default(), &of()).unwrap();
        assert_eq!(
            all_rows(&text)[0],
            [
                "Proof of job search: Sam Rivera",
                "2026-03-03 to 2026-03-11"
            ]
        );
        assert_eq!(applications_in(&text), 2);
        let rows = rows(&text);
        assert_eq!(rows[0], PROOF_COLUMNS);
        let companies: Vec<_> = rows[1..].iter().map(|r| r[1].as_str()).collect();
        assert_eq!(
            companies,
            ["Beta", "Acme"],
            "applied first, first; never applied left out"
        );
        let acme = &rows[2];
        assert_eq!(acme[0], "2026-03-05");
        assert_eq!(acme[3], "job board");
        assert_eq!(acme[5], "Maya Chen", "their email is theirs");
        assert_eq!(acme[6], "2026-03-12 screen (video call, planned)");
        assert_eq!(acme[7], "closed");
        assert!(
            !text.contains("my private reason") && !text.contains("declined"),
            "{text}"
        );
    }

    #[test]
    fn private_notes_come_only_when_asked() {
        let (leads, ivs, people) = journal();
        let options = ProofOptions {
            include_private: true,
        };
        let rows = rows(&proof_of_search_csv(&leads, &ivs, &people, options, &of()).unwrap());
        assert_eq!(rows[0].len(), PROOF_COLUMNS.len() + PRIVATE_COLUMNS.len());
        let acme = &rows[2];
        assert_eq!(acme[5], "Maya Chen, maya@acme.example");
        assert_eq!(acme[7], "I declined the offer");
        assert!(acme[9].contains("my private reason"), "{acme:?}");
    }

    #[test]
    fn a_contact_at_the_company_stands_in_when_nobody_was_met() {
        let (leads, _, people) = journal();
        let rows = rows(
            &proof_of_search_csv(&leads, &[], &people, ProofOptions::default(), &of()).unwrap(),
        );
        assert_eq!(rows[2][5], "Maya Chen");
        assert_eq!(rows[1][5], "", "nobody known at Beta");
    }

    #[test]
    fn an_empty_proof_says_so_and_has_no_name_when_none_was_given() {
        let anon = ProofOf {
            name: " ".into(),
            ..of()
        };
        let text = proof_of_search_csv(&[], &[], &[], ProofOptions::default(), &anon).unwrap();
        assert_eq!(
            all_rows(&text)[0],
            ["Proof of job search", "2026-03-11 to 2026-03-11"]
        );
        assert_eq!(applications_in(&text), 0);
    }
}

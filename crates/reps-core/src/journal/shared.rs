//! Postings shared into Reps from other apps (a job board's app, a
//! browser, a message), or pasted: each becomes a lead in the deck, filled
//! in as far as its text tells ([`crate::rules::posting`]) and marked for
//! the user to check with one tap. The same posting shared twice is
//! recognised; Reps never fetches its link.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Journal;
use crate::domain::invalid::{Invalid, Problem};
use crate::error::Result;
use crate::id::LeadId;
use crate::rules::posting::{self, NotAPosting, Posting};
use crate::store::tables::{CONTACT_BY_COMPANY, LEAD_BY_COMPANY};
use crate::store::{Read, Writer};
use crate::time::Stamp;
use crate::{Lead, LeadDetails, Source, Status, wording};

/// What a shared or pasted text gives the "Add a lead" form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostingRead {
    /// The lead's details as far as the text tells (company or role may be
    /// empty), the ad included.
    pub details: LeadDetails,
    /// The job board it was found on ("LinkedIn"), or "".
    pub site: String,
    /// Whether the ad was longer than a lead keeps.
    pub cut: bool,
    /// A lead that already holds this posting, with its name.
    pub already: Option<(LeadId, String)>,
}

/// What sharing a posting did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shared {
    /// A new lead in the deck, to be checked.
    Added {
        /// The lead.
        lead: Box<Lead>,
        /// The company was met before (earlier leads, people there), as
        /// adding a lead by hand points out.
        known_before: bool,
    },
    /// The posting is already a lead: nothing was written.
    AlreadyThere {
        /// That lead.
        lead: LeadId,
        /// Its name, "Company — role".
        name: String,
    },
}

impl Shared {
    /// What to tell the user, in the core's words.
    pub fn message(&self) -> String {
        match self {
            Shared::Added { lead, known_before } => {
                let added = wording::shared_added(&wording::about(lead));
                if *known_before {
                    format!("{added} {}.", wording::met_before(&lead.details.company))
                } else {
                    added
                }
            }
            Shared::AlreadyThere { name, .. } => wording::shared_already(name),
        }
    }
}

impl Journal {
    /// Reads a pasted or shared text for the "Add a lead" form: nothing is
    /// written. An empty text, or bytes that are not text, are refused.
    pub fn read_posting(&self, text: &str) -> Result<PostingRead> {
        let posting = read(text)?;
        let already = self.read(|r| already_there(r, &posting))?;
        Ok(PostingRead {
            details: details_of(&posting),
            site: posting.site_name().to_string(),
            cut: posting.cut,
            already,
        })
    }

    /// Adds a shared posting to the deck, as far as its text tells, for
    /// the user to check; the same posting a second time adds nothing.
    pub fn add_shared(&self, text: &str) -> Result<Shared> {
        let posting = read(text)?;
        self.write(|w| {
            let id = LeadId(w.new_id());
            add(w, id, w.now, &posting)
        })
    }

    /// [`Journal::add_shared`] for a posting left in the capture inbox by
    /// another process: the lead gets the entry's id, so taking the same
    /// entry in twice (after a crash) adds it once. `None` when that lead
    /// is already there.
    pub(crate) fn add_shared_once(
        &self,
        id: Uuid,
        at: Stamp,
        text: &str,
    ) -> Result<Option<Shared>> {
        let posting = read(text)?;
        self.write(|w| {
            if w.load_opt::<Lead>(id.as_u128())?.is_some() {
                return Ok(None);
            }
            add(w, LeadId(id), at, &posting).map(Some)
        })
    }

    /// "Looks right": a lead read from a shared posting, checked as it is.
    /// It must name the company and the role by now.
    pub fn check_lead(&self, id: LeadId) -> Result<Lead> {
        self.write(|w| {
            let old: Lead = w.load(id.key())?;
            if !old.unchecked {
                return Ok(old);
            }
            old.details.validate()?;
            let mut new = old.clone();
            new.unchecked = false;
            new.updated = w.now;
            w.put(Some(&old), &new)?;
            Ok(new)
        })
    }
}

/// The posting in `text`, or why it is refused (by field, as the form shows it).
fn read(text: &str) -> Result<Posting> {
    posting::read_posting(text).map_err(|e| {
        let problem = match e {
            NotAPosting::Empty => Problem::Empty,
            NotAPosting::NotText => Problem::NotText,
        };
        Invalid::new("posting", problem).into()
    })
}

/// The lead details a posting gives.
fn details_of(p: &Posting) -> LeadDetails {
    let source = match p.site {
        Some(posting::Site::JobBoard(_)) => Source::JobBoard,
        Some(posting::Site::CompanySite(_)) => Source::CompanySite,
        None => Source::Other,
    };
    let mut d = LeadDetails::new(&p.company, &p.role, source);
    d.pay = p.pay.clone();
    d.location = p.location.clone();
    d.work_mode = p.work_mode;
    d.link = p.link.clone();
    // a bare link is kept as the link, not again as the ad
    if p.ad.trim() != p.link {
        d.ad = p.ad.clone();
    }
    d
}

/// Writes the lead a posting gives, unless a lead already holds it.
fn add(w: &Writer<'_>, id: LeadId, at: Stamp, posting: &Posting) -> Result<Shared> {
    if let Some((lead, name)) = already_there(w, posting)? {
        return Ok(Shared::AlreadyThere { lead, name });
    }
    let details = details_of(posting);
    details.validate_known()?;
    let known_before = !details.company.is_empty() && {
        let key = crate::domain::lead::company_key(&details.company);
        !w.ix_named(LEAD_BY_COMPANY, &key)?.is_empty()
            || !w.ix_named(CONTACT_BY_COMPANY, &key)?.is_empty()
    };
    let mut lead = Lead::new(id, at, details, Status::New);
    lead.unchecked = true;
    w.put(None, &lead)?;
    Ok(Shared::Added {
        lead: Box::new(lead),
        known_before,
    })
}

/// The lead that already holds this posting: the same link (its tracking
/// parameters aside), the same ad text, or the same role at the same
/// company (one job found on two boards).
fn already_there(r: &impl Read, posting: &Posting) -> Result<Option<(LeadId, String)>> {
    let link = same_link_key(&posting.link);
    let ad = same_text_key(&posting.ad);
    let job = same_job_key(&posting.company, &posting.role);
    let leads: Vec<Lead> = r.load_all()?;
    Ok(leads
        .into_iter()
        .find(|l| {
            (!link.is_empty() && same_link_key(&l.details.link) == link)
                || (!l.details.ad.is_empty() && same_text_key(&l.details.ad) == ad)
                || job.as_ref().is_some_and(|j| {
                    same_job_key(&l.details.company, &l.details.role).as_ref() == Some(j)
                })
        })
        .map(|l| (l.id, wording::about(&l))))
}

/// A link as compared for "the same posting": no scheme, no "www.", no
/// tracking parameters, no trailing slash, lower-case host.
fn same_link_key(link: &str) -> String {
    let l = link.trim();
    let l = l
        .strip_prefix("https://")
        .or_else(|| l.strip_prefix("http://"))
        .unwrap_or(l);
    let l = l.strip_prefix("www.").unwrap_or(l);
    let (base, query) = l.split_once('?').unwrap_or((l, ""));
    let base = base.split('#').next().unwrap_or(base).trim_end_matches('/');
    let (host, path) = base.split_once('/').unwrap_or((base, ""));
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| {
            let name = p.split('=').next().unwrap_or_default().to_ascii_lowercase();
            !p.is_empty()
                && !name.starts_with("utm_")
                && !matches!(
                    name.as_str(),
                    "refid"
                        | "trackingid"
                        | "trk"
                        | "src"
                        | "source"
                        | "ref"
                        | "from"
                        | "gh_src"
                        | "lever-source"
                )
        })
        .collect();
    let mut key = host.to_ascii_lowercase();
    if !path.is_empty() {
        key.push('/');
        key.push_str(path);
    }
    if !kept.is_empty() {
        key.push('?');
        key.push_str(&kept.join("&"));
    }
    key
}

/// The company and role as compared for "the same job", when both are known.
fn same_job_key(company: &str, role: &str) -> Option<(String, String)> {
    let role = same_text_key(role).to_lowercase();
    (!company.trim().is_empty() && !role.is_empty())
        .then(|| (crate::domain::lead::company_key(company), role))
}

/// A text as compared for "the same posting": its words, in order.
fn same_text_key(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_the_same_posting_compare_equal() {
        assert_eq!(
            same_link_key("https://www.linkedin.com/jobs/view/123/?trk=share&refId=abc"),
            same_link_key("http://linkedin.com/jobs/view/123")
        );
        assert_ne!(
            same_link_key("https://uk.indeed.com/viewjob?jk=1"),
            same_link_key("https://uk.indeed.com/viewjob?jk=2")
        );
    }
}

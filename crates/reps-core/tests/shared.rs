//! Postings shared into Reps: a lead in the deck as far as the text tells,
//! checked with one tap; the same posting twice is recognised; shares left
//! in the capture inbox by another process are taken in exactly once; bad
//! input is refused with nothing written.

mod common;

use common::*;
use reps_core::inbox::CaptureInbox;
use reps_core::journal::shared::Shared;
use reps_core::rules::search::Target;
use reps_core::{Decision, Error, LeadDetails, Problem, Source, Status};

const NOW: &str = "2026-12-07T09:00:00+01:00[Europe/Paris]";

const LINKEDIN: &str = "Check out this job at Acme Robotics: Senior Embedded Engineer \
    https://www.linkedin.com/jobs/view/3912345678/?trk=share\n\n\
    Boston, MA (Hybrid). $160k-$190k. You will write firmware for warehouse robots.";

fn added(s: Shared) -> reps_core::Lead {
    match s {
        Shared::Added { lead, .. } => *lead,
        other => panic!("not added: {other:?}"),
    }
}

#[test]
fn a_shared_posting_is_a_lead_in_the_deck_to_check() {
    let (j, _) = memory(NOW);
    let shared = j.add_shared(LINKEDIN).unwrap();
    assert_eq!(
        shared.message(),
        "Added to your deck: Acme Robotics — Senior Embedded Engineer."
    );
    let lead = added(shared);
    assert!(lead.unchecked);
    assert_eq!(lead.status, Status::New);
    let d = &lead.details;
    assert_eq!(
        (d.company.as_str(), d.role.as_str(), d.source),
        (
            "Acme Robotics",
            "Senior Embedded Engineer",
            Source::JobBoard
        )
    );
    assert_eq!(
        d.link,
        "https://www.linkedin.com/jobs/view/3912345678/?trk=share"
    );
    assert_eq!(d.ad, LINKEDIN.trim());
    let pay = d.pay.clone().unwrap();
    assert_eq!(
        (pay.min, pay.max, pay.currency.as_str()),
        (Some(160_000), Some(190_000), "USD")
    );
    assert_eq!(j.deck().unwrap().len(), 1);
    // the ad is searchable
    let hits = j.search("firmware", 10).unwrap();
    assert_eq!(hits[0].target, Target::Lead(lead.id));
    // "Looks right": checked, still in the deck
    let checked = j.check_lead(lead.id).unwrap();
    assert!(!checked.unchecked);
    assert_eq!(j.deck().unwrap().len(), 1);
    // it survives a backup and its import
    let (other, _) = memory(NOW);
    other.import_json(&j.export_json().unwrap()).unwrap();
    assert_eq!(other.lead(lead.id).unwrap().details.ad, LINKEDIN.trim());
}

#[test]
fn the_same_posting_shared_twice_is_already_in_the_deck() {
    let (j, _) = memory(NOW);
    let lead = added(j.add_shared(LINKEDIN).unwrap());
    let again = j.add_shared(LINKEDIN).unwrap();
    assert_eq!(
        again,
        Shared::AlreadyThere {
            lead: lead.id,
            name: "Acme Robotics — Senior Embedded Engineer".into()
        }
    );
    assert_eq!(
        again.message(),
        "You already have this one: Acme Robotics — Senior Embedded Engineer."
    );
    // the same link shared from elsewhere, with other tracking words
    let same_link = j
        .add_shared("http://linkedin.com/jobs/view/3912345678?refId=xyz")
        .unwrap();
    assert!(matches!(same_link, Shared::AlreadyThere { .. }));
    assert_eq!(j.all_leads().unwrap().len(), 1);
    // the same job found on another board: the same lead
    let indeed = j
        .add_shared("Senior Embedded Engineer - Acme Robotics - Boston, MA | Indeed.com")
        .unwrap();
    assert!(matches!(indeed, Shared::AlreadyThere { .. }), "{indeed:?}");
    // decided on since: still recognised, in words that do not say "deck"
    j.decide(lead.id, Decision::Take).unwrap();
    assert_eq!(
        j.add_shared(LINKEDIN).unwrap().message(),
        "You already have this one: Acme Robotics — Senior Embedded Engineer."
    );
    assert_eq!(j.all_leads().unwrap().len(), 1);
    // the form is told too, before anything is written
    let read = j.read_posting(LINKEDIN).unwrap();
    assert_eq!(read.already.map(|(id, _)| id), Some(lead.id));
}

#[test]
fn a_company_met_before_is_pointed_out_as_adding_a_lead_does() {
    let (j, _) = memory(NOW);
    j.add_lead(LeadDetails::new(
        "Acme Robotics",
        "Firmware Intern",
        Source::Referral,
    ))
    .unwrap();
    let shared = j.add_shared(LINKEDIN).unwrap();
    assert!(
        matches!(
            shared,
            Shared::Added {
                known_before: true,
                ..
            }
        ),
        "{shared:?}"
    );
    assert_eq!(
        shared.message(),
        "Added to your deck: Acme Robotics — Senior Embedded Engineer. \
         You have been in touch with Acme Robotics before."
    );
    // a company never met: nothing more is said
    let (fresh, _) = memory(NOW);
    assert!(matches!(
        fresh.add_shared(LINKEDIN).unwrap(),
        Shared::Added {
            known_before: false,
            ..
        }
    ));
}

#[test]
fn what_the_text_cannot_tell_is_asked_before_deciding() {
    let (j, _) = memory(NOW);
    let lead = added(
        j.add_shared("https://www.linkedin.com/jobs/view/555")
            .unwrap(),
    );
    assert_eq!(
        (lead.details.company.as_str(), lead.details.role.as_str()),
        ("", "")
    );
    // a bare link is the lead's link, not also its ad
    assert_eq!(lead.details.ad, "");
    assert_eq!(
        reps_core::wording::about(&lead),
        "Company not known yet — role not known yet"
    );
    // neither "Looks right" nor a swipe is taken until they are filled in
    let err = j.check_lead(lead.id).unwrap_err();
    assert!(
        matches!(&err, Error::Invalid(i) if i.field == "company"),
        "{err}"
    );
    let err = j.decide(lead.id, Decision::Take).unwrap_err();
    assert!(
        matches!(&err, Error::Invalid(i) if i.field == "company"),
        "{err}"
    );
    assert!(j.lead(lead.id).unwrap().unchecked);
    assert_eq!(j.lead(lead.id).unwrap().status, Status::New);
    // filling them in is checking it
    let mut details = lead.details.clone();
    details.company = "Initech".into();
    details.role = "Platform Engineer".into();
    let edited = j.edit_lead(lead.id, details).unwrap();
    assert!(!edited.unchecked);
    assert_eq!(
        edited.details.link,
        "https://www.linkedin.com/jobs/view/555"
    );
    j.decide(lead.id, Decision::Take).unwrap();
}

#[test]
fn bad_shares_are_refused_by_field_and_nothing_is_written() {
    let (j, _) = memory(NOW);
    for (text, problem) in [
        ("", Problem::Empty),
        ("  \n ", Problem::Empty),
        ("\u{0}\u{1}PNG\u{0}\u{0}", Problem::NotText),
    ] {
        let err = j.add_shared(text).unwrap_err();
        assert!(
            matches!(&err, Error::Invalid(i) if i.field == "posting" && i.problem == problem),
            "{text:?}: {err}"
        );
        assert!(j.read_posting(text).is_err());
    }
    assert!(j.all_leads().unwrap().is_empty());
    // a 5 MB paste is kept, cut at the ad's limit
    let big = format!("Data Engineer at Globex\n{}", "Pipelines. ".repeat(500_000));
    let lead = added(j.add_shared(&big).unwrap());
    assert_eq!(lead.details.ad.chars().count(), 63_999);
    assert!(j.read_posting(&big).unwrap().cut);
}

#[test]
fn shares_left_in_the_inbox_are_taken_in_once() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = CaptureInbox::new(dir.path().join("inbox"));
    let (j, _) = memory(NOW);
    // another process (a share sheet) writes while the app holds the journal
    let id = inbox.add_share(LINKEDIN, at(NOW)).unwrap();
    let file = dir.path().join("inbox").join(format!("{id}.json"));
    let written = std::fs::read(&file).unwrap();
    let taken = j.take_inbox(&inbox).unwrap();
    assert_eq!((taken.shared, taken.already, taken.added), (1, 0, 0));
    let lead = j.lead(reps_core::LeadId(id)).unwrap();
    assert!(lead.unchecked);
    assert_eq!(lead.details.company, "Acme Robotics");
    // a crash after the commit and before the file went: taken in again, added once
    std::fs::write(&file, &written).unwrap();
    let again = j.take_inbox(&inbox).unwrap();
    assert_eq!((again.shared, again.already), (0, 1));
    assert_eq!(j.all_leads().unwrap().len(), 1);
    assert!(!file.exists());
    // the same posting shared again from the phone: already in the deck
    inbox.add_share(LINKEDIN, at(NOW)).unwrap();
    assert_eq!(j.take_inbox(&inbox).unwrap().shared_already, 1);
    // a picture shared as text is set aside, never lost, and blocks nothing
    let junk = inbox
        .add_share("\u{0}\u{0}\u{0}JFIF\u{0}", at(NOW))
        .unwrap();
    inbox
        .add_share("Designer at Hooli https://jobs.lever.co/hooli/1", at(NOW))
        .unwrap();
    let mixed = j.take_inbox(&inbox).unwrap();
    assert_eq!((mixed.damaged, mixed.shared), (1, 1));
    assert!(
        dir.path()
            .join("inbox/damaged")
            .join(format!("{junk}.json"))
            .exists()
    );
    assert_eq!(j.all_leads().unwrap().len(), 2);
    // a note and a share side by side keep their kinds
    inbox.add("Asked about on-call", None, at(NOW)).unwrap();
    assert_eq!(j.take_inbox(&inbox).unwrap().added, 1);
    assert_eq!(j.all_leads().unwrap().len(), 2);
    assert!(inbox.add_share("   ", at(NOW)).is_err());
}

#[test]
fn a_company_site_lead_and_its_ad_read_back_from_the_form() {
    let (j, _) = memory(NOW);
    let read = j
        .read_posting("Backend Engineer\nhttps://boards.greenhouse.io/initech/jobs/4012")
        .unwrap();
    assert_eq!(read.details.company, "Initech");
    assert_eq!(read.details.role, "Backend Engineer");
    assert_eq!(read.details.source, Source::CompanySite);
    assert_eq!(read.site, "");
    assert!(read.already.is_none());
    // saved through the usual form, it keeps the ad
    let lead = j.add_lead(read.details.clone()).unwrap();
    assert_eq!(j.lead(lead.id).unwrap().details.ad, read.details.ad);
    assert!(!lead.unchecked);
    let _ = LeadDetails::new("", "", Source::Other);
}

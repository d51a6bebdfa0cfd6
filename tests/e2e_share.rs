//! End-to-end, in the real window: leads from where they are found. A
//! posting a phone's share sheet left in the capture inbox is in the deck
//! when the app starts, checked with one tap; a posting pasted into "Add a
//! lead" fills the form, the new card is in the deck, and the ad is on the
//! lead page and found by search.

mod window;

use std::sync::Arc;

use reps_core::inbox::CaptureInbox;
use reps_core::{Journal, ManualClock, Stamp};
use window::{App, Screen};

fn now() -> Stamp {
    Stamp::new(chrono::Utc::now(), chrono_tz::UTC)
}

/// What is typed into the paste box: a share line with a link, pay, the
/// place and a word ("Kafka") that only the ad holds.
const PASTED: &str = "Data Engineer at Globex: Kafka pipelines, hybrid in Leeds, \
                      EUR 60k-70k https://jobs.lever.co/globex/1a2b";

#[test]
fn shared_and_pasted_postings_reach_the_deck_and_keep_their_ad() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // shared from a job board's app while Reps was closed
    CaptureInbox::new(data.join("inbox"))
        .add_share(
            "Check out this job at Initech: Senior Platform Engineer \
             https://www.linkedin.com/jobs/view/4000000001/",
            now(),
        )
        .unwrap();

    let screen = Screen::start_sized(1200, 760);
    let app = App::launch(&screen, &data, &["--size", "1200x760"]);
    app.find("tab-leads");
    app.ready();

    // 1. The share is a card in the deck, to check.
    app.click("tab-leads");
    app.wait_text("deck-card", "Initech");
    app.wait_text(
        "deck-check",
        "Read from a shared posting: check the details.",
    );
    screen.shot("desk-share-to-check");
    app.click("deck-check-ok");
    app.gone("deck-check");

    // 2. A posting pasted into Add a lead fills the form.
    app.click("add-lead");
    app.click("lead-paste");
    app.type_text(PASTED);
    app.click("lead-paste-fill");
    app.wait_text("lead-company", "Globex");
    app.wait_text("lead-role", "Data Engineer");
    app.wait_text("lead-paste-note", "Filled in from the posting");
    screen.shot("desk-paste-filled");
    app.click("lead-save");
    app.find("add-lead");
    // Initech is still on top; Globex waits under it
    assert!(app.text("deck-card").contains("Initech"));

    // 3. Found by a word of its ad, and the ad is on its page.
    app.click("leads-search");
    app.click("search-box");
    app.type_text("kafka");
    app.wait_text("search-results", "Globex");
    app.click("search-open-0");
    app.find("lead-ad");
    app.click("lead-ad");
    app.wait_text("lead-ad", "Kafka pipelines");
    screen.shot("desk-lead-ad");
    app.kill();

    // what the window showed is what the journal holds
    let j = Journal::open(data.join("journal.redb"), Arc::new(ManualClock::new(now()))).unwrap();
    let leads = j.all_leads().unwrap();
    let globex = leads
        .iter()
        .find(|l| l.details.company == "Globex")
        .expect("Globex was added");
    assert_eq!(globex.details.ad, PASTED);
    assert_eq!(globex.details.location, "Leeds");
    assert_eq!(globex.details.link, "https://jobs.lever.co/globex/1a2b");
    let pay = globex.details.pay.clone().unwrap();
    assert_eq!(
        (pay.min, pay.max, pay.currency.as_str()),
        (Some(60_000), Some(70_000), "EUR")
    );
    let initech = leads
        .iter()
        .find(|l| l.details.company == "Initech")
        .unwrap();
    assert!(!initech.unchecked, "checked in the deck");
    assert_eq!(leads.len(), 2);
}

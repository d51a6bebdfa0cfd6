//! End-to-end, in the real window at phone size (390×844): spaced practice.
//! A weak answer in an interview's notes becomes a practice card with one
//! tap; the card is filled in and practised from Today (say it aloud with
//! the timer, show the answer, rate it); it leaves Today, and a card rated
//! two days ago is back on its day. Killed in the middle of a session, the
//! app keeps every rating given — and only those.

mod window;

use std::path::Path;
use std::sync::Arc;

use chrono::Duration;
use reps_core::{
    CardBody, DebriefBody, Decision, Grade, InterviewKind, InterviewPlan, Journal, LeadDetails,
    ManualClock, Skill, Source, Stage, Stamp,
};
use window::{App, Screen};

fn now() -> Stamp {
    Stamp::new(chrono::Utc::now(), chrono_tz::UTC)
}

fn open(data: &Path, at: Stamp) -> (Journal, Arc<ManualClock>) {
    let clock = Arc::new(ManualClock::new(at));
    (
        Journal::open(data.join("journal.redb"), clock.clone()).unwrap(),
        clock,
    )
}

/// Two days ago: an interview, its notes with an answer to improve, and a
/// story card practised ("Good") that evening, due again today.
fn prepare(data: &Path) -> String {
    let two_days_ago = now().add(-Duration::hours(49)).unwrap();
    let (j, clock) = open(data, two_days_ago);
    let lead = j
        .add_lead(LeadDetails::new("Acme", "Engineer", Source::JobBoard))
        .unwrap();
    j.decide(lead.id, Decision::Take).unwrap();
    let iv = j
        .schedule_interview(
            lead.id,
            InterviewPlan::new(
                two_days_ago.add(-Duration::hours(2)).unwrap(),
                45,
                InterviewKind::Video,
                Stage::Screen,
            ),
        )
        .unwrap()
        .interview;
    let d = j.start_debrief(Some(iv.id), None).unwrap();
    j.save_debrief(
        d.id,
        DebriefBody {
            improve: "Why did you leave your last job?".into(),
            to_improve: vec![Skill::Examples],
            ..Default::default()
        },
    )
    .unwrap();
    let story = j
        .add_card(CardBody {
            question: "Tell me about a time you disagreed with your manager.".into(),
            answer: "Situation, task, action, result: the release we held back a week.".into(),
            skills: vec![Skill::Examples],
            ..Default::default()
        })
        .unwrap();
    clock.advance(Duration::minutes(30));
    j.rate_card(story.id, Grade::Good, Some(110)).unwrap();
    format!("reps://debrief/{}", d.id)
}

#[test]
fn a_weak_answer_becomes_a_card_practised_from_today_and_every_rating_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let notes = prepare(&data);
    let screen = Screen::start();

    // 1. From the interview's notes: one tap makes the card.
    let app = App::launch(&screen, &data, &[notes.as_str()]);
    app.ready();
    app.wait_text("practice-offers", "Why did you leave your last job?");
    screen.shot("phone-practice-offers");
    app.click("offer-card-0");
    app.wait_text("card-question", "Why did you leave your last job?");
    app.wait_text("card-source", "From Acme — Engineer");
    app.click("card-answer");
    app.type_text("I wanted to own a product end to end.");
    app.wait_text("card-state", "Saved");
    screen.shot("phone-practice-card-editor");

    // 2. Today offers practice: the new card and the story due again today.
    app.click("tab-today");
    app.wait_text("today-practice-row", "2 cards due");
    app.click("today-practise");
    app.wait_text("practice-count", "Card 1 of 2");
    let first = app.text("practice-question");
    app.click("practice-start");
    std::thread::sleep(std::time::Duration::from_millis(2300));
    let timer = app.text("practice-timer");
    assert!(
        timer.starts_with("0:0") && timer != "0:00",
        "the timer runs: {timer}"
    );
    screen.shot("phone-practice-timer");
    app.click("practice-reveal");
    app.find("practice-answer");
    screen.shot("phone-practice-answer");
    app.click("rate-good");
    app.wait_text("practice-saved", "” · Back in");
    app.wait_text("practice-count", "Card 2 of 2");
    let second = app.text("practice-question");
    assert_ne!(first, second);
    // 3. Killed with the second card on screen, not yet rated.
    app.click("practice-reveal");
    app.find("rate-easy");
    app.kill();

    let (j, _) = open(&data, now());
    let cards = j.all_cards().unwrap();
    assert_eq!(cards.len(), 2);
    let rated: Vec<_> = cards
        .iter()
        .filter(|c| {
            c.card
                .reviews
                .last()
                .is_some_and(|r| r.at.utc() > now().utc() - Duration::minutes(10))
        })
        .collect();
    assert_eq!(
        rated.len(),
        1,
        "the rating given is kept, the one not given is not: {cards:#?}"
    );
    assert_eq!(rated[0].card.body.question, first);
    assert_eq!(rated[0].card.reviews.last().unwrap().grade, Grade::Good);
    assert!(
        rated[0]
            .card
            .reviews
            .last()
            .unwrap()
            .seconds
            .is_some_and(|s| s >= 2)
    );
    let new = cards
        .iter()
        .find(|c| c.card.body.question == "Why did you leave your last job?")
        .unwrap();
    assert_eq!(
        new.card.body.answer,
        "I wanted to own a product end to end."
    );
    drop(j);

    // 4. Back in the app: one card left for today; rated, Today is clear.
    let app = App::launch(&screen, &data, &[]);
    app.ready();
    app.wait_text("today-practice-row", "1 card due");
    app.click("today-practise");
    app.wait_text("practice-question", &second);
    app.click("practice-reveal");
    app.click("rate-hard");
    app.wait_text("practice-done", "Done: 2 answers practised today.");
    screen.shot("phone-practice-done");
    app.click("practice-today");
    app.gone("today-practise");
    app.kill();
}

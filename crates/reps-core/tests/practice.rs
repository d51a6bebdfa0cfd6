//! Spaced practice through the journal's commands: cards made from a
//! debrief keep where they came from, each rating is one commit that
//! survives closing the journal, a card leaves Today when practised and
//! comes back on its day, bad input is refused by field with nothing
//! changed, and two devices that practised the same card offline agree on
//! its next day.

mod common;

use chrono::Duration;
use common::*;
use reps_core::rules::practice::FromDebrief;
use reps_core::rules::today::TodayItem;
use reps_core::*;

const NOW: &str = "2026-06-01T18:00:00+02:00[Europe/Paris]";

/// A lead, its interview this afternoon, and the debrief written after it.
fn interviewed(j: &Journal) -> (Lead, Interview, Debrief) {
    let lead = j
        .add_lead(LeadDetails::new("Acme", "Engineer", Source::JobBoard))
        .unwrap();
    j.decide(lead.id, Decision::Take).unwrap();
    let iv = j
        .schedule_interview(
            lead.id,
            InterviewPlan::new(
                at("2026-06-01T14:00:00+02:00[Europe/Paris]"),
                45,
                InterviewKind::Video,
                Stage::Screen,
            ),
        )
        .unwrap()
        .interview;
    let d = j.start_debrief(Some(iv.id), None).unwrap();
    let d = j
        .save_debrief(
            d.id,
            DebriefBody {
                improve: "- Why I left my last job\n- The outage story".into(),
                to_improve: vec![Skill::SalaryTalk],
                ..Default::default()
            },
        )
        .unwrap();
    (lead, iv, d)
}

fn practice_on_today(j: &Journal) -> Option<usize> {
    j.today().unwrap().into_iter().find_map(|i| match i {
        TodayItem::Practice { cards, .. } => Some(cards),
        _ => None,
    })
}

#[test]
fn a_card_from_a_debrief_keeps_its_interview_and_is_made_once() {
    let (j, _) = memory(NOW);
    let (lead, iv, d) = interviewed(&j);
    let offers = j.card_offers(d.id).unwrap();
    let labels: Vec<&str> = offers.iter().map(|o| o.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Why I left my last job", "The outage story", "Salary talk"]
    );
    assert!(offers.iter().all(|o| o.card.is_none()));

    let card = j.card_from_debrief(d.id, offers[0].pick.clone()).unwrap();
    assert_eq!(card.body.question, "Why I left my last job");
    assert_eq!(
        card.body.skills,
        vec![Skill::SalaryTalk],
        "the one skill to work on"
    );
    let from = card.from.unwrap();
    assert_eq!(
        (from.debrief, from.interview, from.lead),
        (d.id, Some(iv.id), Some(lead.id))
    );
    // the same tap again (or on another device) is the same card
    let again = j.card_from_debrief(d.id, offers[0].pick.clone()).unwrap();
    assert_eq!(again.id, card.id);
    assert_eq!(j.all_cards().unwrap().len(), 1);
    let skill = j
        .card_from_debrief(d.id, FromDebrief::Skill(Skill::SalaryTalk))
        .unwrap();
    assert_eq!(
        skill.body.question,
        wording::practice_question(&Skill::SalaryTalk)
    );
    let offers = j.card_offers(d.id).unwrap();
    assert_eq!(offers[0].card, Some(card.id));
    assert_eq!(offers[2].card, Some(skill.id));
    assert_eq!(j.cards_from_debrief(d.id).unwrap().len(), 2);
    let page = j.practice_card(card.id).unwrap();
    assert_eq!(page.source, "From Acme — Engineer, 1 Jun");
    // a line that goes on after its question: the rest is what was said
    let noted = j
        .card_from_debrief(
            d.id,
            FromDebrief::Answer("Why us? I froze and talked about pay.".into()),
        )
        .unwrap();
    assert_eq!(
        (noted.body.question.as_str(), noted.body.said.as_str()),
        ("Why us?", "I froze and talked about pay.")
    );
    // each grade says when it would bring the card back
    let after: Vec<&str> = page.after.iter().map(|(_, w)| w.as_str()).collect();
    assert_eq!(after, ["tomorrow", "tomorrow", "in 2 days", "in 8 days"]);
}

#[test]
fn a_practised_card_leaves_today_and_comes_back_on_its_day_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.redb");
    let c = clock(NOW);
    let j = Journal::open(&path, c.clone()).unwrap();
    let card = j
        .add_card(CardBody {
            question: "Tell me about yourself.".into(),
            answer: "Now, before, next.".into(),
            skills: vec![Skill::TellMeAboutYourself],
            ..Default::default()
        })
        .unwrap();
    assert_eq!(practice_on_today(&j), Some(1), "a new card is due at once");
    let rated = j.rate_card(card.id, Grade::Good, Some(95)).unwrap();
    assert_eq!(rated.next, "Back in 2 days (Wed 3 Jun)");
    assert_eq!(practice_on_today(&j), None, "practised: off Today");
    // …and on this week's list, on its day
    let week = j.this_week().unwrap();
    let row = week
        .ahead
        .iter()
        .find(|r| r.goes_to == GoesTo::Cards)
        .expect("practice in this week");
    assert_eq!(
        (row.day.as_str(), row.title.as_str(), row.about.as_str()),
        ("Wed 3 Jun", "Practice", "1 card comes back")
    );
    drop(j);

    // the rating was committed: a reopened journal has it
    let j = Journal::open(&path, c.clone()).unwrap();
    let stored = j.practice_card(card.id).unwrap();
    assert_eq!(stored.card.reviews.len(), 1);
    assert_eq!(stored.card.reviews[0].seconds, Some(95));
    assert_eq!(stored.due, "Next: Wed 3 Jun");
    c.set(at("2026-06-02T20:00:00+02:00[Europe/Paris]"));
    assert_eq!(practice_on_today(&j), None);
    c.set(at("2026-06-03T07:00:00+02:00[Europe/Paris]"));
    assert_eq!(practice_on_today(&j), Some(1), "back on its day");
    let page = j.practice_page(None).unwrap();
    assert_eq!(page.cards[0].card.id, card.id);
    assert!(
        page.cards[0].two_minutes,
        "an introduction is a long answer"
    );
    // "Again" brings it back the next day
    j.rate_card(card.id, Grade::Again, None).unwrap();
    c.set(at("2026-06-04T08:00:00+02:00[Europe/Paris]"));
    assert_eq!(practice_on_today(&j), Some(1));
    assert_eq!(j.practice_page(None).unwrap().done_today, 0);
}

#[test]
fn saving_the_same_words_again_is_not_an_edit() {
    // The card editor saves as the user types; a save with nothing new,
    // a moment later, must not move the card's time or write anything.
    let (j, c) = memory(NOW);
    let card = j.add_card(CardBody::asking("Why us?")).unwrap();
    c.set(at("2026-06-01T18:00:05+02:00[Europe/Paris]"));
    let again = j.edit_card(card.id, card.body.clone()).unwrap();
    assert_eq!(again.updated, card.updated);
    assert_eq!(j.practice_card(card.id).unwrap().card, card);
    // a real change does carry its time
    let mut body = card.body.clone();
    body.answer = "Your product, my past".into();
    let edited = j.edit_card(card.id, body).unwrap();
    assert_eq!(
        edited.updated,
        at("2026-06-01T18:00:05+02:00[Europe/Paris]")
    );
}

#[test]
fn bad_input_is_refused_by_field_and_nothing_changes() {
    let (j, _) = memory(NOW);
    let (_, _, d) = interviewed(&j);
    let card = j.add_card(CardBody::asking("Why us?")).unwrap();
    let before = snapshot(&j);

    let field = |e: Error| match e {
        Error::Invalid(i) => i.field,
        other => panic!("not a field error: {other:?}"),
    };
    assert_eq!(
        field(j.add_card(CardBody::asking("   ")).unwrap_err()),
        "question"
    );
    let mut big = CardBody::asking("Why us?");
    big.answer = "x".repeat(10 * 1024 * 1024);
    assert_eq!(field(j.add_card(big.clone()).unwrap_err()), "answer");
    assert_eq!(field(j.edit_card(card.id, big).unwrap_err()), "answer");
    assert_eq!(
        field(
            j.card_from_debrief(d.id, FromDebrief::Answer(" ".into()))
                .unwrap_err()
        ),
        "question"
    );
    assert_eq!(
        field(
            j.rate_card(card.id, Grade::Good, Some(24 * 3600))
                .unwrap_err()
        ),
        "seconds"
    );
    assert_eq!(Grade::from_number(7).unwrap_err().field, "grade");
    // a rating for a card that is not there
    let nowhere = CardId(uuid::Uuid::now_v7());
    assert!(matches!(
        j.rate_card(nowhere, Grade::Good, None).unwrap_err(),
        Error::NotFound {
            kind: "practice card",
            ..
        }
    ));
    assert!(matches!(
        j.card_from_debrief(
            DebriefId(uuid::Uuid::now_v7()),
            FromDebrief::Skill(Skill::Composure)
        )
        .unwrap_err(),
        Error::NotFound {
            kind: "debrief",
            ..
        }
    ));
    assert_eq!(snapshot(&j), before, "nothing was written");
}

#[test]
fn cards_travel_in_the_backup_and_older_backups_have_none() {
    let (j, c) = memory(NOW);
    let (_, _, d) = interviewed(&j);
    let card = j
        .card_from_debrief(d.id, FromDebrief::Skill(Skill::SalaryTalk))
        .unwrap();
    j.rate_card(card.id, Grade::Hard, Some(30)).unwrap();
    let json = j.export_json().unwrap();
    let other = Journal::in_memory(c.clone()).unwrap();
    other.import_json(&json).unwrap();
    assert_eq!(snapshot(&other), snapshot(&j));
    assert_eq!(other.all_cards().unwrap()[0].card.reviews.len(), 1);
    // a backup of layout 4 (before practice) reads unchanged
    let old = std::fs::read(fixtures().join("journal-v4.json")).unwrap();
    let fresh = Journal::in_memory(c).unwrap();
    fresh.import_json(&old).unwrap();
    assert!(fresh.all_cards().unwrap().is_empty());
}

#[test]
fn a_card_rated_on_two_devices_keeps_both_practices_and_one_schedule() {
    use reps_core::sync::doc::RecordDoc;
    let (j, c) = memory(NOW);
    let card = j.add_card(CardBody::asking("Why us?")).unwrap();
    // the same card on a phone and a laptop, practised on each offline
    let mut phone = RecordDoc::new(b"phone-0001");
    phone.write(&card).unwrap();
    let mut laptop = RecordDoc::load(&phone.save(), b"laptop-002").unwrap();
    let mut on_phone = card.clone();
    on_phone.reviews.push(Review {
        at: at("2026-06-02T08:00:00+02:00[Europe/Paris]"),
        grade: Grade::Good,
        seconds: None,
    });
    phone.write(&on_phone).unwrap();
    let mut on_laptop = card.clone();
    on_laptop.reviews.push(Review {
        at: at("2026-06-02T21:00:00+02:00[Europe/Paris]"),
        grade: Grade::Again,
        seconds: Some(60),
    });
    laptop.write(&on_laptop).unwrap();
    phone.merge(&mut laptop).unwrap();
    laptop.merge(&mut phone).unwrap();
    let a: Card = phone.read("practice card").unwrap();
    let b: Card = laptop.read("practice card").unwrap();
    assert_eq!(a.reviews.len(), 2, "both practices kept");
    let (sa, sb) = (
        reps_core::rules::practice::schedule(&a),
        reps_core::rules::practice::schedule(&b),
    );
    assert_eq!(sa, sb, "one next day on both");
    // the evening's "Again" came last: back the next day
    assert_eq!(
        sa.due,
        at("2026-06-02T21:00:00+02:00[Europe/Paris]")
            .add(Duration::days(1))
            .unwrap()
    );
    drop(c);
}

#[test]
fn a_checklist_offers_the_cards_for_the_next_interview_with_that_company() {
    let (j, c) = memory(NOW);
    let (lead, _, d) = interviewed(&j);
    let card = j
        .card_from_debrief(d.id, FromDebrief::Skill(Skill::SalaryTalk))
        .unwrap();
    j.rate_card(card.id, Grade::Easy, None).unwrap();
    let next = j
        .schedule_interview(
            lead.id,
            InterviewPlan::new(
                at("2026-06-04T10:00:00+02:00[Europe/Paris]"),
                60,
                InterviewKind::OnSite,
                Stage::Technical,
            ),
        )
        .unwrap()
        .interview;
    let page = j.checklist_page(next.id).unwrap();
    let offer = page.practice.expect("an offer");
    assert_eq!(offer.cards, 1, "not due, but from this company");
    assert_eq!(offer.goes_to, GoesTo::Practice(Some(next.id)));
    let practice = j.practice_page(Some(next.id)).unwrap();
    assert_eq!(practice.cards.len(), 1);
    assert_eq!(practice.title, "Before Acme — Engineer, Thu 4 Jun");
    // once it has started, no offer
    c.set(at("2026-06-04T10:30:00+02:00[Europe/Paris]"));
    assert!(j.checklist_page(next.id).unwrap().practice.is_none());
}

#[test]
fn practised_cards_are_announced_on_the_morning_they_come_back() {
    let (j, c) = memory(NOW);
    let card = j.add_card(CardBody::asking("Why us?")).unwrap();
    j.rate_card(card.id, Grade::Good, None).unwrap();
    let now = c.now();
    let reminders = j
        .reminders(now, now.add(Duration::days(5)).unwrap())
        .unwrap();
    let practice: Vec<&Reminder> = reminders
        .iter()
        .filter(|r| r.goes_to == GoesTo::Practice(None))
        .collect();
    assert_eq!(practice.len(), 1, "{reminders:#?}");
    assert_eq!(
        practice[0].due,
        at("2026-06-03T09:00:00+02:00[Europe/Paris]")
    );
    assert_eq!(practice[0].title, "Practise your answers");
    assert_eq!(practice[0].id, "practice-2026-06-03");
    let snapshot = j.outside().unwrap();
    assert!(
        snapshot
            .reminders
            .iter()
            .any(|r| r.follow_up_id == "practice-2026-06-03" && r.deep_link == "reps://practice")
    );
}

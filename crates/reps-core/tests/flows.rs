//! The journal's commands as a user meets them: triage, scheduling with
//! conflicts, capture, checklists, follow-ups, Today, and bad input.

mod common;

use chrono::Duration;
use common::*;
use reps_core::rules::checklist::ItemSource;
use reps_core::rules::pass::Assessment;
use reps_core::rules::today::TodayItem;
use reps_core::*;

const NOW: &str = "2026-06-01T09:00:00+02:00[Europe/Paris]";

fn acme(j: &Journal) -> Lead {
    j.add_lead(LeadDetails::new(
        "Acme",
        "Backend Engineer",
        Source::JobBoard,
    ))
    .unwrap()
}

/// Interviews of `lead` at each `(start, minutes)`, in that order.
fn book(j: &Journal, lead: LeadId, at: &[(&str, u32)]) -> Vec<Interview> {
    at.iter()
        .map(|(start, minutes)| {
            j.schedule_interview(lead, plan(start, *minutes))
                .unwrap()
                .interview
        })
        .collect()
}

/// A debrief about `lead` whose notes hold one searchable sentence.
fn kubernetes_notes(j: &Journal, lead: LeadId) -> Debrief {
    let d = j.start_debrief(None, Some(lead)).unwrap();
    j.save_debrief(
        d.id,
        DebriefBody {
            notes: "They run Kubernetes on bare metal".into(),
            ..Default::default()
        },
    )
    .unwrap()
}

fn plan(start: &str, minutes: u32) -> InterviewPlan {
    InterviewPlan::new(at(start), minutes, InterviewKind::Video, Stage::Screen)
}

#[test]
fn a_weak_pass_reason_is_recorded_and_comes_back_with_a_counterpoint() {
    let (j, _) = memory(NOW);
    let l = acme(&j);
    let d = j
        .decide(
            l.id,
            Decision::Pass {
                reason: PassReason::FearOfRejection,
                note: String::new(),
            },
        )
        .unwrap();
    assert_eq!(d.lead.status, Status::Passed);
    assert!(matches!(d.advice, Some(Assessment::Weak { .. })));
    // one tap to reconsider
    let back = j.undo_last_decision(l.id).unwrap();
    assert_eq!(back.status, Status::New);
    assert_eq!(back.history.len(), 3, "history keeps the pass and the undo");
    assert!(matches!(
        j.undo_last_decision(l.id),
        Err(Error::NothingToUndo)
    ));
}

#[test]
fn a_strong_pass_is_quiet() {
    let (j, _) = memory(NOW);
    let l = acme(&j);
    let d = j
        .decide(
            l.id,
            Decision::Pass {
                reason: PassReason::OutsideSkills,
                note: String::new(),
            },
        )
        .unwrap();
    assert_eq!(d.advice, Some(Assessment::Strong));
    assert!(j.deck().unwrap().is_empty());
}

#[test]
fn the_deck_holds_new_then_undecided_leads_and_pipeline_groups_by_stage() {
    let (j, c) = memory(NOW);
    let a = acme(&j);
    c.advance(Duration::minutes(1));
    let b = j
        .add_lead(LeadDetails::new("Globex", "SRE", Source::JobBoard))
        .unwrap();
    c.advance(Duration::minutes(1));
    let z = j
        .add_lead(LeadDetails::new("Initech", "Dev", Source::JobBoard))
        .unwrap();
    j.decide(a.id, Decision::NeedInfo).unwrap();
    j.decide(z.id, Decision::Take).unwrap();
    let deck: Vec<_> = j.deck().unwrap().into_iter().map(|l| l.id).collect();
    assert_eq!(deck, [b.id, a.id]);
    let pipeline: Vec<_> = j
        .pipeline()
        .unwrap()
        .into_iter()
        .map(|(s, ls)| (s, ls.len()))
        .collect();
    assert_eq!(
        pipeline,
        [(Status::New, 1), (Status::Deciding, 1), (Status::Taking, 1)]
    );
}

#[test]
fn an_illegal_move_is_refused_and_changes_nothing() {
    let (j, _) = memory(NOW);
    let l = acme(&j);
    j.decide(
        l.id,
        Decision::Pass {
            reason: PassReason::ClearMismatch,
            note: String::new(),
        },
    )
    .unwrap();
    let before = snapshot(&j);
    let err = j.move_lead(l.id, Status::Offer, None, "").unwrap_err();
    assert!(matches!(
        err,
        Error::Transition {
            from: Status::Passed,
            to: Status::Offer
        }
    ));
    assert_eq!(err.to_string(), "a lead cannot go from passed to offer");
    assert_eq!(snapshot(&j), before);
}

#[test]
fn every_status_change_is_kept_with_its_time() {
    let (j, c) = memory(NOW);
    let l = acme(&j);
    c.advance(Duration::days(1));
    j.decide(l.id, Decision::Take).unwrap();
    c.advance(Duration::days(2));
    j.schedule_interview(l.id, plan("2026-06-10T10:00:00+02:00[Europe/Paris]", 45))
        .unwrap();
    c.advance(Duration::days(10));
    let final_ = j.move_lead(l.id, Status::Rejected, None, "email").unwrap();
    let trail: Vec<_> = final_
        .history
        .iter()
        .map(|h| (h.status, h.at.to_string()))
        .collect();
    assert_eq!(
        trail,
        [
            (
                Status::New,
                "2026-06-01T09:00:00+02:00[Europe/Paris]".into()
            ),
            (
                Status::Taking,
                "2026-06-02T09:00:00+02:00[Europe/Paris]".into()
            ),
            (
                Status::Interviewing,
                "2026-06-04T09:00:00+02:00[Europe/Paris]".into()
            ),
            (
                Status::Rejected,
                "2026-06-14T09:00:00+02:00[Europe/Paris]".into()
            ),
        ]
    );
    assert_eq!(final_.history[2].stage, Some(Stage::Screen));
}

#[test]
fn a_colliding_interview_is_saved_with_the_conflict_and_a_reschedule_not_a_cancel() {
    let (j, _) = memory(NOW);
    let a = acme(&j);
    let b = j
        .add_lead(LeadDetails::new("Globex", "SRE", Source::JobBoard))
        .unwrap();
    let first = j
        .schedule_interview(a.id, plan("2026-06-03T10:00:00+02:00[Europe/Paris]", 60))
        .unwrap();
    assert!(first.conflicts.is_empty() && first.reschedule.is_none());
    let second = j
        .schedule_interview(b.id, plan("2026-06-03T10:30:00+02:00[Europe/Paris]", 60))
        .unwrap();
    assert_eq!(second.conflicts.len(), 1);
    assert_eq!(second.conflicts[0].other, first.interview.id);
    let r = second.reschedule.unwrap();
    assert_eq!(
        r.move_this,
        Some(second.interview.id),
        "move the new one, keep the first"
    );
    assert_eq!(
        r.suggested_start.to_string(),
        "2026-06-03T11:30:00+02:00[Europe/Paris]"
    );
    // nothing was cancelled
    assert!(!j.interview(first.interview.id).unwrap().cancelled);
    // the reschedule message proposes the suggested time on its own
    let ask = j
        .draft_message(
            reps_core::rules::messages::MessageKind::Reschedule,
            &MessageAbout {
                interview: Some(second.interview.id),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(ask.body.contains("Globex"), "{}", ask.body);
    assert!(
        ask.body.contains("Would Wednesday 3 June at 11:30 work"),
        "{}",
        ask.body
    );
    // moving it to the suggestion clears the conflict
    let mut moved = second.interview.plan.clone();
    moved.start = r.suggested_start;
    let after = j.reschedule_interview(second.interview.id, moved).unwrap();
    assert!(after.conflicts.is_empty());
}

#[test]
fn the_travel_buffer_is_configurable() {
    let (j, _) = memory(NOW);
    let a = acme(&j);
    j.schedule_interview(a.id, plan("2026-06-03T10:00:00+02:00[Europe/Paris]", 60))
        .unwrap();
    let back_to_back = plan("2026-06-03T11:15:00+02:00[Europe/Paris]", 30);
    assert_eq!(
        j.check_conflicts(&back_to_back, None).unwrap().0.len(),
        1,
        "30 min default buffer"
    );
    j.update_settings(Settings {
        travel_buffer_minutes: 10,
        ..j.settings().unwrap()
    })
    .unwrap();
    assert!(j.check_conflicts(&back_to_back, None).unwrap().0.is_empty());
}

#[test]
fn an_interview_at_nine_stays_at_nine_across_dst_and_a_trip() {
    // Scheduled in winter for a date after the spring change; seen from New York later.
    let (j, c) = memory("2026-03-20T12:00:00+01:00[Europe/Paris]");
    let l = acme(&j);
    let start = Stamp::from_local(
        chrono::NaiveDate::from_ymd_opt(2026, 4, 2)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap(),
        chrono_tz::Europe::Paris,
    )
    .unwrap();
    let s = j
        .schedule_interview(
            l.id,
            InterviewPlan::new(start, 60, InterviewKind::OnSite, Stage::Screen),
        )
        .unwrap();
    c.set(at("2026-03-30T08:00:00-04:00[America/New_York]"));
    let back = j.interview(s.interview.id).unwrap();
    assert_eq!(back.plan.start.local().format("%H:%M").to_string(), "09:00");
    assert_eq!(
        back.plan.start.to_string(),
        "2026-04-02T09:00:00+02:00[Europe/Paris]"
    );
    // the thank-you is due the same Paris day
    let fu = j.follow_ups_for_lead(l.id).unwrap();
    let thanks = fu
        .iter()
        .find(|f| f.kind == FollowUpKind::ThankYou)
        .unwrap();
    assert_eq!(
        thanks.due.to_string(),
        "2026-04-02T12:00:00+02:00[Europe/Paris]"
    );
}

#[test]
fn capture_autosaves_and_can_be_attached_later() {
    let (j, c) = memory(NOW);
    let l = acme(&j);
    let iv = j
        .schedule_interview(l.id, plan("2026-06-01T07:00:00+02:00[Europe/Paris]", 60))
        .unwrap()
        .interview;
    let d = j.start_debrief(None, None).unwrap();
    let mut body = DebriefBody::default();
    for word in ["They", " asked", " about", " Kafka"] {
        body.notes.push_str(word);
        c.advance(Duration::milliseconds(300));
        j.save_debrief(d.id, body.clone()).unwrap();
    }
    assert_eq!(
        j.debrief(d.id).unwrap().body.notes,
        "They asked about Kafka"
    );
    assert_eq!(j.just_ended().unwrap().map(|i| i.id), Some(iv.id));
    let attached = j.attach_debrief(d.id, iv.id).unwrap();
    assert_eq!(attached.lead, Some(l.id));
    assert_eq!(j.debriefs_for_interview(iv.id).unwrap().len(), 1);
    assert_eq!(j.debriefs_for_lead(l.id).unwrap().len(), 1);
}

#[test]
fn debrief_confidence_feeds_the_rep_chart() {
    let (j, c) = memory(NOW);
    let l = acme(&j);
    let iv = j
        .schedule_interview(l.id, plan("2026-06-01T10:00:00+02:00[Europe/Paris]", 60))
        .unwrap()
        .interview;
    c.advance(Duration::hours(3));
    assert_eq!(j.reps().unwrap().total, 1, "held interview counts as a rep");
    let d = j.start_debrief(Some(iv.id), None).unwrap();
    let body = DebriefBody {
        confidence: Some(Rating::new("confidence", 4).unwrap()),
        ..Default::default()
    };
    j.save_debrief(d.id, body).unwrap();
    let reps = j.reps().unwrap();
    assert_eq!(reps.confidence[0].after, Some(4));
}

#[test]
fn open_questions_show_up_in_the_next_checklist_and_ticking_answers_them() {
    let (j, c) = memory(NOW);
    let l = acme(&j);
    let first = j
        .schedule_interview(l.id, plan("2026-06-01T07:00:00+02:00[Europe/Paris]", 45))
        .unwrap()
        .interview;
    let d = j.start_debrief(Some(first.id), None).unwrap();
    let body = DebriefBody {
        questions: vec![Question::new("Who would I report to?")],
        ..Default::default()
    };
    let saved = j.save_debrief(d.id, body).unwrap();
    let qid = saved.body.questions[0].id;
    assert!(!qid.0.is_nil(), "the journal assigns ids to new questions");

    c.advance(Duration::days(2));
    let mut next = plan("2026-06-05T10:00:00+02:00[Europe/Paris]", 60);
    next.stage = Stage::HiringManager;
    let second = j.schedule_interview(l.id, next).unwrap().interview;
    let view = j.checklist(second.id).unwrap();
    let q = view
        .groups
        .iter()
        .flat_map(|g| &g.items)
        .find(|i| i.id == qid)
        .unwrap();
    assert!(matches!(q.source, ItemSource::Question { .. }));
    assert!(!q.done);
    let (_, total) = view.progress();
    assert_eq!(total, domain::checklist::default_items().len() + 1);

    let view = j.tick(second.id, qid, true).unwrap();
    assert!(
        view.groups
            .iter()
            .flat_map(|g| &g.items)
            .any(|i| i.id == qid && i.done)
    );
    assert!(
        j.debrief(d.id).unwrap().body.questions[0]
            .resolved
            .is_some()
    );
    let item = view.groups[0].items[0].id;
    let view = j.tick(second.id, item, true).unwrap();
    assert_eq!(view.progress().0, 2);
    assert!(matches!(
        j.tick(second.id, ItemId(uuid::Uuid::from_u128(7)), true),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn templates_are_editable_and_new_interviews_use_the_default() {
    let (j, _) = memory(NOW);
    let t = j
        .save_template(
            None,
            "Technical round",
            vec![TemplateItem {
                id: ItemId(uuid::Uuid::nil()),
                text: "Warm up with one kata".into(),
                when: When::HourBefore,
            }],
        )
        .unwrap();
    j.set_default_template(t.id).unwrap();
    let l = acme(&j);
    let iv = j
        .schedule_interview(l.id, plan("2026-06-03T10:00:00+02:00[Europe/Paris]", 60))
        .unwrap()
        .interview;
    let view = j.checklist(iv.id).unwrap();
    assert_eq!(view.groups.len(), 1);
    assert_eq!(view.groups[0].items[0].text, "Warm up with one kata");
    assert!(matches!(
        j.save_template(None, " ", vec![]),
        Err(Error::Invalid(_))
    ));
}

#[test]
fn follow_ups_are_scheduled_from_events() {
    let (j, c) = memory(NOW);
    let mut details = LeadDetails::new("Acme", "Backend Engineer", Source::RecruiterCall);
    details.dream_job = true;
    let l = j.add_lead(details).unwrap();
    let kinds = |j: &Journal| {
        let mut v: Vec<_> = j
            .follow_ups_for_lead(l.id)
            .unwrap()
            .into_iter()
            .filter(|f| f.is_open())
            .map(|f| f.kind)
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        kinds(&j),
        [FollowUpKind::ReplyOwed],
        "a recruiter reached out: reply owed"
    );
    let iv = j
        .schedule_interview(l.id, plan("2026-06-02T10:00:00+02:00[Europe/Paris]", 60))
        .unwrap()
        .interview;
    assert_eq!(
        kinds(&j),
        [FollowUpKind::ThankYou, FollowUpKind::CheckIn],
        "booking the interview answered the recruiter"
    );
    let check_in = j
        .follow_ups_for_lead(l.id)
        .unwrap()
        .into_iter()
        .find(|f| f.kind == FollowUpKind::CheckIn)
        .unwrap();
    assert_eq!(
        check_in.due.to_string(),
        "2026-06-09T11:00:00+02:00[Europe/Paris]",
        "a week after it ended"
    );

    // a word from them pushes the check-in out
    c.set(at("2026-06-05T09:00:00+02:00[Europe/Paris]"));
    j.record_outcome(iv.id, Outcome::Invited).unwrap();
    let check_in = j.follow_up(check_in.id).unwrap();
    assert_eq!(
        check_in.due.to_string(),
        "2026-06-12T09:00:00+02:00[Europe/Paris]"
    );

    // a "no" from a dream company: feedback request, reapply in a year; the check-in goes
    j.move_lead(l.id, Status::Rejected, None, "").unwrap();
    assert_eq!(
        kinds(&j),
        [
            FollowUpKind::ThankYou,
            FollowUpKind::FeedbackRequest,
            FollowUpKind::Reapply
        ]
    );
    let reapply = j
        .follow_ups_for_lead(l.id)
        .unwrap()
        .into_iter()
        .find(|f| f.kind == FollowUpKind::Reapply)
        .unwrap();
    assert_eq!(
        reapply.due.to_string(),
        "2027-06-05T09:00:00+02:00[Europe/Paris]"
    );
}

#[test]
fn a_promised_answer_date_gets_a_check_in_the_morning_after() {
    let (j, _) = memory(NOW);
    let l = acme(&j);
    let iv = j
        .schedule_interview(l.id, plan("2026-06-01T07:00:00+02:00[Europe/Paris]", 60))
        .unwrap()
        .interview;
    let d = j.start_debrief(Some(iv.id), None).unwrap();
    let body = DebriefBody {
        next_step: "They will call by Thursday".into(),
        next_step_by: chrono::NaiveDate::from_ymd_opt(2026, 6, 4),
        ..Default::default()
    };
    j.save_debrief(d.id, body.clone()).unwrap();
    j.save_debrief(d.id, body).unwrap();
    let promised: Vec<_> = j
        .follow_ups_for_lead(l.id)
        .unwrap()
        .into_iter()
        .filter(|f| {
            f.rule_key
                .as_deref()
                .is_some_and(|k| k.starts_with("promised:"))
        })
        .collect();
    assert_eq!(promised.len(), 1, "saving twice schedules once");
    assert_eq!(
        promised[0].due.to_string(),
        "2026-06-05T10:00:00+02:00[Europe/Paris]"
    );
}

#[test]
fn keep_in_touch_follows_the_cadence_and_completing_it_schedules_the_next() {
    let (j, c) = memory(NOW);
    let mut d = ContactDetails::named("Ada Park");
    d.company = "Acme".into();
    d.cadence_days = Some(30);
    let ada = j.add_contact(d.clone()).unwrap();
    let first = j.all_follow_ups().unwrap().pop().unwrap();
    assert_eq!(
        (first.kind, first.contact),
        (FollowUpKind::KeepInTouch, Some(ada.id))
    );
    assert_eq!(
        first.due.to_string(),
        "2026-07-01T09:00:00+02:00[Europe/Paris]"
    );
    c.set(first.due);
    j.complete_follow_up(first.id).unwrap();
    let open: Vec<_> = j
        .all_follow_ups()
        .unwrap()
        .into_iter()
        .filter(|f| f.is_open())
        .collect();
    assert_eq!(open.len(), 1);
    assert_eq!(
        open[0].due.to_string(),
        "2026-07-31T09:00:00+02:00[Europe/Paris]"
    );
    assert_eq!(j.contact(ada.id).unwrap().last_contact, Some(first.due));

    // moving company keeps the history
    d.company = "Globex".into();
    d.role = "CTO".into();
    let moved = j.edit_contact(ada.id, d).unwrap();
    let companies: Vec<_> = moved.history.iter().map(|p| p.company.as_str()).collect();
    assert_eq!(companies, ["Acme", "Globex"]);
    assert_eq!(j.company_history("globex").unwrap().contacts.len(), 1);
    assert!(j.company_history("ACME").unwrap().contacts.is_empty());
}

#[test]
fn did_i_already_talk_to_this_company() {
    let (j, _) = memory(NOW);
    let l = acme(&j);
    j.schedule_interview(l.id, plan("2026-06-03T10:00:00+02:00[Europe/Paris]", 60))
        .unwrap();
    let h = j.company_history("  ACME ").unwrap();
    assert_eq!((h.leads.len(), h.interviews.len()), (1, 1));
    assert!(j.company_history("Globex").unwrap().is_empty());
}

#[test]
fn today_lists_what_is_due_in_the_order_a_person_acts() {
    let (j, c) = memory(NOW);
    let l = j
        .add_lead(LeadDetails::new(
            "Acme",
            "Backend Engineer",
            Source::Inbound,
        ))
        .unwrap();
    let waiting = j
        .add_lead(LeadDetails::new("Globex", "Engineer", Source::Inbound))
        .unwrap();
    let past = j
        .schedule_interview(l.id, plan("2026-05-30T10:00:00+02:00[Europe/Paris]", 60))
        .unwrap()
        .interview;
    let soon = j
        .schedule_interview(l.id, plan("2026-06-02T08:00:00+02:00[Europe/Paris]", 60))
        .unwrap()
        .interview;
    c.set(at("2026-06-01T18:00:00+02:00[Europe/Paris]"));
    let items = j.today().unwrap();
    let kinds: Vec<&str> = items
        .iter()
        .map(|i| match i {
            TodayItem::Checklist { .. } => "checklist",
            TodayItem::WriteDebrief { .. } => "debrief",
            TodayItem::FollowUp { .. } => "follow-up",
            TodayItem::Silent { .. } => "silent",
            TodayItem::Practice { .. } => "practice",
        })
        .collect();
    assert_eq!(kinds, ["checklist", "debrief", "follow-up"], "{items:#?}");
    assert!(
        matches!(&items[0], TodayItem::Checklist { interview, about, .. } if *interview == soon.id && about == "Acme — Backend Engineer")
    );
    assert!(
        matches!(&items[1], TodayItem::WriteDebrief { interview, .. } if *interview == past.id)
    );
    assert!(
        matches!(&items[2], TodayItem::FollowUp { followup, overdue: true, .. } if followup.kind == FollowUpKind::ThankYou)
    );

    // writing the debrief and thanking them clears those rows
    j.start_debrief(Some(past.id), None).unwrap();
    if let TodayItem::FollowUp { followup, .. } = &items[2] {
        j.complete_follow_up(followup.id).unwrap();
    }
    let left: Vec<_> = j.today().unwrap();
    assert_eq!(left.len(), 1, "{left:#?}");
    assert!(matches!(left[0], TodayItem::Checklist { .. }));
    // the reply owed to an inbound lead falls due two days after it arrived
    // (Acme's was answered by booking its interviews)
    c.set(at("2026-06-03T09:30:00+02:00[Europe/Paris]"));
    assert!(j.today().unwrap().iter().any(
        |i| matches!(i, TodayItem::FollowUp { followup, .. } if followup.kind == FollowUpKind::ReplyOwed && followup.lead == Some(waiting.id))
    ));
}

#[test]
fn silence_is_offered_as_ghosted_never_applied() {
    let (j, c) = memory(NOW);
    let l = acme(&j);
    j.schedule_interview(l.id, plan("2026-06-01T10:00:00+02:00[Europe/Paris]", 60))
        .unwrap();
    c.set(at("2026-06-16T12:00:00+02:00[Europe/Paris]"));
    let silent = j
        .today()
        .unwrap()
        .into_iter()
        .filter(|i| matches!(i, TodayItem::Silent { .. }))
        .count();
    assert_eq!(silent, 1);
    assert_eq!(
        j.lead(l.id).unwrap().status,
        Status::Interviewing,
        "never changed silently"
    );
    j.move_lead(l.id, Status::Ghosted, None, "").unwrap();
    assert!(
        !j.today()
            .unwrap()
            .iter()
            .any(|i| matches!(i, TodayItem::Silent { .. }))
    );
}

#[test]
fn snooze_moves_a_follow_up_out_of_today() {
    let (j, c) = memory(NOW);
    let l = j
        .add_lead(LeadDetails::new("Acme", "Dev", Source::RecruiterCall))
        .unwrap();
    c.advance(Duration::days(3));
    let reply = j.follow_ups_for_lead(l.id).unwrap().pop().unwrap();
    assert_eq!(j.today().unwrap().len(), 1);
    assert!(matches!(
        j.snooze_follow_up(reply.id, at("2026-06-01T00:00:00Z[UTC]")),
        Err(Error::Invalid(_))
    ));
    j.snooze_follow_up(reply.id, at("2026-06-10T09:00:00+02:00[Europe/Paris]"))
        .unwrap();
    assert!(j.today().unwrap().is_empty());
    c.set(at("2026-06-10T10:00:00+02:00[Europe/Paris]"));
    assert_eq!(j.today().unwrap().len(), 1);
}

#[test]
fn offer_check_gathers_first_hand_flags_across_interviews() {
    let (j, c) = memory(NOW);
    let l = acme(&j);
    let mut debriefs = Vec::new();
    for (day, kind, prov) in [
        (1, RedFlagKind::VagueRole, Provenance::Seen),
        (3, RedFlagKind::HighTurnover, Provenance::Heard),
        (5, RedFlagKind::PressureToAccept, Provenance::Seen),
    ] {
        let start = at("2026-06-01T10:00:00+02:00[Europe/Paris]")
            .add_local_days(day)
            .unwrap();
        let mut p = InterviewPlan::new(
            start,
            45,
            InterviewKind::Video,
            Stage::Custom(format!("round {day}")),
        );
        p.goal = DEFAULT_GOAL.into();
        let iv = j.schedule_interview(l.id, p).unwrap().interview;
        c.set(start.add(Duration::hours(2)).unwrap());
        let d = j.start_debrief(Some(iv.id), None).unwrap();
        let body = DebriefBody {
            red_flags: vec![RedFlag {
                kind,
                detail: "seen".into(),
                provenance: prov,
            }],
            ..Default::default()
        };
        debriefs.push(j.save_debrief(d.id, body).unwrap().id);
    }
    j.move_lead(l.id, Status::Offer, None, "").unwrap();
    let check = j.offer_check(l.id).unwrap();
    assert_eq!(check.raised(), 2);
    assert_eq!(check.heard.len(), 1);
    assert_eq!(check.concerns[0].evidence[0].debrief, debriefs[0]);
    assert_eq!(j.offers().unwrap().len(), 1);
}

#[test]
fn search_finds_notes_by_partial_word_any_case() {
    let (j, _) = memory(NOW);
    let l = acme(&j);
    kubernetes_notes(&j, l.id);
    let hits = j.search("kuber METAL", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert!(hits[0].snippet.contains("Kubernetes"));
    assert_eq!(
        j.search("acme", 10).unwrap()[0].title,
        "Acme — Backend Engineer"
    );
    assert!(j.search("zzz", 10).unwrap().is_empty());
    assert!(j.search("   ", 10).unwrap().is_empty());
}

#[test]
fn bad_input_gets_a_typed_error_and_changes_nothing() {
    let (j, _) = memory(NOW);
    let l = acme(&j);
    let d = j.start_debrief(None, Some(l.id)).unwrap();
    let before = snapshot(&j);

    let e = j
        .add_lead(LeadDetails::new("", "Engineer", Source::JobBoard))
        .unwrap_err();
    assert!(
        matches!(&e, Error::Invalid(i) if i.field == "company" && i.problem == Problem::Empty),
        "{e}"
    );

    let e = j
        .schedule_interview(l.id, plan("2026-06-03T10:00:00+02:00[Europe/Paris]", 0))
        .unwrap_err();
    assert!(
        matches!(&e, Error::Invalid(i) if i.problem == Problem::EndBeforeStart),
        "{e}"
    );

    assert!(Rating::new("confidence_after", 9).is_err());
    let e =
        serde_json::from_str::<DebriefBody>(r#"{"feel":9,"confidence":null,"next_step_by":null}"#);
    assert!(e.is_err(), "a 9 cannot even be decoded");

    let huge = DebriefBody {
        notes: "x".repeat(10 * 1024 * 1024),
        ..Default::default()
    };
    let e = j.save_debrief(d.id, huge).unwrap_err();
    assert!(matches!(&e, Error::Invalid(i) if i.field == "notes"), "{e}");
    assert_eq!(
        j.debrief(d.id).unwrap().body.notes,
        "",
        "the earlier text is kept"
    );

    let ghost = LeadId(uuid::Uuid::from_u128(42));
    let e = j.decide(ghost, Decision::Take).unwrap_err();
    assert!(matches!(&e, Error::NotFound { kind: "lead", .. }), "{e}");
    assert!(e.to_string().starts_with("no lead with id"));
    let e = j
        .schedule_interview(ghost, plan("2026-06-03T10:00:00+02:00[Europe/Paris]", 30))
        .unwrap_err();
    assert!(matches!(e, Error::NotFound { .. }));
    let mut p = plan("2026-06-03T10:00:00+02:00[Europe/Paris]", 30);
    p.people = vec![ContactId(uuid::Uuid::from_u128(5))];
    assert!(matches!(
        j.schedule_interview(l.id, p),
        Err(Error::NotFound {
            kind: "contact",
            ..
        })
    ));
    let e = j
        .start_debrief(Some(InterviewId(uuid::Uuid::from_u128(9))), None)
        .unwrap_err();
    assert!(matches!(
        e,
        Error::NotFound {
            kind: "interview",
            ..
        }
    ));

    let bad_pay = LeadDetails {
        pay: Some(PayRange {
            min: Some(10),
            max: Some(5),
            currency: "EUR".into(),
            period: PayPeriod::Year,
        }),
        ..LeadDetails::new("Acme", "Dev", Source::JobBoard)
    };
    assert!(matches!(j.add_lead(bad_pay), Err(Error::Invalid(_))));
    assert!(matches!(
        j.update_settings(Settings {
            ghost_after_days: 0,
            ..Settings::default()
        }),
        Err(Error::Invalid(_))
    ));

    assert_eq!(snapshot(&j), before, "no failed command wrote anything");
}

#[test]
fn dates_the_journal_could_not_read_back_are_refused_before_writing() {
    let (j, _) = memory(NOW);
    let l = acme(&j);
    let before = snapshot(&j);
    let far = Stamp::new(
        "9999-12-31T23:59:59Z".parse().unwrap(),
        chrono_tz::Asia::Tokyo,
    );
    let e = j
        .add_follow_up(NewFollowUp {
            kind: FollowUpKind::ReplyOwed,
            due: far,
            lead: Some(l.id),
            interview: None,
            contact: None,
            note: String::new(),
        })
        .unwrap_err();
    assert!(
        matches!(&e, Error::Invalid(i) if i.field == "due" && i.problem == Problem::DateOutOfRange),
        "{e}"
    );
    // the interview itself fits, but its check-in a week later would not
    let e = j
        .schedule_interview(l.id, plan("9999-12-30T22:00:00+01:00[Europe/Paris]", 60))
        .unwrap_err();
    assert!(matches!(e, Error::Time(TimeError::OutOfRange)), "{e}");
    assert_eq!(snapshot(&j), before);
    j.export_json().unwrap();
}

#[test]
fn an_answered_promise_stays_answered_when_the_debrief_moves() {
    let (j, _) = memory(NOW);
    let l = acme(&j);
    let first = j
        .schedule_interview(l.id, plan("2026-06-01T07:00:00+02:00[Europe/Paris]", 30))
        .unwrap()
        .interview;
    let second = j
        .schedule_interview(l.id, plan("2026-06-01T08:00:00+02:00[Europe/Paris]", 30))
        .unwrap()
        .interview;
    let d = j.start_debrief(Some(first.id), None).unwrap();
    let body = DebriefBody {
        next_step_by: chrono::NaiveDate::from_ymd_opt(2026, 6, 4),
        ..Default::default()
    };
    j.save_debrief(d.id, body).unwrap();
    let open_promises = |j: &Journal| {
        j.follow_ups_for_lead(l.id)
            .unwrap()
            .into_iter()
            .filter(|f| {
                f.is_open()
                    && f.rule_key
                        .as_deref()
                        .is_some_and(|k| k.starts_with("promised:"))
            })
            .count()
    };
    assert_eq!(open_promises(&j), 1);
    j.record_word(l.id).unwrap();
    assert_eq!(open_promises(&j), 0, "a word from them answers the promise");
    j.attach_debrief(d.id, second.id).unwrap();
    assert_eq!(
        open_promises(&j),
        0,
        "moving the debrief does not bring it back"
    );
}

#[test]
fn prep_lists_interviews_not_over_yet_soonest_first() {
    let (j, c) = memory(NOW);
    let l = acme(&j);
    let over = j
        .schedule_interview(l.id, plan("2026-06-01T07:00:00+02:00[Europe/Paris]", 60))
        .unwrap()
        .interview;
    let under_way = j
        .schedule_interview(l.id, plan("2026-06-01T08:30:00+02:00[Europe/Paris]", 60))
        .unwrap()
        .interview;
    let later = j
        .schedule_interview(l.id, plan("2026-06-03T10:00:00+02:00[Europe/Paris]", 60))
        .unwrap()
        .interview;
    let gone = j
        .schedule_interview(l.id, plan("2026-06-02T10:00:00+02:00[Europe/Paris]", 60))
        .unwrap()
        .interview;
    j.cancel_interview(gone.id).unwrap();
    c.set(at("2026-06-01T09:00:00+02:00[Europe/Paris]"));
    let ids: Vec<_> = j
        .interviews_not_over(10)
        .unwrap()
        .into_iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(ids, [under_way.id, later.id], "not {:?}", over.id);
    assert_eq!(j.interviews_not_over(1).unwrap().len(), 1);
}

#[test]
fn an_unfinished_debrief_is_offered_again_for_two_hours() {
    let (j, clock) = memory("2026-06-01T17:00:00+02:00[Europe/Paris]");
    let lead = acme(&j);
    let iv = j
        .schedule_interview(lead.id, plan("2026-06-01T15:00:00+02:00[Europe/Paris]", 60))
        .unwrap()
        .interview;
    assert_eq!(
        j.draft_to_resume(None).unwrap(),
        None,
        "nothing written yet"
    );
    let d = j.start_debrief(Some(iv.id), None).unwrap();
    let body = DebriefBody {
        went_well: "Explained the migration clearly".into(),
        ..Default::default()
    };
    j.save_debrief(d.id, body.clone()).unwrap();
    clock.advance(chrono::Duration::minutes(RESUME_WITHIN_MINUTES - 1));
    let back = j.draft_to_resume(None).unwrap().expect("offered again");
    assert_eq!(back.body, body);
    assert_eq!(
        j.draft_to_resume(Some(iv.id)).unwrap().map(|d| d.id),
        Some(d.id)
    );
    let other = j
        .schedule_interview(lead.id, plan("2026-06-09T15:00:00+02:00[Europe/Paris]", 60))
        .unwrap()
        .interview;
    assert_eq!(
        j.draft_to_resume(Some(other.id)).unwrap(),
        None,
        "about another interview"
    );
    clock.advance(chrono::Duration::minutes(2));
    assert_eq!(
        j.draft_to_resume(None).unwrap(),
        None,
        "too old: start blank"
    );
}

#[test]
fn a_thank_you_is_filled_from_the_record_and_the_users_wording_is_kept() {
    use reps_core::rules::messages::{MessageKind, Template, default_template};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.redb");
    let clock = clock("2026-06-01T17:00:00+02:00[Europe/Paris]");
    let j = Journal::open(&path, clock.clone()).unwrap();
    let lead = acme(&j);
    let ada = j.add_contact(ContactDetails::named("Ada Park")).unwrap();
    let mut p = plan("2026-06-01T14:00:00+02:00[Europe/Paris]", 60);
    p.people = vec![ada.id];
    let iv = j.schedule_interview(lead.id, p).unwrap().interview;
    let d = j.start_debrief(Some(iv.id), None).unwrap();
    j.save_debrief(
        d.id,
        DebriefBody {
            next_step: "a call by Friday".into(),
            ..Default::default()
        },
    )
    .unwrap();
    j.update_settings(Settings {
        my_name: "Sam".into(),
        ..j.settings().unwrap()
    })
    .unwrap();

    let about = MessageAbout {
        interview: Some(iv.id),
        ..Default::default()
    };
    let thanks = j.draft_message(MessageKind::ThankYou, &about).unwrap();
    assert_eq!(thanks.subject, "Thank you — Backend Engineer");
    assert!(thanks.body.starts_with("Hi Ada,"), "{}", thanks.body);
    // written the day of the interview
    assert!(thanks.body.contains("your time today."), "{}", thanks.body);
    assert!(
        thanks.body.contains("Backend Engineer role at Acme"),
        "{}",
        thanks.body
    );
    // the user's own note on what comes next stays theirs
    assert!(!thanks.body.contains("a call by Friday"), "{}", thanks.body);
    assert!(
        thanks
            .body
            .contains("I look forward to hearing about the next steps."),
        "{}",
        thanks.body
    );
    assert!(thanks.body.ends_with("Sam"), "{}", thanks.body);

    // sending it (by hand) completes the thank-you follow-up of that interview
    let waiting: Vec<FollowUp> = j
        .all_follow_ups()
        .unwrap()
        .into_iter()
        .filter(|f| f.is_open() && f.kind == FollowUpKind::ThankYou && f.interview == Some(iv.id))
        .collect();
    assert_eq!(waiting.len(), 1, "a thank-you is due after the interview");
    let done = j
        .mark_message_sent(MessageKind::ThankYou, &about)
        .unwrap()
        .expect("the thank-you follow-up");
    assert_eq!(done.id, waiting[0].id);
    assert!(!done.is_open());
    assert_eq!(
        j.mark_message_sent(MessageKind::ThankYou, &about).unwrap(),
        None,
        "nothing left to complete"
    );
    assert_eq!(
        j.mark_message_sent(MessageKind::Withdraw, &about).unwrap(),
        None,
        "a withdrawal completes no follow-up"
    );
    // each is in the lead's history, in the order sent
    let lead = j.lead(iv.lead).unwrap();
    let sent: Vec<&str> = lead.messages_sent.iter().map(|m| m.what.as_str()).collect();
    assert_eq!(
        sent,
        ["Sent a thank-you", "Sent a thank-you", "Wrote to withdraw"]
    );
    let history = wording::history(&lead);
    assert!(
        history.last().unwrap().ends_with(" · Wrote to withdraw"),
        "{history:?}"
    );

    // the user's own wording is kept in the journal, across a reopen
    let own = Template {
        subject: "Thanks!".into(),
        body: "Thanks {name}, talk soon[ about {next_step}].".into(),
    };
    j.save_message_template(MessageKind::ThankYou, own.clone())
        .unwrap();
    drop(j);
    let j = Journal::open(&path, clock).unwrap();
    assert_eq!(j.message_template(MessageKind::ThankYou).unwrap(), own);
    assert_eq!(
        j.draft_message(MessageKind::ThankYou, &about).unwrap().body,
        "Thanks Ada, talk soon about a call by Friday."
    );
    // an empty body is refused by field, and nothing changes
    let err = j
        .save_message_template(
            MessageKind::ThankYou,
            Template {
                subject: String::new(),
                body: " ".into(),
            },
        )
        .unwrap_err();
    assert!(
        matches!(&err, Error::Invalid(i) if i.field == "body"),
        "{err:?}"
    );
    assert_eq!(j.message_template(MessageKind::ThankYou).unwrap(), own);
    // and Reps' wording comes back on request
    j.reset_message_template(MessageKind::ThankYou).unwrap();
    assert_eq!(
        j.message_template(MessageKind::ThankYou).unwrap(),
        default_template(MessageKind::ThankYou)
    );
}

#[test]
fn a_reply_owed_is_answered_by_being_in_touch_and_not_before() {
    let c = clock("2026-06-01T09:00:00+02:00[Europe/Paris]");
    let j = Journal::in_memory(c.clone()).unwrap();
    let reply_of = |j: &Journal, lead: LeadId| {
        j.follow_ups_for_lead(lead)
            .unwrap()
            .into_iter()
            .find(|f| f.kind == FollowUpKind::ReplyOwed)
            .expect("a reply is planned")
    };
    let owed_on_today = |j: &Journal, lead: LeadId| {
        j.today().unwrap().iter().any(|i| {
            matches!(i, TodayItem::FollowUp { followup, .. }
                if followup.kind == FollowUpKind::ReplyOwed && followup.lead == Some(lead))
        })
    };
    let recruiter = |company: &str, source: Source| {
        j.add_lead(LeadDetails::new(company, "Engineer", source))
            .unwrap()
    };
    let undecided = recruiter("Acme", Source::RecruiterCall);
    let taken = recruiter("Globex", Source::RecruiterCall);
    let booked = recruiter("Initech", Source::Referral);
    let heard = recruiter("Umbrella", Source::Inbound);
    let passed = recruiter("Hooli", Source::RecruiterCall);

    j.decide(taken.id, Decision::Take).unwrap();
    j.decide(booked.id, Decision::Take).unwrap();
    j.schedule_interview(
        booked.id,
        plan("2026-06-03T10:00:00+02:00[Europe/Paris]", 60),
    )
    .unwrap();
    j.record_word(heard.id).unwrap();
    j.decide(
        passed.id,
        Decision::Pass {
            reason: PassReason::OutsideSkills,
            note: String::new(),
        },
    )
    .unwrap();
    j.record_word(passed.id).unwrap();

    assert!(
        reply_of(&j, undecided.id).is_open(),
        "not decided: still owed"
    );
    assert!(
        reply_of(&j, taken.id).is_open(),
        "taken, not booked: still owed"
    );
    assert!(
        matches!(reply_of(&j, booked.id).state, FollowUpState::Done(_)),
        "booking the interview answered it"
    );
    assert!(
        matches!(reply_of(&j, heard.id).state, FollowUpState::Done(_)),
        "a word from them answered it"
    );
    assert!(
        reply_of(&j, passed.id).is_open(),
        "a pass still owes the decline"
    );

    // weeks later, through two interviews, Today asks only for what is owed
    c.set(at("2026-06-03T12:00:00+02:00[Europe/Paris]"));
    let second = j
        .schedule_interview(
            booked.id,
            plan("2026-06-10T10:00:00+02:00[Europe/Paris]", 60),
        )
        .unwrap();
    j.record_outcome(second.interview.id, Outcome::Invited)
        .unwrap();
    c.set(at("2026-06-30T09:00:00+02:00[Europe/Paris]"));
    assert!(!owed_on_today(&j, booked.id), "no reply left overdue");
    assert!(owed_on_today(&j, undecided.id));
    assert!(owed_on_today(&j, passed.id));
    // the row says who is owed the reply, and opens the lead to give it
    let rows = j.today_rows().unwrap();
    let row = rows
        .iter()
        .find(|r| r.goes_to == GoesTo::Lead(undecided.id))
        .expect("the undecided lead's reply is on Today");
    assert_eq!(row.title, "Reply to the recruiter");
    assert!(
        row.detail.starts_with("Acme — Engineer · was due "),
        "{}",
        row.detail
    );
    let heard_row = rows.iter().find(|r| r.goes_to == GoesTo::Lead(heard.id));
    assert!(heard_row.is_none(), "answered");

    // sending the decline answers the pass, as before
    let about = MessageAbout {
        lead: Some(passed.id),
        ..MessageAbout::default()
    };
    let done = j
        .mark_message_sent(
            reps_core::rules::messages::MessageKind::DeclineInterview,
            &about,
        )
        .unwrap()
        .expect("the decline answers the reply");
    assert_eq!(done.kind, FollowUpKind::ReplyOwed);
    assert!(!owed_on_today(&j, passed.id));
}

#[test]
fn a_lead_page_offers_the_moves_and_messages_that_fit_where_it_stands() {
    use reps_core::rules::messages::MessageKind as K;
    let (j, c) = memory(NOW);
    let passed = j
        .add_lead(LeadDetails::new("Hooli", "Engineer", Source::JobBoard))
        .unwrap();
    j.decide(
        passed.id,
        Decision::Pass {
            reason: PassReason::OutsideSkills,
            note: String::new(),
        },
    )
    .unwrap();
    let page = j.lead_page(passed.id).unwrap();
    let reconsider = page
        .moves
        .iter()
        .find(|m| m.to == Status::Taking)
        .expect("a pass can be reconsidered from its page");
    assert_eq!(reconsider.label, "Reconsider: take the interview");
    assert!(!reconsider.closes);

    let l = acme(&j);
    let kinds = |p: &LeadPage| p.messages.iter().map(|(k, _)| *k).collect::<Vec<_>>();
    // no interview yet: nothing to move, decline or thank for
    let page = j.lead_page(l.id).unwrap();
    for k in [K::ThankYou, K::Reschedule, K::DeclineInterview] {
        assert!(!kinds(&page).contains(&k), "{k:?} before any interview");
    }
    let [first, second] = book(
        &j,
        l.id,
        &[
            ("2026-06-01T10:00:00+02:00[Europe/Paris]", 60),
            ("2026-06-08T10:00:00+02:00[Europe/Paris]", 60),
        ],
    )
    .try_into()
    .unwrap();
    // before the first: both can be moved, no outcome asked, no thank-you yet
    let page = j.lead_page(l.id).unwrap();
    assert_eq!(page.ahead, vec![first.id, second.id]);
    assert!(page.awaiting_outcome.is_empty());
    assert!(!kinds(&page).contains(&K::ThankYou));
    assert!(
        !kinds(&page).contains(&K::CheckIn),
        "no check-in while an interview is ahead"
    );
    let move_it = page
        .messages
        .iter()
        .find(|(k, _)| *k == K::Reschedule)
        .unwrap();
    assert_eq!(
        move_it.1,
        MessageFor::Interview(first.id),
        "about the next one"
    );
    // after the first: a next round is already booked, so its outcome is
    // not asked; the thank-you is about it, only the second moves
    c.set(at("2026-06-01T12:00:00+02:00[Europe/Paris]"));
    let page = j.lead_page(l.id).unwrap();
    assert_eq!(page.ahead, vec![second.id]);
    assert!(page.awaiting_outcome.is_empty());
    assert_eq!(page.standing[0], (first.id, "A next round followed".into()));
    assert_eq!(page.standing[1], (second.id, "Coming up".into()));
    let thanks = page
        .messages
        .iter()
        .find(|(k, _)| *k == K::ThankYou)
        .unwrap();
    assert_eq!(thanks.1, MessageFor::Interview(first.id));
    let rejected = page
        .moves
        .iter()
        .find(|m| m.to == Status::Rejected)
        .unwrap();
    assert!(rejected.closes, "a final outcome asks once more");
    // once the last round is held, its outcome is asked; given, no more
    c.set(at("2026-06-30T12:00:00+02:00[Europe/Paris]"));
    assert_eq!(j.lead_page(l.id).unwrap().awaiting_outcome, vec![second.id]);
    j.record_outcome(second.id, Outcome::Invited).unwrap();
    assert!(j.lead_page(l.id).unwrap().awaiting_outcome.is_empty());
    assert!(page.flags_seen.is_empty());
}

#[test]
fn a_message_greets_the_person_picked_and_is_signed_once_a_name_is_given() {
    use reps_core::rules::messages::MessageKind;
    let (j, _c) = memory(NOW);
    let lead = acme(&j);
    let ada = j.add_contact(ContactDetails::named("Ada Park")).unwrap();
    let bo = j.add_contact(ContactDetails::named("Bo Lind")).unwrap();
    let mut p = plan("2026-06-01T08:00:00+02:00[Europe/Paris]", 60);
    p.people = vec![ada.id, bo.id];
    let iv = j.schedule_interview(lead.id, p).unwrap().interview;
    let about = MessageAbout {
        interview: Some(iv.id),
        ..Default::default()
    };

    let first = j.message(MessageKind::ThankYou, &about).unwrap();
    assert_eq!(
        first.people,
        vec![
            (ada.id, "Ada Park".to_string()),
            (bo.id, "Bo Lind".to_string())
        ]
    );
    assert_eq!(
        first.greeting,
        Some(ada.id),
        "the first person met by default"
    );
    assert!(first.draft.body.starts_with("Hi Ada,"));
    assert_eq!(first.signed_as, None, "no name yet: the screen asks for it");
    assert!(first.draft.body.ends_with("Best regards,"));

    let to_bo = MessageAbout {
        contact: Some(bo.id),
        ..about.clone()
    };
    let second = j.message(MessageKind::ThankYou, &to_bo).unwrap();
    assert_eq!(second.greeting, Some(bo.id));
    assert!(
        second.draft.body.starts_with("Hi Bo,"),
        "{}",
        second.draft.body
    );

    j.set_my_name("  Sam Rivera ").unwrap();
    let signed = j.message(MessageKind::ThankYou, &to_bo).unwrap();
    assert_eq!(signed.signed_as.as_deref(), Some("Sam Rivera"));
    assert!(
        signed.draft.body.ends_with("Best regards,\nSam Rivera"),
        "{}",
        signed.draft.body
    );
    // a name too long for a signature is refused, and the old one kept
    assert!(j.set_my_name(&"x".repeat(10_000)).is_err());
    assert_eq!(j.settings().unwrap().my_name, "Sam Rivera");
}

#[test]
fn a_thank_you_shows_only_once_its_interview_is_over() {
    let (j, c) = memory("2026-06-01T08:00:00+02:00[Europe/Paris]");
    let l = acme(&j);
    let [morning, evening] = book(
        &j,
        l.id,
        &[
            ("2026-06-01T09:00:00+02:00[Europe/Paris]", 60),
            ("2026-06-01T17:00:00+02:00[Europe/Paris]", 60),
        ],
    )
    .try_into()
    .unwrap();
    let thanks = |j: &Journal| -> Vec<InterviewId> {
        j.today()
            .unwrap()
            .into_iter()
            .filter_map(|i| match i {
                TodayItem::FollowUp { followup, .. } if followup.kind == FollowUpKind::ThankYou => {
                    followup.interview
                }
                _ => None,
            })
            .collect()
    };
    // 16:10: the morning interview is over, the evening one 50 minutes away
    c.set(at("2026-06-01T16:10:00+02:00[Europe/Paris]"));
    assert_eq!(
        thanks(&j),
        vec![morning.id],
        "one card, for the interview that happened"
    );
    // after the evening interview, its own thank-you joins
    c.set(at("2026-06-01T18:30:00+02:00[Europe/Paris]"));
    let mut both = thanks(&j);
    both.sort();
    let mut want = vec![morning.id, evening.id];
    want.sort();
    assert_eq!(both, want);
    // the same rule as a pure function
    let f = j
        .all_follow_ups()
        .unwrap()
        .into_iter()
        .find(|f| f.interview == Some(evening.id))
        .unwrap();
    let before = at("2026-06-01T17:59:00+02:00[Europe/Paris]");
    assert!(reps_core::rules::today::waits_for_interview(
        &f,
        Some(&evening),
        before
    ));
    assert!(!reps_core::rules::today::waits_for_interview(
        &f,
        Some(&evening),
        at("2026-06-01T18:00:00+02:00[Europe/Paris]")
    ));
}

#[test]
fn capture_never_puts_back_another_interviews_notes() {
    let (j, c) = memory("2026-06-01T08:00:00+02:00[Europe/Paris]");
    let l = acme(&j);
    let [loop_one, loop_two] = book(
        &j,
        l.id,
        &[
            ("2026-06-01T10:00:00+02:00[Europe/Paris]", 60),
            ("2026-06-01T11:15:00+02:00[Europe/Paris]", 45),
        ],
    )
    .try_into()
    .unwrap();
    // notes in the car park after the first round
    c.set(at("2026-06-01T11:05:00+02:00[Europe/Paris]"));
    let first = j.start_debrief(Some(loop_one.id), None).unwrap();
    j.save_debrief(
        first.id,
        DebriefBody {
            notes: "system design went fine".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        j.draft_to_resume(None).unwrap().map(|d| d.id),
        Some(first.id)
    );
    // the second round has ended: + is about it, with a blank page
    c.set(at("2026-06-01T12:05:00+02:00[Europe/Paris]"));
    assert_eq!(j.just_ended().unwrap().map(|i| i.id), Some(loop_two.id));
    assert_eq!(
        j.draft_to_resume(None).unwrap(),
        None,
        "not the first round's notes"
    );
    // the first round's notes still come back where they belong
    assert_eq!(
        j.draft_to_resume(Some(loop_one.id)).unwrap().map(|d| d.id),
        Some(first.id)
    );
}

#[test]
fn a_lead_swiped_up_goes_to_the_back_of_the_deck() {
    let (j, c) = memory(NOW);
    let first = j
        .add_lead(LeadDetails::new("Acme", "Dev", Source::JobBoard))
        .unwrap();
    c.advance(Duration::minutes(1));
    let second = j
        .add_lead(LeadDetails::new("Globex", "SRE", Source::JobBoard))
        .unwrap();
    c.advance(Duration::minutes(1));
    j.decide(second.id, Decision::NeedInfo).unwrap();
    c.advance(Duration::minutes(1));
    // the oldest lead, swiped up: it does not come straight back on top
    j.decide(first.id, Decision::NeedInfo).unwrap();
    let deck: Vec<_> = j.deck().unwrap().into_iter().map(|l| l.id).collect();
    assert_eq!(deck, [second.id, first.id]);
    assert_eq!(j.next_in_deck().unwrap().map(|l| l.id), Some(second.id));
}

#[test]
fn a_search_hit_in_a_debrief_opens_that_debrief_and_a_person_the_people_list() {
    let (j, _) = memory(NOW);
    let l = acme(&j);
    let d = kubernetes_notes(&j, l.id);
    let c = j.add_contact(ContactDetails::named("Kubo Tanaka")).unwrap();
    let hits = j.search_results("kub", 10).unwrap();
    let to = |target| {
        hits.iter()
            .find(|r| r.hit.target == target)
            .and_then(|r| r.goes_to)
    };
    use reps_core::rules::search::Target;
    assert_eq!(to(Target::Debrief(d.id)), Some(GoesTo::Debrief(d.id)));
    assert_eq!(to(Target::Contact(c.id)), Some(GoesTo::People));
    let lead_hit = j.search_results("acme", 10).unwrap();
    assert_eq!(lead_hit[0].goes_to, Some(GoesTo::Lead(l.id)));
    // a debrief is named by its interview, once it has one
    let iv = j
        .schedule_interview(l.id, plan("2026-06-01T10:00:00+02:00[Europe/Paris]", 45))
        .unwrap()
        .interview;
    j.attach_debrief(d.id, iv.id).unwrap();
    let hit = j.search_results("kubernetes", 10).unwrap();
    assert_eq!(hit[0].hit.title, "Notes on the Screen interview, 1 Jun");
    // the person's own name is not repeated beneath it
    let kubo = j.search_results("kubo", 10).unwrap();
    assert_eq!(kubo[0].hit.title, "Kubo Tanaka");
    assert_ne!(kubo[0].hit.snippet, "Kubo Tanaka");
}

#[test]
fn people_are_linked_to_the_interviews_they_were_in() {
    let (j, _) = memory(NOW);
    let l = acme(&j);
    let [first, second] = book(
        &j,
        l.id,
        &[
            ("2026-06-01T10:00:00+02:00[Europe/Paris]", 45),
            ("2026-06-01T14:00:00+02:00[Europe/Paris]", 45),
        ],
    )
    .try_into()
    .unwrap();
    // someone new, met at the first: one command adds and links them
    let maya = j
        .add_person_met(
            first.id,
            ContactDetails {
                company: "Acme".into(),
                email: "maya@acme.example".into(),
                ..ContactDetails::named("Maya Chen")
            },
        )
        .unwrap();
    assert_eq!(j.interview(first.id).unwrap().plan.people, [maya.id]);
    // a wrong email adds nobody and links nothing
    let before = snapshot(&j);
    let e = j
        .add_person_met(
            second.id,
            ContactDetails {
                email: "maya at acme".into(),
                ..ContactDetails::named("Typo")
            },
        )
        .unwrap_err();
    assert!(
        matches!(e, Error::Invalid(ref i) if i.field == "email"),
        "{e}"
    );
    assert_eq!(snapshot(&j), before);
    // the lead's page offers everyone known at the company for the second
    let page = j.lead_page(l.id).unwrap();
    assert_eq!(
        page.people.iter().map(|p| p.id).collect::<Vec<_>>(),
        [maya.id]
    );
    j.set_met(second.id, maya.id, true).unwrap();
    j.set_met(second.id, maya.id, true).unwrap(); // twice is still once
    assert_eq!(j.interview(second.id).unwrap().plan.people, [maya.id]);
    // the People screen says where they were met
    let people = j.people().unwrap();
    assert_eq!(
        people[0]
            .met_at
            .iter()
            .map(|(lead, _)| *lead)
            .collect::<Vec<_>>(),
        [l.id, l.id]
    );
    assert!(
        people[0].met_at[0]
            .1
            .starts_with("Acme · Screen interview, "),
        "{:?}",
        people[0].met_at
    );
    // a thank-you for the first is addressed to her
    let draft = j
        .message(
            reps_core::rules::messages::MessageKind::ThankYou,
            &MessageAbout {
                interview: Some(first.id),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(draft.emails, [(maya.id, "maya@acme.example".to_string())]);
    j.set_met(second.id, maya.id, false).unwrap();
    assert!(j.interview(second.id).unwrap().plan.people.is_empty());
    // linking someone who is not in the journal is refused
    let ghost = ContactId(uuid::Uuid::now_v7());
    assert!(j.set_met(second.id, ghost, true).is_err());
}

#[test]
fn this_week_shows_pushed_follow_ups_offer_deadlines_and_last_week_s_lessons() {
    let (j, c) = memory(NOW); // Monday 1 June, 09:00
    let l = j
        .add_lead(LeadDetails::new("Acme", "Dev", Source::RecruiterCall))
        .unwrap();
    c.advance(Duration::days(3)); // Thursday: the reply is owed today
    let reply = j.follow_ups_for_lead(l.id).unwrap().pop().unwrap();
    assert!(
        j.this_week().unwrap().ahead.is_empty(),
        "today's is on Today, not this week"
    );
    // pushed to Tuesday: gone from Today, there under this week
    j.snooze_to_morning_of(
        reply.id,
        chrono::NaiveDate::from_ymd_opt(2026, 6, 9).unwrap(),
    )
    .unwrap();
    assert!(j.today().unwrap().is_empty());
    let week = j.this_week().unwrap();
    assert_eq!(week.ahead.len(), 1, "{week:?}");
    assert_eq!(week.ahead[0].day, "Tue 9 Jun");
    assert_eq!(week.ahead[0].about, "Acme — Dev");
    assert_eq!(week.ahead[0].goes_to, GoesTo::Lead(l.id));
    // an interview on Monday: its thank-you is not planned before it is held
    let k = j
        .add_lead(LeadDetails::new("Kestrel", "Dev", Source::JobBoard))
        .unwrap();
    j.decide(k.id, Decision::Take).unwrap();
    book(&j, k.id, &[("2026-06-08T10:00:00+02:00[Europe/Paris]", 60)]);
    let week = j.this_week().unwrap();
    assert!(
        week.ahead.iter().all(|r| r.title != "Send a thank-you"),
        "{:?}",
        week.ahead
    );
    // an offer that wants its answer on Saturday comes before it
    let g = j
        .add_lead(LeadDetails::new("Globex", "Data", Source::Referral))
        .unwrap();
    j.decide(g.id, Decision::Take).unwrap();
    let [iv] = book(&j, g.id, &[("2026-06-03T10:00:00+02:00[Europe/Paris]", 60)])
        .try_into()
        .unwrap();
    j.move_lead(g.id, Status::Offer, None, "").unwrap();
    j.set_offer(
        g.id,
        Offer {
            respond_by: Some(at("2026-06-06T17:00:00+02:00[Europe/Paris]")),
            ..Default::default()
        },
    )
    .unwrap();
    // and what the interview on Wednesday taught
    let d = j.start_debrief(Some(iv.id), None).unwrap();
    j.save_debrief(
        d.id,
        DebriefBody {
            improve: "Salary question caught me off guard".into(),
            to_improve: vec![Skill::SalaryTalk],
            ..Default::default()
        },
    )
    .unwrap();
    let week = j.this_week().unwrap();
    let titles: Vec<_> = week
        .ahead
        .iter()
        .map(|r| (r.day.as_str(), r.title.as_str()))
        .collect();
    assert_eq!(titles[0], ("Sat 6 Jun", "Answer the offer"), "{titles:?}");
    assert_eq!(titles[1].0, "Tue 9 Jun");
    assert_eq!(week.lessons.len(), 1);
    assert_eq!(week.lessons[0].text, "Salary question caught me off guard");
    assert_eq!(week.lessons[0].work_on, ["Salary talk"]);
    assert_eq!(week.lessons[0].goes_to, GoesTo::Debrief(d.id));
    // eight days on, the lesson and the passed follow-up are last week's
    c.set(at("2026-06-12T09:00:00+02:00[Europe/Paris]"));
    let week = j.this_week().unwrap();
    assert!(week.lessons.is_empty(), "{week:?}");
}

#[test]
fn the_checklist_opens_at_the_section_for_now_with_what_to_hold_at_the_door() {
    let (j, c) = memory(NOW);
    let l = acme(&j);
    let first = j
        .schedule_interview(l.id, plan("2026-06-01T10:00:00+02:00[Europe/Paris]", 45))
        .unwrap()
        .interview;
    c.advance(Duration::hours(2));
    let d = j.start_debrief(Some(first.id), None).unwrap();
    j.save_debrief(
        d.id,
        DebriefBody {
            questions: vec![Question::new("Who would I report to?")],
            to_improve: vec![Skill::SalaryTalk, Skill::Examples],
            strengths: vec![Skill::Composure],
            ..Default::default()
        },
    )
    .unwrap();
    let mut next = plan("2026-06-05T10:00:00+02:00[Europe/Paris]", 60);
    next.place = "Acme HQ, 4th floor".into();
    let second = j.schedule_interview(l.id, next).unwrap().interview;
    j.add_person_met(second.id, ContactDetails::named("Maya Chen"))
        .unwrap();

    // three days before: the day-before section
    let page = j.checklist_page(second.id).unwrap();
    assert_eq!(page.view.now, When::DayBefore);
    // fifty minutes before: the hour before
    c.set(at("2026-06-05T09:10:00+02:00[Europe/Paris]"));
    let page = j.checklist_page(second.id).unwrap();
    assert_eq!(page.view.now, When::HourBefore);
    // "skim your notes from the last round" opens the first round's debrief
    let notes = page
        .view
        .groups
        .iter()
        .flat_map(|g| &g.items)
        .find(|i| i.text.contains("notes from the last round"))
        .unwrap();
    assert_eq!(notes.opens, Some(d.id));

    let door = &page.walking_in;
    assert_eq!(door.title, "Acme — Backend Engineer");
    assert!(
        door.when.starts_with("Fri 5 Jun, 10:00 · "),
        "{}",
        door.when
    );
    assert_eq!(door.place, "Acme HQ, 4th floor");
    assert_eq!(door.people, ["Maya Chen"]);
    assert_eq!(door.open_questions, ["Who would I report to?"]);
    assert_eq!(door.weak_spots, ["Examples & stories", "Salary talk"]);

    // an answered question is no longer open at the door
    let q = j.debrief(d.id).unwrap().body.questions[0].id;
    j.tick(second.id, q, true).unwrap();
    assert!(
        j.checklist_page(second.id)
            .unwrap()
            .walking_in
            .open_questions
            .is_empty()
    );
}

#[test]
fn an_offer_comes_with_its_terms_and_its_interviews_stop_waiting_to_hear() {
    let (j, c) = memory(NOW);
    let l = acme(&j);
    let iv = j
        .schedule_interview(l.id, plan("2026-06-01T10:00:00+02:00[Europe/Paris]", 45))
        .unwrap()
        .interview;
    c.advance(Duration::hours(3));
    let page = j.lead_page(l.id).unwrap();
    assert_eq!(page.awaiting_outcome, [iv.id]);
    assert!(
        page.standing[0].1.starts_with("Waiting to hear"),
        "{:?}",
        page.standing
    );
    let offer_move = page.moves.iter().find(|m| m.to == Status::Offer).unwrap();
    assert!(offer_move.asks_for_terms && !offer_move.closes);

    // bad terms: nothing moves
    let bad = Offer {
        terms: "x".repeat(200_000),
        ..Default::default()
    };
    let e = j.receive_offer(l.id, bad).unwrap_err();
    assert!(
        matches!(e, Error::Invalid(ref i) if i.field == "terms"),
        "{e}"
    );
    assert_eq!(j.lead(l.id).unwrap().status, Status::Interviewing);

    let got = j
        .receive_offer(
            l.id,
            Offer {
                terms: "25 days off".into(),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(got.status, Status::Offer);
    assert_eq!(got.offer.unwrap().terms, "25 days off");
    assert_eq!(got.history.last().unwrap().status, Status::Offer);
    let page = j.lead_page(l.id).unwrap();
    assert!(
        page.awaiting_outcome.is_empty(),
        "no longer waiting to hear"
    );
    assert_eq!(page.standing[0].1, "The offer came after it");
    // a passed lead cannot receive one
    let other = j
        .add_lead(LeadDetails::new("Beta", "Dev", Source::JobBoard))
        .unwrap();
    j.decide(
        other.id,
        Decision::Pass {
            reason: PassReason::OutsideSkills,
            note: String::new(),
        },
    )
    .unwrap();
    assert!(matches!(
        j.receive_offer(other.id, Offer::default()),
        Err(Error::Transition { .. })
    ));
}

#[test]
fn a_person_can_be_corrected_and_forgotten_without_touching_the_interviews() {
    let (j, _c) = memory(NOW);
    let l = acme(&j);
    let iv = j
        .schedule_interview(l.id, plan("2026-06-01T10:00:00+02:00[Europe/Paris]", 45))
        .unwrap()
        .interview;
    let mut d = ContactDetails::named("Zelda Quartz");
    d.cadence_days = Some(30);
    d.company = "Acme".into();
    let zelda = j.add_person_met(iv.id, d).unwrap();
    // warm the search index so forgetting must update it
    assert_eq!(j.search("Quartz", 5).unwrap().len(), 1);
    assert_eq!(
        j.people().unwrap()[0].next_touch.as_ref().unwrap().kind,
        FollowUpKind::KeepInTouch
    );

    // corrected: a typo in the email is refused by field, then fixed
    let mut fixed = zelda.details.clone();
    fixed.email = "zelda at acme".into();
    assert!(
        matches!(j.edit_contact(zelda.id, fixed.clone()), Err(Error::Invalid(ref i)) if i.field == "email")
    );
    fixed.email = "zelda@acme.example".into();
    assert_eq!(
        j.edit_contact(zelda.id, fixed).unwrap().details.email,
        "zelda@acme.example"
    );

    j.forget_contact(zelda.id).unwrap();
    assert!(j.people().unwrap().is_empty());
    assert!(
        j.interview(iv.id).unwrap().plan.people.is_empty(),
        "the interview stays, without them"
    );
    assert!(
        j.search("Quartz", 5).unwrap().is_empty(),
        "search forgets them too"
    );
    let follow_ups = j.follow_ups_for_lead(l.id).unwrap();
    assert!(follow_ups.iter().all(|f| f.contact.is_none()));
    assert!(matches!(j.contact(zelda.id), Err(Error::NotFound { .. })));
    assert!(matches!(
        j.forget_contact(zelda.id),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(j.lead(l.id).unwrap().details.company, "Acme");
    // the keep-in-touch about them is no longer open anywhere
    let open: Vec<_> = j
        .export()
        .unwrap()
        .follow_ups
        .into_iter()
        .filter(|f| f.kind == FollowUpKind::KeepInTouch && f.is_open())
        .collect();
    assert!(open.is_empty(), "{open:?}");
}

#[test]
fn capture_offers_only_interviews_that_have_begun_with_short_labels() {
    let (j, c) = memory(NOW);
    let long = j
        .add_lead(LeadDetails::new(
            "The Extremely Long Named Logistics Company of Northern Europe",
            "Planner",
            Source::JobBoard,
        ))
        .unwrap();
    let old = j
        .schedule_interview(long.id, plan("2026-04-01T10:00:00+02:00[Europe/Paris]", 45))
        .unwrap()
        .interview;
    let l = acme(&j);
    let done = j
        .schedule_interview(l.id, plan("2026-06-01T07:00:00+02:00[Europe/Paris]", 45))
        .unwrap()
        .interview;
    let mut later = plan("2026-06-04T10:00:00+02:00[Europe/Paris]", 45);
    later.stage = Stage::HiringManager;
    let ahead = j.schedule_interview(l.id, later).unwrap().interview;
    c.set(at("2026-06-01T09:00:00+02:00[Europe/Paris]"));

    let choices = j.capture_choices(vec![]).unwrap();
    let ids: Vec<_> = choices.iter().map(|(i, _)| *i).collect();
    assert_eq!(
        ids,
        [done.id],
        "not the one ahead, not the one two months ago"
    );
    assert_eq!(choices[0].1, "Acme · Screen · 1 Jun");

    // an old debrief's interview is kept, first, with its name shortened
    let kept = j.capture_choices(vec![old.id]).unwrap();
    assert_eq!(kept[0].0, old.id);
    assert!(
        kept[0].1.starts_with("The Extremely Long Name…"),
        "{}",
        kept[0].1
    );
    assert!(kept[0].1.chars().count() <= 45, "{}", kept[0].1);
    assert!(!kept.iter().any(|(i, _)| *i == ahead.id));
}

#[test]
fn a_lead_never_shows_two_check_ins_when_they_promised_an_answer() {
    let (j, c) = memory(NOW);
    let l = acme(&j);
    let iv = j
        .schedule_interview(l.id, plan("2026-06-01T10:00:00+02:00[Europe/Paris]", 45))
        .unwrap()
        .interview;
    c.advance(Duration::hours(3));
    let open_check_ins = |j: &Journal| {
        j.follow_ups_for_lead(l.id)
            .unwrap()
            .into_iter()
            .filter(|f| f.is_open() && f.kind == FollowUpKind::CheckIn)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        open_check_ins(&j).len(),
        1,
        "the usual check-in after silence"
    );
    let d = j.start_debrief(Some(iv.id), None).unwrap();
    j.save_debrief(
        d.id,
        DebriefBody {
            next_step: "They will call".into(),
            next_step_by: Some(chrono::NaiveDate::from_ymd_opt(2026, 6, 4).unwrap()),
            ..Default::default()
        },
    )
    .unwrap();
    let now = open_check_ins(&j);
    assert_eq!(now.len(), 1, "{now:?}");
    assert!(now[0].rule_key.as_deref().unwrap().starts_with("promised:"));
    // they called: the promise is answered and the usual check-in is back
    j.record_word(l.id).unwrap();
    let after = open_check_ins(&j);
    assert_eq!(after.len(), 1, "{after:?}");
    assert!(
        after[0]
            .rule_key
            .as_deref()
            .unwrap()
            .starts_with("check-in:")
    );
}

#[test]
fn an_offer_is_declined_when_the_message_saying_so_is_sent_not_when_it_is_written() {
    use reps_core::rules::messages::MessageKind;
    let (j, _c) = memory(NOW);
    let l = acme(&j);
    j.decide(l.id, Decision::Take).unwrap();
    j.receive_offer(l.id, Offer::default()).unwrap();
    let about = MessageAbout {
        lead: Some(l.id),
        ..Default::default()
    };
    // writing it (looking at the wording) changes nothing
    j.message(MessageKind::DeclineOffer, &about).unwrap();
    assert_eq!(j.lead(l.id).unwrap().status, Status::Offer);
    // sending it answers the offer, in the same transaction as the history line
    j.mark_message_sent(MessageKind::DeclineOffer, &about)
        .unwrap();
    let lead = j.lead(l.id).unwrap();
    assert_eq!(lead.status, Status::Declined);
    assert_eq!(lead.messages_sent.len(), 1);
    // a second "sent" does not move it again
    j.mark_message_sent(MessageKind::DeclineOffer, &about)
        .unwrap();
    assert_eq!(j.lead(l.id).unwrap().history.len(), lead.history.len());
}

#[test]
fn a_message_about_a_whole_lead_greets_the_person_of_its_latest_interview() {
    use reps_core::rules::messages::MessageKind;
    let (j, _c) = memory(NOW);
    let l = acme(&j);
    let first = j
        .schedule_interview(l.id, plan("2026-06-01T10:00:00+02:00[Europe/Paris]", 45))
        .unwrap()
        .interview;
    let mut later = plan("2026-06-08T10:00:00+02:00[Europe/Paris]", 45);
    later.stage = Stage::Final;
    let second = j.schedule_interview(l.id, later).unwrap().interview;
    j.add_person_met(first.id, ContactDetails::named("Ada Park"))
        .unwrap();
    j.add_person_met(second.id, ContactDetails::named("Bo Lind"))
        .unwrap();
    let about = MessageAbout {
        lead: Some(l.id),
        ..Default::default()
    };
    let m = j.message(MessageKind::DeclineOffer, &about).unwrap();
    assert!(m.draft.body.starts_with("Hi Bo,"), "{}", m.draft.body);
    let names: Vec<_> = m.people.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(names, ["Bo Lind", "Ada Park"]);
}

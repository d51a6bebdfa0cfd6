//! Writing the journal's calendar: interviews and open follow-ups as events.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Datelike, Duration};
use chrono_tz::Tz;

use super::lines::{Writer, escape};
use super::zones::{self, LOCAL};
use crate::id::{ContactId, LeadId};
use crate::time::Stamp;
use crate::{Contact, FollowUp, FollowUpKind, Interview, Lead};

/// Domain of every UID this journal writes: `<record id>@reps.journal`.
pub(crate) const UID_DOMAIN: &str = "reps.journal";
/// A follow-up shows as a short event, long enough to write the message.
const FOLLOW_UP_MINUTES: i64 = 15;

/// What the calendar is built from (one read snapshot).
pub(crate) struct Data {
    pub now: Stamp,
    pub interviews: Vec<Interview>,
    pub follow_ups: Vec<FollowUp>,
    pub leads: HashMap<LeadId, Lead>,
    pub contacts: HashMap<ContactId, Contact>,
}

/// The whole VCALENDAR.
pub(crate) fn calendar(d: &Data) -> String {
    let mut interviews: Vec<&Interview> = d.interviews.iter().filter(|i| !i.cancelled).collect();
    interviews.sort_by_key(|i| (i.plan.start, i.id));
    let mut follow_ups: Vec<&FollowUp> = d.follow_ups.iter().filter(|f| f.is_open()).collect();
    follow_ups.sort_by_key(|f| (f.effective_due(), f.id));
    // offers still open, with the date they want an answer by
    let mut answers: Vec<(&Lead, Stamp)> = d
        .leads
        .values()
        .filter(|l| l.status == crate::Status::Offer)
        .filter_map(|l| Some((l, l.offer.as_ref()?.respond_by?)))
        .collect();
    answers.sort_by_key(|(l, by)| (*by, l.id));

    // Each zone, with the local years its events and alarms fall in.
    let mut zones: BTreeMap<&'static str, (Tz, BTreeSet<i32>)> = BTreeMap::new();
    let mut use_zone = |s: Stamp| {
        if !zones::is_utc(s.tz()) {
            let entry = zones
                .entry(s.tz().name())
                .or_insert((s.tz(), BTreeSet::new()));
            entry.1.insert(s.local().year());
        }
    };
    for i in &interviews {
        use_zone(i.plan.start);
        use_zone(i.plan.end());
        // the day-before alarm
        if let Ok(t) = i.plan.start.add(-Duration::days(1)) {
            use_zone(t);
        }
    }
    for f in &follow_ups {
        use_zone(f.effective_due());
        if let Ok(t) = f.effective_due().add(Duration::minutes(FOLLOW_UP_MINUTES)) {
            use_zone(t);
        }
    }
    for (_, by) in &answers {
        use_zone(*by);
        if let Ok(t) = by.add(Duration::minutes(FOLLOW_UP_MINUTES)) {
            use_zone(t);
        }
        // the day-before alarm
        if let Ok(t) = by.add(-Duration::days(1)) {
            use_zone(t);
        }
    }

    let mut w = Writer::default();
    w.begin("VCALENDAR");
    w.raw("VERSION", &[], "2.0");
    w.raw("PRODID", &[], "-//Reps//Interview journal//EN");
    w.raw("CALSCALE", &[], "GREGORIAN");
    w.raw("METHOD", &[], "PUBLISH");
    w.text("X-WR-CALNAME", "Reps: interviews and follow-ups");
    for (tz, years) in zones.values() {
        zones::write_vtimezone(&mut w, *tz, years);
    }
    for i in interviews {
        interview(&mut w, d, i);
    }
    for f in follow_ups {
        follow_up(&mut w, d, f);
    }
    for (lead, by) in answers {
        answer_by(&mut w, lead, by);
    }
    w.end("VCALENDAR");
    w.finish()
}

fn interview(w: &mut Writer, d: &Data, i: &Interview) {
    let lead = d.leads.get(&i.lead);
    let (company, role) = lead.map_or(("", ""), |l| {
        (l.details.company.as_str(), l.details.role.as_str())
    });
    let summary = match (role.is_empty(), company.is_empty()) {
        (false, false) => format!("Interview: {role} at {company}"),
        (true, false) => format!("Interview at {company}"),
        _ => "Interview".to_string(),
    };
    w.begin("VEVENT");
    stamps(w, &i.id.to_string(), i.created, i.updated);
    datetime(w, "DTSTART", i.plan.start);
    datetime(w, "DTEND", i.plan.end());
    w.text("SUMMARY", &summary);
    let plan = &i.plan;
    if !plan.place.trim().is_empty() {
        w.text("LOCATION", plan.place.trim());
    } else if !plan.video_link.trim().is_empty() {
        w.text("LOCATION", plan.video_link.trim());
    }
    let link = plan.video_link.trim();
    if link.contains("://") && !link.contains(char::is_whitespace) {
        w.raw("URL", &[], link);
    }
    let mut about = vec![
        format!("Stage: {}", plan.stage),
        format!("Goal: {}", plan.goal.trim()),
    ];
    let people: Vec<String> = plan
        .people
        .iter()
        .filter_map(|c| d.contacts.get(c))
        .map(|c| {
            let at = [c.details.role.trim(), c.details.company.trim()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            if at.is_empty() {
                c.details.name.trim().to_string()
            } else {
                format!("{} ({at})", c.details.name.trim())
            }
        })
        .collect();
    if !people.is_empty() {
        about.push(format!("With: {}", people.join("; ")));
    }
    if !link.is_empty() {
        about.push(format!("Video call: {link}"));
    }
    if !plan.place.trim().is_empty() {
        about.push(format!("Place: {}", plan.place.trim()));
    }
    w.text("DESCRIPTION", &about.join("\n"));
    let stage = plan.stage.to_string();
    w.raw(
        "CATEGORIES",
        &[],
        &format!("Interview,{}", escape(&capitalise(&stage))),
    );
    w.raw("STATUS", &[], "CONFIRMED");
    w.raw("TRANSP", &[], "OPAQUE");
    // A job seeker wants the evening before (to prepare and plan the trip)
    // and an hour before (to get ready); only for interviews still to come.
    if plan.end() > d.now {
        alarm(
            w,
            "-P1D",
            &format!("Tomorrow: {summary}. Look over your prep."),
        );
        alarm(w, "-PT1H", &format!("In one hour: {summary}"));
    }
    w.end("VEVENT");
}

/// Follow-ups are events rather than VTODOs: Google Calendar and Outlook
/// drop VTODOs on import, and a follow-up is a short act at a time, which
/// is what the user wants to see in their day. They do not block time.
fn follow_up(w: &mut Writer, d: &Data, f: &FollowUp) {
    let lead = f.lead.and_then(|l| d.leads.get(&l));
    let contact = f.contact.and_then(|c| d.contacts.get(&c));
    let summary = follow_up_title(f.kind, lead, contact);
    let due = f.effective_due();
    w.begin("VEVENT");
    stamps(w, &f.id.to_string(), f.created, f.updated);
    datetime(w, "DTSTART", due);
    datetime(
        w,
        "DTEND",
        due.add(Duration::minutes(FOLLOW_UP_MINUTES)).unwrap_or(due),
    );
    w.text("SUMMARY", &summary);
    let mut about = Vec::new();
    if !f.note.trim().is_empty() {
        about.push(f.note.trim().to_string());
    }
    about.push("A follow-up from Reps: mark it done there once it is sent.".to_string());
    w.text("DESCRIPTION", &about.join("\n"));
    w.raw("CATEGORIES", &[], "Follow-up");
    w.raw("STATUS", &[], "CONFIRMED");
    w.raw("TRANSP", &[], "TRANSPARENT");
    alarm(w, "PT0S", &summary);
    w.end("VEVENT");
}

/// The day an offer wants its answer: an event at that time, with an
/// alarm the day before (deciding needs a day, not a minute).
fn answer_by(w: &mut Writer, lead: &Lead, by: Stamp) {
    let summary = format!(
        "{} from {}",
        crate::wording::ANSWER_THE_OFFER,
        lead.details.company.trim()
    );
    w.begin("VEVENT");
    // one deadline per lead: its UID stays the same when the date moves
    stamps(w, &format!("offer-{}", lead.id), lead.created, lead.updated);
    datetime(w, "DTSTART", by);
    datetime(
        w,
        "DTEND",
        by.add(Duration::minutes(FOLLOW_UP_MINUTES)).unwrap_or(by),
    );
    w.text("SUMMARY", &summary);
    w.text(
        "DESCRIPTION",
        &format!(
            "They want an answer for the {} role by then. Compare your offers in Reps.",
            lead.details.role.trim()
        ),
    );
    w.raw("CATEGORIES", &[], "Offer");
    w.raw("STATUS", &[], "CONFIRMED");
    w.raw("TRANSP", &[], "TRANSPARENT");
    alarm(w, "-P1D", &summary);
    w.end("VEVENT");
}

fn follow_up_title(kind: FollowUpKind, lead: Option<&Lead>, contact: Option<&Contact>) -> String {
    let company = lead.map(|l| l.details.company.trim()).unwrap_or("");
    let role = lead.map(|l| l.details.role.trim()).unwrap_or("");
    let person = contact.map(|c| c.details.name.trim()).unwrap_or("");
    let who = [company, person]
        .into_iter()
        .find(|s| !s.is_empty())
        .unwrap_or("them");
    let about = if role.is_empty() {
        String::new()
    } else {
        format!(" about the {role} role")
    };
    match kind {
        FollowUpKind::ThankYou => format!("Thank the interviewers at {who}"),
        FollowUpKind::CheckIn => format!("Check in with {who}{about}"),
        FollowUpKind::FeedbackRequest => format!("Ask {who} for feedback"),
        FollowUpKind::Reapply => format!("Apply again to {who}"),
        FollowUpKind::KeepInTouch => format!(
            "Get back in touch with {}",
            [person, company]
                .into_iter()
                .find(|s| !s.is_empty())
                .unwrap_or("them")
        ),
        FollowUpKind::ReplyOwed => format!("Reply to {who}{about}"),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// UID, DTSTAMP, CREATED, LAST-MODIFIED and SEQUENCE of a record.
///
/// SEQUENCE counts the minutes between creation and the last change, so it
/// grows with each edit (a calendar re-importing the file then takes the
/// newer version) and stays the same when nothing changed.
fn stamps(w: &mut Writer, id: &str, created: Stamp, updated: Stamp) {
    w.raw("UID", &[], &format!("{id}@{UID_DOMAIN}"));
    w.raw("DTSTAMP", &[], &utc(updated));
    w.raw("CREATED", &[], &utc(created));
    w.raw("LAST-MODIFIED", &[], &utc(updated));
    let minutes = (updated.utc() - created.utc()).num_minutes().max(0);
    w.raw(
        "SEQUENCE",
        &[],
        &i32::try_from(minutes).unwrap_or(i32::MAX).to_string(),
    );
}

/// `20260610T070000Z`.
pub(crate) fn utc(s: Stamp) -> String {
    format!("{}Z", s.utc().format(LOCAL))
}

/// A DATE-TIME in the stamp's own zone, with its TZID. UTC, and the second
/// occurrence of a local time that happens twice (a TZID reading takes the
/// first), are written in UTC instead.
fn datetime(w: &mut Writer, name: &str, s: Stamp) {
    let tz = s.tz();
    let local = s.local().naive_local();
    let first = crate::time::resolve_local(tz, local).earliest() == Some(s.utc());
    if zones::is_utc(tz) || !first {
        w.raw(name, &[], &utc(s));
    } else {
        w.raw(
            name,
            &[("TZID", tz.name())],
            &local.format(LOCAL).to_string(),
        );
    }
}

fn alarm(w: &mut Writer, trigger: &str, text: &str) {
    w.begin("VALARM");
    w.raw("ACTION", &[], "DISPLAY");
    w.raw("TRIGGER", &[], trigger);
    w.text("DESCRIPTION", text);
    w.end("VALARM");
}

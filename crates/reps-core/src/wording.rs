//! Words and short formats for things the core knows, shared by every shell
//! (the Dioxus screens, the uniffi surface for widgets and notifications,
//! the exports), so a follow-up or a red flag is called the same everywhere.

use crate::time::Stamp;
use crate::{FollowUpKind, Lead, PassReason, RedFlagKind, Skill, Stage, Status, When};

/// "Tue 3 Jun, 14:00" in the stamp's own zone.
pub fn when(s: &Stamp) -> String {
    s.local().format("%a %-d %b, %H:%M").to_string()
}

/// "Wed 3 Jun".
pub fn weekday(s: &Stamp) -> String {
    s.local().format("%a %-d %b").to_string()
}

/// "3 Jun".
pub fn day(s: &Stamp) -> String {
    s.local().format("%-d %b").to_string()
}

/// The action a follow-up asks for.
pub fn follow_up(kind: FollowUpKind) -> &'static str {
    match kind {
        FollowUpKind::ThankYou => "Send a thank-you",
        FollowUpKind::CheckIn => "Check in",
        FollowUpKind::FeedbackRequest => "Ask for feedback",
        FollowUpKind::Reapply => "Apply again",
        FollowUpKind::KeepInTouch => "Keep in touch",
        FollowUpKind::ReplyOwed => "Reply",
    }
}

/// A stage as a heading ("Hiring manager").
pub fn stage(s: &Stage) -> String {
    capitalized(&s.to_string())
}

/// "Company — role", how a lead is named in lists.
pub fn about(lead: &Lead) -> String {
    lead_name(&lead.details)
}

/// "Company — role", with what a shared posting did not tell said plainly.
pub fn lead_name(d: &crate::LeadDetails) -> String {
    format!("{} — {}", company_or_ask(&d.company), role_or_ask(&d.role))
}

/// The company, or that it is not known yet (a shared posting).
pub fn company_or_ask(company: &str) -> &str {
    if company.trim().is_empty() {
        "Company not known yet"
    } else {
        company
    }
}

/// The role, or that it is not known yet (a shared posting).
pub fn role_or_ask(role: &str) -> &str {
    if role.trim().is_empty() {
        "role not known yet"
    } else {
        role
    }
}

/// What the deck says over a lead read from a shared posting.
pub fn shared_check(complete: bool) -> &'static str {
    if complete {
        "Read from a shared posting: check the details."
    } else {
        "Read from a shared posting: fill in what Reps could not tell."
    }
}

/// The site a link is on, as people say it: "linkedin.com".
pub fn link_site(link: &str) -> Option<String> {
    let rest = link
        .trim()
        .strip_prefix("https://")
        .or_else(|| link.trim().strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host).to_lowercase();
    (host.contains('.') && !host.is_empty()).then_some(host)
}

/// After a posting was shared or pasted.
pub fn shared_added(name: &str) -> String {
    format!("Added to your deck: {name}.")
}

/// What "Fill in from it" says after reading a pasted posting: already
/// there, all found, or which of the company and the role to add.
pub fn posting_read(d: &crate::LeadDetails, already: Option<&str>) -> String {
    if let Some(name) = already {
        return shared_already(name);
    }
    match (d.company.trim().is_empty(), d.role.trim().is_empty()) {
        (false, false) => "Filled in from the posting: check it, then add it.".into(),
        (true, false) => {
            "Filled in what the posting tells; it does not name the company: add it.".into()
        }
        (false, true) => {
            "Filled in what the posting tells; it does not name the role: add it.".into()
        }
        (true, true) => {
            "Filled in what the posting tells; it names neither the company nor the role: add them."
                .into()
        }
    }
}

/// A company met before (earlier leads, people there): said when a lead
/// is added or shared, without the end of the sentence.
pub fn met_before(company: &str) -> String {
    format!("You have been in touch with {company} before")
}

/// A posting shared a second time (it may be decided on by now).
pub fn shared_already(name: &str) -> String {
    format!("You already have this one: {name}.")
}

/// How an interview is held: "video call", "phone call", "in person".
pub fn interview_kind(kind: crate::InterviewKind) -> &'static str {
    match kind {
        crate::InterviewKind::Video => "video call",
        crate::InterviewKind::Phone => "phone call",
        crate::InterviewKind::OnSite => "in person",
    }
}

/// Where an interview is held, as said at the door: the address or room,
/// else the call link, else how it is held.
pub fn where_held(plan: &crate::InterviewPlan) -> String {
    if !plan.place.trim().is_empty() {
        return plan.place.trim().to_string();
    }
    let how = capitalized(interview_kind(plan.kind));
    match plan.video_link.trim() {
        link if plan.kind == crate::InterviewKind::Video && !link.is_empty() => {
            format!("{how}: {link}")
        }
        _ => how,
    }
}

/// `text` with its first letter in capitals ("Video call").
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What an interview's card says of where it stands.
pub fn interview_standing(s: crate::rules::pipeline::InterviewStanding) -> &'static str {
    use crate::rules::pipeline::InterviewStanding as S;
    match s {
        S::Cancelled => "Cancelled",
        S::Ahead => "Coming up",
        S::WaitingToHear => "Waiting to hear: did it take you to the next step?",
        S::Invited => "Invited to the next step",
        S::NotInvited => "Not invited further (still a rep)",
        S::LedToNextRound => "A next round followed",
        S::LedToOffer => "The offer came after it",
        S::LeadClosed(Status::Rejected) => "They said no after it (still a rep)",
        S::LeadClosed(Status::Withdrew) => "You withdrew after it",
        S::LeadClosed(_) => "No answer came after it",
    }
}

/// An interview as the capture screen's "About" lists it, short enough
/// for a phone's picker: "Northwind Logistics · Screen · 3 Dec".
pub fn capture_choice(lead: &Lead, iv: &crate::Interview) -> String {
    format!(
        "{} · {} · {}",
        shorten(&lead.details.company, 24),
        stage(&iv.plan.stage),
        day(&iv.plan.start)
    )
}

/// `text` cut to at most `max` characters, with "…" where it was cut.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// A status as a pipeline heading.
pub fn status(s: Status) -> &'static str {
    match s {
        Status::New => "New",
        Status::Deciding => "Need more info",
        Status::Taking => "Taking the interview",
        Status::Passed => "Passed",
        Status::Interviewing => "Interviewing",
        Status::Offer => "Offer",
        Status::Accepted => "Accepted",
        Status::Declined => "Declined",
        Status::Rejected => "They said no",
        Status::Withdrew => "Withdrew",
        Status::Ghosted => "Ghosted",
    }
}

/// A pass reason as a chip.
pub fn pass_reason(r: PassReason) -> &'static str {
    crate::rules::pass::label(r)
}

/// A red flag kind as a chip.
pub fn red_flag(k: RedFlagKind) -> &'static str {
    match k {
        RedFlagKind::VagueRole => "Vague role",
        RedFlagKind::HighTurnover => "High turnover",
        RedFlagKind::PressureToAccept => "Pressure to accept",
        RedFlagKind::DiffersFromAd => "Not the job in the ad",
        RedFlagKind::NoCvValue => "Nothing for my CV",
        RedFlagKind::Other => "Something else",
    }
}

/// A skill as a chip.
pub fn skill(s: &Skill) -> String {
    match s {
        Skill::TellMeAboutYourself => "Tell me about yourself".into(),
        Skill::WhyThisCompany => "Why this company".into(),
        Skill::Examples => "Examples & stories".into(),
        Skill::TechnicalDepth => "Technical depth".into(),
        Skill::SalaryTalk => "Salary talk".into(),
        Skill::QuestionsForThem => "My questions for them".into(),
        Skill::Composure => "Staying calm".into(),
        Skill::Conciseness => "Short answers".into(),
        Skill::Custom(name) => name.clone(),
    }
}

/// The balance sheet's "Lately" column.
pub fn lately(l: crate::rules::skills::Lately) -> &'static str {
    use crate::rules::skills::Lately;
    match l {
        Lately::StillWeak => "still to work on",
        Lately::Slipped => "slipped last time",
        Lately::Improving => "went well last time",
        Lately::Strong => "strong so far",
    }
}

/// A skill's tally on the balance sheet: "0 of 2 went well".
pub fn skill_tally(line: &crate::rules::skills::SkillLine) -> String {
    format!("{} of {} went well", line.strengths, line.mentions())
}

/// "58,000–62,000 EUR a year", or what is known of it.
pub fn pay(p: &crate::PayRange) -> String {
    let per = match p.period {
        crate::PayPeriod::Year => "a year",
        crate::PayPeriod::Month => "a month",
        crate::PayPeriod::Day => "a day",
        crate::PayPeriod::Hour => "an hour",
    };
    match (p.min.map(grouped), p.max.map(grouped)) {
        (Some(a), Some(b)) if a == b => format!("{a} {} {per}", p.currency),
        (Some(a), Some(b)) => format!("{a}–{b} {} {per}", p.currency),
        (Some(a), None) => format!("from {a} {} {per}", p.currency),
        (None, Some(b)) => format!("up to {b} {} {per}", p.currency),
        (None, None) => String::new(),
    }
}

/// A lead's history as its page lists it, oldest first: each status
/// change ("3 Jun · Passed — Outside my pay range") and each message sent
/// ("4 Jun · Thank-you sent"), in the order they happened.
pub fn history(lead: &Lead) -> Vec<String> {
    let mut lines: Vec<(Stamp, String)> = lead
        .history
        .iter()
        .map(|h| {
            let mut line = format!("{} · {}", day(&h.at), status(h.status));
            if let Some(s) = &h.stage {
                line.push_str(&format!(" ({s})"));
            }
            if let Some(r) = h.reason {
                line.push_str(&format!(" — {}", pass_reason(r)));
            }
            if h.undo {
                line.push_str(" (undone)");
            }
            (h.at, line)
        })
        .collect();
    lines.extend(
        lead.messages_sent
            .iter()
            .map(|m| (m.at, format!("{} · {}", day(&m.at), m.what))),
    );
    // stable: a change and a message of the same instant keep that order
    lines.sort_by_key(|(at, _)| *at);
    lines.into_iter().map(|(_, l)| l).collect()
}

/// Where someone was met: "Northwind Bikes · Screen interview, 7 Dec".
pub fn met_at(company: &str, interview: &crate::Interview) -> String {
    format!(
        "{company} · {} interview, {}",
        stage(&interview.plan.stage),
        day(&interview.plan.start)
    )
}

/// A debrief named by its interview: "Notes on the Screen interview, 3 Dec".
pub fn debrief_title(interview: &crate::Interview) -> String {
    format!(
        "Notes on the {} interview, {}",
        stage(&interview.plan.stage),
        day(&interview.plan.start)
    )
}

/// A skill's mark on the capture screen, after its name ("· work on").
pub fn skill_mark(m: crate::SkillMark) -> &'static str {
    match m {
        crate::SkillMark::Strong => " · went well",
        crate::SkillMark::WorkOn => " · work on",
        crate::SkillMark::None => "",
    }
}

/// The row for an offer that wants its answer.
pub const ANSWER_THE_OFFER: &str = "Answer the offer";

/// How a lead's work is done, as a chip and in a form.
pub fn work_mode(m: crate::WorkMode) -> &'static str {
    match m {
        crate::WorkMode::OnSite => "On site",
        crate::WorkMode::Hybrid => "Hybrid",
        crate::WorkMode::Remote => "Remote",
    }
}

/// A pay period in a form's list ("Year").
pub fn pay_period(p: crate::PayPeriod) -> &'static str {
    match p {
        crate::PayPeriod::Year => "Year",
        crate::PayPeriod::Month => "Month",
        crate::PayPeriod::Day => "Day",
        crate::PayPeriod::Hour => "Hour",
    }
}

/// Where a lead came from, in a form's list.
pub fn source(s: crate::Source) -> &'static str {
    match s {
        crate::Source::JobBoard => "Job board",
        crate::Source::CompanySite => "Company site",
        crate::Source::RecruiterCall => "Recruiter",
        crate::Source::Referral => "Referral",
        crate::Source::Inbound => "They reached out",
        crate::Source::Network => "My network",
        crate::Source::Other => "Other",
    }
}

/// The facts a card and a lead's page show under its name: pay, place,
/// how the work is done, in that order, each only when known.
pub fn lead_facts(d: &crate::LeadDetails) -> Vec<String> {
    let mut facts = Vec::new();
    if let Some(p) = d.pay.as_ref().map(pay).filter(|p| !p.is_empty()) {
        facts.push(p);
    }
    if !d.location.trim().is_empty() {
        facts.push(d.location.trim().to_string());
    }
    if let Some(m) = d.work_mode {
        facts.push(work_mode(m).to_string());
    }
    facts
}

/// 48000 as "48,000": thousands set apart, as pay is read.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A checklist group heading.
pub fn when_group(w: When) -> &'static str {
    match w {
        When::DayBefore => "The day before",
        When::HourBefore => "The hour before",
        When::WalkingIn => "Walking in",
    }
}

/// A message's name, as its screen's title ("Thank-you note").
pub fn message(kind: crate::MessageKind) -> &'static str {
    match kind {
        crate::MessageKind::ThankYou => "Thank-you note",
        crate::MessageKind::CheckIn => "Check-in",
        crate::MessageKind::Reschedule => "Ask to move the interview",
        crate::MessageKind::AskFeedback => "Ask for feedback",
        crate::MessageKind::StayInTouch => "Stay in touch",
        crate::MessageKind::DeclineInterview => "Decline the interview",
        crate::MessageKind::AcceptOffer => "Accept the offer",
        crate::MessageKind::DeclineOffer => "Decline the offer",
        crate::MessageKind::Withdraw => "Withdraw",
    }
}

/// A message once sent, as a lead's history says it.
pub fn message_sent(kind: crate::MessageKind) -> &'static str {
    match kind {
        crate::MessageKind::ThankYou => "Sent a thank-you",
        crate::MessageKind::CheckIn => "Checked in",
        crate::MessageKind::Reschedule => "Asked to move the interview",
        crate::MessageKind::AskFeedback => "Asked for feedback",
        crate::MessageKind::StayInTouch => "Wrote to stay in touch",
        crate::MessageKind::DeclineInterview => "Declined the interview",
        crate::MessageKind::AcceptOffer => "Wrote to accept the offer",
        crate::MessageKind::DeclineOffer => "Wrote to decline the offer",
        crate::MessageKind::Withdraw => "Wrote to withdraw",
    }
}

/// What a search hit is ("Lead", "Person").
pub fn search_target(t: crate::rules::search::Target) -> &'static str {
    use crate::rules::search::Target;
    match t {
        Target::Lead(_) => "Lead",
        Target::Interview(_) => "Interview",
        Target::Debrief(_) => "Debrief",
        Target::Contact(_) => "Person",
    }
}

/// A move offered on a lead's page: taking back a pass reads as
/// reconsidering, any other as the status it moves to.
pub fn lead_move(from: Status, to: Status) -> &'static str {
    match (from, to) {
        (Status::Passed, Status::Taking) => "Reconsider: take the interview",
        (_, Status::Offer) => "I got an offer…",
        _ => status(to),
    }
}

/// What a reply owed about a lead still in the deck needs first.
pub const DECIDE_FIRST: &str = "decide first: take it or pass";

/// Who a reply is owed to, by where the lead came from: what a Today row
/// asks for ("Reply to the recruiter").
pub fn reply_to(source: crate::Source) -> &'static str {
    match source {
        crate::Source::RecruiterCall => "Reply to the recruiter",
        crate::Source::Referral => "Reply to the person who referred you",
        crate::Source::Inbound => "Reply to the company",
        _ => "Reply to them",
    }
}

/// A month key "2026-11" as a heading reads it: "Nov 2026" (the key itself
/// when it is not one).
pub fn month(key: &str) -> String {
    chrono::NaiveDate::parse_from_str(&format!("{key}-01"), "%Y-%m-%d")
        .map(|d| d.format("%b %Y").to_string())
        .unwrap_or_else(|_| key.to_string())
}

/// How long ago `then` was, as a person says it: "just now", "5 minutes
/// ago", "3 hours ago", "yesterday", "on Thu 3 Dec".
pub fn ago(then: &Stamp, now: &Stamp) -> String {
    let secs = (now.utc() - then.utc()).num_seconds();
    match secs {
        s if s < 60 => "just now".into(),
        s if s < 3600 => match s / 60 {
            1 => "a minute ago".into(),
            m => format!("{m} minutes ago"),
        },
        s if s < 6 * 3600 => match s / 3600 {
            1 => "an hour ago".into(),
            h => format!("{h} hours ago"),
        },
        _ if then.in_zone(now.tz()).local_date() == now.local_date() => {
            format!(
                "today at {}",
                then.in_zone(now.tz()).local().format("%H:%M")
            )
        }
        _ if then.in_zone(now.tz()).local_date().succ_opt() == Some(now.local_date()) => {
            "yesterday".into()
        }
        _ => format!("on {}", day(&then.in_zone(now.tz()))),
    }
}

/// What a sync round took in, in words: the Sync section's and the
/// command line's one sentence (problems follow it).
pub fn sync_taken_in(r: &crate::journal::sync::TakeInReport) -> String {
    let mut out = match r.records {
        0 => "Up to date.".to_string(),
        1 => "1 change from your other devices is in.".to_string(),
        n => format!("{n} changes from your other devices are in."),
    };
    if r.waiting > 0 {
        out.push(' ');
        out.push_str(&sync_waiting(r.waiting));
        out.push('.');
    }
    for p in &r.problems {
        out.push(' ');
        out.push_str(p);
    }
    out
}

/// Files from other devices that wait for earlier ones.
pub fn sync_waiting(files: usize) -> String {
    match files {
        1 => "1 file from another device waits for an earlier one that has not arrived yet".into(),
        n => {
            format!("{n} files from other devices wait for earlier ones that have not arrived yet")
        }
    }
}

/// Changes made here and not sent yet.
pub fn sync_unsent(changes: u32) -> String {
    match changes {
        0 => "nothing waiting to be sent".into(),
        1 => "1 change waiting to be sent".into(),
        n => format!("{n} changes waiting to be sent"),
    }
}

/// Where this device keeps the sync key (the Sync section, `reps sync
/// status`); `missing` when the last round found it gone from the keychain.
pub fn sync_key_kept(in_keychain: bool, missing: bool) -> &'static str {
    if in_keychain && missing {
        "Your sync key was kept in this device's keychain, and is no longer there."
    } else if in_keychain {
        "Your sync key is kept in this device's keychain."
    } else if cfg!(target_arch = "wasm32") {
        "Your sync key is kept with the journal in this browser's storage for Reps (a browser has no keychain)."
    } else {
        "Your sync key is kept in the journal file on this device: no keychain could be reached here."
    }
}

/// Sync stopped on this device, and what that leaves where.
pub fn sync_stopped(key_removed_from_keychain: bool) -> String {
    let mut said = "Sync is stopped on this device. Your journal stays here as it is, and the copy in the sync place stays for your other devices.".to_string();
    if key_removed_from_keychain {
        said.push_str(" Its sync key is removed from this device's keychain.");
    }
    said
}

/// What stopping sync now would leave behind: the changes not sent yet.
pub fn sync_unsent_left_behind(changes: u32) -> Option<String> {
    match changes {
        0 => None,
        1 => Some("The change made here since the last sync will not reach them unless you set up sync again.".into()),
        n => Some(format!("The {n} changes made here since the last sync will not reach them unless you set up sync again.")),
    }
}

/// What a source's record says, plainly: "Job board: 5 leads pursued, not
/// one answer yet." / "Referral works for you: 3 answers from 4 leads pursued."
pub fn source_verdict(line: &crate::rules::sources::SourceLine) -> Option<String> {
    use crate::rules::sources::Verdict;
    let name = source(line.source);
    Some(match line.verdict()? {
        Verdict::NeverAnswers => format!(
            "{name}: {} leads pursued, not one answer yet. Try another way in.",
            line.pursued
        ),
        Verdict::WorksWell if line.offers > 0 => format!(
            "{name} works for you: {} leading to an offer.",
            if line.offers == 1 {
                "one lead".to_string()
            } else {
                format!("{} leads", line.offers)
            }
        ),
        Verdict::WorksWell => format!(
            "{name} works for you: {} answers from {} leads pursued.",
            line.answered, line.pursued
        ),
    })
}

/// One source's record in a line a phone fits: "3 leads · 1 answered ·
/// 1 interview · no offer yet · first answer after 4 days".
pub fn source_facts(line: &crate::rules::sources::SourceLine) -> String {
    let n = |count: usize, one: &str, many: &str| {
        if count == 1 {
            format!("1 {one}")
        } else {
            format!("{count} {many}")
        }
    };
    let mut parts = vec![
        n(line.leads, "lead", "leads"),
        format!("{} answered", line.answered),
        n(line.interviews, "interview", "interviews"),
    ];
    if line.next_steps > 0 {
        parts.push(n(line.next_steps, "next step", "next steps"));
    }
    parts.push(match line.offers {
        0 => "no offer yet".to_string(),
        k => n(k, "offer", "offers"),
    });
    match line.median_days_to_answer {
        Some(d) if d < 1.0 => parts.push("first answer within a day".into()),
        Some(_) => parts.push(format!(
            "first answer after {}",
            days_to_answer(line.median_days_to_answer)
        )),
        None => {}
    }
    parts.join(" · ")
}

/// Days to a first answer, as the sources table shows them: "4 days", "—".
pub fn days_to_answer(days: Option<f64>) -> String {
    match days {
        None => "—".into(),
        Some(d) if d < 1.0 => "under a day".into(),
        Some(d) => {
            let n = d.round() as i64;
            if n == 1 {
                "1 day".into()
            } else {
                format!("{n} days")
            }
        }
    }
}

/// The practice screen's title for the cards due.
pub const PRACTICE_DUE: &str = "Practice due today";

/// The question a card from a "work on" skill starts with: the way that
/// skill is usually asked.
pub fn practice_question(s: &Skill) -> String {
    match s {
        Skill::TellMeAboutYourself => "Tell me about yourself.".into(),
        Skill::WhyThisCompany => "Why do you want to work here?".into(),
        Skill::Examples => "Tell me about a time you solved a hard problem.".into(),
        Skill::TechnicalDepth => "Walk me through something technical you know well.".into(),
        Skill::SalaryTalk => "What salary are you looking for?".into(),
        Skill::QuestionsForThem => "Do you have any questions for us?".into(),
        Skill::Composure => "Tell me about a time things went wrong under pressure.".into(),
        Skill::Conciseness => "In under a minute: what do you do best?".into(),
        Skill::Custom(name) => format!("Practise: {name}"),
    }
}

/// Where a card came from: "From Acme — Engineer, 3 Dec".
pub fn card_source(lead: Option<&Lead>, debrief_written: Option<Stamp>) -> String {
    match (lead, debrief_written) {
        (Some(l), Some(at)) => format!("From {}, {}", about(l), day(&at)),
        (Some(l), None) => format!("From {}", about(l)),
        (None, Some(at)) => format!("From your notes of {}", day(&at)),
        (None, None) => String::new(),
    }
}

/// When a card comes back, as its row says it.
pub fn card_due(s: &crate::rules::practice::Schedule, now: Stamp) -> String {
    if s.is_due(now) {
        if s.practised == 0 {
            "New: practise today".into()
        } else {
            "Due today".into()
        }
    } else {
        format!("Next: {}", weekday(&s.due.in_zone(now.tz())))
    }
}

/// How often a card was practised.
pub fn practised(s: &crate::rules::practice::Schedule) -> String {
    match (s.practised, s.last) {
        (0, _) | (_, None) => "Not practised yet".into(),
        (1, Some(last)) => format!("Practised once, {}", day(&last)),
        (n, Some(last)) => format!("Practised {n} times, last {}", day(&last)),
    }
}

/// After a rating: "Back tomorrow", "Back in 3 days (Thu 10 Dec)".
pub fn back_in(now: Stamp, due: Stamp) -> String {
    match comes_back(now, due).as_str() {
        "later today" => "Back later today".into(),
        when => format!("Back {when} ({})", weekday(&due.in_zone(now.tz()))),
    }
}

/// What practising a skill did, for its line on the Reps screen.
pub fn practice_effect(e: &crate::rules::practice::PracticeEffect) -> String {
    let since = day(&e.since);
    let times = match e.practices {
        1 => "once".to_string(),
        n => format!("{n} times"),
    };
    match (e.debriefs_since, e.work_on_since) {
        (0, _) => format!("Practised {times} since {since}; no debrief since to tell"),
        (n, 0) => format!(
            "Practised {times} since {since}; not marked to work on in the {} since",
            debriefs(n)
        ),
        (n, w) => format!(
            "Practised {times} since {since}; still marked to work on in {w} of the {} since",
            debriefs(n)
        ),
    }
}

fn debriefs(n: usize) -> String {
    if n == 1 {
        "debrief".into()
    } else {
        format!("{n} debriefs")
    }
}

/// What a Today row or a reminder about practice asks.
pub const PRACTISE: &str = "Practise your answers";

/// "1 card due", "3 cards due".
pub fn cards_due(n: usize) -> String {
    if n == 1 {
        "1 card due".into()
    } else {
        format!("{n} cards due")
    }
}

/// The checklist's offer: "Practise the 3 cards for this interview".
pub fn practise_before(cards: usize) -> String {
    if cards == 1 {
        "Practise the card for this interview out loud".into()
    } else {
        format!("Practise the {cards} cards for this interview out loud")
    }
}

/// The practice screen's title for one card practised on demand.
pub const PRACTICE_ONE: &str = "Practise this card";

/// On a grade's button: when the card would come back.
pub fn comes_back(now: Stamp, due: Stamp) -> String {
    let days = (due.in_zone(now.tz()).local_date() - now.local_date()).num_days();
    // the same count of days the confirmation says ("Back in 18 days")
    match days {
        ..=0 => "later today".into(),
        1 => "tomorrow".into(),
        n => format!("in {n} days"),
    }
}

/// About how long an answer takes to say: "about 1½ minutes aloud (190 words)".
pub fn spoken(answer: &str) -> String {
    let words = answer.split_whitespace().count();
    if words == 0 {
        return String::new();
    }
    let seconds = crate::rules::practice::spoken_seconds(answer);
    let time = match seconds {
        0..=44 => "under a minute".to_string(),
        45..=74 => "about a minute".to_string(),
        75..=104 => "about 1½ minutes".to_string(),
        s => {
            let halves = (s + 15) / 30;
            if halves % 2 == 0 {
                format!("about {} minutes", halves / 2)
            } else {
                format!("about {}½ minutes", halves / 2)
            }
        }
    };
    let words = if words == 1 {
        "1 word".to_string()
    } else {
        format!("{words} words")
    };
    if seconds > 5 * 60 {
        format!(
            "{time} aloud ({words}): far longer than an answer in the room; keep the heart of it"
        )
    } else {
        format!("{time} aloud ({words})")
    }
}

/// A grade's button: its word and what it means.
pub fn grade(g: crate::Grade) -> (&'static str, &'static str) {
    match g {
        crate::Grade::Again => ("Again", "Couldn't say it"),
        crate::Grade::Hard => ("Hard", "Got there, with effort"),
        crate::Grade::Good => ("Good", "Said it well"),
        crate::Grade::Easy => ("Easy", "Came easily"),
    }
}

/// The practice timer: "0:42".
pub fn timer(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// "3 practice cards, said aloud 12 times (4 this week)": practice, which
/// is not a rep (a rep is an interview).
pub fn practice_tally(f: &crate::journal::PracticeFacts) -> String {
    let cards = if f.cards == 1 {
        "1 practice card".to_string()
    } else {
        format!("{} practice cards", f.cards)
    };
    match f.practices {
        0 => format!("{cards}, not practised yet"),
        1 => format!("{cards}, said aloud once ({} this week)", f.this_week),
        n => format!("{cards}, said aloud {n} times ({} this week)", f.this_week),
    }
}

/// The balance sheet's "Lately" for a skill practised since it was last
/// marked "work on", and not marked so in the debriefs since.
pub const LATELY_AFTER_PRACTICE: &str = "not marked to work on since you practised it";

/// A balance-sheet row's "Lately", and whether it still reads as weak:
/// a weak skill practised and not marked "work on" in the debriefs since
/// says that instead.
pub fn skill_lately(
    line: &crate::rules::skills::SkillLine,
    practice: Option<&crate::journal::SkillPractice>,
) -> (&'static str, bool) {
    if line.is_weak() && practice.is_some_and(|p| p.stopped_appearing) {
        (LATELY_AFTER_PRACTICE, false)
    } else {
        (lately(line.lately), line.is_weak())
    }
}

/// A line of "this week" for practice coming back.
pub const PRACTICE_COMES_BACK: &str = "Practice";

/// "1 card comes back", "3 cards come back".
pub fn cards_come_back(n: usize) -> String {
    if n == 1 {
        "1 card comes back".into()
    } else {
        format!("{n} cards come back")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn reading_a_paste_says_what_is_left_to_add() {
        use super::posting_read;
        let d = |c: &str, r: &str| crate::LeadDetails::new(c, r, crate::Source::Other);
        assert_eq!(
            posting_read(&d("Acme", "Engineer"), None),
            "Filled in from the posting: check it, then add it."
        );
        assert!(posting_read(&d("", "Engineer"), None).contains("does not name the company"));
        assert!(posting_read(&d("Acme", ""), None).contains("does not name the role"));
        assert!(posting_read(&d("", ""), None).contains("neither the company nor the role"));
        assert_eq!(
            posting_read(&d("Acme", "Engineer"), Some("Acme — Engineer")),
            "You already have this one: Acme — Engineer."
        );
    }

    #[test]
    fn a_link_is_named_by_its_site() {
        use super::link_site;
        assert_eq!(
            link_site("https://www.LinkedIn.com/jobs/view/1?trk=x").as_deref(),
            Some("linkedin.com")
        );
        assert_eq!(
            link_site("http://jobs.lever.co/globex").as_deref(),
            Some("jobs.lever.co")
        );
        assert_eq!(link_site("not a link"), None);
        assert_eq!(link_site("https://"), None);
    }

    #[test]
    fn a_sync_round_is_said_in_one_sentence_with_its_problems_after() {
        use crate::journal::sync::TakeInReport;
        assert_eq!(sync_taken_in(&TakeInReport::default()), "Up to date.");
        let r = TakeInReport {
            files: 2,
            records: 3,
            waiting: 1,
            problems: vec!["A file was set aside.".into()],
        };
        assert_eq!(
            sync_taken_in(&r),
            "3 changes from your other devices are in. 1 file from another device waits for an earlier one that has not arrived yet. A file was set aside."
        );
        assert_eq!(sync_unsent(0), "nothing waiting to be sent");
        assert_eq!(sync_unsent(2), "2 changes waiting to be sent");
    }

    use super::*;
    use crate::time::at;

    #[test]
    fn times_read_in_their_own_zone() {
        let s = at("2026-06-02T14:00:00+02:00[Europe/Paris]");
        assert_eq!(when(&s), "Tue 2 Jun, 14:00");
        assert_eq!(day(&s), "2 Jun");
    }

    #[test]
    fn pay_reads_with_thousands_set_apart() {
        let p = crate::PayRange {
            min: Some(48_000),
            max: Some(1_250_000),
            currency: "EUR".into(),
            period: crate::PayPeriod::Year,
        };
        assert_eq!(pay(&p), "48,000–1,250,000 EUR a year");
        let hourly = crate::PayRange {
            min: Some(45),
            max: None,
            currency: "GBP".into(),
            period: crate::PayPeriod::Hour,
        };
        assert_eq!(pay(&hourly), "from 45 GBP an hour");
    }

    #[test]
    fn months_read_as_words() {
        assert_eq!(month("2026-11"), "Nov 2026");
        assert_eq!(month("not a month"), "not a month");
    }

    #[test]
    fn stages_read_as_headings() {
        assert_eq!(stage(&Stage::HiringManager), "Hiring manager");
        assert_eq!(stage(&Stage::Custom("take-home".into())), "Take-home");
    }
}

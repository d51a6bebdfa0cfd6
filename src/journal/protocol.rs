//! Every question a screen can ask the journal, as data.
//!
//! Each entry forwards to one command or query of [`reps_core::Journal`],
//! which builds the view record the screen renders: nothing here decides,
//! reads twice or words anything.
//!
//! An entry marked `only(…)` exists only where that `cfg` holds.
//!
//! Each entry below becomes three things: a variant of [`Request`] (what the
//! screen sends), a variant of [`Answer`] (what comes back), and a typed async
//! method on [`JournalHandle`] that screens call. [`serve`] answers a request
//! on the side that owns the journal. Because requests and answers are plain
//! serde values, the owner can be a thread beside the window (desktop,
//! phones: values move through a channel untouched) or a Web Worker (the
//! browser: they cross `postMessage` as JSON) without a screen knowing.

use reps_core::formats::backup::ImportSummary;
use reps_core::formats::ics::Invite;
use reps_core::formats::markdown::NoteFile;
use reps_core::formats::tracker_import::{ColumnMap, TrackerPreview};
use reps_core::journal::shared::PostingRead;
#[cfg(target_arch = "wasm32")]
use reps_core::journal::shared::Shared;
use reps_core::journal::sync::SyncView;
#[cfg(not(target_arch = "wasm32"))]
use reps_core::journal::sync::{Outbox, RoundEnd, Sent, SyncSetup, TakeInReport};
use reps_core::journal::{CardOffer, PracticeCard, PracticePage, Rated};
use reps_core::rules::practice::FromDebrief;
#[cfg(not(target_arch = "wasm32"))]
use reps_core::sync::Listed;
use reps_core::{Card, CardBody, CardId, Grade};
use reps_core::{
    ChecklistPage, ChecklistTemplate, ChecklistView, Collision, CompanyHistory, Contact,
    ContactDetails, ContactId, Debrief, DebriefBody, DebriefId, Decided, Decision, FollowUp,
    FollowUpId, Interview, InterviewId, InterviewPlan, ItemId, Lead, LeadDetails, LeadId, LeadPage,
    MessageAbout, MessageDraft, MessageKind, MessageTemplate as Template, Offer, OfferFile,
    Outcome, Person, Reminder, RepsPage, Scheduled, SearchResult, Stamp, Status, TemplateItem,
    ThisWeek, TodayRow,
};
use serde::{Deserialize, Serialize};

use super::{JournalHandle, UiError};

macro_rules! protocol {
    ($(
        $(only($cfg:meta))?
        $(#[$doc:meta])*
        fn $name:ident($j:ident $(, $arg:ident: $ty:ty)*) -> $out:ty $body:block
    )*) => {
        /// A question or command for the journal's owner.
        #[allow(non_camel_case_types)]
        #[derive(Debug, Clone, Serialize, Deserialize)]
        pub enum Request {
            $( $(#[cfg($cfg)])? $(#[$doc])* $name { $($arg: $ty),* }, )*
        }

        /// The owner's answer to the [`Request`] variant of the same name.
        #[allow(non_camel_case_types)]
        #[derive(Debug, Clone, Serialize, Deserialize)]
        pub enum Answer {
            $( $(#[cfg($cfg)])? $(#[$doc])* $name($out), )*
        }

        /// Answers `request` with `journal`, on the side that owns it (not
        /// in the browser page's module, which only asks).
        #[cfg(any(not(target_arch = "wasm32"), feature = "web-worker"))]
        pub fn serve(journal: &reps_core::Journal, request: Request) -> Result<Answer, UiError> {
            match request {
                $( $(#[cfg($cfg)])? Request::$name { $($arg),* } => {
                    let $j = journal;
                    let run = || -> reps_core::Result<$out> { $body };
                    run().map(Answer::$name).map_err(UiError::from)
                } )*
            }
        }

        impl JournalHandle {
            $(
                $(#[cfg($cfg)])?
                $(#[$doc])*
                ///
                /// The request leaves at once (in call order); the future yields the answer.
                pub fn $name(&self $(, $arg: $ty)*)
                    -> impl std::future::Future<Output = Result<$out, UiError>> + use<> {
                    let answer = self.ask(Request::$name { $($arg),* });
                    async move {
                        match answer.await? {
                            Answer::$name(value) => Ok(value),
                            _ => Err(UiError::mismatch()),
                        }
                    }
                }
            )*
        }
    };
}

protocol! {
    // Queries

    /// What is due now, each row with where it leads.
    fn today(j) -> Vec<TodayRow> { j.today_rows() }

    /// The week ahead and last week's lessons.
    fn this_week(j) -> ThisWeek { j.this_week() }

    /// Leads to swipe.
    fn deck(j) -> Vec<Lead> { j.deck() }

    /// Leads by status.
    fn pipeline(j) -> Vec<(Status, Vec<Lead>)> { j.pipeline() }

    /// Everything about one lead.
    fn lead_page(j, id: LeadId) -> LeadPage { j.lead_page(id) }

    /// "Did I already talk to them?"
    fn company_history(j, company: String) -> CompanyHistory { j.company_history(&company) }

    /// The reps tracker and the skills balance sheet.
    fn reps(j) -> RepsPage { j.reps_page() }

    /// The practice screen: the cards due, or those that suit an interview.
    fn practice(j, before: Option<InterviewId>) -> PracticePage { j.practice_page(before) }

    /// One card to practise now, due or not.
    fn practice_one(j, id: CardId) -> PracticePage { j.practice_one(id) }

    /// Every card (the story bank), due ones first.
    fn cards(j) -> Vec<PracticeCard> { j.all_cards() }

    /// One card as the screens show it.
    fn card(j, id: CardId) -> PracticeCard { j.practice_card(id) }

    /// What a debrief offers to practise, each with its card if made.
    fn card_offers(j, debrief: DebriefId) -> Vec<CardOffer> { j.card_offers(debrief) }

    /// Everyone met, with their next open keep-in-touch follow-up.
    fn people(j) -> Vec<Person> { j.people() }

    /// An interview's checklist, with the interview and its lead.
    fn checklist(j, id: InterviewId) -> ChecklistPage { j.checklist_page(id) }

    /// Interviews not over yet (including one under way), soonest first.
    fn upcoming(j, limit: usize) -> Vec<(Interview, Lead)> { j.upcoming(limit) }

    /// The interview a capture is most likely about.
    fn just_ended(j) -> Option<(Interview, Lead)> { j.just_ended_with_lead() }

    /// One debrief (tests read back what autosave stored).
    #[cfg_attr(not(test), allow(dead_code))]
    fn debrief(j, id: DebriefId) -> Debrief { j.debrief(id) }

    /// The default checklist template.
    fn default_template(j) -> Option<ChecklistTemplate> { j.default_template() }

    /// The unfinished debrief to put back on the capture screen, if any.
    fn resume_draft(j, interview: Option<InterviewId>) -> Option<Debrief> {
        j.draft_to_resume(interview)
    }

    /// The journal's time.
    fn now(j) -> Stamp { Ok(j.now()) }

    /// The whole journal as a backup file (JSON text).
    fn export_backup(j) -> String { j.export_backup_text() }

    /// The backup sealed under a passphrase (armored age text).
    fn export_sealed_backup(j, passphrase: String) -> String { j.export_sealed_backup(&passphrase) }

    /// A message of `kind` about `about`, filled from the record, with the
    /// wording it starts from.
    fn message(j, kind: MessageKind, about: MessageAbout) -> MessageDraft { j.message(kind, &about) }

    /// An interview that collides with ones agreed before it, and the free
    /// time to ask for; `None` when it is fine (or it is the one to keep).
    fn collision(j, id: InterviewId) -> Option<Collision> { j.collision(id) }

    /// The name messages are signed with.
    fn my_name(j) -> String { Ok(j.settings()?.my_name) }

    /// Every open offer with its checks, side by side.
    fn offers(j) -> Vec<OfferFile> { j.offer_files() }

    /// The search box: ranked hits across the whole journal.
    fn search(j, text: String) -> Vec<SearchResult> { j.search_results(&text, 30) }

    /// Follow-ups that fall due in `(after, until]`, with their words and
    /// destination (the desktop's and the open browser page's notifications).
    #[cfg_attr(all(not(target_arch = "wasm32"), not(feature = "desktop")), allow(dead_code))]
    fn reminders(j, after: Stamp, until: Stamp) -> Vec<Reminder> { j.reminders(after, until) }

    /// What widgets and the phones' reminders read (`outside.json`).
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    fn outside(j) -> reps_core::Outside { j.outside() }

    /// The next lead waiting in the deck (what to do instead of waiting).
    fn next_in_deck(j) -> Option<Lead> { j.next_in_deck() }

    /// The journal as a calendar file (interviews and open follow-ups).
    fn export_calendar(j) -> String { j.export_calendar() }

    /// Everyone met, as vCard 4.0.
    fn export_contacts(j) -> String { j.export_contacts_vcard() }

    /// Every application with its stage history, as a spreadsheet (CSV).
    fn export_applications(j) -> String { j.export_applications_csv() }

    /// The applications made, for an employment office (CSV); reasons and
    /// notes only when asked.
    fn export_proof(j, include_private: bool) -> String {
        j.export_proof_of_search_csv(reps_core::formats::proof_of_search::ProofOptions { include_private })
    }

    /// Practice cards for a flashcard app (CSV: front, back, tags).
    fn export_cards(j) -> String { j.export_cards_csv() }

    /// One row per stage change (CSV), the proof of a search week by week.
    fn export_stage_history(j) -> String { j.export_stage_history_csv() }

    /// Debriefs as Markdown, one file per lead.
    fn export_notes(j) -> Vec<NoteFile> { j.export_notes_markdown() }

    /// Reads a calendar invite (nothing is written), with the leads already
    /// at each event's company to attach it to.
    fn read_invites(j, text: String) -> Vec<(Invite, Vec<Lead>)> { j.read_invites(&text) }

    /// What importing another tracker's CSV would do (nothing is written).
    fn preview_tracker(j, text: String, mapping: Option<ColumnMap>) -> TrackerPreview {
        let _ = j;
        Ok(reps_core::formats::tracker_import::preview_tracker_csv(&text, mapping.as_ref())?)
    }

    // Commands

    /// Adds the interview an invite describes (and its lead when `None`).
    fn import_invite(j, invite: Invite, lead: Option<LeadId>) -> Scheduled {
        j.import_invite(&invite, lead)
    }

    /// Imports the previewed rows: all of them or none.
    fn import_tracker(j, preview: TrackerPreview) -> usize { j.import_tracker_rows(&preview) }

    /// Adds a lead.
    fn add_lead(j, details: LeadDetails) -> Lead { j.add_lead(details) }

    /// Edits what the user typed about a lead.
    fn edit_lead(j, id: LeadId, details: LeadDetails) -> Lead { j.edit_lead(id, details) }

    /// What a pasted posting or link says, for the "Add a lead" form.
    fn read_posting(j, text: String) -> PostingRead { j.read_posting(&text) }

    only(target_arch = "wasm32")
    /// A posting shared into the web app: a lead in the deck to check
    /// (desktop and phones take shares in through the capture inbox).
    fn add_shared(j, text: String) -> Shared { j.add_shared(&text) }

    /// "Looks right" on a lead read from a shared posting.
    fn check_lead(j, id: LeadId) -> Lead { j.check_lead(id) }

    /// Writes a card directly (the story bank).
    fn add_card(j, body: CardBody) -> Card { j.add_card(body) }

    /// One tap on a debrief's line or skill: its card (made once).
    fn card_from_debrief(j, debrief: DebriefId, pick: FromDebrief) -> Card {
        j.card_from_debrief(debrief, pick)
    }

    /// Replaces what is written on a card.
    fn edit_card(j, id: CardId, body: CardBody) -> Card { j.edit_card(id, body) }

    /// Deletes a card and its practices.
    fn delete_card(j, id: CardId) -> () { j.delete_card(id) }

    /// Saves one practice, as it is given.
    fn rate_card(j, id: CardId, grade: Grade, seconds: Option<u32>) -> Rated {
        j.rate_card(id, grade, seconds)
    }

    /// A swipe.
    fn decide(j, id: LeadId, decision: Decision) -> Decided { j.decide(id, decision) }

    /// Undoes the last swipe on a lead.
    fn undo(j, id: LeadId) -> Lead { j.undo_last_decision(id) }

    /// Moves a lead along the pipeline.
    fn move_lead(j, id: LeadId, to: Status) -> Lead { j.move_lead(id, to, None, "") }

    /// Adds an interview.
    fn schedule(j, lead: LeadId, plan: InterviewPlan) -> Scheduled {
        j.schedule_interview(lead, plan)
    }

    /// Moves an interview.
    fn reschedule(j, id: InterviewId, plan: InterviewPlan) -> Scheduled {
        j.reschedule_interview(id, plan)
    }

    /// Records the outcome of an interview.
    fn record_outcome(j, id: InterviewId, outcome: Outcome) -> Interview {
        j.record_outcome(id, outcome)
    }

    /// Opens a new debrief.
    fn start_debrief(j, interview: Option<InterviewId>) -> Debrief {
        j.start_debrief(interview, None)
    }

    /// Attaches a debrief to an interview.
    fn attach_debrief(j, id: DebriefId, interview: InterviewId) -> Debrief {
        j.attach_debrief(id, interview)
    }

    /// Autosave of the capture screen: saves this text. `None` means a newer
    /// text for the same debrief was already waiting and was saved instead
    /// (the desktop owner skips a draft when a newer one of the same debrief
    /// is already queued behind it).
    fn save_draft(j, id: DebriefId, body: DebriefBody) -> Option<Debrief> {
        j.save_debrief(id, body).map(Some)
    }

    /// Ticks a checklist line.
    fn tick(j, interview: InterviewId, item: ItemId, done: bool) -> ChecklistView {
        j.tick(interview, item, done)
    }

    /// Replaces the default template's items (one transaction).
    fn save_default_template(j, name: String, items: Vec<TemplateItem>) -> ChecklistTemplate {
        j.save_default_template(&name, items)
    }

    /// Adds a contact.
    fn add_contact(j, details: ContactDetails) -> Contact { j.add_contact(details) }

    /// Corrects a person's details.
    fn edit_contact(j, id: ContactId, details: ContactDetails) -> Contact { j.edit_contact(id, details) }

    /// Forgets a person (interviews and debriefs stay).
    fn forget_contact(j, id: ContactId) -> () { j.forget_contact(id) }

    /// Someone new who was in an interview.
    fn add_person_met(j, interview: InterviewId, details: ContactDetails) -> Contact { j.add_person_met(interview, details) }

    /// Marks a person as in an interview, or not.
    fn set_met(j, interview: InterviewId, contact: ContactId, met: bool) -> Interview { j.set_met(interview, contact, met) }

    /// We were in touch today.
    fn touch_contact(j, id: ContactId) -> Contact { j.touch_contact(id) }

    /// Marks a follow-up done.
    fn complete(j, id: FollowUpId) -> FollowUp { j.complete_follow_up(id) }

    /// Pushes a follow-up to tomorrow morning.
    fn snooze_to_tomorrow(j, id: FollowUpId) -> FollowUp { j.snooze_to_tomorrow(id) }

    /// Pushes a follow-up to nine in the morning of a later day.
    fn snooze_to(j, id: FollowUpId, day: chrono::NaiveDate) -> FollowUp {
        j.snooze_to_morning_of(id, day)
    }

    /// Keeps the user's wording for a kind of message.
    fn save_message_template(j, kind: MessageKind, template: Template) -> Template {
        j.save_message_template(kind, template)
    }

    /// Goes back to Reps' wording.
    fn reset_message_template(j, kind: MessageKind) -> Template { j.reset_message_template(kind) }

    /// The user sent it themselves: completes the follow-up it takes care of.
    fn mark_message_sent(j, kind: MessageKind, about: MessageAbout) -> Option<FollowUp> {
        j.mark_message_sent(kind, &about)
    }

    /// The name messages are signed with.
    fn set_my_name(j, name: String) -> reps_core::Settings { j.set_my_name(&name) }

    /// Records the terms of an offer.
    fn set_offer(j, lead: LeadId, offer: Offer) -> Lead { j.set_offer(lead, offer) }

    /// What the capture screen's "About" offers (interviews begun lately).
    fn capture_choices(j, keep: Vec<InterviewId>) -> Vec<(InterviewId, String)> { j.capture_choices(keep) }

    /// An offer came: the move to "Offer" with its terms, in one transaction.
    fn receive_offer(j, lead: LeadId, offer: Offer) -> Lead { j.receive_offer(lead, offer) }

    /// Takes in the notes that widgets, shortcuts and intents left in the
    /// capture inbox at `dir`, each exactly once (on start and on resume).
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    fn take_inbox(j, dir: std::path::PathBuf) -> reps_core::inbox::TakenIn {
        j.take_inbox(&reps_core::inbox::CaptureInbox::new(dir))
    }

    /// Merges a backup file into the journal: all of it or nothing.
    fn import_backup(j, text: String) -> ImportSummary { j.import_json(text.as_bytes()) }

    /// Imports an encrypted backup with its passphrase: all or nothing.
    fn import_sealed(j, text: String, passphrase: String) -> ImportSummary { j.import_sealed(text.as_bytes(), &passphrase) }

    // Sync: each step of a round is one query or command here; the network
    // waits happen outside the owner (crate::journal::sync_port). In the
    // browser the worker runs whole rounds itself (crate::web::sync), so
    // the steps are not part of its messages.

    /// The Sync section's view.
    fn sync_view(j) -> SyncView { j.sync_view() }

    only(not(target_arch = "wasm32"))
    /// This device's sync settings, if set up.
    fn sync_setup(j) -> Option<SyncSetup> { j.sync_setup() }

    only(not(target_arch = "wasm32"))
    /// Saves this device's sync settings (the key in hand).
    fn save_sync_setup(j, setup: SyncSetup) -> () { j.save_sync_setup(&setup) }

    /// Stops syncing on this device; the journal stays as it is. Gives
    /// the keychain entry to remove (off the journal's thread).
    fn stop_sync(j) -> Option<String> { j.stop_sync() }

    only(not(target_arch = "wasm32"))
    /// The remote files still to read.
    fn sync_files_wanted(j, listing: Vec<Listed>) -> Vec<String> { j.sync_files_wanted(&listing) }

    only(not(target_arch = "wasm32"))
    /// Takes in what other devices left, one transaction per file.
    fn sync_take_in(
        j,
        journal_key: String,
        listing: Vec<Listed>,
        files: Vec<(String, Vec<u8>)>
    ) -> TakeInReport {
        j.sync_take_in(&journal_key, &listing, files)
    }

    only(not(target_arch = "wasm32"))
    /// The file to send now, if any.
    fn sync_outbox(j, journal_key: String, listing: Vec<Listed>) -> Option<Outbox> {
        j.sync_outbox(&journal_key, &listing)
    }

    only(not(target_arch = "wasm32"))
    /// An outbox reached the remote.
    fn sync_sent(j, sent: Sent) -> () { j.sync_sent(&sent) }

    only(not(target_arch = "wasm32"))
    /// How a round ended.
    fn sync_finished(j, listing: Option<Vec<Listed>>, end: RoundEnd) -> () {
        j.sync_finished(listing.as_deref(), &end)
    }
}

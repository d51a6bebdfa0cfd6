//! The one task that owns the journal. Screens never touch `reps_core::Journal`:
//! they call the async methods of [`JournalHandle`], which hand a job to the
//! owner and await its answer. On desktop and phones the owner is a thread
//! holding the redb file; on the web it will be a worker. Screens written
//! against this handle run unchanged on every platform.

use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use futures_channel::oneshot;
use reps_core::rules::checklist::ChecklistView;
use reps_core::rules::offers::OfferCheck;
use reps_core::rules::reps::RepsReport;
use reps_core::rules::skills::SkillLine;
use reps_core::rules::today::TodayItem;
use reps_core::{
    CompanyHistory, Contact, ContactDetails, ContactId, Debrief, DebriefBody, DebriefId, Decided,
    Decision, FollowUp, FollowUpId, Interview, InterviewId, InterviewPlan, ItemId, Journal, Lead,
    LeadDetails, LeadId, Outcome, Scheduled, Stamp, Status, TemplateItem,
};

/// An error as a screen shows it: a sentence, and the field it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UiError {
    /// Plain words for the user.
    pub message: String,
    /// The form field it concerns (`company`, `start`…), if any.
    pub field: Option<&'static str>,
}

impl std::fmt::Display for UiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<reps_core::Error> for UiError {
    fn from(e: reps_core::Error) -> Self {
        match &e {
            reps_core::Error::Invalid(i) => UiError {
                message: i.problem.to_string(),
                field: Some(i.field),
            },
            _ => UiError {
                message: e.to_string(),
                field: None,
            },
        }
    }
}

impl UiError {
    fn closed() -> Self {
        UiError {
            message:
                "The journal stopped unexpectedly; please restart Reps. Nothing saved was lost."
                    .into(),
            field: None,
        }
    }

    /// The message if it concerns `field`.
    pub fn for_field(err: &Option<UiError>, field: &str) -> Option<String> {
        err.as_ref()
            .filter(|e| e.field == Some(field))
            .map(|e| e.message.clone())
    }

    /// The message if it concerns no particular field.
    pub fn general(err: &Option<UiError>) -> Option<String> {
        err.as_ref()
            .filter(|e| e.field.is_none())
            .map(|e| e.message.clone())
    }
}

type Job = Box<dyn FnOnce(&Journal) + Send>;

/// The capture screen's latest text, waiting to be saved. Keystrokes overwrite
/// it; the owner saves whatever is newest when it gets to it, so a burst of
/// typing becomes as few commits as the disk needs, never a lost word.
type Draft = Arc<Mutex<Option<(DebriefId, DebriefBody)>>>;

/// A cheap, cloneable way to the journal's owner.
#[derive(Clone)]
pub struct JournalHandle {
    jobs: mpsc::Sender<Job>,
    draft: Draft,
}

impl PartialEq for JournalHandle {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.draft, &other.draft)
    }
}

impl JournalHandle {
    /// Moves the journal to its own thread and returns the way to it.
    pub fn spawn(journal: Journal) -> Self {
        let (jobs, inbox) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("journal".into())
            .spawn(move || {
                for job in inbox {
                    job(&journal);
                }
            })
            .ok();
        JournalHandle {
            jobs,
            draft: Arc::new(Mutex::new(None)),
        }
    }

    /// A handle whose owner has stopped: every call fails (tests of error states).
    #[cfg(test)]
    pub fn stopped() -> Self {
        let (jobs, inbox) = mpsc::channel::<Job>();
        drop(inbox);
        JournalHandle {
            jobs,
            draft: Arc::new(Mutex::new(None)),
        }
    }

    /// Queues `f` for the owner now; the returned future yields its answer.
    fn submit<T, F>(
        &self,
        f: F,
    ) -> impl std::future::Future<Output = Result<T, UiError>> + use<T, F>
    where
        T: Send + 'static,
        F: FnOnce(&Journal) -> reps_core::Result<T> + Send + 'static,
    {
        let (tx, rx) = oneshot::channel();
        let sent = self.jobs.send(Box::new(move |j| {
            let _ = tx.send(f(j));
        }));
        async move {
            sent.map_err(|_| UiError::closed())?;
            rx.await
                .map_err(|_| UiError::closed())?
                .map_err(UiError::from)
        }
    }

    async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Journal) -> reps_core::Result<T> + Send + 'static,
    ) -> Result<T, UiError> {
        self.submit(f).await
    }

    // Queries

    /// What is due now.
    pub async fn today(&self) -> Result<Vec<TodayItem>, UiError> {
        self.run(|j| j.today()).await
    }
    /// Leads to swipe.
    pub async fn deck(&self) -> Result<Vec<Lead>, UiError> {
        self.run(|j| j.deck()).await
    }
    /// Leads by status.
    pub async fn pipeline(&self) -> Result<Vec<(Status, Vec<Lead>)>, UiError> {
        self.run(|j| j.pipeline()).await
    }
    /// Everything about one lead.
    pub async fn lead_file(&self, id: LeadId) -> Result<LeadFile, UiError> {
        self.run(move |j| {
            let lead = j.lead(id)?;
            let interviews = j.interviews_for_lead(id)?;
            let debriefs = j.debriefs_for_lead(id)?;
            let mut people = Vec::new();
            for c in interviews.iter().flat_map(|i| &i.plan.people) {
                if !people.iter().any(|p: &Contact| p.id == *c) {
                    people.push(j.contact(*c)?);
                }
            }
            let offer = (lead.status == Status::Offer)
                .then(|| j.offer_check(id))
                .transpose()?;
            Ok(LeadFile {
                lead,
                interviews,
                debriefs,
                people,
                offer,
            })
        })
        .await
    }
    /// "Did I already talk to them?"
    pub async fn company_history(&self, company: String) -> Result<CompanyHistory, UiError> {
        self.run(move |j| j.company_history(&company)).await
    }
    /// The reps tracker.
    pub async fn reps(&self) -> Result<(RepsReport, Vec<SkillLine>), UiError> {
        self.run(|j| Ok((j.reps()?, j.skills()?))).await
    }
    /// Everyone met, with their open keep-in-touch follow-ups.
    pub async fn people(&self) -> Result<Vec<(Contact, Option<FollowUp>)>, UiError> {
        self.run(|j| {
            let open: Vec<FollowUp> = j
                .all_follow_ups()?
                .into_iter()
                .filter(|f| f.is_open())
                .collect();
            Ok(j.all_contacts()?
                .into_iter()
                .map(|c| {
                    let next = open
                        .iter()
                        .filter(|f| f.contact == Some(c.id))
                        .min_by_key(|f| f.effective_due())
                        .cloned();
                    (c, next)
                })
                .collect())
        })
        .await
    }
    /// An interview's checklist, with its lead.
    pub async fn checklist(
        &self,
        id: InterviewId,
    ) -> Result<(ChecklistView, Interview, Lead), UiError> {
        self.run(move |j| {
            let iv = j.interview(id)?;
            let lead = j.lead(iv.lead)?;
            Ok((j.checklist(id)?, iv, lead))
        })
        .await
    }
    /// Interviews not over yet (including one under way), soonest first.
    pub async fn upcoming(&self, limit: usize) -> Result<Vec<(Interview, Lead)>, UiError> {
        self.run(move |j| {
            j.interviews_not_over(limit)?
                .into_iter()
                .map(|i| {
                    let l = j.lead(i.lead)?;
                    Ok((i, l))
                })
                .collect()
        })
        .await
    }
    /// The interview a capture is most likely about.
    pub async fn just_ended(&self) -> Result<Option<(Interview, Lead)>, UiError> {
        self.run(|j| match j.just_ended()? {
            Some(i) => {
                let l = j.lead(i.lead)?;
                Ok(Some((i, l)))
            }
            None => Ok(None),
        })
        .await
    }
    /// One interview with its lead.
    pub async fn interview(&self, id: InterviewId) -> Result<(Interview, Lead), UiError> {
        self.run(move |j| {
            let i = j.interview(id)?;
            let l = j.lead(i.lead)?;
            Ok((i, l))
        })
        .await
    }
    /// One debrief.
    #[cfg(test)]
    pub async fn debrief(&self, id: DebriefId) -> Result<Debrief, UiError> {
        self.run(move |j| j.debrief(id)).await
    }
    /// The default checklist template.
    pub async fn default_template(&self) -> Result<Option<reps_core::ChecklistTemplate>, UiError> {
        self.run(|j| {
            let s = j.settings()?;
            Ok(j.templates()?
                .into_iter()
                .find(|t| Some(t.id) == s.default_template))
        })
        .await
    }
    /// The journal's time.
    pub async fn now(&self) -> Result<Stamp, UiError> {
        self.run(|j| Ok(j.now())).await
    }

    // Commands

    /// Adds a lead.
    pub async fn add_lead(&self, details: LeadDetails) -> Result<Lead, UiError> {
        self.run(move |j| j.add_lead(details)).await
    }
    /// Edits what the user typed about a lead.
    pub async fn edit_lead(&self, id: LeadId, details: LeadDetails) -> Result<Lead, UiError> {
        self.run(move |j| j.edit_lead(id, details)).await
    }
    /// A swipe.
    pub async fn decide(&self, id: LeadId, decision: Decision) -> Result<Decided, UiError> {
        self.run(move |j| j.decide(id, decision)).await
    }
    /// Undo the last swipe on a lead.
    pub async fn undo(&self, id: LeadId) -> Result<Lead, UiError> {
        self.run(move |j| j.undo_last_decision(id)).await
    }
    /// Moves a lead along the pipeline.
    pub async fn move_lead(&self, id: LeadId, to: Status) -> Result<Lead, UiError> {
        self.run(move |j| j.move_lead(id, to, None, "")).await
    }
    /// Adds an interview.
    pub async fn schedule(&self, lead: LeadId, plan: InterviewPlan) -> Result<Scheduled, UiError> {
        self.run(move |j| j.schedule_interview(lead, plan)).await
    }
    /// Moves an interview.
    pub async fn reschedule(
        &self,
        id: InterviewId,
        plan: InterviewPlan,
    ) -> Result<Scheduled, UiError> {
        self.run(move |j| j.reschedule_interview(id, plan)).await
    }
    /// Records the outcome of an interview.
    pub async fn record_outcome(
        &self,
        id: InterviewId,
        outcome: Outcome,
    ) -> Result<Interview, UiError> {
        self.run(move |j| j.record_outcome(id, outcome)).await
    }
    /// Opens a new debrief.
    pub async fn start_debrief(&self, interview: Option<InterviewId>) -> Result<Debrief, UiError> {
        self.run(move |j| j.start_debrief(interview, None)).await
    }
    /// Attaches a debrief to an interview.
    pub async fn attach_debrief(
        &self,
        id: DebriefId,
        interview: InterviewId,
    ) -> Result<Debrief, UiError> {
        self.run(move |j| j.attach_debrief(id, interview)).await
    }
    /// Autosave: remembers the newest text at once and asks the owner to save
    /// it; when the owner is busy, later keystrokes ride along in the same commit.
    pub fn save_draft(
        &self,
        id: DebriefId,
        body: DebriefBody,
    ) -> impl std::future::Future<Output = Result<Option<Debrief>, UiError>> + use<> {
        if let Ok(mut slot) = self.draft.lock() {
            *slot = Some((id, body));
        }
        let draft = self.draft.clone();
        self.submit(move |j| {
            let newest = draft.lock().ok().and_then(|mut s| s.take());
            match newest {
                Some((id, body)) => j.save_debrief(id, body).map(Some),
                None => Ok(None), // an earlier job already saved this text
            }
        })
    }
    /// Ticks a checklist line.
    pub async fn tick(
        &self,
        interview: InterviewId,
        item: ItemId,
        done: bool,
    ) -> Result<ChecklistView, UiError> {
        self.run(move |j| j.tick(interview, item, done)).await
    }
    /// Replaces the default template's items.
    pub async fn save_default_template(
        &self,
        name: String,
        items: Vec<TemplateItem>,
    ) -> Result<(), UiError> {
        self.run(move |j| {
            let id = j.settings()?.default_template;
            let t = j.save_template(id, &name, items)?;
            j.set_default_template(t.id)
        })
        .await
    }
    /// Adds a contact.
    pub async fn add_contact(&self, details: ContactDetails) -> Result<Contact, UiError> {
        self.run(move |j| j.add_contact(details)).await
    }
    /// We were in touch today.
    pub async fn touch_contact(&self, id: ContactId) -> Result<Contact, UiError> {
        self.run(move |j| j.touch_contact(id)).await
    }
    /// Marks a follow-up done.
    pub async fn complete(&self, id: FollowUpId) -> Result<FollowUp, UiError> {
        self.run(move |j| j.complete_follow_up(id)).await
    }
    /// Pushes a follow-up to tomorrow morning.
    pub async fn snooze_to_tomorrow(&self, id: FollowUpId) -> Result<FollowUp, UiError> {
        self.run(move |j| {
            let until = reps_core::rules::followups::tomorrow_morning(j.now())?;
            j.snooze_follow_up(id, until)
        })
        .await
    }
}

/// One lead with everything hanging off it, for the detail screen.
#[derive(Debug, Clone, PartialEq)]
pub struct LeadFile {
    /// The lead.
    pub lead: Lead,
    /// Its interviews, in time order.
    pub interviews: Vec<Interview>,
    /// Its debriefs.
    pub debriefs: Vec<Debrief>,
    /// People met in its interviews.
    pub people: Vec<Contact>,
    /// The offer check, while an offer is open.
    pub offer: Option<OfferCheck>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use reps_core::{ManualClock, Source};

    fn handle() -> JournalHandle {
        let now: Stamp = "2026-06-01T09:00:00+02:00[Europe/Paris]".parse().unwrap();
        JournalHandle::spawn(Journal::in_memory(ManualClock::new(now)).unwrap())
    }

    use crate::screens::test_support::block_on as block;

    #[test]
    fn commands_and_queries_go_through_the_owner() {
        let h = handle();
        let lead = block(h.add_lead(LeadDetails::new("Acme", "Dev", Source::JobBoard))).unwrap();
        assert_eq!(block(h.deck()).unwrap()[0].id, lead.id);
        let err = block(h.add_lead(LeadDetails::new(" ", "Dev", Source::JobBoard))).unwrap_err();
        assert_eq!(err.field, Some("company"));
        assert_eq!(err.message, "please fill this in");
    }

    #[test]
    fn a_burst_of_drafts_keeps_the_newest_text() {
        let h = handle();
        let d = block(h.start_debrief(None)).unwrap();
        let pending: Vec<_> = (1..=50)
            .map(|n| {
                h.save_draft(
                    d.id,
                    DebriefBody {
                        notes: "x".repeat(n),
                        ..Default::default()
                    },
                )
            })
            .collect();
        let saved: Vec<_> = pending.into_iter().map(|f| block(f).unwrap()).collect();
        assert_eq!(block(h.debrief(d.id)).unwrap().body.notes.len(), 50);
        // every keystroke is covered, by fewer commits than keystrokes when they come fast
        let commits = saved.iter().filter(|s| s.is_some()).count();
        assert!((1..=50).contains(&commits));
        assert_eq!(saved.iter().flatten().last().unwrap().body.notes.len(), 50);
    }
}

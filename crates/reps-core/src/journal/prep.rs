//! Before walking in: an interview's checklist (the template's lines and
//! the questions left open by earlier debriefs), ticking it, and the
//! templates checklists start from.

use serde::{Deserialize, Serialize};

use super::Journal;
use crate::domain::checklist::validate_template;
use crate::error::{Error, Result};
use crate::id::{InterviewId, ItemId, TemplateId};
use crate::rules::checklist::{self as checklist_rule, ChecklistView};
use crate::rules::skills;
use crate::store::tables::DEBRIEF_BY_LEAD;
use crate::store::{Read, Writer};
use crate::time::Stamp;
use crate::wording;
use crate::{
    Checklist, ChecklistItem, ChecklistTemplate, Contact, Debrief, Interview, Lead, TemplateItem,
};

/// An interview's checklist with the interview and its lead: what the
/// checklist screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChecklistPage {
    /// The lines, grouped by when to do them.
    pub view: ChecklistView,
    /// The interview.
    pub interview: Interview,
    /// Its lead.
    pub lead: Lead,
    /// What to hold in mind at the door.
    pub walking_in: WalkingIn,
    /// The practice cards that suit this interview, offered before it
    /// starts; `None` once it has, or when there are none.
    pub practice: Option<PracticeOffer>,
}

/// "Practise the 3 cards for this interview": the checklist's offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PracticeOffer {
    /// How many cards.
    pub cards: usize,
    /// The offer in words.
    pub text: String,
    /// The practice screen for this interview.
    pub goes_to: super::GoesTo,
}

/// The facts on the "I'm walking in" screen: where and with whom, what is
/// still open, and the two weak spots to keep in mind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WalkingIn {
    /// "Northwind Bikes — Product designer".
    pub title: String,
    /// "Tue 8 Dec, 14:00 · Panel interview".
    pub when: String,
    /// The address or room, the call link, or how it is held.
    pub place: String,
    /// Who they will meet, by name.
    pub people: Vec<String>,
    /// Questions still open from earlier rounds.
    pub open_questions: Vec<String>,
    /// Skills still weak in earlier debriefs, at most [`WEAK_SPOTS`].
    pub weak_spots: Vec<String>,
    /// What the user wants out of it.
    pub goal: String,
}

/// How many weak spots the walking-in screen shows: few enough to hold in
/// mind at the door.
pub const WEAK_SPOTS: usize = 2;

impl Journal {
    /// The checklist of an interview, with open questions from earlier debriefs.
    pub fn checklist(&self, interview: InterviewId) -> Result<ChecklistView> {
        let now = self.now();
        self.read(|r| checklist_view_at(r, &r.load(interview.key())?, now))
    }

    /// Ticks (or unticks) a checklist line. A line that is a question from an
    /// earlier debrief is marked answered (or open again) in that debrief.
    pub fn tick(&self, interview: InterviewId, item: ItemId, done: bool) -> Result<ChecklistView> {
        self.write(|w| {
            let old: Checklist = w.load(interview.key())?;
            if let Some(pos) = old.items.iter().position(|i| i.id == item) {
                let mut new = old.clone();
                new.items[pos].done = done.then_some(w.now);
                new.updated = w.now;
                w.put(Some(&old), &new)?;
            } else {
                let view = checklist_view_at(w, &w.load(interview.key())?, w.now)?;
                let source = view
                    .groups
                    .iter()
                    .flat_map(|g| &g.items)
                    .find(|i| i.id == item)
                    .map(|i| i.source)
                    .ok_or_else(|| Error::NotFound {
                        kind: "checklist item",
                        id: item.to_string(),
                    })?;
                if let checklist_rule::ItemSource::Question { debrief } = source {
                    super::capture::set_question(w, debrief, item, done)?;
                }
            }
            checklist_view_at(w, &w.load(interview.key())?, w.now)
        })
    }

    /// All checklist templates.
    pub fn templates(&self) -> Result<Vec<ChecklistTemplate>> {
        self.read(|r| r.load_all())
    }

    /// Creates (`id` = `None`) or replaces a template. Items with a nil id get one.
    pub fn save_template(
        &self,
        id: Option<TemplateId>,
        name: &str,
        items: Vec<TemplateItem>,
    ) -> Result<ChecklistTemplate> {
        validate_template(name, &items)?;
        self.write(|w| put_template(w, id, name, items))
    }

    /// Chooses the template new interviews start from.
    pub fn set_default_template(&self, id: TemplateId) -> Result<()> {
        self.write(|w| {
            w.load::<ChecklistTemplate>(id.key())?;
            let mut s = w.read_settings()?;
            s.default_template = Some(id);
            w.put_settings(&s)
        })
    }

    /// An interview's checklist page (one snapshot), opened at the section
    /// for now.
    pub fn checklist_page(&self, interview: InterviewId) -> Result<ChecklistPage> {
        let now = self.now();
        self.read(|r| {
            let iv: Interview = r.load(interview.key())?;
            let lead: Lead = r.load(iv.lead.key())?;
            let view = checklist_view_at(r, &iv, now)?;
            let people: Vec<Contact> =
                r.load_many(&iv.plan.people.iter().map(|c| c.key()).collect::<Vec<_>>())?;
            let debriefs: Vec<Debrief> = r.load_all()?;
            let walking_in = WalkingIn {
                title: wording::about(&lead),
                when: format!(
                    "{} · {}",
                    wording::when(&iv.plan.start),
                    wording::stage(&iv.plan.stage)
                ),
                place: wording::where_held(&iv.plan),
                people: people.into_iter().map(|c| c.details.name).collect(),
                open_questions: view
                    .groups
                    .iter()
                    .flat_map(|g| &g.items)
                    .filter(|i| {
                        !i.done && matches!(i.source, checklist_rule::ItemSource::Question { .. })
                    })
                    .map(|i| i.text.clone())
                    .collect(),
                weak_spots: skills::weak_spots(&debriefs, iv.plan.start, WEAK_SPOTS)
                    .iter()
                    .map(wording::skill)
                    .collect(),
                goal: iv.plan.goal.clone(),
            };
            let practice = if iv.plan.start > now {
                let cards = super::practice::cards_before(r, &iv, &lead)?;
                (cards > 0).then(|| PracticeOffer {
                    cards,
                    text: wording::practise_before(cards),
                    goes_to: super::GoesTo::Practice(Some(iv.id)),
                })
            } else {
                None
            };
            Ok(ChecklistPage {
                view,
                interview: iv,
                lead,
                walking_in,
                practice,
            })
        })
    }

    /// The template new interviews start from, if one is chosen.
    pub fn default_template(&self) -> Result<Option<ChecklistTemplate>> {
        self.read(|r| match r.read_settings()?.default_template {
            Some(t) => r.load_opt(t.key()),
            None => Ok(None),
        })
    }

    /// Replaces the default template's lines (creating it when there is
    /// none) and keeps it the default: one transaction.
    pub fn save_default_template(
        &self,
        name: &str,
        items: Vec<TemplateItem>,
    ) -> Result<ChecklistTemplate> {
        validate_template(name, &items)?;
        self.write(|w| {
            let mut settings = w.read_settings()?;
            let template = put_template(w, settings.default_template, name, items)?;
            if settings.default_template != Some(template.id) {
                settings.default_template = Some(template.id);
                w.put_settings(&settings)?;
            }
            Ok(template)
        })
    }
}

/// Creates (`id` = `None`) or replaces a template inside the caller's
/// transaction. Items with a nil id get one.
fn put_template(
    w: &Writer<'_>,
    id: Option<TemplateId>,
    name: &str,
    items: Vec<TemplateItem>,
) -> Result<ChecklistTemplate> {
    let old: Option<ChecklistTemplate> = id.map(|id| w.load(id.key())).transpose()?;
    let items = items
        .into_iter()
        .map(|mut i| {
            if i.id.0.is_nil() {
                i.id = ItemId(w.new_id());
            }
            i
        })
        .collect();
    let new = ChecklistTemplate {
        id: id.unwrap_or_else(|| TemplateId(w.new_id())),
        created: old.as_ref().map_or(w.now, |o| o.created),
        updated: w.now,
        name: name.trim().to_string(),
        items,
    };
    w.put(old.as_ref(), &new)?;
    Ok(new)
}

/// A new interview's checklist, from the default template.
pub(crate) fn create_checklist(w: &Writer<'_>, iv: &Interview) -> Result<()> {
    let settings = w.read_settings()?;
    let template: Option<ChecklistTemplate> = match settings.default_template {
        Some(t) => w.load_opt(t.key())?,
        None => None,
    };
    let checklist = Checklist {
        interview: iv.id,
        template: template.as_ref().map(|t| t.id),
        updated: w.now,
        items: template
            .map(|t| {
                t.items
                    .into_iter()
                    .map(|i| ChecklistItem {
                        id: ItemId(w.new_id()),
                        text: i.text,
                        when: i.when,
                        done: None,
                    })
                    .collect()
            })
            .unwrap_or_default(),
    };
    w.put(None, &checklist)
}

/// The checklist view of an interview already loaded, as read at `now`.
pub(crate) fn checklist_view_at(
    r: &impl Read,
    iv: &Interview,
    now: Stamp,
) -> Result<ChecklistView> {
    let checklist: Checklist = r.load(iv.id.key())?;
    let keys = r.ix_children(DEBRIEF_BY_LEAD, iv.lead.key())?;
    let debriefs: Vec<Debrief> = r.load_many(&keys)?;
    let lead: Lead = r.load(iv.lead.key())?;
    let kept_ad = (!lead.details.ad.is_empty()).then_some(lead.id);
    Ok(checklist_rule::view(
        iv, &checklist, &debriefs, kept_ad, now,
    ))
}

//! Before walking in: an interview's checklist (the template's lines and
//! the questions left open by earlier debriefs), ticking it, and the
//! templates checklists start from.

use serde::{Deserialize, Serialize};

use super::Journal;
use crate::domain::checklist::validate_template;
use crate::error::{Error, Result};
use crate::id::{InterviewId, ItemId, TemplateId};
use crate::rules::checklist::{self as checklist_rule, ChecklistView};
use crate::store::tables::DEBRIEF_BY_LEAD;
use crate::store::{Read, Writer};
use crate::{Checklist, ChecklistItem, ChecklistTemplate, Debrief, Interview, Lead, TemplateItem};

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
}

impl Journal {
    /// The checklist of an interview, with open questions from earlier debriefs.
    pub fn checklist(&self, interview: InterviewId) -> Result<ChecklistView> {
        self.read(|r| checklist_view(r, interview))
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
                let view = checklist_view(w, interview)?;
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
            checklist_view(w, interview)
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

    /// An interview's checklist page (one snapshot).
    pub fn checklist_page(&self, interview: InterviewId) -> Result<ChecklistPage> {
        self.read(|r| {
            let iv: Interview = r.load(interview.key())?;
            let lead: Lead = r.load(iv.lead.key())?;
            Ok(ChecklistPage {
                view: checklist_view_of(r, &iv)?,
                interview: iv,
                lead,
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

pub(crate) fn checklist_view(r: &impl Read, interview: InterviewId) -> Result<ChecklistView> {
    checklist_view_of(r, &r.load(interview.key())?)
}

/// The checklist view of an interview already loaded.
pub(crate) fn checklist_view_of(r: &impl Read, iv: &Interview) -> Result<ChecklistView> {
    let checklist: Checklist = r.load(iv.id.key())?;
    let keys = r.ix_children(DEBRIEF_BY_LEAD, iv.lead.key())?;
    let debriefs: Vec<Debrief> = r.load_many(&keys)?;
    Ok(checklist_rule::view(iv, &checklist, &debriefs))
}

//! The checklist a person sees in the lobby: template items grouped by when,
//! plus the questions left open by earlier debriefs with the same company.

use chrono::Duration;
use serde::{Deserialize, Serialize};

use crate::id::{DebriefId, InterviewId, ItemId};
use crate::time::Stamp;
use crate::{Checklist, Debrief, Interview, When};

/// Where a checklist line comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "from")]
pub enum ItemSource {
    /// The checklist's own item.
    Template,
    /// A question to clarify from an earlier debrief; ticking it marks it answered.
    Question {
        /// The debrief that holds it.
        debrief: DebriefId,
    },
}

/// One line to tick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewItem {
    /// The item or question id.
    pub id: ItemId,
    /// What to do or ask.
    pub text: String,
    /// Ticked.
    pub done: bool,
    /// Template item or open question.
    pub source: ItemSource,
}

/// Items due at the same moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// Day before, hour before, walking in.
    pub when: When,
    /// From when this group matters.
    pub from: Stamp,
    /// Lines in order.
    pub items: Vec<ViewItem>,
}

/// The checklist of one interview, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistView {
    /// The interview.
    pub interview: InterviewId,
    /// Its start.
    pub starts: Stamp,
    /// Groups in time order; questions join the day-before group.
    pub groups: Vec<Group>,
}

impl ChecklistView {
    /// (ticked, total).
    pub fn progress(&self) -> (usize, usize) {
        let all = self.groups.iter().flat_map(|g| &g.items);
        let total = all.clone().count();
        (all.filter(|i| i.done).count(), total)
    }
}

/// Answered questions stay visible (ticked) if answered within this many days
/// before the interview, so ticking one does not make it vanish.
pub const ANSWERED_VISIBLE_DAYS: i64 = 7;

/// Builds the view. `earlier` are the lead's debriefs; only those written
/// before this interview started contribute questions.
pub fn view(interview: &Interview, checklist: &Checklist, earlier: &[Debrief]) -> ChecklistView {
    let start = interview.plan.start;
    let keep_answered_from = start.utc() - Duration::days(ANSWERED_VISIBLE_DAYS);
    let questions: Vec<ViewItem> = earlier
        .iter()
        .filter(|d| d.lead == Some(interview.lead) && d.created < start)
        .filter(|d| d.interview != Some(interview.id))
        .flat_map(|d| {
            d.body.questions.iter().filter_map(move |q| {
                let visible = q.resolved.is_none_or(|r| r.utc() >= keep_answered_from);
                visible.then(|| ViewItem {
                    id: q.id,
                    text: q.text.clone(),
                    done: q.resolved.is_some(),
                    source: ItemSource::Question { debrief: d.id },
                })
            })
        })
        .collect();
    let groups = When::ALL
        .iter()
        .map(|&when| {
            let mut items: Vec<ViewItem> = checklist
                .items
                .iter()
                .filter(|i| i.when == when)
                .map(|i| ViewItem {
                    id: i.id,
                    text: i.text.clone(),
                    done: i.done.is_some(),
                    source: ItemSource::Template,
                })
                .collect();
            if when == When::DayBefore {
                items.extend(questions.iter().cloned());
            }
            Group {
                when,
                from: start
                    .add(-Duration::minutes(when.minutes_before()))
                    .unwrap_or(start),
                items,
            }
        })
        .filter(|g| !g.items.is_empty())
        .collect();
    ChecklistView {
        interview: interview.id,
        starts: start,
        groups,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::LeadId;
    use crate::time::at;
    use crate::{
        ChecklistItem, DebriefBody, InterviewKind, InterviewPlan, Outcome, Question, Stage,
    };
    use uuid::Uuid;

    fn interview(n: u128, start: &str) -> Interview {
        let plan = InterviewPlan::new(at(start), 60, InterviewKind::OnSite, Stage::Panel);
        Interview {
            id: InterviewId(Uuid::from_u128(n)),
            lead: LeadId(Uuid::from_u128(1)),
            created: plan.start,
            updated: plan.start,
            plan,
            outcome: Outcome::Pending,
            confidence_before: None,
            confidence_after: None,
            cancelled: false,
        }
    }

    fn checklist(iv: &Interview) -> Checklist {
        let item = |n: u128, text: &str, when| ChecklistItem {
            id: ItemId(Uuid::from_u128(n)),
            text: text.into(),
            when,
            done: None,
        };
        Checklist {
            interview: iv.id,
            template: None,
            updated: iv.created,
            items: vec![
                item(1, "Route", When::DayBefore),
                item(2, "Breathe", When::WalkingIn),
            ],
        }
    }

    fn debrief(created: &str, questions: Vec<Question>) -> Debrief {
        Debrief {
            id: DebriefId(Uuid::from_u128(50)),
            created: at(created),
            updated: at(created),
            interview: Some(InterviewId(Uuid::from_u128(9))),
            lead: Some(LeadId(Uuid::from_u128(1))),
            body: DebriefBody {
                questions,
                ..Default::default()
            },
        }
    }

    #[test]
    fn items_are_grouped_by_when_and_empty_groups_dropped() {
        let iv = interview(2, "2026-06-10T10:00:00Z[UTC]");
        let v = view(&iv, &checklist(&iv), &[]);
        let whens: Vec<_> = v.groups.iter().map(|g| g.when).collect();
        assert_eq!(whens, [When::DayBefore, When::WalkingIn]);
        assert_eq!(
            v.groups[0].from.to_string(),
            "2026-06-09T10:00:00+00:00[UTC]"
        );
        assert_eq!(v.progress(), (0, 2));
    }

    #[test]
    fn open_questions_from_earlier_debriefs_join_the_next_checklist() {
        let iv = interview(2, "2026-06-10T10:00:00Z[UTC]");
        let mut q = Question::new("How big is the team?");
        q.id = ItemId(Uuid::from_u128(77));
        let d = debrief("2026-06-01T12:00:00Z[UTC]", vec![q]);
        let v = view(&iv, &checklist(&iv), &[d]);
        let day_before = &v.groups[0];
        assert_eq!(
            day_before.items.last().unwrap().text,
            "How big is the team?"
        );
        assert!(matches!(
            day_before.items.last().unwrap().source,
            ItemSource::Question { .. }
        ));
    }

    #[test]
    fn questions_written_after_the_interview_or_long_answered_stay_out() {
        let iv = interview(2, "2026-06-10T10:00:00Z[UTC]");
        let later = debrief("2026-06-11T12:00:00Z[UTC]", vec![Question::new("Later?")]);
        let mut old = Question::new("Old?");
        old.resolved = Some(at("2026-05-01T10:00:00Z[UTC]"));
        let mut fresh = Question::new("Fresh?");
        fresh.resolved = Some(at("2026-06-08T10:00:00Z[UTC]"));
        let answered = debrief("2026-04-01T12:00:00Z[UTC]", vec![old, fresh]);
        let v = view(&iv, &checklist(&iv), &[later, answered]);
        let texts: Vec<_> = v
            .groups
            .iter()
            .flat_map(|g| &g.items)
            .map(|i| i.text.as_str())
            .collect();
        assert_eq!(texts, ["Route", "Fresh?", "Breathe"]);
        assert_eq!(v.progress(), (1, 3));
    }
}

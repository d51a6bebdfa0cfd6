//! The checklist a person sees in the lobby: template items grouped by when,
//! plus the questions left open by earlier debriefs with the same company.

use chrono::Duration;
use serde::{Deserialize, Serialize};

use crate::id::{DebriefId, InterviewId, ItemId, LeadId};
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
    /// The notes a line asks to read ("skim your notes from the last
    /// round"): the latest earlier debrief of the same lead.
    pub opens: Option<DebriefId>,
    /// The lead whose ad a line asks to re-read ("read the ad again"),
    /// when the lead keeps its ad.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opens_ad: Option<LeadId>,
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
    /// The group for the moment the checklist is read: the screen opens
    /// there, with the earlier groups folded away.
    pub now: When,
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

/// The group that matters at `now` for an interview starting at `start`:
/// the latest one whose time has come ("the day before" until then, and
/// "walking in" once the interview has begun).
pub fn section_for(start: Stamp, now: Stamp) -> When {
    let to_go = start.utc() - now.utc();
    When::ALL
        .iter()
        .rev()
        .copied()
        .find(|w| to_go <= Duration::minutes(w.minutes_before()))
        .unwrap_or(When::DayBefore)
}

/// Whether a checklist line asks to read earlier notes.
pub fn asks_for_notes(text: &str) -> bool {
    let lower = text.to_lowercase();
    ["notes", "debrief"]
        .iter()
        .any(|w| lower.split(|c: char| !c.is_alphanumeric()).any(|t| t == *w))
}

/// Whether a checklist line asks to read the job ad again.
pub fn asks_for_ad(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("job description")
        || lower.split(|c: char| !c.is_alphanumeric()).any(|t| {
            matches!(
                t,
                "ad" | "ads"
                    | "advert"
                    | "advertisement"
                    | "posting"
                    | "annonce"
                    | "anzeige"
                    | "stellenanzeige"
                    | "anuncio"
            )
        })
}

/// The latest debrief of the interview's lead written before it started
/// (not its own): "your notes from the last round".
pub fn last_round(interview: &Interview, earlier: &[Debrief]) -> Option<DebriefId> {
    earlier
        .iter()
        .filter(|d| d.lead == Some(interview.lead) && d.created < interview.plan.start)
        .filter(|d| d.interview != Some(interview.id))
        .max_by_key(|d| (d.created, d.id))
        .map(|d| d.id)
}

/// Builds the view as read at `now`. `earlier` are the lead's debriefs;
/// only those written before this interview started contribute questions.
/// `kept_ad` is the lead when it keeps its ad: lines that ask to re-read
/// the ad open it.
pub fn view(
    interview: &Interview,
    checklist: &Checklist,
    earlier: &[Debrief],
    kept_ad: Option<LeadId>,
    now: Stamp,
) -> ChecklistView {
    let start = interview.plan.start;
    let notes = last_round(interview, earlier);
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
                    opens: None,
                    opens_ad: None,
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
                    opens: notes.filter(|_| asks_for_notes(&i.text)),
                    opens_ad: kept_ad.filter(|_| asks_for_ad(&i.text)),
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
        now: section_for(start, now),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::LeadId;
    use crate::time::at;
    use crate::{ChecklistItem, DebriefBody, InterviewKind, InterviewPlan, Question, Stage};
    use uuid::Uuid;

    fn interview(n: u128, start: &str) -> Interview {
        let plan = InterviewPlan::new(at(start), 60, InterviewKind::OnSite, Stage::Panel);
        Interview::planned(n, 1, plan)
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
        let v = view(&iv, &checklist(&iv), &[], None, iv.created);
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
        let v = view(&iv, &checklist(&iv), &[d], None, iv.created);
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
        let v = view(&iv, &checklist(&iv), &[later, answered], None, iv.created);
        let texts: Vec<_> = v
            .groups
            .iter()
            .flat_map(|g| &g.items)
            .map(|i| i.text.as_str())
            .collect();
        assert_eq!(texts, ["Route", "Fresh?", "Breathe"]);
        assert_eq!(v.progress(), (1, 3));
    }

    #[test]
    fn the_section_for_now_follows_the_clock() {
        let start = at("2026-06-10T10:00:00Z[UTC]");
        let cases = [
            ("2026-06-07T10:00:00Z[UTC]", When::DayBefore),
            ("2026-06-09T11:00:00Z[UTC]", When::DayBefore),
            ("2026-06-10T09:10:00Z[UTC]", When::HourBefore),
            ("2026-06-10T09:56:00Z[UTC]", When::WalkingIn),
            ("2026-06-10T10:30:00Z[UTC]", When::WalkingIn),
        ];
        for (now, want) in cases {
            assert_eq!(section_for(start, at(now)), want, "{now}");
        }
    }

    #[test]
    fn a_line_about_notes_opens_the_last_rounds_debrief() {
        let iv = interview(2, "2026-06-10T10:00:00Z[UTC]");
        let mut list = checklist(&iv);
        list.items[0].text = "Skim your notes from the last round".into();
        let mut older = debrief("2026-05-01T12:00:00Z[UTC]", vec![]);
        older.id = DebriefId(Uuid::from_u128(40));
        let newer = debrief("2026-06-01T12:00:00Z[UTC]", vec![]);
        let v = view(&iv, &list, &[newer.clone(), older], None, iv.created);
        let lines: Vec<_> = v.groups.iter().flat_map(|g| &g.items).collect();
        assert_eq!(lines[0].opens, Some(newer.id));
        assert_eq!(lines[1].opens, None, "Breathe opens nothing");
        let none = view(&iv, &list, &[], None, iv.created);
        assert_eq!(none.groups[0].items[0].opens, None, "no earlier round");
        assert!(asks_for_notes("Read the DEBRIEF.") && !asks_for_notes("Denotes"));
    }

    #[test]
    fn a_line_about_the_ad_opens_the_ad_the_lead_kept() {
        let iv = interview(2, "2026-06-10T10:00:00Z[UTC]");
        let mut list = checklist(&iv);
        list.items[0].text =
            "Read the ad again and note the three things they care about most".into();
        let kept = Some(iv.lead);
        let v = view(&iv, &list, &[], kept, iv.created);
        let lines: Vec<_> = v.groups.iter().flat_map(|g| &g.items).collect();
        assert_eq!(lines[0].opens_ad, kept);
        assert_eq!(lines[1].opens_ad, None, "Breathe opens nothing");
        // a lead without its ad: the line stays a plain line
        let none = view(&iv, &list, &[], None, iv.created);
        assert_eq!(none.groups[0].items[0].opens_ad, None);
        assert!(asks_for_ad("Re-read the job description") && asks_for_ad("the posting"));
        assert!(!asks_for_ad("Add your questions") && !asks_for_ad("Head out early"));
    }
}

//! The skills balance sheet: how often each skill went well against how
//! often it needed work, and how it went lately, what is still weak first.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::time::Stamp;
use crate::{Debrief, Skill};

/// How a skill went in the debriefs that mention it, most recent last.
/// Read from the order of the marks, not from time windows, so it says
/// something from the second debrief on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lately {
    /// Marked "work on" every time so far.
    StillWeak,
    /// Went well before, needed work the last time.
    Slipped,
    /// Needed work before, went well the last time.
    Improving,
    /// Went well every time so far.
    Strong,
}

/// One skill's line on the sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkillLine {
    /// The skill.
    pub skill: Skill,
    /// Debriefs that marked it as going well.
    pub strengths: usize,
    /// Debriefs that marked it to work on.
    pub to_improve: usize,
    /// How it went lately.
    pub lately: Lately,
    /// When it was last marked either way.
    pub last_marked: Stamp,
}

impl SkillLine {
    /// Debriefs that mention it either way.
    pub fn mentions(&self) -> usize {
        self.strengths + self.to_improve
    }

    /// Still something to work on: the last time it came up it needed work.
    pub fn is_weak(&self) -> bool {
        matches!(self.lately, Lately::StillWeak | Lately::Slipped)
    }
}

/// Builds the sheet from the debriefs written up to `now`: what is still
/// weak first (most often weak first), then what is improving, then the
/// strengths.
pub fn balance_sheet(debriefs: &[Debrief], now: Stamp) -> Vec<SkillLine> {
    let mut ordered: Vec<&Debrief> = debriefs.iter().filter(|d| d.created <= now).collect();
    ordered.sort_by_key(|d| (d.created, d.id));
    // per skill: the marks in time order (true = went well) and the last time
    let mut marks: BTreeMap<Skill, (Vec<bool>, Stamp)> = BTreeMap::new();
    for d in ordered {
        let strong = dedup(&d.body.strengths);
        let weak = dedup(&d.body.to_improve);
        for (skill, well) in strong.iter().map(|s| (*s, true)).chain(
            weak.iter()
                .filter(|s| !strong.contains(s))
                .map(|s| (*s, false)),
        ) {
            let entry = marks
                .entry(skill.clone())
                .or_insert_with(|| (Vec::new(), d.created));
            entry.0.push(well);
            entry.1 = d.created;
        }
    }
    let mut lines: Vec<SkillLine> = marks
        .into_iter()
        .map(|(skill, (marks, last_marked))| {
            let strengths = marks.iter().filter(|m| **m).count();
            let to_improve = marks.len() - strengths;
            let last_well = marks.last().copied().unwrap_or(false);
            let lately = match (last_well, strengths, to_improve) {
                (true, _, 0) => Lately::Strong,
                (true, _, _) => Lately::Improving,
                (false, 0, _) => Lately::StillWeak,
                (false, _, _) => Lately::Slipped,
            };
            SkillLine {
                skill,
                strengths,
                to_improve,
                lately,
                last_marked,
            }
        })
        .collect();
    lines.sort_by(|a, b| {
        a.lately
            .cmp(&b.lately)
            .then_with(|| {
                (b.to_improve as i64 - b.strengths as i64)
                    .cmp(&(a.to_improve as i64 - a.strengths as i64))
            })
            .then_with(|| b.last_marked.cmp(&a.last_marked))
            .then_with(|| a.skill.cmp(&b.skill))
    });
    lines
}

/// The weak spots to keep in mind walking into an interview at `before`:
/// the skills still weak in the debriefs written before it, the most
/// often weak first, at most `n`.
pub fn weak_spots(debriefs: &[Debrief], before: Stamp, n: usize) -> Vec<Skill> {
    let earlier: Vec<Debrief> = debriefs
        .iter()
        .filter(|d| d.created < before)
        .cloned()
        .collect();
    balance_sheet(&earlier, before)
        .into_iter()
        .filter(SkillLine::is_weak)
        .take(n)
        .map(|l| l.skill)
        .collect()
}

fn dedup(skills: &[Skill]) -> Vec<&Skill> {
    let mut v: Vec<&Skill> = skills.iter().collect();
    v.sort();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DebriefBody;
    use crate::id::DebriefId;
    use crate::time::at;
    use uuid::Uuid;

    fn d(n: u128, when: &str, strengths: Vec<Skill>, to_improve: Vec<Skill>) -> Debrief {
        Debrief {
            id: DebriefId(Uuid::from_u128(n)),
            created: at(when),
            updated: at(when),
            interview: None,
            lead: None,
            body: DebriefBody {
                strengths,
                to_improve,
                ..Default::default()
            },
        }
    }

    #[test]
    fn what_is_still_weak_comes_first_and_says_how_it_went() {
        let now = at("2026-07-01T00:00:00Z[UTC]");
        let ds = vec![
            d(
                1,
                "2026-05-01T10:00:00Z[UTC]",
                vec![Skill::Examples, Skill::Composure],
                vec![Skill::SalaryTalk],
            ),
            d(
                2,
                "2026-06-01T10:00:00Z[UTC]",
                vec![Skill::Conciseness],
                vec![Skill::SalaryTalk, Skill::Composure],
            ),
            d(
                3,
                "2026-06-10T10:00:00Z[UTC]",
                vec![],
                vec![Skill::Conciseness],
            ),
            d(
                4,
                "2026-06-20T10:00:00Z[UTC]",
                vec![Skill::Conciseness],
                vec![],
            ),
        ];
        let sheet = balance_sheet(&ds, now);
        let order: Vec<_> = sheet.iter().map(|l| (l.skill.clone(), l.lately)).collect();
        assert_eq!(
            order,
            [
                (Skill::SalaryTalk, Lately::StillWeak),
                (Skill::Composure, Lately::Slipped),
                (Skill::Conciseness, Lately::Improving),
                (Skill::Examples, Lately::Strong),
            ]
        );
        let salary = &sheet[0];
        assert_eq!((salary.strengths, salary.mentions()), (0, 2));
        assert!(salary.is_weak() && sheet[1].is_weak() && !sheet[2].is_weak());
    }

    #[test]
    fn weak_spots_are_read_from_debriefs_before_the_interview() {
        let ds = vec![
            d(
                1,
                "2026-05-01T10:00:00Z[UTC]",
                vec![],
                vec![Skill::SalaryTalk, Skill::Examples],
            ),
            d(
                2,
                "2026-05-10T10:00:00Z[UTC]",
                vec![Skill::Examples],
                vec![Skill::SalaryTalk],
            ),
            d(
                3,
                "2026-06-10T10:00:00Z[UTC]",
                vec![],
                vec![Skill::Composure],
            ),
        ];
        let spots = weak_spots(&ds, at("2026-06-01T10:00:00Z[UTC]"), 2);
        assert_eq!(
            spots,
            [Skill::SalaryTalk],
            "improved and later ones stay out"
        );
        let later = weak_spots(&ds, at("2026-07-01T10:00:00Z[UTC]"), 2);
        assert_eq!(later, [Skill::SalaryTalk, Skill::Composure]);
        assert_eq!(weak_spots(&ds, at("2026-07-01T10:00:00Z[UTC]"), 1).len(), 1);
    }

    #[test]
    fn a_skill_marked_both_ways_in_one_debrief_counts_as_went_well() {
        let now = at("2026-07-01T00:00:00Z[UTC]");
        let ds = vec![d(
            1,
            "2026-06-01T10:00:00Z[UTC]",
            vec![Skill::Examples],
            vec![Skill::Examples],
        )];
        let sheet = balance_sheet(&ds, now);
        assert_eq!((sheet[0].strengths, sheet[0].to_improve), (1, 0));
    }

    #[test]
    fn a_tag_twice_in_one_debrief_counts_once() {
        let now = at("2026-07-01T00:00:00Z[UTC]");
        let ds = vec![d(
            1,
            "2026-06-01T10:00:00Z[UTC]",
            vec![Skill::Examples, Skill::Examples],
            vec![],
        )];
        assert_eq!(balance_sheet(&ds, now)[0].strengths, 1);
    }
}

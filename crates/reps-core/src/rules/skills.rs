//! The skills balance sheet: what went well and what to work on, per skill,
//! and whether each weak spot is shrinking.

use std::collections::BTreeMap;

use chrono::Duration;
use serde::{Deserialize, Serialize};

use crate::time::Stamp;
use crate::{Debrief, Skill};

/// The window compared against the one before it.
pub const WINDOW_DAYS: i64 = 90;

/// Direction of a weak spot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    /// Mentioned as a weakness less often than in the window before.
    Shrinking,
    /// More often.
    Growing,
    /// About the same, or too little data.
    Steady,
}

/// One skill's line on the sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkillLine {
    /// The skill.
    pub skill: Skill,
    /// Times tagged as a strength, ever.
    pub strengths: usize,
    /// Times tagged to improve, ever.
    pub to_improve: usize,
    /// Share of debriefs in the last window tagging it to improve.
    pub recent_rate: f64,
    /// Same share in the window before.
    pub earlier_rate: f64,
    /// Which way it is going.
    pub trend: Trend,
}

/// Builds the sheet at `now`, strongest first, then by most to improve.
pub fn balance_sheet(debriefs: &[Debrief], now: Stamp) -> Vec<SkillLine> {
    let recent_from = now.utc() - Duration::days(WINDOW_DAYS);
    let earlier_from = recent_from - Duration::days(WINDOW_DAYS);
    let in_recent = |d: &Debrief| d.created.utc() > recent_from && d.created.utc() <= now.utc();
    let in_earlier = |d: &Debrief| d.created.utc() > earlier_from && d.created.utc() <= recent_from;
    let recent_n = debriefs.iter().filter(|d| in_recent(d)).count();
    let earlier_n = debriefs.iter().filter(|d| in_earlier(d)).count();

    #[derive(Default)]
    struct Tally {
        strengths: usize,
        improve: usize,
        recent: usize,
        earlier: usize,
    }
    let mut tallies: BTreeMap<Skill, Tally> = BTreeMap::new();
    for d in debriefs {
        for s in dedup(&d.body.strengths) {
            tallies.entry(s.clone()).or_default().strengths += 1;
        }
        for s in dedup(&d.body.to_improve) {
            let t = tallies.entry(s.clone()).or_default();
            t.improve += 1;
            t.recent += usize::from(in_recent(d));
            t.earlier += usize::from(in_earlier(d));
        }
    }
    let rate = |n: usize, of: usize| if of == 0 { 0.0 } else { n as f64 / of as f64 };
    let mut lines: Vec<SkillLine> = tallies
        .into_iter()
        .map(|(skill, t)| {
            let recent_rate = rate(t.recent, recent_n);
            let earlier_rate = rate(t.earlier, earlier_n);
            let trend =
                if recent_n == 0 || earlier_n == 0 || (recent_rate - earlier_rate).abs() < 0.05 {
                    Trend::Steady
                } else if recent_rate < earlier_rate {
                    Trend::Shrinking
                } else {
                    Trend::Growing
                };
            SkillLine {
                skill,
                strengths: t.strengths,
                to_improve: t.improve,
                recent_rate,
                earlier_rate,
                trend,
            }
        })
        .collect();
    lines.sort_by(|a, b| {
        (b.strengths as i64 - b.to_improve as i64)
            .cmp(&(a.strengths as i64 - a.to_improve as i64))
            .then_with(|| a.skill.cmp(&b.skill))
    });
    lines
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
    fn a_weak_spot_mentioned_less_lately_is_shrinking() {
        let now = at("2026-07-01T00:00:00Z[UTC]");
        let ds = vec![
            d(
                1,
                "2026-02-01T10:00:00Z[UTC]",
                vec![],
                vec![Skill::SalaryTalk],
            ),
            d(
                2,
                "2026-02-15T10:00:00Z[UTC]",
                vec![],
                vec![Skill::SalaryTalk],
            ),
            d(
                3,
                "2026-05-01T10:00:00Z[UTC]",
                vec![Skill::SalaryTalk],
                vec![],
            ),
            d(
                4,
                "2026-06-01T10:00:00Z[UTC]",
                vec![],
                vec![Skill::SalaryTalk],
            ),
        ];
        let sheet = balance_sheet(&ds, now);
        let salary = sheet.iter().find(|l| l.skill == Skill::SalaryTalk).unwrap();
        assert_eq!((salary.strengths, salary.to_improve), (1, 3));
        assert_eq!(salary.trend, Trend::Shrinking);
        assert!((salary.recent_rate - 0.5).abs() < 1e-9);
    }

    #[test]
    fn a_new_weak_spot_is_growing() {
        let now = at("2026-07-01T00:00:00Z[UTC]");
        let ds = vec![
            d(
                1,
                "2026-02-01T10:00:00Z[UTC]",
                vec![Skill::Examples],
                vec![],
            ),
            d(
                2,
                "2026-06-01T10:00:00Z[UTC]",
                vec![],
                vec![Skill::Composure],
            ),
        ];
        let sheet = balance_sheet(&ds, now);
        let c = sheet.iter().find(|l| l.skill == Skill::Composure).unwrap();
        assert_eq!(c.trend, Trend::Growing);
        assert_eq!(sheet[0].skill, Skill::Examples, "strengths first");
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

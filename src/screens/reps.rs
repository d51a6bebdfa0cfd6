//! Reps: every interview counts as practice. Totals, months, milestones, the
//! next-step rate, confidence over time, the skills balance sheet, the
//! "no"s counted as progress, and which sources pay off.

use dioxus::prelude::*;
use reps_core::journal::PracticeFacts;
use reps_core::rules::reps::RepsReport;
use reps_core::rules::skills::SkillLine;
use reps_core::rules::sources::SourceLine;
use reps_core::wording;

use crate::app::use_ctx;
use crate::components::chart::ConfidenceChart;
use crate::components::text;

/// The Reps screen.
#[component]
pub fn Reps() -> Element {
    let ctx = use_ctx();
    let data = use_resource(move || async move {
        ctx.revision();
        ctx.journal().reps().await
    });
    match &*data.read() {
        None => rsx! { p { class: "loading", "Loading…" } },
        Some(Err(e)) => rsx! { p { class: "error", role: "alert", "{e}" } },
        Some(Ok(page)) => {
            rsx! { RepsView { report: page.report.clone(), skills: page.skills.clone(), sources: page.sources.clone(), practice: page.practice.clone() } }
        }
    }
}

/// Reps from plain data.
#[component]
pub fn RepsView(
    report: RepsReport,
    skills: Vec<SkillLine>,
    #[props(default)] sources: Vec<SourceLine>,
    #[props(default)] practice: PracticeFacts,
) -> Element {
    let verdicts: Vec<String> = sources.iter().filter_map(wording::source_verdict).collect();
    let next = report
        .milestones
        .iter()
        .find(|m| m.reached.is_none())
        .map(|m| m.reps);
    let reached: Vec<_> = report
        .milestones
        .iter()
        .filter(|m| m.reached.is_some())
        .cloned()
        .collect();
    let max_month = report
        .per_month
        .iter()
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(1)
        .max(1);
    rsx! {
        header { class: "screen-head",
            h1 { "Reps" }
            p { class: "sub", "Every interview is practice, whatever the answer." }
        }
        section { class: "stats",
            div { class: "stat", "data-testid": "reps-total",
                span { class: "stat-value", "{report.total}" }
                span { class: "stat-label", if report.total == 1 { "rep" } else { "reps" } }
            }
            div { class: "stat",
                span { class: "stat-value",
                    {report.next_step_rate.map(|r| format!("{:.0}%", r * 100.0)).unwrap_or_else(|| "—".into())}
                }
                span { class: "stat-label", "invited to the next step" }
            }
            div { class: "stat",
                span { class: "stat-value", "{report.rejections}" }
                span { class: "stat-label", if report.rejections == 1 { "“no” — a step closer all the same" } else { "“no”s — each one a step closer" } }
            }
            div { class: "stat",
                span { class: "stat-value", "{(report.strength * 100.0).round()}" }
                span { class: "stat-label", "rep strength" }
            }
        }
        p { class: "sub", "data-testid": "strength-explained",
            "Rep strength runs from 0 to 100: every interview raises it, and it fades slowly when weeks pass without one." }
        section { class: "practice-facts", "data-testid": "reps-practice",
            h2 { "Between interviews" }
            if practice.cards == 0 {
                p { class: "sub", "Turn an answer you want to improve into a practice card from your interview notes; practising it aloud here counts too — though a rep is still an interview." }
            } else {
                p { "data-testid": "practice-tally", "{wording::practice_tally(&practice)}" }
            }
            div { class: "row-actions wrap",
                if practice.due > 0 {
                    button { class: "button", "data-testid": "reps-practise",
                        onclick: move |_| { navigator().push(crate::route::Route::Practice {}); },
                        "Practise now ({wording::cards_due(practice.due)})" }
                }
                button { class: if practice.due > 0 { "button quiet" } else { "button" }, "data-testid": "reps-cards",
                    onclick: move |_| { navigator().push(crate::route::Route::Cards {}); },
                    if practice.cards == 0 { "Write a card" } else { "Your cards" } }
            }
        }
        if report.total == 0 {
            section { class: "empty",
                p { class: "empty-title", "Your first rep is waiting." }
                p { "Take an interview — any interview inside your skills and pay range. It counts here whatever happens." }
            }
        }
        section {
            h2 { "Confidence" }
            ConfidenceChart { points: report.confidence.clone() }
        }
        if !report.per_month.is_empty() {
            section {
                h2 { "Reps per month" }
                ul { class: "bars",
                    for (month, n) in report.per_month.clone() {
                        li { key: "{month}",
                            span { class: "bar-label", "{reps_core::wording::month(&month)}" }
                            span { class: "bar", style: "width: {n * 100 / max_month}%", "{n}" }
                        }
                    }
                }
            }
        }
        section {
            h2 { "Milestones" }
            ul { class: "milestones",
                for m in reached {
                    li { key: "{m.reps}", class: "reached", if m.reps == 1 { "First rep ✓" } else { "{m.reps} reps ✓" } }
                }
                if let Some(n) = next { li { class: "next", if n == 1 { "Next: your first rep" } else { "Next: {n} reps" } } }
            }
        }
        section {
            h2 { "Skills balance sheet" }
            if skills.is_empty() {
                p { class: "sub", "Tag strengths and things to work on when you capture a debrief; they add up here." }
            }
            if !skills.is_empty() {
                p { class: "sub", "Every skill you marked in a debrief, with what still needs work at the top." }
                table { class: "balance",
                thead { tr { th { "Skill" } th { "So far" } th { "Lately" } } }
                tbody {
                    for (n, s) in skills.into_iter().enumerate() {
                        {
                            let practised = practice.effects.iter().find(|e| e.skill == s.skill).cloned();
                            let (lately, weak) = wording::skill_lately(&s, practised.as_ref());
                            rsx! {
                                tr { key: "{text::skill(&s.skill)}", class: if weak { "weak" } else { "" },
                                    "data-testid": "skill-line-{n}",
                                    td { "{text::skill(&s.skill)}" }
                                    td { "{wording::skill_tally(&s)}" }
                                    td { class: "trend", "{lately}"
                                        if let Some(e) = practised {
                                            span { class: "skill-practice", "data-testid": "skill-practice-{n}", "{e.text}" }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                }
            }
        }
        if !sources.is_empty() {
            section { "data-testid": "sources",
                h2 { "Where your leads come from" }
                p { class: "sub", "Every lead you added, closed ones too: which places answer, and how fast." }
                ul { class: "sources",
                    for (n, s) in sources.into_iter().enumerate() {
                        li { key: "{s.source:?}", "data-testid": "source-line-{n}",
                            b { "{text::source(s.source)}" }
                            span { class: "source-facts", "{wording::source_facts(&s)}" }
                        }
                    }
                }
                for (n, v) in verdicts.into_iter().enumerate() {
                    p { key: "{n}", class: "source-verdict", "data-testid": "source-verdict-{n}", "{v}" }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::test_support::{demo, render_with};

    #[test]
    fn empty_reps_encourage_the_first_one() {
        let j = reps_core::Journal::in_memory(reps_core::ManualClock::new(
            "2026-06-01T09:00:00Z[UTC]".parse().unwrap(),
        ))
        .unwrap();
        let html = render_with(
            (j.reps().unwrap(), vec![]),
            |(report, skills)| rsx! { RepsView { report, skills, sources: vec![] } },
        );
        assert!(html.contains("Your first rep is waiting."), "{html}");
    }

    #[test]
    fn typical_reps_show_totals_chart_and_balance_sheet() {
        let j = demo();
        let html = render_with(
            j.reps_page().unwrap(),
            |page| rsx! { RepsView { report: page.report, skills: page.skills, sources: page.sources, practice: page.practice } },
        );
        assert!(html.contains("<polyline"), "{html}");
        assert!(html.contains(">6<"), "six reps: {html}");
        assert!(html.contains("Salary talk"));
        // what still needs work leads the balance sheet, with its tally
        let skills = j.skills().unwrap();
        assert!(skills[0].is_weak(), "{skills:?}");
        let first = html.find("skill-line-0").unwrap();
        let row = &html[first..first + html[first..].find("</tr>").unwrap()];
        assert!(row.contains(&wording::skill_tally(&skills[0])), "{row}");
        assert!(row.contains(wording::lately(skills[0].lately)), "{row}");
        // the sources, most leads first, each with its counts
        let sources = j.sources().unwrap();
        let top = html.find("source-line-0").unwrap();
        let row = &html[top..top + html[top..].find("</li>").unwrap()];
        assert!(row.contains(text::source(sources[0].source)), "{row}");
        assert!(row.contains(&wording::source_facts(&sources[0])), "{row}");
        // practice beside the interviews, and on a practised skill's row
        // what later debriefs said of it
        let facts = j.practice_facts().unwrap();
        assert!(html.contains(&wording::practice_tally(&facts)), "{html}");
        let effect = facts
            .effects
            .iter()
            .find(|e| e.skill == reps_core::Skill::SalaryTalk)
            .unwrap();
        let n = skills.iter().position(|s| s.skill == effect.skill).unwrap();
        let start = html.find(&format!("skill-line-{n}")).unwrap();
        let row = &html[start..start + html[start..].find("</tr>").unwrap()];
        assert!(row.contains(effect.text.as_str()), "{row}");
        // "Short answers": weak when last marked, not marked since practice
        let short = facts
            .effects
            .iter()
            .find(|e| e.skill == reps_core::Skill::Conciseness)
            .unwrap();
        assert!(short.stopped_appearing, "{short:?}");
        let n = skills.iter().position(|s| s.skill == short.skill).unwrap();
        let start = html.find(&format!("skill-line-{n}")).unwrap();
        let row = &html[start..start + html[start..].find("</tr>").unwrap()];
        assert!(row.contains(wording::LATELY_AFTER_PRACTICE), "{row}");
    }
}

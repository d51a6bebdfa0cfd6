//! A plain-text look at the journal, for the terminal: what is due today,
//! the deck, the pipeline and the reps. Everything shown comes from core queries.

use std::fmt::Write as _;

use reps_core::rules::today::TodayItem;
use reps_core::{Journal, Result};

/// Renders the summary.
pub fn render(j: &Journal) -> Result<String> {
    let mut out = String::new();
    let now = j.now();
    let c = j.counts()?;
    let _ = writeln!(out, "Reps — your interview journal");
    if let Some(p) = j.path() {
        let _ = writeln!(out, "Journal: {}", p.display());
    }
    let _ = writeln!(
        out,
        "{} leads · {} interviews · {} debriefs · {} people\n",
        c.leads, c.interviews, c.debriefs, c.contacts
    );

    let today = j.today()?;
    let _ = writeln!(out, "TODAY ({})", now.local().format("%A %-d %B"));
    if today.is_empty() {
        let _ = writeln!(out, "  Nothing due. Add a lead, or enjoy the quiet.");
    }
    for item in &today {
        let line = match item {
            TodayItem::Checklist {
                about,
                starts,
                done,
                total,
                ..
            } => format!(
                "Checklist for {about} at {} ({done}/{total} done)",
                starts.local().format("%a %H:%M")
            ),
            TodayItem::WriteDebrief { about, .. } => format!("Write down how it went: {about}"),
            TodayItem::FollowUp {
                followup,
                about,
                overdue,
            } => format!(
                "{}: {about}{}",
                reps_core::wording::follow_up(followup.kind),
                if *overdue { " (overdue)" } else { "" }
            ),
            TodayItem::Practice { cards, .. } => format!(
                "{}: {}",
                reps_core::wording::PRACTISE,
                reps_core::wording::cards_due(*cards)
            ),
            TodayItem::Silent { about, since, .. } => format!(
                "No word from {about} since {}: mark as ghosted, or send a last check-in?",
                since.local().format("%-d %b")
            ),
        };
        let _ = writeln!(out, "  • {line}");
    }

    let deck = j.deck()?;
    let _ = writeln!(out, "\nTO DECIDE: {} lead(s) in the deck", deck.len());
    for l in deck.iter().take(5) {
        let _ = writeln!(out, "  • {} — {}", l.details.company, l.details.role);
    }

    let _ = writeln!(out, "\nPIPELINE");
    for (status, leads) in j.pipeline()? {
        let _ = writeln!(out, "  {:<22} {}", status.to_string(), leads.len());
    }

    let reps = j.reps()?;
    let _ = writeln!(
        out,
        "\nREPS: {} interview(s) held — every one counts",
        reps.total
    );
    if let Some(rate) = reps.next_step_rate {
        let _ = writeln!(out, "  Next-step rate: {:.0}%", rate * 100.0);
    }
    if let Some(t) = reps.confidence_trend {
        let dir = if t > 0.05 {
            "growing"
        } else if t < -0.05 {
            "dipping"
        } else {
            "steady"
        };
        let _ = writeln!(out, "  Confidence: {dir}");
    }
    if reps.rejections > 0 {
        let _ = writeln!(
            out,
            "  {} \"no\"s so far — each one is a step closer to a yes",
            reps.rejections
        );
    }
    if let Some(next) = reps.milestones.iter().find(|m| m.reached.is_none()) {
        let _ = writeln!(out, "  Next milestone: {} reps", next.reps);
    }
    let offers = j.offers()?;
    if !offers.is_empty() {
        let _ = writeln!(out, "\nOFFERS");
        for o in offers {
            let _ = writeln!(
                out,
                "  • {} — {}: {} check(s) to look at, {} open question(s)",
                o.company, o.role, o.concerns_raised, o.open_questions
            );
        }
    }
    Ok(out)
}

//! Which status moves make sense. A lead is never silently dropped: it leaves
//! the pipeline only by being closed with an outcome.

use crate::Status;

/// Outcomes that close a lead for good: nothing can follow them.
pub fn is_final(status: Status) -> bool {
    matches!(
        status,
        Status::Accepted | Status::Declined | Status::Rejected | Status::Withdrew
    )
}

/// Whether a lead may go from `from` to `to` as a normal decision (undo aside).
pub fn can_move(from: Status, to: Status) -> bool {
    use Status::*;
    match from {
        New => matches!(to, Deciding | Taking | Passed | Interviewing | Rejected),
        Deciding => matches!(to, Taking | Passed | Interviewing | Rejected | Ghosted),
        Taking => matches!(to, Interviewing | Offer | Rejected | Withdrew | Ghosted),
        Interviewing => matches!(to, Interviewing | Offer | Rejected | Withdrew | Ghosted),
        Offer => matches!(to, Accepted | Declined | Rejected | Ghosted | Interviewing),
        // Reconsidering a pass is always allowed: the advice is to keep options open.
        Passed => matches!(to, Deciding | Taking | Interviewing),
        // They came back after all.
        Ghosted => matches!(to, Interviewing | Offer | Rejected | Taking),
        Accepted | Declined | Rejected | Withdrew => false,
    }
}

/// After a merge with another device's journal, a lead's stage history
/// holds both devices' moves, and its status is whichever of two moves made
/// offline the merge kept. The history is the record of what happened, so
/// the status and stage follow its last entry, the same on every device.
/// Returns whether anything had to change.
pub fn settle_merged(lead: &mut crate::Lead) -> bool {
    let Some(last) = lead.history.last() else {
        return false;
    };
    if lead.status == last.status && lead.stage == last.stage {
        return false;
    }
    lead.status = last.status;
    lead.stage = last.stage.clone();
    true
}

/// The statuses a swipe deck holds (still to triage).
pub fn in_deck(status: Status) -> bool {
    matches!(status, Status::New | Status::Deciding)
}

/// Where one interview stands, as its card says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InterviewStanding {
    /// Called off.
    Cancelled,
    /// Not held yet.
    Ahead,
    /// Held, the latest, and the lead still open: ask what came of it.
    WaitingToHear,
    /// Marked: it led to the next step.
    Invited,
    /// Marked: it went no further (still a rep).
    NotInvited,
    /// Not marked, but a later round followed it.
    LedToNextRound,
    /// Not marked, but the offer came after it.
    LedToOffer,
    /// Not marked; the lead closed or went quiet after it.
    LeadClosed(Status),
}

/// Where `iv` stands, given the lead's status now and whether a later
/// interview (held or ahead, not cancelled) follows it. Only the one whose
/// answer is still awaited asks for an outcome: after the offer, or once a
/// next round is booked, "waiting to hear" would be wrong.
pub fn interview_standing(
    iv: &crate::Interview,
    lead: Status,
    later_round: bool,
    now: crate::time::Stamp,
) -> InterviewStanding {
    use crate::Outcome;
    use InterviewStanding as S;
    if iv.cancelled {
        return S::Cancelled;
    }
    if !iv.is_held(now) {
        return S::Ahead;
    }
    match iv.outcome {
        Outcome::Invited => S::Invited,
        Outcome::NotInvited => S::NotInvited,
        Outcome::Pending => match lead {
            Status::Offer | Status::Accepted | Status::Declined => S::LedToOffer,
            _ if later_round => S::LedToNextRound,
            Status::Rejected | Status::Withdrew | Status::Ghosted => S::LeadClosed(lead),
            _ => S::WaitingToHear,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::*;

    #[test]
    fn only_the_latest_open_round_waits_to_hear() {
        use crate::time::at;
        use crate::{InterviewKind, InterviewPlan, Outcome, Stage};
        let plan = InterviewPlan::new(
            at("2026-06-01T10:00:00Z[UTC]"),
            60,
            InterviewKind::Video,
            Stage::Screen,
        );
        let mut iv = crate::Interview::planned(1, 2, plan);
        let before = at("2026-06-01T09:00:00Z[UTC]");
        let after = at("2026-06-02T09:00:00Z[UTC]");
        let s = |iv: &crate::Interview, lead, later, now| interview_standing(iv, lead, later, now);
        assert_eq!(s(&iv, Taking, false, before), InterviewStanding::Ahead);
        assert_eq!(
            s(&iv, Interviewing, false, after),
            InterviewStanding::WaitingToHear
        );
        assert_eq!(
            s(&iv, Interviewing, true, after),
            InterviewStanding::LedToNextRound
        );
        assert_eq!(s(&iv, Offer, false, after), InterviewStanding::LedToOffer);
        assert_eq!(s(&iv, Declined, true, after), InterviewStanding::LedToOffer);
        assert_eq!(
            s(&iv, Rejected, false, after),
            InterviewStanding::LeadClosed(Rejected)
        );
        iv.outcome = Outcome::NotInvited;
        assert_eq!(s(&iv, Offer, false, after), InterviewStanding::NotInvited);
        iv.cancelled = true;
        assert_eq!(
            s(&iv, Interviewing, false, after),
            InterviewStanding::Cancelled
        );
    }

    #[test]
    fn triage_moves_out_of_new() {
        for to in [Deciding, Taking, Passed, Interviewing] {
            assert!(can_move(New, to));
        }
    }

    #[test]
    fn an_offer_cannot_appear_on_a_passed_lead() {
        assert!(!can_move(Passed, Offer));
        assert!(can_move(Passed, Taking), "reconsidering is allowed");
    }

    #[test]
    fn closed_outcomes_are_final() {
        for from in [Accepted, Declined, Rejected, Withdrew] {
            for to in Status::ALL {
                assert!(!can_move(from, to), "{from:?} -> {to:?}");
            }
        }
    }

    #[test]
    fn final_outcomes_are_exactly_those_with_no_way_out() {
        for s in Status::ALL {
            let stuck = Status::ALL.iter().all(|to| !can_move(s, *to));
            assert_eq!(is_final(s), stuck, "{s:?}");
        }
    }

    #[test]
    fn a_ghosted_lead_can_come_back() {
        assert!(can_move(Ghosted, Interviewing));
    }

    #[test]
    fn stages_advance_inside_interviewing() {
        assert!(can_move(Interviewing, Interviewing));
        assert!(!can_move(New, New));
    }

    #[test]
    fn the_deck_holds_new_and_deciding() {
        assert!(in_deck(New) && in_deck(Deciding) && !in_deck(Taking));
    }
}

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

/// The statuses a swipe deck holds (still to triage).
pub fn in_deck(status: Status) -> bool {
    matches!(status, Status::New | Status::Deciding)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::*;

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

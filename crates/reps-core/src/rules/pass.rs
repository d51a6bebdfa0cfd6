//! Is this pass reason strong? Clear mismatches pass quietly; reasons that
//! come from fear or hearsay get a short, respectful counter-point. The user
//! always decides: this rule only advises.

use serde::{Deserialize, Serialize};

use crate::PassReason;

/// The rule's view of a pass reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Assessment {
    /// A good reason to spend the hour elsewhere.
    Strong,
    /// Worth a second thought; `counterpoint` says why, in one or two sentences.
    Weak {
        /// Shown with a one-tap "reconsider".
        counterpoint: String,
    },
}

/// Classifies a reason for passing on a lead.
pub fn assess(reason: PassReason) -> Assessment {
    use PassReason::*;
    let counterpoint = match reason {
        OutsideSkills | OutsidePayRange | RedFlagSeen | ClearMismatch => return Assessment::Strong,
        SecondHandReview => {
            "A review describes someone else's team and someone else's year. One hour in the room tells you about yours: go and see, and write down what you notice."
        }
        NoTime => {
            "An hour buys practice, a new contact and real facts about the pay. If the week is truly full, ask to move the interview instead of turning it down."
        }
        FearOfRejection => {
            "Even a \"no\" leaves you with one more rep and a sharper answer for next time. Staying home is the only sure way to get nothing out of it."
        }
        AfraidToBeRude => {
            "Saying yes to an interview is not a promise to take the job. Companies meet many people and expect some to say no later; listening first is fair to both sides."
        }
        VagueFeeling => {
            "A hunch is worth keeping as a question to clarify. Go, ask it, and decide on what you learn rather than on a guess."
        }
    };
    Assessment::Weak {
        counterpoint: counterpoint.to_string(),
    }
}

/// A short label for a reason, as a chip shows it.
pub fn label(reason: PassReason) -> &'static str {
    use PassReason::*;
    match reason {
        OutsideSkills => "Outside my skills",
        OutsidePayRange => "Outside my pay range",
        RedFlagSeen => "A red flag I saw myself",
        ClearMismatch => "Clearly not a match",
        SecondHandReview => "Bad reviews I read or heard",
        NoTime => "No time",
        FearOfRejection => "They'll probably say no",
        AfraidToBeRude => "Don't want to lead them on",
        VagueFeeling => "Just a feeling",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clear_mismatches_are_strong() {
        for r in [
            PassReason::OutsideSkills,
            PassReason::OutsidePayRange,
            PassReason::RedFlagSeen,
            PassReason::ClearMismatch,
        ] {
            assert_eq!(assess(r), Assessment::Strong, "{r:?}");
        }
    }

    #[test]
    fn fear_and_hearsay_are_weak_with_a_counterpoint() {
        for r in [
            PassReason::SecondHandReview,
            PassReason::NoTime,
            PassReason::FearOfRejection,
            PassReason::AfraidToBeRude,
            PassReason::VagueFeeling,
        ] {
            match assess(r) {
                Assessment::Weak { counterpoint } => {
                    assert!(counterpoint.len() > 40 && counterpoint.len() < 240, "{r:?}")
                }
                Assessment::Strong => panic!("{r:?} should be weak"),
            }
        }
    }

    #[test]
    fn every_reason_has_a_distinct_label() {
        let mut labels: Vec<_> = PassReason::ALL.iter().map(|r| label(*r)).collect();
        labels.sort();
        labels.dedup();
        assert_eq!(labels.len(), PassReason::ALL.len());
    }
}

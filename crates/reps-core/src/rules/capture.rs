//! Which notes the capture screen puts back when it opens again.

use chrono::Duration;

use crate::Debrief;
use crate::id::InterviewId;
use crate::time::Stamp;

/// How long an unfinished debrief is offered again on the capture screen:
/// long enough for a drive home, short enough that tomorrow's capture starts blank.
pub const RESUME_WITHIN_MINUTES: i64 = 120;

/// Whether `draft` is put back on a capture screen opened at `now`: touched
/// within [`RESUME_WITHIN_MINUTES`], and about the interview the screen is
/// for — the one `asked` for, else the one that just ended. Notes about
/// another interview are never put back (after a second interview the same
/// day, + starts that interview's notes); notes not yet tied to any
/// interview are.
pub fn resumes(
    draft: &Debrief,
    asked: Option<InterviewId>,
    just_ended: Option<InterviewId>,
    now: Stamp,
) -> bool {
    let age = now.utc() - draft.updated.utc();
    let recent = age >= Duration::zero() && age <= Duration::minutes(RESUME_WITHIN_MINUTES);
    let same = match (asked, draft.interview, just_ended) {
        (Some(asked), about, _) => about == Some(asked),
        (None, Some(about), Some(ended)) => about == ended,
        (None, _, _) => true,
    };
    recent && same
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DebriefBody;
    use crate::id::DebriefId;
    use crate::time::at;

    fn draft(interview: Option<InterviewId>, updated: &str) -> Debrief {
        Debrief {
            id: DebriefId(uuid::Uuid::now_v7()),
            interview,
            lead: None,
            created: at(updated),
            updated: at(updated),
            body: DebriefBody::default(),
        }
    }

    #[test]
    fn notes_come_back_only_for_the_interview_the_screen_is_for() {
        let first = InterviewId(uuid::Uuid::now_v7());
        let second = InterviewId(uuid::Uuid::now_v7());
        let now = at("2026-06-01T16:00:00+02:00[Europe/Paris]");
        let fresh = "2026-06-01T15:10:00+02:00[Europe/Paris]";
        // + after the first interview: its notes come back
        assert!(resumes(&draft(Some(first), fresh), None, Some(first), now));
        // + after a second interview the same day: the first one's stay put
        assert!(!resumes(
            &draft(Some(first), fresh),
            None,
            Some(second),
            now
        ));
        // notes tied to nothing yet come back
        assert!(resumes(&draft(None, fresh), None, Some(second), now));
        // a screen for a given interview takes only that interview's notes
        assert!(resumes(
            &draft(Some(second), fresh),
            Some(second),
            Some(first),
            now
        ));
        assert!(!resumes(&draft(None, fresh), Some(second), None, now));
        // older than two hours: a blank screen
        let stale = "2026-06-01T13:30:00+02:00[Europe/Paris]";
        assert!(!resumes(&draft(Some(first), stale), None, Some(first), now));
    }
}

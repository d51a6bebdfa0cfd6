//! Deep links: the `reps://` addresses that home-screen shortcuts, widgets,
//! notifications and the desktop's command line open, and the screen each
//! one shows.
//!
//! The links other code writes (the platform code in `platforms/`, the
//! uniffi records, the widget snapshot) are the core's [`GoesTo`] links. Any other `reps://<path>` is
//! read as the app's own route `/<path>` (`reps://prep/<interview id>`,
//! `reps://capture/<interview id>`, `reps://leads`…), so a link to any
//! screen works without a list to keep in step.

use std::str::FromStr;

use crate::route::Route;

use reps_core::GoesTo;
pub use reps_core::journal::goes_to::SCHEME;

/// The screen a link opens; `None` if it is not a Reps link or names no
/// screen (a link is never an error the user has to see: the app opens as
/// usual).
pub fn route_for(link: &str) -> Option<Route> {
    if let Some(to) = GoesTo::from_link(link) {
        return Some(Route::from(to));
    }
    let rest = link.trim().strip_prefix(SCHEME)?.strip_prefix("://")?;
    // a query or fragment carries nothing Reps reads
    let rest = rest.split(['?', '#']).next().unwrap_or_default();
    let rest = rest.trim_matches('/');
    Route::from_str(&format!("/{rest}")).ok()
}

/// The link that opens `route` (the inverse of [`route_for`]).
#[cfg_attr(not(test), allow(dead_code))]
pub fn link_for(route: &Route) -> String {
    match route {
        Route::Today {} => format!("{SCHEME}://today"),
        Route::LeadDetail { id } => format!("{SCHEME}://lead/{id}"),
        other => format!("{SCHEME}:/{other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::message::MessageFor;
    use reps_core::rules::messages::MessageKind;
    use reps_core::{InterviewId, LeadId};

    #[test]
    fn the_links_other_code_writes_open_their_screens() {
        assert_eq!(route_for("reps://capture"), Some(Route::Capture {}));
        assert_eq!(route_for("reps://today"), Some(Route::Today {}));
        assert_eq!(route_for("reps://"), Some(Route::Today {}));
        let lead = LeadId(uuid::Uuid::now_v7());
        assert_eq!(
            route_for(&format!("reps://lead/{lead}")),
            Some(Route::LeadDetail { id: lead })
        );
        let iv = InterviewId(uuid::Uuid::now_v7());
        let message = Route::Message {
            kind: MessageKind::ThankYou,
            about: MessageFor::Interview(iv),
        };
        assert_eq!(route_for(&link_for(&message)), Some(message.clone()));
        assert!(link_for(&message).starts_with("reps://message/"));
        // the uniffi views' links to a checklist and a capture for an interview
        assert_eq!(
            route_for(&format!("reps://prep/{iv}")),
            Some(Route::ChecklistScreen { id: iv })
        );
        assert_eq!(
            route_for(&format!("reps://capture/{iv}/")),
            Some(Route::CaptureFor { interview: iv })
        );
    }

    #[test]
    fn every_route_round_trips() {
        let lead = LeadId(uuid::Uuid::now_v7());
        let iv = InterviewId(uuid::Uuid::now_v7());
        for r in [
            Route::Today {},
            Route::Leads {},
            Route::LeadDetail { id: lead },
            Route::Capture {},
            Route::CaptureFor { interview: iv },
            Route::Prep {},
            Route::ChecklistScreen { id: iv },
            Route::Reps {},
            Route::People {},
            Route::Data {},
            Route::Offers {},
            Route::Search {},
            Route::Message {
                kind: MessageKind::CheckIn,
                about: MessageFor::Lead(lead),
            },
        ] {
            let link = link_for(&r);
            assert_eq!(route_for(&link), Some(r.clone()), "{link}");
        }
        assert_eq!(
            link_for(&Route::LeadDetail { id: lead }),
            format!("reps://lead/{lead}")
        );
    }

    #[test]
    fn anything_else_opens_nothing() {
        for bad in [
            "",
            "capture",
            "https://reps.example/capture",
            "repsx://capture",
            "reps:capture",
            "reps://lead/not-an-id",
            "reps://nowhere",
            "reps://message/thank_you/nobody",
        ] {
            assert_eq!(route_for(bad), None, "{bad}");
        }
        // a query string is ignored, not refused
        assert_eq!(
            route_for("reps://capture?from=widget"),
            Some(Route::Capture {})
        );
    }
}

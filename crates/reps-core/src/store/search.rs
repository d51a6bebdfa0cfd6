//! Search over the stored records. Each candidate is read through a borrowed
//! view holding only its searchable text, so a word that also appears in field
//! names or time zones ("people", "paris") costs a light parse, not a full decode.

use std::borrow::Cow;

use serde::Deserialize;

use super::Journal;
use super::access::Read;
use super::codec::{FORMAT_JSON_V1, payload};
use super::tables::{CONTACTS, DEBRIEFS, INTERVIEWS, LEADS, Records};
use crate::error::{Error, Result};
use crate::id::{ContactId, DebriefId, InterviewId, LeadId};
use crate::rules::search::{self, BODY, Hit, Query, SHORT, TITLE, Target};
use crate::time::Stamp;

type Text<'a> = Cow<'a, str>;

#[derive(Deserialize)]
struct LeadView<'a> {
    id: LeadId,
    #[serde(borrow)]
    details: LeadText<'a>,
}

#[derive(Deserialize)]
struct LeadText<'a> {
    #[serde(borrow)]
    company: Text<'a>,
    #[serde(borrow)]
    role: Text<'a>,
    #[serde(borrow, default)]
    location: Text<'a>,
    #[serde(borrow, default)]
    seen: Text<'a>,
    #[serde(borrow, default)]
    heard: Text<'a>,
}

#[derive(Deserialize)]
struct DebriefView<'a> {
    id: DebriefId,
    created: Stamp,
    #[serde(borrow)]
    body: DebriefText<'a>,
}

#[derive(Deserialize)]
struct Detail<'a> {
    #[serde(borrow, default)]
    detail: Text<'a>,
}

#[derive(Deserialize)]
struct QuestionText<'a> {
    #[serde(borrow)]
    text: Text<'a>,
}

#[derive(Deserialize)]
struct DebriefText<'a> {
    #[serde(borrow, default)]
    improve: Text<'a>,
    #[serde(borrow, default)]
    went_well: Text<'a>,
    #[serde(borrow, default)]
    red_flags: Vec<Detail<'a>>,
    #[serde(borrow, default)]
    questions: Vec<QuestionText<'a>>,
    #[serde(borrow, default)]
    people: Vec<Text<'a>>,
    #[serde(borrow, default)]
    next_step: Text<'a>,
    #[serde(borrow, default)]
    notes: Text<'a>,
}

#[derive(Deserialize)]
struct ContactView<'a> {
    id: ContactId,
    #[serde(borrow)]
    details: ContactText<'a>,
}

#[derive(Deserialize)]
struct ContactText<'a> {
    #[serde(borrow)]
    name: Text<'a>,
    #[serde(borrow, default)]
    role: Text<'a>,
    #[serde(borrow, default)]
    company: Text<'a>,
    #[serde(borrow, default)]
    met_where: Text<'a>,
    #[serde(borrow, default)]
    notes: Text<'a>,
}

#[derive(Deserialize)]
struct InterviewView<'a> {
    id: InterviewId,
    #[serde(borrow)]
    plan: PlanText<'a>,
}

#[derive(Deserialize)]
struct PlanText<'a> {
    start: Stamp,
    stage: crate::Stage,
    #[serde(borrow, default)]
    place: Text<'a>,
    #[serde(borrow, default)]
    goal: Text<'a>,
}

/// Visits the candidates of one table whose bytes may contain every word.
fn each_candidate(
    r: &impl Read,
    table: Records,
    q: &Query,
    f: &mut dyn FnMut(&str) -> Result<()>,
) -> Result<()> {
    r.scan_raw(table, &mut |key, raw| {
        if raw.first() != Some(&FORMAT_JSON_V1) {
            return Err(Error::Corrupt(format!(
                "record {key:032x} has an unknown format"
            )));
        }
        let json = payload(raw);
        if !q.may_match_raw(json) {
            return Ok(());
        }
        let text = std::str::from_utf8(json)
            .map_err(|e| Error::Corrupt(format!("record {key:032x}: {e}")))?;
        f(text)
    })
}

fn view<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| Error::Corrupt(format!("unreadable record: {e}")))
}

impl Journal {
    /// Searches leads, debriefs, contacts and interviews: every word must
    /// appear (any case, any part of a word). Best `limit` hits first.
    pub fn search(&self, text: &str, limit: usize) -> Result<Vec<Hit>> {
        let Some(q) = Query::parse(text) else {
            return Ok(Vec::new());
        };
        self.read(|r| {
            let mut hits = Vec::new();
            each_candidate(r, LEADS, &q, &mut |json| {
                let l: LeadView = view(json)?;
                let d = &l.details;
                if let Some((score, snippet)) = q.score(&[
                    (&d.company, TITLE),
                    (&d.role, SHORT),
                    (&d.location, SHORT),
                    (&d.seen, BODY),
                    (&d.heard, BODY),
                ]) {
                    let title = format!("{} — {}", d.company, d.role);
                    hits.push(Hit {
                        target: Target::Lead(l.id),
                        title,
                        snippet,
                        score,
                    });
                }
                Ok(())
            })?;
            each_candidate(r, DEBRIEFS, &q, &mut |json| {
                let d: DebriefView = view(json)?;
                let b = &d.body;
                let flags = join(b.red_flags.iter().map(|f| &f.detail));
                let questions = join(b.questions.iter().map(|q| &q.text));
                let people = b.people.join(", ");
                if let Some((score, snippet)) = q.score(&[
                    (&people, SHORT),
                    (&b.went_well, BODY),
                    (&b.improve, BODY),
                    (&flags, BODY),
                    (&questions, BODY),
                    (&b.next_step, BODY),
                    (&b.notes, BODY),
                ]) {
                    let title = format!("Debrief of {}", d.created.local().format("%-d %b %Y"));
                    hits.push(Hit {
                        target: Target::Debrief(d.id),
                        title,
                        snippet,
                        score,
                    });
                }
                Ok(())
            })?;
            each_candidate(r, CONTACTS, &q, &mut |json| {
                let c: ContactView = view(json)?;
                let d = &c.details;
                if let Some((score, snippet)) = q.score(&[
                    (&d.name, TITLE),
                    (&d.company, SHORT),
                    (&d.role, SHORT),
                    (&d.met_where, BODY),
                    (&d.notes, BODY),
                ]) {
                    hits.push(Hit {
                        target: Target::Contact(c.id),
                        title: d.name.to_string(),
                        snippet,
                        score,
                    });
                }
                Ok(())
            })?;
            each_candidate(r, INTERVIEWS, &q, &mut |json| {
                let i: InterviewView = view(json)?;
                let stage = i.plan.stage.to_string();
                if let Some((score, snippet)) = q.score(&[
                    (&stage, SHORT),
                    (&i.plan.place, SHORT),
                    (&i.plan.goal, BODY),
                ]) {
                    let title =
                        format!("Interview of {}", i.plan.start.local().format("%-d %b %Y"));
                    hits.push(Hit {
                        target: Target::Interview(i.id),
                        title,
                        snippet,
                        score,
                    });
                }
                Ok(())
            })?;
            Ok(search::rank(hits, limit))
        })
    }
}

fn join<'a>(parts: impl Iterator<Item = &'a Text<'a>>) -> String {
    parts.map(|p| p.as_ref()).collect::<Vec<_>>().join("\n")
}

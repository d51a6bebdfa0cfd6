//! The search index's life inside the journal. It is built from one read
//! transaction on the first search, then kept up to date from commits: each
//! committed write names the searched records it wrote (`Writer::put`), and
//! those are read again at the next search. A commit that wrote many records
//! (an import) drops the index instead, to be rebuilt whole. An aborted
//! write names nothing, so the index never sees it.

use std::collections::HashSet;
use std::sync::{Mutex, MutexGuard};

use redb::{ReadTransaction, TableHandle};

use super::{GoesTo, Journal};
use crate::error::Result;
use crate::rules::search::{Document, Hit, Index, Query, Target};
use crate::store::Read;
use crate::store::codec::decode;
use crate::store::tables::{CONTACTS, DEBRIEFS, INTERVIEWS, LEADS, Records};
use serde::{Deserialize, Serialize};

use crate::id::LeadId;
use crate::wording;
use crate::{Contact, Debrief, Interview, Lead};

/// More searched records than this in one commit and the index is rebuilt
/// instead of updated (an import, a bulk change).
const BULK: usize = 256;

/// The journal's search index and what changed since it was last brought up to date.
#[derive(Debug, Default)]
pub(crate) struct SearchIndex {
    index: Option<Index>,
    dirty: HashSet<Target>,
}

impl SearchIndex {
    /// A fresh, empty state: the index is built on the first search.
    pub(crate) fn new() -> Mutex<Self> {
        Mutex::new(Self::default())
    }

    /// Records `touched` were written by a commit that has succeeded.
    fn committed(&mut self, touched: &[Target]) {
        if self.index.is_none() {
            return;
        }
        if touched.len() > BULK {
            self.index = None;
            self.dirty.clear();
        } else {
            self.dirty.extend(touched.iter().copied());
        }
    }

    /// The index as of the snapshot `r`: built if missing, else the changed records read again.
    fn refresh(&mut self, r: &ReadTransaction) -> Result<&mut Index> {
        // Taken out while it changes: on an error it is rebuilt next time.
        let index = match self.index.take() {
            Some(mut index) => {
                for target in self.dirty.drain() {
                    match document(r, target)? {
                        Some(doc) => index.put(doc),
                        None => index.remove(target),
                    }
                }
                index
            }
            None => {
                self.dirty.clear();
                build(r)?
            }
        };
        Ok(self.index.insert(index))
    }
}

/// The searched part of one record as stored now, if it still exists.
fn document(r: &ReadTransaction, target: Target) -> Result<Option<Document>> {
    Ok(match target {
        Target::Lead(id) => r.load_opt::<Lead>(id.key())?.map(|l| Document::lead(&l)),
        Target::Interview(id) => r
            .load_opt::<Interview>(id.key())?
            .map(|i| Document::interview(&i)),
        Target::Debrief(id) => r
            .load_opt::<Debrief>(id.key())?
            .map(|d| Document::debrief(&d)),
        Target::Contact(id) => r
            .load_opt::<Contact>(id.key())?
            .map(|c| Document::contact(&c)),
    })
}

/// The index of every searched record in the snapshot.
fn build(r: &ReadTransaction) -> Result<Index> {
    let mut index = Index::new();
    each(r, LEADS, &mut index, |l: Lead| Document::lead(&l))?;
    each(r, INTERVIEWS, &mut index, |i: Interview| {
        Document::interview(&i)
    })?;
    each(r, DEBRIEFS, &mut index, |d: Debrief| Document::debrief(&d))?;
    each(r, CONTACTS, &mut index, |c: Contact| Document::contact(&c))?;
    index.shrink();
    Ok(index)
}

fn each<R: serde::de::DeserializeOwned>(
    r: &ReadTransaction,
    table: Records,
    index: &mut Index,
    doc: impl Fn(R) -> Document,
) -> Result<()> {
    r.scan_raw(table, &mut |key, raw| {
        index.put(doc(decode(raw, table.name(), key)?));
        Ok(())
    })
}

/// A search hit, the lead to open for it (interviews and debriefs live on
/// their lead's page) and, for those, whose it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResult {
    /// What matched.
    pub hit: Hit,
    /// The lead it belongs to, if any.
    pub lead: Option<LeadId>,
    /// "Company — role" for an interview or a debrief.
    pub about: Option<String>,
    /// Where "Open" goes: a debrief opens whole (the word found is in it),
    /// a person the people list, anything else its lead.
    pub goes_to: Option<GoesTo>,
}

impl Journal {
    /// The search box: the best `limit` hits for `text`, each with the lead
    /// it belongs to (one snapshot).
    pub fn search_results(&self, text: &str, limit: usize) -> Result<Vec<SearchResult>> {
        let Some(q) = Query::parse(text) else {
            return Ok(Vec::new());
        };
        let mut state = self.search_state();
        self.read(|r| {
            let hits = state.refresh(r)?.search(&q, limit);
            drop(state);
            hits.into_iter()
                .map(|mut hit| {
                    let lead = match hit.target {
                        Target::Lead(l) => Some(l),
                        Target::Interview(i) => Some(r.load::<Interview>(i.key())?.lead),
                        Target::Debrief(d) => {
                            let debrief = r.load::<Debrief>(d.key())?;
                            // named by its interview, as it stands now
                            if let Some(i) = debrief.interview {
                                hit.title = wording::debrief_title(&r.load::<Interview>(i.key())?);
                            }
                            debrief.lead
                        }
                        Target::Contact(_) => None,
                    };
                    let about = match (hit.target, lead) {
                        (Target::Interview(_) | Target::Debrief(_), Some(l)) => {
                            Some(wording::about(&r.load::<Lead>(l.key())?))
                        }
                        _ => None,
                    };
                    let goes_to = match (hit.target, lead) {
                        (Target::Debrief(d), _) => Some(GoesTo::Debrief(d)),
                        (Target::Contact(_), _) => Some(GoesTo::People),
                        (_, Some(l)) => Some(GoesTo::Lead(l)),
                        (_, None) => None,
                    };
                    Ok(SearchResult {
                        hit,
                        lead,
                        about,
                        goes_to,
                    })
                })
                .collect()
        })
    }

    /// Searches leads, interviews, debriefs and contacts: every word must
    /// match a word of the record, its start, or — for words of four letters
    /// or more — a word a typo or two away. Best `limit` hits first.
    pub fn search(&self, text: &str, limit: usize) -> Result<Vec<Hit>> {
        let Some(q) = Query::parse(text) else {
            return Ok(Vec::new());
        };
        let mut state = self.search_state();
        self.read(|r| Ok(state.refresh(r)?.search(&q, limit)))
    }

    /// Builds the search index now rather than on the first search (about
    /// 0.2 s for a ten-year journal), e.g. right after opening, so the first
    /// keystroke is answered as quickly as the rest. Cheap when it is built.
    pub fn prepare_search(&self) -> Result<()> {
        let mut state = self.search_state();
        self.read(|r| state.refresh(r).map(|_| ()))
    }

    /// Tells the index which searched records a successful commit wrote.
    pub(super) fn committed(&self, touched: &[Target]) {
        if !touched.is_empty() {
            self.search_state().committed(touched);
        }
    }

    fn search_state(&self) -> MutexGuard<'_, SearchIndex> {
        // A panic while searching leaves nothing half-written worth keeping.
        self.search_index.lock().unwrap_or_else(|poisoned| {
            let mut state = poisoned.into_inner();
            *state = SearchIndex::default();
            self.search_index.clear_poison();
            state
        })
    }
}

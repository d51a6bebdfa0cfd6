//! A record as an Automerge document, and back.
//!
//! A record is written into its document through its serde form (the same
//! JSON the backup holds): maps by field, lists by position (two devices
//! appending to the stage history both keep their entry), numbers, flags
//! and ids as plain values (a concurrent change to one of them keeps one
//! of the two, the same on every device), and the free-text fields as
//! Automerge text, changed by a diff of the old and new text, so that two
//! devices typing into the same note keep both people's words.
//!
//! Reading a document back gives the record's JSON, which the record type
//! deserializes and validates like any backup record.

use automerge::hydrate::{self, Value};
use automerge::transaction::Transactable;
use automerge::{ActorId, AutoCommit, ROOT, ReadDoc, ScalarValue, TextEncoding};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// The lists kept as sets: each item is stored under a key made of the
/// item itself, so the same item added on two devices (or added again by
/// one that saw it set aside in a merge) is one item, and items added on
/// different devices are all kept. A card's practices are such a set.
pub const SET_FIELDS: &[&str] = &["reviews"];

/// An item's key in a set field: its JSON text.
fn set_key(item: &serde_json::Value) -> String {
    item.to_string()
}

/// Puts `items` in the order a set field reads back in (by key), so a
/// record written here and the same record read from a merged document
/// are equal.
pub fn set_order<T: Serialize>(items: &mut [T]) {
    items.sort_by_cached_key(|i| {
        serde_json::to_value(i)
            .map(|v| set_key(&v))
            .unwrap_or_default()
    });
}

/// The fields merged character by character: what people type at length.
/// Everything else (names, ids, statuses, dates) is one value that a
/// concurrent change replaces whole.
pub const TEXT_FIELDS: &[&str] = &[
    "question",
    "said",
    "answer",
    "went_well",
    "improve",
    "notes",
    "next_step",
    "seen",
    "heard",
    "terms",
    "note",
    "detail",
    "goal",
    "met_where",
    "ad",
];

/// The one field of a forgotten record's document.
const FORGOTTEN: &str = "_forgotten";

/// Where a document's history stands (its Automerge heads).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Heads(Vec<automerge::ChangeHash>);

impl Heads {
    /// As stored: the hashes one after another.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|h| h.0).collect()
    }

    /// From stored bytes; `None` if they are not whole hashes.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        if bytes.len() % 32 != 0 {
            return None;
        }
        Some(Self(
            bytes
                .chunks_exact(32)
                .map(|c| automerge::ChangeHash(c.try_into().unwrap_or([0; 32])))
                .collect(),
        ))
    }
}

const ENCODING: TextEncoding = TextEncoding::UnicodeCodePoint;

/// A record's document could not be read, written or merged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocError {
    /// The stored or received bytes are not an Automerge document.
    #[error("a synced record is damaged: {0}")]
    Damaged(String),
    /// The document does not hold a record of the expected kind.
    #[error("a synced record does not read as a {kind}: {why}")]
    NotARecord {
        /// What was expected.
        kind: &'static str,
        /// Why it does not read.
        why: String,
    },
}

/// One record's document.
pub struct RecordDoc {
    /// Boxed: a document moves through caches and maps at every write.
    doc: Box<AutoCommit>,
    /// The record's JSON as the document holds it, when known (written or
    /// read here since the last merge): the next write compares with it.
    last: Option<serde_json::Value>,
    /// Where its history stood when last stored, and the stored sizes of
    /// its whole part and of the changes appended since (see
    /// [`RecordDoc::to_store`]).
    stored: Stored,
}

#[derive(Default, Clone)]
struct Stored {
    heads: Vec<automerge::ChangeHash>,
    whole: usize,
    tail: usize,
    chunks: u32,
}

/// What to store of a document after a change: the new changes alone,
/// appended to what is stored (the autosave's usual case: a few bytes), or
/// the whole document again, now and then, so loading stays quick.
pub enum ToStore {
    /// Nothing changed.
    Nothing,
    /// Store these changes as the tail's chunk number `index`.
    Append {
        /// The chunk's number (0 for the first after the whole part).
        index: u32,
        /// The changes.
        bytes: Vec<u8>,
    },
    /// Store this whole document and drop the tail's first `drop` chunks.
    Whole {
        /// The document.
        bytes: Vec<u8>,
        /// How many chunks the tail had.
        drop: u32,
    },
}

/// When the appended changes outgrow this (or the whole part), or number
/// [`MAX_CHUNKS`], the document is stored whole again.
const MAX_TAIL: usize = 32 * 1024;
/// See [`MAX_TAIL`].
const MAX_CHUNKS: u32 = 256;

impl RecordDoc {
    /// An empty document whose changes are signed by `actor` (the device).
    pub fn new(actor: &[u8]) -> Self {
        let doc = AutoCommit::new_with_encoding(ENCODING).with_actor(ActorId::from(actor));
        Self {
            doc: Box::new(doc),
            last: None,
            stored: Stored::default(),
        }
    }

    /// A whole stored document; its new changes are signed by `actor`.
    pub fn load(bytes: &[u8], actor: &[u8]) -> Result<Self, DocError> {
        Self::load_stored(bytes, &[], 0, actor)
    }

    /// A stored document: its whole part and the changes appended since
    /// (`tail`, the concatenation of `chunks` chunks).
    pub fn load_stored(
        whole: &[u8],
        tail: &[u8],
        chunks: u32,
        actor: &[u8],
    ) -> Result<Self, DocError> {
        let mut doc = AutoCommit::load(whole)
            .map_err(|e| DocError::Damaged(e.to_string()))?
            .with_actor(ActorId::from(actor));
        if !tail.is_empty() {
            doc.load_incremental(tail)
                .map_err(|e| DocError::Damaged(e.to_string()))?;
        }
        let heads = doc.get_heads();
        Ok(Self {
            doc: Box::new(doc),
            last: None,
            stored: Stored {
                heads,
                whole: whole.len(),
                tail: tail.len(),
                chunks,
            },
        })
    }

    /// What to store now: the changes since it was last stored, or, when
    /// those have grown large, the whole document. Call once per store.
    pub fn to_store(&mut self) -> ToStore {
        let heads = self.doc.get_heads();
        if heads == self.stored.heads && self.stored.whole > 0 {
            return ToStore::Nothing;
        }
        let first = self.stored.whole == 0;
        let chunk = if first {
            Vec::new()
        } else {
            // one local change on top of what is stored (the autosave): its
            // bytes as they are, without walking the history
            match self.doc.get_last_local_change() {
                Some(c) if c.deps() == self.stored.heads.as_slice() && heads == [c.hash()] => {
                    c.raw_bytes().to_vec()
                }
                _ => self.doc.save_after(&self.stored.heads),
            }
        };
        let tail = self.stored.tail + chunk.len();
        self.stored.heads = heads;
        if first
            || tail > MAX_TAIL.min(self.stored.whole.max(4096))
            || self.stored.chunks >= MAX_CHUNKS
        {
            let bytes = self.doc.save();
            let drop = self.stored.chunks;
            self.stored.whole = bytes.len();
            self.stored.tail = 0;
            self.stored.chunks = 0;
            ToStore::Whole { bytes, drop }
        } else {
            let index = self.stored.chunks;
            self.stored.tail = tail;
            self.stored.chunks += 1;
            ToStore::Append {
                index,
                bytes: chunk,
            }
        }
    }

    /// The whole document, to store.
    pub fn save(&mut self) -> Vec<u8> {
        self.doc.save()
    }

    /// Writes `record` into the document: only what differs from what the
    /// document holds becomes a change.
    pub fn write<R: Serialize>(&mut self, record: &R) -> Result<(), DocError> {
        let json = serde_json::to_value(record).map_err(|e| DocError::Damaged(e.to_string()))?;
        let serde_json::Value::Object(_) = &json else {
            return Err(DocError::Damaged("a record is not a map".into()));
        };
        let value = to_hydrate(&json, None);
        self.doc
            .update_object(&ROOT, &value)
            .map_err(|e| DocError::Damaged(e.to_string()))?;
        self.last = Some(json);
        Ok(())
    }

    /// Writes `new` into the document, which holds `old`: only the fields
    /// that differ are visited (the autosave changes one text of a large
    /// record), the texts among them diffed character by character. Without
    /// `old`, or for a document not written yet, the whole record is
    /// compared, as [`RecordDoc::write`] does.
    pub fn write_change<R: Serialize>(&mut self, old: Option<&R>, new: &R) -> Result<(), DocError> {
        let Some(old) = old.filter(|_| self.stored.whole > 0 || !self.doc.get_heads().is_empty())
        else {
            return self.write(new);
        };
        let json = |r: &R| serde_json::to_value(r).map_err(|e| DocError::Damaged(e.to_string()));
        let new_json = json(new)?;
        let old = match self.last.take() {
            Some(known) => known,
            None => json(old)?,
        };
        match (&old, &new_json) {
            (serde_json::Value::Object(o), serde_json::Value::Object(n)) => {
                update_map(&mut self.doc, &ROOT, o, n, TextEdits::OneStretch)?;
                self.last = Some(new_json);
                Ok(())
            }
            _ => self.write(new),
        }
    }

    /// Brings the document up to `record` when it may hold an older
    /// version than the one it was last written with (the record was typed
    /// into since, see `DOC_BEHIND`): compared with what the document
    /// holds, its texts diffed in full (the typing may be in several
    /// places), so all the typing since becomes one change.
    pub fn catch_up<R: Serialize>(&mut self, record: &R) -> Result<(), DocError> {
        if self.doc.get_heads().is_empty() {
            return self.write(record);
        }
        let new = serde_json::to_value(record).map_err(|e| DocError::Damaged(e.to_string()))?;
        let held = match self.last.take() {
            Some(known) => known,
            None => to_json(
                &self
                    .doc
                    .hydrate(&ROOT, None)
                    .map_err(|e| DocError::Damaged(e.to_string()))?,
            ),
        };
        match (&held, &new) {
            (serde_json::Value::Object(o), serde_json::Value::Object(n)) => {
                update_map(&mut self.doc, &ROOT, o, n, TextEdits::Diff)?;
                self.last = Some(new);
                Ok(())
            }
            _ => self.write(record),
        }
    }

    /// The record the document holds now.
    pub fn read<R: DeserializeOwned>(&self, kind: &'static str) -> Result<R, DocError> {
        let value = self
            .doc
            .hydrate(&ROOT, None)
            .map_err(|e| DocError::Damaged(e.to_string()))?;
        serde_json::from_value(to_json(&value)).map_err(|e| DocError::NotARecord {
            kind,
            why: e.to_string(),
        })
    }

    /// The document's heads: where its history stands now.
    pub fn heads(&mut self) -> Heads {
        Heads(self.doc.get_heads())
    }

    /// The changes made after `since`, to send to other devices.
    pub fn changes_after(&mut self, since: &Heads) -> Vec<u8> {
        self.doc.save_after(&since.0)
    }

    /// Takes in a whole document or a run of changes from another device.
    /// Changes whose earlier changes have not arrived yet are held back
    /// ([`RecordDoc::lacks_earlier_changes`]); taking in the same bytes
    /// twice changes nothing.
    pub fn take_in(&mut self, bytes: &[u8]) -> Result<(), DocError> {
        self.last = None;
        self.doc
            .load_incremental(bytes)
            .map(|_| ())
            .map_err(|e| DocError::Damaged(e.to_string()))
    }

    /// Whether changes taken in wait for earlier ones not seen yet (saving
    /// now would drop them).
    pub fn lacks_earlier_changes(&mut self) -> bool {
        !self.doc.get_missing_deps(&[]).is_empty()
    }

    /// Marks the record forgotten: its document stays, so that the
    /// forgetting reaches the other devices and wins over their edits.
    pub fn forget(&mut self) -> Result<(), DocError> {
        self.last = None;
        self.write(&serde_json::json!({ FORGOTTEN: true }))
    }

    /// Whether the record was forgotten on some device.
    pub fn is_forgotten(&self) -> bool {
        matches!(
            self.doc.get(&ROOT, FORGOTTEN),
            Ok(Some((automerge::Value::Scalar(s), _))) if matches!(s.as_ref(), ScalarValue::Boolean(true))
        )
    }

    /// Takes in every change of `other` this one lacks (both keep theirs).
    pub fn merge(&mut self, other: &mut RecordDoc) -> Result<(), DocError> {
        self.last = None;
        self.doc
            .merge(&mut other.doc)
            .map(|_| ())
            .map_err(|e| DocError::Damaged(e.to_string()))
    }
}

/// The documents written last, kept loaded so that the next write of the
/// same record (the debrief autosave, keystroke after keystroke) does not
/// parse its whole history again. Only committed documents enter it; a
/// document being written is taken out, so an aborted write leaves nothing
/// stale behind.
/// Documents by their table's name and record key.
pub(crate) type Docs = std::collections::HashMap<(String, u128), RecordDoc>;

#[derive(Default)]
pub(crate) struct DocCache {
    docs: std::sync::Mutex<Vec<((String, u128), RecordDoc)>>,
}

/// How many documents [`DocCache`] keeps.
pub(crate) const CACHED_DOCS: usize = 32;

impl DocCache {
    /// Takes the document of `key` out, if kept.
    pub(crate) fn take(&self, key: &(String, u128)) -> Option<RecordDoc> {
        let mut docs = self.docs.lock().ok()?;
        let at = docs.iter().position(|(k, _)| k == key)?;
        Some(docs.remove(at).1)
    }

    /// Keeps committed documents, newest first, dropping the oldest.
    pub(crate) fn keep(&self, committed: Docs) {
        let Ok(mut docs) = self.docs.lock() else {
            return;
        };
        // a bulk write (an import) keeps only what fits
        for (key, doc) in committed.into_iter().take(CACHED_DOCS) {
            docs.retain(|(k, _)| *k != key);
            docs.insert(0, (key, doc));
        }
        docs.truncate(CACHED_DOCS);
    }
}

/// Where `new` differs from `old`, as one stretch: the position (in
/// characters), how many characters of `old` go, and what comes instead.
fn changed_stretch<'a>(old: &str, new: &'a str) -> (usize, usize, &'a str) {
    let prefix: usize = old
        .chars()
        .zip(new.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let (old_rest, new_rest): (Vec<char>, Vec<char>) = (
        old.chars().skip(prefix).collect(),
        new.chars().skip(prefix).collect(),
    );
    let suffix = old_rest
        .iter()
        .rev()
        .zip(new_rest.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let removed = old_rest.len() - suffix;
    let inserted_chars = new_rest.len() - suffix;
    let start = new
        .char_indices()
        .nth(prefix)
        .map(|(i, _)| i)
        .unwrap_or(new.len());
    let end = new[start..]
        .char_indices()
        .nth(inserted_chars)
        .map(|(i, _)| start + i)
        .unwrap_or(new.len());
    (prefix, removed, &new[start..end])
}

/// How a changed text becomes Automerge edits.
#[derive(Clone, Copy)]
enum TextEdits {
    /// One stretch replaced: what one keystroke (or one paste) changes,
    /// found in a single pass.
    OneStretch,
    /// A full diff (Myers, by grapheme, Automerge's own `update_text`):
    /// what several keystrokes in different places change, each kept
    /// where it was typed so other devices' words around it stay.
    Diff,
}

/// Brings the map `obj` from `old` to `new`, visiting only what differs.
fn update_map(
    doc: &mut AutoCommit,
    obj: &automerge::ObjId,
    old: &serde_json::Map<String, serde_json::Value>,
    new: &serde_json::Map<String, serde_json::Value>,
    texts: TextEdits,
) -> Result<(), DocError> {
    let bad = |e: automerge::AutomergeError| DocError::Damaged(e.to_string());
    for (key, value) in new {
        let before = old.get(key);
        if before == Some(value) {
            continue;
        }
        let existing = doc.get(obj, key.as_str()).map_err(bad)?;
        match (value, before, existing) {
            // a map both before and now: only its changed fields
            (
                serde_json::Value::Object(n),
                Some(serde_json::Value::Object(o)),
                Some((automerge::Value::Object(automerge::ObjType::Map), child)),
            ) => update_map(doc, &child, o, n, texts)?,
            // a text field: the characters that changed, found from the
            // text it held (typing changes one stretch of it)
            (
                serde_json::Value::String(s),
                Some(serde_json::Value::String(was)),
                Some((automerge::Value::Object(automerge::ObjType::Text), child)),
            ) if TEXT_FIELDS.contains(&key.as_str()) => match texts {
                TextEdits::OneStretch => {
                    let (at, removed, inserted) = changed_stretch(was, s);
                    doc.splice_text(&child, at, removed as isize, inserted)
                        .map_err(bad)?
                }
                TextEdits::Diff => doc.update_text(&child, s).map_err(bad)?,
            },
            (
                serde_json::Value::String(s),
                _,
                Some((automerge::Value::Object(automerge::ObjType::Text), child)),
            ) if TEXT_FIELDS.contains(&key.as_str()) => doc.update_text(&child, s).map_err(bad)?,
            // a set written as a list by an earlier build: a set from now on
            (
                serde_json::Value::Array(_),
                _,
                Some((automerge::Value::Object(automerge::ObjType::List), _)),
            ) if SET_FIELDS.contains(&key.as_str()) => {
                let child = doc
                    .put_object(obj, key.as_str(), automerge::ObjType::Map)
                    .map_err(bad)?;
                doc.update_object(&child, &to_hydrate(value, Some(key)))
                    .map_err(|e| DocError::Damaged(e.to_string()))?;
            }
            // a list, a map or a text standing where it was: updated in place
            (
                serde_json::Value::Array(_) | serde_json::Value::Object(_),
                _,
                Some((automerge::Value::Object(_), child)),
            ) => doc
                .update_object(&child, &to_hydrate(value, Some(key)))
                .map_err(|e| DocError::Damaged(e.to_string()))?,
            // anything else: put whole
            _ => match to_hydrate(value, Some(key)) {
                Value::Scalar(s) => doc.put(obj, key.as_str(), s).map_err(bad)?,
                other => {
                    let typ = match &other {
                        Value::Map(_) => automerge::ObjType::Map,
                        Value::List(_) => automerge::ObjType::List,
                        _ => automerge::ObjType::Text,
                    };
                    let child = doc.put_object(obj, key.as_str(), typ).map_err(bad)?;
                    doc.update_object(&child, &other)
                        .map_err(|e| DocError::Damaged(e.to_string()))?;
                }
            },
        }
    }
    for key in old.keys().filter(|k| !new.contains_key(*k)) {
        doc.delete(obj, key.as_str()).map_err(bad)?;
    }
    Ok(())
}

/// A record's JSON as an Automerge value: free-text fields as text.
fn to_hydrate(v: &serde_json::Value, field: Option<&str>) -> Value {
    match v {
        serde_json::Value::Null => Value::Scalar(ScalarValue::Null),
        serde_json::Value::Bool(b) => Value::Scalar(ScalarValue::Boolean(*b)),
        serde_json::Value::Number(n) => Value::Scalar(match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => ScalarValue::Int(i),
            (None, Some(u), _) => ScalarValue::Uint(u),
            (_, _, Some(f)) => ScalarValue::F64(f),
            _ => ScalarValue::Null,
        }),
        serde_json::Value::String(s) if field.is_some_and(|f| TEXT_FIELDS.contains(&f)) => {
            Value::text(ENCODING, s)
        }
        serde_json::Value::String(s) => Value::Scalar(ScalarValue::Str(s.as_str().into())),
        // a set: each item under its own key
        serde_json::Value::Array(items) if field.is_some_and(|f| SET_FIELDS.contains(&f)) => {
            Value::Map(hydrate::Map::from(
                items
                    .iter()
                    .map(|i| (set_key(i), to_hydrate(i, None)))
                    .collect::<std::collections::HashMap<String, Value>>(),
            ))
        }
        // a list's items are of the list's field (a list of notes holds notes)
        serde_json::Value::Array(items) => Value::from(
            items
                .iter()
                .map(|i| to_hydrate(i, field))
                .collect::<Vec<_>>(),
        ),
        serde_json::Value::Object(map) => Value::Map(hydrate::Map::from(
            map.iter()
                .map(|(k, v)| (k.clone(), to_hydrate(v, Some(k))))
                .collect::<std::collections::HashMap<String, Value>>(),
        )),
    }
}

/// An Automerge value as JSON (text as a string).
fn to_json(v: &Value) -> serde_json::Value {
    match v {
        Value::Scalar(s) => match s {
            ScalarValue::Null => serde_json::Value::Null,
            ScalarValue::Boolean(b) => serde_json::Value::Bool(*b),
            ScalarValue::Int(i) => serde_json::Value::from(*i),
            ScalarValue::Uint(u) => serde_json::Value::from(*u),
            ScalarValue::F64(f) => serde_json::Value::from(*f),
            ScalarValue::Str(s) => serde_json::Value::String(s.to_string()),
            ScalarValue::Counter(c) => serde_json::Value::from(i64::from(c)),
            ScalarValue::Timestamp(t) => serde_json::Value::from(*t),
            _ => serde_json::Value::Null,
        },
        Value::Text(t) => serde_json::Value::String(String::from(t)),
        Value::List(l) => serde_json::Value::Array(l.iter().map(|i| to_json(&i.value)).collect()),
        Value::Map(m) => serde_json::Value::Object(
            m.iter()
                .map(|(k, v)| match &v.value {
                    // a set reads back as a list, in key order
                    Value::Map(set) if SET_FIELDS.contains(&k.as_str()) => {
                        let mut items: Vec<(&String, serde_json::Value)> = set
                            .iter()
                            .map(|(key, i)| (key, to_json(&i.value)))
                            .collect();
                        items.sort_by(|a, b| a.0.cmp(b.0));
                        (
                            k.clone(),
                            serde_json::Value::Array(items.into_iter().map(|(_, i)| i).collect()),
                        )
                    }
                    other => (k.clone(), to_json(other)),
                })
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::at;
    use crate::{Debrief, DebriefBody, Lead, LeadDetails, Source, Status, StatusChange};
    use uuid::Uuid;

    const PHONE: &[u8] = b"phone-0001";
    const LAPTOP: &[u8] = b"laptop-002";

    fn lead() -> Lead {
        let mut l = Lead::new(
            crate::LeadId(Uuid::from_u128(7)),
            at("2026-06-01T10:00:00+02:00[Europe/Paris]"),
            LeadDetails::new("Acme", "Backend Engineer", Source::JobBoard),
            Status::New,
        );
        l.details.seen = "Small team, friendly".into();
        l
    }

    /// A debrief whose notes are `notes`.
    fn debrief(notes: &str) -> Debrief {
        Debrief {
            id: crate::DebriefId(Uuid::from_u128(9)),
            created: at("2026-06-01T12:00:00Z[UTC]"),
            updated: at("2026-06-01T12:00:00Z[UTC]"),
            interview: None,
            lead: None,
            body: DebriefBody {
                notes: notes.into(),
                ..Default::default()
            },
        }
    }

    /// The document of `record` on one device, then copied to another.
    fn shared<R: Serialize>(record: &R) -> (RecordDoc, RecordDoc) {
        let mut a = RecordDoc::new(PHONE);
        a.write(record).unwrap();
        let bytes = a.save();
        let b = RecordDoc::load(&bytes, LAPTOP).unwrap();
        (a, b)
    }

    #[test]
    fn a_record_reads_back_the_same_after_a_save_and_load() {
        let mut l = lead();
        l.history.push(StatusChange::to(
            Status::Taking,
            at("2026-06-02T10:00:00Z[UTC]"),
        ));
        let (_, b) = shared(&l);
        let back: Lead = b.read("lead").unwrap();
        assert_eq!(back, l);
    }

    #[test]
    fn edits_to_different_fields_on_two_devices_both_survive() {
        let l = lead();
        let (mut phone, mut laptop) = shared(&l);
        let mut on_phone = l.clone();
        on_phone.details.location = "Lyon".into();
        phone.write(&on_phone).unwrap();
        let mut on_laptop = l.clone();
        on_laptop.details.role = "Senior Backend Engineer".into();
        laptop.write(&on_laptop).unwrap();
        phone.merge(&mut laptop).unwrap();
        laptop.merge(&mut phone).unwrap();
        let a: Lead = phone.read("lead").unwrap();
        let b: Lead = laptop.read("lead").unwrap();
        assert_eq!(a, b, "both devices converge");
        assert_eq!(a.details.location, "Lyon");
        assert_eq!(a.details.role, "Senior Backend Engineer");
    }

    #[test]
    fn the_same_note_typed_into_on_two_devices_keeps_both_peoples_words() {
        let d = debrief("They use Kafka.");
        let (mut phone, mut laptop) = shared(&d);
        let mut a = d.clone();
        a.body.notes = "They use Kafka. Team of six.".into();
        phone.write(&a).unwrap();
        let mut b = d.clone();
        b.body.notes = "In Lyon. They use Kafka.".into();
        laptop.write(&b).unwrap();
        phone.merge(&mut laptop).unwrap();
        let merged: Debrief = phone.read("debrief").unwrap();
        assert_eq!(merged.body.notes, "In Lyon. They use Kafka. Team of six.");
    }

    #[test]
    fn typing_in_two_places_caught_up_at_once_keeps_the_other_devices_words() {
        let d = debrief("They use Kafka.");
        let (mut phone, mut laptop) = shared(&d);
        // each typed in two places, then caught up once: a document that
        // took each as one replaced stretch would hold "They use Kafka" twice
        let mut a = d.clone();
        a.body.notes = "Panel: They use Kafka. Six people.".into();
        phone.catch_up(&a).unwrap();
        let mut b = d.clone();
        b.body.notes = "Notes: They use Kafka and Flink.".into();
        laptop.catch_up(&b).unwrap();
        phone.merge(&mut laptop).unwrap();
        let merged: Debrief = phone.read("debrief").unwrap();
        // where "and Flink" lands beside the phone's insert is the diff's
        // choice; every word once is the point
        let mut words: Vec<&str> = merged
            .body
            .notes
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        words.sort_unstable();
        let mut expected = vec![
            "Panel", "Notes", "They", "use", "Kafka", "and", "Flink", "Six", "people",
        ];
        expected.sort_unstable();
        assert_eq!(words, expected, "nothing doubled, nothing lost: {merged:?}");

        // a document loaded from storage (nothing of it known) too
        let mut c = RecordDoc::load(&phone.save(), LAPTOP).unwrap();
        let mut e = merged.clone();
        e.body.notes = "Panel of 3: They use Kafka and Flink. Six people!".into();
        c.catch_up(&e).unwrap();
        assert_eq!(c.read::<Debrief>("debrief").unwrap(), e);
    }

    #[test]
    fn a_practice_added_on_two_devices_is_one_and_different_ones_are_all_kept() {
        use crate::{Card, CardBody, CardId, Grade, Review};
        let card = Card {
            id: CardId(Uuid::from_u128(3)),
            created: at("2026-06-01T09:00:00Z[UTC]"),
            updated: at("2026-06-01T09:00:00Z[UTC]"),
            body: CardBody::asking("Why us?"),
            from: None,
            reviews: vec![],
        };
        let review = |t: &str, grade| Review {
            at: at(t),
            grade,
            seconds: None,
        };
        let (mut phone, mut laptop) = shared(&card);
        // the same practice written on both (a merge's write-back), and one each
        let same = review("2026-06-02T08:00:00Z[UTC]", Grade::Good);
        let mut a = card.clone();
        a.reviews = vec![
            same.clone(),
            review("2026-06-03T08:00:00Z[UTC]", Grade::Hard),
        ];
        phone.write_change(Some(&card), &a).unwrap();
        let mut b = card.clone();
        b.reviews = vec![
            same.clone(),
            review("2026-06-03T21:00:00Z[UTC]", Grade::Again),
        ];
        laptop.write_change(Some(&card), &b).unwrap();
        phone.merge(&mut laptop).unwrap();
        laptop.merge(&mut phone).unwrap();
        let on_phone: Card = phone.read("practice card").unwrap();
        let on_laptop: Card = laptop.read("practice card").unwrap();
        assert_eq!(on_phone, on_laptop);
        assert_eq!(on_phone.reviews.len(), 3, "{:?}", on_phone.reviews);
        let mut ordered = on_phone.reviews.clone();
        set_order(&mut ordered);
        assert_eq!(ordered, on_phone.reviews, "read back in set order");
    }

    #[test]
    fn the_stage_history_from_two_devices_is_a_union_and_merging_twice_changes_nothing() {
        let l = lead();
        let (mut phone, mut laptop) = shared(&l);
        let mut a = l.clone();
        a.history.push(StatusChange::to(
            Status::Taking,
            at("2026-06-02T10:00:00Z[UTC]"),
        ));
        phone.write(&a).unwrap();
        let mut b = l.clone();
        b.history.push(StatusChange::to(
            Status::Deciding,
            at("2026-06-02T11:00:00Z[UTC]"),
        ));
        laptop.write(&b).unwrap();
        phone.merge(&mut laptop).unwrap();
        let merged: Lead = phone.read("lead").unwrap();
        assert_eq!(
            merged.history.len(),
            l.history.len() + 2,
            "{:?}",
            merged.history
        );
        let before = phone.save();
        phone.merge(&mut laptop).unwrap();
        assert_eq!(phone.save(), before, "a second merge adds nothing");
    }

    #[test]
    fn the_changed_stretch_of_a_text_is_found_in_characters() {
        assert_eq!(changed_stretch("abc", "abXc"), (2, 0, "X"));
        assert_eq!(changed_stretch("abXc", "abc"), (2, 1, ""));
        assert_eq!(
            changed_stretch("Zoë met us", "Zoë met all of us"),
            (8, 0, "all of ")
        );
        assert_eq!(changed_stretch("aaa", "aaaa"), (3, 0, "a"));
        assert_eq!(changed_stretch("", "héllo"), (0, 0, "héllo"));
        assert_eq!(changed_stretch("same", "same"), (4, 0, ""));
        assert_eq!(changed_stretch("ab", "xy"), (0, 2, "xy"));
    }

    #[test]
    fn a_change_written_field_by_field_reads_back_like_a_whole_write() {
        let l = lead();
        let (mut a, _) = shared(&l);
        let mut b = RecordDoc::new(LAPTOP);
        b.write(&l).unwrap();
        let mut next = l.clone();
        next.details.seen = "Small team, very friendly; Zoë leads it".into();
        next.details.location = "Lyon".into();
        next.details.pay = None;
        next.history.push(StatusChange::to(
            Status::Taking,
            at("2026-06-02T10:00:00Z[UTC]"),
        ));
        a.write_change(Some(&l), &next).unwrap();
        b.write(&next).unwrap();
        assert_eq!(a.read::<Lead>("lead").unwrap(), next);
        assert_eq!(b.read::<Lead>("lead").unwrap(), next);
    }

    #[test]
    fn an_unchanged_write_adds_no_change_and_damaged_bytes_are_refused() {
        let l = lead();
        let mut a = RecordDoc::new(PHONE);
        a.write(&l).unwrap();
        let once = a.save();
        a.write(&l).unwrap();
        assert_eq!(a.save(), once);
        assert!(matches!(
            RecordDoc::load(b"not automerge", PHONE),
            Err(DocError::Damaged(_))
        ));
        let (_, b) = shared(&l);
        assert!(matches!(
            b.read::<Debrief>("debrief"),
            Err(DocError::NotARecord { .. })
        ));
    }
}

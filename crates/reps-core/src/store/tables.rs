//! The journal's redb tables. Names carry a layout version (`leads-1`): a
//! changed value layout is a new table plus a migration, never an in-place
//! reinterpretation. Records are stored as [`super::codec`] bytes keyed by
//! their UUIDv7 as `u128` (so key order is creation order). Index tables map
//! `(index value, record key)` to `()`; they are derived data, rebuilt from
//! the records by [`super::schema`] when needed.

use redb::TableDefinition;

/// Bytes of one encoded record, keyed by its id.
pub type Records = TableDefinition<'static, u128, &'static [u8]>;

/// `"schema"` → schema version; `"settings"` is stored in [`SETTINGS`].
pub const META: TableDefinition<&str, u64> = TableDefinition::new("meta");
/// `"settings"` → encoded [`crate::Settings`].
pub const SETTINGS: TableDefinition<&str, &[u8]> = TableDefinition::new("settings-1");

/// Leads by id.
pub const LEADS: Records = TableDefinition::new("leads-1");
/// Interviews by id.
pub const INTERVIEWS: Records = TableDefinition::new("interviews-1");
/// Debriefs by id.
pub const DEBRIEFS: Records = TableDefinition::new("debriefs-1");
/// Contacts by id.
pub const CONTACTS: Records = TableDefinition::new("contacts-1");
/// Follow-ups by id.
pub const FOLLOW_UPS: Records = TableDefinition::new("followups-1");
/// Checklist templates by id.
pub const TEMPLATES: Records = TableDefinition::new("templates-1");
/// Practice cards by id (schema 5).
pub const CARDS: Records = TableDefinition::new("cards-1");
/// Checklists by the id of their interview.
pub const CHECKLISTS: Records = TableDefinition::new("checklists-1");

/// `(status code, lead)`: the pipeline and the swipe deck.
pub const LEAD_BY_STATUS: TableDefinition<(u8, u128), ()> =
    TableDefinition::new("ix-lead-status-1");
/// `(normalised company, lead)`: "did I already talk to them?".
pub const LEAD_BY_COMPANY: TableDefinition<(&str, u128), ()> =
    TableDefinition::new("ix-lead-company-1");
/// `(start millis, interview)`: upcoming and recent interviews.
pub const INTERVIEW_BY_START: TableDefinition<(i64, u128), ()> =
    TableDefinition::new("ix-interview-start-1");
/// `(lead, interview)`.
pub const INTERVIEW_BY_LEAD: TableDefinition<(u128, u128), ()> =
    TableDefinition::new("ix-interview-lead-1");
/// `(contact, interview)`: who I met where.
pub const INTERVIEW_BY_CONTACT: TableDefinition<(u128, u128), ()> =
    TableDefinition::new("ix-interview-contact-1");
/// `(interview, debrief)`.
pub const DEBRIEF_BY_INTERVIEW: TableDefinition<(u128, u128), ()> =
    TableDefinition::new("ix-debrief-interview-1");
/// `(lead, debrief)`.
pub const DEBRIEF_BY_LEAD: TableDefinition<(u128, u128), ()> =
    TableDefinition::new("ix-debrief-lead-1");
/// `(normalised company, contact)`.
pub const CONTACT_BY_COMPANY: TableDefinition<(&str, u128), ()> =
    TableDefinition::new("ix-contact-company-1");
/// `(effective due millis, follow-up)`, open follow-ups only: the Today list.
pub const FOLLOW_UP_BY_DUE: TableDefinition<(i64, u128), ()> =
    TableDefinition::new("ix-followup-due-1");
/// `(lead, follow-up)`.
pub const FOLLOW_UP_BY_LEAD: TableDefinition<(u128, u128), ()> =
    TableDefinition::new("ix-followup-lead-1");
/// `(contact, follow-up)`.
pub const FOLLOW_UP_BY_CONTACT: TableDefinition<(u128, u128), ()> =
    TableDefinition::new("ix-followup-contact-1");
/// `(due millis, card)`: practice due on Today.
pub const CARD_BY_DUE: TableDefinition<(i64, u128), ()> = TableDefinition::new("ix-card-due-1");
/// `(debrief, card)`: the cards made from a debrief.
pub const CARD_BY_DEBRIEF: TableDefinition<(u128, u128), ()> =
    TableDefinition::new("ix-card-debrief-1");
/// Rule key → follow-up: a rule never schedules the same thing twice.
pub const FOLLOW_UP_BY_RULE: TableDefinition<&str, u128> =
    TableDefinition::new("ix-followup-rule-1");

/// Each record's Automerge document (sync's merge state), keyed by its
/// table's name and its key; written in the same transaction as the record
/// by `Writer::put`. The records stay the read model.
pub const DOCS: TableDefinition<(&str, u128), &[u8]> = TableDefinition::new("sync-docs-2");
/// Changes made to a record's document since it was stored whole in
/// [`DOCS`], one small row per write, by `(table name, key, chunk number)`
/// (the autosave writes a few bytes, not the whole history); folded back
/// into the whole document now and then.
pub const DOC_TAILS: TableDefinition<(&str, u128, u32), &[u8]> =
    TableDefinition::new("sync-doc-tails-3");
/// Records written as they were typed (the debrief autosave, a card's
/// editor) whose documents have not caught up yet, by `(table name, key)`:
/// a keystroke writes the record and this mark, and the document takes in
/// everything typed since in one change when anything next needs it (the
/// next round's outbox, another device's change to the same record, any
/// other write of it). Typing then costs what it cost before sync.
pub const DOC_BEHIND: TableDefinition<(&str, u128), ()> = TableDefinition::new("sync-doc-behind-6");
/// This install's own facts: its device id (`"actor"`), which signs its
/// changes. Never in a backup, never copied to another device.
pub const DEVICE: TableDefinition<&str, &[u8]> = TableDefinition::new("device-2");
/// Records changed here and not yet sent: `(table name, key)` → the
/// document's heads before its first unsent change (so the next file
/// carries exactly the changes made since).
pub const SYNC_UNSENT: TableDefinition<(&str, u128), &[u8]> = TableDefinition::new("sync-unsent-3");
/// Remote files already taken in (or stood in for by a snapshot taken in),
/// by name: each is read once.
pub const SYNC_SEEN: TableDefinition<&str, ()> = TableDefinition::new("sync-seen-3");

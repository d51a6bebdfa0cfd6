//! Schema versions and migrations. The version lives in the `meta` table.
//! Each migration is one write transaction that moves the file one version
//! up; a file from a newer Reps is refused before anything is written.

use redb::{Database, ReadableDatabase, ReadableTable, TableHandle, WriteTransaction};

use super::access::Writer;
use super::tables::*;
use crate::error::{Error, Result};
use crate::id::{IdGen, ItemId, TemplateId};
use crate::store::Read;
use crate::time::Stamp;
use crate::{ChecklistTemplate, Settings, TemplateItem};

/// The schema this build writes. Bump it only together with a migration step
/// below and a fixture file of the previous version in `tests/fixtures/`.
pub const SCHEMA_VERSION: u64 = 6;

/// Reads the schema version of an open database; `None` for an empty file.
pub(crate) fn version_of(db: &impl ReadableDatabase) -> Result<Option<u64>> {
    let txn = db.begin_read()?;
    match txn.open_table(META) {
        Ok(t) => Ok(t.get("schema")?.map(|g| g.value())),
        Err(redb::TableError::TableDoesNotExist(_)) => {
            if txn.list_tables()?.next().is_some() {
                Err(Error::Corrupt(
                    "this file holds a database, but not a Reps journal".into(),
                ))
            } else {
                Ok(None)
            }
        }
        Err(e) => Err(e.into()),
    }
}

/// Refuses versions this build cannot read.
pub(crate) fn check_supported(version: u64) -> Result<()> {
    if version > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Brings a database to [`SCHEMA_VERSION`]: creates a fresh journal, or runs
/// each pending migration in its own transaction. Returns this install's
/// device id.
pub(crate) fn prepare(db: &Database, now: Stamp, ids: &IdGen) -> Result<Vec<u8>> {
    let mut version = match version_of(db)? {
        None => {
            let txn = db.begin_write()?;
            create_current(&txn, now, ids)?;
            txn.commit()?;
            return device_of(db);
        }
        Some(v) => v,
    };
    check_supported(version)?;
    while version < SCHEMA_VERSION {
        let txn = db.begin_write()?;
        migrate_step(&txn, version, now, ids)?;
        version += 1;
        txn.open_table(META)?.insert("schema", version)?;
        txn.commit()?;
    }
    device_of(db)
}

/// This install's device id (the signer of its sync changes).
fn device_of(db: &Database) -> Result<Vec<u8>> {
    let txn = db.begin_read()?;
    let table = txn.open_table(DEVICE)?;
    let actor = table
        .get("actor")?
        .map(|g| g.value().to_vec())
        .ok_or_else(|| Error::Corrupt("the journal has no device id".into()))?;
    Ok(actor)
}

/// A new device id: a fresh UUIDv7 (mostly random bits), its own on every
/// install.
fn new_device(txn: &WriteTransaction, now: Stamp, ids: &IdGen) -> Result<Vec<u8>> {
    let actor = ids.next(now).as_bytes().to_vec();
    txn.open_table(DEVICE)?.insert("actor", actor.as_slice())?;
    Ok(actor)
}

/// Moves a database from schema `from` to `from + 1` inside `txn`.
fn migrate_step(txn: &WriteTransaction, from: u64, now: Stamp, ids: &IdGen) -> Result<()> {
    match from {
        1 => migrate_1_to_2(txn, now, ids),
        2 => migrate_2_to_3(txn),
        3 => migrate_3_to_4(txn),
        4 => migrate_4_to_5(txn),
        5 => migrate_5_to_6(txn),
        _ => Err(Error::Corrupt(format!("no migration from schema {from}"))),
    }
}

/// Schema 2 (sync): a device id, and an Automerge document for every
/// record and for the settings, made from the records as they are.
fn migrate_1_to_2(txn: &WriteTransaction, now: Stamp, ids: &IdGen) -> Result<()> {
    txn.open_table(DOCS)?;
    let actor = new_device(txn, now, ids)?;
    let w = Writer::new(txn, now, ids, &actor, None);
    // each record as this build reads it (older bytes lack fields added
    // since, which take their defaults), so the document holds what the
    // record table will hold after any later write
    fn docs_of<R: serde::de::DeserializeOwned + serde::Serialize>(
        txn: &WriteTransaction,
        w: &Writer<'_>,
        table: Records,
    ) -> Result<()> {
        let mut rows: Vec<(u128, R)> = Vec::new();
        {
            let t = txn.open_table(table)?;
            for row in t.iter()? {
                let (k, v) = row?;
                let key = k.value();
                rows.push((key, super::codec::decode(v.value(), table.name(), key)?));
            }
        }
        for (key, record) in rows {
            w.put_doc(table.name(), key, None, &record)?;
        }
        Ok(())
    }
    docs_of::<crate::Lead>(txn, &w, LEADS)?;
    docs_of::<crate::Interview>(txn, &w, INTERVIEWS)?;
    docs_of::<crate::Debrief>(txn, &w, DEBRIEFS)?;
    docs_of::<crate::Contact>(txn, &w, CONTACTS)?;
    docs_of::<crate::FollowUp>(txn, &w, FOLLOW_UPS)?;
    docs_of::<ChecklistTemplate>(txn, &w, TEMPLATES)?;
    docs_of::<crate::Checklist>(txn, &w, CHECKLISTS)?;
    let settings: Settings = txn.read_settings()?;
    w.put_doc(SETTINGS.name(), 0, None, &settings)?;
    Ok(())
}

/// Schema 4 (leads from where they are found): a lead may keep its ad and
/// come from a company's own site. Both are new values in records that
/// older builds cannot read, so the number moves on (an older Reps then
/// says to update instead of misreading a lead); the stored tables are
/// unchanged, and records written before read the ad as empty.
fn migrate_3_to_4(txn: &WriteTransaction) -> Result<()> {
    // nothing to rewrite: the version itself is the change
    txn.open_table(LEADS)?;
    Ok(())
}

/// Schema 5 (spaced practice): practice cards, by when they are due and
/// by the debrief they came from. An older Reps would not know the table,
/// so the number moves on; nothing older is rewritten.
fn migrate_4_to_5(txn: &WriteTransaction) -> Result<()> {
    txn.open_table(CARDS)?;
    txn.open_table(CARD_BY_DUE)?;
    txn.open_table(CARD_BY_DEBRIEF)?;
    Ok(())
}

/// Schema 6 (typing no slower with sync): the marks of records whose
/// documents are behind what was typed. An older Reps would not know to
/// bring those documents up to date before sending, so the number moves
/// on; nothing older is rewritten.
fn migrate_5_to_6(txn: &WriteTransaction) -> Result<()> {
    txn.open_table(DOC_BEHIND)?;
    Ok(())
}

/// Schema 3 (sync to a remote): what is still to send, which remote files
/// were taken in, and documents' appended changes. Every record is unsent
/// until the first sync.
fn migrate_2_to_3(txn: &WriteTransaction) -> Result<()> {
    txn.open_table(SYNC_SEEN)?;
    txn.open_table(DOC_TAILS)?;
    let mut unsent = txn.open_table(SYNC_UNSENT)?;
    let docs = txn.open_table(DOCS)?;
    for row in docs.iter()? {
        let (k, _) = row?;
        let (table, key) = k.value();
        // no heads: everything in it is still to send
        unsent.insert((table, key), [].as_slice())?;
    }
    Ok(())
}

/// Every table of the current schema, so read transactions never meet a missing one.
fn create_tables(txn: &WriteTransaction) -> Result<()> {
    for def in [
        LEADS, INTERVIEWS, DEBRIEFS, CONTACTS, FOLLOW_UPS, TEMPLATES, CHECKLISTS, CARDS,
    ] {
        txn.open_table(def)?;
    }
    for def in [
        INTERVIEW_BY_LEAD,
        INTERVIEW_BY_CONTACT,
        DEBRIEF_BY_INTERVIEW,
        DEBRIEF_BY_LEAD,
        FOLLOW_UP_BY_LEAD,
        FOLLOW_UP_BY_CONTACT,
        CARD_BY_DEBRIEF,
    ] {
        txn.open_table(def)?;
    }
    txn.open_table(LEAD_BY_STATUS)?;
    txn.open_table(LEAD_BY_COMPANY)?;
    txn.open_table(CONTACT_BY_COMPANY)?;
    txn.open_table(INTERVIEW_BY_START)?;
    txn.open_table(FOLLOW_UP_BY_DUE)?;
    txn.open_table(CARD_BY_DUE)?;
    txn.open_table(FOLLOW_UP_BY_RULE)?;
    txn.open_table(SETTINGS)?;
    txn.open_table(DOCS)?;
    txn.open_table(DEVICE)?;
    txn.open_table(SYNC_UNSENT)?;
    txn.open_table(SYNC_SEEN)?;
    txn.open_table(DOC_TAILS)?;
    txn.open_table(DOC_BEHIND)?;
    Ok(())
}

/// A brand-new journal: tables, a device id, the default checklist,
/// default settings.
fn create_current(txn: &WriteTransaction, now: Stamp, ids: &IdGen) -> Result<()> {
    create_tables(txn)?;
    let actor = new_device(txn, now, ids)?;
    let w = Writer::new(txn, now, ids, &actor, None);
    // The default checklist has the same ids on every install, so two
    // devices that start fresh and then sync share one, not two.
    let made = Stamp::new(chrono::DateTime::UNIX_EPOCH, chrono_tz::UTC);
    let template = ChecklistTemplate {
        id: TemplateId(crate::id::derived("default checklist", made)),
        created: now,
        updated: now,
        name: "Before every interview".into(),
        items: crate::domain::checklist::default_items()
            .into_iter()
            .enumerate()
            .map(|(n, (when, text))| TemplateItem {
                id: ItemId(crate::id::derived(
                    &format!("default checklist item {n}"),
                    made,
                )),
                text: text.into(),
                when,
            })
            .collect(),
    };
    w.put(None, &template)?;
    w.put_settings(&Settings {
        default_template: Some(template.id),
        ..Settings::default()
    })?;
    txn.open_table(META)?.insert("schema", SCHEMA_VERSION)?;
    Ok(())
}

/// Names of all tables in a database (used by tests comparing layouts).
pub fn table_names(db: &impl ReadableDatabase) -> Result<Vec<String>> {
    let txn = db.begin_read()?;
    let mut names: Vec<String> = txn.list_tables()?.map(|t| t.name().to_string()).collect();
    names.sort();
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Read;

    #[test]
    fn newer_versions_are_refused_with_both_numbers() {
        let err = check_supported(SCHEMA_VERSION + 1).unwrap_err();
        assert!(
            matches!(err, Error::NewerSchema { found, supported } if found == SCHEMA_VERSION + 1 && supported == SCHEMA_VERSION)
        );
        assert!(err.to_string().contains("newer version of Reps"));
        assert!(check_supported(SCHEMA_VERSION).is_ok());
    }

    #[test]
    fn settings_default_when_absent() {
        let db = Database::builder()
            .create_with_backend(redb::backends::InMemoryBackend::new())
            .unwrap();
        let txn = db.begin_write().unwrap();
        create_tables(&txn).unwrap();
        assert_eq!(txn.read_settings().unwrap(), Settings::default());
    }
}

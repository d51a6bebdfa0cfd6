//! Schema versions and migrations. The version lives in the `meta` table.
//! Each migration is one write transaction that moves the file one version
//! up; a file from a newer Reps is refused before anything is written.

use redb::{Database, ReadableDatabase, TableHandle, WriteTransaction};

use super::access::Writer;
use super::tables::*;
use crate::error::{Error, Result};
use crate::id::{IdGen, ItemId, TemplateId};
use crate::time::Stamp;
use crate::{ChecklistTemplate, Settings, TemplateItem};

/// The schema this build writes. Bump it only together with a migration step
/// below and a fixture file of the previous version in `tests/fixtures/`.
pub const SCHEMA_VERSION: u64 = 1;

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
/// each pending migration in its own transaction.
pub(crate) fn prepare(db: &Database, now: Stamp, ids: &IdGen) -> Result<()> {
    let mut version = match version_of(db)? {
        None => {
            let txn = db.begin_write()?;
            create_v1(&txn, now, ids)?;
            txn.commit()?;
            return Ok(());
        }
        Some(v) => v,
    };
    check_supported(version)?;
    while version < SCHEMA_VERSION {
        let txn = db.begin_write()?;
        migrate_step(&txn, version)?;
        version += 1;
        txn.open_table(META)?.insert("schema", version)?;
        txn.commit()?;
    }
    Ok(())
}

/// Moves a database from schema `from` to `from + 1` inside `txn`.
fn migrate_step(_txn: &WriteTransaction, from: u64) -> Result<()> {
    // One arm per past version, e.g. `1 => migrate_1_to_2(txn)`. Version 1 is
    // the first shipped schema, so no step exists yet.
    Err(Error::Corrupt(format!("no migration from schema {from}")))
}

/// Every table of the current schema, so read transactions never meet a missing one.
fn create_tables(txn: &WriteTransaction) -> Result<()> {
    for def in [
        LEADS, INTERVIEWS, DEBRIEFS, CONTACTS, FOLLOW_UPS, TEMPLATES, CHECKLISTS,
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
    ] {
        txn.open_table(def)?;
    }
    txn.open_table(LEAD_BY_STATUS)?;
    txn.open_table(LEAD_BY_COMPANY)?;
    txn.open_table(CONTACT_BY_COMPANY)?;
    txn.open_table(INTERVIEW_BY_START)?;
    txn.open_table(FOLLOW_UP_BY_DUE)?;
    txn.open_table(FOLLOW_UP_BY_RULE)?;
    txn.open_table(SETTINGS)?;
    Ok(())
}

/// A brand-new journal: tables, the default checklist, default settings.
fn create_v1(txn: &WriteTransaction, now: Stamp, ids: &IdGen) -> Result<()> {
    create_tables(txn)?;
    let w = Writer::new(txn, now, ids);
    let template = ChecklistTemplate {
        id: TemplateId(w.new_id()),
        created: now,
        updated: now,
        name: "Before every interview".into(),
        items: crate::domain::checklist::default_items()
            .into_iter()
            .map(|(when, text)| TemplateItem {
                id: ItemId(w.new_id()),
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

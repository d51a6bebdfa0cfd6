//! Data out: the whole journal or parts of it in the formats people keep
//! elsewhere (backup, calendar, contacts, spreadsheets, notes). Each export
//! reads one snapshot and hands the records to a pure codec in
//! [`crate::formats`].

use std::collections::HashMap;

use super::Journal;
use crate::error::{Error, Result};
use crate::formats::applications_csv::{applications_csv, stage_history_csv};
use crate::formats::backup::{Backup, FORMAT, VERSION};
use crate::formats::ics::export;
use crate::formats::markdown::{NoteFile, note_of, notes};
use crate::formats::proof_of_search::{ProofOf, ProofOptions, proof_of_search_csv};
use crate::formats::vcard::vcards;
use crate::id::LeadId;
use crate::store::Read;
use crate::{Contact, FollowUp, Interview, Lead};

impl Journal {
    /// The whole journal as a backup value.
    pub fn export(&self) -> Result<Backup> {
        let exported = self.now();
        self.read(|r| {
            Ok(Backup {
                format: FORMAT.into(),
                version: VERSION,
                exported,
                settings: r.read_settings()?,
                templates: r.load_all()?,
                leads: r.load_all()?,
                contacts: r.load_all()?,
                interviews: r.load_all()?,
                checklists: r.load_all()?,
                debriefs: r.load_all()?,
                follow_ups: r.load_all()?,
                cards: r.load_all()?,
            })
        })
    }

    /// The backup as pretty-printed JSON bytes, ready to write to a file.
    pub fn export_json(&self) -> Result<Vec<u8>> {
        Ok(self.export_backup_text()?.into_bytes())
    }

    /// The backup sealed under `passphrase` (armored age text): what may
    /// be kept anywhere, even where others can read files.
    pub fn export_sealed_backup(&self, passphrase: &str) -> Result<String> {
        let plain = self.export_backup_text()?;
        Ok(crate::formats::sealed::seal(plain.as_bytes(), passphrase)?)
    }

    /// The backup as pretty-printed JSON text (what a browser downloads).
    pub fn export_backup_text(&self) -> Result<String> {
        let b = self.export()?;
        serde_json::to_string_pretty(&b)
            .map_err(|e| Error::Corrupt(format!("cannot write backup: {e}")))
    }
}

impl Journal {
    /// Every contact as one vCard 4.0 file, oldest first.
    pub fn export_contacts_vcard(&self) -> Result<String> {
        Ok(vcards(&self.all_contacts()?))
    }
}

impl Journal {
    /// Every application, one row each, oldest first (see [`APPLICATION_COLUMNS`]).
    pub fn export_applications_csv(&self) -> Result<String> {
        let (leads, interviews) = self.read(|r| Ok((r.load_all()?, r.load_all()?)))?;
        applications_csv(&leads, &interviews).map_err(|e| Error::Corrupt(e.to_string()))
    }

    /// Proof of job search: the applications only, by date applied, with
    /// nothing private unless `options` asks for it (see
    /// [`crate::formats::proof_of_search`]).
    pub fn export_proof_of_search_csv(&self, options: ProofOptions) -> Result<String> {
        let now = self.now();
        let (leads, interviews, contacts, settings): (Vec<Lead>, Vec<Interview>, Vec<Contact>, _) =
            self.read(|r| {
                Ok((
                    r.load_all()?,
                    r.load_all()?,
                    r.load_all()?,
                    r.read_settings()?,
                ))
            })?;
        let of = ProofOf {
            name: settings.my_name,
            now,
        };
        proof_of_search_csv(&leads, &interviews, &contacts, options, &of)
            .map_err(|e| Error::Corrupt(e.to_string()))
    }

    /// Every status change of every application, one row each, leads oldest
    /// first and each history in order (see [`HISTORY_COLUMNS`]).
    pub fn export_stage_history_csv(&self) -> Result<String> {
        let leads: Vec<Lead> = self.read(|r| r.load_all())?;
        stage_history_csv(&leads).map_err(|e| Error::Corrupt(e.to_string()))
    }
}

impl Journal {
    /// One note per lead that has an interview or a debrief, leads oldest
    /// first, plus [`UNFILED_NAME`] when some debriefs belong to no lead.
    pub fn export_notes_markdown(&self) -> Result<Vec<NoteFile>> {
        let (leads, interviews, debriefs) =
            self.read(|r| Ok((r.load_all()?, r.load_all()?, r.load_all()?)))?;
        Ok(notes(&leads, &interviews, &debriefs))
    }

    /// The note of one lead (even with nothing in it yet), under the same
    /// name the full export gives it.
    pub fn export_notes_markdown_for(&self, lead: LeadId) -> Result<NoteFile> {
        let (leads, interviews, debriefs) =
            self.read(|r| Ok((r.load_all()?, r.load_all()?, r.load_all()?)))?;
        let leads: Vec<Lead> = leads;
        note_of(lead, &leads, &interviews, &debriefs).ok_or_else(|| Error::NotFound {
            kind: "lead",
            id: lead.to_string(),
        })
    }
}

impl Journal {
    /// The journal as a calendar: every interview not cancelled, past and
    /// future, and every open follow-up at its due time, with reminders.
    pub fn export_calendar(&self) -> Result<String> {
        let now = self.now();
        self.read(|r| {
            let leads: Vec<Lead> = r.load_all()?;
            let contacts: Vec<Contact> = r.load_all()?;
            Ok(export::calendar(&export::Data {
                now,
                interviews: r.load_all::<Interview>()?,
                follow_ups: r.load_all::<FollowUp>()?,
                leads: leads.into_iter().map(|l| (l.id, l)).collect(),
                contacts: contacts
                    .into_iter()
                    .map(|c| (c.id, c))
                    .collect::<HashMap<_, _>>(),
            }))
        })
    }
}

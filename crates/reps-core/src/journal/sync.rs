//! Sync, the journal's side: what this device keeps about its sync (never
//! in a backup), which remote files it still has to read, taking them in
//! (one transaction per file, nothing half-applied), and the file it sends
//! next. The network is not here: [`crate::sync::run`] drives a round
//! through these commands, so the journal's owner never waits on it.

use std::collections::{BTreeMap, HashSet};

use redb::{ReadableTable, ReadableTableMetadata, TableHandle};
use serde::{Deserialize, Serialize};

use super::Journal;
use crate::error::{Error, Result};
use crate::store::tables::*;
use crate::store::{Read, Record, TakenIn, Writer, doc_from, tail_of};
use crate::sync::file::{DocBytes, FileName, Kind, MAX_FILE_BYTES, SyncFile};
use crate::sync::{FileRefusal, JournalKey, Listed};
use crate::time::Stamp;
use crate::{Card, Checklist, ChecklistTemplate, Contact, Debrief, FollowUp, Interview, Lead};

/// After this many files of its own on the remote, a device sends a
/// snapshot instead and deletes them, so the remote stays about the size
/// of the journal.
pub const SNAPSHOT_AFTER: usize = 24;

/// Where this device syncs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SyncPlace {
    /// A folder on this device that something else carries (Syncthing, a
    /// cloud drive's desktop client, a USB stick).
    Folder {
        /// The folder the user picked.
        path: String,
    },
    /// A WebDAV server (Nextcloud, ownCloud, any WebDAV storage).
    WebDav {
        /// The folder's address on the server.
        url: String,
        /// The user name.
        user: String,
        /// The app password (kept on this device only).
        password: String,
    },
}

impl SyncPlace {
    /// The place in words, for the Sync section.
    pub fn describe(&self) -> String {
        match self {
            SyncPlace::Folder { path } => format!("the folder {path}"),
            SyncPlace::WebDav { url, user, .. } => format!("{url} (as {user})"),
        }
    }

    /// The place with the app password left out, for a form to start from.
    pub fn without_password(&self) -> SyncPlace {
        let mut place = self.clone();
        if let SyncPlace::WebDav { password, .. } = &mut place {
            password.clear();
        }
        place
    }
}

/// This device's sync settings. Kept on the device only: never in a
/// backup, never on the remote (the key is there only wrapped by the
/// passphrase).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncSetup {
    /// Where it syncs.
    pub place: SyncPlace,
    /// The journal key, as text.
    pub key: String,
    /// What the other devices call this one ("Laptop").
    pub device_name: String,
    /// The keychain entry holding the key (and the WebDAV password) when
    /// they are kept in the platform's keychain; both are then empty here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keychain: Option<String>,
}

impl std::fmt::Debug for SyncSetup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyncSetup")
            .field("device_name", &self.device_name)
            .finish_non_exhaustive()
    }
}

/// What this device remembers of its rounds.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct SyncLog {
    /// The running number of this device's files.
    seq: u64,
    last_synced: Option<Stamp>,
    last_problem: Option<String>,
    /// Files that wait for earlier ones, at the last round.
    waiting: u32,
    /// The other devices, by tag: their name and when their last file was read.
    devices: BTreeMap<String, DeviceSeen>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct DeviceSeen {
    name: String,
    last: Stamp,
}

/// The Sync section's view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncView {
    /// Whether sync is set up here.
    pub set_up: bool,
    /// Where it syncs, in words.
    pub place: String,
    /// Whether the place is WebDAV (else a folder).
    pub webdav: bool,
    /// This device's name on the others.
    pub device_name: String,
    /// Whether the key is kept in the platform's keychain (else in the
    /// journal file on this device).
    pub in_keychain: bool,
    /// Where the key is kept, in words ("… in this device's keychain"),
    /// and whether the last round found it gone.
    pub key_kept: String,
    /// The place as the setup form starts from to set sync up again (the
    /// app password left out): after a keychain lost the key, or to rename
    /// this device.
    pub again: Option<SyncPlace>,
    /// "Synced 5 minutes ago", "Not synced yet".
    pub last_synced: String,
    /// Records changed here and not sent yet.
    pub unsent: u32,
    /// Files from other devices that wait for earlier ones.
    pub waiting: u32,
    /// The other devices seen, with when this one last heard from them.
    pub devices: Vec<SyncDevice>,
    /// The last problem, in plain words (cleared by a round that goes well).
    pub problem: Option<String>,
}

/// Another device, as the Sync section lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncDevice {
    /// Its name ("Phone").
    pub name: String,
    /// "last heard from 2 hours ago".
    pub last: String,
}

/// A file this device is about to send, and what to note once it is there.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Outbox {
    /// Its remote name.
    pub name: String,
    /// The encrypted bytes.
    pub bytes: Vec<u8>,
    /// This device's own older files that it stands in for (a snapshot's),
    /// to delete once it is there.
    pub replaces: Vec<String>,
    /// What was sent: records and how they stood.
    pub sent: Sent,
}

/// What an [`Outbox`] carried, to mark sent.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Sent {
    seq: u64,
    /// `(table, key, stored, heads)`: a fingerprint of the record's stored
    /// document when its changes were packed, and its heads then.
    records: Vec<(String, u128, u64, Vec<u8>)>,
}

/// What a round took in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TakeInReport {
    /// Files read and merged.
    pub files: usize,
    /// Records that changed here.
    pub records: usize,
    /// Files that wait for earlier ones.
    pub waiting: usize,
    /// Files set aside, each with why, in plain words.
    pub problems: Vec<String>,
}

/// How a round ended, for the log.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum RoundEnd {
    /// It went through; files set aside are named.
    Done(TakeInReport),
    /// It stopped, in these words (the remote was unreachable…).
    Failed(String),
}

/// Reads the device table's JSON value under `name`.
fn device_value<T: serde::de::DeserializeOwned>(
    r: &impl DeviceTable,
    name: &str,
) -> Result<Option<T>> {
    match r.device_bytes(name)? {
        Some(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| Error::Corrupt(format!("this device's sync settings: {e}"))),
        None => Ok(None),
    }
}

/// Reading the device table in a read or a write transaction.
trait DeviceTable {
    fn device_bytes(&self, name: &str) -> Result<Option<Vec<u8>>>;
}

impl DeviceTable for redb::ReadTransaction {
    fn device_bytes(&self, name: &str) -> Result<Option<Vec<u8>>> {
        Ok(self
            .open_table(DEVICE)?
            .get(name)?
            .map(|g| g.value().to_vec()))
    }
}

impl DeviceTable for Writer<'_> {
    fn device_bytes(&self, name: &str) -> Result<Option<Vec<u8>>> {
        Ok(self
            .open_table(DEVICE)?
            .get(name)?
            .map(|g| g.value().to_vec()))
    }
}

fn put_device_value<T: Serialize>(w: &Writer<'_>, name: &str, value: &T) -> Result<()> {
    let bytes = serde_json::to_vec(value).map_err(|e| Error::Corrupt(e.to_string()))?;
    w.open_table(DEVICE)?.insert(name, bytes.as_slice())?;
    Ok(())
}

const SETUP: &str = "sync-setup";
const LOG: &str = "sync-log";

/// The journal key from its text, or why it is not one.
fn journal_key_of(secret: &str) -> Result<JournalKey> {
    JournalKey::from_secret(secret).map_err(|e| Error::Corrupt(e.to_string()))
}

impl Journal {
    /// This device's sync settings, if sync is set up.
    pub fn sync_setup(&self) -> Result<Option<SyncSetup>> {
        self.read(|r| device_value(r, SETUP))
    }

    /// Saves this device's sync settings (after the key was created on, or
    /// fetched from, the remote). One transaction.
    /// With `keychain` set, the secrets are in the platform's keychain and
    /// the journal file must not hold them too.
    pub fn save_sync_setup(&self, setup: &SyncSetup) -> Result<()> {
        match &setup.keychain {
            None => {
                journal_key_of(&setup.key)?;
            }
            Some(_) => {
                let password_here = matches!(&setup.place, SyncPlace::WebDav { password, .. } if !password.is_empty());
                if !setup.key.is_empty() || password_here {
                    return Err(Error::Corrupt(
                        "sync settings kept in the keychain must not hold their secrets too".into(),
                    ));
                }
            }
        }
        self.write(|w| {
            put_device_value(w, SETUP, setup)?;
            let mut log: SyncLog = device_value(w, LOG)?.unwrap_or_default();
            log.last_problem = None;
            put_device_value(w, LOG, &log)
        })
    }

    /// Stops syncing on this device: its settings and key are forgotten;
    /// the journal and the remote's files stay as they are. Returns the
    /// keychain entry the secrets were kept under, for the caller to
    /// remove off this thread ([`crate::sync::keychain::forget`]).
    pub fn stop_sync(&self) -> Result<Option<String>> {
        self.write(|w| {
            let setup: Option<SyncSetup> = device_value(w, SETUP)?;
            w.open_table(DEVICE)?.remove(SETUP)?;
            // the devices seen are kept, for when sync is set up again
            let mut log: SyncLog = device_value(w, LOG)?.unwrap_or_default();
            log.last_problem = None;
            log.last_synced = None;
            log.waiting = 0;
            put_device_value(w, LOG, &log)?;
            Ok(setup.and_then(|s| s.keychain))
        })
    }

    /// The Sync section's view.
    pub fn sync_view(&self) -> Result<SyncView> {
        let now = self.now();
        self.read(|r| {
            let setup: Option<SyncSetup> = device_value(r, SETUP)?;
            let log: SyncLog = device_value(r, LOG)?.unwrap_or_default();
            let unsent_table = r.open_table(SYNC_UNSENT)?;
            // typed here and not yet in its document: unsent all the same
            let mut unsent = unsent_table.len()? as u32;
            for row in r.open_table(DOC_BEHIND)?.iter()? {
                let (k, _) = row?;
                if unsent_table.get(k.value())?.is_none() {
                    unsent += 1;
                }
            }
            let mut devices: Vec<(Stamp, SyncDevice)> = log
                .devices
                .values()
                .map(|d| {
                    (
                        d.last,
                        SyncDevice {
                            name: d.name.clone(),
                            last: format!("last heard from {}", crate::wording::ago(&d.last, &now)),
                        },
                    )
                })
                .collect();
            devices.sort_by_key(|d| std::cmp::Reverse(d.0));
            let in_keychain = setup.as_ref().is_some_and(|s| s.keychain.is_some());
            let key_missing = in_keychain
                && log.last_problem.as_deref()
                    == Some(crate::sync::SyncError::KeychainMissing.to_string().as_str());
            Ok(SyncView {
                set_up: setup.is_some(),
                place: setup
                    .as_ref()
                    .map(|s| s.place.describe())
                    .unwrap_or_default(),
                webdav: matches!(
                    setup.as_ref().map(|s| &s.place),
                    Some(SyncPlace::WebDav { .. })
                ),
                in_keychain,
                key_kept: crate::wording::sync_key_kept(in_keychain, key_missing).into(),
                again: setup.as_ref().map(|s| s.place.without_password()),
                device_name: setup.map(|s| s.device_name).unwrap_or_default(),
                last_synced: match &log.last_synced {
                    Some(t) => format!("Synced {}", crate::wording::ago(t, &now)),
                    None => "Not synced yet".into(),
                },
                unsent,
                waiting: log.waiting,
                devices: devices.into_iter().map(|(_, d)| d).collect(),
                problem: log.last_problem,
            })
        })
    }

    /// The remote files this device has still to read: well-named, not its
    /// own, not read before, of a size a Reps file can have.
    pub fn sync_files_wanted(&self, listing: &[Listed]) -> Result<Vec<String>> {
        let own = self.device_tag();
        self.read(|r| {
            let seen = r.open_table(SYNC_SEEN)?;
            let mut out = Vec::new();
            for f in listing {
                let Some(name) = FileName::parse(&f.name) else {
                    continue;
                };
                if name.device == own || f.size == 0 || f.size > MAX_FILE_BYTES {
                    continue;
                }
                if seen.get(f.name.as_str())?.is_none() {
                    out.push(f.name.clone());
                }
            }
            Ok(out)
        })
    }

    /// Takes in files other devices left: each in its own transaction,
    /// merged record by record, checked by the same rules as any write; a
    /// file that is damaged, foreign, from another journal or a newer Reps
    /// is set aside with a message and nothing of it written; one that
    /// builds on files not arrived yet waits for them.
    ///
    /// `journal_key` is the key as [`crate::sync::keychain::reveal`] gave
    /// it: the round reads it from the keychain, off this thread.
    pub fn sync_take_in(
        &self,
        journal_key: &str,
        listing: &[Listed],
        files: Vec<(String, Vec<u8>)>,
    ) -> Result<TakeInReport> {
        self.sync_setup()?.ok_or_else(not_set_up)?;
        let key = journal_key_of(journal_key)?;
        let mut report = TakeInReport::default();
        let own = self.device_tag();
        for f in listing {
            if FileName::parse(&f.name).is_some_and(|n| n.device != own) {
                let refusal = match f.size {
                    0 => Some(FileRefusal::Empty),
                    s if s > MAX_FILE_BYTES => Some(FileRefusal::TooLarge(s)),
                    _ => None,
                };
                if let Some(why) = refusal {
                    report.problems.push(set_aside(&f.name, &why));
                }
            }
        }
        let mut pending: Vec<(String, FileName, SyncFile)> = Vec::new();
        for (name, bytes) in files {
            let Some(parsed) = FileName::parse(&name) else {
                continue;
            };
            let opened = if bytes.is_empty() {
                Err(FileRefusal::Empty)
            } else if bytes.len() as u64 > MAX_FILE_BYTES {
                Err(FileRefusal::TooLarge(bytes.len() as u64))
            } else {
                key.open(&bytes)
                    .and_then(|plain| SyncFile::decode(&plain).map_err(FileRefusal::from))
            };
            match opened {
                Ok(file) => pending.push((name, parsed, file)),
                Err(why) => report.problems.push(set_aside(&name, &why)),
            }
        }
        // snapshots first (they stand in for many files), then each
        // device's files in the order it wrote them
        pending.sort_by_key(|(_, n, f)| (f.kind != Kind::Snapshot, n.device, n.seq));
        loop {
            let mut progress = false;
            let mut still = Vec::new();
            for (name, parsed, file) in pending {
                if self.read(|r| Ok(r.open_table(SYNC_SEEN)?.get(name.as_str())?.is_some()))? {
                    progress = true;
                    continue;
                }
                match self.take_in_file(&name, parsed, &file) {
                    Ok(Some(changed)) => {
                        report.files += 1;
                        report.records += changed;
                        progress = true;
                    }
                    Ok(None) => still.push((name, parsed, file)),
                    Err(e @ (Error::Disk(_) | Error::Busy)) => return Err(e),
                    Err(e) => {
                        report.problems.push(format!(
                            "A file from {} was set aside: {e}",
                            writer_name(&file)
                        ));
                    }
                }
            }
            pending = still;
            if pending.is_empty() || !progress {
                break;
            }
        }
        report.waiting = pending.len();
        Ok(report)
    }

    /// One file in one transaction; `None` when it waits for earlier files
    /// (and nothing of it was written).
    fn take_in_file(&self, name: &str, parsed: FileName, file: &SyncFile) -> Result<Option<usize>> {
        self.write_unless(|w| {
            let mut changed = 0;
            let mut leads_moved = Vec::new();
            for d in &file.docs {
                match take_in_doc(w, d, &mut leads_moved)? {
                    Some(n) => changed += n,
                    None => return Ok(None),
                }
            }
            // the rules that follow a move, planned once (their follow-ups'
            // ids come from their rule, so another device planning the
            // same converges on the same follow-up)
            for id in leads_moved {
                let lead: Lead = w.load(id)?;
                super::triage::plan_for_status(w, &lead)?;
            }
            let mut seen = w.open_table(SYNC_SEEN)?;
            seen.insert(name, ())?;
            for covered in &file.covers {
                seen.insert(covered.as_str(), ())?;
            }
            drop(seen);
            let mut log: SyncLog = device_value(w, LOG)?.unwrap_or_default();
            log.devices.insert(
                format!("{:016x}", parsed.device),
                DeviceSeen {
                    name: file.writer.clone(),
                    last: w.now,
                },
            );
            put_device_value(w, LOG, &log)?;
            Ok(Some(changed))
        })
    }

    /// The file to send now, if anything is to be sent: the changes made
    /// here since the last file, or a snapshot of the whole journal when
    /// the remote holds none yet or this device has left many files.
    /// `journal_key` as for [`Journal::sync_take_in`].
    pub fn sync_outbox(&self, journal_key: &str, listing: &[Listed]) -> Result<Option<Outbox>> {
        let setup = self.sync_setup()?.ok_or_else(not_set_up)?;
        let key = journal_key_of(journal_key)?;
        let own = self.device_tag();
        let own_files: Vec<String> = listing
            .iter()
            .filter(|f| FileName::parse(&f.name).is_some_and(|n| n.device == own))
            .map(|f| f.name.clone())
            .collect();
        let any_data = listing.iter().any(|f| FileName::parse(&f.name).is_some());
        let snapshot = !any_data || own_files.len() >= SNAPSHOT_AFTER;
        self.catch_up_documents()?;
        let actor = self.actor.clone();
        let (file, sent) = self.read(|r| {
            let log: SyncLog = device_value(r, LOG)?.unwrap_or_default();
            let unsent = r.open_table(SYNC_UNSENT)?;
            let docs = r.open_table(DOCS)?;
            let tails = r.open_table(DOC_TAILS)?;
            let mut sent = Sent {
                seq: log.seq + 1,
                records: Vec::new(),
            };
            let mut out = Vec::new();
            for row in unsent.iter()? {
                let (k, v) = row?;
                let (table, key) = k.value();
                let since = crate::sync::doc::Heads::from_bytes(v.value()).unwrap_or_default();
                let tag = fingerprint(&docs, &tails, table, key)?;
                let Some(mut doc) = doc_from(&docs, &tails, table, key, &actor)? else {
                    continue;
                };
                let heads = doc.heads().to_bytes();
                if !snapshot {
                    out.push(DocBytes {
                        table: table.to_string(),
                        key,
                        bytes: doc.changes_after(&since),
                    });
                }
                sent.records.push((table.to_string(), key, tag, heads));
            }
            if snapshot {
                for row in docs.iter()? {
                    let (k, v) = row?;
                    let (table, key) = k.value();
                    let (tail, chunks) = tail_of(&tails, table, key)?;
                    let bytes = if chunks == 0 {
                        v.value().to_vec()
                    } else {
                        // folded into one whole document for the snapshot
                        crate::sync::doc::RecordDoc::load_stored(v.value(), &tail, chunks, &actor)?
                            .save()
                    };
                    out.push(DocBytes {
                        table: table.to_string(),
                        key,
                        bytes,
                    });
                }
            }
            let covers = if snapshot {
                let seen = r.open_table(SYNC_SEEN)?;
                let mut c = own_files.clone();
                for f in listing {
                    if FileName::parse(&f.name).is_some() && seen.get(f.name.as_str())?.is_some() {
                        c.push(f.name.clone());
                    }
                }
                c
            } else {
                Vec::new()
            };
            Ok((
                SyncFile {
                    kind: if snapshot {
                        Kind::Snapshot
                    } else {
                        Kind::Changes
                    },
                    writer: setup.device_name.clone(),
                    covers,
                    docs: out,
                },
                sent,
            ))
        })?;
        if file.docs.is_empty() || (!snapshot && sent.records.is_empty()) {
            return Ok(None);
        }
        let name = FileName {
            device: own,
            seq: sent.seq,
            nonce: (self.ids.next(self.now()).as_u128() & 0xffff_ffff) as u32,
        };
        let bytes = key
            .seal(&file.encode())
            .map_err(|e| Error::Corrupt(e.to_string()))?;
        Ok(Some(Outbox {
            name: name.to_string(),
            bytes,
            replaces: if snapshot { own_files } else { Vec::new() },
            sent,
        }))
    }

    /// Brings every record's sync document that is behind what was typed
    /// up to date (see [`DOC_BEHIND`]), in one transaction; nothing is
    /// written when none is behind. The round does this before it sends.
    pub fn catch_up_documents(&self) -> Result<()> {
        let behind = self.read(|r| {
            let mut keys = Vec::new();
            for row in r.open_table(DOC_BEHIND)?.iter()? {
                let (k, _) = row?;
                let (table, key) = k.value();
                keys.push((table.to_string(), key));
            }
            Ok(keys)
        })?;
        if behind.is_empty() {
            return Ok(());
        }
        self.write(|w| {
            for (table, key) in &behind {
                catch_up(w, table, *key)?;
            }
            Ok(())
        })
    }

    /// Notes that an outbox reached the remote: its records are sent,
    /// unless they changed again meanwhile (then only what came after is
    /// left to send). One transaction.
    pub fn sync_sent(&self, sent: &Sent) -> Result<()> {
        self.write(|w| {
            let docs = w.open_table(DOCS)?;
            let tails = w.open_table(DOC_TAILS)?;
            let mut unsent = w.open_table(SYNC_UNSENT)?;
            for (table, key, stored, heads) in &sent.records {
                if unsent.get((table.as_str(), *key))?.is_none() {
                    continue;
                }
                if fingerprint(&docs, &tails, table, *key)? == *stored {
                    unsent.remove((table.as_str(), *key))?;
                } else {
                    // written again meanwhile: what came after is still to send
                    unsent.insert((table.as_str(), *key), heads.as_slice())?;
                }
            }
            drop((docs, tails, unsent));
            let mut log: SyncLog = device_value(w, LOG)?.unwrap_or_default();
            log.seq = log.seq.max(sent.seq);
            put_device_value(w, LOG, &log)
        })
    }

    /// Notes how a round ended: when, files waiting, the problem if any.
    /// Remote files no longer listed are forgotten from the seen list.
    pub fn sync_finished(&self, listing: Option<&[Listed]>, end: &RoundEnd) -> Result<()> {
        self.write(|w| {
            let mut log: SyncLog = device_value(w, LOG)?.unwrap_or_default();
            match end {
                RoundEnd::Done(report) => {
                    log.last_synced = Some(w.now);
                    log.waiting = report.waiting as u32;
                    log.last_problem = report.problems.first().cloned().or_else(|| {
                        (report.waiting > 0).then(|| crate::wording::sync_waiting(report.waiting))
                    });
                }
                RoundEnd::Failed(why) => log.last_problem = Some(why.clone()),
            }
            put_device_value(w, LOG, &log)?;
            if let Some(listing) = listing {
                let present: HashSet<&str> = listing.iter().map(|f| f.name.as_str()).collect();
                let mut seen = w.open_table(SYNC_SEEN)?;
                let mut gone = Vec::new();
                for row in seen.iter()? {
                    let (k, _) = row?;
                    if !present.contains(k.value()) {
                        gone.push(k.value().to_string());
                    }
                }
                for g in gone {
                    seen.remove(g.as_str())?;
                }
            }
            Ok(())
        })
    }

    /// This device's tag in its remote file names (random bits of its id).
    fn device_tag(&self) -> u64 {
        let mut b = [0u8; 8];
        for (i, byte) in self.actor.iter().rev().take(8).enumerate() {
            b[7 - i] = *byte;
        }
        u64::from_be_bytes(b)
    }
}

/// A fingerprint of a record's stored document (whole part and tail): it
/// changes with every write, so a send can tell whether the record was
/// written again while its changes were on the way.
fn fingerprint(
    docs: &impl ReadableTable<(&'static str, u128), &'static [u8]>,
    tails: &impl ReadableTable<(&'static str, u128, u32), &'static [u8]>,
    table: &str,
    key: u128,
) -> Result<u64> {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    docs.get((table, key))?
        .map(|g| g.value().to_vec())
        .hash(&mut h);
    tail_of(tails, table, key)?.hash(&mut h);
    Ok(h.finish())
}

fn not_set_up() -> Error {
    Error::Corrupt("sync is not set up on this device".into())
}

fn writer_name(file: &SyncFile) -> String {
    if file.writer.trim().is_empty() {
        "another device".into()
    } else {
        crate::wording::shorten(&file.writer, 40)
    }
}

fn set_aside(name: &str, why: &FileRefusal) -> String {
    format!("A file in the sync folder ({name}) was set aside: {why}. Nothing of it was written.")
}

/// Merges one record's document; `None` when it waits for earlier changes,
/// else how many records changed. Leads whose status the merge moved are
/// noted in `moved`.
fn take_in_doc(w: &Writer<'_>, d: &DocBytes, moved: &mut Vec<u128>) -> Result<Option<usize>> {
    let t = d.table.as_str();
    fn count<R>(taken: TakenIn<R>) -> Option<usize> {
        match taken {
            TakenIn::Waiting => None,
            TakenIn::Unchanged => Some(0),
            TakenIn::Changed { .. } => Some(1),
        }
    }
    if t == LEADS.name() {
        let taken = w.take_in_doc::<Lead>(d.key, &d.bytes, |l| {
            l.details.validate()?;
            Ok(())
        })?;
        if let TakenIn::Changed {
            old,
            new: Some(new),
        } = &taken
        {
            let mut settled = new.clone();
            if crate::rules::pipeline::settle_merged(&mut settled) {
                w.put(Some(new), &settled)?;
            }
            if old.as_ref().map(|o| o.status) != Some(settled.status) {
                moved.push(settled.key());
            }
        }
        return Ok(count(taken));
    }
    if t == FOLLOW_UPS.name() {
        // who held the merged follow-up's rule before it lands
        let holder = std::cell::Cell::new(None);
        let taken = w.take_in_doc::<FollowUp>(d.key, &d.bytes, |f| {
            crate::domain::limits::optional("note", &f.note, crate::domain::limits::NOTE)?;
            if let Some(rule) = &f.rule_key {
                holder.set(w.rule_id(rule)?.filter(|k| *k != f.key()));
            }
            Ok(())
        })?;
        if let (TakenIn::Changed { new: Some(new), .. }, Some(other)) = (&taken, holder.get()) {
            one_follow_up_per_rule(w, new, other)?;
        }
        return Ok(count(taken));
    }
    if t == INTERVIEWS.name() {
        return Ok(count(w.take_in_doc::<Interview>(d.key, &d.bytes, |i| {
            i.plan.validate()?;
            Ok(())
        })?));
    }
    if t == DEBRIEFS.name() {
        return Ok(count(w.take_in_doc::<Debrief>(d.key, &d.bytes, |x| {
            x.body.validate()?;
            Ok(())
        })?));
    }
    if t == CONTACTS.name() {
        return Ok(count(w.take_in_doc::<Contact>(d.key, &d.bytes, |c| {
            c.details.validate()?;
            Ok(())
        })?));
    }
    if t == TEMPLATES.name() {
        return Ok(count(w.take_in_doc::<ChecklistTemplate>(
            d.key,
            &d.bytes,
            |x| {
                crate::domain::checklist::validate_template(&x.name, &x.items)?;
                Ok(())
            },
        )?));
    }
    if t == CHECKLISTS.name() {
        return Ok(count(w.take_in_doc::<Checklist>(
            d.key,
            &d.bytes,
            |_| Ok(()),
        )?));
    }
    if t == CARDS.name() {
        let taken = w.take_in_doc::<Card>(d.key, &d.bytes, |c| {
            c.body.validate()?;
            Ok(())
        })?;
        keep_every_practice(w, &taken)?;
        return Ok(count(taken));
    }
    if t == SETTINGS.name() {
        // settings that changed are not counted as a change a person made
        return Ok(w.take_in_settings(&d.bytes)?.map(|_| 0));
    }
    Err(Error::Corrupt(format!(
        "it holds records of a kind this version does not know ({t}); update Reps"
    )))
}

/// Brings the document of one record of the table named `table` up to
/// date with it (see [`Writer::catch_up`]).
fn catch_up(w: &Writer<'_>, table: &str, key: u128) -> Result<()> {
    match table {
        t if t == LEADS.name() => w.catch_up::<Lead>(key),
        t if t == FOLLOW_UPS.name() => w.catch_up::<FollowUp>(key),
        t if t == INTERVIEWS.name() => w.catch_up::<Interview>(key),
        t if t == DEBRIEFS.name() => w.catch_up::<Debrief>(key),
        t if t == CONTACTS.name() => w.catch_up::<Contact>(key),
        t if t == TEMPLATES.name() => w.catch_up::<ChecklistTemplate>(key),
        t if t == CHECKLISTS.name() => w.catch_up::<Checklist>(key),
        t if t == CARDS.name() => w.catch_up::<Card>(key),
        t => Err(Error::Corrupt(format!(
            "a record of a kind this version does not know ({t}) waits to be sent; update Reps"
        ))),
    }
}

/// A card made from the same debrief line on two devices offline has the
/// same id but two first versions, so the merge keeps one device's set of
/// practices and the other's stands aside as a conflict. No practice may be
/// lost: those this device held and the merge left out are written back
/// (a change of its own, sent with the next round), so every device ends
/// with all of them; practices are a set (`SET_FIELDS`), so two devices
/// writing the same one back make one.
fn keep_every_practice(w: &Writer<'_>, taken: &TakenIn<Card>) -> Result<()> {
    let TakenIn::Changed {
        old: Some(old),
        new: Some(new),
    } = taken
    else {
        return Ok(());
    };
    let missing: Vec<crate::Review> = old
        .reviews
        .iter()
        .filter(|r| !new.reviews.contains(r))
        .cloned()
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let mut kept = new.clone();
    kept.reviews.extend(missing);
    crate::sync::doc::set_order(&mut kept.reviews);
    w.put(Some(new), &kept)
}

/// Two devices that planned the same rule's follow-up offline under
/// different ids (`merged` just arrived, `other` held the rule here): the
/// lower id keeps the rule, the other is dismissed — the same choice on
/// every device — so the reminder shows once.
fn one_follow_up_per_rule(w: &Writer<'_>, merged: &FollowUp, other: u128) -> Result<()> {
    let Some(rule) = &merged.rule_key else {
        return Ok(());
    };
    let Some(held) = w.load_opt::<FollowUp>(other)? else {
        return Ok(());
    };
    if held.rule_key.as_deref() != Some(rule.as_str()) {
        return Ok(());
    }
    let (keeper, loser) = if held.id.key() < merged.id.key() {
        (held, merged.clone())
    } else {
        (merged.clone(), held)
    };
    let mut retired = loser.clone();
    retired.rule_key = None;
    if retired.is_open() {
        retired.state = crate::FollowUpState::Dismissed(w.now);
    }
    retired.updated = w.now;
    w.put(Some(&loser), &retired)?;
    // the rule's index row points at the keeper
    w.open_table(FOLLOW_UP_BY_RULE)?
        .insert(rule.as_str(), keeper.id.key())?;
    Ok(())
}

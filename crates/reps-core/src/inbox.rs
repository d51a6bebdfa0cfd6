//! The capture inbox: how a one-line note reaches the journal from a process
//! that cannot open it.
//!
//! A redb file is held by one process at a time, and a home-screen widget, a
//! shortcut or a share extension runs in its own process while the app may
//! hold the journal. So they never open it: each note becomes one small file
//! `<id>.json` in `<data dir>/inbox/`, written whole or not at all (a `.part`
//! file, synced, renamed, the folder synced). The app takes the inbox in on
//! start and on resume ([`Journal::take_inbox`]): each note becomes a debrief
//! **whose id is the note's id**, committed before the file is removed, so a
//! crash between the two leaves a file whose debrief is already there and the
//! next take only removes it. Nothing is lost and nothing is added twice.
//!
//! A posting shared into Reps from another app (a phone's share sheet)
//! travels the same way, marked as a share: it becomes a lead in the deck
//! whose id is the entry's id ([`Journal::add_shared`]).
//!
//! A file that cannot be read as a note is moved to `inbox/damaged/` and
//! counted, never deleted: the text may still be recovered by hand.

use std::fs::{self, File};
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::limits;
use crate::error::{Error, Result};
use crate::files::{sync_dir, write_whole};
use crate::id::{IdGen, InterviewId};
use crate::time::Stamp;

/// The folder, inside the inbox, where unreadable files are moved.
pub const DAMAGED: &str = "damaged";

/// The largest file read as a note: a [`limits::NOTE`]-long text in any
/// script, JSON-escaped, fits well inside it.
const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// One note waiting in the inbox: the file's content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxEntry {
    /// Its id, also its file name and the id of the debrief it becomes.
    pub id: Uuid,
    /// When it was written (RFC 9557 text in the file).
    pub at: Stamp,
    /// What was typed.
    pub text: String,
    /// The interview it is about, when the writer knew it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interview: Option<InterviewId>,
    /// A note (the default), or a shared posting.
    #[serde(default, skip_serializing_if = "EntryKind::is_note")]
    pub kind: EntryKind,
}

/// What an inbox entry is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// A one-line note, which becomes a debrief.
    #[default]
    Note,
    /// A posting shared from another app, which becomes a lead in the deck.
    Share,
}

impl EntryKind {
    fn is_note(&self) -> bool {
        *self == EntryKind::Note
    }
}

/// What [`CaptureInbox::pending`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pending {
    /// Readable notes, oldest first (by id, which is time-ordered).
    pub entries: Vec<InboxEntry>,
    /// Files moved to `inbox/damaged/` by this look, where they now are.
    pub damaged: Vec<PathBuf>,
}

/// The outcome of [`Journal::take_inbox`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TakenIn {
    /// Notes that became new debriefs.
    pub added: usize,
    /// Notes whose debrief was already in the journal (an earlier take was
    /// interrupted after its commit): their files were only removed.
    pub already: usize,
    /// Unreadable files moved to `inbox/damaged/`.
    pub damaged: usize,
    /// Shared postings that became new leads in the deck.
    #[serde(default)]
    pub shared: usize,
    /// Shared postings already in the deck (nothing was added).
    #[serde(default)]
    pub shared_already: usize,
}

/// A folder of notes written by other processes, waiting for the journal.
#[derive(Debug)]
pub struct CaptureInbox {
    dir: PathBuf,
    ids: IdGen,
}

impl CaptureInbox {
    /// The inbox in `dir` (usually `<data dir>/inbox`); created on the first note.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: dir.into(),
            ids: IdGen::new(),
        }
    }

    /// Where it is.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes one note, durably, and answers its id (the id its debrief will
    /// have). The text must not be blank and not longer than a debrief's note.
    pub fn add(&self, text: &str, interview: Option<InterviewId>, at: Stamp) -> Result<Uuid> {
        limits::required("notes", text, limits::NOTE)?;
        self.write(InboxEntry {
            id: self.ids.next(at),
            at,
            text: text.to_owned(),
            interview,
            kind: EntryKind::Note,
        })
    }

    /// Leaves a posting shared from another app, durably; answers its id
    /// (the id of the lead it becomes). A text longer than a lead's ad is
    /// cut there; an empty one is refused.
    pub fn add_share(&self, text: &str, at: Stamp) -> Result<Uuid> {
        limits::required("posting", text, usize::MAX)?;
        self.write(InboxEntry {
            id: self.ids.next(at),
            at,
            text: text.trim().chars().take(limits::NOTE).collect(),
            interview: None,
            kind: EntryKind::Share,
        })
    }

    /// Writes one entry whole.
    fn write(&self, entry: InboxEntry) -> Result<Uuid> {
        let bytes = serde_json::to_vec(&entry)
            .map_err(|e| Error::Disk(format!("cannot encode the note: {e}")))?;
        write_whole(&self.dir.join(file_name(entry.id)), &bytes).map_err(disk)?;
        Ok(entry.id)
    }

    /// The notes waiting, oldest first. Files still being written (`.part`)
    /// are not looked at; a file that is not a readable note is moved to
    /// `inbox/damaged/` and listed in [`Pending::damaged`].
    pub fn pending(&self) -> Result<Pending> {
        let mut found = Pending::default();
        let listing = match fs::read_dir(&self.dir) {
            Ok(l) => l,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(found),
            Err(e) => return Err(disk(e)),
        };
        for item in listing {
            let path = item.map_err(disk)?.path();
            if path.extension().is_none_or(|x| x != "json") || !path.is_file() {
                continue;
            }
            match read_entry(&path) {
                Ok(Some(entry)) => found.entries.push(entry),
                // taken in (removed) by the app since the listing
                Ok(None) => {}
                Err(_) => {
                    if let Some(moved) = self.quarantine(&path)? {
                        found.damaged.push(moved);
                    }
                }
            }
        }
        found.entries.sort_by_key(|e| e.id);
        Ok(found)
    }

    /// Removes a note once its debrief is committed.
    pub(crate) fn remove(&self, id: Uuid) -> Result<()> {
        match fs::remove_file(self.dir.join(file_name(id))) {
            Ok(()) => sync_dir(&self.dir).map_err(disk),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(disk(e)),
        }
    }

    /// Moves an entry the journal refused (a shared file that is not
    /// text) to `inbox/damaged/`, where it stays for the user.
    pub(crate) fn set_aside(&self, id: Uuid) -> Result<()> {
        self.quarantine(&self.dir.join(file_name(id))).map(|_| ())
    }

    /// Moves an unreadable file aside; `None` if it vanished meanwhile.
    fn quarantine(&self, path: &Path) -> Result<Option<PathBuf>> {
        let aside = self.dir.join(DAMAGED);
        fs::create_dir_all(&aside).map_err(disk)?;
        let Some(name) = path.file_name() else {
            return Ok(None);
        };
        // never replace an earlier damaged file of the same name
        let target = std::iter::once(aside.join(name))
            .chain((2..).map(|n| aside.join(format!("{}-{n}", name.to_string_lossy()))))
            .find(|p| !p.exists())
            .unwrap_or_else(|| aside.join(name));
        match fs::rename(path, &target) {
            Ok(()) => {
                sync_dir(&aside).map_err(disk)?;
                sync_dir(&self.dir).map_err(disk)?;
                Ok(Some(target))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(disk(e)),
        }
    }
}

fn file_name(id: Uuid) -> String {
    format!("{id}.json")
}

fn disk(e: io::Error) -> Error {
    Error::Disk(format!("the capture inbox: {e}"))
}

/// A note's file, read and checked; `None` if it is gone. Anything else than
/// a note whose id is its file name and whose text the journal accepts is an
/// error (the caller moves the file aside).
fn read_entry(path: &Path) -> std::result::Result<Option<InboxEntry>, String> {
    let mut bytes = Vec::new();
    match File::open(path) {
        Ok(f) => f
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| e.to_string())?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err("too large for a note".into());
    }
    let entry: InboxEntry = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
    let named = path.file_stem().and_then(|s| s.to_str()) == Some(&entry.id.to_string());
    if !named {
        return Err("the note's id is not its file name".into());
    }
    limits::required("notes", &entry.text, limits::NOTE).map_err(|e| e.to_string())?;
    Ok(Some(entry))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Journal;
    use crate::error::Problem;
    use crate::id::DebriefId;
    use crate::time::{ManualClock, at};

    const NOW: &str = "2026-06-01T17:00:00+02:00[Europe/Paris]";

    fn inbox() -> (tempfile::TempDir, CaptureInbox) {
        let dir = tempfile::tempdir().unwrap();
        let inbox = CaptureInbox::new(dir.path().join("inbox"));
        (dir, inbox)
    }

    fn journal() -> Journal {
        Journal::in_memory(ManualClock::new(at(NOW))).unwrap()
    }

    #[test]
    fn a_note_is_one_file_named_by_its_id() {
        let (_d, inbox) = inbox();
        let id = inbox.add("They reorganise in June", None, at(NOW)).unwrap();
        let files: Vec<_> = fs::read_dir(inbox.dir()).unwrap().collect();
        assert_eq!(files.len(), 1);
        let text = fs::read_to_string(inbox.dir().join(format!("{id}.json"))).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["id"], id.to_string());
        assert_eq!(json["at"], NOW);
        assert_eq!(json["text"], "They reorganise in June");
        assert_eq!(inbox.pending().unwrap().entries[0].id, id);
    }

    #[test]
    fn the_file_format_reads_back_as_written_by_earlier_builds() {
        let (_d, inbox) = inbox();
        fs::create_dir_all(inbox.dir()).unwrap();
        let id = "0197b3a0-0000-7000-8000-000000000001";
        let iv = "0197b3a0-0000-7000-8000-0000000000aa";
        let text = format!(
            r#"{{"id":"{id}","at":"{NOW}","text":"Ask about on-call","interview":"{iv}"}}"#
        );
        fs::write(inbox.dir().join(format!("{id}.json")), text).unwrap();
        let found = inbox.pending().unwrap();
        assert_eq!(found.entries.len(), 1);
        assert_eq!(found.entries[0].interview, Some(iv.parse().unwrap()));
        assert_eq!(found.entries[0].at, at(NOW));
    }

    #[test]
    fn a_blank_or_huge_note_is_refused_and_nothing_is_written() {
        let (_d, inbox) = inbox();
        let err = inbox.add("   ", None, at(NOW)).unwrap_err();
        assert!(
            matches!(err, Error::Invalid(ref i) if i.problem == Problem::Empty),
            "{err}"
        );
        assert_eq!(err.to_string(), "notes: please fill this in");
        let huge = "x".repeat(limits::NOTE + 1);
        let err = inbox.add(&huge, None, at(NOW)).unwrap_err();
        assert!(err.to_string().starts_with("notes: too long"), "{err}");
        assert!(!inbox.dir().exists(), "no folder, no file");
    }

    #[test]
    fn notes_come_out_oldest_first_whichever_process_wrote_them() {
        let (_d, widget) = inbox();
        let share_sheet = CaptureInbox::new(widget.dir());
        let later = widget.add(
            "second",
            None,
            at("2026-06-01T18:00:00+02:00[Europe/Paris]"),
        );
        let earlier = share_sheet.add("first", None, at(NOW));
        let texts: Vec<_> = widget
            .pending()
            .unwrap()
            .entries
            .into_iter()
            .map(|e| e.text)
            .collect();
        assert_eq!(texts, ["first", "second"]);
        assert!(earlier.unwrap() < later.unwrap());
    }

    #[test]
    fn a_half_written_part_file_is_left_alone() {
        let (_d, inbox) = inbox();
        fs::create_dir_all(inbox.dir()).unwrap();
        fs::write(
            inbox
                .dir()
                .join("0197b3a0-0000-7000-8000-000000000001.part"),
            "{\"id\":",
        )
        .unwrap();
        assert_eq!(inbox.pending().unwrap(), Pending::default());
        let taken = journal().take_inbox(&inbox).unwrap();
        assert_eq!(taken, TakenIn::default());
        assert!(
            inbox
                .dir()
                .join("0197b3a0-0000-7000-8000-000000000001.part")
                .exists()
        );
    }

    #[test]
    fn an_unreadable_file_is_moved_aside_and_kept() {
        let (_d, inbox) = inbox();
        inbox.add("good", None, at(NOW)).unwrap();
        let bad = inbox
            .dir()
            .join("0197b3a0-0000-7000-8000-000000000002.json");
        fs::write(&bad, b"\xff\xfe not json").unwrap();
        let found = inbox.pending().unwrap();
        assert_eq!(found.entries.len(), 1);
        assert_eq!(found.damaged.len(), 1);
        assert!(!bad.exists());
        assert_eq!(fs::read(&found.damaged[0]).unwrap(), b"\xff\xfe not json");
        assert!(found.damaged[0].starts_with(inbox.dir().join(DAMAGED)));
        // a second look finds nothing more to move
        assert!(inbox.pending().unwrap().damaged.is_empty());
    }

    #[test]
    fn a_note_under_another_name_or_with_a_blank_text_is_damaged() {
        let (_d, inbox) = inbox();
        fs::create_dir_all(inbox.dir()).unwrap();
        let id = "0197b3a0-0000-7000-8000-000000000003";
        let blank = format!(r#"{{"id":"{id}","at":"{NOW}","text":"  "}}"#);
        fs::write(inbox.dir().join(format!("{id}.json")), &blank).unwrap();
        let other = r#"{"id":"0197b3a0-0000-7000-8000-000000000004","at":"2026-06-01T17:00:00Z[UTC]","text":"x"}"#;
        fs::write(inbox.dir().join("copy of a note.json"), other).unwrap();
        let found = inbox.pending().unwrap();
        assert!(found.entries.is_empty());
        assert_eq!(found.damaged.len(), 2);
    }

    #[test]
    fn a_damaged_file_never_replaces_an_earlier_one() {
        let (_d, inbox) = inbox();
        fs::create_dir_all(inbox.dir()).unwrap();
        let name = "0197b3a0-0000-7000-8000-000000000005.json";
        fs::write(inbox.dir().join(name), "one").unwrap();
        inbox.pending().unwrap();
        fs::write(inbox.dir().join(name), "two").unwrap();
        let moved = inbox.pending().unwrap().damaged;
        assert_eq!(fs::read_to_string(&moved[0]).unwrap(), "two");
        assert_eq!(
            fs::read_to_string(inbox.dir().join(DAMAGED).join(name)).unwrap(),
            "one"
        );
    }

    #[test]
    fn taking_in_makes_a_debrief_with_the_notes_id_and_removes_the_file() {
        let (_d, inbox) = inbox();
        let j = journal();
        let id = inbox
            .add("Mention the migration project", None, at(NOW))
            .unwrap();
        let taken = j.take_inbox(&inbox).unwrap();
        assert_eq!(
            taken,
            TakenIn {
                added: 1,
                ..TakenIn::default()
            }
        );
        let d = j.debrief(DebriefId(id)).unwrap();
        assert_eq!(d.body.notes, "Mention the migration project");
        assert_eq!(d.created, at(NOW));
        assert!(d.interview.is_none());
        assert!(inbox.pending().unwrap().entries.is_empty());
        assert_eq!(j.take_inbox(&inbox).unwrap(), TakenIn::default());
    }

    #[test]
    fn a_note_taken_again_after_a_crash_is_not_added_twice() {
        let (_d, inbox) = inbox();
        let j = journal();
        let id = inbox.add("once", None, at(NOW)).unwrap();
        let file = inbox.dir().join(format!("{id}.json"));
        let kept = fs::read(&file).unwrap();
        j.take_inbox(&inbox).unwrap();
        // the app died after the commit, before the file was removed
        fs::write(&file, kept).unwrap();
        let taken = j.take_inbox(&inbox).unwrap();
        assert_eq!(
            taken,
            TakenIn {
                already: 1,
                ..TakenIn::default()
            }
        );
        assert_eq!(j.all_debriefs().unwrap().len(), 1);
        assert!(!file.exists());
    }

    #[test]
    fn an_interview_that_is_gone_does_not_cost_the_note() {
        let (_d, inbox) = inbox();
        let j = journal();
        let gone = InterviewId(Uuid::now_v7());
        let id = inbox.add("keep me", Some(gone), at(NOW)).unwrap();
        assert_eq!(j.take_inbox(&inbox).unwrap().added, 1);
        assert_eq!(j.debrief(DebriefId(id)).unwrap().interview, None);
    }

    #[test]
    fn a_note_made_in_the_app_is_checked_like_one_from_the_inbox() {
        let j = journal();
        let err = j.capture_note(" \n").unwrap_err();
        assert_eq!(err.to_string(), "notes: please fill this in");
        let id = j.capture_note("Salary band is 60-70k").unwrap();
        assert_eq!(j.debrief(id).unwrap().body.notes, "Salary band is 60-70k");
        assert_eq!(j.all_debriefs().unwrap().len(), 1);
    }
}

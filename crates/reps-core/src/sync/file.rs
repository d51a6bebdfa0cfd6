//! The files a device leaves on the remote, before encryption: what they
//! hold, how they are framed, and what they are called.
//!
//! A **changes** file holds, for each record changed since the device's
//! last file, the Automerge changes made since; a **snapshot** holds every
//! record's whole document and names the files it takes the place of, so a
//! device joining later reads one snapshot instead of every file ever
//! written, and the device that wrote it can delete its own older files.
//!
//! Framing (all integers little-endian):
//!
//! ```text
//! "REPS-SYNC\n"  format:u8  kind:u8  len:u16 writer
//! covers:u32  { len:u16 name }*
//! docs:u32    { len:u16 table  key:u128  len:u32 bytes }*
//! zero padding
//! ```
//!
//! The plaintext is padded with zeros to a size bucket before it is
//! encrypted, so a file's size tells little about what was typed.

/// What every sync file starts with, once decrypted.
const MAGIC: &[u8] = b"REPS-SYNC\n";
/// The framing this build writes and reads. A file with a higher number was
/// written by a newer Reps: it is left for later, never half-read. (2: a
/// lead may hold its ad and come from a company site; 3: practice cards;
/// files of older formats read unchanged.)
pub const FORMAT: u8 = 3;
/// The largest remote file Reps reads: a ten-year journal's snapshot is a
/// few megabytes; anything far beyond is not ours.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// The remote file holding the journal key, wrapped by the passphrase.
pub const KEY_FILE: &str = "journal-key.age";
/// What a data file's name ends with.
const DATA_SUFFIX: &str = ".reps";

/// What a sync file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The changes made since the device's previous file.
    Changes,
    /// Every record whole, in place of the files it names.
    Snapshot,
}

/// One record's document or changes, as carried in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocBytes {
    /// The record's table (its layout-versioned name, `leads-1`).
    pub table: String,
    /// The record's key in that table.
    pub key: u128,
    /// A whole Automerge document or a run of its changes.
    pub bytes: Vec<u8>,
}

/// A sync file's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncFile {
    /// Changes or a snapshot.
    pub kind: Kind,
    /// The name of the device that wrote it, as its user calls it ("Laptop").
    pub writer: String,
    /// For a snapshot: the remote files whose changes it already holds.
    pub covers: Vec<String>,
    /// The records.
    pub docs: Vec<DocBytes>,
}

/// A decrypted file that does not read as a sync file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    /// Not something Reps wrote.
    #[error("it is not a Reps sync file")]
    Foreign,
    /// Written by a newer Reps.
    #[error("it was written by a newer version of Reps (format {0}); update Reps to read it")]
    Newer(u8),
    /// Starts right, then breaks off or goes wrong.
    #[error("it is cut short or damaged")]
    Damaged,
}

impl SyncFile {
    /// The framed, padded plaintext.
    pub fn encode(&self) -> Vec<u8> {
        let mut out =
            Vec::with_capacity(64 + self.docs.iter().map(|d| d.bytes.len() + 40).sum::<usize>());
        out.extend_from_slice(MAGIC);
        out.push(FORMAT);
        out.push(match self.kind {
            Kind::Changes => 1,
            Kind::Snapshot => 2,
        });
        put_short(&mut out, self.writer.as_bytes());
        out.extend_from_slice(&(self.covers.len() as u32).to_le_bytes());
        for name in &self.covers {
            put_short(&mut out, name.as_bytes());
        }
        out.extend_from_slice(&(self.docs.len() as u32).to_le_bytes());
        for d in &self.docs {
            put_short(&mut out, d.table.as_bytes());
            out.extend_from_slice(&d.key.to_le_bytes());
            out.extend_from_slice(&(d.bytes.len() as u32).to_le_bytes());
            out.extend_from_slice(&d.bytes);
        }
        let padded = bucket(out.len());
        out.resize(padded, 0);
        out
    }

    /// Reads a decrypted file; anything that is not exactly a sync file of
    /// a format this build knows is refused, never half-read.
    pub fn decode(bytes: &[u8]) -> Result<Self, FileError> {
        let Some(rest) = bytes.strip_prefix(MAGIC) else {
            return Err(FileError::Foreign);
        };
        let mut r = Reader { bytes: rest };
        let format = r.u8()?;
        if format > FORMAT {
            return Err(FileError::Newer(format));
        }
        if format == 0 {
            return Err(FileError::Damaged);
        }
        let kind = match r.u8()? {
            1 => Kind::Changes,
            2 => Kind::Snapshot,
            _ => return Err(FileError::Damaged),
        };
        let writer = std::str::from_utf8(r.short()?)
            .map_err(|_| FileError::Damaged)?
            .to_string();
        let n = r.u32()? as usize;
        let mut covers = Vec::with_capacity(n.min(4096));
        for _ in 0..n {
            let name = std::str::from_utf8(r.short()?).map_err(|_| FileError::Damaged)?;
            covers.push(name.to_string());
        }
        let n = r.u32()? as usize;
        let mut docs = Vec::with_capacity(n.min(4096));
        for _ in 0..n {
            let table = std::str::from_utf8(r.short()?)
                .map_err(|_| FileError::Damaged)?
                .to_string();
            let key = u128::from_le_bytes(r.take(16)?.try_into().map_err(|_| FileError::Damaged)?);
            let len = r.u32()? as usize;
            let bytes = r.take(len)?.to_vec();
            docs.push(DocBytes { table, key, bytes });
        }
        // what follows is padding, and only padding
        if r.bytes.iter().any(|b| *b != 0) {
            return Err(FileError::Damaged);
        }
        Ok(Self {
            kind,
            writer,
            covers,
            docs,
        })
    }
}

fn put_short(out: &mut Vec<u8>, s: &[u8]) {
    let len = s.len().min(u16::MAX as usize);
    out.extend_from_slice(&(len as u16).to_le_bytes());
    out.extend_from_slice(&s[..len]);
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], FileError> {
        if self.bytes.len() < n {
            return Err(FileError::Damaged);
        }
        let (head, tail) = self.bytes.split_at(n);
        self.bytes = tail;
        Ok(head)
    }
    fn u8(&mut self) -> Result<u8, FileError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, FileError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn short(&mut self) -> Result<&'a [u8], FileError> {
        let b = self.take(2)?;
        let len = u16::from_le_bytes([b[0], b[1]]) as usize;
        self.take(len)
    }
}

/// The padded size of `len` bytes: a multiple of 4 KiB up to 64 KiB, then
/// of 64 KiB, so small edits all look alike and a large file's size is
/// rounded to within a few percent.
pub fn bucket(len: usize) -> usize {
    let step = if len <= 64 * 1024 { 4096 } else { 64 * 1024 };
    len.div_ceil(step).max(1) * step
}

/// A data file's name: the device's tag, its running number and a random
/// part, so a file written again after a crash never takes an earlier
/// file's name. Nothing in it says what the file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileName {
    /// The writing device's tag (random, from its device id).
    pub device: u64,
    /// The device's running number for its files.
    pub seq: u64,
    /// Random, per file.
    pub nonce: u32,
}

impl FileName {
    /// Reads a remote name; anything else in the folder (a syncer's
    /// `.sync-conflict-` copy, a half-written temporary file, a user's own
    /// file) is not a Reps data file and is left alone.
    pub fn parse(name: &str) -> Option<Self> {
        let stem = name.strip_suffix(DATA_SUFFIX)?;
        let mut parts = stem.split('-');
        let (d, s, n) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || d.len() != 16 || s.len() != 10 || n.len() != 8 {
            return None;
        }
        let hex = |t: &str| {
            t.bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        };
        if !hex(d) || !hex(n) || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(Self {
            device: u64::from_str_radix(d, 16).ok()?,
            seq: s.parse().ok()?,
            nonce: u32::from_str_radix(n, 16).ok()?,
        })
    }
}

impl std::fmt::Display for FileName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:016x}-{:010}-{:08x}{DATA_SUFFIX}",
            self.device, self.seq, self.nonce
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> SyncFile {
        SyncFile {
            kind: Kind::Snapshot,
            writer: "Laptop".into(),
            covers: vec!["00000000000000aa-0000000001-0000000b.reps".into()],
            docs: vec![
                DocBytes {
                    table: "leads-1".into(),
                    key: 7,
                    bytes: vec![1, 2, 3],
                },
                DocBytes {
                    table: "debriefs-1".into(),
                    key: u128::MAX,
                    bytes: vec![],
                },
            ],
        }
    }

    #[test]
    fn a_file_reads_back_as_written_and_is_padded_to_a_bucket() {
        let bytes = sample().encode();
        assert_eq!(bytes.len(), 4096);
        assert_eq!(SyncFile::decode(&bytes).unwrap(), sample());
    }

    #[test]
    fn foreign_newer_cut_and_altered_files_are_refused_by_kind() {
        let bytes = sample().encode();
        assert_eq!(SyncFile::decode(b"hello"), Err(FileError::Foreign));
        assert_eq!(SyncFile::decode(&[]), Err(FileError::Foreign));
        let mut newer = bytes.clone();
        newer[MAGIC.len()] = FORMAT + 1;
        assert_eq!(SyncFile::decode(&newer), Err(FileError::Newer(FORMAT + 1)));
        assert_eq!(SyncFile::decode(&bytes[..40]), Err(FileError::Damaged));
        let mut junk_in_padding = bytes.clone();
        *junk_in_padding.last_mut().unwrap() = 1;
        assert_eq!(SyncFile::decode(&junk_in_padding), Err(FileError::Damaged));
        let mut huge_count = bytes;
        huge_count[MAGIC.len() + 10..MAGIC.len() + 14].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(SyncFile::decode(&huge_count), Err(FileError::Damaged));
    }

    #[test]
    fn only_exact_data_file_names_are_read() {
        let name = FileName {
            device: 0xab,
            seq: 12,
            nonce: 0xdead_beef,
        };
        let text = name.to_string();
        assert_eq!(text, "00000000000000ab-0000000012-deadbeef.reps");
        assert_eq!(FileName::parse(&text), Some(name));
        for other in [
            "00000000000000ab-0000000012-deadbeef.sync-conflict-20261206-120000-ABCDEFG.reps",
            "00000000000000ab-0000000012-deadbeef.reps.part",
            ".00000000000000ab-0000000012-deadbeef.reps",
            "00000000000000AB-0000000012-deadbeef.reps",
            "00000000000000ab-0000000012-deadbeef (1).reps",
            KEY_FILE,
            "notes.txt",
        ] {
            assert_eq!(FileName::parse(other), None, "{other}");
        }
    }

    #[test]
    fn buckets_hide_small_differences() {
        assert_eq!(bucket(0), 4096);
        assert_eq!(bucket(4097), 8192);
        assert_eq!(bucket(64 * 1024 + 1), 128 * 1024);
    }
}

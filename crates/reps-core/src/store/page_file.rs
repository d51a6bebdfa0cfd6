//! redb over any synchronous, positioned file: the browser's OPFS
//! `FileSystemSyncAccessHandle` on the web, a simulated disk in tests.
//!
//! redb asks its storage for five things (length, read, write, set length,
//! sync). [`PageFile`] is the smallest API that gives them, with the short
//! reads and writes real file APIs allow; [`PageBackend`] turns it into a
//! `redb::StorageBackend` that enforces redb's contract (reads past the end
//! fail, short transfers are completed, growth is zero-filled). The contract
//! that matters most — what a commit acknowledged is there after a crash and
//! reopen — is tested below against a file that loses every unsynced write.

use std::fmt::Debug;
use std::io;

use redb::StorageBackend;

/// A file that can be read and written at any offset, and synced.
///
/// Implementations must be usable from the thread that owns the journal;
/// redb calls them only from there.
pub trait PageFile: 'static + Debug + Send + Sync {
    /// The file's length in bytes.
    fn size(&self) -> io::Result<u64>;
    /// Reads up to `buf.len()` bytes at `offset`; returns how many were read
    /// (0 at the end of the file).
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize>;
    /// Writes up to `data.len()` bytes at `offset`; returns how many were written.
    fn write_at(&self, offset: u64, data: &[u8]) -> io::Result<usize>;
    /// Sets the length; new bytes read as zero.
    fn truncate(&self, len: u64) -> io::Result<()>;
    /// Makes every write so far durable.
    fn flush(&self) -> io::Result<()>;
    /// Releases the file (redb calls this once, when the journal closes).
    fn close(&self) -> io::Result<()> {
        Ok(())
    }
}

/// A redb storage backend over a [`PageFile`].
#[derive(Debug)]
pub struct PageBackend<F: PageFile>(F);

impl<F: PageFile> PageBackend<F> {
    /// Wraps `file`.
    pub fn new(file: F) -> Self {
        Self(file)
    }
}

impl<F: PageFile> StorageBackend for PageBackend<F> {
    fn len(&self) -> io::Result<u64> {
        self.0.size()
    }

    fn read(&self, offset: u64, out: &mut [u8]) -> io::Result<()> {
        let end = offset
            .checked_add(out.len() as u64)
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "offset overflows"))?;
        if end > self.0.size()? {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "read past the end of the journal file",
            ));
        }
        let mut done = 0;
        while done < out.len() {
            match self.0.read_at(offset + done as u64, &mut out[done..])? {
                0 => {
                    return Err(io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        "the journal file ended early",
                    ));
                }
                n => done += n,
            }
        }
        Ok(())
    }

    fn set_len(&self, len: u64) -> io::Result<()> {
        self.0.truncate(len)?;
        // Some storage (a browser over quota) ignores growth without an error.
        let now = self.0.size()?;
        if now != len {
            return Err(io::Error::new(
                io::ErrorKind::StorageFull,
                format!("storage kept the file at {now} bytes instead of {len}"),
            ));
        }
        Ok(())
    }

    fn sync_data(&self) -> io::Result<()> {
        self.0.flush()
    }

    fn write(&self, offset: u64, data: &[u8]) -> io::Result<()> {
        let mut done = 0;
        while done < data.len() {
            match self.0.write_at(offset + done as u64, &data[done..])? {
                0 => {
                    return Err(io::Error::new(
                        io::ErrorKind::WriteZero,
                        "storage accepted no more bytes",
                    ));
                }
                n if n > data.len() - done => {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        "storage claimed to write more than it was given",
                    ));
                }
                n => done += n,
            }
        }
        Ok(())
    }

    fn close(&self) -> io::Result<()> {
        self.0.close()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Journal, LeadDetails, ManualClock, Source, Stamp};
    use std::sync::{Arc, Mutex};

    /// A disk that keeps unsynced writes only in a "cache": a crash keeps what
    /// was synced and nothing else. Reads and writes are deliberately short,
    /// as real file APIs may be.
    #[derive(Debug, Default)]
    struct Disk {
        synced: Vec<u8>,
        cached: Vec<u8>,
        full_at: Option<u64>,
        syncs: usize,
    }

    #[derive(Debug, Clone, Default)]
    struct SimFile(Arc<Mutex<Disk>>);

    const CHUNK: usize = 3000;

    impl SimFile {
        fn crash(&self) -> SimFile {
            let disk = self.0.lock().unwrap();
            SimFile(Arc::new(Mutex::new(Disk {
                synced: disk.synced.clone(),
                cached: disk.synced.clone(),
                ..Disk::default()
            })))
        }
    }

    impl PageFile for SimFile {
        fn size(&self) -> io::Result<u64> {
            Ok(self.0.lock().unwrap().cached.len() as u64)
        }
        fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
            let disk = self.0.lock().unwrap();
            let start = (offset as usize).min(disk.cached.len());
            let n = buf.len().min(CHUNK).min(disk.cached.len() - start);
            buf[..n].copy_from_slice(&disk.cached[start..start + n]);
            Ok(n)
        }
        fn write_at(&self, offset: u64, data: &[u8]) -> io::Result<usize> {
            let mut disk = self.0.lock().unwrap();
            let n = data.len().min(CHUNK);
            let end = offset as usize + n;
            if disk.full_at.is_some_and(|full| end as u64 > full) {
                return Err(io::Error::new(io::ErrorKind::StorageFull, "quota"));
            }
            if disk.cached.len() < end {
                disk.cached.resize(end, 0);
            }
            disk.cached[offset as usize..end].copy_from_slice(&data[..n]);
            Ok(n)
        }
        fn truncate(&self, len: u64) -> io::Result<()> {
            let mut disk = self.0.lock().unwrap();
            if disk.full_at.is_some_and(|full| len > full) {
                return Err(io::Error::new(io::ErrorKind::StorageFull, "quota"));
            }
            disk.cached.resize(len as usize, 0);
            Ok(())
        }
        fn flush(&self) -> io::Result<()> {
            let mut disk = self.0.lock().unwrap();
            disk.synced = disk.cached.clone();
            disk.syncs += 1;
            Ok(())
        }
    }

    fn clock() -> ManualClock {
        let now: Stamp = "2026-06-01T09:00:00+02:00[Europe/Paris]".parse().unwrap();
        ManualClock::new(now)
    }

    fn companies(j: &Journal) -> Vec<String> {
        let mut names: Vec<String> = j
            .deck()
            .unwrap()
            .into_iter()
            .map(|l| l.details.company)
            .collect();
        names.sort();
        names
    }

    #[test]
    fn what_was_committed_is_there_after_a_crash() {
        let file = SimFile::default();
        let j = Journal::with_backend(PageBackend::new(file.clone()), clock()).unwrap();
        for n in 0..40 {
            j.add_lead(LeadDetails::new(
                format!("Co {n:02}"),
                "Dev",
                Source::JobBoard,
            ))
            .unwrap();
        }
        let syncs = file.0.lock().unwrap().syncs;
        assert!(syncs >= 40, "every command synced ({syncs})");
        // The process dies with the journal open: only synced bytes survive.
        let after = file.crash();
        std::mem::forget(j);
        let j = Journal::with_backend(PageBackend::new(after), clock()).unwrap();
        let names = companies(&j);
        assert_eq!(names.len(), 40);
        assert_eq!(names[0], "Co 00");
        assert_eq!(names[39], "Co 39");
    }

    #[test]
    fn a_clean_close_and_reopen_keeps_everything() {
        let file = SimFile::default();
        {
            let j = Journal::with_backend(PageBackend::new(file.clone()), clock()).unwrap();
            j.add_lead(LeadDetails::new("Acme", "Dev", Source::JobBoard))
                .unwrap();
        }
        let j = Journal::with_backend(PageBackend::new(file), clock()).unwrap();
        assert_eq!(companies(&j), ["Acme"]);
    }

    /// Adds big leads until the journal refuses one; returns the refusal.
    fn fill_until_refused(j: &Journal) -> crate::Error {
        (0..500)
            .find_map(|n| {
                let details = LeadDetails {
                    seen: "x".repeat(4000),
                    ..LeadDetails::new(format!("Big {n}"), "Dev", Source::JobBoard)
                };
                j.add_lead(details).err()
            })
            .expect("the full store refused a write")
    }

    #[test]
    fn a_full_store_refuses_the_command_and_keeps_the_rest() {
        let file = SimFile::default();
        let j = Journal::with_backend(PageBackend::new(file.clone()), clock()).unwrap();
        j.add_lead(LeadDetails::new("Kept", "Dev", Source::JobBoard))
            .unwrap();
        let size = file.size().unwrap();
        file.0.lock().unwrap().full_at = Some(size);
        let e = fill_until_refused(&j);
        assert!(matches!(e, crate::Error::Disk(_)), "{e:?}");
        assert!(e.to_string().contains("Nothing was changed"), "{e}");
        let after = file.crash();
        std::mem::forget(j);
        let j = Journal::with_backend(PageBackend::new(after), clock()).unwrap();
        assert!(companies(&j).contains(&"Kept".to_string()));
    }

    /// Storage that misbehaves the way a browser over quota does: growth is
    /// silently ignored, and writes past the end report a nonsense count.
    #[derive(Debug, Clone, Default)]
    struct SilentlyFull(SimFile);

    impl PageFile for SilentlyFull {
        fn size(&self) -> io::Result<u64> {
            self.0.size()
        }
        fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
            self.0.read_at(offset, buf)
        }
        fn write_at(&self, offset: u64, data: &[u8]) -> io::Result<usize> {
            let full = self.0.0.lock().unwrap().full_at;
            match full {
                Some(at) if offset + data.len() as u64 > at => Ok(u32::MAX as usize - 7),
                _ => self.0.write_at(offset, data),
            }
        }
        fn truncate(&self, len: u64) -> io::Result<()> {
            let full = self.0.0.lock().unwrap().full_at;
            match full {
                Some(at) if len > at => Ok(()),
                _ => self.0.truncate(len),
            }
        }
        fn flush(&self) -> io::Result<()> {
            self.0.flush()
        }
    }

    #[test]
    fn storage_that_fails_silently_is_caught_and_the_journal_still_opens() {
        let file = SilentlyFull::default();
        let j = Journal::with_backend(PageBackend::new(file.clone()), clock()).unwrap();
        j.add_lead(LeadDetails::new("Kept", "Dev", Source::JobBoard))
            .unwrap();
        let size = file.size().unwrap();
        file.0.0.lock().unwrap().full_at = Some(size);
        let e = fill_until_refused(&j);
        assert!(matches!(e, crate::Error::Disk(_)), "{e:?}");
        // room again, as after the user frees space: the journal opens with
        // everything that was acknowledged
        let acknowledged = companies(&j);
        drop(j);
        file.0.0.lock().unwrap().full_at = None;
        let j = Journal::with_backend(PageBackend::new(file), clock()).unwrap();
        assert_eq!(companies(&j), acknowledged);
        assert!(acknowledged.contains(&"Kept".to_string()));
    }

    #[test]
    fn reads_past_the_end_fail_and_growth_reads_as_zero() {
        let b = PageBackend::new(SimFile::default());
        b.write(0, &[7u8; 10_000]).unwrap();
        let mut out = vec![0u8; 10_000];
        b.read(0, &mut out).unwrap();
        assert!(out.iter().all(|&x| x == 7));
        let err = b.read(9_999, &mut [0u8; 2]).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::UnexpectedEof);
        b.set_len(20_000).unwrap();
        let mut tail = vec![1u8; 10_000];
        b.read(10_000, &mut tail).unwrap();
        assert!(tail.iter().all(|&x| x == 0));
        assert_eq!(b.len().unwrap(), 20_000);
    }

    #[test]
    fn a_foreign_file_is_refused_untouched() {
        let file = SimFile::default();
        file.write_at(0, b"PK\x03\x04 definitely a zip file, not a journal")
            .unwrap();
        file.flush().unwrap();
        let before = file.0.lock().unwrap().synced.clone();
        let err = Journal::with_backend(PageBackend::new(file.clone()), clock()).unwrap_err();
        assert!(matches!(err, crate::Error::Corrupt(_)), "{err:?}");
        assert_eq!(file.0.lock().unwrap().synced, before);
    }
}

//! The journal key: one random age X25519 identity per synced journal.
//! Every file a device leaves on the remote is encrypted to it; the key
//! itself is on the remote only wrapped by the user's passphrase
//! ([`crate::formats::sealed`], scrypt work factor
//! [`crate::formats::sealed::WORK_FACTOR`]), so a new device joins with the
//! passphrase, and the storage provider sees only ciphertext.
//!
//! Files are encrypted to a key rather than to the passphrase so that
//! scrypt runs once, when a device joins, and not for every file.

use std::io::{Read, Write};
use std::str::FromStr;

use age::secrecy::ExposeSecret;

use super::SyncError;
use crate::formats::sealed;

/// What the wrapped key file holds, before the key itself.
const KEY_HEADER: &str = "reps-journal-key 1\n";

/// The key every synced file of one journal is encrypted to.
#[derive(Clone)]
pub struct JournalKey {
    identity: age::x25519::Identity,
}

impl std::fmt::Debug for JournalKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JournalKey(…)")
    }
}

impl JournalKey {
    /// A fresh random key, for a journal synced for the first time.
    pub fn generate() -> Self {
        Self {
            identity: age::x25519::Identity::generate(),
        }
    }

    /// The key as text, to keep on this device (never in a backup).
    pub fn to_secret(&self) -> String {
        self.identity.to_string().expose_secret().to_string()
    }

    /// A key kept on this device.
    pub fn from_secret(secret: &str) -> Result<Self, SyncError> {
        age::x25519::Identity::from_str(secret.trim())
            .map(|identity| Self { identity })
            .map_err(|_| SyncError::KeyLost)
    }

    /// The key wrapped by `passphrase`, for the remote's key file.
    pub fn wrap(&self, passphrase: &str) -> Result<Vec<u8>, SyncError> {
        let text = format!("{KEY_HEADER}{}\n", self.to_secret());
        Ok(sealed::seal(text.as_bytes(), passphrase)?.into_bytes())
    }

    /// The key from the remote's key file, unwrapped by `passphrase`.
    pub fn unwrap(file: &[u8], passphrase: &str) -> Result<Self, SyncError> {
        let plain = sealed::open(file, passphrase)?;
        let text = std::str::from_utf8(&plain).map_err(|_| SyncError::BadKeyFile)?;
        let secret = text.strip_prefix(KEY_HEADER).ok_or(SyncError::BadKeyFile)?;
        Self::from_secret(secret).map_err(|_| SyncError::BadKeyFile)
    }

    /// Encrypts a file's plaintext to this key.
    pub fn seal(&self, plain: &[u8]) -> Result<Vec<u8>, SyncError> {
        let recipient = self.identity.to_public();
        let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as _))
            .map_err(|e| SyncError::Local(e.to_string()))?;
        let mut out = Vec::with_capacity(plain.len() + plain.len() / 64 + 256);
        let mut w = encryptor
            .wrap_output(&mut out)
            .map_err(|e| SyncError::Local(e.to_string()))?;
        w.write_all(plain)
            .and_then(|_| w.finish().map(|_| ()))
            .map_err(|e| SyncError::Local(e.to_string()))?;
        Ok(out)
    }

    /// Decrypts a remote file: a file encrypted to another key, a foreign
    /// file and a cut or altered one are each refused by name.
    pub fn open(&self, file: &[u8]) -> Result<Vec<u8>, FileRefusal> {
        if !file.starts_with(b"age-encryption.org/v1\n") {
            return Err(FileRefusal::Foreign);
        }
        let decryptor = age::Decryptor::new_buffered(file).map_err(|_| FileRefusal::Damaged)?;
        let mut reader = decryptor
            .decrypt(std::iter::once(&self.identity as &dyn age::Identity))
            .map_err(|e| match e {
                age::DecryptError::NoMatchingKeys => FileRefusal::OtherKey,
                _ => FileRefusal::Damaged,
            })?;
        let mut plain = Vec::new();
        reader
            .read_to_end(&mut plain)
            .map_err(|_| FileRefusal::Damaged)?;
        Ok(plain)
    }
}

/// Why a remote file was not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileRefusal {
    /// Not an age file at all.
    #[error("it is not a Reps sync file")]
    Foreign,
    /// Encrypted, but not for this journal.
    #[error("it belongs to another journal (it was encrypted with another key)")]
    OtherKey,
    /// Cut short or altered after it was written.
    #[error("it is cut short or was altered")]
    Damaged,
    /// Decrypted, but not a sync file this build reads.
    #[error(transparent)]
    Content(#[from] super::file::FileError),
    /// Larger than any Reps file.
    #[error("it is too large ({0} bytes) to be a Reps file")]
    TooLarge(u64),
    /// Empty.
    #[error("it is empty")]
    Empty,
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASS: &str = "correct horse battery";

    #[test]
    fn the_key_round_trips_through_its_passphrase_and_nothing_else() {
        let key = JournalKey::generate();
        let file = key.wrap(PASS).unwrap();
        assert!(!String::from_utf8_lossy(&file).contains("AGE-SECRET-KEY"));
        let back = JournalKey::unwrap(&file, PASS).unwrap();
        assert_eq!(back.to_secret(), key.to_secret());
        assert!(matches!(
            JournalKey::unwrap(&file, "wrong horse battery"),
            Err(SyncError::Sealed(sealed::SealError::WrongPassphrase))
        ));
        let other = sealed::seal(b"hello", PASS).unwrap();
        assert!(matches!(
            JournalKey::unwrap(other.as_bytes(), PASS),
            Err(SyncError::BadKeyFile)
        ));
    }

    #[test]
    fn files_open_with_their_journal_key_only() {
        let key = JournalKey::generate();
        let sealed = key.seal(b"some changes").unwrap();
        assert_eq!(key.open(&sealed).unwrap(), b"some changes");
        assert_eq!(
            JournalKey::generate().open(&sealed),
            Err(FileRefusal::OtherKey)
        );
        assert_eq!(key.open(b"plain text"), Err(FileRefusal::Foreign));
        assert_eq!(
            key.open(&sealed[..sealed.len() - 3]),
            Err(FileRefusal::Damaged)
        );
        let mut flipped = sealed.clone();
        let at = flipped.len() - 10;
        flipped[at] ^= 0x40;
        assert_eq!(key.open(&flipped), Err(FileRefusal::Damaged));
    }
}

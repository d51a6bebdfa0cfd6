//! Sealed files: a backup (and, with sync, anything that leaves the device)
//! encrypted under the user's passphrase in the [age] format, armored so it
//! stays text. The reference `age` tool opens them too (`age -d`), and Reps
//! opens what `age -p` wrote.
//!
//! The scrypt work factor is chosen, not measured on the device that
//! writes: age's default aims at a second on the writer, which a phone or
//! a browser reading the same file may need far longer for (rage #191,
//! #642). [`WORK_FACTOR`] is opened in well under a second here and in a
//! few seconds in a browser; a file asking for more than
//! [`MAX_WORK_FACTOR`] is refused rather than left to hang the app.
//!
//! [age]: https://age-encryption.org/v1

use std::io::{Read, Write};

use age::armor::{ArmoredReader, ArmoredWriter, Format};
use age::secrecy::SecretString;

/// scrypt's work factor for what Reps seals: N = 2^16.
pub const WORK_FACTOR: u8 = 16;
/// The most a sealed file may ask for (the reference tool writes 18).
pub const MAX_WORK_FACTOR: u8 = 20;
/// Shortest passphrase accepted for sealing.
pub const MIN_PASSPHRASE: usize = 8;
/// Largest sealed file opened.
pub const MAX_SEALED_BYTES: usize = 64 * 1024 * 1024;

/// Why a file could not be sealed or opened; nothing was written either way.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    /// Too short to protect anything.
    #[error("choose a passphrase of at least {MIN_PASSPHRASE} characters")]
    WeakPassphrase,
    /// The passphrase does not open it.
    #[error("that passphrase does not open this file; check it and try again")]
    WrongPassphrase,
    /// Not an age file at all.
    #[error("this file is not an encrypted backup (it does not start as an age file)")]
    NotSealed,
    /// Sealed with a key, not a passphrase.
    #[error(
        "this file was encrypted to a key, not with a passphrase; Reps opens passphrase files only"
    )]
    NotPassphrase,
    /// Asks for more work than a phone can do in reasonable time.
    #[error(
        "this file asks for too much work to open on a phone; encrypt it again with a lower work factor (at most {MAX_WORK_FACTOR})"
    )]
    TooMuchWork,
    /// Cut short or altered.
    #[error("this encrypted file is damaged: it was cut short or altered")]
    Damaged,
    /// Bigger than [`MAX_SEALED_BYTES`].
    #[error("the file is too large ({0} bytes) to be a Reps backup")]
    TooLarge(usize),
}

/// Whether `bytes` look like an age file (armored or not): what a file
/// picker checks before asking for a passphrase.
pub fn is_sealed(bytes: &[u8]) -> bool {
    let start = bytes.trim_ascii_start();
    start.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----")
        || start.starts_with(b"age-encryption.org/v1\n")
}

/// Whether `passphrase` is long enough to seal with: what a form checks
/// before it asks for the work of sealing.
pub fn check_passphrase(passphrase: &str) -> Result<(), SealError> {
    if passphrase.chars().count() < MIN_PASSPHRASE {
        return Err(SealError::WeakPassphrase);
    }
    Ok(())
}

/// `plain` sealed under `passphrase`, as armored text.
pub fn seal(plain: &[u8], passphrase: &str) -> Result<String, SealError> {
    check_passphrase(passphrase)?;
    let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_string()));
    recipient.set_work_factor(WORK_FACTOR);
    let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as _))
        .map_err(|_| SealError::WeakPassphrase)?;
    let mut out = Vec::with_capacity(plain.len() * 4 / 3 + 512);
    let armored =
        ArmoredWriter::wrap_output(&mut out, Format::AsciiArmor).map_err(|_| SealError::Damaged)?;
    let mut writer = encryptor
        .wrap_output(armored)
        .map_err(|_| SealError::Damaged)?;
    writer.write_all(plain).map_err(|_| SealError::Damaged)?;
    writer
        .finish()
        .and_then(|armored| armored.finish())
        .map_err(|_| SealError::Damaged)?;
    String::from_utf8(out).map_err(|_| SealError::Damaged)
}

/// What `sealed` holds, opened with `passphrase`.
pub fn open(sealed: &[u8], passphrase: &str) -> Result<Vec<u8>, SealError> {
    if sealed.len() > MAX_SEALED_BYTES {
        return Err(SealError::TooLarge(sealed.len()));
    }
    if !is_sealed(sealed) {
        return Err(SealError::NotSealed);
    }
    let decryptor = age::Decryptor::new_buffered(ArmoredReader::new(sealed.trim_ascii_start()))
        .map_err(|_| SealError::Damaged)?;
    if !decryptor.is_scrypt() {
        return Err(SealError::NotPassphrase);
    }
    let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_string()));
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let mut reader = decryptor
        .decrypt(std::iter::once(&identity as _))
        .map_err(|e| match e {
            age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
                SealError::WrongPassphrase
            }
            age::DecryptError::ExcessiveWork { .. } => SealError::TooMuchWork,
            _ => SealError::Damaged,
        })?;
    let mut plain = Vec::new();
    reader
        .read_to_end(&mut plain)
        .map_err(|_| SealError::Damaged)?;
    Ok(plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASS: &str = "correct horse battery";

    #[test]
    fn what_is_sealed_opens_with_its_passphrase_only() {
        let text = seal(b"{\"format\":\"reps-backup\"}", PASS).unwrap();
        assert!(
            text.starts_with("-----BEGIN AGE ENCRYPTED FILE-----"),
            "{text}"
        );
        assert!(!text.contains("reps-backup"), "nothing readable leaks");
        assert!(is_sealed(text.as_bytes()));
        assert_eq!(
            open(text.as_bytes(), PASS).unwrap(),
            b"{\"format\":\"reps-backup\"}"
        );
        assert_eq!(
            open(text.as_bytes(), "wrong horse battery"),
            Err(SealError::WrongPassphrase)
        );
    }

    #[test]
    fn the_work_factor_is_the_chosen_one() {
        let text = seal(b"x", PASS).unwrap();
        let inner = ArmoredReader::new(text.as_bytes());
        let mut raw = Vec::new();
        std::io::BufReader::new(inner)
            .read_to_end(&mut raw)
            .unwrap();
        let header = String::from_utf8_lossy(&raw[..raw.len().min(200)]).into_owned();
        assert!(header.contains(&format!(" {WORK_FACTOR}\n")), "{header}");
    }

    #[test]
    fn bad_files_and_weak_passphrases_are_refused_by_name() {
        assert_eq!(seal(b"x", "short"), Err(SealError::WeakPassphrase));
        assert_eq!(
            open(b"{\"format\":\"reps-backup\"}", PASS),
            Err(SealError::NotSealed)
        );
        let text = seal(b"some journal text that is long enough", PASS).unwrap();
        // a changed character inside the armored body
        let mut bytes = text.clone().into_bytes();
        let at = text.find("\n").unwrap() + 60;
        bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
        assert!(matches!(
            open(&bytes, PASS),
            Err(SealError::Damaged | SealError::WrongPassphrase)
        ));
        // cut short
        let cut = &text.as_bytes()[..text.len() / 2];
        assert_eq!(open(cut, PASS), Err(SealError::Damaged));
        // too much work asked
        let mut heavy = age::scrypt::Recipient::new(SecretString::from(PASS.to_string()));
        heavy.set_work_factor(MAX_WORK_FACTOR + 1);
        let enc = age::Encryptor::with_recipients(std::iter::once(&heavy as _)).unwrap();
        let mut raw = Vec::new();
        let mut w = enc.wrap_output(&mut raw).unwrap();
        w.write_all(b"x").unwrap();
        w.finish().unwrap();
        assert_eq!(open(&raw, PASS), Err(SealError::TooMuchWork));
    }
}

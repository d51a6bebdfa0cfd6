//! Sync: one journal on several devices, through storage the user owns,
//! with no Reps server and no account.
//!
//! - [`doc`]: every record as an Automerge document, so that edits made
//!   offline on two devices merge the way a user expects — different
//!   fields both kept, the same note typed into on both keeping both
//!   people's words, lists such as the stage history united — instead of
//!   the newest copy winning by a wall clock.
//! - [`file`]: what a device leaves on the remote (its changes, now and
//!   then a snapshot), framed and padded; [`key`]: the journal key every
//!   such file is encrypted to, wrapped on the remote by the passphrase.
//! - [`remote`]: the storage (a folder, WebDAV), seen as files written once.
//! - [`run`]: one round — take in what other devices left, send what
//!   changed here — driven through [`SyncPort`], so the journal's owner
//!   (a thread, the browser's worker) does the journal's part and the
//!   network waits never hold it.

pub mod doc;
pub mod file;
pub mod key;
pub mod keychain;
#[cfg(feature = "native-http")]
pub mod native_http;
pub mod remote;
mod round;
pub mod webdav;

pub use key::{FileRefusal, JournalKey};
pub use remote::{AnyRemote, FolderRemote, Listed, Remote, RemoteError};
pub use round::{SyncPort, connect, device_name, run, run_as_set_up};
pub use webdav::{Http, HttpRequest, HttpResponse, NoHttp, WebDavRemote};

/// The HTTP client WebDAV sync uses on this build: `ureq` where it builds
/// (feature `native-http`), else none, with the reason.
#[cfg(feature = "native-http")]
pub fn platform_http() -> native_http::NativeHttp {
    native_http::NativeHttp::default()
}

/// The HTTP client WebDAV sync uses on this build: `ureq` where it builds
/// (feature `native-http`), else none, with the reason.
#[cfg(not(feature = "native-http"))]
pub fn platform_http() -> NoHttp {
    NoHttp("this build of Reps syncs through a folder only (no WebDAV client on this device yet)")
}

/// Sync could not be set up or could not finish a round. Nothing in the
/// journal is lost: what was not sent is sent next time.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SyncError {
    /// The passphrase could not seal or open the key.
    #[error(transparent)]
    Sealed(#[from] crate::formats::sealed::SealError),
    /// The passphrase does not open the journal key on the remote.
    #[error(
        "that passphrase does not open the journal in this sync folder; check it and try again"
    )]
    WrongPassphrase,
    /// The remote's key file is not a Reps journal key.
    #[error(
        "the sync folder's key file is not a Reps journal key; it was left alone (is this folder used by something else?)"
    )]
    BadKeyFile,
    /// The key kept on this device cannot be read.
    #[error("this device's sync key cannot be read; set up sync again with your passphrase")]
    KeyLost,
    /// Sync has not been set up on this device.
    #[error("sync is not set up on this device")]
    NotSetUp,
    /// The remote already holds a journal and no passphrase was given to join it.
    #[error("this sync folder already holds a Reps journal; enter its passphrase to join it")]
    RemoteInUse,
    /// Sync was set up without a name for this device.
    #[error("give this device a name, so your other devices can tell it apart")]
    NoDeviceName,
    /// The keychain holds no sync key for this setup (removed by hand, or
    /// a keychain reset).
    #[error(
        "the sync key is no longer in this device's keychain; set up sync again with your passphrase (your journal on this device is untouched)"
    )]
    KeychainMissing,
    /// The keychain holding the sync key is locked or refused Reps.
    #[error(
        "the keychain holding the sync key is locked or refused Reps ({0}); unlock it and sync again"
    )]
    KeychainLocked(String),
    /// The keychain could not be reached at all.
    #[error(
        "the keychain holding the sync key could not be reached ({0}); sync waits until it can"
    )]
    KeychainUnreachable(String),
    /// The remote failed.
    #[error(transparent)]
    Remote(#[from] RemoteError),
    /// The journal failed.
    #[error("{0}")]
    Journal(String),
    /// Encryption failed on this device.
    #[error("could not encrypt for sync: {0}")]
    Local(String),
}

impl From<crate::Error> for SyncError {
    fn from(e: crate::Error) -> Self {
        SyncError::Journal(e.to_string())
    }
}

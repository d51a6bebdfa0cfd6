//! Where synced files go: storage the user owns, seen as a flat folder of
//! named files that are written once and never changed. A device only
//! creates its own new files and deletes its own old ones, so no lock is
//! needed and a file syncer never meets two writers of one file.

use std::path::{Path, PathBuf};

/// A file on the remote.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Listed {
    /// Its name in the sync folder.
    pub name: String,
    /// Its size in bytes, as the remote reports it.
    pub size: u64,
}

/// The remote could not be reached or refused a request. Sync waits and
/// tries again; nothing in the journal depends on it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RemoteError {
    /// The remote is not there (no network, the folder's drive removed).
    #[error("the sync storage cannot be reached: {0}")]
    Unreachable(String),
    /// The remote refused the user name or password.
    #[error("the sync storage refused the user name or password")]
    Refused,
    /// Any other failure, in the remote's words.
    #[error("the sync storage failed: {0}")]
    Failed(String),
}

/// Storage the user owns, holding one journal's sync files.
///
/// Async so that the browser's `fetch` fits it; the folder answers at once.
#[allow(async_fn_in_trait)]
pub trait Remote {
    /// The files there now.
    async fn list(&self) -> Result<Vec<Listed>, RemoteError>;
    /// A file's bytes; `None` when it is gone (deleted by its writer).
    async fn get(&self, name: &str) -> Result<Option<Vec<u8>>, RemoteError>;
    /// Writes a new file whole (never seen half-written under its name).
    async fn put(&self, name: &str, bytes: &[u8]) -> Result<(), RemoteError>;
    /// Deletes one of this device's own old files; a missing file is fine.
    async fn delete(&self, name: &str) -> Result<(), RemoteError>;
}

/// A folder on this device: one that Syncthing, a cloud drive's desktop
/// client or a USB stick carries to the other devices. Reps keeps its files
/// in a `Reps journal` folder inside it.
#[derive(Debug, Clone)]
pub struct FolderRemote {
    dir: PathBuf,
}

/// The folder Reps keeps its files in, inside the one the user picked.
pub const FOLDER_NAME: &str = "Reps journal";

impl FolderRemote {
    /// The sync folder inside `picked` (created on the first write), or
    /// `picked` itself when it is that folder already.
    pub fn new(picked: impl AsRef<Path>) -> Self {
        let picked = picked.as_ref();
        let dir = if picked.file_name().is_some_and(|n| n == FOLDER_NAME) {
            picked.to_path_buf()
        } else {
            picked.join(FOLDER_NAME)
        };
        Self { dir }
    }

    /// Where the files are.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn unreachable(&self, e: std::io::Error) -> RemoteError {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => {
                "the folder is not there (is its drive connected?)".to_string()
            }
            std::io::ErrorKind::PermissionDenied => "Reps may not use that folder".to_string(),
            _ => e.to_string(),
        };
        RemoteError::Unreachable(format!("{}: {why}", self.dir.display()))
    }
}

impl Remote for FolderRemote {
    async fn list(&self) -> Result<Vec<Listed>, RemoteError> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                // the folder picked must be there; the one inside it comes later
                return match self.dir.parent().map(Path::exists) {
                    Some(true) => Ok(Vec::new()),
                    _ => Err(self.unreachable(e)),
                };
            }
            Err(e) => return Err(self.unreachable(e)),
        };
        let mut out = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| self.unreachable(e))?;
            let Ok(name) = entry.file_name().into_string() else {
                continue;
            };
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_file() {
                out.push(Listed {
                    name,
                    size: meta.len(),
                });
            }
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    async fn get(&self, name: &str) -> Result<Option<Vec<u8>>, RemoteError> {
        match std::fs::read(self.dir.join(name)) {
            Ok(b) => Ok(Some(b)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(self.unreachable(e)),
        }
    }

    async fn put(&self, name: &str, bytes: &[u8]) -> Result<(), RemoteError> {
        if !self.dir.parent().is_some_and(Path::exists) {
            return Err(RemoteError::Unreachable(format!(
                "{} is not there",
                self.dir.display()
            )));
        }
        crate::files::write_whole(&self.dir.join(name), bytes).map_err(|e| self.unreachable(e))
    }

    async fn delete(&self, name: &str) -> Result<(), RemoteError> {
        match std::fs::remove_file(self.dir.join(name)) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(self.unreachable(e)),
        }
    }
}

/// The remote a device's sync settings name, over the platform's HTTP
/// client `C` for WebDAV.
#[derive(Debug, Clone)]
pub enum AnyRemote<C> {
    /// A folder.
    Folder(FolderRemote),
    /// A WebDAV server.
    WebDav(super::WebDavRemote<C>),
}

impl<C: super::Http> AnyRemote<C> {
    /// The remote of `place`.
    pub fn of(place: &crate::journal::sync::SyncPlace, client: C) -> Result<Self, RemoteError> {
        use crate::journal::sync::SyncPlace;
        Ok(match place {
            SyncPlace::Folder { path } => AnyRemote::Folder(FolderRemote::new(path)),
            SyncPlace::WebDav {
                url,
                user,
                password,
            } => AnyRemote::WebDav(super::WebDavRemote::new(client, url, user, password)?),
        })
    }
}

impl<C: super::Http> Remote for AnyRemote<C> {
    async fn list(&self) -> Result<Vec<Listed>, RemoteError> {
        match self {
            AnyRemote::Folder(r) => r.list().await,
            AnyRemote::WebDav(r) => r.list().await,
        }
    }
    async fn get(&self, name: &str) -> Result<Option<Vec<u8>>, RemoteError> {
        match self {
            AnyRemote::Folder(r) => r.get(name).await,
            AnyRemote::WebDav(r) => r.get(name).await,
        }
    }
    async fn put(&self, name: &str, bytes: &[u8]) -> Result<(), RemoteError> {
        match self {
            AnyRemote::Folder(r) => r.put(name, bytes).await,
            AnyRemote::WebDav(r) => r.put(name, bytes).await,
        }
    }
    async fn delete(&self, name: &str) -> Result<(), RemoteError> {
        match self {
            AnyRemote::Folder(r) => r.delete(name).await,
            AnyRemote::WebDav(r) => r.delete(name).await,
        }
    }
}

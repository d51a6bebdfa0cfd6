//! One sync round, and setting sync up, driven from outside the journal's
//! owner: the journal's part goes through a [`SyncPort`] (the journal
//! itself, or a handle to the thread or worker that owns it), the
//! network's through a [`Remote`]. A round reads what other devices left,
//! then sends what changed here; whatever fails, nothing typed is lost and
//! the next round picks up where this one stopped.

use super::file::KEY_FILE;
use super::{JournalKey, Listed, Remote, SyncError, keychain};
use crate::journal::sync::{Outbox, RoundEnd, Sent, SyncPlace, SyncSetup, TakeInReport};

/// The journal's side of a round: each call is one query or command of
/// the journal ([`crate::Journal`] implements it directly).
#[allow(async_fn_in_trait)]
pub trait SyncPort {
    /// [`crate::Journal::sync_setup`].
    async fn setup(&self) -> Result<Option<SyncSetup>, SyncError>;
    /// [`crate::Journal::save_sync_setup`].
    async fn save_setup(&self, setup: SyncSetup) -> Result<(), SyncError>;
    /// [`crate::Journal::sync_files_wanted`].
    async fn files_wanted(&self, listing: Vec<Listed>) -> Result<Vec<String>, SyncError>;
    /// [`crate::Journal::sync_take_in`].
    async fn take_in(
        &self,
        journal_key: String,
        listing: Vec<Listed>,
        files: Vec<(String, Vec<u8>)>,
    ) -> Result<TakeInReport, SyncError>;
    /// [`crate::Journal::sync_outbox`].
    async fn outbox(
        &self,
        journal_key: String,
        listing: Vec<Listed>,
    ) -> Result<Option<Outbox>, SyncError>;
    /// [`crate::Journal::sync_sent`].
    async fn sent(&self, sent: Sent) -> Result<(), SyncError>;
    /// [`crate::Journal::sync_finished`].
    async fn finished(&self, listing: Option<Vec<Listed>>, end: RoundEnd) -> Result<(), SyncError>;
}

impl SyncPort for crate::Journal {
    async fn setup(&self) -> Result<Option<SyncSetup>, SyncError> {
        Ok(self.sync_setup()?)
    }
    async fn save_setup(&self, setup: SyncSetup) -> Result<(), SyncError> {
        Ok(self.save_sync_setup(&setup)?)
    }
    async fn files_wanted(&self, listing: Vec<Listed>) -> Result<Vec<String>, SyncError> {
        Ok(self.sync_files_wanted(&listing)?)
    }
    async fn take_in(
        &self,
        journal_key: String,
        listing: Vec<Listed>,
        files: Vec<(String, Vec<u8>)>,
    ) -> Result<TakeInReport, SyncError> {
        Ok(self.sync_take_in(&journal_key, &listing, files)?)
    }
    async fn outbox(
        &self,
        journal_key: String,
        listing: Vec<Listed>,
    ) -> Result<Option<Outbox>, SyncError> {
        Ok(self.sync_outbox(&journal_key, &listing)?)
    }
    async fn sent(&self, sent: Sent) -> Result<(), SyncError> {
        Ok(self.sync_sent(&sent)?)
    }
    async fn finished(&self, listing: Option<Vec<Listed>>, end: RoundEnd) -> Result<(), SyncError> {
        Ok(self.sync_finished(listing.as_deref(), &end)?)
    }
}

/// This device's name as the other devices will see it (trimmed, at most
/// 40 characters), or why there is none: the rule the setup form checks
/// before connecting, and [`connect`] again.
pub fn device_name(typed: &str) -> Result<String, SyncError> {
    match typed.trim() {
        "" => Err(SyncError::NoDeviceName),
        name => Ok(crate::wording::shorten(name, 40)),
    }
}

/// Sets sync up on this device: joins the journal already on the remote
/// (its key unwrapped by `passphrase`), or starts one there (a new key,
/// wrapped by `passphrase`). Nothing is saved on the device unless the key
/// is in hand; a wrong passphrase leaves everything as it was. Then runs a
/// first round.
pub async fn connect<P: SyncPort, R: Remote>(
    port: &P,
    remote: &R,
    place: SyncPlace,
    passphrase: &str,
    device_name: &str,
) -> Result<TakeInReport, SyncError> {
    let device_name = self::device_name(device_name)?;
    let listing = remote.list().await?;
    let key = if listing.iter().any(|f| f.name == KEY_FILE) {
        let wrapped = remote.get(KEY_FILE).await?.ok_or(SyncError::BadKeyFile)?;
        JournalKey::unwrap(&wrapped, passphrase).map_err(|e| match e {
            SyncError::Sealed(crate::formats::sealed::SealError::WrongPassphrase) => {
                SyncError::WrongPassphrase
            }
            other => other,
        })?
    } else {
        let key = JournalKey::generate();
        let wrapped = key.wrap(passphrase)?;
        remote.put(KEY_FILE, &wrapped).await?;
        key
    };
    let before = port.setup().await?.and_then(|s| s.keychain);
    // the secrets go to the keychain here, on the caller's thread
    let setup = keychain::keep(SyncSetup {
        place,
        key: key.to_secret(),
        device_name,
        keychain: None,
    });
    let account = setup.keychain.clone();
    if let Err(e) = port.save_setup(setup).await {
        if let Some(account) = account {
            keychain::forget(&account);
        }
        return Err(e);
    }
    // the setup it replaces had its own entry
    if let Some(old) = before.filter(|old| Some(old) != account.as_ref()) {
        keychain::forget(&old);
    }
    run(port, remote).await
}

/// A round as the apps run it, to the place the setup names: its secrets
/// taken from the keychain when they are kept there (on the caller's
/// thread, never the journal owner's), then [`run`]. A keychain that
/// cannot be read, or a place that cannot be reached, is noted in the sync
/// log like any failed round.
pub async fn run_as_set_up<P: SyncPort, C: super::Http>(
    port: &P,
    http: C,
) -> Result<TakeInReport, SyncError> {
    let setup = port.setup().await?.ok_or(SyncError::NotSetUp)?;
    let remote =
        keychain::reveal(setup).and_then(|open| Ok(super::AnyRemote::of(&open.place, http)?));
    match remote {
        Ok(remote) => run(port, &remote).await,
        Err(e) => {
            port.finished(None, RoundEnd::Failed(e.to_string())).await?;
            Err(e)
        }
    }
}

/// One round: take in what other devices left, then send what changed
/// here (a snapshot now and then, deleting this device's older files). The
/// outcome is noted in the journal's sync log either way.
pub async fn run<P: SyncPort, R: Remote>(port: &P, remote: &R) -> Result<TakeInReport, SyncError> {
    if port.setup().await?.is_none() {
        return Err(SyncError::NotSetUp);
    }
    let mut listed = None;
    let outcome = round(port, remote, &mut listed).await;
    let end = match &outcome {
        Ok(report) => RoundEnd::Done(report.clone()),
        Err(e) => RoundEnd::Failed(e.to_string()),
    };
    port.finished(listed, end).await?;
    outcome
}

async fn round<P: SyncPort, R: Remote>(
    port: &P,
    remote: &R,
    listed: &mut Option<Vec<Listed>>,
) -> Result<TakeInReport, SyncError> {
    let setup = port.setup().await?.ok_or(SyncError::NotSetUp)?;
    let journal_key = if setup.keychain.is_none() && keychain::in_use() {
        // set up before a keychain was in use: the secrets move into it
        let kept = keychain::keep(setup.clone());
        if kept.keychain.is_some() {
            port.save_setup(kept).await?;
        }
        setup.key
    } else {
        keychain::reveal(setup)?.key
    };
    let listing = remote.list().await?;
    let wanted = port.files_wanted(listing.clone()).await?;
    let mut files = Vec::with_capacity(wanted.len());
    for name in wanted {
        // a file deleted meanwhile by its writer was replaced by its snapshot
        if let Some(bytes) = remote.get(&name).await? {
            files.push((name, bytes));
        }
    }
    let report = port
        .take_in(journal_key.clone(), listing.clone(), files)
        .await?;
    if let Some(out) = port.outbox(journal_key, listing.clone()).await? {
        remote.put(&out.name, &out.bytes).await?;
        port.sent(out.sent).await?;
        for old in &out.replaces {
            // a file left behind is deleted by the next snapshot
            let _ = remote.delete(old).await;
        }
    }
    *listed = Some(listing);
    Ok(report)
}

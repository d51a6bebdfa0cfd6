//! The journal's side of a sync round, through the owner: each step of
//! [`reps_core::sync::run`] is one request to the thread or worker that
//! holds the journal, so the network waits (on the sync thread, or in the
//! worker between requests) never hold up a screen.

use reps_core::journal::sync::{Outbox, RoundEnd, Sent, SyncSetup, TakeInReport};
use reps_core::sync::{Listed, SyncError, SyncPort};

use super::{JournalHandle, UiError};

fn lost(e: UiError) -> SyncError {
    SyncError::Journal(e.message)
}

impl SyncPort for JournalHandle {
    async fn setup(&self) -> Result<Option<SyncSetup>, SyncError> {
        self.sync_setup().await.map_err(lost)
    }
    async fn save_setup(&self, setup: SyncSetup) -> Result<(), SyncError> {
        self.save_sync_setup(setup).await.map_err(lost)
    }
    async fn files_wanted(&self, listing: Vec<Listed>) -> Result<Vec<String>, SyncError> {
        self.sync_files_wanted(listing).await.map_err(lost)
    }
    async fn take_in(
        &self,
        journal_key: String,
        listing: Vec<Listed>,
        files: Vec<(String, Vec<u8>)>,
    ) -> Result<TakeInReport, SyncError> {
        self.sync_take_in(journal_key, listing, files)
            .await
            .map_err(lost)
    }
    async fn outbox(
        &self,
        journal_key: String,
        listing: Vec<Listed>,
    ) -> Result<Option<Outbox>, SyncError> {
        self.sync_outbox(journal_key, listing).await.map_err(lost)
    }
    async fn sent(&self, sent: Sent) -> Result<(), SyncError> {
        self.sync_sent(sent).await.map_err(lost)
    }
    async fn finished(&self, listing: Option<Vec<Listed>>, end: RoundEnd) -> Result<(), SyncError> {
        self.sync_finished(listing, end).await.map_err(lost)
    }
}

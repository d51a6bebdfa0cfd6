//! Your data: a backup to keep or to move the journal between devices, and
//! the formats other apps read (calendar, contacts, spreadsheet, notes), plus
//! bringing in a calendar invite or another tracker's spreadsheet.

use dioxus::prelude::*;
use reps_core::formats::backup::{BackupError, ImportSummary, MAX_BYTES};
use reps_core::formats::ics::Invite;
use reps_core::formats::markdown::NoteFile;
use reps_core::formats::proof_of_search::applications_in;
use reps_core::formats::tracker_import::{ColumnMap, TrackerPreview};
use reps_core::{Lead, LeadId};

use crate::app::use_ctx;
use crate::components::text;
use crate::journal::{JournalHandle, UiError};

/// Something the user can take out of Reps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// Everything, as Reps' own JSON.
    Backup,
    /// Interviews and follow-ups for a calendar app (.ics).
    Calendar,
    /// People met (.vcf).
    Contacts,
    /// Every application with its stages (.csv).
    Applications,
    /// One row per stage change (.csv).
    StageHistory,
    /// Debriefs as Markdown, one file per lead.
    Notes,
    /// Practice cards for a flashcard app (.csv: front, back, tags).
    Cards,
    /// The applications made, for an employment office (.csv); private
    /// reasons and notes only when asked.
    ProofOfSearch {
        /// Add reasons, notes and the full history.
        include_private: bool,
    },
}

impl Export {
    /// Every export, in the order the screen lists them.
    pub const ALL: [Export; 7] = [
        Export::Backup,
        Export::Calendar,
        Export::Contacts,
        Export::Applications,
        Export::StageHistory,
        Export::Notes,
        Export::Cards,
    ];

    fn testid(self) -> &'static str {
        match self {
            Export::Backup => "data-export",
            Export::Calendar => "data-export-ics",
            Export::Contacts => "data-export-vcf",
            Export::Applications => "data-export-csv",
            Export::StageHistory => "data-export-history",
            Export::Notes => "data-export-notes",
            Export::Cards => "data-export-cards",
            Export::ProofOfSearch { .. } => "data-export-proof",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Export::Backup => "Export a backup",
            Export::Calendar => "Calendar (.ics)",
            Export::Contacts => "Contacts (.vcf)",
            Export::Applications => "Applications (.csv)",
            Export::StageHistory => "Every stage, one per row (.csv)",
            Export::Notes => "Debrief notes (Markdown)",
            Export::Cards => "Practice cards for a flashcard app (.csv)",
            Export::ProofOfSearch { .. } => "Proof of search (.csv)",
        }
    }

    /// The file name of this export made on `day`.
    pub fn file_name(self, day: chrono::NaiveDate) -> String {
        match self {
            Export::Backup => format!("reps-backup-{day}.json"),
            Export::Calendar => format!("reps-interviews-{day}.ics"),
            Export::Contacts => format!("reps-people-{day}.vcf"),
            Export::Applications => format!("reps-applications-{day}.csv"),
            Export::StageHistory => format!("reps-stage-history-{day}.csv"),
            Export::Notes => format!("reps-notes-{day}"),
            Export::Cards => format!("reps-practice-cards-{day}.csv"),
            Export::ProofOfSearch {
                include_private: false,
            } => format!("proof-of-job-search-{day}.csv"),
            // named apart, so the private one is not sent by mistake
            Export::ProofOfSearch {
                include_private: true,
            } => format!("proof-of-job-search-with-my-notes-{day}.csv"),
        }
    }

    /// What to do with the file once it is saved, in words that fit it.
    pub fn next_step(self) -> &'static str {
        match self {
            Export::Backup => "Keep it somewhere safe, or open it in Reps on another device.",
            Export::Calendar => {
                "Open it with your calendar app to add your interviews and follow-ups, with reminders."
            }
            Export::Contacts => "Open it with your contacts app to add the people you met.",
            Export::Applications | Export::StageHistory => {
                "Open it with a spreadsheet (LibreOffice, Excel, Google Sheets, Numbers)."
            }
            Export::Notes => "Open the folder in your notes app.",
            Export::Cards => {
                "Import it into Anki or another flashcard app: front, back, and the skills as tags."
            }
            Export::ProofOfSearch { .. } => {
                "Print it, or attach it when your employment office asks for proof of your search."
            }
        }
    }

    /// Which part of the Data screen shows what this export did.
    fn place(self) -> Place {
        match self {
            Export::Backup => Place::Backup,
            Export::ProofOfSearch { .. } => Place::Proof,
            _ => Place::OtherApps,
        }
    }
}

/// The parts of the Data screen; a result is shown in the part whose
/// button caused it, next to that button.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Exporting a backup.
    Backup,
    /// The proof of search.
    Proof,
    /// Calendar, contacts, spreadsheets, notes.
    OtherApps,
    /// Bringing a backup in.
    Import,
}

/// Runs an export through the journal's owner and hands the file(s) over.
pub async fn run_export(h: &JournalHandle, what: Export) -> Result<String, UiError> {
    let day = h.now().await?.local_date();
    let name = what.file_name(day);
    let text = match what {
        Export::Backup => h.export_backup().await?,
        Export::Calendar => h.export_calendar().await?,
        Export::Contacts => h.export_contacts().await?,
        Export::Applications => h.export_applications().await?,
        Export::StageHistory => h.export_stage_history().await?,
        Export::Cards => h.export_cards().await?,
        Export::ProofOfSearch { include_private } => h.export_proof(include_private).await?,
        Export::Notes => return deliver_notes(&name, &h.export_notes().await?),
    };
    let next_step = match what {
        Export::ProofOfSearch { .. } if applications_in(&text) == 0 => {
            "It lists no applications yet: a lead counts from the day you take it (swipe right, or \"Take it\")."
        }
        _ => what.next_step(),
    };
    deliver(&name, &text, next_step)
}

/// What the last export or import did, in words.
#[derive(Debug, Clone, PartialEq)]
pub enum DataMessage {
    /// It worked.
    Done(String),
    /// It did not; nothing was changed.
    Failed(String),
}

/// The Data screen.
#[component]
pub fn Data() -> Element {
    let mut ctx = use_ctx();
    let mut message = use_signal(|| None::<(Place, DataMessage)>);
    let mut busy = use_signal(|| false);
    let mut private = use_signal(|| false);
    // an encrypted backup picked for import, waiting for its passphrase
    let mut locked = use_signal(|| None::<(String, String)>);
    let export = move |what: Export| {
        if busy() {
            return;
        }
        busy.set(true);
        spawn(async move {
            let result = run_export(&ctx.journal(), what).await;
            message.set(Some((
                what.place(),
                match result {
                    Ok(done) => DataMessage::Done(done),
                    Err(e) => DataMessage::Failed(e.message),
                },
            )));
            busy.set(false);
        });
    };
    let import = move |evt: FormEvent| {
        let Some(file) = evt.files().into_iter().next() else {
            return;
        };
        if busy() {
            return;
        }
        busy.set(true);
        spawn(async move {
            let result = read_backup(&file).await;
            if let Ok(text) = &result
                && reps_core::formats::sealed::is_sealed(text.as_bytes())
            {
                locked.set(Some((file.name(), text.clone())));
                message.set(None);
                busy.set(false);
                return;
            }
            let result = match result {
                Ok(text) => ctx.journal().import_backup(text).await,
                Err(e) => Err(e),
            };
            message.set(Some((
                Place::Import,
                match result {
                    Ok(summary) => {
                        ctx.changed();
                        DataMessage::Done(imported(&file.name(), summary))
                    }
                    Err(e) => DataMessage::Failed(format!(
                        "{} was not imported: {}. Your journal was not changed.",
                        file.name(),
                        e.message
                    )),
                },
            )));
            busy.set(false);
        });
    };
    rsx! {
        DataView { message: message(), busy: busy(), on_export: export, on_import: import,
            private: private(), on_private: move |v| private.set(v),
            sealed: rsx! { SealedExport {} },
            sync: rsx! { crate::screens::sync::SyncCard {} },
            unlock: locked().map(|(name, text)| rsx! {
                Unlock { key: "{name}", name: name.clone(), text,
                    on_done: move |summary: ImportSummary| {
                        locked.set(None);
                        ctx.changed();
                        message.set(Some((Place::Import, DataMessage::Done(imported(&name, summary)))));
                    },
                    on_cancel: move |_| locked.set(None) }
            }) }
        InviteImport {}
        TrackerImport {}
    }
}

/// The Data screen from plain data.
#[component]
pub fn DataView(
    message: Option<(Place, DataMessage)>,
    busy: bool,
    on_export: EventHandler<Export>,
    on_import: EventHandler<FormEvent>,
    #[props(default)] private: bool,
    #[props(default)] on_private: EventHandler<bool>,
    /// The encrypted export's form (it talks to the journal: tests leave it out).
    #[props(default)]
    sealed: Option<Element>,
    /// The passphrase asked for an encrypted file picked for import.
    #[props(default)]
    unlock: Option<Element>,
    /// The Sync section (it talks to the journal and the sync driver).
    #[props(default)]
    sync: Option<Element>,
) -> Element {
    let (place, saved_to) = if cfg!(target_arch = "wasm32") {
        (
            "in this browser, on this device",
            "Files go where your browser saves downloads.",
        )
    } else {
        (
            "on this device",
            "Files are saved in your Downloads folder.",
        )
    };
    let note_for = |p: Place| message.clone().filter(|(at, _)| *at == p).map(|(_, m)| m);
    rsx! {
        crate::components::keys::BackLink {}
        header { class: "screen-head",
            h1 { "Your data" }
            p { class: "sub", "Your journal is kept {place}. Nothing leaves it unless you set up sync, and then only encrypted. {saved_to}" }
        }
        {sync}
        section { class: "data-card",
            h2 { "Back up" }
            p { "Everything: leads, interviews, debriefs, people, follow-ups, checklists and practice cards, as one file you can keep, or open in Reps on another device." }
            button {
                class: "button",
                r#type: "button",
                disabled: busy,
                "data-testid": "data-export",
                onclick: move |_| on_export.call(Export::Backup),
                "Export a backup"
            }
            if let Some(m) = note_for(Place::Backup) { DataNote { message: Some(m), testid: "data-message" } }
            if let Some(form) = sealed { {form} }
        }
        section { class: "data-card",
            h2 { "Proof of your job search" }
            p { "The applications you made — when, for what, how, with whom, how far each went — as a spreadsheet an employment office can read. Leads you never applied to stay out, and so do your reasons and notes unless you add them." }
            label { class: "check-inline",
                input { r#type: "checkbox", checked: private, "data-testid": "data-proof-private",
                    onchange: move |e| on_private.call(e.checked()) }
                span { "Add my reasons and notes" }
            }
            button { class: "button", r#type: "button", disabled: busy, "data-testid": "data-export-proof",
                onclick: move |_| on_export.call(Export::ProofOfSearch { include_private: private }),
                "Save the proof of search (.csv)" }
            if let Some(m) = note_for(Place::Proof) { DataNote { message: Some(m), testid: "data-message" } }
        }
        section { class: "data-card",
            h2 { "For your other apps" }
            p { "Your interviews and follow-ups for your calendar, with reminders; the people you met for your contacts; every lead with its whole history for a spreadsheet of your own; your debriefs as notes." }
            div { class: "row-actions wrap",
                for what in Export::ALL.into_iter().filter(|e| *e != Export::Backup) {
                    button { key: "{what.testid()}", class: "button quiet", r#type: "button", disabled: busy,
                        "data-testid": what.testid(), onclick: move |_| on_export.call(what), "{what.label()}" }
                }
            }
            if let Some(m) = note_for(Place::OtherApps) { DataNote { message: Some(m), testid: "data-message" } }
        }
        section { class: "data-card",
            h2 { "Bring a backup in" }
            p { "Merges the file into this journal. Nothing is deleted, and whichever copy of a record was edited last wins, so importing the same file twice changes nothing." }
            label { class: "file-pick",
                span { class: "file-pick-label", "Import a backup…" }
                input {
                    r#type: "file",
                    accept: ".json,.age,application/json,text/plain",
                    disabled: busy,
                    "data-testid": "data-import",
                    onchange: move |evt| on_import.call(evt),
                }
            }
            if let Some(form) = unlock { {form} }
            if let Some(m) = note_for(Place::Import) { DataNote { message: Some(m), testid: "data-message" } }
        }
    }
}

/// Exporting the backup encrypted under a passphrase: a file that may be
/// kept anywhere (a cloud folder, a USB stick), opened by Reps or the age
/// tool with the passphrase.
#[component]
fn SealedExport() -> Element {
    let ctx = use_ctx();
    let mut open = use_signal(|| false);
    let mut pass = use_signal(String::new);
    let mut again = use_signal(String::new);
    let mut note = use_signal(|| None::<DataMessage>);
    let mut busy = use_signal(|| false);
    if !open() {
        return rsx! {
            button { class: "button quiet", r#type: "button", "data-testid": "data-export-sealed",
                onclick: move |_| open.set(true), "Export an encrypted backup…" }
        };
    }
    let save = move |e: FormEvent| {
        e.prevent_default();
        if busy() {
            return;
        }
        if pass() != again() {
            note.set(Some(DataMessage::Failed(
                "The two passphrases are not the same; type them again.".into(),
            )));
            return;
        }
        busy.set(true);
        note.set(Some(DataMessage::Done(
            "Encrypting… (a few seconds)".into(),
        )));
        spawn(async move {
            let h = ctx.journal();
            let result = async {
                let day = h.now().await?.local_date();
                let text = h.export_sealed_backup(pass()).await?;
                deliver(
                    &format!("reps-backup-{day}.age"),
                    &text,
                    "Without the passphrase nobody can read it, Reps included: keep the passphrase somewhere safe. Reps, or the age tool, opens it with the passphrase.",
                )
            }
            .await;
            busy.set(false);
            match result {
                Ok(done) => {
                    pass.set(String::new());
                    again.set(String::new());
                    note.set(Some(DataMessage::Done(done)));
                }
                Err(e) => note.set(Some(DataMessage::Failed(e.message))),
            }
        });
    };
    rsx! {
        form { class: "form", aria_label: "Export an encrypted backup", onsubmit: save,
            p { class: "sub", "The same backup, encrypted with a passphrase you choose (at least 8 characters). Without it the file cannot be read — not by anyone who finds it, and not by Reps either." }
            label { r#for: "seal-pass", "Passphrase" }
            input { id: "seal-pass", "data-testid": "data-seal-pass", r#type: "password", autocomplete: "new-password",
                value: "{pass}", oninput: move |e| pass.set(e.value()) }
            label { r#for: "seal-again", "The same passphrase again" }
            input { id: "seal-again", "data-testid": "data-seal-again", r#type: "password", autocomplete: "new-password",
                value: "{again}", oninput: move |e| again.set(e.value()) }
            div { class: "row-actions",
                button { class: "button", r#type: "submit", disabled: busy(), "data-testid": "data-seal-save", "Encrypt and save" }
                button { class: "button quiet", r#type: "button", onclick: move |_| open.set(false), "Cancel" }
            }
            if let Some(m) = note() { DataNote { message: Some(m), testid: "data-seal-message" } }
        }
    }
}

/// The passphrase of an encrypted backup picked for import.
#[component]
fn Unlock(
    name: String,
    text: String,
    on_done: EventHandler<ImportSummary>,
    on_cancel: EventHandler<()>,
) -> Element {
    let ctx = use_ctx();
    let mut pass = use_signal(String::new);
    let mut note = use_signal(|| None::<DataMessage>);
    let mut busy = use_signal(|| false);
    let submit = move |e: FormEvent| {
        e.prevent_default();
        if busy() {
            return;
        }
        busy.set(true);
        note.set(Some(DataMessage::Done("Opening… (a few seconds)".into())));
        let text = text.clone();
        spawn(async move {
            let result = ctx.journal().import_sealed(text, pass()).await;
            busy.set(false);
            match result {
                Ok(summary) => on_done.call(summary),
                Err(e) => note.set(Some(DataMessage::Failed(format!(
                    "{}. Your journal was not changed.",
                    e.message
                )))),
            }
        });
    };
    rsx! {
        form { class: "form", aria_label: "Open an encrypted backup", onsubmit: submit,
            p { "{name} is encrypted. Enter the passphrase it was saved with." }
            label { r#for: "unlock-pass", "Passphrase" }
            input { id: "unlock-pass", "data-testid": "data-unlock-pass", r#type: "password", autocomplete: "current-password",
                oninput: move |e| pass.set(e.value()) }
            div { class: "row-actions",
                button { class: "button", r#type: "submit", disabled: busy(), "data-testid": "data-unlock", "Open and import" }
                button { class: "button quiet", r#type: "button", onclick: move |_| on_cancel.call(()), "Cancel" }
            }
            if let Some(m) = note() { DataNote { message: Some(m), testid: "data-unlock-message" } }
        }
    }
}

/// Reads a picked file as text, refusing what cannot be a backup before
/// reading it whole.
async fn read_backup(file: &dioxus::html::FileData) -> Result<String, UiError> {
    let size = file.size();
    if size > MAX_BYTES as u64 {
        let too_large = BackupError::TooLarge {
            bytes: size as usize,
            max: MAX_BYTES,
        };
        return Err(UiError::general_message(too_large.to_string()));
    }
    file.read_string()
        .await
        .map_err(|_| UiError::general_message("the file is not text, so it is not a Reps backup"))
}

/// "Imported …" in words.
pub fn imported(name: &str, s: ImportSummary) -> String {
    let mut parts = vec![format!(
        "{} added",
        text::count(s.added, "record", "records")
    )];
    if s.replaced > 0 {
        parts.push(format!("{} updated", s.replaced));
    }
    if s.kept > 0 {
        parts.push(format!("{} kept because yours were newer", s.kept));
    }
    format!("Imported {name}: {}.", parts.join(", "))
}

/// Hands a file to the user: a download in the browser.
#[cfg(target_arch = "wasm32")]
fn deliver(name: &str, text: &str, next_step: &str) -> Result<String, UiError> {
    crate::web::download(name, text).map_err(UiError::general_message)?;
    Ok(format!(
        "Downloaded {name} ({}). {next_step}",
        size(text.len())
    ))
}

/// Hands the backup to the user: a file in their Downloads folder (home
/// folder when there is none), never overwriting an earlier one.
#[cfg(not(target_arch = "wasm32"))]
fn deliver(name: &str, text: &str, next_step: &str) -> Result<String, UiError> {
    let dirs = directories::UserDirs::new();
    let folder = dirs
        .as_ref()
        .and_then(|d| d.download_dir().map(|p| p.to_path_buf()))
        .or_else(|| dirs.as_ref().map(|d| d.home_dir().to_path_buf()))
        .ok_or_else(|| UiError::general_message("could not find your Downloads folder"))?;
    let path = crate::platform::exports::unused_name(&folder, name);
    crate::platform::exports::write_whole(&path, text.as_bytes())
        .map_err(|e| UiError::general_message(format!("could not save {}: {e}", path.display())))?;
    Ok(saved_in(&path, text.len(), next_step))
}

/// "Saved reps-backup.json (3 KB) in your Downloads folder
/// (/home/sam/Downloads). Keep it somewhere safe, …": the file and the
/// folder named plainly.
#[cfg(not(target_arch = "wasm32"))]
fn saved_in(path: &std::path::Path, bytes: usize, next_step: &str) -> String {
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let folder = path
        .parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let named = directories::UserDirs::new()
        .and_then(|d| d.download_dir().map(|p| p.to_path_buf()))
        .filter(|d| Some(d.as_path()) == path.parent())
        .map_or_else(
            || format!("in {folder}"),
            |_| format!("in your Downloads folder ({folder})"),
        );
    format!("Saved {file} ({}) {named}. {next_step}", size(bytes))
}

/// Hands the notes over: one Markdown file per lead, in a new folder in
/// Downloads on desktop; one download per file in the browser.
#[cfg(not(target_arch = "wasm32"))]
fn deliver_notes(folder_name: &str, notes: &[NoteFile]) -> Result<String, UiError> {
    if notes.is_empty() {
        return Ok("There are no leads to write notes for yet.".into());
    }
    let dirs = directories::UserDirs::new();
    let downloads = dirs
        .as_ref()
        .and_then(|d| d.download_dir().map(|p| p.to_path_buf()))
        .or_else(|| dirs.as_ref().map(|d| d.home_dir().to_path_buf()))
        .ok_or_else(|| UiError::general_message("could not find your Downloads folder"))?;
    let folder = crate::platform::exports::unused_name(&downloads, folder_name);
    crate::platform::exports::write_notes(&folder, notes).map_err(|e| {
        UiError::general_message(format!("could not save {}: {e}", folder.display()))
    })?;
    Ok(format!(
        "Saved {} in {}. Open the folder in your notes app.",
        text::count(notes.len(), "note", "notes"),
        folder.display()
    ))
}

/// Hands the notes over: one download per lead's file.
#[cfg(target_arch = "wasm32")]
fn deliver_notes(_folder: &str, notes: &[NoteFile]) -> Result<String, UiError> {
    if notes.is_empty() {
        return Ok("There are no leads to write notes for yet.".into());
    }
    for n in notes {
        crate::web::download(&n.name, &n.text).map_err(UiError::general_message)?;
    }
    Ok(format!(
        "Downloaded {}, one Markdown file per lead (your browser may ask once to allow several downloads).",
        text::count(notes.len(), "note", "notes")
    ))
}

/// Largest calendar or spreadsheet file read (checked before reading).
const MAX_IMPORT_BYTES: u64 = 5 * 1024 * 1024;

/// Reads a picked text file, refusing a huge or non-text one first.
async fn read_text(file: &dioxus::html::FileData, what: &str) -> Result<String, UiError> {
    if file.size() > MAX_IMPORT_BYTES {
        return Err(UiError::general_message(format!(
            "{} is {}, more than a {what} can be (at most 5 MB)",
            file.name(),
            size(file.size() as usize)
        )));
    }
    file.read_string().await.map_err(|_| {
        UiError::general_message(format!(
            "{} is not text, so it is not a {what}",
            file.name()
        ))
    })
}

/// A calendar invite (.ics) becomes an interview: on a lead already there,
/// or on a new one made from the invite.
#[component]
fn InviteImport() -> Element {
    let mut ctx = use_ctx();
    let mut found = use_signal(Vec::<(Invite, Vec<Lead>)>::new);
    let mut message = use_signal(|| None::<DataMessage>);
    let pick = move |evt: FormEvent| {
        let Some(file) = evt.files().into_iter().next() else {
            return;
        };
        spawn(async move {
            let result = match read_text(&file, "calendar invite").await {
                Ok(text) => ctx.journal().read_invites(text).await,
                Err(e) => Err(e),
            };
            match result {
                Ok(list) if list.is_empty() => {
                    found.set(Vec::new());
                    message.set(Some(DataMessage::Failed(format!(
                        "{} holds no events.",
                        file.name()
                    ))));
                }
                Ok(list) => {
                    message.set(None);
                    found.set(list);
                }
                Err(e) => {
                    found.set(Vec::new());
                    message.set(Some(DataMessage::Failed(format!(
                        "{} was not read: {}. Nothing was added.",
                        file.name(),
                        e.message
                    ))));
                }
            }
        });
    };
    let add = move |(n, invite, lead): (usize, Invite, Option<LeadId>)| {
        spawn(async move {
            let result = ctx.journal().import_invite(invite.clone(), lead).await;
            message.set(Some(match result {
                Ok(s) => {
                    ctx.changed();
                    found.write().remove(n);
                    DataMessage::Done(format!(
                        "Added the interview of {}{}.",
                        text::when(&s.interview.plan.start),
                        if s.conflicts.is_empty() {
                            ""
                        } else {
                            " — it collides with another one: see its checklist"
                        }
                    ))
                }
                Err(e) => DataMessage::Failed(format!("Not added: {}.", e.message)),
            }));
        });
    };
    rsx! {
        section { class: "data-card",
            h2 { "Add an interview from an invite" }
            p { "Pick the .ics file from the invitation email. You choose which lead it belongs to before anything is saved." }
            label { class: "file-pick",
                span { class: "file-pick-label", "Read an invite…" }
                input { r#type: "file", accept: ".ics,text/calendar", "data-testid": "data-invite", onchange: pick }
            }
            for (n, (invite, leads)) in found().into_iter().enumerate() {
                InviteRow { key: "{invite.uid}-{n}", n, invite, leads, on_add: add }
            }
            DataNote { message: message(), testid: "data-invite-message" }
        }
    }
}

/// One event of an invite, with the choice of lead.
#[component]
fn InviteRow(
    n: usize,
    invite: Invite,
    leads: Vec<Lead>,
    on_add: EventHandler<(usize, Invite, Option<LeadId>)>,
) -> Element {
    let first = leads.first().map(|l| l.id);
    let mut target = use_signal(move || first);
    let new_label = match (invite.company.trim(), invite.role.trim()) {
        ("", _) => "a new lead (name it from the invite's title)".to_string(),
        (c, "") => format!("a new lead at {c}"),
        (c, r) => format!("a new lead: {c} — {r}"),
    };
    let ready = invite.company.trim().len() + invite.role.trim().len() > 0 || target().is_some();
    let length = text::count(invite.minutes as usize, "minute", "minutes");
    rsx! {
        div { class: "sheet invite",
            p { b { "{invite.summary}" } }
            p { class: "sub", "{text::when(&invite.start)} · {length}"
                if !invite.place.is_empty() { " · {invite.place}" }
                if !invite.video_link.is_empty() { " · video call" } }
            if invite.cancelled {
                p { class: "error", "This invite calls the meeting off, so there is nothing to add." }
            } else {
                label { r#for: "invite-lead-{n}", "Add it to" }
                select { id: "invite-lead-{n}", "data-testid": "data-invite-lead-{n}",
                    onchange: move |e| target.set(e.value().parse().ok()),
                    for l in leads.iter() {
                        option { key: "{l.id}", value: "{l.id}", selected: target() == Some(l.id), "{l.details.company} — {l.details.role}" }
                    }
                    option { value: "", selected: target().is_none(), "{new_label}" }
                }
                if !ready { p { class: "field-error", "The invite names no company: add the lead first, then pick it here." } }
                button { class: "button take", r#type: "button", disabled: !ready, "data-testid": "data-invite-add-{n}",
                    onclick: { let invite = invite.clone(); move |_| on_add.call((n, invite.clone(), target())) },
                    "Add this interview" }
            }
        }
    }
}

/// Another tracker's spreadsheet (CSV) becomes leads: a preview first,
/// columns can be re-mapped, and the import is all or nothing.
#[component]
fn TrackerImport() -> Element {
    let mut ctx = use_ctx();
    let mut source = use_signal(|| None::<(String, String)>); // (file name, text)
    let mut preview = use_signal(|| None::<TrackerPreview>);
    let mut message = use_signal(|| None::<DataMessage>);
    let reread = move |mapping: Option<ColumnMap>| {
        let Some((name, text)) = source() else { return };
        spawn(async move {
            match ctx.journal().preview_tracker(text, mapping).await {
                Ok(p) => {
                    message.set(None);
                    preview.set(Some(p));
                }
                Err(e) => {
                    preview.set(None);
                    message.set(Some(DataMessage::Failed(format!(
                        "{name} was not read: {}. Nothing was added.",
                        e.message
                    ))));
                }
            }
        });
    };
    let pick = move |evt: FormEvent| {
        let Some(file) = evt.files().into_iter().next() else {
            return;
        };
        spawn(async move {
            match read_text(&file, "spreadsheet").await {
                Ok(text) => {
                    source.set(Some((file.name(), text)));
                    reread(None);
                }
                Err(e) => {
                    preview.set(None);
                    message.set(Some(DataMessage::Failed(format!(
                        "{}. Nothing was added.",
                        e.message
                    ))));
                }
            }
        });
    };
    let import = move |_| {
        let Some(p) = preview() else { return };
        spawn(async move {
            match ctx.journal().import_tracker(p).await {
                Ok(n) => {
                    ctx.changed();
                    preview.set(None);
                    source.set(None);
                    message.set(Some(DataMessage::Done(format!(
                        "Added {}. They are in your pipeline under Leads.",
                        text::count(n, "lead", "leads")
                    ))));
                }
                Err(e) => message.set(Some(DataMessage::Failed(format!(
                    "Nothing was added: {}.",
                    e.message
                )))),
            }
        });
    };
    rsx! {
        section { class: "data-card",
            h2 { "Bring leads from another tracker" }
            p { "Pick a CSV file exported from a spreadsheet or a job-search tracker. You see what would be added before anything is saved." }
            label { class: "file-pick",
                span { class: "file-pick-label", "Read a spreadsheet…" }
                input { r#type: "file", accept: ".csv,text/csv,.tsv,.txt", "data-testid": "data-tracker", onchange: pick }
            }
            if let Some(p) = preview() {
                TrackerPreviewView { preview: p, on_remap: move |m| reread(Some(m)), on_import: import }
            }
            DataNote { message: message(), testid: "data-tracker-message" }
        }
    }
}

/// The preview: the column for each field, the rows, and what blocks them.
#[component]
pub fn TrackerPreviewView(
    preview: TrackerPreview,
    on_remap: EventHandler<ColumnMap>,
    on_import: EventHandler<()>,
) -> Element {
    let adding = preview.rows.iter().filter(|r| r.skip.is_none()).count();
    let skipping = preview.rows.len() - adding;
    let fields: [(&str, Option<usize>); 6] = [
        ("Company", preview.mapping.company),
        ("Role", preview.mapping.role),
        ("Status", preview.mapping.status),
        ("Date applied", preview.mapping.applied),
        ("Link", preview.mapping.link),
        ("Notes", preview.mapping.notes),
    ];
    let blocked = !preview.problems.is_empty() || adding == 0;
    let to_add = text::count(adding, "lead", "leads");
    rsx! {
        div { class: "sheet tracker-preview", "data-testid": "data-tracker-preview",
            h3 { "Columns" }
            for (field, chosen) in fields {
                {
                    let id = format!("map-{}", field.to_lowercase().replace(' ', "-"));
                    let mapping = preview.mapping.clone();
                    let columns = preview.columns.clone();
                    rsx! {
                        label { key: "{id}", r#for: "{id}", "{field}" }
                        select { id: "{id}", "data-testid": "{id}",
                            onchange: move |e| {
                                let mut m = mapping.clone();
                                let col: Option<usize> = e.value().parse().ok();
                                match field {
                                    "Company" => m.company = col,
                                    "Role" => m.role = col,
                                    "Status" => m.status = col,
                                    "Date applied" => m.applied = col,
                                    "Link" => m.link = col,
                                    _ => m.notes = col,
                                }
                                on_remap.call(m);
                            },
                            option { value: "", selected: chosen.is_none(), "(none)" }
                            for (i, c) in columns.iter().enumerate() {
                                option { key: "{i}", value: "{i}", selected: chosen == Some(i), "{c}" }
                            }
                        }
                    }
                }
            }
            h3 { "{to_add} to add" if skipping > 0 { ", {skipping} already in your journal" } }
            ul { class: "rows compact",
                for r in preview.rows.iter().take(8) {
                    li { key: "{r.line}",
                        "{r.details.company} — {r.details.role} · {text::status(r.status)}"
                        if let Some(d) = r.applied { " · applied {d}" }
                        if let Some(why) = &r.skip { " (skipped: {why})" }
                    }
                }
                if preview.rows.len() > 8 { li { "… and {preview.rows.len() - 8} more" } }
            }
            if !preview.problems.is_empty() {
                h3 { "Fix these first (nothing is added while any remain)" }
                ul { class: "problems", "data-testid": "data-tracker-problems",
                    for (i, p) in preview.problems.iter().enumerate() { li { key: "{i}", class: "error", "{p}" } }
                }
            }
            if !preview.warnings.is_empty() {
                h3 { "Worth a look" }
                ul { for (i, w) in preview.warnings.iter().enumerate() { li { key: "{i}", "{w}" } } }
            }
            button { class: "button take", r#type: "button", disabled: blocked, "data-testid": "data-tracker-import",
                onclick: move |_| on_import.call(()),
                "Add {to_add}" }
        }
    }
}

/// The line under an import saying what happened.
#[component]
fn DataNote(message: Option<DataMessage>, testid: &'static str) -> Element {
    rsx! {
        p {
            class: match &message { Some(DataMessage::Failed(_)) => "data-message error", _ => "data-message" },
            role: "status",
            "data-testid": testid,
            match &message {
                Some(DataMessage::Done(text) | DataMessage::Failed(text)) => text.as_str(),
                None => "",
            }
        }
    }
}

fn size(bytes: usize) -> String {
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::test_support::render;

    #[test]
    fn the_summary_says_what_changed() {
        let s = ImportSummary {
            added: 3,
            replaced: 0,
            kept: 1,
        };
        assert_eq!(
            imported("b.json", s),
            "Imported b.json: 3 records added, 1 kept because yours were newer."
        );
        assert_eq!(size(2048), "2 KB");
        assert_eq!(size(98), "98 bytes");
        assert_eq!(size(3 * 1024 * 1024), "3.0 MB");
    }

    #[test]
    fn a_failure_is_shown_as_an_error() {
        let html = render(|| {
            rsx! {
                DataView {
                    message: Some((Place::Import, DataMessage::Failed("not a backup".into()))),
                    busy: false,
                    on_export: |_| {},
                    on_import: |_| {},
                }
            }
        });
        assert!(html.contains("data-message error"), "{html}");
        assert!(html.contains("not a backup"));
        assert!(html.contains("Export a backup"));
        // the message stands in the part whose button caused it
        let import = html.find("Bring a backup in").unwrap();
        assert!(html.find("not a backup").unwrap() > import, "{html}");
    }

    #[test]
    fn a_saved_export_names_the_file_and_what_to_do_with_it() {
        let html = render(|| {
            rsx! {
                DataView {
                    message: Some((Place::Proof, DataMessage::Done("Saved it.".into()))),
                    busy: false,
                    on_export: |_| {},
                    on_import: |_| {},
                }
            }
        });
        let proof = html.find("Proof of your job search").unwrap();
        let other = html.find("For your other apps").unwrap();
        let at = html.find("Saved it.").unwrap();
        assert!(proof < at && at < other, "{html}");
        assert_eq!(
            html.matches("data-testid=\"data-message\"").count(),
            1,
            "{html}"
        );
        assert!(Export::Calendar.next_step().contains("calendar app"));
        assert!(!Export::Applications.next_step().contains("another device"));
    }
}

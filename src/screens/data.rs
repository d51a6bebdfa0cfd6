//! Your data: export the journal as a backup file and import one, to keep a
//! copy or to move the journal between the browser, a laptop and a phone.

use dioxus::prelude::*;
use reps_core::formats::backup::{BackupError, ImportSummary, MAX_BYTES};

use crate::app::use_ctx;
use crate::components::text;
use crate::journal::UiError;

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
    let mut message = use_signal(|| None::<DataMessage>);
    let mut busy = use_signal(|| false);
    let export = move |_| {
        if busy() {
            return;
        }
        busy.set(true);
        spawn(async move {
            let h = ctx.journal();
            let result = async {
                let day = h.now().await?.local_date();
                let text = h.export_backup().await?;
                deliver(&format!("reps-backup-{day}.json"), &text)
            }
            .await;
            message.set(Some(match result {
                Ok(done) => DataMessage::Done(done),
                Err(e) => DataMessage::Failed(e.message),
            }));
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
            let result = match result {
                Ok(text) => ctx.journal().import_backup(text).await,
                Err(e) => Err(e),
            };
            message.set(Some(match result {
                Ok(summary) => {
                    ctx.changed();
                    DataMessage::Done(imported(&file.name(), summary))
                }
                Err(e) => DataMessage::Failed(format!(
                    "{} was not imported: {}. Your journal was not changed.",
                    file.name(),
                    e.message
                )),
            }));
            busy.set(false);
        });
    };
    rsx! {
        DataView { message: message(), busy: busy(), on_export: export, on_import: import }
    }
}

/// The Data screen from plain data.
#[component]
pub fn DataView(
    message: Option<DataMessage>,
    busy: bool,
    on_export: EventHandler<()>,
    on_import: EventHandler<FormEvent>,
) -> Element {
    let place = if cfg!(target_arch = "wasm32") {
        "in this browser, on this device"
    } else {
        "on this device"
    };
    rsx! {
        header { class: "screen-head",
            h1 { "Your data" }
            p { class: "sub", "Your journal is kept {place} and nowhere else. A backup is one file you can keep, or open in Reps on another device." }
        }
        section { class: "data-card",
            h2 { "Back up" }
            p { "Everything: leads, interviews, debriefs, people, follow-ups and checklists, as one JSON file." }
            button {
                class: "button",
                r#type: "button",
                disabled: busy,
                "data-testid": "data-export",
                onclick: move |_| on_export.call(()),
                "Export a backup"
            }
        }
        section { class: "data-card",
            h2 { "Bring a backup in" }
            p { "Merges the file into this journal. Nothing is deleted, and whichever copy of a record was edited last wins, so importing the same file twice changes nothing." }
            label { class: "file-pick",
                span { class: "file-pick-label", "Import a backup…" }
                input {
                    r#type: "file",
                    accept: ".json,application/json",
                    disabled: busy,
                    "data-testid": "data-import",
                    onchange: move |evt| on_import.call(evt),
                }
            }
        }
        p {
            class: match &message {
                Some(DataMessage::Failed(_)) => "data-message error",
                _ => "data-message",
            },
            role: "status",
            "data-testid": "data-message",
            match &message {
                Some(DataMessage::Done(text) | DataMessage::Failed(text)) => text.as_str(),
                None => "",
            }
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

/// Hands the backup to the user: a download in the browser.
#[cfg(target_arch = "wasm32")]
fn deliver(name: &str, text: &str) -> Result<String, UiError> {
    crate::web::download(name, text).map_err(UiError::general_message)?;
    Ok(format!(
        "Downloaded {name} ({}). Keep it somewhere safe, or open it in Reps on another device.",
        size(text.len())
    ))
}

/// Hands the backup to the user: a file in their Downloads folder (home
/// folder when there is none), never overwriting an earlier one.
#[cfg(not(target_arch = "wasm32"))]
fn deliver(name: &str, text: &str) -> Result<String, UiError> {
    let dirs = directories::UserDirs::new();
    let folder = dirs
        .as_ref()
        .and_then(|d| d.download_dir().map(|p| p.to_path_buf()))
        .or_else(|| dirs.as_ref().map(|d| d.home_dir().to_path_buf()))
        .ok_or_else(|| UiError::general_message("could not find your Downloads folder"))?;
    let path = crate::paths::unused_name(&folder, name);
    crate::paths::write_whole(&path, text.as_bytes())
        .map_err(|e| UiError::general_message(format!("could not save {}: {e}", path.display())))?;
    Ok(format!(
        "Saved {} ({}). Keep it somewhere safe, or open it in Reps on another device.",
        path.display(),
        size(text.len())
    ))
}

fn size(bytes: usize) -> String {
    if bytes < 1024 * 1024 {
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
        assert_eq!(size(3 * 1024 * 1024), "3.0 MB");
    }

    #[test]
    fn a_failure_is_shown_as_an_error() {
        let html = render(|| {
            rsx! {
                DataView {
                    message: Some(DataMessage::Failed("not a backup".into())),
                    busy: false,
                    on_export: |_| {},
                    on_import: |_| {},
                }
            }
        });
        assert!(html.contains("data-message error"), "{html}");
        assert!(html.contains("not a backup"));
        assert!(html.contains("Export a backup"));
    }
}

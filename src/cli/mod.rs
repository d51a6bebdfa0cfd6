//! The command line's exports and imports: the same journal commands the
//! Data screen uses, for scripts and for people who live in a terminal.

pub mod summary;

use std::path::{Path, PathBuf};

use reps_core::formats::tracker_import::preview_tracker_csv;
use reps_core::{Journal, LeadId};

/// What to take out of the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// Reps' own JSON.
    Backup,
    /// iCalendar.
    Calendar,
    /// vCard 4.0.
    Contacts,
    /// One row per application.
    Applications,
    /// One row per stage change.
    Stages,
    /// A folder of Markdown notes.
    Notes,
    /// The backup encrypted with a passphrase (an age file).
    Encrypted,
    /// The applications made, for an employment office.
    Proof {
        /// `--private`: add reasons, notes and the full history.
        include_private: bool,
    },
}

/// What to bring in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    /// Reps' own JSON.
    Backup,
    /// A calendar invite.
    Invite,
    /// Another tracker's CSV.
    Tracker,
    /// A job posting (an ad's text or its link), as a share would bring it.
    Posting,
}

/// A sync task.
#[derive(Debug, Clone, PartialEq)]
pub enum SyncTask {
    /// `reps sync folder PATH [--name NAME]`: join or start the journal there.
    Folder {
        /// The folder picked.
        path: PathBuf,
        /// This device's name on the others.
        name: String,
    },
    /// `reps sync webdav URL USER [--name NAME]`.
    WebDav {
        /// The folder's address.
        url: String,
        /// The user name.
        user: String,
        /// This device's name on the others.
        name: String,
    },
    /// `reps sync` or `reps sync now`: one round.
    Now,
    /// `reps sync status`.
    Status,
    /// `reps sync stop`: forget the sync settings on this device.
    Stop,
}

/// One export or import asked for on the command line.
#[derive(Debug, Clone, PartialEq)]
pub enum Task {
    /// `reps sync …`
    Sync(SyncTask),
    /// `reps export KIND PATH`
    Export(ExportKind, PathBuf),
    /// `reps import KIND PATH [--lead ID] [--yes]`
    Import {
        /// Which format.
        kind: ImportKind,
        /// The file.
        from: PathBuf,
        /// The lead an invite belongs to (else a new lead from the invite).
        lead: Option<LeadId>,
        /// Write the tracker rows (without it, only the preview is printed).
        yes: bool,
    },
}

/// The usage lines for exports and imports.
pub const USAGE: &str = "\
  export backup|calendar|contacts|applications|stages FILE
                   write the journal as a backup (.json), a calendar (.ics),
                   contacts (.vcf), applications or stage history (.csv)
  export encrypted FILE
                   write the backup encrypted with a passphrase (.age; the
                   passphrase is read from REPS_PASSPHRASE or standard input)
  export proof FILE [--private]
                   write the proof of your job search (.csv): applications
                   only; --private adds your reasons and notes
  export notes FOLDER
                   write the debriefs as Markdown, one file per lead
  import backup FILE
                   merge a Reps backup (all or nothing); an encrypted one
                   asks for its passphrase as above
  import invite FILE [--lead LEAD_ID]
                   add the interviews of a calendar invite (.ics) to a lead,
                   or to a new lead named from the invite
  import tracker FILE [--yes]
                   preview the leads in another tracker's CSV; --yes adds them
  import posting FILE|-
                   add a job posting (the ad's text, or a link) to the deck,
                   filled in as far as its text tells; - reads standard input
  sync folder FOLDER [--name NAME]
                   sync through a folder that Syncthing, a cloud drive or a USB
                   stick carries: joins the journal there (or starts one) with
                   the passphrase from REPS_PASSPHRASE or standard input
  sync webdav URL USER [--name NAME]
                   the same through a WebDAV server; the app password comes
                   from REPS_WEBDAV_PASSWORD or the next line of standard input
  sync [now]       take in the other devices' changes and send this one's
  sync status      when it last synced, the devices seen, the last problem
  sync stop        stop syncing on this device (the journal stays as it is)";

/// Reads `sync …` after the word itself.
pub fn parse_sync(args: &mut dyn Iterator<Item = String>) -> Result<Task, String> {
    let mut rest: Vec<String> = args.collect();
    let mut name = String::new();
    if let Some(at) = rest.iter().position(|a| a == "--name") {
        if at + 1 >= rest.len() {
            return Err("--name needs this device's name after it".into());
        }
        name = rest.remove(at + 1);
        rest.remove(at);
    }
    let default_name = || {
        if name.trim().is_empty() {
            std::env::var("HOSTNAME").unwrap_or_else(|_| "Computer".into())
        } else {
            name.clone()
        }
    };
    let task = match rest
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] | ["now"] => SyncTask::Now,
        ["status"] => SyncTask::Status,
        ["stop"] => SyncTask::Stop,
        ["folder", path] => SyncTask::Folder {
            path: PathBuf::from(path),
            name: default_name(),
        },
        ["webdav", url, user] => SyncTask::WebDav {
            url: url.to_string(),
            user: user.to_string(),
            name: default_name(),
        },
        ["folder"] => return Err("'sync folder' needs the folder after it".into()),
        ["webdav", ..] => return Err("'sync webdav' needs the address and the user name".into()),
        [other, ..] => return Err(format!("'sync {other}' is not a sync task")),
    };
    Ok(Task::Sync(task))
}

/// Reads `export …` / `import …` after the word itself.
pub fn parse(word: &str, args: &mut dyn Iterator<Item = String>) -> Result<Task, String> {
    let kind = args
        .next()
        .ok_or_else(|| format!("'{word}' needs what to {word}, e.g. '{word} calendar'"))?;
    let path = |args: &mut dyn Iterator<Item = String>| {
        args.next()
            .map(PathBuf::from)
            .ok_or_else(|| format!("'{word} {kind}' needs a file name after it"))
    };
    match word {
        "export" => {
            let k = match kind.as_str() {
                "backup" => ExportKind::Backup,
                "calendar" => ExportKind::Calendar,
                "contacts" => ExportKind::Contacts,
                "applications" => ExportKind::Applications,
                "stages" => ExportKind::Stages,
                "notes" => ExportKind::Notes,
                "encrypted" => ExportKind::Encrypted,
                "proof" => ExportKind::Proof {
                    include_private: false,
                },
                other => return Err(format!("cannot export '{other}'")),
            };
            Ok(Task::Export(k, path(args)?))
        }
        _ => {
            let k = match kind.as_str() {
                "backup" => ImportKind::Backup,
                "invite" => ImportKind::Invite,
                "tracker" => ImportKind::Tracker,
                "posting" => ImportKind::Posting,
                other => return Err(format!("cannot import '{other}'")),
            };
            Ok(Task::Import {
                kind: k,
                from: path(args)?,
                lead: None,
                yes: false,
            })
        }
    }
}

/// Runs the task; the text says what happened.
pub fn run(j: &Journal, task: &Task) -> Result<String, String> {
    let err = |e: reps_core::Error| e.to_string();
    match task {
        Task::Sync(t) => sync(j, t),
        Task::Export(ExportKind::Notes, folder) => {
            let notes = j.export_notes_markdown().map_err(err)?;
            crate::platform::exports::write_notes(folder, &notes)
                .map_err(|e| format!("could not write {}: {e}", folder.display()))?;
            Ok(format!(
                "Wrote {} notes to {}",
                notes.len(),
                folder.display()
            ))
        }
        Task::Export(kind, file) => {
            let text = match kind {
                ExportKind::Backup => String::from_utf8(j.export_json().map_err(err)?)
                    .map_err(|e| format!("cannot write the backup: {e}"))?,
                ExportKind::Calendar => j.export_calendar().map_err(err)?,
                ExportKind::Contacts => j.export_contacts_vcard().map_err(err)?,
                ExportKind::Applications => j.export_applications_csv().map_err(err)?,
                ExportKind::Stages => j.export_stage_history_csv().map_err(err)?,
                ExportKind::Encrypted => j.export_sealed_backup(&passphrase()?).map_err(err)?,
                ExportKind::Proof { include_private } => j
                    .export_proof_of_search_csv(reps_core::formats::proof_of_search::ProofOptions {
                        include_private: *include_private,
                    })
                    .map_err(err)?,
                ExportKind::Notes => unreachable!("handled above"),
            };
            crate::platform::exports::write_whole(file, text.as_bytes())
                .map_err(|e| format!("could not write {}: {e}", file.display()))?;
            Ok(format!("Wrote {} ({} bytes)", file.display(), text.len()))
        }
        Task::Import {
            kind,
            from,
            lead,
            yes,
        } => {
            let bytes = if *kind == ImportKind::Posting && from.as_os_str() == "-" {
                read_stdin()?
            } else {
                read(from)?
            };
            match kind {
                ImportKind::Posting => {
                    let text = String::from_utf8_lossy(&bytes);
                    let shared = j.add_shared(&text).map_err(err)?;
                    let mut out = vec![shared.message()];
                    if let reps_core::journal::shared::Shared::Added { lead, .. } = &shared {
                        for fact in reps_core::wording::lead_facts(&lead.details) {
                            out.push(format!("  {fact}"));
                        }
                        out.push(format!(
                            "  {}",
                            reps_core::wording::shared_check(lead.details.validate().is_ok())
                        ));
                    }
                    Ok(out.join("\n"))
                }
                ImportKind::Backup => {
                    let s = if reps_core::formats::sealed::is_sealed(&bytes) {
                        j.import_sealed(&bytes, &passphrase()?).map_err(err)?
                    } else {
                        j.import_json(&bytes).map_err(err)?
                    };
                    Ok(format!(
                        "Imported {}: {} added, {} updated, {} kept because yours were newer",
                        from.display(),
                        s.added,
                        s.replaced,
                        s.kept
                    ))
                }
                ImportKind::Invite => {
                    let invites = reps_core::formats::ics::parse_invite_file(&bytes)
                        .map_err(|e| e.to_string())?;
                    if invites.is_empty() {
                        return Err(format!("{} holds no events", from.display()));
                    }
                    let mut out = Vec::new();
                    for invite in &invites {
                        let s = j.import_invite(invite, *lead).map_err(err)?;
                        out.push(format!(
                            "Added the interview of {} ({})",
                            s.interview.plan.start.local().format("%a %-d %b %Y, %H:%M"),
                            invite.summary
                        ));
                        if let Some(r) = s.reschedule {
                            out.push(format!(
                                "  It collides with another interview; {} looks free.",
                                r.suggested_start.local().format("%a %-d %b, %H:%M")
                            ));
                        }
                    }
                    Ok(out.join("\n"))
                }
                ImportKind::Tracker => {
                    let text = String::from_utf8(bytes).map_err(|_| {
                        format!("{} is not text, so it is not a CSV file", from.display())
                    })?;
                    let preview = preview_tracker_csv(&text, None).map_err(|e| e.to_string())?;
                    let mut out = vec![format!(
                        "{}: {} rows read, columns: {}",
                        from.display(),
                        preview.rows.len(),
                        preview.columns.join(", ")
                    )];
                    for r in &preview.rows {
                        out.push(format!(
                            "  line {}: {} — {} ({}){}",
                            r.line,
                            r.details.company,
                            r.details.role,
                            r.status,
                            r.skip
                                .as_ref()
                                .map(|s| format!(" skipped: {s}"))
                                .unwrap_or_default()
                        ));
                    }
                    for p in &preview.problems {
                        out.push(format!("  problem: {p}"));
                    }
                    for w in &preview.warnings {
                        out.push(format!("  note: {w}"));
                    }
                    if !preview.problems.is_empty() {
                        return Err(format!(
                            "{}\nNothing was added: fix the problems above first.",
                            out.join("\n")
                        ));
                    }
                    if *yes {
                        let n = j.import_tracker_rows(&preview).map_err(err)?;
                        out.push(format!("Added {n} leads."));
                    } else {
                        out.push("Nothing written yet: run again with --yes to add them.".into());
                    }
                    Ok(out.join("\n"))
                }
            }
        }
    }
}

/// Standard input, up to 5 MB.
fn read_stdin() -> Result<Vec<u8>, String> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(5 * 1024 * 1024 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("could not read standard input: {e}"))?;
    if bytes.len() > 5 * 1024 * 1024 {
        return Err("standard input is larger than 5 MB; nothing was imported".into());
    }
    Ok(bytes)
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    const MAX: u64 = 5 * 1024 * 1024;
    let meta =
        std::fs::metadata(path).map_err(|e| format!("could not read {}: {e}", path.display()))?;
    if meta.len() > MAX {
        return Err(format!(
            "{} is larger than 5 MB; nothing was imported",
            path.display()
        ));
    }
    std::fs::read(path).map_err(|e| format!("could not read {}: {e}", path.display()))
}

/// The passphrase of an encrypted backup: `REPS_PASSPHRASE`, else the first
/// line of standard input (never an argument, which other users could see).
/// Runs a sync task on this thread (the command line has no window to keep
/// answering).
fn sync(j: &Journal, task: &SyncTask) -> Result<String, String> {
    use reps_core::journal::sync::SyncPlace;
    use reps_core::sync::{AnyRemote, connect, keychain, run_as_set_up};
    let http = reps_core::sync::platform_http();
    // without a keychain (no Secret Service running) the secrets stay in
    // the journal file, as the status says
    let _ = keychain::use_system_keychain();
    let said = |r: reps_core::journal::sync::TakeInReport| {
        format!("Synced. {}", reps_core::wording::sync_taken_in(&r))
    };
    let (place, name) = match task {
        SyncTask::Now => {
            if j.sync_setup().map_err(|e| e.to_string())?.is_none() {
                return Err("sync is not set up here; start with 'reps sync folder FOLDER'".into());
            }
            return pollster::block_on(run_as_set_up(j, http))
                .map(said)
                .map_err(|e| e.to_string());
        }
        SyncTask::Status => {
            let v = j.sync_view().map_err(|e| e.to_string())?;
            if !v.set_up {
                return Ok("Sync is not set up on this device.".into());
            }
            let mut out = vec![
                format!("Syncing through {} as \"{}\"", v.place, v.device_name),
                v.key_kept,
                v.last_synced,
                reps_core::wording::sync_unsent(v.unsent),
            ];
            for d in v.devices {
                out.push(format!("  {}: {}", d.name, d.last));
            }
            if let Some(p) = v.problem {
                out.push(format!("Last problem: {p}"));
            }
            return Ok(out.join("\n"));
        }
        SyncTask::Stop => {
            let account = j.stop_sync().map_err(|e| e.to_string())?;
            if let Some(account) = &account {
                keychain::forget(account);
            }
            return Ok(reps_core::wording::sync_stopped(account.is_some()));
        }
        SyncTask::Folder { path, name } => {
            let path = std::path::absolute(path).map_err(|e| format!("{}: {e}", path.display()))?;
            if !path.is_dir() {
                return Err(format!("{} is not a folder", path.display()));
            }
            (
                SyncPlace::Folder {
                    path: path.display().to_string(),
                },
                name,
            )
        }
        SyncTask::WebDav { url, user, name } => (
            SyncPlace::WebDav {
                url: url.clone(),
                user: user.clone(),
                password: secret("REPS_WEBDAV_PASSWORD", "the app password")?,
            },
            name,
        ),
    };
    let pass = passphrase()?;
    let remote = AnyRemote::of(&place, http).map_err(|e| e.to_string())?;
    let report =
        pollster::block_on(connect(j, &remote, place, &pass, name)).map_err(|e| e.to_string())?;
    Ok(format!("Sync is set up.\n{}", said(report)))
}

/// A secret from the environment, else a line of standard input.
fn secret(var: &str, what: &str) -> Result<String, String> {
    if let Ok(p) = std::env::var(var)
        && !p.is_empty()
    {
        return Ok(p);
    }
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|e| format!("could not read {what}: {e}"))?;
    let p = line.trim_end_matches(['\r', '\n']).to_string();
    if p.is_empty() {
        return Err(format!("give {what} on standard input or in {var}"));
    }
    Ok(p)
}

fn passphrase() -> Result<String, String> {
    secret("REPS_PASSPHRASE", "the passphrase")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_all(v: &[&str]) -> Result<Task, String> {
        let mut it = v[1..].iter().map(|s| s.to_string());
        parse(v[0], &mut it)
    }

    #[test]
    fn exports_and_imports_read_their_words() {
        assert_eq!(
            parse_all(&["export", "calendar", "a.ics"]).unwrap(),
            Task::Export(ExportKind::Calendar, "a.ics".into())
        );
        assert!(matches!(
            parse_all(&["import", "tracker", "t.csv"]).unwrap(),
            Task::Import {
                kind: ImportKind::Tracker,
                ..
            }
        ));
        assert_eq!(
            parse_all(&["export", "proof", "p.csv"]).unwrap(),
            Task::Export(
                ExportKind::Proof {
                    include_private: false
                },
                "p.csv".into()
            )
        );
        assert!(
            parse_all(&["export", "photos", "x"])
                .unwrap_err()
                .contains("cannot export")
        );
        assert!(
            parse_all(&["import", "invite"])
                .unwrap_err()
                .contains("needs a file name")
        );
        assert!(
            parse_all(&["export"])
                .unwrap_err()
                .contains("needs what to export")
        );
    }
}

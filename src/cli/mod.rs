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
}

/// One export or import asked for on the command line.
#[derive(Debug, Clone, PartialEq)]
pub enum Task {
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
                   preview the leads in another tracker's CSV; --yes adds them";

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
            let bytes = read(from)?;
            match kind {
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
fn passphrase() -> Result<String, String> {
    if let Ok(p) = std::env::var("REPS_PASSPHRASE")
        && !p.is_empty()
    {
        return Ok(p);
    }
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|e| format!("could not read the passphrase: {e}"))?;
    let p = line.trim_end_matches(['\r', '\n']).to_string();
    if p.is_empty() {
        return Err("give the passphrase on standard input or in REPS_PASSPHRASE".into());
    }
    Ok(p)
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

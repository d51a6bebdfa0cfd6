//! The journal's settings: thresholds the rules use, the default checklist,
//! the user's name and message wording.

use super::Journal;
use crate::Settings;
use crate::error::Result;
use crate::store::Read;

impl Journal {
    /// Settings in force.
    pub fn settings(&self) -> Result<crate::Settings> {
        self.read(|r| r.read_settings())
    }

    /// Changes the thresholds the rules use.
    pub fn update_settings(&self, settings: crate::Settings) -> Result<crate::Settings> {
        settings.validate()?;
        self.write(|w| {
            if let Some(t) = settings.default_template {
                w.load::<crate::ChecklistTemplate>(t.key())?;
            }
            w.put_settings(&settings)?;
            Ok(settings)
        })
    }

    /// Signs messages with `name` (trimmed; empty means unsigned).
    pub fn set_my_name(&self, name: &str) -> Result<Settings> {
        let name = name.trim().to_string();
        self.write(|w| {
            let settings = Settings {
                my_name: name,
                ..w.read_settings()?
            };
            settings.validate()?;
            w.put_settings(&settings)?;
            Ok(settings)
        })
    }
}

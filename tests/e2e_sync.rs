//! End-to-end, two real windows with separate data folders (a laptop and a
//! phone, each on its own virtual screen): sync is set up on both through
//! the Data screen with one folder and one passphrase; a debrief typed on
//! the phone reaches the laptop after "Sync now".

mod window;

use std::path::Path;
use std::sync::Arc;

use reps_core::{Journal, ManualClock, Stamp};
use window::{App, Screen};

const PASS: &str = "correct horse battery";

/// Sets sync up in the app's Data screen: the folder, the device's name,
/// the passphrase; waits for the screen to say it is set up.
fn set_up(app: &App, folder: &Path, name: &str) {
    app.click("data-sync-setup");
    app.click("data-sync-folder");
    app.type_text(folder.to_str().unwrap());
    app.click("data-sync-device");
    app.key("ctrl+a");
    app.type_text(name);
    app.click("data-sync-pass");
    app.type_text(PASS);
    app.click("data-sync-start");
    app.wait_text("data-sync-message", "Sync is set up");
    app.wait_text("data-sync-state", "Synced");
}

fn journal(data: &Path) -> Journal {
    let clock = Arc::new(ManualClock::new(Stamp::new(
        chrono::Utc::now(),
        chrono_tz::UTC,
    )));
    Journal::open(data.join("journal.redb"), clock).unwrap()
}

#[test]
fn a_debrief_typed_on_the_phone_reaches_the_laptop() {
    let folder = tempfile::tempdir().unwrap();
    let (laptop_dir, phone_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (laptop_screen, phone_screen) = (Screen::start_sized(1200, 760), Screen::start());

    let laptop = App::launch(&laptop_screen, laptop_dir.path(), &["reps://data"]);
    laptop.ready();
    set_up(&laptop, folder.path(), "Laptop");
    laptop_screen.shot("sync-laptop-set-up");

    let phone = App::launch(&phone_screen, phone_dir.path(), &["reps://data"]);
    phone.ready();
    set_up(&phone, folder.path(), "Phone");
    phone_screen.shot("sync-phone-joined");
    phone.kill();

    // the phone, straight into capture: a debrief typed with thumbs
    let phone = App::launch(&phone_screen, phone_dir.path(), &["--capture"]);
    phone.find("capture-went-well");
    phone.ready();
    phone.click("capture-went-well");
    phone.type_text("Told the migration story well");
    phone.wait_text("save-state", "Saved");
    // the phone's own sync thread sends it within seconds; then quit
    let sent = std::time::Instant::now();
    loop {
        let files = std::fs::read_dir(folder.path().join("Reps journal"))
            .unwrap()
            .count();
        // key + laptop's snapshot + phone's join file + the debrief's file
        if files >= 4 {
            break;
        }
        assert!(
            sent.elapsed() < std::time::Duration::from_secs(30),
            "the phone never sent its debrief"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    phone.kill();

    // the laptop: Sync now brings it in, and says who it came from
    laptop.click("data-sync-now");
    laptop.wait_text("data-sync-message", "from your other devices");
    laptop.wait_text("data-sync-devices", "Phone");
    laptop_screen.shot("sync-laptop-after");
    // the sync folder goes away (a drive unplugged): said on the Data
    // screen and on Today, and nothing typed is lost
    std::fs::remove_dir_all(folder.path()).unwrap();
    laptop.click("data-sync-now");
    laptop.wait_text("data-sync-message", "cannot be reached");
    laptop.kill();
    let laptop = App::launch(&laptop_screen, laptop_dir.path(), &[]);
    laptop.wait_text("today-sync-problem", "cannot be reached");
    laptop.ready();
    laptop_screen.shot("sync-laptop-today-problem");
    laptop.kill();
    let j = journal(laptop_dir.path());
    let debriefs = j.all_debriefs().unwrap();
    assert!(
        debriefs
            .iter()
            .any(|d| d.body.went_well == "Told the migration story well"),
        "{debriefs:?}"
    );
}

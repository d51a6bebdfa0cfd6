//! What the app asks of, and hears from, the system around its web view:
//! the window coming back to the front, `reps://` links that arrive while it
//! runs, and on each phone the few calls only its own APIs answer.
//!
//! Events come from the window's event loop (`tao`): [`Event::Resumed`] on
//! Android (`Activity.onResume`) and iOS (`applicationDidBecomeActive`), and
//! [`Event::Opened`] on iOS and macOS for a `reps://` link. [`watch`] turns
//! them into [`Incoming`] values that `crate::platform::incoming` handles inside the app.
//! (On Android a link arrives as the activity's intent, which
//! `platforms/android/MainActivity.kt` keeps for [`android::take_link`].)
//!
//! [`Event::Resumed`]: tao::event::Event::Resumed
//! [`Event::Opened`]: tao::event::Event::Opened

use std::sync::{Arc, Mutex};

use futures_channel::mpsc;

/// Something the system told the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Incoming {
    /// The app is in front again (also once right after it starts).
    Resumed,
    /// A `reps://` link was opened with the app.
    Opened(String),
}

/// The app's end of the events (a context: cloneable, taken once).
#[derive(Clone, Default)]
pub struct IncomingEvents(Arc<Mutex<Option<mpsc::UnboundedReceiver<Incoming>>>>);

impl IncomingEvents {
    /// The receiver, for the one component that handles them.
    pub fn take(&self) -> Option<mpsc::UnboundedReceiver<Incoming>> {
        self.0.lock().ok()?.take()
    }
}

/// The window's end: forwards what [`Incoming`] names.
pub struct IncomingSender(mpsc::UnboundedSender<Incoming>);

impl IncomingSender {
    /// Called with every event of the window's loop.
    pub fn forward<T>(&self, event: &tao::event::Event<'_, T>) {
        use tao::event::Event;
        let outer = match event {
            Event::Resumed => vec![Incoming::Resumed],
            Event::Opened { urls } => urls
                .iter()
                .map(|u| Incoming::Opened(u.to_string()))
                .collect(),
            _ => Vec::new(),
        };
        for o in outer {
            // the app is gone: nothing to tell
            let _ = self.0.unbounded_send(o);
        }
    }
}

/// The window's end and the app's end of the events.
pub fn channel() -> (IncomingSender, IncomingEvents) {
    let (tx, rx) = mpsc::unbounded();
    (
        IncomingSender(tx),
        IncomingEvents(Arc::new(Mutex::new(Some(rx)))),
    )
}

#[cfg(feature = "desktop")]
use dioxus::desktop::tao;
#[cfg(all(feature = "mobile", not(feature = "desktop")))]
use dioxus::mobile::tao;

/// Tells the platform code that the widget snapshot changed (Android: the
/// activity updates the widgets and the reminder alarms; iOS: `RepsKit`
/// reschedules the notifications and reloads the widget). Elsewhere nothing
/// reads it.
pub fn outside_changed() {
    #[cfg(target_os = "android")]
    android::outside_changed();
    #[cfg(target_os = "ios")]
    ios::outside_changed();
}

/// Android: calls on the activity through JNI (`ndk-context` holds the VM
/// and the activity the window runs in).
#[cfg(target_os = "android")]
pub mod android {
    use std::path::PathBuf;

    use jni::JNIEnv;
    use jni::objects::{JObject, JString};

    /// Runs `f` with the activity, in a local frame (the app's thread never
    /// returns to Java, so local references must be freed here). A Java
    /// exception is cleared and becomes `None`.
    fn with_activity<R>(
        f: impl FnOnce(&mut JNIEnv, &JObject) -> jni::errors::Result<R>,
    ) -> Option<R> {
        let ctx = ndk_context::android_context();
        // SAFETY: ndk-context holds the process's JavaVM and the activity
        // (a global reference), set by tao before the app's `main` runs.
        let vm = unsafe { jni::JavaVM::from_raw(ctx.vm().cast()) }.ok()?;
        let mut env = vm.attach_current_thread_permanently().ok()?;
        let activity = unsafe { JObject::from_raw(ctx.context().cast()) };
        let result = env.with_local_frame(8, |env| f(env, &activity));
        if env.exception_check().unwrap_or(false) {
            let _ = env.exception_describe();
            let _ = env.exception_clear();
        }
        result.ok()
    }

    /// The app's private files folder (`Context.getFilesDir()`).
    pub fn files_dir() -> Option<PathBuf> {
        with_activity(|env, activity| {
            let dir = env
                .call_method(activity, "getFilesDir", "()Ljava/io/File;", &[])?
                .l()?;
            let path = env
                .call_method(&dir, "getAbsolutePath", "()Ljava/lang/String;", &[])?
                .l()?;
            let path: String = env.get_string(&JString::from(path))?.into();
            Ok(PathBuf::from(path))
        })
    }

    /// The `reps://` link the activity was (re)opened with, once
    /// (`MainActivity.takeLink`).
    pub fn take_link() -> Option<String> {
        with_activity(|env, activity| {
            let link = env
                .call_method(activity, "takeLink", "()Ljava/lang/String;", &[])?
                .l()?;
            if link.is_null() {
                return Ok(None);
            }
            Ok(Some(env.get_string(&JString::from(link))?.into()))
        })
        .flatten()
    }

    /// `MainActivity.outsideChanged`: widgets and alarms read the new snapshot.
    pub fn outside_changed() {
        let done = with_activity(|env, activity| {
            env.call_method(activity, "outsideChanged", "()V", &[])
                .map(|_| ())
        });
        if done.is_none() {
            eprintln!("reps: the widget and reminders could not be told about the new snapshot");
        }
    }

    /// The platform module (Kotlin: widget, reminders, shortcut, note
    /// screen; resources and manifest entries), declared so that `dx
    /// bundle` builds it into the app. Rust never calls it: the activity's
    /// methods above are the way in.
    #[allow(dead_code, unused_imports)]
    mod module {
        // app.reps.platform.RepsPlatform in platforms/android/src/main/kotlin
        #[manganis::ffi("platforms/android")]
        extern "Kotlin" {
            pub type RepsPlatform;
        }
    }
}

/// iOS: the App Group container, and `RepsKit` (the Swift package in
/// `platforms/ios`, built and loaded by `dx bundle`) for notifications and
/// the widget.
#[cfg(target_os = "ios")]
pub mod ios {
    use std::path::PathBuf;

    /// The App Group's container, if the app is entitled to it.
    pub fn group_container(group: &str) -> Option<PathBuf> {
        use objc2_foundation::{NSFileManager, NSString};
        let manager = NSFileManager::defaultManager();
        let url = manager
            .containerURLForSecurityApplicationGroupIdentifier(&NSString::from_str(group))?;
        Some(PathBuf::from(url.path()?.to_string()))
    }

    // `@objc(RepsKit) public final class RepsKit: NSObject` in
    // platforms/ios/RepsKit/RepsKit.swift. `start` sets the notification
    // delegate; `refresh` reschedules the notifications from the snapshot
    // and reloads the widget. Both answer "" or what went wrong (a String,
    // so the Objective-C return type matches what the macro expects).
    #[manganis::ffi("platforms/ios")]
    extern "Swift" {
        pub type RepsKit;
        pub fn start(this: &RepsKit) -> String;
        pub fn refresh(this: &RepsKit) -> String;
    }

    fn kit() -> Option<&'static RepsKit> {
        static KIT: std::sync::OnceLock<Option<RepsKit>> = std::sync::OnceLock::new();
        KIT.get_or_init(|| match RepsKit::new() {
            Ok(kit) => Some(kit),
            Err(e) => {
                eprintln!("reps: notifications and the widget are off: {e}");
                None
            }
        })
        .as_ref()
    }

    fn report(what: &str, answer: Result<String, &'static str>) {
        match answer {
            Ok(e) if e.is_empty() => {}
            Ok(e) => eprintln!("reps: {what}: {e}"),
            Err(e) => eprintln!("reps: {what}: {e}"),
        }
    }

    /// At launch: notifications can be tapped from now on.
    pub fn started() {
        if let Some(k) = kit() {
            report("notifications", start(k));
        }
    }

    /// After the snapshot changed.
    pub fn outside_changed() {
        if let Some(k) = kit() {
            report("reminders and widget", refresh(k));
        }
    }
}

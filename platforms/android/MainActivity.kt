// Reps' activity, used by `dx bundle` instead of its generated MainActivity.kt
// (Dioxus.toml: [application] android_main_activity). It is dx's own
// `class MainActivity : WryActivity()` plus what the Rust app needs from
// Android (src/platform/phone.rs calls takeLink and outsideChanged through JNI):
// - a reps:// link that arrives while the app runs (shortcut, widget,
//   notification) replaces the activity's intent, and the Rust app takes it
//   on every resume;
// - after the Rust app writes a new snapshot, widgets and reminder alarms are
//   brought in line with it, and the notification permission is asked for
//   the first time there is a reminder to show;
// - phones stay in portrait; tablets turn freely (the layout has a wide form).
// The back button is WryActivity's: the web view goes back while the app has
// screens to go back to (src/platform/history.rs), then Android takes over.
package dev.dioxus.main

import android.Manifest
import android.content.Context
import android.content.Intent
import android.content.pm.ActivityInfo
import android.content.pm.PackageManager
import android.os.Build
import android.os.Bundle
import app.reps.platform.RepsOutside

typealias BuildConfig = app.reps.journal.BuildConfig

class MainActivity : WryActivity() {
    private val linkLock = Any()

    override fun onCreate(savedInstanceState: Bundle?) {
        if (resources.configuration.smallestScreenWidthDp < 600) {
            requestedOrientation = ActivityInfo.SCREEN_ORIENTATION_PORTRAIT
        }
        super.onCreate(savedInstanceState)
        RepsOutside.prepare(this)
    }

    override fun onNewIntent(intent: Intent) {
        super.onNewIntent(intent)
        synchronized(linkLock) { setIntent(intent) }
    }

    /** The reps:// link the activity was opened with, once; null when there is none. Called from Rust. */
    fun takeLink(): String? = synchronized(linkLock) {
        val current = intent ?: return@synchronized null
        val link = current.data?.takeIf { it.scheme == "reps" }?.toString()
        if (link != null) current.data = null
        link
    }

    /** The Rust app wrote a new snapshot (outside.json). Called from Rust, off the UI thread. */
    fun outsideChanged() {
        val outside = RepsOutside.refresh(this)
        if (outside.reminders.isNotEmpty()) runOnUiThread { askForNotificationsOnce() }
    }

    /** Android 13+: notifications need the user's yes; asked once, when there is a reminder to show. */
    private fun askForNotificationsOnce() {
        if (Build.VERSION.SDK_INT < 33) return
        if (checkSelfPermission(Manifest.permission.POST_NOTIFICATIONS) == PackageManager.PERMISSION_GRANTED) return
        val prefs = getSharedPreferences("reps_activity", Context.MODE_PRIVATE)
        if (prefs.getBoolean("asked_notifications", false)) return
        prefs.edit().putBoolean("asked_notifications", true).apply()
        requestPermissions(arrayOf(Manifest.permission.POST_NOTIFICATIONS), 1)
    }
}

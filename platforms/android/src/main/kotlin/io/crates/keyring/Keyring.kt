package io.crates.keyring

import android.content.Context

/**
 * Hands the app's Context to the Android keychain store that Reps' Rust
 * library links (android-native-keyring-store: the sync key sealed by a key
 * that never leaves the Android Keystore). The app's own window gets its
 * context from the Rust runtime; a background worker (SyncWorker) has none
 * and calls this first. The package and name are the ones the crate's JNI
 * entry point is exported under.
 */
class Keyring {
    companion object {
        init {
            System.loadLibrary("reps_ffi")
        }

        external fun initializeNdkContext(context: Context)
    }
}

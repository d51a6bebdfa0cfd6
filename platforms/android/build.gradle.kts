// Reps' platform module: the home-screen widget, the "Quick capture"
// shortcut, follow-up reminders, the one-line note screen, sync's background
// rounds, the launcher icons, and the generated uniffi bindings (bindings/, by
// crates/reps-ffi/bindings.sh). `dx bundle --platform android` copies this
// folder into its Gradle project as `:plugins:repsplatform` and makes the app
// depend on it, because src/platform/phone.rs declares it with `#[manganis::ffi]`.
// Its manifest (src/main/AndroidManifest.xml) is merged into the app's
// (../AndroidManifest.xml). No plugin versions here: dx's root project
// brings the Android Gradle plugin and Kotlin.
plugins {
    id("com.android.library")
    kotlin("android")
}

android {
    namespace = "app.reps.platform"
    compileSdk = 34

    defaultConfig {
        minSdk = 28
        consumerProguardFiles("consumer-rules.pro")
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
    kotlinOptions {
        jvmTarget = "17"
    }

    sourceSets {
        getByName("main") {
            // our Kotlin, and the generated bindings (package uniffi.reps_ffi)
            java.srcDirs("src/main/kotlin", "bindings")
            // libreps_ffi.so per ABI, built with cargo-ndk (platforms/BUILD.md)
            jniLibs.srcDirs("src/main/jniLibs")
        }
    }
}

dependencies {
    // what the uniffi bindings load the library with (the AAR carries Android's libjnidispatch.so)
    implementation("net.java.dev.jna:jna:5.17.0@aar")
    implementation("androidx.annotation:annotation:1.9.1")
    // the note screen's dialog theme (the app itself already depends on it)
    implementation("androidx.appcompat:appcompat:1.7.1")
    // sync's background rounds while the app is closed (SyncWorker)
    implementation("androidx.work:work-runtime-ktx:2.10.1")
}

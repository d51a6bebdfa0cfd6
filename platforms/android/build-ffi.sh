#!/usr/bin/env bash
# Builds the core for the platform module (crates/reps-ffi as libreps_ffi.so,
# which the generated Kotlin bindings load through JNA) into
# platforms/android/src/main/jniLibs/<abi>/, for phones (arm64-v8a) and the
# emulator (x86_64). Needs the Android NDK (ANDROID_NDK_HOME) and cargo-ndk.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v cargo-ndk >/dev/null || cargo install cargo-ndk --locked
rustup target add aarch64-linux-android x86_64-linux-android
# -P: the oldest Android the app installs on (Dioxus.toml [android] min_sdk)
cargo ndk -t arm64-v8a -t x86_64 -P 28 -o platforms/android/src/main/jniLibs \
  build -p reps-ffi --release
ls -l platforms/android/src/main/jniLibs/*/libreps_ffi.so

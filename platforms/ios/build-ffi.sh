#!/usr/bin/env bash
# Builds platforms/ios/build/RepsFFI.xcframework: the core (crates/reps-ffi)
# as a static library with its C header, for iPhones and for the simulator on
# Apple silicon. RepsKit (Package.swift) links it. Needs macOS with Xcode.
set -euo pipefail
cd "$(dirname "$0")/../.."
rustup target add aarch64-apple-ios aarch64-apple-ios-sim
cargo build -p reps-ffi --release --target aarch64-apple-ios
cargo build -p reps-ffi --release --target aarch64-apple-ios-sim
target=${CARGO_TARGET_DIR:-target}
out=platforms/ios/build
rm -rf "$out"
mkdir -p "$out/headers"
cp platforms/ios/Generated/reps_ffiFFI.h "$out/headers/"
cp platforms/ios/Generated/reps_ffiFFI.modulemap "$out/headers/module.modulemap"
xcodebuild -create-xcframework \
  -library "$target/aarch64-apple-ios/release/libreps_ffi.a" -headers "$out/headers" \
  -library "$target/aarch64-apple-ios-sim/release/libreps_ffi.a" -headers "$out/headers" \
  -output "$out/RepsFFI.xcframework"
echo "built $out/RepsFFI.xcframework"

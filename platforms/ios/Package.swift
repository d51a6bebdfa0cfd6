// swift-tools-version:5.9
// RepsKit: the Swift that runs inside the Reps app on iOS (follow-up
// notifications, the widget's reload, the "Add an interview note" App Intent
// and its Siri/Shortcuts phrases), over the generated bindings of the core
// (Generated/, by crates/reps-ffi/bindings.sh) and the core itself
// (build/RepsFFI.xcframework, by platforms/ios/build-ffi.sh on a Mac).
// `dx bundle --platform ios` builds this package and loads it, because
// src/platform/phone.rs declares it with `#[manganis::ffi("platforms/ios")]`.
// The widget (Widget/) is built separately by dx ([[ios.widget_extensions]]).
import PackageDescription

let package = Package(
    name: "RepsKit",
    platforms: [.iOS(.v17)],
    products: [
        .library(name: "RepsKit", targets: ["RepsKit"]),
        // the core's bindings alone, for the share extension (ShareExtension/)
        .library(name: "RepsBindings", targets: ["RepsBindings"]),
    ],
    targets: [
        .binaryTarget(name: "RepsFFI", path: "build/RepsFFI.xcframework"),
        .target(
            name: "RepsBindings",
            dependencies: ["RepsFFI"],
            path: "Generated",
            exclude: ["reps_ffiFFI.h", "reps_ffiFFI.modulemap"],
            sources: ["reps_ffi.swift"]
        ),
        .target(name: "RepsKit", dependencies: ["RepsBindings"], path: "RepsKit"),
    ]
)

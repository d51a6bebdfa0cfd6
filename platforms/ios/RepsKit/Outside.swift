import Foundation

/// What the app last wrote for what runs outside it (crates/reps-core/src/journal/outside.rs in the
/// Rust app; the widget has its own copy of this type in
/// Widget/Sources/Snapshot.swift): the next interviews and the reminders
/// ahead, in `outside.json` in the App Group's container.
struct Outside: Decodable {
    struct Interview: Decodable {
        let id: String
        let company: String
        let role: String
        let stage: String
        let startsIso: String
        let startsEpochMs: Int64
        let minutes: Int
        let place: String
        let deepLink: String
    }

    struct Reminder: Decodable {
        let followUpId: String
        let title: String
        let body: String
        let dueEpochMs: Int64
        let deepLink: String
    }

    let format: Int
    let interviews: [Interview]
    let reminders: [Reminder]

    /// The App Group shared with the widget and the App Intent (Dioxus.toml,
    /// Reps.entitlements, src/platform/paths.rs `APP_GROUP`).
    static let appGroup = "group.app.reps.journal"
    static let file = "outside.json"
    /// The only format this code reads.
    static let format = 1

    /// Where the capture inbox and the snapshot are: the App Group's
    /// container, or, for a build without the entitlement, the app's own
    /// data folder, as the Rust app decides (src/platform/paths.rs).
    static func folder() -> URL? {
        if let shared = FileManager.default.containerURL(forSecurityApplicationGroupIdentifier: appGroup) {
            return shared
        }
        return FileManager.default.urls(for: .applicationSupportDirectory, in: .userDomainMask).first?
            .appendingPathComponent("app.Reps.Reps", isDirectory: true)
    }

    /// The snapshot; nil when there is none yet or it is from a newer Reps.
    static func read() -> Outside? {
        guard let url = folder()?.appendingPathComponent(file),
              let data = try? Data(contentsOf: url),
              let outside = try? JSONDecoder().decode(Outside.self, from: data),
              outside.format == format
        else { return nil }
        return outside
    }
}

import Foundation

/// The snapshot the Reps app writes (crates/reps-core/src/journal/outside.rs; RepsKit/Outside.swift
/// reads the same file): the widget draws from it alone and never opens the
/// journal. dx builds this folder on its own, hence this small copy.
struct Snapshot: Decodable {
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

        var starts: Date { Date(timeIntervalSince1970: TimeInterval(startsEpochMs) / 1000) }
        var ends: Date { starts.addingTimeInterval(TimeInterval(minutes) * 60) }
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

    static let appGroup = "group.app.reps.journal"
    static let file = "outside.json"
    static let empty = Snapshot(format: 1, interviews: [], reminders: [])

    /// The snapshot in the App Group's container, or `empty`.
    static func read() -> Snapshot {
        guard let folder = FileManager.default.containerURL(forSecurityApplicationGroupIdentifier: appGroup),
              let data = try? Data(contentsOf: folder.appendingPathComponent(file)),
              let snapshot = try? JSONDecoder().decode(Snapshot.self, from: data),
              snapshot.format == 1
        else { return .empty }
        return snapshot
    }

    /// The first interview not over at `date`.
    func next(at date: Date) -> Interview? {
        interviews.first { $0.ends > date }
    }
}

import AppIntents
import Foundation
import RepsBindings

/// "Add an interview note": one line into Reps from Siri, Shortcuts or
/// Spotlight, without opening the app. The note goes into the capture inbox
/// in the App Group's container through the core (`RepsInbox.add`: one file
/// written whole), never into the journal, which the app may be holding; the
/// app takes it in the next time it starts or comes to the front.
struct AddInterviewNote: AppIntent {
    static let title: LocalizedStringResource = "Add an interview note"
    static let description = IntentDescription(
        "Adds a note to Reps without opening it. Reps takes it in the next time you open it."
    )
    static let openAppWhenRun = false

    @Parameter(title: "Note", requestValueDialog: IntentDialog("What do you want to remember?"))
    var text: String

    func perform() async throws -> some IntentResult & ProvidesDialog {
        guard let folder = Outside.folder() else { throw NoteFailure.noFolder }
        let inbox = RepsInbox.open(dataDir: folder.path)
        // RepsError carries the core's words (a blank note, one too long)
        _ = try inbox.add(text: text)
        return .result(dialog: "Added. Reps takes it in when you open it.")
    }
}

enum NoteFailure: Error, CustomLocalizedStringResourceConvertible {
    case noFolder
    var localizedStringResource: LocalizedStringResource {
        "Reps cannot reach its shared folder on this iPhone."
    }
}

/// The phrases Siri and Shortcuts offer without any setup.
struct RepsShortcuts: AppShortcutsProvider {
    static var appShortcuts: [AppShortcut] {
        AppShortcut(
            intent: AddInterviewNote(),
            phrases: [
                "Add an interview note in \(.applicationName)",
                "Note an interview in \(.applicationName)",
            ],
            shortTitle: "Interview note",
            systemImageName: "square.and.pencil"
        )
    }
}

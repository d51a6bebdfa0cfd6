import RepsBindings
import UIKit
import UniformTypeIdentifiers

/// Reps in the iOS share sheet: Safari, a job board's app or a message
/// shares a posting (its text, its link, or both) and it goes into the
/// capture inbox in the App Group's container through the core
/// (`RepsInbox.addShare`: one file written whole), never into the journal,
/// which the app may be holding. The app takes it in the next time it
/// starts or comes to the front, as a lead in the deck to check. Reps never
/// fetches the link.
final class ShareViewController: UIViewController {
    /// The App Group shared with the app (Dioxus.toml, Reps.entitlements,
    /// src/platform/paths.rs `APP_GROUP`).
    static let appGroup = "group.app.reps.journal"

    private let message = UILabel()

    override func viewDidLoad() {
        super.viewDidLoad()
        view.backgroundColor = .systemBackground
        message.numberOfLines = 0
        message.textAlignment = .center
        message.font = .preferredFont(forTextStyle: .body)
        message.adjustsFontForContentSizeCategory = true
        message.text = "Adding to Reps…"
        message.translatesAutoresizingMaskIntoConstraints = false
        view.addSubview(message)
        NSLayoutConstraint.activate([
            message.centerYAnchor.constraint(equalTo: view.centerYAnchor),
            message.leadingAnchor.constraint(equalTo: view.layoutMarginsGuide.leadingAnchor),
            message.trailingAnchor.constraint(equalTo: view.layoutMarginsGuide.trailingAnchor),
        ])
        Task { await share() }
    }

    /// Reads what was shared, leaves it in the inbox, says so, and closes.
    private func share() async {
        let shared = await Self.sharedText(from: extensionContext?.inputItems as? [NSExtensionItem] ?? [])
        let said: String
        if shared.isEmpty {
            said = "Nothing to add: the app shared no text or link."
        } else if let folder = FileManager.default.containerURL(
            forSecurityApplicationGroupIdentifier: Self.appGroup)
        {
            do {
                _ = try RepsInbox.open(dataDir: folder.path).addShare(text: shared)
                said = "Added to Reps. Open Reps to check it in your deck."
            } catch {
                // RepsError carries the core's words
                said = "Reps could not add it: \(error.localizedDescription)"
            }
        } else {
            said = "Reps cannot reach its shared folder on this iPhone."
        }
        message.text = said
        try? await Task.sleep(nanoseconds: 1_200_000_000)
        extensionContext?.completeRequest(returningItems: nil)
    }

    /// The shared text and link, each once, one per line.
    static func sharedText(from items: [NSExtensionItem]) async -> String {
        var parts: [String] = []
        func keep(_ part: String?) {
            guard let p = part?.trimmingCharacters(in: .whitespacesAndNewlines), !p.isEmpty,
                  !parts.contains(where: { $0.contains(p) })
            else { return }
            parts.append(p)
        }
        for item in items {
            keep(item.attributedContentText?.string)
            for provider in item.attachments ?? [] {
                if provider.hasItemConformingToTypeIdentifier(UTType.url.identifier),
                   let url = try? await provider.loadItem(forTypeIdentifier: UTType.url.identifier) as? URL
                {
                    keep(url.absoluteString)
                } else if provider.hasItemConformingToTypeIdentifier(UTType.plainText.identifier),
                          let text = try? await provider.loadItem(forTypeIdentifier: UTType.plainText.identifier) as? String
                {
                    keep(text)
                }
            }
        }
        return parts.joined(separator: "\n")
    }
}

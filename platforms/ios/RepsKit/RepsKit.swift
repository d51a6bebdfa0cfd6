import Foundation
import UIKit
import UserNotifications
import WidgetKit

/// The Swift side of the Reps app on iOS. The Rust app creates it by name
/// (src/platform/phone.rs: `#[manganis::ffi("platforms/ios")]`, then `alloc`/`init`)
/// and calls `start` at launch and `refresh` each time it wrote a new
/// snapshot. Both answer "" or what went wrong (the bridge expects a string).
/// Nothing here opens the journal: the app holds it.
@objc(RepsKit)
public final class RepsKit: NSObject {
    public override init() {
        super.init()
    }

    /// At launch: a tap on a reminder opens its screen from now on.
    @objc public func start() -> String {
        UNUserNotificationCenter.current().delegate = ReminderTaps.shared
        return ""
    }

    /// After a new snapshot: the reminders are scheduled again from it and
    /// the widget redraws.
    @objc public func refresh() -> String {
        guard let outside = Outside.read() else {
            return "no snapshot in \(Outside.folder()?.path ?? "(no folder)")"
        }
        Reminders.schedule(outside.reminders)
        WidgetCenter.shared.reloadAllTimelines()
        return ""
    }
}

/// Shows a reminder even while Reps is in front, and opens its `reps://`
/// link when it is tapped: the app receives the link like any other
/// (`application(_:open:)`, which the Rust app hears as an "opened" event).
final class ReminderTaps: NSObject, UNUserNotificationCenterDelegate {
    static let shared = ReminderTaps()

    func userNotificationCenter(
        _ center: UNUserNotificationCenter,
        willPresent notification: UNNotification,
        withCompletionHandler completionHandler: @escaping (UNNotificationPresentationOptions) -> Void
    ) {
        completionHandler([.banner, .list, .sound])
    }

    func userNotificationCenter(
        _ center: UNUserNotificationCenter,
        didReceive response: UNNotificationResponse,
        withCompletionHandler completionHandler: @escaping () -> Void
    ) {
        let info = response.notification.request.content.userInfo
        if let link = info[Reminders.linkKey] as? String, let url = URL(string: link) {
            DispatchQueue.main.async { UIApplication.shared.open(url) }
        }
        completionHandler()
    }
}

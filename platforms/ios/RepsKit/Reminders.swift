import Foundation
import UserNotifications

/// Follow-up reminders as local notifications, one per reminder in the
/// snapshot, each at its due time. Every refresh replaces all of them, so a
/// follow-up done or pushed back in the app loses its notification.
enum Reminders {
    /// Our notifications' identifiers start with this; others are left alone.
    static let prefix = "reps.follow-up."
    /// The `reps://` link a tap opens, in the notification's userInfo.
    static let linkKey = "deepLink"
    /// iOS keeps 64 pending notifications per app.
    static let most = 60

    static func schedule(_ reminders: [Outside.Reminder]) {
        let center = UNUserNotificationCenter.current()
        center.getNotificationSettings { settings in
            switch settings.authorizationStatus {
            case .notDetermined:
                // asked the first time there is something to remind of
                guard !reminders.isEmpty else { return }
                center.requestAuthorization(options: [.alert, .sound]) { granted, _ in
                    if granted { replace(with: reminders, in: center) }
                }
            case .authorized, .provisional, .ephemeral:
                replace(with: reminders, in: center)
            default:
                break // turned off: the follow-ups are on the Today screen
            }
        }
    }

    private static func replace(with reminders: [Outside.Reminder], in center: UNUserNotificationCenter) {
        center.getPendingNotificationRequests { pending in
            let ours = pending.map(\.identifier).filter { $0.hasPrefix(prefix) }
            center.removePendingNotificationRequests(withIdentifiers: ours)
            let now = Date()
            for r in reminders.prefix(most) {
                let due = Date(timeIntervalSince1970: TimeInterval(r.dueEpochMs) / 1000)
                let wait = due.timeIntervalSince(now)
                guard wait > 0 else { continue }
                let content = UNMutableNotificationContent()
                content.title = r.title
                content.body = r.body
                content.sound = .default
                content.threadIdentifier = "follow-ups"
                content.userInfo = [linkKey: r.deepLink]
                // an interval, not a calendar date: the same moment whatever the time zone becomes
                let trigger = UNTimeIntervalNotificationTrigger(timeInterval: wait, repeats: false)
                center.add(UNNotificationRequest(identifier: prefix + r.followUpId, content: content, trigger: trigger))
            }
        }
    }
}

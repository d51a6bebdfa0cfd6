import SwiftUI
import WidgetKit

/// Reps' home-screen and lock-screen widget: the next interview (a tap opens
/// its checklist) and, in the medium size, a "Capture" button that opens
/// quick capture. Built by `dx bundle` from this folder
/// (Dioxus.toml [[ios.widget_extensions]]); it reads the snapshot the app
/// writes in the App Group's container and never opens the journal.
@main
struct RepsWidgets: WidgetBundle {
    var body: some Widget {
        NextInterviewWidget()
    }
}

struct NextInterviewWidget: Widget {
    var body: some WidgetConfiguration {
        StaticConfiguration(kind: "app.reps.next-interview", provider: Provider()) { entry in
            NextInterviewView(entry: entry)
                .containerBackground(.fill.tertiary, for: .widget)
        }
        .configurationDisplayName("Next interview")
        .description("Your next interview. Tap it for its checklist.")
        .supportedFamilies([.systemSmall, .systemMedium, .accessoryRectangular])
    }
}

struct Entry: TimelineEntry {
    let date: Date
    let next: Snapshot.Interview?
}

/// One entry now and one as each interview ends, so the next one shows
/// without the app; the app asks for a reload whenever the snapshot changes.
struct Provider: TimelineProvider {
    func placeholder(in context: Context) -> Entry {
        Entry(date: .now, next: nil)
    }

    func getSnapshot(in context: Context, completion: @escaping (Entry) -> Void) {
        completion(Entry(date: .now, next: Snapshot.read().next(at: .now)))
    }

    func getTimeline(in context: Context, completion: @escaping (Timeline<Entry>) -> Void) {
        let snapshot = Snapshot.read()
        let now = Date.now
        var entries = [Entry(date: now, next: snapshot.next(at: now))]
        for ends in snapshot.interviews.map(\.ends) where ends > now {
            entries.append(Entry(date: ends, next: snapshot.next(at: ends)))
        }
        completion(Timeline(entries: entries, policy: .atEnd))
    }
}

struct NextInterviewView: View {
    let entry: Entry
    @Environment(\.widgetFamily) private var family

    private var link: URL {
        URL(string: entry.next?.deepLink ?? "reps://today") ?? URL(string: "reps://today")!
    }

    var body: some View {
        HStack(alignment: .top) {
            VStack(alignment: .leading, spacing: 2) {
                if let next = entry.next {
                    Text(next.company).font(.headline).lineLimit(1)
                    Text(next.role).font(.subheadline).foregroundStyle(.secondary).lineLimit(1)
                    Text(next.stage).font(.caption).foregroundStyle(.secondary).lineLimit(1)
                    Text(next.starts, format: .dateTime.weekday(.abbreviated).day().month().hour().minute())
                        .font(.caption.weight(.semibold))
                    if !next.place.isEmpty && family != .accessoryRectangular {
                        Text(next.place).font(.caption2).foregroundStyle(.secondary).lineLimit(1)
                    }
                } else {
                    Text("No interview coming up").font(.headline)
                    Text("Tap for today").font(.caption).foregroundStyle(.secondary)
                }
            }
            if family == .systemMedium {
                Spacer()
                Link(destination: URL(string: "reps://capture")!) {
                    Label("Capture", systemImage: "plus.circle.fill")
                        .font(.callout.weight(.semibold))
                }
            }
        }
        .widgetURL(link)
    }
}

import Foundation

/// RFC 3339 timestamps in UTC (`2025-01-31T12:00:00Z`), as manifests, histories and reports write them.
enum UTCTimestamp {
    /// `date` in UTC, whole seconds.
    static func string(from date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }
}

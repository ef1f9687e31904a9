import Foundation

/// How an entry's `details` are stored in a text column: JSON with sorted keys.
enum AuditDetails {
    static func encode(_ details: [String: String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(details), as: UTF8.self)
    }

    /// Decodes stored details; text that is not a JSON object of strings is kept under `"<unreadable>"`
    /// so the chain check reports the entry as changed instead of failing to read the log.
    static func decode(_ text: String, seq: Int64) throws -> [String: String] {
        if let details = try? JSONDecoder().decode([String: String].self, from: Data(text.utf8)) { return details }
        return ["<unreadable>": text]
    }
}

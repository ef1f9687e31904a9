import RowProofCrypto

/// Writes a ``CanonicalValue`` the way SQL tools show it, for keys in messages and reports:
/// `NULL`, `42`, `'text'`, `2024-03-01`, `2024-03-01T12:00:00Z`, `'\x00ff'`.
enum ValueText {
    static func render(_ value: CanonicalValue) -> String {
        switch value {
        case .null: "NULL"
        case .bool(let flag): flag ? "true" : "false"
        case .decimal(let decimal): decimal.description
        case .float(let double): String(double)
        case .text(let text): quoted(text)
        case .bytes(let bytes): "'\\x" + Hex.encode(bytes) + "'"
        case .date(let days): CalendarText.date(days: Int64(days))
        case .time(let micros): CalendarText.time(micros: micros)
        case .timestamp(let micros): CalendarText.timestamp(micros: micros)
        case .interval(let months, let days, let micros): "\(months) mons \(days) days \(micros) us"
        case .uuid(let uuid): uuidText(uuid.array)
        case .json(let text): quoted(text)
        case .array(let elements): "{" + elements.map(render).joined(separator: ", ") + "}"
        }
    }

    private static func quoted(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }

    private static func uuidText(_ bytes: [UInt8]) -> String {
        [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { Hex.encode(bytes[$0]) }.joined(separator: "-")
    }
}

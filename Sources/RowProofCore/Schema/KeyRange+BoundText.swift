extension KeyRange {
    /// A bound value as SQL input text, for passing bounds as text parameters (`$1::bigint`).
    ///
    /// Decimals in canonical form, text as is, bytes as `\x…` (Postgres bytea hex input), dates as
    /// `YYYY-MM-DD`, times as `HH:MM:SS.ffffff`, timestamps as `YYYY-MM-DDTHH:MM:SS.ffffffZ`
    /// (UTC; `infinity`/`-infinity` for the sentinels), UUIDs in 8-4-4-4-12 form, booleans as
    /// `true`/`false`. Values that cannot be keys are written in a readable form.
    public static func boundText(_ value: CanonicalValue) -> String {
        switch value {
        case .null: "NULL"
        case .bool(let flag): flag ? "true" : "false"
        case .decimal(let decimal): decimal.description
        case .float(let double): "\(double)"
        case .text(let string): string
        case .bytes(let bytes): "\\x" + hex(bytes)
        case .date(let days): CalendarText.date(days: Int64(days))
        case .time(let micros): CalendarText.time(micros: micros)
        case .timestamp(let micros): CalendarText.timestamp(micros: micros)
        case .interval(let months, let days, let micros): "\(months) mons \(days) days \(micros) us"
        case .uuid(let uuid): uuidText(uuid.array)
        case .json(let text): text
        case .array(let elements): "{" + elements.map(boundText).joined(separator: ",") + "}"
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func uuidText(_ bytes: [UInt8]) -> String {
        let text = Array(hex(bytes))
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(text[$0]) }.joined(separator: "-")
    }
}

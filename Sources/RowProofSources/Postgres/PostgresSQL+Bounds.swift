import RowProofCore

extension PostgresSQL {
    /// A key range bound component as Postgres input text.
    ///
    /// As ``KeyRange/boundText(_:)``, except that dates and timestamps before year 1 are written
    /// the way Postgres reads them: `0091-09-23 BC`, not the ISO 8601 year `-0090-09-23` (which
    /// Postgres refuses, so every chunk bounded by such a key failed).
    static func boundText(_ value: CanonicalValue) -> String {
        let text = KeyRange.boundText(value)
        switch value {
        case .date, .timestamp: return Self.postgresEra(isoDateTime: text)
        default: return text
        }
    }

    /// `-0090-09-23` → `0091-09-23 BC`, `0000-03-01T…Z` → `0001-03-01T…Z BC`; years 1 and later
    /// and `±infinity` unchanged. ISO 8601 year 0 is 1 BC, year −N is N+1 BC.
    static func postgresEra(isoDateTime text: String) -> String {
        guard !text.hasSuffix("infinity") else { return text }
        let isNegative = text.hasPrefix("-")
        let body = isNegative ? text.dropFirst() : Substring(text)
        guard let dash = body.firstIndex(of: "-"), let year = Int(body[..<dash]) else { return text }
        guard isNegative || year == 0 else { return text }
        let bcYear = String(year + 1)
        let padded = String(repeating: "0", count: max(0, 4 - bcYear.count)) + bcYear
        return padded + body[dash...] + " BC"
    }
}

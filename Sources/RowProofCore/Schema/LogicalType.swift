/// The engine-neutral type of a column: which canonical encoding its values get.
///
/// Engines map their own types onto these (through the type-coercion rulebook); two columns
/// compare value by value when their logical types agree. The text form (``description``,
/// also the `Codable` form) is the rulebook's: `decimal`, `text`, `array(text)`.
public indirect enum LogicalType: Sendable, Hashable {
    /// A column that only holds NULL.
    case null
    /// Booleans.
    case bool
    /// Integers of every width and exact decimals.
    case decimal
    /// IEEE-754 floating point (float4, float8, REAL, DOUBLE).
    case float
    /// Unicode text (compared after NFC).
    case text
    /// Raw bytes.
    case bytes
    /// Calendar dates.
    case date
    /// Times of day.
    case time
    /// Points in time (UTC microseconds; naive values interpreted per rulebook).
    case timestamp
    /// Postgres-style intervals (months, days, microseconds).
    case interval
    /// UUIDs.
    case uuid
    /// JSON documents (compared in RFC 8785 canonical form).
    case json
    /// One-dimensional arrays of `element`.
    case array(of: LogicalType)

    /// Whether values of this type can be part of a key (`specs/hashing_spec.json`, `key_encoding`).
    public var canBeKey: Bool {
        switch self {
        case .bool, .decimal, .text, .bytes, .date, .time, .timestamp, .uuid: true
        case .null, .float, .interval, .json, .array: false
        }
    }
}

/// One logical value, as the hashing spec (`specs/hashing_spec.json`) types it.
///
/// Engines decode their own types into these cases (through the type-coercion rulebook); the
/// canonical encoding is then the same whatever engine the value came from. Materialized values
/// are for differences, aggregates and tests; the per-row hot path writes straight into a
/// ``RowEncoder`` without building them.
public enum CanonicalValue: Sendable, Hashable {
    /// SQL NULL of any type. Distinct from the empty string, 0 and false.
    case null
    /// A boolean.
    case bool(Bool)
    /// An integer of any width or an exact decimal, normalized.
    case decimal(CanonicalDecimal)
    /// An IEEE-754 binary64 value as read; the encoding maps -0 to 0 and every NaN to one NaN.
    case float(Double)
    /// Text as read; the encoding applies Unicode NFC.
    case text(String)
    /// Raw bytes.
    case bytes([UInt8])
    /// Days since 1970-01-01; `Int32.max` / `Int32.min` are +/-infinity.
    case date(days: Int32)
    /// Microseconds since midnight, 0 through 86_400_000_000.
    case time(micros: Int64)
    /// Microseconds since 1970-01-01T00:00:00Z; `Int64.max` / `Int64.min` are +/-infinity.
    case timestamp(micros: Int64)
    /// A Postgres-style interval, its three fields kept apart.
    case interval(months: Int32, days: Int32, micros: Int64)
    /// The 16 bytes of a UUID in RFC 4122 order.
    case uuid(UUIDBytes)
    /// JSON text as read; the encoding writes its RFC 8785 canonical form.
    case json(String)
    /// A one-dimensional array; elements may be `.null`.
    case array([CanonicalValue])
}

/// The 16 bytes of a UUID, RFC 4122 order.
public struct UUIDBytes: Sendable, Hashable {
    /// The bytes, most significant first.
    public var bytes:
        (
            UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
            UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
        )

    /// Creates a UUID from exactly 16 bytes; returns `nil` for any other count.
    public init?(_ array: [UInt8]) {
        guard array.count == 16 else { return nil }
        bytes = (
            array[0], array[1], array[2], array[3], array[4], array[5], array[6], array[7],
            array[8], array[9], array[10], array[11], array[12], array[13], array[14], array[15]
        )
    }

    /// The bytes as an array.
    public var array: [UInt8] {
        withUnsafeBytes(of: bytes) { Array($0) }
    }

    public static func == (lhs: UUIDBytes, rhs: UUIDBytes) -> Bool { lhs.array == rhs.array }
    public func hash(into hasher: inout Hasher) { hasher.combine(array) }
}

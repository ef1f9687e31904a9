/// A parsed JSON value, as the RFC 8785 canonicalizer needs it.
///
/// Strings and member names are kept as UTF-8 bytes (their escapes resolved); numbers as
/// binary64, as RFC 8785 requires.
indirect enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string([UInt8])
    case array([JSONValue])
    /// Members with distinct names (a repeated name keeps its last value), in input order.
    case object([JSONMember])
}

/// One object member.
struct JSONMember: Sendable {
    /// The member name as UTF-8.
    var name: [UInt8]
    /// The member value.
    var value: JSONValue
}

/// The logical types of the hashing spec (`specs/hashing_spec.json`), which every engine type
/// maps to before a value is serialized.
public enum LogicalType: String, ContractEnum {
    /// NULL of any type.
    case null
    /// Boolean.
    case bool
    /// Integers and exact decimals, as a normalized decimal.
    case decimal
    /// IEEE-754 binary64.
    case float
    /// UTF-8 text, NFC.
    case text
    /// Raw bytes.
    case bytes
    /// Days since 1970-01-01.
    case date
    /// Microseconds since midnight.
    case time
    /// UTC microseconds since the epoch.
    case timestamp
    /// Months, days and microseconds.
    case interval
    /// A 16-byte UUID.
    case uuid
    /// RFC 8785 canonical JSON.
    case json
    /// A one-dimensional array.
    case array
}

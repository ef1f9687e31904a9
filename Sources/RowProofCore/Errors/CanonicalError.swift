/// A value that cannot be canonicalized, hashed or used as a key, as the hashing spec defines it.
///
/// The ``code`` is one of the spec's error codes (`specs/hashing_spec.json`, `error_codes`); the
/// ``detail`` says what was wrong and where inside the value; ``column`` names the column when
/// the caller knows it. The description reads like
/// `INVALID_UTF8 in column "note": byte 0xC3 at offset 4 starts an incomplete sequence`.
public struct CanonicalError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The spec's error codes; the raw values are the spec's strings.
    public enum Code: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// Text or text key bytes are not valid UTF-8.
        case invalidUTF8 = "INVALID_UTF8"
        /// More than 38 significant digits after normalization.
        case decimalOutOfRange = "DECIMAL_OUT_OF_RANGE"
        /// Not a decimal literal.
        case invalidDecimal = "INVALID_DECIMAL"
        /// Not a single valid JSON value.
        case invalidJSON = "INVALID_JSON"
        /// A date, time or timestamp that cannot be parsed or is out of range.
        case invalidTemporal = "INVALID_TEMPORAL"
        /// Not 32 hex digits (hyphens allowed in the 8-4-4-4-12 positions).
        case invalidUUID = "INVALID_UUID"
        /// A value the spec has no encoding for (for example a nested array).
        case unsupportedType = "UNSUPPORTED_TYPE"
        /// A key component whose type cannot be a key.
        case unsupportedKeyType = "UNSUPPORTED_KEY_TYPE"
        /// A NULL key component.
        case nullKey = "NULL_KEY"
        /// A key with the wrong number of components.
        case keyArity = "KEY_ARITY"
        /// Canonical row or key bytes that no encoder produced (truncated, unknown tag, bad length).
        ///
        /// Not one of the spec's input errors: it appears only when decoding stored encodings.
        case malformedEncoding = "MALFORMED_ENCODING"

        /// The spec's string for the code.
        public var description: String { rawValue }
    }

    /// What kind of error this is.
    public var code: Code
    /// What was wrong, and where inside the value.
    public var detail: String
    /// The column the value belongs to, when known.
    public var column: String?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The spec's error code.
    ///   - detail: What was wrong and where inside the value; a full sentence without the code.
    ///   - column: The column the value belongs to, when known.
    public init(_ code: Code, _ detail: String, column: String? = nil) {
        self.code = code
        self.detail = detail
        self.column = column
    }

    /// The same error attributed to `column` (unless it already names one).
    public func inColumn(_ column: String) -> CanonicalError {
        var copy = self
        if copy.column == nil { copy.column = column }
        return copy
    }

    /// `CODE in column "name": detail`, or `CODE: detail` when the column is unknown.
    public var description: String {
        if let column {
            return "\(code.rawValue) in column \"\(column)\": \(detail)"
        }
        return "\(code.rawValue): \(detail)"
    }
}

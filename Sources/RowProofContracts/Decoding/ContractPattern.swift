/// A pattern a string field must match: the same regular expression as in the JSON schema,
/// plus what it means in words for error messages.
public struct ContractPattern: Sendable {
    /// The regular expression, as written in the schema (anchored with `^` and `$`).
    public let source: String
    /// What a matching value looks like, for example `64 lowercase hex digits`.
    public let meaning: String

    /// Creates a pattern; `source` must be a valid regular expression.
    public init(_ source: String, meaning: String) {
        self.source = source
        self.meaning = meaning
    }

    /// Whether `value` matches the whole pattern.
    ///
    /// The expression is compiled on each call (`Regex` is not `Sendable`); validation runs
    /// once per document, never per row.
    public func matches(_ value: String) -> Bool {
        let regex: Regex<AnyRegexOutput>
        do {
            regex = try Regex(source)
        } catch {
            preconditionFailure("invalid contract pattern \(source): \(error)")
        }
        return (try? regex.wholeMatch(in: value)) != nil
    }
}

extension ContractPattern {
    /// A job, policy or rulebook name.
    public static let name = ContractPattern(
        "^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$",
        meaning: "1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit"
    )
    /// An identifier: plan, run, migration or key id.
    public static let identifier = ContractPattern(
        "^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$",
        meaning: "1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit"
    )
    /// A semantic version without pre-release or build suffix.
    public static let version = ContractPattern(
        "^[0-9]+\\.[0-9]+\\.[0-9]+$",
        meaning: "a version such as 1.0.0"
    )
    /// A semantic version, optionally with a pre-release or build suffix.
    public static let softwareVersion = ContractPattern(
        "^[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$",
        meaning: "a version such as 1.2.3 or 1.2.3-beta.1"
    )
    /// A SHA-256 digest.
    public static let sha256 = ContractPattern("^[0-9a-f]{64}$", meaning: "64 lowercase hex digits (SHA-256)")
    /// A 64-bit digest.
    public static let hex16 = ContractPattern("^[0-9a-f]{16}$", meaning: "16 lowercase hex digits")
    /// An RFC 3339 date-time with a zone.
    public static let timestamp = ContractPattern(
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$",
        meaning: "an RFC 3339 date-time with a zone, such as 2024-05-02T01:00:03Z"
    )
    /// A role name.
    public static let role = ContractPattern(
        "^[a-z][a-z0-9_]{0,63}$",
        meaning: "lowercase letters, digits and '_', starting with a letter"
    )
    /// A rule or rulebook identifier.
    public static let ruleID = ContractPattern(
        "^[a-z][a-z0-9_]{0,63}$",
        meaning: "lowercase letters, digits and '_', starting with a letter"
    )
    /// A state name of a state machine.
    public static let stateName = ContractPattern(
        "^[A-Z][A-Z0-9_]{0,63}$",
        meaning: "uppercase letters, digits and '_', starting with a letter"
    )
    /// An Ed25519 signature.
    public static let signature = ContractPattern(
        "^([0-9a-f]{128}|[A-Za-z0-9+/]{86}==)$",
        meaning: "a 64-byte signature as 128 lowercase hex digits or 88 characters of padded base64"
    )
    /// A reference to a secret.
    public static let secretReference = ContractPattern(
        "^(env://[A-Za-z_][A-Za-z0-9_]*|file:///[^\\s]+|vault://[^\\s#]+#[^\\s#]+)$",
        meaning: "a secret reference: env://VARIABLE, file:///absolute/path or vault://path#key"
    )
    /// A connection: URL, libpq conninfo or secret reference.
    public static let connection = ContractPattern(
        "^((postgres|postgresql)://[^\\s]+|sqlite:///[^\\s].*|\\s*[A-Za-z_]+\\s*=\\s*[^\\s].*|env://[A-Za-z_][A-Za-z0-9_]*|file:///[^\\s]+|vault://[^\\s#]+#[^\\s#]+)$",
        meaning:
            "postgres://..., postgresql://..., sqlite:///path, a libpq conninfo (host=... dbname=...) or a secret reference (env://, file://, vault://path#key)"
    )
    /// A relative path inside a pack or output directory.
    public static let relativePath = ContractPattern(
        "^(?!/)(?!.*(^|/)\\.\\.(/|$))[^\\\\\\u{0}]+$",
        meaning: "a relative path with '/' separators and no '..' segments"
    )
    /// An engine's type name.
    public static let engineType = ContractPattern(
        "^[a-z_][a-z0-9_ ]*(\\([0-9a-z, ]+\\))?(\\[\\])?$",
        meaning: "a lowercase type name, optionally with parameters such as (p,s) and a trailing []"
    )
    /// An IANA time zone name.
    public static let timeZone = ContractPattern(
        "^(UTC|[A-Za-z_]+(/[A-Za-z0-9_+-]+){1,2})$",
        meaning: "UTC or an IANA zone such as Europe/Berlin"
    )
}

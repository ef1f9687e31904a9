/// An error reading a source or target database, written for the person running the job.
public struct SourceError: Error, CustomStringConvertible, Sendable {
    /// Broad classes of failure, so callers can decide whether to retry.
    public enum Kind: String, Sendable {
        /// The server could not be reached or refused the connection (host, port, password).
        case connection
        /// A table, column or key that does not exist or cannot be compared.
        case schema
        /// The server refused a statement (permission denied, read-only, syntax).
        case query
        /// The connection broke while a chunk was being read; retrying the chunk is safe.
        case interrupted
        /// A value the source cannot decode or that has no canonical form.
        case data
    }

    /// The class of failure.
    public let kind: Kind
    /// What went wrong, naming the table or column and the URL with its password redacted.
    public let message: String
    /// What the user can do about it, when there is something to say.
    public let hint: String?
    /// The server's error code when the server reported one (Postgres SQLSTATE such as `42501`).
    public let serverCode: String?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, hint: String? = nil, serverCode: String? = nil) {
        self.kind = kind
        self.message = message
        self.hint = hint
        self.serverCode = serverCode
    }

    /// Whether retrying the same work on a new connection may succeed.
    public var isRetryable: Bool { kind == .interrupted || kind == .connection }

    public var description: String {
        hint.map { "\(message)\nhint: \($0)" } ?? message
    }
}

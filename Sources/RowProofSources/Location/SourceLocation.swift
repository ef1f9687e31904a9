/// Where a source's data lives, parsed from what a user wrote in a job or on the command line.
///
/// Accepted forms:
/// - Postgres: `postgres://…` and `postgresql://…` URLs, libpq `key=value` strings
///   (`host=db port=5432 dbname=app`). Everything libpq supports still applies (`PGPASSWORD`,
///   `~/.pgpass`, service files, `sslmode`).
/// - SQLite: `sqlite:///abs/path.db`, `sqlite:relative.db`, or a plain path ending in `.db`,
///   `.sqlite` or `.sqlite3`.
/// - A secret reference for the whole location: `env://NAME`, `file:///path`, `vault://path#key`.
///
/// The password may also be a secret reference: in a URL's user info (percent-encoded or not,
/// `postgres://app:env://PGPW@db/app`), as the `password` query parameter, or as
/// `password=vault://secret/app#pw` in a `key=value` string. Secrets are resolved at connect
/// time by a ``SecretResolver`` and never printed: ``description`` is the redacted form.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The engines RowProof reads.
    public enum Engine: String, Sendable, Hashable {
        /// PostgreSQL through libpq.
        case postgres
        /// SQLite through the system libsqlite3.
        case sqlite
    }

    /// A connection password, written or referenced.
    enum Password: Sendable, Hashable {
        case literal(String)
        case reference(SecretReference)
    }

    enum Storage: Sendable, Hashable {
        /// A libpq connection string or URL without its password, and the password apart.
        case postgres(conninfo: String, password: Password?, redacted: String)
        /// A SQLite database file (or `:memory:`).
        case sqlite(path: String)
        /// The whole location is a secret, resolved at connect time.
        case secret(SecretReference)
    }

    let storage: Storage

    /// The engine, or `nil` while the whole location is still an unresolved secret reference.
    public var engine: Engine? {
        switch storage {
        case .postgres: .postgres
        case .sqlite: .sqlite
        case .secret: nil
        }
    }

    /// The location with every password replaced by `***`: safe for errors and logs.
    public var redacted: String {
        switch storage {
        case .postgres(_, _, let redacted): redacted
        case .sqlite(let path): "sqlite:\(path)"
        case .secret(let reference): "\(reference) (resolved at connect time)"
        }
    }

    /// The redacted form; the location never prints a secret.
    public var description: String { redacted }

    /// The SQLite database path, for SQLite locations.
    public var sqlitePath: String? {
        if case .sqlite(let path) = storage { return path }
        return nil
    }

    /// Resolves a whole-location secret reference (other locations are returned unchanged).
    ///
    /// - Throws: ``SourceError/Kind/connection`` when the reference cannot be resolved or its value
    ///   is not a location.
    public func resolvingLocation(with secrets: SecretResolver) throws(SourceError) -> SourceLocation {
        guard case .secret(let reference) = storage else { return self }
        let value = try secrets.resolve(reference)
        guard !SecretReference.looksLikeReference(value) else {
            throw SourceError(
                .connection,
                "secret \(reference) holds another secret reference; references do not nest",
                hint: "store the connection URL itself in the secret"
            )
        }
        do {
            return try SourceLocation(parsing: value)
        } catch {
            throw SourceError(
                .connection,
                "secret \(reference) does not hold a database location",
                hint: "store a postgres:// URL, a libpq key=value string or a sqlite: path in it"
            )
        }
    }
}

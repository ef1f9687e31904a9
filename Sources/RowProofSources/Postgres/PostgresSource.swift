/// A Postgres database reached through libpq.
///
/// ```swift
/// let source = try PostgresSource(location: SourceLocation(parsing: "postgres://app:env://PGPW@db/app"))
/// let session = try source.openSession()
/// let table = try session.describe(table: TableName(parsing: "public.orders"))
/// ```
public struct PostgresSource: DataSource {
    /// The database (redacted when printed).
    public let location: SourceLocation
    /// Resolves secret references at connect time.
    public var secrets: SecretResolver
    /// Maps engine types to logical types.
    public var types: TypeResolver

    /// Creates a source; nothing connects until ``openSession()``.
    ///
    /// - Throws: ``SourceError/Kind/connection`` when `location` is a SQLite location.
    public init(
        location: SourceLocation,
        secrets: SecretResolver = SecretResolver(),
        types: TypeResolver = .postgres
    ) throws(SourceError) {
        guard location.engine != .sqlite else {
            throw SourceError(
                .connection,
                "\(location) is a SQLite location, not a Postgres one",
                hint: "open it with SQLiteSource"
            )
        }
        self.location = location
        self.secrets = secrets
        self.types = types
    }

    /// Connects and returns a read-only session (REPEATABLE READ, `default_transaction_read_only`).
    public func openSession() throws(SourceError) -> PostgresSession {
        let resolved = try location.resolvingLocation(with: secrets)
        guard case .postgres(let conninfo, let password, let redacted) = resolved.storage else {
            throw SourceError(
                .connection,
                "\(location) does not hold a Postgres location",
                hint: "use SQLiteSource for SQLite files"
            )
        }
        let secret: String? =
            switch password {
            case .none: nil
            case .literal(let text): text
            case .reference(let reference): try secrets.resolve(reference)
            }
        let connection = try PostgresConnection(conninfo: conninfo, password: secret, redactedTarget: redacted)
        return try PostgresSession(connection: connection, types: types)
    }
}

/// A SQLite database file, the embedded default source.
public struct SQLiteSource: DataSource {
    /// The database (`sqlite:/path/to/file.db`).
    public let location: SourceLocation
    /// Resolves a whole-location secret reference at connect time.
    public var secrets: SecretResolver
    /// Maps declared column types to logical types.
    public var types: TypeResolver

    /// Creates a source; nothing opens until ``openSession()``.
    ///
    /// - Throws: ``SourceError/Kind/connection`` when `location` is a Postgres location.
    public init(
        location: SourceLocation,
        secrets: SecretResolver = SecretResolver(),
        types: TypeResolver = .sqlite
    ) throws(SourceError) {
        guard location.engine != .postgres else {
            throw SourceError(
                .connection,
                "\(location) is a Postgres location, not a SQLite one",
                hint: "open it with PostgresSource"
            )
        }
        self.location = location
        self.secrets = secrets
        self.types = types
    }

    /// Opens the file read-only.
    public func openSession() throws(SourceError) -> SQLiteSession {
        let resolved = try location.resolvingLocation(with: secrets)
        guard let path = resolved.sqlitePath else {
            throw SourceError(
                .connection,
                "\(location) does not hold a SQLite location",
                hint: "use PostgresSource for Postgres"
            )
        }
        return SQLiteSession(connection: try SQLiteConnection(path: path), types: types)
    }
}

/// Where one side's data lives, with secrets by reference only.
public struct ConnectionEndpoint: ContractModel {
    /// `postgres://` or `postgresql://` URL, `sqlite:///path`, a libpq conninfo, or a secret
    /// reference (`env://`, `file://`, `vault://path#key`) holding one of these.
    public var url: String
    /// The password, as a secret reference.
    public var password: String?
    /// The schema searched for unqualified table names.
    public var schema: String?

    /// Creates an endpoint.
    public init(url: String, password: String? = nil, schema: String? = nil) {
        self.url = url
        self.password = password
        self.schema = schema
    }

    /// The kind of connection `url` describes.
    public var kind: Kind {
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") { return .postgresURL }
        if url.hasPrefix("sqlite://") { return .sqlite }
        if ContractPattern.secretReference.matches(url) { return .secretReference }
        return .conninfo
    }

    /// The kinds of connection strings a job accepts.
    public enum Kind: Sendable, Hashable {
        /// A `postgres://` or `postgresql://` URL.
        case postgresURL
        /// A libpq `key=value` connection string.
        case conninfo
        /// `sqlite:///path`.
        case sqlite
        /// A secret reference that holds the connection string.
        case secretReference
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["url"].check(url, matches: .connection)
        if let password { try path["password"].check(password, matches: .secretReference) }
        if let schema { try path["schema"].checkNotEmpty(schema) }
    }
}

import RowProofSources
import Testing

@Suite struct SourceLocationTests {
    @Test func postgresURLKeepsPasswordOutOfItsDescription() throws {
        let location = try SourceLocation(parsing: "postgresql://app:s3cret@db.example.com:5432/orders?sslmode=require")
        #expect(location.engine == .postgres)
        #expect(location.redacted == "postgresql://app:***@db.example.com:5432/orders?sslmode=require")
        #expect(!"\(location)".contains("s3cret"))
    }

    @Test func passwordQueryParameterIsRedacted() throws {
        let location = try SourceLocation(parsing: "postgres://app@db/orders?password=hunter2&sslmode=disable")
        #expect(location.redacted == "postgres://app:***@db/orders?sslmode=disable")
        #expect(!location.redacted.contains("hunter2"))
    }

    @Test func secretReferenceAsURLPassword() throws {
        let location = try SourceLocation(parsing: "postgres://app:env://PGPW_PROD@db:5432/orders")
        #expect(location.redacted == "postgres://app:***@db:5432/orders")
        let resolver = SecretResolver(environment: ["PGPW_PROD": "from-env"])
        #expect(try resolver.resolve(#require(SecretReference(parsing: "env://PGPW_PROD"))) == "from-env")
    }

    @Test func keywordValueStringRedactsQuotedPassword() throws {
        let location = try SourceLocation(parsing: "host=db port=5432 dbname=app password='it\\'s secret' user=me")
        #expect(location.engine == .postgres)
        #expect(!location.redacted.contains("secret"))
        #expect(location.redacted.contains("password=***"))
        #expect(location.redacted.contains("host='db'"))
    }

    @Test func unterminatedQuoteNamesTheKeyword() {
        let error = #expect(throws: SourceError.self) { try SourceLocation(parsing: "host=db password='abc") }
        #expect(error?.message.contains("\"password\"") == true)
        #expect(error?.message.contains("abc") == false)
    }

    @Test(arguments: [
        ("sqlite:///var/data/app.db", "/var/data/app.db"),
        ("sqlite:relative.db", "relative.db"),
        ("/tmp/x.sqlite", "/tmp/x.sqlite"),
        ("data/y.sqlite3", "data/y.sqlite3"),
    ])
    func sqliteForms(text: String, path: String) throws {
        let location = try SourceLocation(parsing: text)
        #expect(location.engine == .sqlite)
        #expect(location.sqlitePath == path)
    }

    @Test func wholeLocationFromASecret() throws {
        let location = try SourceLocation(parsing: "env://ROWPROOF_SOURCE_URL")
        #expect(location.engine == nil)
        #expect(location.redacted.contains("env://ROWPROOF_SOURCE_URL"))
        let resolved = try location.resolvingLocation(
            with: SecretResolver(environment: ["ROWPROOF_SOURCE_URL": "postgres://u:pw@h/db"])
        )
        #expect(resolved.engine == .postgres)
        #expect(resolved.redacted == "postgres://u:***@h/db")
    }

    @Test func missingEnvironmentSecretNamesTheVariable() {
        let resolver = SecretResolver(environment: [:])
        let error = #expect(throws: SourceError.self) { try resolver.resolve(.environment(name: "NOPE_PW")) }
        #expect(error?.kind == .connection)
        #expect(error?.message.contains("NOPE_PW") == true)
    }

    @Test func unknownTextIsRejectedWithTheAcceptedForms() {
        let error = #expect(throws: SourceError.self) { try SourceLocation(parsing: "mysql-ish thing") }
        #expect(error?.hint?.contains("postgres://") == true)
        #expect(error?.hint?.contains("sqlite:///") == true)
    }

    @Test func vaultReferenceParts() throws {
        let reference = try #require(SecretReference(parsing: "vault://secret/apps/orders/db#password"))
        #expect(reference == .vault(mount: "secret", path: "apps/orders/db", key: "password"))
        #expect(reference.description == "vault://secret/apps/orders/db#password")
        #expect(SecretReference(parsing: "vault://secret#key") == nil)
    }
}

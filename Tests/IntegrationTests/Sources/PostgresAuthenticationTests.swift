import Foundation
import RowProofCore
import RowProofSources
import RowProofTestSupport
import Testing

/// Passwords: a wrong one is a clear connection error; env://, file:// and vault:// references
/// resolve at connect time. The test server trusts local users, so this suite adds one
/// scram-sha-256 line to its pg_hba.conf, for its own role only.
@Suite(.enabled(if: TestEnvironment.postgresURL != nil, "set ROWPROOF_TEST_POSTGRES_URL to run"), .serialized)
struct PostgresAuthenticationTests {
    static let role = "rp_password_user"
    static let password = "c0rrect-h0rse"

    /// A URL for `role` with `password` written in the user info (already escaped as needed).
    static func url(password: String) throws -> String {
        let base = try #require(TestEnvironment.postgresURL)
        return base.replacingOccurrences(of: "://postgres@", with: "://\(role):\(password)@")
    }

    static let setUp: Result<Void, any Error> = Result {
        let admin = try PostgresConnection(conninfo: TestEnvironment.postgresURL ?? "", redactedTarget: "test server")
        try admin.query(
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(role)') THEN CREATE ROLE \(role) LOGIN; END IF; END $$"
        )
        try admin.query("SET password_encryption = 'scram-sha-256'")
        try admin.query("ALTER ROLE \(role) PASSWORD '\(password)'")
        let hbaFile = try admin.query("SHOW hba_file").first?[0] ?? ""
        let current = try String(contentsOfFile: hbaFile, encoding: .utf8)
        let line = "host all \(role) 127.0.0.1/32 scram-sha-256\n"
        if !current.hasPrefix(line) {
            try (line + current).write(toFile: hbaFile, atomically: false, encoding: .utf8)
        }
        try admin.query("SELECT pg_reload_conf()")
        Thread.sleep(forTimeInterval: 0.3)
    }

    @Test(.timeLimit(.minutes(1)))
    func wrongPasswordIsAConnectionErrorThatNeverShowsThePassword() throws {
        try Self.setUp.get()
        let source = try PostgresSource(location: SourceLocation(parsing: Self.url(password: "wr0ng-guess")))
        let error = #expect(throws: SourceError.self) { try source.openSession() }
        #expect(error?.kind == .connection)
        #expect(error?.message.contains("password authentication failed") == true)
        #expect(error?.hint?.contains("password") == true)
        #expect("\(String(describing: error))".contains("wr0ng-guess") == false)
        #expect(
            try PostgresSource(location: SourceLocation(parsing: Self.url(password: Self.password))).openSession()
                .connection.isHealthy
        )
    }

    @Test(.timeLimit(.minutes(1)))
    func environmentAndFileReferencesResolveAtConnectTime() throws {
        try Self.setUp.get()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rp-pw-\(UUID().uuidString)")
        try (Self.password + "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let secrets = SecretResolver(environment: ["RP_TEST_PW": Self.password])
        for reference in ["env://RP_TEST_PW", "file://\(file.path)"] {
            let location = try SourceLocation(parsing: Self.url(password: reference))
            #expect(!location.redacted.contains(Self.password))
            let session = try PostgresSource(location: location, secrets: secrets).openSession()
            #expect(try session.connection.query("SELECT current_user") == [[Self.role]])
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func vaultReferenceReadsKVVersion2() throws {
        try Self.setUp.get()
        let vault = try VaultStub(
            token: "s.test-token",
            secrets: ["secret/apps/orders/db": ["password": Self.password, "user": Self.role]]
        )
        let secrets = SecretResolver(environment: ["VAULT_ADDR": vault.address, "VAULT_TOKEN": "s.test-token"])
        let location = try SourceLocation(parsing: Self.url(password: "vault://secret/apps/orders/db#password"))
        let session = try PostgresSource(location: location, secrets: secrets).openSession()
        #expect(try session.connection.query("SELECT current_user") == [[Self.role]])

        let missingKey = #expect(throws: SourceError.self) {
            try secrets.resolve(.vault(mount: "secret", path: "apps/orders/db", key: "pasword"))
        }
        #expect(missingKey?.hint?.contains("password, user") == true)
        #expect(missingKey?.message.contains(Self.password) == false)

        let badToken = SecretResolver(environment: ["VAULT_ADDR": vault.address, "VAULT_TOKEN": "nope"])
        let denied = #expect(throws: SourceError.self) {
            try badToken.resolve(.vault(mount: "secret", path: "apps/orders/db", key: "password"))
        }
        #expect(denied?.message.contains("403") == true)

        let notFound = #expect(throws: SourceError.self) {
            try secrets.resolve(.vault(mount: "secret", path: "apps/other", key: "password"))
        }
        #expect(notFound?.message.contains("404") == true)
    }
}

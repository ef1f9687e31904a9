import Foundation
import RowProofCore
import RowProofSources
import RowProofTestSupport
import Testing

/// Bad input: each failure is one clear error naming the table or column and what to do.
@Suite(.enabled(if: TestEnvironment.postgresURL != nil, "set ROWPROOF_TEST_POSTGRES_URL to run"))
struct PostgresErrorTests {
    static let database = Result {
        try TestDatabase(
            "errors",
            setup: [
                "CREATE TABLE customer_orders (id int PRIMARY KEY, amount numeric, spot txid_snapshot)",
                "CREATE TABLE audit_lines (line text)",
                "CREATE TABLE secrets (id int PRIMARY KEY, v text)",
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rp_no_grants') THEN CREATE ROLE rp_no_grants LOGIN; END IF; END $$",
            ]
        )
    }

    @Test(.timeLimit(.minutes(1)))
    func unreachableHostIsAConnectionErrorWithTheRedactedLocation() throws {
        let source = try PostgresSource(
            location: SourceLocation(parsing: "postgres://app:topsecret@127.0.0.1:1/db?connect_timeout=2")
        )
        let error = #expect(throws: SourceError.self) { try source.openSession() }
        #expect(error?.kind == .connection)
        #expect(error?.isRetryable == true)
        #expect(error?.message.contains("postgres://app:***@127.0.0.1:1/db") == true)
        #expect("\(String(describing: error))".contains("topsecret") == false)
        #expect(error?.hint?.contains("listens") == true)
    }

    @Test(.timeLimit(.minutes(1)))
    func missingTableListsSimilarNames() throws {
        let session = try Self.database.get().session()
        let error = #expect(throws: SourceError.self) { try session.describe(table: TableName("customer_order")) }
        #expect(error?.kind == .schema)
        #expect(error?.message.contains("customer_order") == true)
        #expect(error?.hint?.contains("public.customer_orders") == true)
    }

    @Test(.timeLimit(.minutes(1)))
    func missingColumnSuggestsTheClosestOne() throws {
        let session = try Self.database.get().session()
        let error = #expect(throws: SourceError.self) {
            try session.scan(
                ScanRequest(
                    table: TableName("customer_orders"),
                    columns: [.init(name: "amout", logicalType: .decimal)],
                    keyColumns: ["id"]
                )
            )
        }
        #expect(error?.kind == .schema)
        #expect(error?.message.contains("\"amout\"") == true)
        #expect(error?.hint?.contains("amount") == true)
    }

    @Test(.timeLimit(.minutes(1)))
    func unsupportedTypeNamesTableColumnTypeAndFix() throws {
        let session = try Self.database.get().session()
        let description = try session.describe(table: TableName("customer_orders"))
        #expect(description.column(named: "spot")?.logicalType == nil)
        #expect(description.column(named: "spot")?.engineType == "txid_snapshot")
        let error = #expect(throws: SourceError.self) {
            try session.scan(
                ScanRequest(
                    table: TableName("customer_orders"),
                    columns: [.init(name: "spot", logicalType: .text)],
                    keyColumns: ["id"]
                )
            )
        }
        #expect(error?.kind == .schema)
        #expect(error?.message.contains("\"spot\"") == true)
        #expect(error?.message.contains("public.customer_orders") == true)
        #expect(error?.message.contains("txid_snapshot") == true)
        #expect(error?.hint?.contains("exclude the column") == true)
        #expect(error?.hint?.contains("view") == true)
    }

    @Test(.timeLimit(.minutes(1)))
    func tableWithoutAKeyNamesBothFixes() throws {
        let session = try Self.database.get().session()
        let error = #expect(throws: SourceError.self) { try session.keyColumns(of: TableName("audit_lines")) }
        #expect(error?.kind == .schema)
        #expect(error?.hint?.contains("primary key") == true)
        #expect(error?.hint?.contains("keyless") == true)
        #expect(try session.keyColumns(of: TableName("customer_orders")) == ["id"])
    }

    @Test(.timeLimit(.minutes(1)))
    func permissionDeniedSaysWhatToGrant() throws {
        let database = try Self.database.get()
        let url = database.url.replacingOccurrences(of: "://postgres@", with: "://rp_no_grants@")
        let session = try PostgresSource(location: SourceLocation(parsing: url)).openSession()
        let error = #expect(throws: SourceError.self) {
            _ = try readAll(
                session.scan(
                    ScanRequest(
                        table: TableName("secrets"),
                        columns: [.init(name: "v", logicalType: .text)],
                        keyColumns: ["id"]
                    )
                )
            )
        }
        #expect(error?.kind == .query)
        #expect(error?.serverCode == "42501")
        #expect(error?.message.contains("secrets") == true)
        #expect(error?.hint?.contains("GRANT SELECT") == true)
    }
}

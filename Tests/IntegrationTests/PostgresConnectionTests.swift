import RowProofSources
import RowProofTestSupport
import Testing

@Suite(.enabled(if: TestEnvironment.postgresURL != nil, "set ROWPROOF_TEST_POSTGRES_URL to run"), .serialized)
struct PostgresConnectionTests {
    @Test(.timeLimit(.minutes(1)))
    func connectsAndRunsAQuery() throws {
        let url = try #require(TestEnvironment.postgresURL)
        let connection = try PostgresConnection(conninfo: url, redactedTarget: "test server")
        #expect(connection.serverVersion >= 150_000)
        let rows = try connection.query("SELECT 1 + 1, $1::text, NULL::int", ["héllo"])
        #expect(rows == [["2", "héllo", nil]])
    }

    @Test(.timeLimit(.minutes(1)))
    func badStatementNamesTheServerMessage() throws {
        let url = try #require(TestEnvironment.postgresURL)
        let connection = try PostgresConnection(conninfo: url, redactedTarget: "test server")
        let error = #expect(throws: SourceError.self) { try connection.query("SELECT * FROM no_such_table_here") }
        #expect(error?.kind == .schema)
        #expect(error?.message.contains("no_such_table_here") == true)
        #expect(connection.isHealthy)
    }

    @Test(.timeLimit(.minutes(1)))
    func unreachableServerIsAClearConnectionError() throws {
        let error = #expect(throws: SourceError.self) {
            try PostgresConnection(
                conninfo: "host=127.0.0.1 port=1 connect_timeout=2",
                redactedTarget: "postgresql://127.0.0.1:1"
            )
        }
        #expect(error?.kind == .connection)
        #expect(error?.message.contains("postgresql://127.0.0.1:1") == true)
        #expect(error?.hint != nil)
    }
}

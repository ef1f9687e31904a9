import Foundation
import RowProofCore
import RowProofSources
import RowProofTestSupport
import Testing

/// A key column that allows NULL (a unique index, no primary key) and holds some: once the
/// table was split into ranges, no range's bounds matched the NULL rows, so they were left out
/// of the comparison without a word and a recon of differing tables passed. Every NULL key must
/// reach a scan, which then fails with NULL_KEY, as a single whole-table scan always did.
@Suite(.enabled(if: TestEnvironment.postgresURL != nil, "set ROWPROOF_TEST_POSTGRES_URL to run"))
struct NullKeyScanTests {
    static let columns: [ScanRequest.Column] = [.init(name: "v", logicalType: .text)]

    /// The scans of every range, each as its rows or the error that stopped it.
    static func scanRanges(_ session: some SourceSession, keys: [String]) throws -> [Result<Int, any Error>] {
        let table = TableName("nullk")
        let ranges = try session.planRanges(table: table, keyColumns: keys, chunkRows: 100)
        #expect(ranges.count > 3)
        return ranges.map { range in
            Result {
                try readAll(session.scan(ScanRequest(table: table, columns: columns, keyColumns: keys, range: range)))
                    .count
            }
        }
    }

    static func expectNullKeyFailure(_ results: [Result<Int, any Error>]) {
        let failures = results.compactMap { result -> String? in
            if case .failure(let error) = result { "\(error)" } else { nil }
        }
        #expect(failures.count == 1)
        #expect(failures.first?.contains("NULL_KEY") == true, "\(failures)")
    }

    @Test(.timeLimit(.minutes(1)), arguments: [["k"], ["k", "j"]])
    func postgresNullKeysFailTheFirstRange(keys: [String]) throws {
        let database = try TestDatabase(
            "nullkey",
            setup: [
                "CREATE TABLE nullk (k int, j int, v text, UNIQUE (k, j))",
                "INSERT INTO nullk SELECT CASE WHEN g % 100 = 0 THEN NULL ELSE g END, g, 'x' FROM generate_series(1, 1000) g",
                "ANALYZE nullk",
            ]
        )
        Self.expectNullKeyFailure(try Self.scanRanges(database.session(), keys: keys))
    }

    @Test(.timeLimit(.minutes(1)))
    func postgresNotNullKeysScanAsBefore() throws {
        let database = try TestDatabase(
            "nullkey_nn",
            setup: [
                "CREATE TABLE nullk (k int PRIMARY KEY, v text)",
                "INSERT INTO nullk SELECT g, 'x' FROM generate_series(1, 1000) g",
                "ANALYZE nullk",
            ]
        )
        let results = try Self.scanRanges(database.session(), keys: ["k"])
        #expect(results.map { (try? $0.get()) ?? -1 }.reduce(0, +) == 1000)
    }

    @Test(.timeLimit(.minutes(1)))
    func sqliteNullKeysFailTheFirstRange() throws {
        let path = try CrossEngineHashTests().makeSQLite([
            "CREATE TABLE nullk (k INTEGER UNIQUE, v TEXT)",
            "WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 1000) "
                + "INSERT INTO nullk SELECT CASE WHEN x % 100 = 0 THEN NULL ELSE x END, 'x' FROM g",
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let session = try SQLiteSource(location: SourceLocation(parsing: path)).openSession()
        Self.expectNullKeyFailure(try Self.scanRanges(session, keys: ["k"]))
    }
}

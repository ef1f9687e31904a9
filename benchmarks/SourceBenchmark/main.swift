// Reads, decodes, canonicalizes and hashes a 10M-row Postgres table through RowProof's COPY
// BINARY reader, and times `psql \copy … (FORMAT binary)` of the same query in the same run.
//
// Environment: ROWPROOF_BENCH_POSTGRES_URL (else ROWPROOF_TEST_POSTGRES_URL, else libpq's PG*
// variables), ROWPROOF_BENCH_ROWS (default 10000000), ROWPROOF_BENCH_RUNS (default 2).
// Run through benchmarks/source.sh, which builds in release mode and can start a private server.
import Foundation
import RowProofCore
import RowProofSources

let environment = ProcessInfo.processInfo.environment
let url = environment["ROWPROOF_BENCH_POSTGRES_URL"] ?? environment["ROWPROOF_TEST_POSTGRES_URL"] ?? ""
let rows = Int(environment["ROWPROOF_BENCH_ROWS"] ?? "") ?? 10_000_000
let runs = max(1, Int(environment["ROWPROOF_BENCH_RUNS"] ?? "") ?? 2)
let table = "rowproof_bench_orders_\(rows)"
let columns = ["id", "customer_id", "amount", "status", "created_at", "note", "qty", "price"]
let query = "SELECT \(columns.joined(separator: ", ")) FROM \(table) ORDER BY id"

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("SourceBenchmark: \(message)\n".utf8))
    exit(2)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

// 1. The table, created once and reused by later runs.
do {
    let admin = try PostgresConnection(conninfo: url, redactedTarget: "benchmark server")
    let exists = try admin.query("SELECT count(*) FROM pg_class WHERE relname = $1", [table]).first?[0] == "1"
    if !exists {
        print("creating \(table) with \(rows) rows (8 columns) …")
        let clock = ContinuousClock()
        let start = clock.now
        try admin.query(
            """
            CREATE TABLE \(table) (id bigint NOT NULL, customer_id int, amount numeric(12,2), status text,
                                   created_at timestamptz, note text, qty int, price double precision)
            """)
        try admin.query(
            """
            INSERT INTO \(table)
            SELECT g, (g * 7919) % 100000, ((g * 31) % 10000000) / 100.0,
                   (ARRAY['new', 'paid', 'shipped', 'cancelled', 'refunded'])[1 + g % 5],
                   timestamptz '2024-01-01 00:00:00+00' + g * interval '1 second',
                   CASE WHEN g % 10 = 0 THEN NULL ELSE 'order note ' || g END,
                   (g % 50)::int, (g % 1000) * 1.25
            FROM generate_series(1::bigint, \(rows)::bigint) AS g
            """)
        try admin.query("ALTER TABLE \(table) ADD PRIMARY KEY (id)")
        try admin.query("VACUUM ANALYZE \(table)")
        print(String(format: "created in %.1f s", seconds(clock.now - start)))
    }
} catch {
    fail("cannot prepare the table: \(error)")
}

// 2. psql's binary \copy of the same query, to /dev/null.
func timePsql() -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    var arguments = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1"]
    if !url.isEmpty { arguments += ["-d", url] }
    arguments += ["-c", "\\copy (\(query)) TO '/dev/null' WITH (FORMAT binary)"]
    process.arguments = arguments
    let clock = ContinuousClock()
    let start = clock.now
    do { try process.run() } catch { fail("cannot run psql: \(error)") }
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { fail("psql exited with \(process.terminationStatus)") }
    return seconds(clock.now - start)
}

// 3. RowProof: COPY BINARY → decode → canonical row bytes → XXH64 → CanonicalRow, one connection.
func timeRowProof() -> (Double, Int, UInt64) {
    do {
        let clock = ContinuousClock()
        let start = clock.now
        let source = try PostgresSource(location: SourceLocation(parsing: url.isEmpty ? "host=\(environment["PGHOST"] ?? "localhost")" : url))
        let session = try source.openSession()
        let description = try session.describe(table: TableName(table))
        let plan = try columns.map { name -> ScanRequest.Column in
            guard let type = description.column(named: name)?.logicalType else { throw SourceError(.schema, "no column \(name)") }
            return ScanRequest.Column(name: name, logicalType: type)
        }
        var stream = try session.scan(ScanRequest(table: TableName(table), columns: plan, keyColumns: ["id"]))
        var count = 0
        var checksum: UInt64 = 0
        while let row = try stream.next() {
            count += 1
            checksum &+= row.hash
        }
        return (seconds(clock.now - start), count, checksum)
    } catch {
        fail("RowProof scan failed: \(error)")
    }
}

var psqlBest = Double.infinity
var rowProofBest = Double.infinity
var scanned = 0
var checksum: UInt64 = 0
for run in 1...runs {
    let psql = timePsql()
    let (rowProof, count, sum) = timeRowProof()
    scanned = count
    checksum = sum
    psqlBest = min(psqlBest, psql)
    rowProofBest = min(rowProofBest, rowProof)
    print(String(format: "run %d: psql \\copy binary %.2f s, RowProof read+decode+canonicalize+hash %.2f s", run, psql, rowProof))
}
guard scanned == rows else { fail("RowProof read \(scanned) rows, expected \(rows)") }
let psqlRate = Double(rows) / psqlBest
let rowProofRate = Double(rows) / rowProofBest
print(String(format: "psql \\copy (FORMAT binary) to /dev/null: %.0f rows/s (best of %d, %.2f s)", psqlRate, runs, psqlBest))
print(String(format: "RowProof COPY BINARY → canonical rows + XXH64: %.0f rows/s (best of %d, %.2f s)", rowProofRate, runs, rowProofBest))
print(String(format: "ratio RowProof / psql: %.2f (goal >= 0.80)  [rows %d, hash sum %016llx]", rowProofRate / psqlRate, rows, checksum))

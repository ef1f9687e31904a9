import Foundation
import RowProofContracts
import RowProofTestSupport
import Testing

/// Whole recons of values at the edges of their types: they must give the right counts and a
/// valid report, never exit 2.
@Suite(.enabled(if: TestEnvironment.postgresURL != nil, "set ROWPROOF_TEST_POSTGRES_URL to run"), .serialized)
struct EdgeValueReconTests {
    static func job(_ name: String, _ source: TestDatabase, _ target: TestDatabase, table: String) -> ReconJob {
        ReconJob(
            name: name,
            source: ConnectionEndpoint(url: source.url),
            target: ConnectionEndpoint(url: target.url),
            tables: [TableSelection(source: table)],
            chunking: ChunkingOptions(chunkRows: 40)
        )
    }

    /// Reconciles `table` (in schema public) between a database built by `setup` and one built by
    /// `setup` and then `targetChanges`, with one worker and chunks of 40 rows.
    static func reconcile(
        _ name: String,
        table: String,
        setup: [String],
        targetChanges: [String]
    ) async throws
        -> ReconReport
    {
        let prefix = name.replacingOccurrences(of: "-", with: "_")
        let source = try TestDatabase("\(prefix)_src", setup: setup)
        let target = try TestDatabase("\(prefix)_dst", setup: setup + targetChanges)
        return try await EngineFixture.run(
            job(name, source, target, table: "public.\(table)"),
            workers: 1,
            output: EngineFixture.temporaryFolder(name)
        )
    }

    /// Checks that `report` split its one table into more than five chunks and found exactly
    /// `matched`, `changed` and `missing` rows (so exit code 1); returns the table.
    static func expectChunked(_ report: ReconReport, matched: Int, changed: Int, missing: Int) throws -> TableReport {
        let table = try #require(report.tables.first)
        #expect(table.chunks.count > 5)
        #expect(table.counts.matched == matched)
        #expect(table.counts.changed == changed)
        #expect(table.counts.missing == missing)
        #expect(report.exitCode == 1)
        return table
    }

    /// NaN, infinities and sums too large or too small for a plain `Double` description used to
    /// put `nan`, `inf` or `1e+16` into the report's `sum`, which the report schema refuses.
    @Test(.timeLimit(.minutes(2)))
    func floatAndNumericColumnsWithNaNAndInfinityGiveAValidReport() async throws {
        let setup = [
            "CREATE TABLE measures (id int PRIMARY KEY, f8 float8, f4 real, n numeric, big float8, tiny float8)",
            """
            INSERT INTO measures VALUES
                (1, 'NaN', 'Infinity', 'NaN', 1e300, 1e-300), (2, 'Infinity', '-Infinity', 'Infinity', 1e300, 2e-300),
                (3, '-Infinity', 1.5, '-Infinity', 1e16, 0.00001), (4, -0.0, -0.0, 1.50, NULL, NULL)
            """,
        ]
        let source = try TestDatabase("edge_f_src", setup: setup)
        let target = try TestDatabase("edge_f_dst", setup: setup)
        let report = try await EngineFixture.run(
            Self.job("edge-floats", source, target, table: "public.measures"),
            workers: 1,
            output: EngineFixture.temporaryFolder("edge-floats")
        )
        #expect(report.exitCode == 0)
        let table = try #require(report.tables.first)
        #expect(table.counts.matched == 4)
        let sums = Dictionary(uniqueKeysWithValues: table.aggregates.source.map { ($0.column, $0.sum) })
        #expect(sums["f8"] == .some(nil) && sums["f4"] == .some(nil) && sums["n"] == .some(nil))
        #expect(sums["big"] == "2" + String(repeating: "0", count: 300))
        #expect(sums["tiny"] == "0.00001")
        #expect(sums["id"] == "10")
    }

    /// Dates and timestamps before year 1 as chunk bounds used to be written in ISO 8601's
    /// astronomical years (`-0090-09-23`), which Postgres refuses: every such chunk failed.
    @Test(.timeLimit(.minutes(2)), arguments: ["date", "timestamp", "timestamptz"])
    func keysBeforeYearOneBoundChunks(type: String) async throws {
        let setup = [
            "CREATE TABLE history (k \(type) PRIMARY KEY, v int NOT NULL)",
            "INSERT INTO history SELECT \(type) '0200-01-01 BC' + g * interval '97 days', g FROM generate_series(1, 400) g",
        ]
        let report = try await Self.reconcile(
            "edge-bc-\(type)",
            table: "history",
            setup: setup,
            targetChanges: ["UPDATE history SET v = -v WHERE v IN (7, 333)", "DELETE FROM history WHERE v = 100"]
        )
        _ = try Self.expectChunked(report, matched: 397, changed: 2, missing: 1)
    }

    /// Postgres orders `timetz` by UTC time without reducing it modulo a day (`23:00-05` after
    /// `05:00+00`), while its key is the UTC time of day (`04:00`): the streams came out of key
    /// order (the job failed) and bounds like `-05:-53:-30` were refused.
    @Test(.timeLimit(.minutes(2)))
    func zonedTimeKeysAreOrderedAndBoundedByTheirUTCTimeOfDay() async throws {
        let setup = [
            "CREATE TABLE shifts (k timetz PRIMARY KEY, v int NOT NULL)",
            """
            INSERT INTO shifts SELECT (time '00:00' + g * interval '41 sec')::timetz AT TIME ZONE ((g % 27 - 13) || ':00')::interval, g
            FROM generate_series(1, 2000) g
            """,
        ]
        let report = try await Self.reconcile(
            "edge-timetz",
            table: "shifts",
            setup: setup,
            targetChanges: ["UPDATE shifts SET v = -v WHERE v IN (5, 1500)", "DELETE FROM shifts WHERE v = 999"]
        )
        _ = try Self.expectChunked(report, matched: 1997, changed: 2, missing: 1)
    }

    /// Ranges, geometric types, bit strings, text search and network addresses (and arrays of
    /// them) are compared as Postgres's text output: equal values written differently on each
    /// side match, and the seeded changes are found, each in its own column.
    @Test(.timeLimit(.minutes(2)))
    func typesWithoutABinaryFormOfTheirOwnCompareAsTheirTextOutput() async throws {
        let setup = [
            """
            CREATE TABLE shapes (ip inet PRIMARY KEY, r int4range, tr tstzrange, p point, b box, vb varbit,
                                 tv tsvector, nets cidr[], n int NOT NULL)
            """,
            """
            INSERT INTO shapes SELECT ('10.1.' || (g / 250) || '.' || (g % 250))::inet, int4range(g, g + 10),
                tstzrange('2024-01-01 00:00+00'::timestamptz + g * interval '1 hour', NULL), point(g, g / 4.0),
                box(point(0, 0), point(g, 1)), (g % 16)::bit(4)::varbit, 'fat cat sat'::tsvector,
                ARRAY[('192.168.' || (g % 250) || '.0/24')::cidr], g
            FROM generate_series(1, 600) g
            """,
        ]
        let report = try await Self.reconcile(
            "edge-text-output",
            table: "shapes",
            setup: setup,
            targetChanges: [
                // Equal values, written differently: the text output is the same.
                "UPDATE shapes SET r = '[1,10]'::int4range WHERE n = 1",
                "UPDATE shapes SET r = '[1,11)'::int4range WHERE n = 1",
                "UPDATE shapes SET tv = 'sat cat fat fat'::tsvector WHERE n = 2",
                "SET TimeZone = 'America/New_York'",
                "UPDATE shapes SET tr = tstzrange('2023-12-31 22:00-05', NULL) WHERE n = 3",
                // Real changes, one column each.
                "UPDATE shapes SET r = int4range(1, 2) WHERE n = 10",
                "UPDATE shapes SET p = point(0, 0) WHERE n = 20",
                "UPDATE shapes SET vb = B'11111' WHERE n = 30",
                "UPDATE shapes SET nets = ARRAY['10.0.0.0/8'::cidr] WHERE n = 40",
                "DELETE FROM shapes WHERE n = 500",
            ]
        )
        let table = try Self.expectChunked(report, matched: 595, changed: 4, missing: 1)
        let changedColumns = table.differences.filter { $0.kind == .changed }.flatMap(\.columns).sorted()
        #expect(changedColumns == ["nets", "p", "r", "vb"])
    }

    /// A row filter holds across chunk boundaries on Postgres: only the rows it selects are read
    /// on either side, in every chunk, and differences outside it are not seen.
    @Test(.timeLimit(.minutes(2)))
    func aRowFilterIsAppliedToEveryChunkOfBothSides() async throws {
        let setup = [
            "CREATE TABLE events (id int PRIMARY KEY, kind text NOT NULL, v int NOT NULL)",
            "INSERT INTO events SELECT g, CASE WHEN g % 3 = 0 THEN 'test' ELSE 'real' END, g FROM generate_series(1, 900) g",
        ]
        let source = try TestDatabase("edge_where_src", setup: setup)
        let target = try TestDatabase(
            "edge_where_dst",
            setup: setup + [
                "UPDATE events SET v = -1 WHERE id IN (3, 300, 301)",  // 3 and 300 are test rows
                "DELETE FROM events WHERE id IN (600, 602)",  // 600 is a test row
            ]
        )
        var job = Self.job("edge-where", source, target, table: "public.events")
        job.tables[0].where = "kind <> 'test'"
        let report = try await EngineFixture.run(job, workers: 2, output: EngineFixture.temporaryFolder("edge-where"))
        let table = try #require(report.tables.first)
        #expect(table.chunks.count > 5)
        #expect(table.rowFilter == "kind <> 'test'")
        #expect(table.counts.rowsSource == 600 && table.counts.rowsTarget == 599)
        #expect(table.counts.changed == 1 && table.counts.missing == 1 && table.counts.extra == 0)
        #expect(report.exitCode == 1)
    }
}

import Foundation
import RowProofContracts
import RowProofTestSupport
import Testing

/// What the column plan leaves out is stated, never silently passed.
@Suite(.enabled(if: TestEnvironment.postgresURL != nil, "set ROWPROOF_TEST_POSTGRES_URL to run"))
struct ColumnPlanReconTests {
    /// A column only the target has cannot be compared; a pass must say so in every report form.
    @Test(.timeLimit(.minutes(2)))
    func targetOnlyColumnsAreNamedInTheReports() async throws {
        let rows = "INSERT INTO accounts SELECT g, 'a' || g FROM generate_series(1, 120) g"
        let source = try TestDatabase(
            "plan_src",
            setup: ["CREATE TABLE accounts (id int PRIMARY KEY, name text)", rows]
        )
        let target = try TestDatabase(
            "plan_dst",
            setup: [
                "CREATE TABLE accounts (id int PRIMARY KEY, name text, \"Loaded At\" timestamptz DEFAULT now(), batch int)",
                rows,
            ]
        )
        let output = EngineFixture.temporaryFolder("target-only")
        let job = ReconJob(
            name: "target-only",
            source: ConnectionEndpoint(url: source.url),
            target: ConnectionEndpoint(url: target.url),
            tables: [TableSelection(source: "public.accounts")]
        )
        let report = try await EngineFixture.run(job, workers: 1, output: output)
        #expect(report.exitCode == 0)
        let table = try #require(report.tables.first)
        #expect(table.counts.matched == 120)
        #expect(table.targetOnlyColumns == ["Loaded At", "batch"])

        let markdown = try String(contentsOf: output.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("not compared (only in the target): `Loaded At`, `batch`"))
        let html = try String(contentsOf: output.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("Not compared (only in the target): <code>Loaded At</code>, <code>batch</code>"))
        let json = try Data(contentsOf: output.appendingPathComponent("report.json"))
        let decoded = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        let tables = decoded?["tables"] as? [[String: Any]]
        #expect(tables?.first?["target_only_columns"] as? [String] == ["Loaded At", "batch"])

        // With the same columns on both sides the field is left out.
        let same = try await EngineFixture.run(
            ReconJob(
                name: "same-columns",
                source: ConnectionEndpoint(url: source.url),
                target: ConnectionEndpoint(url: source.url),
                tables: [TableSelection(source: "public.accounts")]
            ),
            workers: 1,
            output: EngineFixture.temporaryFolder("same-columns")
        )
        #expect(same.tables.first?.targetOnlyColumns == nil)
    }
}

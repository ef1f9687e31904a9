import Foundation
import RowProofContracts
import RowProofServer
import RowProofTestSupport
import Testing

@Suite struct JUnitReportTests {
    static func report(_ name: String) throws -> ReconReport {
        try ContractDecoder().decode(
            ReconReport.self,
            contentsOf: TestEnvironment.repositoryRoot.appendingPathComponent("schemas/examples/recon_report/\(name)")
        )
    }

    @Test(arguments: ["valid-orders-fail.json", "valid-aggregate-pass.json", "valid-live-migration-recheck.json"])
    func oneCasePerTableWithTheVerdictAndCounts(_ name: String) throws {
        let report = try Self.report(name)
        let parsed = try JUnitParser.parse(Data(JUnitReport.render(report).utf8))
        #expect(parsed.cases.count == report.tables.count)
        #expect(parsed.suiteAttributes["failures"] == "\(report.tables.filter { $0.verdict == .fail }.count)")
        for (table, testCase) in zip(report.tables, parsed.cases) {
            #expect(testCase.name.contains(table.sourceTable))
            if table.verdict == .fail {
                let message = try #require(testCase.failure)
                #expect(message.hasPrefix("FAIL"))
                #expect(message.contains("\(table.counts.changed) changed"))
                #expect(message.contains("\(table.counts.missing) missing"))
                #expect(message.contains("\(table.counts.extra) extra"))
            } else {
                #expect(testCase.failure == nil)
            }
        }
    }

    @Test func markupInNamesIsEscaped() throws {
        var report = try Self.report("valid-orders-fail.json")
        report.tables[0].sourceTable = #"odd<"&'>name"#
        report.job.name = "job & <co>"
        let parsed = try JUnitParser.parse(Data(JUnitReport.render(report).utf8))
        #expect(parsed.cases.first?.name.hasPrefix(#"odd<"&'>name"#) == true)
        #expect(parsed.suiteAttributes["name"] == "job & <co>")
    }

    @Test func aJobWithoutReportIsOneErroredCase() throws {
        let parsed = try JUnitParser.parse(
            Data(JUnitReport.render(jobName: "nightly", reason: "cannot open <source>").utf8)
        )
        #expect(parsed.cases == [JUnitParser.Case(name: "job", failure: nil, error: "cannot open <source>")])
    }

    @Test func theStepSummaryHasOneRowPerTable() throws {
        let report = try Self.report("valid-orders-fail.json")
        let summary = StepSummary.render(report, jobID: "job-1")
        let rows = summary.split(separator: "\n").filter { $0.hasPrefix("| `") }
        #expect(rows.count == report.tables.count)
        #expect(summary.contains("FAIL"))
    }
}

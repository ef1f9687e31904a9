import Foundation
import RowProofAgents
import RowProofContracts
import Testing

/// One root cause planted per case in a SQLite target, compared by the real `rowproof recon`;
/// the explanation's top hypothesis must name the planted cause, on the planted column, with
/// the planted rows, and the output must pass the agent output schema.
@Suite(.timeLimit(.minutes(2)))
struct DiffExplanationReconTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var pattern: DiffPattern
        var column: String?
        var plantedKeys: Set<Int>
        var plant: @Sendable (inout [ReconFixture.Row]) -> Void
        var testDescription: String { name }
    }

    static let everyFifth = Set((1...ReconFixture.rowCount).filter { $0 % 5 == 2 })

    static let cases: [Case] = [
        Case(
            name: "time zone shift",
            pattern: .timeZoneShift,
            column: "created_at",
            plantedKeys: everyFifth
        ) { rows in
            for index in rows.indices where everyFifth.contains(rows[index].id) {
                rows[index].createdAt = rows[index].createdAt.replacingOccurrences(of: " 08:", with: " 09:")
            }
        },
        Case(name: "precision loss", pattern: .precisionLoss, column: "amount", plantedKeys: everyFifth) { rows in
            for index in rows.indices where everyFifth.contains(rows[index].id) {
                rows[index].amount.removeLast(2)
            }
        },
        Case(
            name: "NULL against empty string",
            pattern: .nullSemantics,
            column: "note",
            plantedKeys: Set((1...ReconFixture.rowCount).filter { $0 % 7 == 0 })
        ) { rows in
            for index in rows.indices where rows[index].note == "" { rows[index].note = nil }
        },
        Case(name: "trailing blanks", pattern: .charPadding, column: "code", plantedKeys: everyFifth) {
            rows in
            for index in rows.indices where everyFifth.contains(rows[index].id) {
                rows[index].code += "   "
            }
        },
        Case(name: "case only", pattern: .caseOnly, column: "code", plantedKeys: everyFifth) { rows in
            for index in rows.indices where everyFifth.contains(rows[index].id) {
                rows[index].code = rows[index].code.uppercased()
            }
        },
        Case(name: "truncated load", pattern: .truncatedLoad, column: nil, plantedKeys: Set(201...260)) { rows in
            rows.removeAll { (201...260).contains($0.id) }
        },
    ]

    @Test(arguments: cases)
    func topHypothesisNamesThePlantedCause(_ planted: Case) throws {
        let data = try ReconFixture.report(named: planted.pattern.rawValue, plant: planted.plant)
        let (explanation, builder) = try DiffExplanationAgent().run(
            reportData: data,
            name: "report.json",
            run: AgentRun(agent: .diffExplanation, runID: "test-explain")
        )

        let top = try #require(explanation.top)
        #expect(
            top.pattern == planted.pattern,
            "ranking: \(explanation.hypotheses.map { "\($0.pattern) \($0.score)" })"
        )
        #expect(top.column == planted.column)
        #expect(top.table == "main.items")
        let keys = Set(top.keys.compactMap { Int($0.split(separator: "=").last ?? "") })
        #expect(keys == planted.plantedKeys)
        #expect(top.estimatedRows == planted.plantedKeys.count)
        #expect(top.coverage == 1)
        #expect(top.consistency == 1)
        #expect(explanation.hypotheses.count >= 3)
        #expect(explanation.hypotheses.dropFirst().allSatisfy { $0.score < top.score })
        #expect(!top.fix.action.isEmpty)

        let output = builder.output()
        #expect(output.claims.count == explanation.hypotheses.count)
        #expect(output.claims.first?.id == "h1-\(planted.pattern.rawValue)")
        #expect(output.claims.allSatisfy { $0.evidence.contains { $0.kind == .rows } })
        #expect(output.inputs.first?.kind == .report)
        let folder = try AgentSchemaCheck.writeAndValidate(builder)
        let markdown = try String(
            contentsOf: folder.appendingPathComponent("explanation.md"),
            encoding: .utf8
        )
        #expect(markdown.contains("## 1. \(planted.pattern.title)"))
    }

    @Test func truncatedLoadProposesTheRangeToReload() throws {
        let data = try ReconFixture.report(named: "range") { rows in
            rows.removeAll { (201...260).contains($0.id) }
        }
        let (explanation, _) = try DiffExplanationAgent().run(
            reportData: data,
            name: "report.json",
            run: AgentRun(agent: .diffExplanation, runID: "test-range")
        )
        let top = try #require(explanation.top)
        #expect(top.fix.kind == .reload)
        #expect(top.fix.snippet?.contains("id BETWEEN 201 AND 260") == true)
        #expect(top.notes.contains { $0.contains("source rows") })
    }
}

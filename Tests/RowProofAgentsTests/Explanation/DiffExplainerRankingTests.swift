import RowProofAgents
import RowProofContracts
import Testing

/// Ranking on hand-built reports: causes recon itself never reports with the default rulebook
/// (NFC against NFD is normalized away), mixtures of causes, and inconsistent offsets.
@Suite struct DiffExplainerRankingTests {
    @Test func unicodeNormalizationIsRecognized() throws {
        let composed = "caf\u{E9}"
        let decomposed = "cafe\u{301}"
        let report = ReportBuilder.report(
            changed: (1...8).map { id in
                ReportBuilder.changed(
                    id: id,
                    column: "name",
                    source: "'\(composed) \(id)'",
                    target: "'\(decomposed) \(id)'"
                )
            }
        )
        let top = try #require(DiffExplainer().explain(report).top)
        #expect(top.pattern == .unicodeNormalization)
        #expect(top.column == "name")
        #expect(top.keys.count == 8)
    }

    @Test func theCauseExplainingMoreRowsRanksFirst() throws {
        var changed = (1...30).map { id in
            ReportBuilder.changed(id: id, column: "note", source: "''", target: "NULL")
        }
        changed += (31...40).map { id in
            ReportBuilder.changed(
                id: id,
                column: "created_at",
                source: "2024-01-01T10:00:00Z",
                target: "2024-01-01T12:00:00Z"
            )
        }
        let explanation = DiffExplainer().explain(ReportBuilder.report(changed: changed))
        let patterns = explanation.hypotheses.map(\.pattern)
        #expect(patterns.prefix(2) == [.nullSemantics, .timeZoneShift])
        #expect(explanation.hypotheses[0].coverage == 0.75)
        #expect(explanation.hypotheses[1].coverage == 0.25)
        // Explaining away: once both patterns account for every row, the generic causes keep no credit.
        let generic = explanation.hypotheses.filter {
            $0.pattern == .sourceChangedDuringCopy || $0.pattern == .columnTransform
        }
        #expect(generic.count == 3)
        #expect(generic.allSatisfy { $0.score == 0 && !$0.keys.isEmpty })
    }

    @Test func inconsistentOffsetsLowerTheTimeShiftsScore() throws {
        let consistent = (1...10).map { id in
            ReportBuilder.changed(
                id: id,
                column: "ts",
                source: "2024-01-01T10:00:00Z",
                target: "2024-01-01T11:00:00Z"
            )
        }
        let mixed = (1...10).map { id in
            ReportBuilder.changed(
                id: id,
                column: "ts",
                source: "2024-01-01T10:00:00Z",
                target: id <= 6 ? "2024-01-01T11:00:00Z" : "2024-01-01T10:07:13Z"
            )
        }
        let clean = try #require(DiffExplainer().explain(ReportBuilder.report(changed: consistent)).top)
        let noisy = try #require(
            DiffExplainer().explain(ReportBuilder.report(changed: mixed)).hypotheses.first {
                $0.pattern == .timeZoneShift
            }
        )
        #expect(clean.consistency == 1)
        #expect(noisy.consistency == 0.6)
        #expect(noisy.score < clean.score)
        #expect(noisy.keys.count == 6)
    }

    @Test func unrelatedValueChangesFallBackToTheColumnTransform() throws {
        let report = ReportBuilder.report(
            changed: (1...5).map { id in
                ReportBuilder.changed(id: id, column: "amount", source: "\(id).00", target: "\(id + 1).00")
            }
        )
        let explanation = DiffExplainer().explain(report)
        #expect(explanation.top?.pattern == .columnTransform)
        #expect(explanation.hypotheses.map(\.pattern).contains(.sourceChangedDuringCopy))
        #expect(!explanation.hypotheses.map(\.pattern).contains(.precisionLoss))
    }

    @Test func scatteredMissingRowsAreRejectedRowsNotATruncatedLoad() throws {
        let report = ReportBuilder.report(changed: [], missing: [5, 90, 177, 260])
        let explanation = DiffExplainer().explain(report)
        #expect(explanation.top?.pattern == .rejectedRows)
        #expect(!explanation.hypotheses.map(\.pattern).contains(.truncatedLoad))
    }
}

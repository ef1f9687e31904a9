public import Foundation
import RowProofContracts

/// The diff explanation agent: reads a reconciliation report, ranks the hypotheses and writes
/// `diff_explanation.json` (the agent output, one claim per hypothesis) and `explanation.md`.
public struct DiffExplanationAgent: Sendable {
    /// How many hypotheses the output keeps (at least 3 whenever the report has differences).
    public var maximumHypotheses: Int

    /// Creates the agent.
    public init(maximumHypotheses: Int = 10) {
        self.maximumHypotheses = max(3, maximumHypotheses)
    }

    /// Decodes the report in `data` (named `name` in the output) and explains it.
    ///
    /// - Throws: ``AgentError/Code/input`` when the report is not a valid recon report.
    public func run(
        reportData data: Data,
        name: String,
        run: AgentRun
    ) throws(AgentError) -> (
        DiffExplanation, AgentOutputBuilder
    ) {
        let report: ReconReport
        do {
            report = try ContractDecoder().decode(ReconReport.self, from: data, fileName: name)
        } catch {
            throw AgentError(.input, "\(name) is not a reconciliation report this build reads: \(error)")
        }
        var explanation = DiffExplainer().explain(report)
        explanation.hypotheses = Array(explanation.hypotheses.prefix(maximumHypotheses))
        var builder = AgentOutputBuilder(run: run)
        builder.read(name, kind: .report, bytes: data)
        for warning in explanation.warnings { builder.warn(warning) }
        if explanation.differingRows == 0 {
            builder.claim(
                AgentClaim(
                    id: "no-differences",
                    statement: "The report shows no differing rows; there is nothing to explain.",
                    confidence: 1,
                    evidence: [
                        .metric("totals", shows: "changed 0, missing 0, extra 0, duplicate keys 0"),
                        .file(name),
                    ]
                )
            )
        }
        for (index, hypothesis) in explanation.hypotheses.enumerated() {
            builder.claim(hypothesis.claim(rank: index + 1, reportName: name))
        }
        builder.write(text: explanation.markdown(reportName: name), to: "explanation.md")
        return (explanation, builder)
    }
}

extension DiffHypothesis {
    /// The hypothesis as a claim citing its rows, its measures and the report.
    func claim(rank: Int, reportName: String) -> AgentClaim {
        let id = "h\(rank)-\(pattern.rawValue)"
        let statement =
            "#\(rank) \(pattern.title) in \(location): \(finding). Explains about \(estimatedRows) differing rows "
            + "(\(Self.percent(coverage)) of all); fix: \(fix.action)"
        var evidence: [ClaimEvidence] = [
            .rows(
                keys,
                total: keys.count,
                shows: "sampled rows this hypothesis explains (\(Self.number(explainedSampleRows)) rows; "
                    + "\(Self.number(contradictingSampleRows)) comparable rows contradict it)"
            ),
            .metric("coverage", shows: Self.percent(coverage) + " of the report's differing rows"),
            .metric("consistency", shows: Self.percent(consistency) + " of comparable differences fit"),
            .metric("specificity", shows: "\(pattern.specificity) for \(pattern.rawValue)"),
            .file(reportName, shows: "table \(table)"),
        ]
        if let snippet = fix.snippet { evidence.append(.rule(fix.kind.rawValue, shows: snippet)) }
        for note in notes { evidence.append(.metric("note", shows: note)) }
        return AgentClaim(
            id: String(id.prefix(64)),
            statement: statement,
            confidence: min(1, max(0, score)),
            evidence: evidence
        )
    }

    static func percent(_ value: Double) -> String {
        "\(Int((value * 100).rounded()))%"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }
}

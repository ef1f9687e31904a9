import Foundation

extension DiffExplanation {
    /// The explanation for people: hypotheses ranked, the rows behind each, the fix.
    public func markdown(reportName: String) -> String {
        var lines = [
            "# Why the data differs: \(job)", "",
            "Report: `\(reportName)`. Differing rows: \(differingRows).", "",
            "Hypotheses are ranked by coverage (share of differing rows explained) × consistency (share of "
                + "comparable differences that fit) × specificity (how much the pattern predicts).", "",
        ]
        if hypotheses.isEmpty { lines.append("No differences to explain.") }
        for (index, hypothesis) in hypotheses.enumerated() {
            lines.append("## \(index + 1). \(hypothesis.pattern.title) — \(hypothesis.location)")
            lines.append("")
            lines.append("- Finding: \(hypothesis.finding)")
            lines.append(
                "- Score \(String(format: "%.3f", hypothesis.score)): coverage \(DiffHypothesis.percent(hypothesis.coverage)), "
                    + "consistency \(DiffHypothesis.percent(hypothesis.consistency)), specificity \(hypothesis.pattern.specificity); "
                    + "about \(hypothesis.estimatedRows) rows"
            )
            lines.append(
                "- Rows: " + hypothesis.keys.prefix(10).map { "`\($0)`" }.joined(separator: ", ")
                    + (hypothesis.keys.count > 10 ? " … (\(hypothesis.keys.count) sampled)" : "")
            )
            for note in hypothesis.notes { lines.append("- Note: \(note)") }
            lines.append("- Fix (\(hypothesis.fix.kind.rawValue)): \(hypothesis.fix.action)")
            if let snippet = hypothesis.fix.snippet { lines += ["", "```", snippet, "```"] }
            lines.append("")
        }
        if !warnings.isEmpty {
            lines.append("## Warnings")
            lines.append("")
            lines += warnings.map { "- \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

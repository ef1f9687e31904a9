import ArgumentParser
import Foundation
import RowProofAgents
import RowProofContracts

extension RowProofCommand {
    struct ExplainCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract:
                "Explain a reconciliation report's differences: ranked root-cause hypotheses with rows and fixes.",
            discussion: """
                Reads a report written by `rowproof recon` and looks for known causes in its sample of differing \
                rows: a constant time offset (time zone shift), numbers differing by less than 10^-scale \
                (precision loss), NULL against '' (null semantics), trailing blanks (CHAR padding), case-only \
                changes (collation), NFC against NFD (Unicode normalization), a contiguous missing key range \
                (truncated load). Hypotheses are ranked by the share of differing rows they explain, how \
                consistently they fit, and how specific they are. Writes diff_explanation.json (one claim per \
                hypothesis, citing its rows and counts) and explanation.md.
                  rowproof explain rowproof-out/report.json --output out/
                Exit codes: 0 done, 2 the report could not be read.
                """
        )

        @Argument(help: "The report.json written by rowproof recon.")
        var report: String

        @Option(
            name: .customLong("max-hypotheses"),
            help: "Keep at most this many hypotheses (at least 3)."
        )
        var maxHypotheses: Int = 10

        @OptionGroup var agent: AgentCommandOptions

        func run() throws {
            let run = agent.run(.diffExplanation)
            try AgentCommandRunner.run(
                "explain",
                {
                    let data = try AgentCommandRunner.readFile(report, what: "the report")
                    let (_, builder) = try DiffExplanationAgent(maximumHypotheses: maxHypotheses).run(
                        reportData: data,
                        name: report,
                        run: run
                    )
                    return try builder.writeAll(to: agent.outputDirectory)
                },
                outputDirectory: agent.outputDirectory,
                outputName: "diff_explanation.json"
            )
        }
    }
}

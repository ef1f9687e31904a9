import ArgumentParser
import Foundation
import RowProofAgents
import RowProofContracts

extension RowProofCommand {
    struct PlanCutoverCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan-cutover",
            abstract:
                "Plan the cutover: ordered steps with time estimates, pre-checks, rollback, and a Markdown runbook.",
            discussion: """
                Orders tables by their foreign keys and views (from rowproof discover's inventory.json), estimates \
                each step from the throughput a reconciliation report measured (rows/s), and writes \
                cutover_planning.json (claims with their evidence) and runbook.md.
                  rowproof plan-cutover --inventory out/inventory.json --report rowproof-out/report.json --output cutover/
                Exit codes: 0 done, 2 an input could not be read.
                """
        )

        @Option(help: "inventory.json written by rowproof discover.")
        var inventory: String

        @Option(
            help:
                "report.json of the last reconciliation, for measured throughput and the verdict pre-check."
        )
        var report: String?

        @OptionGroup var agent: AgentCommandOptions

        func run() throws {
            let run = agent.run(.cutoverPlanning)
            try AgentCommandRunner.run(
                "plan-cutover",
                {
                    let data = try AgentCommandRunner.readFile(inventory, what: "the inventory")
                    let parsed: SourceInventory
                    do {
                        parsed = try JSONDecoder().decode(SourceInventory.self, from: data)
                    } catch {
                        throw AgentError(
                            .input,
                            "\(inventory) is not an inventory written by rowproof discover: \(error)"
                        )
                    }
                    var builder = AgentOutputBuilder(run: run)
                    var reconReport: ReconReport? = nil
                    if let report {
                        let reportData = try AgentCommandRunner.readFile(report, what: "the report")
                        do {
                            reconReport = try ContractDecoder().decode(
                                ReconReport.self,
                                from: reportData,
                                fileName: report
                            )
                        } catch {
                            throw AgentError(.input, "\(report) is not a reconciliation report: \(error)")
                        }
                        builder.read(report, kind: .report, bytes: reportData)
                    }
                    _ = CutoverPlanner().run(
                        inventory: parsed,
                        inventoryName: inventory,
                        report: reconReport,
                        reportName: report,
                        builder: &builder
                    )
                    return try builder.writeAll(to: agent.outputDirectory)
                },
                outputDirectory: agent.outputDirectory,
                outputName: "cutover_planning.json"
            )
        }
    }
}

public import Foundation
public import RowProofContracts
import RowProofSources

/// Runs the ``ReconciliationPlanner`` over an inventory and writes the plan: claims with their
/// evidence, `recon_job.yaml` (schemas/recon_job.schema.json) and `plan.md`.
public struct ReconciliationPlanningAgent: Sendable {
    /// The planner's thresholds.
    public var planner: ReconciliationPlanner

    /// Creates the agent.
    public init(planner: ReconciliationPlanner = ReconciliationPlanner()) {
        self.planner = planner
    }

    /// Plans every table of `inventory` (views are skipped).
    ///
    /// - Parameters:
    ///   - criticality: Per table (`schema.table`); `normal` when absent.
    /// - Throws: ``AgentError/Code/input`` when the policy is not valid.
    public func run(
        inventory: SourceInventory,
        profiles: [TableProfile],
        policyData: Data,
        policyName: String,
        criticality: [String: TableCriticality],
        source: String,
        target: String,
        jobName: String,
        builder: inout AgentOutputBuilder
    ) throws(AgentError) -> (plans: [TablePlan], job: ReconJob) {
        let policy: Policy
        do {
            policy = try ContractDecoder().decode(Policy.self, from: policyData, fileName: policyName)
        } catch {
            throw AgentError(.input, "the policy \(policyName) is not valid: \(error)")
        }
        builder.read(policyName, kind: .policy, bytes: policyData)
        let engine: SourceLocation.Engine = inventory.engine == "postgres" ? .postgres : .sqlite
        var plans: [TablePlan] = []
        for table in inventory.tables where table.kind != "view" {
            let plan = planner.plan(
                table,
                profile: profiles.first { $0.table == table.qualifiedName },
                policy: policy,
                policyName: policyName,
                criticality: criticality[table.qualifiedName] ?? .normal,
                engine: engine
            )
            plans.append(plan)
            for reason in plan.reasons { builder.claim(reason) }
        }
        let job = planner.job(
            name: jobName,
            source: source,
            target: target,
            plans: plans,
            policyPath: policyName
        )
        do {
            let json = try ContractEncoder().encode(job)
            builder.write(
                text: YAMLWriter.yaml(fromJSON: json) ?? String(decoding: json, as: UTF8.self),
                to: "recon_job.yaml"
            )
        } catch {
            throw AgentError(.output, "the planned job breaks its contract: \(error)")
        }
        var lines = [
            "# Reconciliation plan: \(jobName)", "",
            "| Table | Strategy | Key | Chunk rows | Tolerances | Sensitive |",
            "|---|---|---|---:|---|---|",
        ]
        for plan in plans {
            lines.append(
                "| \(plan.table) | \(plan.strategy.rawValue) | \(plan.keyColumns.isEmpty ? "none (multiset)" : plan.keyColumns.joined(separator: ", ")) | "
                    + "\(plan.chunkRows) | \(plan.tolerances.map(\.column).joined(separator: ", ")) | \(plan.sensitiveColumns.joined(separator: ", ")) |"
            )
        }
        builder.write(text: lines.joined(separator: "\n") + "\n", to: "plan.md")
        return (plans, job)
    }
}

import ArgumentParser
import Foundation
import RowProofContracts
import RowProofGovernance

extension RowProofCommand.MigrationCommand {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a migration's state, artifacts, gates, approvals and what each next transition still needs."
        )

        @Argument(help: "The migration (omit to list every migration).")
        var id: String?
        @OptionGroup var governance: GovernanceOptions

        func run() throws {
            try runGoverned {
                let registry = try governance.openRegistry()
                guard let id else {
                    for migration in try registry.migrations() {
                        print(
                            "\(migration.id)\t\(migration.state.rawValue)\t\(migration.tables.joined(separator: ","))"
                        )
                    }
                    return
                }
                let migration = try registry.migration(id)
                print("migration \(migration.id): \(migration.state.rawValue)")
                print(
                    "  source \(migration.source) -> target \(migration.target); tables \(migration.tables.joined(separator: ", "))"
                )
                print("  archetype \(migration.archetype); created by \(migration.createdBy) at \(migration.createdAt)")
                if let policy = migration.policyPath {
                    print("  policy \(policy) sha256 \(migration.policySHA256 ?? "?")")
                }
                print("artifacts:")
                for artifact in try registry.artifacts(migration: id) {
                    let state =
                        switch try registry.checkArtifact(migration: id, name: artifact.name) {
                        case .success: "ok"
                        case .failure: "CHANGED OR MISSING"
                        }
                    print("  \(artifact.name)\t\(artifact.sha256.prefix(16))…\t\(state)\t\(artifact.path)")
                }
                print("gates:")
                for name in [MigrationRegistry.reconGate, MigrationRegistry.parallelRunsGate] {
                    let gate = try registry.gate(migration: id, name: name)
                    print(
                        "  \(name)\t"
                            + (gate.map { "\($0.passed ? "passed" : "FAILED") at \($0.recordedAt) by \($0.recordedBy)" }
                                ?? "none recorded")
                    )
                }
                print("approvals:")
                for approval in try registry.approvals(migration: id) {
                    print(
                        "  \(approval.identity) (\(approval.role)) -> \(approval.to.rawValue): \(approval.artifact) \(approval.artifactSHA256.prefix(16))…"
                            + (approval.expiresAt.map { " until \($0)" } ?? "")
                    )
                }
                print("next:")
                for transition in registry.machine.definition.transitions(from: migration.state.rawValue) {
                    guard let target = MigrationState(rawValue: transition.to) else { continue }
                    let unmet = try registry.unmetGuards(migration: id, to: target, actor: governance.actorName)
                    print("  -> \(transition.to): " + (unmet.isEmpty ? "ready" : "needs"))
                    for item in unmet { print("       \(item.guardText): \(item.reason)") }
                }
            }
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a migration's state changes and its audit entries."
        )

        @Argument(help: "The migration.")
        var id: String
        @OptionGroup var governance: GovernanceOptions

        func run() throws {
            try runGoverned {
                let registry = try governance.openRegistry()
                for record in try registry.history(migration: id) {
                    print(
                        "\(record.at)\t\(record.from?.rawValue ?? "-") -> \(record.to.rawValue)\t\(record.actor)"
                            + (record.reason.map { "\t\($0)" } ?? "")
                    )
                }
                let log = try governance.openAuditLog()
                print("audit entries (\(log.locationDescription)):")
                for entry in try log.entries(migration: id) {
                    print("  #\(entry.seq)\t\(entry.timestamp)\t\(entry.actor)\t\(entry.action)\t\(entry.subject)")
                }
            }
        }
    }
}

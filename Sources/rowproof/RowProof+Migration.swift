import ArgumentParser
import Foundation
import RowProofContracts
import RowProofCrypto
import RowProofGovernance

extension RowProofCommand {
    struct MigrationCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "migration",
            abstract: "Register a migration and move it through its lifecycle, with guards and approvals.",
            discussion: """
                A migration moves CREATED -> DISCOVERED -> PROFILED -> MAPPED -> PLANNED -> REPLICATING -> PARALLEL_RUN \
                -> READY_FOR_CUTOVER -> CUTOVER_IN_PROGRESS -> CUTOVER_DONE (or FAILED, ROLLBACK, ROLLED_BACK), \
                per schemas/state_machine.json. Each transition's guards must hold: artifacts registered and unchanged, \
                plans signed by a trusted key, approvals of the exact artifact version, a passing gate. Every change is \
                written to the hash-chained audit log. Exit codes: 0 ok, 1 refused, 2 could not run.
                """,
            subcommands: [
                Create.self, Status.self, Advance.self, Request.self, Approve.self, History.self, Artifact.self,
                Gate.self,
            ]
        )
    }
}

extension RowProofCommand.MigrationCommand {
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register a new migration (state CREATED).")

        @Argument(help: "The migration's id (letters, digits, '.', '_', ':', '-').")
        var id: String
        @Option(help: "Source location (a URL or secret reference; never write a password here).")
        var source: String
        @Option(help: "Target location.")
        var target: String
        @Option(name: [.customShort("t"), .long], help: "A table that moves (repeatable).")
        var table: [String] = []
        @Option(help: "The migration archetype (see archetypes/).")
        var archetype: String = "lift_and_shift"
        @Option(help: "Policy file; its SHA-256 is stored with the migration.")
        var policy: String?
        @OptionGroup var governance: GovernanceOptions

        func run() throws {
            try runGoverned {
                let migration = try governance.openRegistry().create(
                    id: id,
                    source: source,
                    target: target,
                    tables: table,
                    archetype: archetype,
                    policyPath: policy,
                    actor: governance.actorName
                )
                print(
                    "created migration \(migration.id) (\(migration.state.rawValue)), tables: \(migration.tables.joined(separator: ", "))"
                )
            }
        }
    }

    struct Advance: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a migration to another state, if the transition is allowed and its guards hold."
        )

        @Argument(help: "The migration.")
        var id: String
        @Option(help: "The state to move to, such as DISCOVERED or CUTOVER_IN_PROGRESS.")
        var to: String
        @Option(help: "Why (required to abandon, roll back or return to parallel runs).")
        var reason: String?
        @OptionGroup var governance: GovernanceOptions

        func run() throws {
            try runGoverned {
                let record = try governance.openRegistry().advance(
                    migration: id,
                    to: try parseState(to),
                    actor: governance.actorName,
                    reason: reason
                )
                print(
                    "\(id): \(record.from?.rawValue ?? "-") -> \(record.to.rawValue) (audit \(record.auditHash.prefix(16))…)"
                )
            }
        }
    }

    struct Request: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "File a request for a transition (a cutover); the requester can then not approve it."
        )

        @Argument(help: "The migration.")
        var id: String
        @Option(help: "The requested state, such as CUTOVER_IN_PROGRESS.")
        var to: String
        @Option(help: "Why.")
        var reason: String?
        @OptionGroup var governance: GovernanceOptions

        func run() throws {
            try runGoverned {
                let request = try governance.openRegistry().requestTransition(
                    migration: id,
                    to: try parseState(to),
                    actor: governance.actorName,
                    reason: reason
                )
                print(
                    "\(id): \(request.requester) requested \(request.to.rawValue); approvals by others are now needed"
                )
            }
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve the current version of an artifact (a plan, a report) for a transition.",
            discussion: """
                The approval is bound to the artifact's SHA-256: if a new version is registered, approve again. \
                By default PLANNED approves migration_plan, CUTOVER_IN_PROGRESS approves cutover_plan and ROLLBACK \
                approves rollback_plan. The requester of a transition cannot approve it.
                """
        )

        @Argument(help: "The migration.")
        var id: String
        @Option(help: "The state the approved transition enters.")
        var to: String
        @Option(help: "The role you approve as (data_owner, platform_owner).")
        var role: String
        @Option(help: "The artifact you approve (default: the plan of the transition).")
        var artifact: String?
        @Option(help: "When the approval stops counting (RFC 3339, e.g. 2026-12-01T18:00:00Z).")
        var expires: String?
        @Option(name: .customLong("valid-for"), help: "Or: how long it counts, e.g. 30m, 24h, 7d.")
        var validFor: String?
        @OptionGroup var governance: GovernanceOptions

        func run() throws {
            try runGoverned {
                let expiry = try Self.expiry(expires: expires, validFor: validFor)
                let approval = try governance.openRegistry().approve(
                    migration: id,
                    to: try parseState(to),
                    role: role,
                    identity: governance.actorName,
                    artifact: artifact,
                    expiresAt: expiry
                )
                print(
                    "\(approval.identity) (\(approval.role)) approved \(approval.artifact) sha256 \(approval.artifactSHA256) "
                        + "for \(approval.to.rawValue)" + (approval.expiresAt.map { " until \($0)" } ?? "")
                )
            }
        }

        static func expiry(expires: String?, validFor: String?) throws(GovernanceError) -> Date? {
            if let expires {
                guard let date = ApprovalRecord.parseDate(expires) else {
                    throw GovernanceError(
                        .badInput,
                        "--expires \(expires) is not an RFC 3339 date-time (2026-12-01T18:00:00Z)"
                    )
                }
                return date
            }
            guard let validFor else { return nil }
            let units: [Character: Double] = ["m": 60, "h": 3600, "d": 86400]
            guard let unit = validFor.last, let factor = units[unit], let amount = Double(validFor.dropLast()),
                amount > 0
            else {
                throw GovernanceError(.badInput, "--valid-for \(validFor) is not a duration like 30m, 24h or 7d")
            }
            return Date().addingTimeInterval(amount * factor)
        }
    }

    struct Artifact: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a file as a migration's artifact (its SHA-256 is stored; guards check it is unchanged)."
        )

        @Argument(help: "The migration.")
        var id: String
        @Argument(
            help:
                "The artifact name (recon_report, cutover_plan, evidence_pack, ...; the names the state machine's guards use)."
        )
        var name: String
        @Argument(help: "The file.")
        var file: String
        @OptionGroup var governance: GovernanceOptions

        func run() throws {
            try runGoverned {
                let record = try governance.openRegistry().registerArtifact(
                    migration: id,
                    name: name,
                    path: file,
                    actor: governance.actorName
                )
                print("\(id): \(record.name) = \(record.path) sha256 \(record.sha256)")
            }
        }
    }

    struct Gate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a gate verdict by hand (gate: gate_passed; parallel_runs: parallel_runs_passed).",
            discussion:
                "Reconciliations and parallel runs record their verdicts themselves; use this to record an external check."
        )

        @Argument(help: "The migration.")
        var id: String
        @Option(help: "The gate: gate or parallel_runs.")
        var name: String = "gate"
        @Flag(inversion: .prefixedNo, help: "Whether the gate passed.")
        var passed: Bool
        @Option(help: "The report the verdict rests on; its SHA-256 is recorded.")
        var evidence: String?
        @OptionGroup var governance: GovernanceOptions

        func run() throws {
            try runGoverned {
                let sha = try evidence.map { path throws(GovernanceError) -> String in
                    guard let data = FileManager.default.contents(atPath: path) else {
                        throw GovernanceError(.badInput, "evidence file \(path) does not exist or is not readable")
                    }
                    return SHA256.hexDigest(data)
                }
                let record = try governance.openRegistry().recordGate(
                    migration: id,
                    name: name,
                    passed: passed,
                    evidenceSHA256: sha,
                    actor: governance.actorName,
                    details: evidence.map { ["evidence_path": $0] } ?? [:]
                )
                print("\(id): gate \(record.name) \(record.passed ? "passed" : "failed")")
            }
        }
    }
}

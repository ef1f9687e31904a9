import ArgumentParser
import Foundation
import RowProofContracts
import RowProofGovernance
import RowProofSources

extension RowProofCommand {
    struct CutoverCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cutover",
            abstract: "Run a signed cutover plan against the target, or roll it back.",
            discussion: """
                The plan is a signed plan (rowproof plan sign --kind cutover_plan) whose payload lists steps, \
                each with pre-checks, an action (SQL in one transaction, or a routing file written atomically), \
                verifications and a rollback action; see the CutoverPlan format in the RowProofGovernance docs. \
                Before the first step RowProof records the catalog (tables, views and definitions, columns, \
                indexes) and the data hashes of the plan's tables; a rollback must bring them back exactly.
                """,
            subcommands: [Run.self, Rollback.self]
        )
    }
}

/// Options both cutover commands share.
struct CutoverOptions: ParsableArguments {
    @Option(help: "The migration.")
    var migration: String

    @Option(help: "The signed plan file (JSON).")
    var plan: String

    @Option(help: "The target database (postgres:// URL or libpq conninfo; env:// or file:// references allowed).")
    var target: String

    @Option(
        name: .customLong("files-root"),
        help: "Folder that the plan's file paths are relative to. Default: the plan's folder."
    )
    var filesRoot: String?

    @Option(
        name: [.customShort("o"), .long],
        help: "Folder for the journal and reports. Default: HOME/cutover/MIGRATION."
    )
    var output: String?

    func folder(_ governance: GovernanceOptions) -> URL {
        URL(
            fileURLWithPath: output ?? governance.governanceHome.url.appendingPathComponent("cutover/\(migration)").path
        )
    }

    func makeRunner(
        _ governance: GovernanceOptions,
        registry: MigrationRegistry,
        kinds: Set<SignedPlan.Kind>
    ) throws -> CutoverRunner {
        let verified = try VerifiedCutoverPlan(
            contentsOf: URL(fileURLWithPath: plan),
            verifier: SignedPlanVerifier(keyRing: registry.keyRing),
            kinds: kinds
        )
        guard verified.plan.migrationID == migration else {
            throw CutoverError(
                .badPlan,
                "\(plan) is a plan for migration \(verified.plan.migrationID), not \(migration)"
            )
        }
        let conninfo =
            try SecretReference(parsing: target).map { reference throws(SourceError) in
                try SecretResolver().resolve(reference)
            } ?? target
        let connection = try PostgresConnection(
            conninfo: conninfo,
            redactedTarget: "the cutover target of \(migration)"
        )
        let root = URL(fileURLWithPath: filesRoot ?? URL(fileURLWithPath: plan).deletingLastPathComponent().path)
        return CutoverRunner(
            plan: verified,
            database: PostgresCutoverDatabase(connection: connection),
            files: CutoverFiles(root: root),
            journal: folder(governance).appendingPathComponent("cutover-journal.json"),
            recorder: registry.audit,
            actor: governance.actorName
        )
    }
}

/// Prints a cutover or rollback report's outcome and returns the exit code.
func finish(_ report: CutoverReport, files: [URL]) -> Int32 {
    let title = report.operation == .cutover ? "CUTOVER" : "ROLLBACK"
    print(
        "\(title) \(report.outcome.rawValue.uppercased().replacingOccurrences(of: "_", with: " ")): \(report.migrationID), plan \(report.planID)"
    )
    if let failed = report.failedStep { print("  failed step: \(failed): \(report.failureReason ?? "")") }
    for difference in report.differences { print("  not restored: \(difference)") }
    for warning in report.warnings { print("  warning: \(warning)") }
    print("  report: " + files.map(\.path).joined(separator: ", "))
    return report.outcome == (report.operation == .cutover ? .completed : .rolledBack) ? 0 : 1
}

/// Runs a cutover command body with RowProof's exit codes (1 refused, 2 could not run).
func runCutover(_ body: () throws -> Int32) throws {
    let code: Int32
    do {
        code = try body()
    } catch let error as CutoverError {
        FileHandle.standardError.write(
            Data("rowproof: \(error.isRefusal ? "refused" : "error"): \(error.message)\n".utf8)
        )
        throw ExitCode(error.isRefusal ? 1 : 2)
    } catch {
        try runGoverned { throw error }
        return
    }
    throw ExitCode(code)
}

extension RowProofCommand.CutoverCommand {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Run the cutover: refused unless the plan verifies, the gate passed and the state machine allows it.",
            discussion: """
                A migration in READY_FOR_CUTOVER is advanced to CUTOVER_IN_PROGRESS first (its guards: gate, \
                approvals, requester not an approver). A failing step stops the cutover and every completed \
                step is rolled back automatically. Exit codes: 0 completed, 1 refused or failed (and rolled \
                back), 2 could not run.
                """
        )

        @OptionGroup var options: CutoverOptions
        @OptionGroup var governance: GovernanceOptions

        func run() throws {
            try runCutover {
                let registry = try governance.openRegistry()
                let runner = try options.makeRunner(governance, registry: registry, kinds: [.cutoverPlan])
                if try registry.migration(options.migration).state == .readyForCutover {
                    try registry.advance(
                        migration: options.migration,
                        to: .cutoverInProgress,
                        actor: governance.actorName
                    )
                }
                let gate = try registry.gate(migration: options.migration, name: MigrationRegistry.parallelRunsGate)
                let clearance = CutoverClearance(
                    state: try registry.migration(options.migration).state,
                    gatePassed: gate?.passed ?? false,
                    gateSummary: gate.map { $0.details["summary"] ?? "recorded \($0.recordedAt)" }
                        ?? "no parallel-run gate was recorded (run rowproof parallel-run)"
                )
                let report = try runner.run(clearance: clearance)
                let folder = options.folder(governance)
                let files = try report.write(to: folder, name: "cutover-report")
                try registry.registerArtifact(
                    migration: options.migration,
                    name: "cutover_report",
                    path: files[0].path,
                    actor: governance.actorName
                )
                if report.outcome != .completed {
                    try registry.registerArtifact(
                        migration: options.migration,
                        name: "rollback_report",
                        path: files[0].path,
                        actor: governance.actorName
                    )
                }
                return finish(report, files: files)
            }
        }
    }

    struct Rollback: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Undo a cutover from its journal, in reverse order, and prove the state before it is back.",
            discussion: """
                Accepts the signed cutover plan that ran, or a rollback_plan signing the same steps. A migration in \
                CUTOVER_IN_PROGRESS is advanced to ROLLBACK first (reason, signed rollback plan, approval). \
                Exit codes: 0 restored (catalog, data hashes and files equal the state before the cutover), \
                1 refused or not restored, 2 could not run.
                """
        )

        @OptionGroup var options: CutoverOptions
        @OptionGroup var governance: GovernanceOptions

        @Option(help: "Why the cutover is rolled back (recorded in the state history).")
        var reason: String

        func run() throws {
            try runCutover {
                let registry = try governance.openRegistry()
                let runner = try options.makeRunner(
                    governance,
                    registry: registry,
                    kinds: [.rollbackPlan, .cutoverPlan]
                )
                if try registry.migration(options.migration).state == .cutoverInProgress {
                    try registry.advance(
                        migration: options.migration,
                        to: .rollback,
                        actor: governance.actorName,
                        reason: reason
                    )
                }
                let report = try runner.rollback()
                let files = try report.write(to: options.folder(governance), name: "rollback-report")
                try registry.registerArtifact(
                    migration: options.migration,
                    name: "rollback_report",
                    path: files[0].path,
                    actor: governance.actorName
                )
                return finish(report, files: files)
            }
        }
    }
}

import ArgumentParser
import Foundation
import RowProofContracts
import RowProofGovernance

/// Options every governance command shares: where the registry lives, who is acting, where the audit log is.
struct GovernanceOptions: ParsableArguments {
    @Option(
        help: "Governance home folder (registry, audit log, trusted-keys/). Default: $ROWPROOF_HOME or ./rowproof-home."
    )
    var home: String?

    @Option(help: "Who is acting, as recorded in the audit log. Default: $ROWPROOF_ACTOR or the login user.")
    var actor: String?

    @Option(
        help:
            "Audit log: a SQLite file or a postgres:// URL (or env://, vault:// reference). Default: $ROWPROOF_AUDIT or HOME/rowproof-audit.sqlite."
    )
    var audit: String?

    /// The governance home.
    var governanceHome: GovernanceHome {
        GovernanceHome(path: home ?? ProcessInfo.processInfo.environment["ROWPROOF_HOME"] ?? "rowproof-home")
    }

    /// The acting identity.
    var actorName: String {
        actor ?? ProcessInfo.processInfo.environment["ROWPROOF_ACTOR"] ?? NSUserName()
    }

    /// Opens the audit log (creating the home first for the default SQLite log).
    func openAuditLog() throws(GovernanceError) -> any AuditLog {
        let home = governanceHome
        try home.prepare()
        let location = audit ?? ProcessInfo.processInfo.environment["ROWPROOF_AUDIT"] ?? home.auditPath
        return try AuditLogLocation(parsing: location).open()
    }

    /// Opens the registry of the home with its audit log and trusted keys.
    func openRegistry() throws(GovernanceError) -> MigrationRegistry {
        try MigrationRegistry(home: governanceHome, audit: try openAuditLog())
    }
}

/// Runs a governance command body and turns its errors into RowProof's exit codes:
/// 1 for a refusal (invalid transition, unmet guard, broken chain, bad signature), 2 when it could not run.
func runGoverned(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as GovernanceError {
        FileHandle.standardError.write(Data("rowproof: \(error.isRefusal ? "refused" : "error"): \(error)\n".utf8))
        throw ExitCode(error.isRefusal ? 1 : 2)
    } catch let error as SignedPlanError {
        FileHandle.standardError.write(Data("rowproof: refused: \(error)\n".utf8))
        throw ExitCode(1)
    } catch let exit as ExitCode {
        throw exit
    } catch {
        FileHandle.standardError.write(Data("rowproof: error: \(error)\n".utf8))
        throw ExitCode(2)
    }
}

/// Parses a state name such as `CUTOVER_IN_PROGRESS` (case-insensitive; `-` for `_`).
func parseState(_ text: String) throws(GovernanceError) -> MigrationState {
    let normalized = text.uppercased().replacingOccurrences(of: "-", with: "_")
    guard let state = MigrationState(rawValue: normalized) else {
        throw GovernanceError(
            .badInput,
            "unknown state \"\(text)\"; states: \(MigrationState.allCases.map(\.rawValue).joined(separator: ", "))"
        )
    }
    return state
}

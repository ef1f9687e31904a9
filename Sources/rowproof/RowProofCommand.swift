import ArgumentParser
import Foundation
import Logging

@main
struct RowProofCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rowproof",
        abstract: "Prove a data migration moved every row intact before you cut over.",
        discussion: """
            RowProof splits tables into key ranges, has worker processes hash every row on both sides \
            (canonical serialization, XXH64), merge-joins them, and writes a report with the evidence: \
            missing, extra and changed rows, per-column statistics, digests. Exit codes: 0 match (within \
            tolerance), 1 differences beyond tolerance, 2 the job could not run.

            Start with `rowproof demo`, then `rowproof recon SOURCE TARGET --table orders`.
            """,
        subcommands: [
            Demo.self, Recon.self, Coordinator.self, Worker.self, Keygen.self, Serve.self, Submit.self,
            MigrationCommand.self, AuditCommand.self, PlanCommand.self, ParallelRun.self, CutoverCommand.self,
            EvidenceCommand.self, DiscoverCommand.self, ProfileCommand.self, ExplainCommand.self, MapCommand.self,
            RewriteCommand.self, PlanCutoverCommand.self,
        ]
    )
}

extension RowProofCommand {
    /// Runs the command line. A usage error (an unknown option, a bad value) exits with 2, "could
    /// not run", like every other failure before work starts, so CI reads one code for it.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Logging options shared by every command.
struct LoggingOptions: ParsableArguments {
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var levelName: String = "warning"

    func validate() throws {
        guard Logger.Level(rawValue: levelName) != nil else {
            throw ValidationError(
                "--log-level \(levelName): use trace, debug, info, notice, warning, error or critical"
            )
        }
    }

    func bootstrap() -> Logger {
        let level = Logger.Level(rawValue: levelName) ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "rowproof")
    }
}

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
    ///
    /// So does any other error a command throws without choosing its exit code (an unreadable
    /// policy or key file, a folder that cannot be created): exit code 1 means "refused" or
    /// "differences beyond tolerance", and a CI gate must never read a crash as that.
    static func main() async {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            Foundation.exit(Self.report(error))
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ValidationError {
            // Thrown while running (a key or file an option names cannot be used): the message
            // says which option; the root command's usage would not help.
            FileHandle.standardError.write(Data("rowproof: \(error.message)\n".utf8))
            Foundation.exit(2)
        } catch {
            Foundation.exit(Self.report(error))
        }
    }

    /// Prints what `error` says on standard error (help on standard output) and returns the exit code.
    static func report(_ error: any Error) -> Int32 {
        if let code = error as? ExitCode { return code.rawValue }
        let code = exitCode(for: error)
        if code == .success {
            print(fullMessage(for: error))
            return 0
        }
        let message =
            code == .validationFailure
            ? fullMessage(for: error)
            : "rowproof: \(CommandFailure.describe(error))"
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return code == .validationFailure || code == .failure ? 2 : code.rawValue
    }
}

/// How an error a command did not handle itself is shown.
enum CommandFailure {
    /// The error's own description, or Foundation's sentence (with the file) for Foundation errors.
    static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        guard nsError.domain == NSCocoaErrorDomain || nsError.domain == NSPOSIXErrorDomain else {
            return "\(error)"
        }
        var text = nsError.localizedDescription
        if let underlying = (nsError.userInfo[NSUnderlyingErrorKey] as? any Error).map({ $0 as NSError }),
            underlying.domain == NSPOSIXErrorDomain
        {
            // Foundation's own sentence is often "The operation could not be completed"; errno says why.
            text = String(cString: strerror(Int32(underlying.code)))
        }
        if let path = nsError.userInfo[NSFilePathErrorKey] as? String, !text.contains(path) {
            text += " (\(path))"
        }
        return text
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

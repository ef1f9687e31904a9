import ArgumentParser
import Foundation
import RowProofAgents
import RowProofContracts

/// Options every agent command shares: where outputs go and how the run is named.
struct AgentCommandOptions: ParsableArguments {
    @Option(
        name: [.customShort("o"), .long],
        help: "Folder the agent writes its files into (created if needed)."
    )
    var output: String = "rowproof-agents"

    @Option(
        name: .customLong("run-id"),
        help: "Identifier of this run in the output (default: the agent name and the time)."
    )
    var runID: String?

    @Option(
        name: .customLong("migration-id"),
        help: "The migration this run belongs to, recorded in the output."
    )
    var migrationID: String?

    func validate() throws {
        let pattern = #"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"#
        for (flag, value) in [("--run-id", runID), ("--migration-id", migrationID)] {
            if let value, value.range(of: pattern, options: .regularExpression) == nil {
                throw ValidationError(
                    "\(flag) \(value): use 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit"
                )
            }
        }
    }

    func run(_ agent: AgentOutput.Agent) -> AgentRun {
        AgentRun(agent: agent, runID: runID, migrationID: migrationID)
    }

    var outputDirectory: URL { URL(fileURLWithPath: output) }
}

/// Runs an agent command's body; agent errors become a message on stderr and exit code 2.
enum AgentCommandRunner {
    static func run(
        _ command: String,
        _ body: () throws -> AgentOutput,
        outputDirectory: URL,
        outputName: String
    ) throws {
        do {
            let output = try body()
            print(
                "\(command): \(output.claims.count) claims, \(output.outputs.count + 1) files in \(outputDirectory.path)"
            )
            print("  \(outputDirectory.appendingPathComponent(outputName).path)")
            for file in output.outputs {
                print("  \(outputDirectory.appendingPathComponent(file.path).path)")
            }
            for warning in output.warnings ?? [] { print("  warning: \(warning)") }
        } catch let error as AgentError {
            FileHandle.standardError.write(Data("rowproof \(command): \(error.message)\n".utf8))
            throw ExitCode(2)
        } catch let error as ExitCode {
            throw error
        } catch {
            FileHandle.standardError.write(Data("rowproof \(command): \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    static func readFile(_ path: String, what: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AgentError(
                .input,
                "cannot read \(what) \(path): the file does not exist or is not readable"
            )
        }
        return data
    }
}

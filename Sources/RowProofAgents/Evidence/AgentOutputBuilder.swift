public import Foundation
public import RowProofContracts
import RowProofCrypto

/// Collects what an agent read, claims and writes, then writes its files and the agent output
/// (`schemas/agent_output.schema.json`) into one folder.
///
/// Every file is listed in the output with its SHA-256 and size; the agent output itself is
/// written last as `<agent>.json` and is not listed in itself.
public struct AgentOutputBuilder: Sendable {
    /// The run the output belongs to.
    public var run: AgentRun
    /// What the agent read.
    public private(set) var inputs: [AgentInput] = []
    /// What the agent claims.
    public private(set) var claims: [AgentClaim] = []
    /// Things a person should look at.
    public private(set) var warnings: [String] = []
    /// Files to write, relative path -> bytes, in the order they were added.
    public private(set) var files: [(path: String, data: Data)] = []

    /// Creates an empty builder for `run`.
    public init(run: AgentRun) {
        self.run = run
    }

    /// Records an input and its digest.
    public mutating func read(_ name: String, kind: AgentInput.Kind, bytes: some Collection<UInt8>) {
        guard !inputs.contains(where: { $0.name == name }) else { return }
        inputs.append(AgentInput(name: name, kind: kind, sha256: SHA256.hexDigest(Array(bytes))))
    }

    /// Records a query the agent ran, pinned by the digest of its text.
    public mutating func ran(_ sql: String) {
        read(sql, kind: .query, bytes: Array(sql.utf8))
    }

    /// Adds a claim; claims without evidence are refused when the output is validated.
    public mutating func claim(_ claim: AgentClaim) {
        claims.append(claim)
    }

    /// Adds a warning.
    public mutating func warn(_ text: String) {
        if !warnings.contains(text) { warnings.append(text) }
    }

    /// Adds a file to write (replacing one at the same path).
    public mutating func write(_ data: Data, to path: String) {
        files.removeAll { $0.path == path }
        files.append((path, data))
    }

    /// Adds a text file to write.
    public mutating func write(text: String, to path: String) {
        write(Data(text.utf8), to: path)
    }

    /// The agent output describing the files added so far.
    public func output() -> AgentOutput {
        AgentOutput(
            agent: run.agent,
            version: AgentRun.agentVersion,
            runID: run.runID,
            migrationID: run.migrationID,
            createdAt: run.createdAt,
            inputs: inputs,
            claims: claims,
            outputs: files.map {
                AgentOutputFile(
                    path: $0.path,
                    sha256: SHA256.hexDigest($0.data),
                    bytes: $0.data.count
                )
            },
            warnings: warnings.isEmpty ? nil : warnings
        )
    }

    /// The file name of the agent output: `discovery.json`, `diff_explanation.json`, …
    public var outputFileName: String { "\(run.agent.rawValue).json" }

    /// Writes every file and the validated agent output into `directory` (created if needed).
    ///
    /// - Returns: The agent output as written.
    /// - Throws: ``AgentError/Code/output`` when a file cannot be written or the output breaks
    ///   its contract.
    @discardableResult
    public func writeAll(to directory: URL) throws(AgentError) -> AgentOutput {
        let output = output()
        do {
            let encoded = try ContractEncoder().encode(output)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for file in files {
                let url = directory.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(),
                    withIntermediateDirectories: true
                )
                try file.data.write(to: url)
            }
            try encoded.write(to: directory.appendingPathComponent(outputFileName))
        } catch let error as ContractError {
            throw AgentError(.output, "the \(run.agent.rawValue) output breaks its contract: \(error)")
        } catch {
            throw AgentError(
                .output,
                "cannot write the \(run.agent.rawValue) output to \(directory.path): \(error.localizedDescription)"
            )
        }
        return output
    }
}

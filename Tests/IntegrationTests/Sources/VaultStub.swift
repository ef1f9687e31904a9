import Foundation
import RowProofTestSupport

/// Runs `Fixtures/vault_stub.py`, a tiny HTTP server answering Vault KV v2 reads.
///
/// HashiCorp Vault itself is not installable on the test machines, so the tests talk HTTP to this
/// stand-in, which checks the token header and answers with Vault's JSON shape.
final class VaultStub {
    let process = Process()
    let address: String

    init(token: String, secrets: [String: [String: String]]) throws {
        let script = TestEnvironment.repositoryRoot.appendingPathComponent(
            "Tests/IntegrationTests/Fixtures/vault_stub.py"
        )
        let json = String(decoding: try JSONSerialization.data(withJSONObject: secrets), as: UTF8.self)
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, token, json, "30"]
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            line.append(chunk)
        }
        let port = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard Int(port) != nil else { throw CocoaError(.fileReadCorruptFile) }
        address = "http://127.0.0.1:\(port)"
    }

    /// Stops the server; it also exits by itself after 30 seconds. No waiting here: Foundation's
    /// `waitUntilExit()` can block forever on Linux when called from a test's thread.
    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

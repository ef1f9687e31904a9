import Foundation
import RowProofAgents
import RowProofContracts
import RowProofTestSupport
import Testing

/// Validates agent outputs with the real JSON Schema validator (`check-jsonschema`) against
/// `schemas/agent_output.schema.json`.
enum AgentSchemaCheck {
    /// Writes `builder`'s files into a fresh folder, then validates the agent output file.
    @discardableResult
    static func writeAndValidate(_ builder: AgentOutputBuilder) throws -> URL {
        let folder = TemporaryFolder.make("agent-output")
        try builder.writeAll(to: folder)
        try validate(folder.appendingPathComponent(builder.outputFileName))
        return folder
    }

    /// Validates one agent output file; records a test failure with the validator's output.
    static func validate(_ file: URL, schema: String = "schemas/agent_output.schema.json") throws {
        let executable = try #require(
            TestEnvironment.checkJSONSchema,
            "set ROWPROOF_CHECK_JSONSCHEMA to a check-jsonschema executable (scripts/python-env.sh)"
        )
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--schemafile", TestEnvironment.repositoryRoot.appendingPathComponent(schema).path, file.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(file.lastPathComponent) fails \(schema): \(output)")
    }
}

/// Temporary folders for test files.
enum TemporaryFolder {
    static func make(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rowproof-\(name)-\(UUID().uuidString.prefix(8))"
        )
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

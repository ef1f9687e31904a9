import Foundation
import RowProofTestSupport
import Testing

/// `rowproof demo`, the README's first command, run as a user runs it in a CI log: output piped.
@Suite struct DemoCommandTests {
    @Test(.timeLimit(.minutes(2)))
    func demoFindsThePlantedDifferencesAndLogsInOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rowproof-demo-\(UUID().uuidString.prefix(8))"
        )
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = TestEnvironment.rowproofExecutable
        process.arguments = ["demo", "--output", folder.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("the report names exactly the planted differences"), "\(output)")
        for name in ["report.json", "report.md", "report.html"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name)")
        }
        // Standard output's lines come before the progress written after them on standard error.
        let lines = output.split(separator: "\n").map(String.init)
        let reconciling = try #require(lines.firstIndex { $0.hasPrefix("demo: reconciling") }, "\(output)")
        let firstProgress = try #require(lines.firstIndex { $0.hasPrefix("progress:") }, "\(output)")
        #expect(reconciling < firstProgress, "\(output)")
        #expect(lines.filter { $0.hasPrefix("progress: 100%") }.count == 1, "\(output)")
    }
}

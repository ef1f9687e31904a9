import Foundation
import Testing

/// `rowproof demo`, the README's first command, run as a user runs it in a CI log: output piped.
@Suite struct DemoCommandTests {
    @Test(.timeLimit(.minutes(2)))
    func demoFindsThePlantedDifferencesAndLogsInOrder() throws {
        let cli = try CLIRun("demo")
        defer { try? FileManager.default.removeItem(at: cli.folder) }
        let (status, output) = try cli.runLogged(["demo", "--output", cli.path("out")])

        #expect(status == 0, "\(output)")
        #expect(output.contains("the report names exactly the planted differences"), "\(output)")
        for name in ["report.json", "report.md", "report.html"] {
            #expect(FileManager.default.fileExists(atPath: cli.path("out/\(name)")), "\(name)")
        }
        // Standard output's lines come before the progress written after them on standard error.
        let lines = output.split(separator: "\n").map(String.init)
        let reconciling = try #require(lines.firstIndex { $0.hasPrefix("demo: reconciling") }, "\(output)")
        let firstProgress = try #require(lines.firstIndex { $0.hasPrefix("progress:") }, "\(output)")
        #expect(reconciling < firstProgress, "\(output)")
        #expect(lines.filter { $0.hasPrefix("progress: 100%") }.count == 1, "\(output)")
    }
}

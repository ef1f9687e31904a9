import Foundation
import RowProofContracts
import RowProofTestSupport
import Testing

/// Every step of every archetype names a `rowproof` command an operator copies; each must be a
/// real subcommand with real options.
@Suite struct ArchetypeCommandTests {
    static let files =
        ((try? FileManager.default.contentsOfDirectory(
            atPath: TestEnvironment.repositoryRoot.appendingPathComponent("archetypes").path
        )) ?? [])
        .filter { $0.hasSuffix(".json") }.sorted()

    @Test func archetypesExist() {
        #expect(Self.files.count >= 2, "archetypes/: \(Self.files)")
    }

    @Test(arguments: files)
    func everyStepCommandExists(_ name: String) throws {
        let url = TestEnvironment.repositoryRoot.appendingPathComponent("archetypes/\(name)")
        let archetype = try ContractDecoder().decode(Archetype.self, from: try Data(contentsOf: url), fileName: name)
        var helpByPath: [String: String] = [:]
        for step in archetype.steps {
            let words = step.command.split(separator: " ").map(String.init).dropFirst()  // "rowproof"
            // The subcommand path: words while the command so far has subcommands.
            var path: [String] = []
            var help = ""
            for word in words where !word.hasPrefix("-") && !word.contains("{") && !word.contains("/") {
                let candidate = path + [word]
                let key = candidate.joined(separator: " ")
                let text =
                    try helpByPath[key]
                    ?? DeployManifestTests.run(TestEnvironment.rowproofExecutable, candidate + ["--help"])
                helpByPath[key] = text
                path = candidate
                help = text
                if !text.contains("SUBCOMMANDS:") { break }
            }
            #expect(
                !path.isEmpty && help.contains("USAGE: rowproof \(path.joined(separator: " "))"),
                "\(name): step \(step.artifact): `\(step.command)` is not a rowproof subcommand"
            )
            for option in words where option.hasPrefix("--") {
                #expect(
                    DeployManifestTests.help(help, hasOption: option),
                    "\(name): step \(step.artifact): \(option) is not an option of rowproof \(path.joined(separator: " "))"
                )
            }
        }
    }
}

import Foundation
import RowProofTestSupport
import Testing

/// The deployment files under `deploy/` start the `rowproof` binary with arguments; every option
/// they pass must be one the subcommand really has, or the fleet would not start.
@Suite struct DeployManifestTests {
    /// One invocation of `rowproof` found in a deployment file.
    struct Invocation: CustomStringConvertible, Sendable {
        var file: String
        var arguments: [String]
        var subcommand: String { arguments.first ?? "" }
        var options: [String] { arguments.filter { $0.hasPrefix("--") }.map { String($0.split(separator: "=")[0]) } }
        var description: String { "\(file): rowproof \(arguments.joined(separator: " "))" }
    }

    @Test func everyManifestOptionExistsInTheCLI() throws {
        let invocations = try Self.kubernetesInvocations() + Self.systemdInvocations()
        let files = Set(invocations.map(\.file))
        #expect(
            files.count == 4,
            "expected coordinator and worker in both Kubernetes and systemd, got \(files.sorted())"
        )
        var helpBySubcommand: [String: String] = [:]
        for invocation in invocations {
            let help: String
            if let cached = helpBySubcommand[invocation.subcommand] {
                help = cached
            } else {
                help = try Self.help(invocation.subcommand)
                helpBySubcommand[invocation.subcommand] = help
            }
            #expect(!help.isEmpty, "rowproof \(invocation.subcommand) --help printed nothing (\(invocation.file))")
            for option in invocation.options {
                #expect(
                    Self.help(help, hasOption: option),
                    "\(invocation): \(option) is not an option of rowproof \(invocation.subcommand)"
                )
            }
        }
    }

    /// The `args:` lists of the containers in `deploy/kubernetes/*.yaml`, read by a YAML parser.
    static func kubernetesInvocations() throws -> [Invocation] {
        let python = try #require(TestEnvironment.python, "set ROWPROOF_TEST_PYTHON (the test command does)")
        let script = """
            import json, sys, glob
            from ruamel.yaml import YAML
            out = []
            for path in sorted(glob.glob(sys.argv[1] + '/*.yaml')):
                for doc in YAML(typ='safe').load_all(open(path)):
                    if not doc or doc.get('kind') != 'Deployment': continue
                    for c in doc['spec']['template']['spec']['containers']:
                        out.append({'file': path.split('/')[-1], 'args': [str(a) for a in c.get('args', [])]})
            print(json.dumps(out))
            """
        let folder = TestEnvironment.repositoryRoot.appendingPathComponent("deploy/kubernetes").path
        let output = try Self.run(URL(fileURLWithPath: python), ["-c", script, folder])
        struct Entry: Decodable { var file: String; var args: [String] }
        return try JSONDecoder().decode([Entry].self, from: Data(output.utf8)).map {
            Invocation(file: $0.file, arguments: $0.args)
        }
    }

    /// The `ExecStart=` lines of `deploy/systemd/*.service`, with line continuations joined.
    static func systemdInvocations() throws -> [Invocation] {
        let folder = TestEnvironment.repositoryRoot.appendingPathComponent("deploy/systemd")
        var result: [Invocation] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        where name.hasSuffix(".service") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                .replacingOccurrences(of: "\\\n", with: " ")
            for line in text.split(separator: "\n") where line.hasPrefix("ExecStart=") {
                let words = line.dropFirst("ExecStart=".count).split(whereSeparator: { $0 == " " }).map(String.init)
                let binary = try #require(words.first)
                #expect(binary.hasSuffix("/rowproof"), "\(name): ExecStart runs \(binary)")
                result.append(Invocation(file: name, arguments: Array(words.dropFirst())))
            }
        }
        return result
    }

    /// Whether `help` lists `option` as a whole word (`--key` is not found in `--key-id`).
    static func help(_ help: String, hasOption option: String) -> Bool {
        var rest = help[...]
        while let range = rest.range(of: option) {
            let next = rest[range.upperBound...].first
            if next == nil || next == " " || next == "\n" || next == "," || next == "=" || next == "<" { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }

    static func help(_ subcommand: String) throws -> String {
        try run(TestEnvironment.rowproofExecutable, [subcommand, "--help"])
    }

    static func run(_ executable: URL, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(
            process.terminationStatus == 0,
            "\(executable.lastPathComponent) \(arguments.joined(separator: " ")): \(text)"
        )
        return text
    }
}

import Foundation
import RowProofContracts
import Testing

/// Runs the real JSON Schema validator (`check-jsonschema`, from PyPI) over the schemas, the
/// examples and the instance files. Set `ROWPROOF_CHECK_JSONSCHEMA` to its executable.
@Suite(
    .enabled(if: SchemaValidator.executable != nil, "set ROWPROOF_CHECK_JSONSCHEMA to a check-jsonschema executable")
)
struct SchemaValidatorTests {
    @Test func schemasAreValidDraft202012() throws {
        let schemas = ContractKind.allCases.map { RepositoryFiles.url($0.schemaPath).path }
        let result = try SchemaValidator.run(["--check-metaschema"] + schemas)
        #expect(result.succeeded, "\(result.output)")
    }

    @Test(arguments: ContractKind.allCases)
    func validExamplesPass(_ kind: ContractKind) throws {
        let files = ExampleCatalog.valid.filter { $0.kind == kind }.map { RepositoryFiles.url($0.relativePath).path }
        try #require(!files.isEmpty)
        let result = try SchemaValidator.validate(files, against: kind)
        #expect(result.succeeded, "\(result.output)")
    }

    @Test(arguments: ExampleCatalog.invalid)
    func invalidExampleFails(_ example: ExampleFile) throws {
        let result = try SchemaValidator.validate(
            [RepositoryFiles.url(example.relativePath).path],
            against: example.kind
        )
        #expect(!result.succeeded, "\(example) passed the schema")
        #expect(result.output.contains("Schema validation errors"), "\(result.output)")
    }

    @Test(arguments: ExampleCatalog.instances.map(\.path))
    func instanceFilePasses(_ path: String) throws {
        let kind = try #require(ExampleCatalog.instances.first { $0.path == path }?.kind)
        let result = try SchemaValidator.validate([RepositoryFiles.url(path).path], against: kind)
        #expect(result.succeeded, "\(result.output)")
    }

    @Test func encodedReportsPass() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rowproof-contracts-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        let reports =
            try ExampleCatalog.valid.filter { $0.kind == .reconReport }.map {
                try ContractDecoder().decode(
                    ReconReport.self,
                    from: RepositoryFiles.data($0.relativePath),
                    fileName: $0.name
                )
            } + [ReconReport.sample]
        for (index, report) in reports.enumerated() {
            let url = directory.appendingPathComponent("report-\(index).json")
            try ContractEncoder().encode(report).write(to: url)
            files.append(url.path)
        }
        let result = try SchemaValidator.validate(files, against: .reconReport)
        #expect(result.succeeded, "\(result.output)")
    }
}

/// The `check-jsonschema` executable named by `ROWPROOF_CHECK_JSONSCHEMA`.
enum SchemaValidator {
    struct Result {
        var status: Int32
        var output: String
        var succeeded: Bool { status == 0 }
    }

    static var executable: String? {
        ProcessInfo.processInfo.environment["ROWPROOF_CHECK_JSONSCHEMA"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static func validate(_ files: [String], against kind: ContractKind) throws -> Result {
        try run(["--schemafile", RepositoryFiles.url(kind.schemaPath).path] + files)
    }

    static func run(_ arguments: [String]) throws -> Result {
        let path = try #require(executable)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }
}

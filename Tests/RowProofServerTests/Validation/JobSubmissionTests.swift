import Foundation
import RowProofContracts
import RowProofTestSupport
import Testing

@testable import RowProofServer

@Suite struct JobSubmissionTests {
    static let examples = TestEnvironment.repositoryRoot.appendingPathComponent("schemas/examples/recon_job")

    static func exampleNames(prefix: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []).filter { $0.hasPrefix(prefix) }
            .sorted()
    }

    @Test func builtInSchemaIsTheRepositorysSchema() throws {
        let file = try String(
            contentsOf: TestEnvironment.repositoryRoot.appendingPathComponent("schemas/recon_job.schema.json"),
            encoding: .utf8
        )
        #expect(ReconJobSchema.text == file.trimmingCharacters(in: .newlines))
    }

    @Test(arguments: exampleNames(prefix: "valid-"))
    func validExamplesAreAccepted(_ name: String) throws {
        let data = try Data(contentsOf: Self.examples.appendingPathComponent(name))
        let job = try JobSubmission.decode(data, format: ContractDecoder.Format(fileName: name))
        #expect(!job.tables.isEmpty)
    }

    @Test(arguments: exampleNames(prefix: "invalid-"))
    func invalidExamplesAreRefusedWithAPath(_ name: String) throws {
        let data = try Data(contentsOf: Self.examples.appendingPathComponent(name))
        let rejection = try #require(throws: JobSubmission.Rejection.self) {
            try JobSubmission.decode(data, format: ContractDecoder.Format(fileName: name))
        }
        #expect(!rejection.isMalformed)
        #expect(!rejection.problems.isEmpty)
    }

    @Test func everyBadFieldIsListed() throws {
        let body = Data(
            """
            {"name": "bad name!", "source": {"url": "ftp://x"}, "tables": [{"source": "", "key_columns": "id", "keyz": 1}],
             "chunking": {"chunk_rows": 0, "max_attempts": 500}, "strategy": "fastest", "workers": 0, "extra": true}
            """.utf8
        )
        let rejection = try #require(throws: JobSubmission.Rejection.self) {
            try JobSubmission.decode(body, format: .json)
        }
        let paths = Set(rejection.problems.map(\.path.description))
        let expected: Set<String> = [
            "name", "source.url", "target", "tables[0].source", "tables[0].key_columns", "tables[0].keyz",
            "chunking.chunk_rows", "chunking.max_attempts", "strategy", "workers", "extra",
        ]
        #expect(expected.isSubset(of: paths), "missing: \(expected.subtracting(paths)); got \(rejection)")
    }

    @Test func crossFieldRulesComeFromTheContractDecoder() throws {
        let body = Data(
            """
            name: sampled
            source: {url: "sqlite:///tmp/a.db"}
            target: {url: "sqlite:///tmp/b.db"}
            tables: [{source: items}]
            sampling: {M: 10, K: 20}
            """.utf8
        )
        let rejection = try #require(throws: JobSubmission.Rejection.self) {
            try JobSubmission.decode(body, format: .yaml)
        }
        #expect(rejection.problems.count == 1)
        #expect(rejection.problems.first?.path.description.hasPrefix("sampling") == true)
    }

    @Test func malformedDocumentsAreMarkedMalformed() throws {
        let rejection = try #require(throws: JobSubmission.Rejection.self) {
            try JobSubmission.decode(Data(#"{"name": "x", "#.utf8), format: .json)
        }
        #expect(rejection.isMalformed)
    }

    @Test(arguments: [
        ("application/yaml", true), ("text/yaml; charset=utf-8", true), ("application/json", false), (nil, false),
    ])
    func contentTypeSelectsTheFormat(_ type: String?, _ isYAML: Bool) {
        #expect((JobSubmission.format(contentType: type) == .yaml) == isYAML)
    }
}

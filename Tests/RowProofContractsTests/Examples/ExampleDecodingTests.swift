import Foundation
import RowProofContracts
import Testing

@Suite struct ExampleDecodingTests {
    @Test func everySchemaHasExamplesAndEveryFolderIsAContract() {
        #expect(Set(ExampleCatalog.folders) == Set(ContractKind.allCases.map(\.rawValue)))
        for kind in ContractKind.allCases {
            let files = ExampleCatalog.all.filter { $0.kind == kind }
            #expect(files.filter(\.isValid).count >= 1, "\(kind): needs a valid example")
            #expect(files.filter { !$0.isValid }.count >= 3, "\(kind): needs at least three invalid examples")
            #expect(
                FileManager.default.fileExists(atPath: RepositoryFiles.url(kind.schemaPath).path),
                "\(kind.schemaPath)"
            )
        }
    }

    @Test(arguments: ExampleCatalog.valid)
    func validExampleDecodes(_ example: ExampleFile) throws {
        let data = try RepositoryFiles.data(example.relativePath)
        let value = try example.kind.decode(data, fileName: example.name)
        try value.validate()
    }

    @Test(arguments: ExampleCatalog.invalid)
    func invalidExampleIsRejectedWithAPath(_ example: ExampleFile) throws {
        let data = try RepositoryFiles.data(example.relativePath)
        let error = try #require(throws: ContractError.self) {
            _ = try example.kind.decode(data, fileName: example.name)
        }
        #expect(!error.path.isRoot, "\(example): \(error)")
        #expect(error.file == example.name)
        #expect(error.description.hasPrefix("\(example.name): \(error.path): "))
    }

    @Test(arguments: ExampleCatalog.instances.map(\.path))
    func instanceFileDecodes(_ path: String) throws {
        let kind = try #require(ExampleCatalog.instances.first { $0.path == path }?.kind)
        _ = try kind.decode(try RepositoryFiles.data(path), fileName: path)
    }
}

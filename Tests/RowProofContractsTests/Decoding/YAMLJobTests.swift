import Foundation
import RowProofContracts
import Testing

@Suite struct YAMLJobTests {
    @Test func yamlJobDecodesLikeItsJSONTwin() throws {
        let decoder = ContractDecoder()
        let yaml = try decoder.decode(
            ReconJob.self,
            from: RepositoryFiles.data("schemas/examples/recon_job/valid-orders-nightly.yaml"),
            fileName: "valid-orders-nightly.yaml"
        )
        let json = try decoder.decode(
            ReconJob.self,
            from: RepositoryFiles.data("schemas/examples/recon_job/valid-orders-nightly.json"),
            fileName: "valid-orders-nightly.json"
        )
        #expect(yaml == json)
        #expect(yaml.tables.count == 4)
        #expect(yaml.tables[0].targetColumn(for: "cust_id") == "customer_id")
        #expect(yaml.strategy(for: yaml.tables[2]) == .sample)
        #expect(yaml.target.kind == .conninfo)
    }

    @Test func yamlScalarsResolveToTheirTypes() throws {
        let tree = try ContractDecoder().parse(
            Data("a: 12\nb: 1.5e3\nc: true\nd: null\ne: '12'\nf: 2024-05-01\n".utf8),
            format: .yaml
        )
        #expect(
            tree
                == .object([
                    "a": .integer(12), "b": .number(1500), "c": .bool(true), "d": .null, "e": .string("12"),
                    "f": .string("2024-05-01"),
                ])
        )
    }

    @Test func quotedNumbersInYAMLAreNotIntegers() throws {
        let yaml =
            "name: j\nsource: {url: 'sqlite:///a.db'}\ntarget: {url: 'sqlite:///b.db'}\ntables: [{source: a}]\nworkers: '4'\n"
        let error = try #require(throws: ContractError.self) {
            _ = try ContractDecoder().decode(ReconJob.self, from: Data(yaml.utf8), fileName: "job.yaml")
        }
        #expect(error.description == #"job.yaml: workers: expected an integer (got a string "4")"#)
    }
}

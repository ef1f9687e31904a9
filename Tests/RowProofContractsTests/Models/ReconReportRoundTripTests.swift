import Foundation
import RowProofContracts
import Testing

@Suite struct ReconReportRoundTripTests {
    @Test(arguments: ExampleCatalog.valid.filter { $0.kind == .reconReport })
    func encodedReportDecodesToTheSameValue(_ example: ExampleFile) throws {
        let decoder = ContractDecoder()
        let report = try decoder.decode(
            ReconReport.self,
            from: RepositoryFiles.data(example.relativePath),
            fileName: example.name
        )
        let encoded = try ContractEncoder().encode(report)
        let decoded = try decoder.decode(ReconReport.self, from: encoded, fileName: "encoded.json")
        #expect(decoded == report)
        #expect(try ContractEncoder().encode(decoded) == encoded)
    }

    @Test func unboundedChunkRangesAreWrittenAsNull() throws {
        let data = try ContractEncoder().encode(ReconReport.sample)
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.contains(#""lower" : null"#))
        #expect(text.contains(#""upper" : null"#))
    }

    @Test func encoderRefusesAnInvalidReport() throws {
        var report = ReconReport.sample
        report.exitCode = 0
        let error = try #require(throws: ContractError.self) { _ = try ContractEncoder().encode(report) }
        #expect(error.description == "exit_code: must be 1 for verdict fail (got 0)")
    }
}

extension ReconReport {
    /// A small failing report built in code, as the coordinator builds one.
    static var sample: ReconReport {
        let digest = SideDigest(
            count: 2,
            ordered: "0123456789abcdef",
            multisetSum: "00000000000000ff",
            multisetMix: "1000000000000001"
        )
        let counts = RowCounts(
            rowsSource: 2,
            rowsTarget: 1,
            matched: 1,
            changed: 0,
            missing: 1,
            extra: 0,
            duplicateKeys: 0,
            withinTolerance: 0
        )
        var target = digest
        target.count = 1
        let table = TableReport(
            sourceTable: "items",
            targetTable: "items",
            strategy: .rowhash,
            guarantee: .full,
            counts: counts,
            columns: [ColumnMismatch(column: "price", mismatches: 0, withinTolerance: 0)],
            aggregates: AggregateSides(source: [
                ColumnAggregate(
                    column: "price",
                    count: 2,
                    nulls: 0,
                    min: .string("1.5"),
                    max: .string("9"),
                    sum: "10.5"
                )
            ]),
            differences: [
                DifferenceSample(
                    kind: .missing,
                    key: ["id": .integer(2)],
                    source: ["price": .string("9")],
                    isRedacted: false,
                    severity: .critical
                )
            ],
            differencesTruncated: false,
            chunks: [ChunkDigest(chunkID: 0, range: ChunkRange(), source: digest, target: target)],
            severity: .critical,
            verdict: .fail
        )
        return ReconReport(
            job: ReportJobReference(name: "items", id: "items-1"),
            rowproofVersion: "0.1.0",
            hashingSpecVersion: "1.0.0",
            startedAt: "2024-05-02T01:00:00Z",
            finishedAt: "2024-05-02T01:00:01Z",
            timings: [PhaseTiming(phase: .hash, seconds: 0.5)],
            specSHA256: String(repeating: "a", count: 64),
            policySHA256: String(repeating: "b", count: 64),
            jobSHA256: String(repeating: "c", count: 64),
            columnPlan: [
                TableColumnPlan(
                    table: "items",
                    columns: [
                        PlannedColumn(position: 0, source: "id", target: "id", logicalType: .decimal, isKey: true),
                        PlannedColumn(
                            position: 1,
                            source: "price",
                            target: "price",
                            logicalType: .decimal,
                            isKey: false
                        ),
                    ]
                )
            ],
            totals: counts,
            tables: [table],
            severity: .critical,
            verdict: .fail
        )
    }
}

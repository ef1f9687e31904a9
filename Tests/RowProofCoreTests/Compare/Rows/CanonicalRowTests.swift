import RowProofCore
import Testing

@Suite struct CanonicalRowTests {
    @Test func columnRangesSliceWithoutDecoding() throws {
        let row = try TestRows.row([.decimal(.init(integer: 12)), .null, .text("héllo"), .bool(true)])
        let spans = try row.columnRanges()
        #expect(spans.map(\.tag) == [0x02, 0x00, 0x04, 0x01])
        #expect(spans[0].encoding == 0..<7 && spans[0].payload == 5..<7)
        #expect(Array(row.bytes[spans[0].payload]) == Array("12".utf8))
        #expect(spans[1].payload.isEmpty)
        #expect(String(decoding: row.bytes[spans[2].payload], as: UTF8.self) == "héllo")
        #expect(spans.last?.encoding.upperBound == row.bytes.count)
    }

    @Test func payloadRunningPastTheEndThrows() {
        let row = CanonicalRow(key: [], bytes: [0x04, 0, 0, 0, 9, 0x61], hash: 0)
        #expect(throws: CompareError.self) { try row.columnRanges() }
    }

    @Test func emptyRowHasNoColumns() throws {
        #expect(try CanonicalRow(key: [], bytes: [], hash: 0).columnRanges().isEmpty)
    }

    @Test(arguments: [
        ([UInt8](), [UInt8](), 0),
        ([1, 2, 3], [1, 2, 3], 0),
        ([1, 2], [1, 2, 3], -1),
        ([1, 2, 4], [1, 2, 3], 1),
        ([0, 0, 0, 0, 0, 0, 0, 0, 0xFF], [0, 0, 0, 0, 0, 0, 0, 1], -1),
        ([9, 9, 9, 9, 9, 9, 9, 9, 1], [9, 9, 9, 9, 9, 9, 9, 9, 0, 5], 1),
    ])
    func keysCompareAsMemcmpShorterFirst(lhs: [UInt8], rhs: [UInt8], expected: Int) {
        #expect(CanonicalRow.compareKeys(lhs, rhs).signum() == expected)
        #expect(CanonicalRow.compareKeys(rhs, lhs).signum() == -expected)
    }

    @Test func keyOrderMatchesIntegerOrder() throws {
        let values: [Int64] = [-5_000_000_000, -1, 0, 1, 255, 256, 70_000, .max]
        let keys = try values.map(TestRows.key)
        for (a, b) in zip(keys, keys.dropFirst()) {
            #expect(CanonicalRow.compareKeys(a, b) < 0)
        }
    }

    @Test func describesKeysForPeople() throws {
        let key = try KeyEncoder.encode(
            [.decimal(.init(integer: -42)), .text("O'Brien"), .date(days: 19_783), .timestamp(micros: 1_500_000)],
            expectedArity: 4
        )
        #expect(CanonicalRow.describeKey(key) == "(-42, 'O''Brien', 2024-03-01, 1970-01-01T00:00:01.500000Z)")
    }
}

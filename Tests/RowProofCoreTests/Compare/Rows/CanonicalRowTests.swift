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

    /// Every length change a refilled row can see, from equal to far apart, leaves exactly the
    /// new bytes; a row sharing the old storage keeps its own.
    @Test(arguments: [0, 1, 5, 16, 17, 40, 300])
    func overwriteLeavesExactlyTheNewBytes(oldCount: Int) {
        for newCount in [0, 1, 3, 15, 16, 17, 32, 33, 64, 301] + (max(0, oldCount - 17)...(oldCount + 17)) {
            let old = (0..<oldCount).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) }
            let new = (0..<newCount).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 200) }
            // Storage of its own (refilled in place) and storage another row shares (copied first).
            var unique = CanonicalRow(key: old.map { $0 }, bytes: old.map { $0 }, hash: 1)
            var row = CanonicalRow(key: old, bytes: old, hash: 1)
            let kept = row
            new.withUnsafeBytes {
                unique.overwrite(key: $0, bytes: $0, hash: 2)
                row.overwrite(key: $0, bytes: $0, hash: 2)
            }
            #expect(unique.key == new && unique.bytes == new && unique.hash == 2, "\(oldCount) -> \(newCount) bytes")
            #expect(row.key == new && row.bytes == new && row.hash == 2, "\(oldCount) -> \(newCount) bytes")
            #expect(kept.key == old && kept.bytes == old)
        }
    }
}

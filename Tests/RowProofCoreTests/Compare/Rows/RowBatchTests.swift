import RowProofCore
import Testing

/// Rows go into a batch and come back out byte for byte, whatever their sizes, and a batch
/// emptied for reuse holds nothing of its previous rows.
@Suite struct RowBatchTests {
    private static func row(_ index: Int) -> CanonicalRow {
        CanonicalRow(
            key: (0..<(index % 5)).map { UInt8(truncatingIfNeeded: index &+ $0) },
            bytes: (0..<(index * 7 % 300)).map { UInt8(truncatingIfNeeded: index &* 31 &+ $0) },
            hash: UInt64(index) &* 0x9E37_79B9_7F4A_7C15
        )
    }

    @Test func rowsComeBackAsTheyWentIn() {
        let rows = (0..<500).map(Self.row)
        var batch = RowBatch()
        for row in rows { batch.append(row) }
        #expect(batch.count == rows.count)
        var reused = CanonicalRow(key: [9, 9, 9, 9, 9, 9], bytes: Array(repeating: 7, count: 1_000), hash: 1)
        for (index, row) in rows.enumerated() {
            #expect(batch.row(at: index) == row)
            batch.moveRow(at: index, into: &reused)
            #expect(reused == row)
        }
    }

    @Test func anEmptiedBatchKeepsItsStorageAndNoRows() {
        var batch = RowBatch()
        #expect(!batch.hasStorage && batch.storageBytes == 0)
        for index in 0..<100 { batch.append(Self.row(index)) }
        let storage = batch.storageBytes
        #expect(batch.hasStorage && storage >= batch.byteCount)
        #expect(batch.byteCount == (0..<100).map { Self.row($0).key.count + Self.row($0).bytes.count }.reduce(0, +))
        batch.removeAll()
        #expect(batch.isEmpty && batch.count == 0 && batch.byteCount == 0)
        #expect(batch.storageBytes == storage)
        batch.append(Self.row(42))
        #expect(batch.count == 1 && batch.row(at: 0) == Self.row(42))
    }

    /// The default `next(into:)` and `read(into:limit:)` of a stream that only has `next()`.
    @Test func defaultReadsOfAStreamGiveItsRowsInOrder() throws {
        let rows = (0..<50).map(Self.row)
        var stream = ArrayRowStream(rows)
        var batch = RowBatch()
        #expect(try stream.read(into: &batch, limit: 20) == 20)
        var row = CanonicalRow(key: [], bytes: [], hash: 0)
        #expect(try stream.next(into: &row))
        #expect(row == rows[20])
        #expect(try stream.read(into: &batch, limit: 100) == 29)
        #expect(try stream.read(into: &batch, limit: 100) == 0)
        #expect(try !stream.next(into: &row))
        #expect((0..<batch.count).map { batch.row(at: $0) } == Array(rows[0..<20] + rows[21...]))
    }
}

import RowProofCore
import Testing

@testable import RowProofCluster

/// A reader of wide rows hands its batches over by bytes, not only by row count, so a table of
/// large values cannot make a batch (and a worker's memory) grow with the row count.
@Suite struct RowPipeWriterTests {
    @Test func wideRowsAreHandedOverAtTheByteBoundInOrder() throws {
        let rowBytes = 100_000
        var rows: [CanonicalRow] = []
        for index in 0..<200 {
            let key: [UInt8] = [UInt8(index >> 8), UInt8(index & 0xFF)]
            let bytes = [UInt8](repeating: UInt8(index % 251), count: rowBytes)
            rows.append(CanonicalRow(key: key, bytes: bytes, hash: UInt64(index)))
        }
        let pipe = RowPipe(capacity: 1_000)
        var writer = RowPipeWriter(pipe: pipe, batchSize: 4_096)
        var source = ArrayRowStream(rows)
        try writer.drain(&source)
        try writer.flush()
        pipe.finish()
        var batch = RowBatch()
        var received: [CanonicalRow] = []
        var batches = 0
        while try pipe.exchange(&batch) {
            batches += 1
            #expect(batch.byteCount <= RowPipeWriter.maximumBatchBytes + rowBytes + 2)
            received += (0..<batch.count).map { batch.row(at: $0) }
        }
        #expect(received == rows)
        #expect(batches >= 200 * (rowBytes + 2) / RowPipeWriter.maximumBatchBytes)
    }
}

import RowProofCluster
import RowProofCore
import Testing

/// The hand-off between a reader thread and the comparing thread: every row in order across
/// many batch exchanges, a reader error after exactly the rows read before it, and a consumer
/// that stops early releasing the reader.
@Suite struct PipedRowStreamTests {
    private struct Failure: Error, Equatable { let at: Int }

    private static func rows(_ count: Int) -> [CanonicalRow] {
        (0..<count).map { index in
            CanonicalRow(
                key: [UInt8(index >> 8 & 0xFF), UInt8(index & 0xFF)],
                bytes: Array(repeating: UInt8(index % 251), count: index % 97),
                hash: UInt64(index)
            )
        }
    }

    @Test func everyRowArrivesInOrderAcrossBatches() throws {
        let rows = Self.rows(10_000)
        var stream = PipedRowStream(name: "test reader", batchSize: 37) { writer in
            var source = ArrayRowStream(rows)
            try writer.drain(&source)
        }
        var received: [CanonicalRow] = []
        var row = CanonicalRow(key: [], bytes: [], hash: 0)
        while try stream.next(into: &row) { received.append(row) }
        #expect(received == rows)
        #expect(try stream.next() == nil)
    }

    @Test func aReaderErrorArrivesAfterTheRowsBeforeIt() throws {
        let rows = Self.rows(1_000)
        var stream = PipedRowStream(name: "failing reader", batchSize: 64) { writer in
            var source = ArrayRowStream(Array(rows[0..<700]))
            try writer.drain(&source)
            throw Failure(at: 700)
        }
        var count = 0
        #expect(throws: Failure(at: 700)) {
            while try stream.next() != nil { count += 1 }
        }
        #expect(count == 700)
    }

    @Test func aConsumerThatStopsEarlyReleasesTheReader() async throws {
        let finished = AsyncStream<Void>.makeStream()
        var stream = PipedRowStream(name: "endless reader", batchSize: 16) { writer in
            defer { finished.continuation.yield() }
            var source = ArrayRowStream(Self.rows(200_000))
            try writer.drain(&source)
        }
        #expect(try stream.next() != nil)
        stream.cancel()
        var iterator = finished.stream.makeAsyncIterator()
        // The reader's next hand-over throws once the consumer cancels, so its closure ends.
        #expect(await iterator.next() != nil)
    }
}

import Foundation
public import RowProofCore

/// A bounded hand-off of row batches from one reader thread to one consumer thread.
///
/// The reader blocks while `capacity` batches wait; the consumer blocks while none do. A reader
/// failure is delivered to the consumer after the rows read before it, and `cancel()` lets the
/// consumer stop a reader early (the reader's next `put` throws ``RowPipe/Cancelled``).
/// Batches the consumer has read go back to a process-wide ``RowBatchPool``, where the next
/// reader (of this chunk or the next) takes them, so a worker reuses a few batches' storage
/// instead of allocating and growing new ones per chunk.
///
/// `@unchecked Sendable`: every stored property is read and written only while `condition` is
/// locked.
public final class RowPipe: @unchecked Sendable {
    /// Thrown to a reader whose consumer went away.
    public struct Cancelled: Error {}

    private let condition = NSCondition()
    private var batches: [RowBatch] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private let capacity: Int

    /// Creates a pipe holding at most `capacity` batches.
    public init(capacity: Int = 4) {
        self.capacity = capacity
    }

    /// Reader side: hands over `batch`, waiting while the pipe is full, and leaves an empty
    /// batch in its place (one from the pool when there is one).
    public func put(_ batch: inout RowBatch) throws {
        defer { if !batch.hasStorage { batch = RowBatchPool.shared.take() } }
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        batches.append(batch)
        batch = RowBatch()
        condition.broadcast()
    }

    /// Reader side: no more rows; `error` if the read failed.
    public func finish(error: (any Error)? = nil) {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        failure = error
        condition.broadcast()
    }

    /// Consumer side: returns `batch` (read) to the pool and replaces it with the next batch;
    /// `false` at the end. Throws the reader's error after the rows read before it.
    public func exchange(_ batch: inout RowBatch) throws -> Bool {
        var read = RowBatch()
        swap(&read, &batch)
        RowBatchPool.shared.give(&read)
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if !batches.isEmpty {
            batch = batches.removeFirst()
            condition.broadcast()
            return true
        }
        if let failure { throw failure }
        return false
    }

    /// Consumer side: stop the reader and drop what is queued.
    public func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        batches.removeAll()
        condition.broadcast()
    }
}

/// A ``RowStream`` fed by a reader thread through a ``RowPipe``, so two sides read concurrently.
public struct PipedRowStream: RowStream {
    private let pipe: RowPipe
    private var batch = RowBatch()
    private var index = 0

    /// Starts `read` on a new thread; it hands rows, in order, to the ``RowPipeWriter`` it is given.
    ///
    /// - Parameters:
    ///   - name: The thread's name (for debuggers and crash reports).
    ///   - batchSize: Rows per batch handed over. Large batches mean few hand-offs (each one a lock
    ///     and, often, a thread wake-up); 4,096 rows of a typical table are about a megabyte.
    ///   - read: Runs on the new thread; it owns whatever connection it opens.
    public init(
        name: String,
        batchSize: Int = 4096,
        read: @escaping @Sendable (_ writer: inout RowPipeWriter) throws -> Void
    ) {
        let pipe = RowPipe()
        self.pipe = pipe
        let thread = Thread {
            var writer = RowPipeWriter(pipe: pipe, batchSize: max(1, batchSize))
            do {
                try read(&writer)
                try writer.flush()
                pipe.finish()
            } catch is RowPipe.Cancelled {
                pipe.finish()
            } catch {
                // The rows read before the failure still go first, as promised.
                do { try writer.flush() } catch {}
                pipe.finish(error: error)
            }
        }
        thread.name = name
        thread.stackSize = 1 << 20
        thread.start()
    }

    public mutating func next() throws -> CanonicalRow? {
        guard try advance() else { return nil }
        defer { index += 1 }
        return batch.row(at: index)
    }

    public mutating func next(into row: inout CanonicalRow) throws -> Bool {
        guard try advance() else { return false }
        batch.moveRow(at: index, into: &row)
        index += 1
        return true
    }

    /// Makes sure `index` is a row of `batch`, taking the next batch when needed; `false` at the end.
    @inline(__always)
    private mutating func advance() throws -> Bool {
        while index >= batch.count {
            guard try pipe.exchange(&batch) else { return false }
            index = 0
        }
        return true
    }

    /// Stops the reader thread early (after an error on the other side).
    public func cancel() { pipe.cancel() }
}

/// The reader thread's end of a ``PipedRowStream``: fills a batch and hands it over when full,
/// that is when it holds `batchSize` rows or ``maximumBatchBytes`` of keys and row bytes,
/// whichever comes first (so a table of wide rows does not make megabyte-per-row batches).
public struct RowPipeWriter {
    /// The bytes after which a batch is handed over whatever its row count.
    public static let maximumBatchBytes = 4 << 20
    /// The most rows read between two checks of the batch's size.
    static let readStep = 256

    private let pipe: RowPipe
    private let batchSize: Int
    private var batch = RowBatch()

    init(pipe: RowPipe, batchSize: Int) {
        self.pipe = pipe
        self.batchSize = batchSize
    }

    /// Reads every row of `stream` into the pipe, a batch at a time
    /// (``RowStream/read(into:limit:)``, so a reader that implements it allocates nothing per row).
    public mutating func drain<Stream: RowStream>(_ stream: inout Stream) throws {
        while try stream.read(into: &batch, limit: nextStep()) > 0 {
            if batch.count >= batchSize || batch.byteCount >= Self.maximumBatchBytes { try pipe.put(&batch) }
        }
    }

    /// How many rows to read next: one into an empty batch (to learn the row size), then as many
    /// as fit the row and byte bounds at the batch's average row size, at most ``readStep``.
    private func nextStep() -> Int {
        guard batch.count > 0 else { return 1 }
        let average = max(1, batch.byteCount / batch.count)
        let byBytes = max(1, (Self.maximumBatchBytes - batch.byteCount) / average)
        return max(1, min(Self.readStep, batchSize - batch.count, byBytes))
    }

    /// Hands over the rows of a partly filled batch.
    mutating func flush() throws {
        if !batch.isEmpty { try pipe.put(&batch) }
    }
}

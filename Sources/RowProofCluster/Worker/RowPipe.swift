import Foundation
public import RowProofCore

/// A bounded hand-off of row batches from one reader thread to one consumer thread.
///
/// The reader blocks while `capacity` batches wait; the consumer blocks while none do. A reader
/// failure is delivered to the consumer after the rows read before it, and `cancel()` lets the
/// consumer stop a reader early (the reader's next `put` throws ``RowPipe/Cancelled``).
///
/// `@unchecked Sendable`: every stored property is read and written only while `condition` is
/// locked.
public final class RowPipe: @unchecked Sendable {
    /// Thrown to a reader whose consumer went away.
    public struct Cancelled: Error {}

    private let condition = NSCondition()
    private var batches: [[CanonicalRow]] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private let capacity: Int

    /// Creates a pipe holding at most `capacity` batches.
    public init(capacity: Int = 8) {
        self.capacity = capacity
    }

    /// Reader side: hands over one batch, waiting while the pipe is full.
    public func put(_ batch: [CanonicalRow]) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        batches.append(batch)
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

    /// Consumer side: the next batch, `nil` at the end, or the reader's error.
    public func take() throws -> [CanonicalRow]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if !batches.isEmpty {
            condition.broadcast()
            return batches.removeFirst()
        }
        if let failure { throw failure }
        return nil
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
    private var batch: [CanonicalRow] = []
    private var index = 0

    /// Starts `read` on a new thread; it calls `emit` for each row, in order.
    ///
    /// - Parameters:
    ///   - name: The thread's name (for debuggers and crash reports).
    ///   - read: Runs on the new thread; it owns whatever connection it opens.
    public init(name: String, batchSize: Int = 1024, read: @escaping @Sendable (_ emit: (CanonicalRow) throws -> Void) throws -> Void) {
        let pipe = RowPipe()
        self.pipe = pipe
        let thread = Thread {
            var pending: [CanonicalRow] = []
            pending.reserveCapacity(batchSize)
            do {
                try read { row in
                    pending.append(row)
                    if pending.count >= batchSize {
                        try pipe.put(pending)
                        pending.removeAll(keepingCapacity: true)
                    }
                }
                if !pending.isEmpty { try pipe.put(pending) }
                pipe.finish()
            } catch is RowPipe.Cancelled {
                pipe.finish()
            } catch {
                pipe.finish(error: error)
            }
        }
        thread.name = name
        thread.stackSize = 1 << 20
        thread.start()
    }

    public mutating func next() throws -> CanonicalRow? {
        if index < batch.count {
            defer { index += 1 }
            return batch[index]
        }
        guard let next = try pipe.take() else { return nil }
        batch = next
        index = 1
        return batch.first
    }

    /// Stops the reader thread early (after an error on the other side).
    public func cancel() { pipe.cancel() }
}

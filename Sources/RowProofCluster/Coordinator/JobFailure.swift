public import RowProofCore

/// A job that could not complete: the chunk, its key range, and the last error.
public struct JobFailure: Error, CustomStringConvertible, Sendable {
    /// The chunk that kept failing.
    public var chunkID: Int
    /// Its table.
    public var table: String
    /// Its key range.
    public var range: KeyRange
    /// Attempts made.
    public var attempts: Int
    /// The last error.
    public var lastError: String

    /// Creates a failure.
    public init(chunkID: Int, table: String, range: KeyRange, attempts: Int, lastError: String) {
        self.chunkID = chunkID
        self.table = table
        self.range = range
        self.attempts = attempts
        self.lastError = lastError
    }

    /// A failure of the whole run rather than of one chunk (the fleet is gone, the socket closed).
    public static func ofRun(_ reason: String) -> JobFailure {
        JobFailure(chunkID: -1, table: "-", range: .all, attempts: 0, lastError: reason)
    }

    public var description: String {
        guard chunkID >= 0 else { return lastError }
        return "chunk \(chunkID) of \(table) (\(range)) failed after \(attempts) attempt(s): \(lastError)"
    }
}

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

    public var description: String {
        "chunk \(chunkID) of \(table) (\(range)) failed after \(attempts) attempt(s): \(lastError)"
    }
}

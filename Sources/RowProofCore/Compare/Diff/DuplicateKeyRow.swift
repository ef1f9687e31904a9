/// A row whose key equals the key of the row before it on the same side.
///
/// The first row with a key takes part in the comparison; every further row with the same key
/// is reported as a duplicate and never compared, so a duplicate is never taken for a match.
public struct DuplicateKeyRow: Sendable, Hashable {
    /// The side the duplicate was found on.
    public var side: DiffSide
    /// The key encoding.
    public var key: [UInt8]
    /// The duplicate row's 0-based position in its stream.
    public var position: Int
    /// The 0-based position of the first row with this key.
    public var firstPosition: Int
    /// The duplicate row's hash.
    public var hash: UInt64

    /// Creates a duplicate-key record.
    public init(side: DiffSide, key: [UInt8], position: Int, firstPosition: Int, hash: UInt64) {
        self.side = side
        self.key = key
        self.position = position
        self.firstPosition = firstPosition
        self.hash = hash
    }
}

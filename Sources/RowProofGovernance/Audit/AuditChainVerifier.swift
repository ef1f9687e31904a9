/// The result of checking an audit chain.
public enum AuditChainVerification: Sendable, Equatable, CustomStringConvertible {
    /// Why an entry breaks the chain.
    public enum Reason: Sendable, Equatable, CustomStringConvertible {
        /// The entry's stored hash is not the hash of its contents: the entry was changed.
        case hashMismatch(stored: String, computed: String)
        /// The entry's `previous_hash` is not the hash of the entry before it.
        case previousHashMismatch(stored: String, expected: String)
        /// The sequence number is not the one after the previous entry's.
        case sequenceGap(expected: Int64, found: Int64)
        /// The entry's contents cannot be canonicalized (not valid text).
        case unreadable(String)

        public var description: String {
            switch self {
            case .hashMismatch(let stored, let computed):
                "its contents were changed: stored hash \(stored.prefix(16))… but the contents hash to \(computed.prefix(16))…"
            case .previousHashMismatch(let stored, let expected):
                "its previous_hash \(stored.prefix(16))… is not the hash of the entry before it (\(expected.prefix(16))…)"
            case .sequenceGap(let expected, let found):
                "expected seq \(expected) here but found \(found): entries are missing or reordered"
            case .unreadable(let why):
                "its contents cannot be read: \(why)"
            }
        }
    }

    /// Every entry verifies; `headHash` is the last entry's hash (the genesis hash when empty).
    case intact(count: Int, headHash: String)
    /// The first entry that does not verify.
    case broken(seq: Int64, reason: Reason)

    /// Whether the whole chain verifies.
    public var isIntact: Bool {
        if case .intact = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .intact(let count, let head): "audit chain intact: \(count) entries, head \(head)"
        case .broken(let seq, let reason): "audit chain broken at seq \(seq): \(reason)"
        }
    }
}

/// Checks a whole audit chain, entry by entry, and names the first one that breaks it.
public enum AuditChainVerifier {
    /// Verifies `entries` (in stored order): sequence numbers 1, 2, 3, …; each `previous_hash` is the
    /// previous entry's hash; each hash is the SHA-256 of the entry's canonical JSON.
    public static func verify(_ entries: [AuditEntry]) -> AuditChainVerification {
        var expectedPrevious = AuditEntry.genesisHash
        for (index, entry) in entries.enumerated() {
            let expectedSeq = Int64(index + 1)
            guard entry.seq == expectedSeq else {
                return .broken(seq: entry.seq, reason: .sequenceGap(expected: expectedSeq, found: entry.seq))
            }
            let computed: String
            do {
                computed = try entry.computedHash()
            } catch {
                return .broken(seq: entry.seq, reason: .unreadable("\(error)"))
            }
            guard computed == entry.hash else {
                return .broken(seq: entry.seq, reason: .hashMismatch(stored: entry.hash, computed: computed))
            }
            guard entry.previousHash == expectedPrevious else {
                return .broken(
                    seq: entry.seq,
                    reason: .previousHashMismatch(stored: entry.previousHash, expected: expectedPrevious)
                )
            }
            expectedPrevious = entry.hash
        }
        return .intact(count: entries.count, headHash: expectedPrevious)
    }
}

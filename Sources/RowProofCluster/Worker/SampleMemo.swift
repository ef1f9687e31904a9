import RowProofCore

/// The sampling decision for the last key either side of a chunk asked about.
///
/// The merge-join reads a matched key from the source and then from the target, so remembering
/// one key halves the SHA-256 work of the deterministic sample. The decision is a function of
/// the key alone, so the memo can only save work, never change a result.
///
/// Not `Sendable`: both sides of one chunk are tapped on the comparing thread.
final class SampleMemo {
    /// The sampling rule (M and K).
    let sampler: Sampler
    private var key: [UInt8] = []
    private var selected = false
    private var isEmpty = true

    init(_ sampler: Sampler) {
        self.sampler = sampler
    }

    /// Whether the deterministic sample selects the key with this encoding.
    func isSelected(key candidate: [UInt8]) -> Bool {
        if !isEmpty && CanonicalRow.compareKeys(candidate, key) == 0 { return selected }
        selected = sampler.isSelected(key: candidate)
        key.removeAll(keepingCapacity: true)
        key.append(contentsOf: candidate)
        isEmpty = false
        return selected
    }
}

internal import CXXHash

/// A streaming XXH64 state from libxxhash (`XXH64_createState` / `XXH64_update` / `XXH64_digest`).
///
/// Not thread-safe for updates: one owner feeds it. ``ChunkDigestBuilder`` owns one and copies
/// it before mutating whenever the state is shared.
final class XXH64Stream {
    private let state: OpaquePointer

    /// Starts a stream with `seed`.
    init(seed: UInt64) {
        guard let state = XXH64_createState() else { preconditionFailure("XXH64_createState failed: out of memory") }
        self.state = state
        _ = XXH64_reset(state, seed)
    }

    /// A stream in the same state as `other`.
    init(copying other: XXH64Stream) {
        guard let state = XXH64_createState() else { preconditionFailure("XXH64_createState failed: out of memory") }
        self.state = state
        XXH64_copyState(state, other.state)
    }

    deinit { XXH64_freeState(state) }

    /// Feeds `bytes`.
    func update(_ bytes: UnsafeRawBufferPointer) {
        _ = XXH64_update(state, bytes.baseAddress, bytes.count)
    }

    /// Feeds `value` as 8 big-endian bytes.
    func update(bigEndian value: UInt64) {
        withUnsafeBytes(of: value.bigEndian) { _ = XXH64_update(state, $0.baseAddress, 8) }
    }

    /// The hash of everything fed so far; the stream can keep going.
    func digest() -> UInt64 {
        XXH64_digest(state)
    }
}

import Synchronization

/// The CURVE keys the coordinator has refused so far, so a refused worker that keeps reconnecting
/// is logged once, not on every attempt.
final class RefusedKeys: Sendable {
    private let keys = Mutex<Set<String>>([])

    /// Records `key`; `true` the first time it is refused.
    func isFirstRefusal(of key: String) -> Bool {
        keys.withLock { $0.insert(key).inserted }
    }
}

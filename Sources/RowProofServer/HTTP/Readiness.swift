import Synchronization

/// Whether the server can take jobs: its job registry is open and its ZeroMQ endpoints bind.
final class Readiness: Sendable {
    /// `/readyz`'s body.
    struct State: Sendable, Encodable {
        var status: String
        var registry: String
        var zeromq: [String]
        var problems: [String]
        var isReady: Bool { status == "ready" }
    }

    private let current: Mutex<State>

    init(registryPath: String) {
        current = Mutex(State(status: "starting", registry: registryPath, zeromq: [], problems: []))
    }

    var state: State { current.withLock { $0 } }

    /// Records the probe of the ZeroMQ endpoints: ready when none failed.
    func probed(endpoints: [String], problems: [String]) {
        current.withLock {
            $0.zeromq = endpoints
            $0.problems = problems
            $0.status = problems.isEmpty ? "ready" : "not_ready"
        }
    }
}

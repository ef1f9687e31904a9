internal import CZeroMQ

/// A libzmq context: the I/O threads every socket of a process shares.
///
/// `zmq_ctx_*` functions are documented thread-safe, so the handle may be shared across threads;
/// sockets are not, and never leave the thread that created them (see ``ZMQSocket``).
public struct ZMQContext: @unchecked Sendable {
    let raw: UnsafeMutableRawPointer

    /// Creates a context with libzmq's defaults (one I/O thread).
    public init() throws(WireError) {
        guard let raw = zmq_ctx_new() else {
            throw WireError(operation: "zmq_ctx_new", reason: String(cString: zmq_strerror(zmq_errno())))
        }
        self.raw = raw
    }

    /// Terminates the context. Blocks until every socket of it is closed; call once, at shutdown.
    public func terminate() {
        while zmq_ctx_term(raw) == -1 && zmq_errno() == EINTR {}
    }
}

/// An error on the wire: a ZeroMQ call that failed, or a frame that was refused.
public struct WireError: Error, CustomStringConvertible, Sendable {
    /// What failed, for example `"zmq_bind(tcp://127.0.0.1:5555)"` or `"decoding a chunk result"`.
    public let operation: String
    /// The reason: `zmq_strerror` for socket calls, or why a frame was refused.
    public let reason: String
    /// The `errno` value for ZeroMQ calls, when there is one.
    public let errno: Int32?

    /// Creates an error.
    public init(operation: String, reason: String, errno: Int32? = nil) {
        self.operation = operation
        self.reason = reason
        self.errno = errno
    }

    public var description: String { "\(operation): \(reason)" }
}

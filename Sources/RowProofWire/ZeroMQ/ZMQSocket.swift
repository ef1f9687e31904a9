internal import CZeroMQ

/// The socket types RowProof uses.
public enum ZMQSocketType: Sendable {
    case router, dealer, pair, push, pull, rep

    var raw: Int32 {
        switch self {
        case .router: ZMQ_ROUTER
        case .dealer: ZMQ_DEALER
        case .pair: ZMQ_PAIR
        case .push: ZMQ_PUSH
        case .pull: ZMQ_PULL
        case .rep: ZMQ_REP
        }
    }
}

/// One libzmq socket.
///
/// libzmq sockets are not thread-safe: a `ZMQSocket` is created, used and closed by one thread
/// only, which is why the type is deliberately not `Sendable`.
public final class ZMQSocket {
    private var handle: UnsafeMutableRawPointer?

    /// Opens a socket of `type` in `context`, with linger 0 so closing never blocks on unsent frames.
    public init(context: ZMQContext, type: ZMQSocketType) throws(WireError) {
        guard let handle = zmq_socket(context.raw, type.raw) else {
            let code = zmq_errno()
            throw WireError(operation: "zmq_socket", reason: String(cString: zmq_strerror(code)), errno: code)
        }
        self.handle = handle
        try setOption(ZMQ_LINGER, Int32(0))
    }

    deinit { close() }

    /// Closes the socket; later calls fail with `ENOTSOCK`. Safe to call twice.
    public func close() {
        if let handle { zmq_close(handle) }
        handle = nil
    }

    /// The libzmq handle, for polling several sockets together on the owning thread.
    var rawHandle: UnsafeMutableRawPointer? { handle }

    private var socket: UnsafeMutableRawPointer {
        get throws(WireError) {
            guard let handle else { throw WireError(operation: "using a socket", reason: "the socket is closed") }
            return handle
        }
    }

    /// Binds to `endpoint` (`tcp://127.0.0.1:5555`, `tcp://*:*` for any free port, `ipc://…`, `inproc://…`).
    public func bind(_ endpoint: String) throws(WireError) {
        let socket = try socket
        try zmqCall("zmq_bind(\(endpoint))") { zmq_bind(socket, endpoint) }
    }

    /// Connects to `endpoint`; ZeroMQ reconnects by itself when the peer goes away.
    public func connect(_ endpoint: String) throws(WireError) {
        let socket = try socket
        try zmqCall("zmq_connect(\(endpoint))") { zmq_connect(socket, endpoint) }
    }

    /// The endpoint the socket last bound to, with the port resolved (`tcp://127.0.0.1:41234`).
    public func lastEndpoint() throws(WireError) -> String {
        let socket = try socket
        var buffer = [CChar](repeating: 0, count: 256)
        var size = buffer.count
        try zmqCall("zmq_getsockopt(ZMQ_LAST_ENDPOINT)") { zmq_getsockopt(socket, ZMQ_LAST_ENDPOINT, &buffer, &size) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Sets an integer socket option.
    func setOption(_ option: Int32, _ value: Int32) throws(WireError) {
        let socket = try socket
        var value = value
        try zmqCall("zmq_setsockopt(\(option))") { zmq_setsockopt(socket, option, &value, MemoryLayout<Int32>.size) }
    }

    /// Sets a 64-bit integer socket option.
    func setOption(_ option: Int32, _ value: Int64) throws(WireError) {
        let socket = try socket
        var value = value
        try zmqCall("zmq_setsockopt(\(option))") { zmq_setsockopt(socket, option, &value, MemoryLayout<Int64>.size) }
    }

    /// Sets a binary socket option (identities, CURVE keys).
    func setOption(_ option: Int32, bytes: [UInt8]) throws(WireError) {
        let socket = try socket
        try zmqCall("zmq_setsockopt(\(option))") {
            bytes.withUnsafeBytes { zmq_setsockopt(socket, option, $0.baseAddress, $0.count) }
        }
    }

    /// Refuses any single message larger than `bytes`: libzmq drops the peer's connection instead of
    /// allocating it, so an oversized frame never reaches RowProof's decoder.
    public func setMaximumMessageSize(_ bytes: Int64) throws(WireError) {
        try setOption(ZMQ_MAXMSGSIZE, bytes)
    }

    /// Sets the routing identity a DEALER announces to a ROUTER.
    public func setIdentity(_ identity: [UInt8]) throws(WireError) {
        try setOption(ZMQ_ROUTING_ID, bytes: identity)
    }

    /// Sends a multipart message. Blocks only while the peer's high-water mark is reached.
    public func send(_ frames: [[UInt8]]) throws(WireError) {
        let socket = try socket
        for (index, frame) in frames.enumerated() {
            let flags = index < frames.count - 1 ? ZMQ_SNDMORE : 0
            try zmqCall("zmq_send") {
                frame.withUnsafeBytes { zmq_send(socket, $0.baseAddress, $0.count, flags) }
            }
        }
    }

    /// Receives one multipart message, waiting at most `timeoutMilliseconds` (-1: forever).
    ///
    /// Frames of any size arrive whole (`zmq_msg_recv`, never a truncating fixed buffer).
    /// - Returns: the frames, or `nil` when nothing arrived in time.
    public func receive(timeoutMilliseconds: Int32) throws(WireError) -> [[UInt8]]? {
        let socket = try socket
        var item = zmq_pollitem_t(socket: socket, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0)
        let ready = try zmqCall("zmq_poll") { zmq_poll(&item, 1, Int(timeoutMilliseconds)) }
        guard ready > 0 else { return nil }
        var frames: [[UInt8]] = []
        while true {
            var message = zmq_msg_t()
            zmq_msg_init(&message)
            defer { zmq_msg_close(&message) }
            try zmqCall("zmq_msg_recv") { zmq_msg_recv(&message, socket, 0) }
            let size = zmq_msg_size(&message)
            if size > 0, let data = zmq_msg_data(&message) {
                frames.append(Array(UnsafeRawBufferPointer(start: data, count: size)))
            } else {
                frames.append([])
            }
            guard zmq_msg_more(&message) == 1 else { break }
        }
        return frames
    }
}

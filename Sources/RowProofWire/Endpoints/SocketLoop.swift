internal import CZeroMQ
import Foundation
import Synchronization

/// One ZeroMQ socket owned by one dedicated thread, bridged to Swift concurrency.
///
/// libzmq sockets are not thread-safe, so the socket is created, polled, used and closed on the
/// loop's own thread only. Other threads hand it outbound messages through a `Mutex`-guarded
/// queue (drained every poll tick) and read inbound messages from ``inbound``. With CURVE server
/// security the same thread also answers ZeroMQ's authentication requests (``ZAPHandler``).
public final class SocketLoop: Sendable {
    /// Where the socket attaches.
    public enum Attachment: Sendable {
        /// Bind to an endpoint (`tcp://127.0.0.1:*` picks a free port).
        case bind(String)
        /// Connect to an endpoint; ZeroMQ reconnects by itself.
        case connect(String)
    }

    /// Starts a new stream of the multipart messages that arrive from now on (a ROUTER's first frame
    /// is the peer's identity); the previous stream, if any, ends. One consumer at a time: a job
    /// phase takes the stream, and the next phase takes a new one.
    public func messages() -> AsyncStream<[[UInt8]]> {
        let (stream, continuation) = AsyncStream.makeStream(of: [[UInt8]].self, bufferingPolicy: .unbounded)
        shared.sink.withLock { sink in
            sink?.finish()
            sink = continuation
        }
        return stream
    }
    /// The endpoint the socket is attached to, with a bound port resolved.
    public let endpoint: String

    private let shared = LoopState()
    private let finished = DispatchSemaphore(value: 0)

    /// Starts the loop thread and waits until the socket is attached (or throws why it could not be).
    ///
    /// - Parameters:
    ///   - identity: the routing identity a DEALER announces (ignored for other types).
    ///   - onAuthentication: called on the loop thread for every CURVE client, with its key and the decision.
    public init(
        context: ZMQContext,
        type: ZMQSocketType,
        attachment: Attachment,
        identity: [UInt8]? = nil,
        security: CurveSecurity? = nil,
        limits: WireLimits = .standard,
        onAuthentication: @escaping @Sendable (String, Bool) -> Void = { _, _ in }
    ) throws(WireError) {
        let startup = Mutex<Result<String, WireError>?>(nil)
        let started = DispatchSemaphore(value: 0)
        let shared = self.shared
        let finished = self.finished

        let thread = Thread {
            defer {
                shared.sink.withLock { $0?.finish() }
                finished.signal()
            }
            let socket: ZMQSocket
            var zap: ZAPHandler?
            do throws(WireError) {
                if case .server(_, let allowed) = security {
                    zap = try ZAPHandler(context: context, allowedKeys: allowed, onDecision: onAuthentication)
                }
                socket = try ZMQSocket(context: context, type: type)
                try socket.setMaximumMessageSize(Int64(limits.maximumFrameBytes))
                try socket.setOption(ZMQ_SNDTIMEO, Int32(5_000))
                if type == .router { try socket.setOption(ZMQ_ROUTER_MANDATORY, Int32(1)) }
                if let identity, type == .dealer { try socket.setIdentity(identity) }
                if let security { try socket.apply(security) }
                switch attachment {
                case .bind(let endpoint):
                    try socket.bind(endpoint)
                    let resolved = try socket.lastEndpoint()
                    startup.withLock { $0 = .success(resolved) }
                case .connect(let endpoint):
                    try socket.connect(endpoint)
                    startup.withLock { $0 = .success(endpoint) }
                }
            } catch {
                startup.withLock { $0 = .failure(error) }
                started.signal()
                return
            }
            started.signal()
            defer {
                socket.close()
                zap = nil
            }
            Self.run(socket: socket, zap: zap, shared: shared)
        }
        thread.name = "rowproof-zmq"
        thread.start()
        started.wait()
        switch startup.withLock({ $0 }) {
        case .success(let endpoint): self.endpoint = endpoint
        case .failure(let error): throw error
        case nil:
            throw WireError(operation: "starting a socket loop", reason: "the socket thread ended without reporting")
        }
    }

    deinit {
        shared.stopped.store(true, ordering: .releasing)
    }

    /// Queues a multipart message; the loop thread sends it within one poll tick (10 ms).
    public func send(_ frames: [[UInt8]]) {
        shared.outbox.withLock { $0.append(frames) }
    }

    /// Stops the loop, closes the socket and waits for the thread to finish. Unsent messages are dropped.
    public func shutdown() {
        guard !shared.stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        finished.wait()
    }

    private static func run(
        socket: ZMQSocket,
        zap: ZAPHandler?,
        shared: LoopState
    ) {
        var items = [zmq_pollitem_t(socket: socket.rawHandle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0)]
        if let zap { items.append(zmq_pollitem_t(socket: zap.rawSocket, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0)) }
        while !shared.stopped.load(ordering: .acquiring) {
            let pending = shared.outbox.withLock { queue -> [[[UInt8]]] in
                defer { queue.removeAll(keepingCapacity: true) }
                return queue
            }
            for message in pending {
                // A vanished ROUTER peer or a full queue: the message is dropped, and the lease
                // protocol (expiry, retries) recovers what it carried.
                try? socket.send(message)
            }
            for index in items.indices { items[index].revents = 0 }
            let ready = items.withUnsafeMutableBufferPointer { zmq_poll($0.baseAddress, Int32($0.count), 10) }
            guard ready > 0 else { continue }
            if items.count > 1, items[1].revents & Int16(ZMQ_POLLIN) != 0 {
                try? zap?.handlePending()
            }
            if items[0].revents & Int16(ZMQ_POLLIN) != 0 {
                // Drain what is queued, bounded so outbound traffic keeps flowing under load.
                for _ in 0..<256 {
                    guard let message = try? socket.receive(timeoutMilliseconds: 0) else { break }
                    shared.sink.withLock { _ = $0?.yield(message) }
                }
            }
        }
    }
}

/// What the loop thread shares with the rest of the process: the outbound queue and the stop flag.
/// (`Mutex` and `Atomic` are non-copyable, so closures capture them through this class.)
final class LoopState: Sendable {
    let outbox = Mutex<[[[UInt8]]]>([])
    let stopped = Atomic<Bool>(false)
    /// Where inbound messages go; messages that arrive while no stream is taken are dropped.
    let sink = Mutex<AsyncStream<[[UInt8]]>.Continuation?>(nil)
}

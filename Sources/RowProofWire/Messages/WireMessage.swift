/// Every message coordinator and workers exchange. One message is one ZeroMQ frame (after the
/// ROUTER's identity frame), encoded by ``WireCodec``.
public enum WireMessage: Sendable, Equatable {
    /// Worker → coordinator: the worker exists and can take `credits` more chunks.
    case ready(Ready)
    /// Both ways: the sender is alive; a worker lists the leases it is working on, which renews them.
    case heartbeat(Heartbeat)
    /// Coordinator → worker: work on one chunk, described by a signed plan.
    case lease(Lease)
    /// Worker → coordinator: the LZ4-compressed result of a lease.
    case result(ChunkResultFrame)
    /// Worker → coordinator: a lease could not be completed.
    case failure(LeaseFailure)
    /// Either way: the peer's last frame was refused, and why (wrong version, malformed, bad signature).
    case reject(reason: String)
    /// Coordinator → worker: no more work for this job; the worker may exit or wait for the next.
    case shutdown(reason: String)
}

/// A worker announcing itself and asking for work.
public struct Ready: Sendable, Equatable {
    /// A stable name for logs and reports (host:pid by default).
    public var workerID: String
    /// How many more chunks the worker can take now (credit-based flow control).
    public var credits: UInt32

    /// Creates the message.
    public init(workerID: String, credits: UInt32) {
        self.workerID = workerID
        self.credits = credits
    }
}

/// A liveness signal.
public struct Heartbeat: Sendable, Equatable {
    /// Increases with every heartbeat the sender sends.
    public var sequence: UInt64
    /// The leases the sending worker is still working on (empty from the coordinator).
    public var activeLeases: [UInt64]

    /// Creates the message.
    public init(sequence: UInt64, activeLeases: [UInt64] = []) {
        self.sequence = sequence
        self.activeLeases = activeLeases
    }
}

/// One chunk handed to one worker for a limited time.
public struct Lease: Sendable, Equatable {
    /// Unique per hand-out: a re-issued chunk gets a new lease id, so late results of the old one are ignored.
    public var leaseID: UInt64
    /// 1 for the first hand-out of the chunk, 2 for the second, …
    public var attempt: UInt32
    /// The chunk plan as RFC 8785 canonical JSON: exactly the bytes that were signed.
    public var plan: [UInt8]
    /// The id of the key that signed `plan`.
    public var keyID: String
    /// The Ed25519 signature of `plan`.
    public var signature: [UInt8]
    /// Seconds the lease lasts without a heartbeat naming it.
    public var leaseSeconds: UInt32

    /// Creates the message.
    public init(
        leaseID: UInt64,
        attempt: UInt32,
        plan: [UInt8],
        keyID: String,
        signature: [UInt8],
        leaseSeconds: UInt32
    ) {
        self.leaseID = leaseID
        self.attempt = attempt
        self.plan = plan
        self.keyID = keyID
        self.signature = signature
        self.leaseSeconds = leaseSeconds
    }
}

/// The compressed result of one lease.
public struct ChunkResultFrame: Sendable, Equatable {
    /// The lease this answers.
    public var leaseID: UInt64
    /// An LZ4 frame holding the encoded chunk result.
    public var compressed: [UInt8]

    /// Creates the message.
    public init(leaseID: UInt64, compressed: [UInt8]) {
        self.leaseID = leaseID
        self.compressed = compressed
    }
}

/// Why a lease could not be completed.
public struct LeaseFailure: Sendable, Equatable {
    /// The lease that failed.
    public var leaseID: UInt64
    /// Whether another attempt may succeed (a lost connection) or not (a bad signature, an unknown table).
    public var isRetryable: Bool
    /// The error, for the report and the logs.
    public var message: String

    /// Creates the message.
    public init(leaseID: UInt64, isRetryable: Bool, message: String) {
        self.leaseID = leaseID
        self.isRetryable = isRetryable
        self.message = message
    }
}

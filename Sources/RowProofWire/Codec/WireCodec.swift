/// Encodes and decodes ``WireMessage`` frames.
///
/// Layout: `"RP"` magic, protocol version (u8), message type (u8), then the type's fields as
/// big-endian integers and u32-length-prefixed blobs. Decoding checks the magic, the version, every
/// length against the bytes left and ``WireLimits``, and that nothing trails the message: anything
/// else is a ``WireError`` naming the problem, never a crash.
public enum WireCodec {
    /// The protocol version this build speaks.
    public static let version: UInt8 = 1
    static let magic: (UInt8, UInt8) = (0x52, 0x50)  // "RP"

    enum MessageType: UInt8 {
        case ready = 1, heartbeat, lease, result, failure, reject, shutdown
    }

    /// Encodes `message` as one frame.
    public static func encode(_ message: WireMessage) -> [UInt8] {
        var writer = ByteWriter()
        writer.write(magic.0)
        writer.write(magic.1)
        writer.write(version)
        switch message {
        case .ready(let ready):
            writer.write(MessageType.ready.rawValue)
            writer.write(string: ready.workerID)
            writer.write(ready.credits)
        case .heartbeat(let heartbeat):
            writer.write(MessageType.heartbeat.rawValue)
            writer.write(heartbeat.sequence)
            writer.write(UInt32(heartbeat.activeLeases.count))
            for lease in heartbeat.activeLeases { writer.write(lease) }
        case .lease(let lease):
            writer.write(MessageType.lease.rawValue)
            writer.write(lease.leaseID)
            writer.write(lease.attempt)
            writer.write(blob: lease.plan)
            writer.write(string: lease.keyID)
            writer.write(blob: lease.signature)
            writer.write(lease.leaseSeconds)
        case .result(let result):
            writer.write(MessageType.result.rawValue)
            writer.write(result.leaseID)
            writer.write(blob: result.compressed)
        case .failure(let failure):
            writer.write(MessageType.failure.rawValue)
            writer.write(failure.leaseID)
            writer.write(failure.isRetryable)
            writer.write(string: failure.message)
        case .reject(let reason):
            writer.write(MessageType.reject.rawValue)
            writer.write(string: reason)
        case .shutdown(let reason):
            writer.write(MessageType.shutdown.rawValue)
            writer.write(string: reason)
        }
        return writer.bytes
    }

    /// Decodes one frame, refusing anything malformed, truncated, oversized or of another version.
    public static func decode(_ frame: [UInt8], limits: WireLimits = .standard) throws(WireError) -> WireMessage {
        guard frame.count <= limits.maximumFrameBytes else {
            throw WireError(
                operation: "decoding a frame",
                reason: "\(frame.count) bytes is over the \(limits.maximumFrameBytes)-byte limit"
            )
        }
        var reader = ByteReader(frame, limits: limits)
        let m0 = try reader.readByte("magic")
        let m1 = try reader.readByte("magic")
        guard m0 == magic.0, m1 == magic.1 else {
            throw WireError(operation: "decoding a frame", reason: "not a RowProof frame (bad magic bytes)")
        }
        let frameVersion = try reader.readByte("version")
        guard frameVersion == version else {
            throw WireError(
                operation: "decoding a frame",
                reason:
                    "protocol version \(frameVersion) is not supported (this build speaks version \(version)); run the same RowProof version on coordinator and workers"
            )
        }
        let rawType = try reader.readByte("message type")
        guard let type = MessageType(rawValue: rawType) else {
            throw WireError(operation: "decoding a frame", reason: "unknown message type \(rawType)")
        }
        let message: WireMessage
        switch type {
        case .ready:
            message = .ready(
                Ready(workerID: try reader.readString("worker id"), credits: try reader.read(UInt32.self, "credits"))
            )
        case .heartbeat:
            let sequence = try reader.read(UInt64.self, "sequence")
            let count = Int(try reader.read(UInt32.self, "lease count"))
            guard count <= limits.maximumLeaseIDs else {
                throw WireError(
                    operation: "decoding a frame",
                    reason: "heartbeat lists \(count) leases, over the limit of \(limits.maximumLeaseIDs)"
                )
            }
            var leases: [UInt64] = []
            leases.reserveCapacity(count)
            for _ in 0..<count { leases.append(try reader.read(UInt64.self, "lease id")) }
            message = .heartbeat(Heartbeat(sequence: sequence, activeLeases: leases))
        case .lease:
            message = .lease(
                Lease(
                    leaseID: try reader.read(UInt64.self, "lease id"),
                    attempt: try reader.read(UInt32.self, "attempt"),
                    plan: try reader.readBlob("plan", limit: limits.maximumPlanBytes),
                    keyID: try reader.readString("key id"),
                    signature: try reader.readBlob("signature", limit: 1024),
                    leaseSeconds: try reader.read(UInt32.self, "lease seconds")
                )
            )
        case .result:
            message = .result(
                ChunkResultFrame(
                    leaseID: try reader.read(UInt64.self, "lease id"),
                    compressed: try reader.readBlob("result", limit: limits.maximumFrameBytes)
                )
            )
        case .failure:
            message = .failure(
                LeaseFailure(
                    leaseID: try reader.read(UInt64.self, "lease id"),
                    isRetryable: try reader.readBool("retryable"),
                    message: try reader.readString("message")
                )
            )
        case .reject:
            message = .reject(reason: try reader.readString("reason"))
        case .shutdown:
            message = .shutdown(reason: try reader.readString("reason"))
        }
        try reader.expectEnd()
        return message
    }
}

internal import CZeroMQ

/// Answers ZeroMQ's authentication requests (ZAP, RFC 27) for a CURVE server: a client whose public
/// key is not on the allow-list is refused before any of its frames reach RowProof.
///
/// Lives on the socket loop's thread, like the socket it guards.
final class ZAPHandler {
    private let socket: ZMQSocket
    private let allowedKeys: Set<String>
    private let onDecision: (String, Bool) -> Void

    init(context: ZMQContext, allowedKeys: Set<String>, onDecision: @escaping (String, Bool) -> Void) throws(WireError)
    {
        socket = try ZMQSocket(context: context, type: .rep)
        try socket.bind("inproc://zeromq.zap.01")
        self.allowedKeys = allowedKeys
        self.onDecision = onDecision
    }

    var rawSocket: UnsafeMutableRawPointer? { socket.rawHandle }

    /// Handles one pending request, if any.
    func handlePending() throws(WireError) {
        guard let request = try socket.receive(timeoutMilliseconds: 0) else { return }
        // version, request id, domain, address, identity, mechanism, credentials...
        guard request.count >= 7 else { return }
        let version = request[0]
        let requestID = request[1]
        let mechanism = String(decoding: request[5], as: UTF8.self)
        var allowed = false
        var key = ""
        if mechanism == "CURVE", request[6].count == 32 {
            key = z85Encode(request[6])
            allowed = allowedKeys.isEmpty || allowedKeys.contains(key)
        }
        onDecision(key, allowed)
        try socket.send([
            version, requestID,
            Array((allowed ? "200" : "400").utf8),
            Array((allowed ? "OK" : "client key not on the allow-list").utf8),
            Array((allowed ? key : "").utf8), [],
        ])
    }
}

/// Z85-encodes 32 bytes (ZeroMQ RFC 32), as CURVE public keys are written.
func z85Encode(_ bytes: [UInt8]) -> String {
    var out = [CChar](repeating: 0, count: bytes.count * 5 / 4 + 1)
    _ = bytes.withUnsafeBufferPointer { zmq_z85_encode(&out, $0.baseAddress, $0.count) }
    return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

internal import CZeroMQ

/// A CURVE key pair in Z85 text (40 characters each), as ZeroMQ uses for encrypted, authenticated links.
public struct CurveKeyPair: Sendable, Equatable, Codable {
    /// The public key (share it: workers need the coordinator's; the coordinator's allow-list holds workers').
    public var publicKey: String
    /// The secret key (keep it in a file readable only by its owner, or in Vault).
    public var secretKey: String

    /// Creates a key pair from existing Z85 keys.
    public init(publicKey: String, secretKey: String) throws(WireError) {
        guard publicKey.utf8.count == 40, secretKey.utf8.count == 40 else {
            throw WireError(operation: "loading a CURVE key pair", reason: "keys must be 40-character Z85 strings")
        }
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    /// Generates a new key pair.
    public static func generate() throws(WireError) -> CurveKeyPair {
        guard zmq_has("curve") == 1 else {
            throw WireError(
                operation: "generating a CURVE key pair",
                reason: "this libzmq was built without CURVE support"
            )
        }
        var publicKey = [CChar](repeating: 0, count: 41)
        var secretKey = [CChar](repeating: 0, count: 41)
        try zmqCall("zmq_curve_keypair") { zmq_curve_keypair(&publicKey, &secretKey) }
        func text(_ chars: [CChar]) -> String {
            String(decoding: chars.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return try CurveKeyPair(publicKey: text(publicKey), secretKey: text(secretKey))
    }
}

/// CURVE settings of one endpoint.
public enum CurveSecurity: Sendable, Equatable {
    /// The coordinator: its key pair, and the worker public keys allowed to connect (empty: any worker
    /// that knows the server key).
    case server(keys: CurveKeyPair, allowedClientKeys: Set<String>)
    /// A worker: its own key pair and the coordinator's public key.
    case client(keys: CurveKeyPair, serverPublicKey: String)
}

extension ZMQSocket {
    /// Applies CURVE settings; must be called before `bind` or `connect`.
    func apply(_ security: CurveSecurity) throws(WireError) {
        switch security {
        case .server(let keys, _):
            try setOption(ZMQ_CURVE_SERVER, Int32(1))
            try setOption(ZMQ_CURVE_SECRETKEY, bytes: Array(keys.secretKey.utf8))
            try setOption(ZMQ_ZAP_DOMAIN, bytes: Array("rowproof".utf8))
        case .client(let keys, let serverPublicKey):
            try setOption(ZMQ_CURVE_SERVERKEY, bytes: Array(serverPublicKey.utf8))
            try setOption(ZMQ_CURVE_PUBLICKEY, bytes: Array(keys.publicKey.utf8))
            try setOption(ZMQ_CURVE_SECRETKEY, bytes: Array(keys.secretKey.utf8))
        }
    }
}

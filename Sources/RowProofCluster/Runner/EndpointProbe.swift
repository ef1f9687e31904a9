import RowProofWire

/// Checks that a coordinator endpoint can be bound, before any job needs it.
public enum EndpointProbe {
    /// Binds a ROUTER socket at `endpoint`, closes it, and returns the endpoint it got (with the
    /// port filled in for `tcp://HOST:*`).
    ///
    /// - Throws: a ``WireError`` naming the endpoint and the reason (address in use, bad host…).
    public static func bind(_ endpoint: String) throws -> String {
        let context = try ZMQContext()
        defer { context.terminate() }
        let loop = try SocketLoop(context: context, type: .router, attachment: .bind(endpoint))
        defer { loop.shutdown() }
        return loop.endpoint
    }
}

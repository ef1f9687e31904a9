/// Why a signed plan is refused. Each reason is its own case so callers and tests can tell them apart.
public struct SignedPlanError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reasons a plan is refused.
    public enum Reason: Sendable, Equatable {
        /// The document has no signature.
        case unsigned
        /// The signature names a key that is not in the key ring.
        case unknownKey(keyID: String, trusted: [String])
        /// The payload does not hash to `payload_sha256`: the plan's content was changed.
        case contentAltered(expected: String, actual: String)
        /// The signature does not verify over the plan: altered after signing, or a signature of another plan.
        case badSignature(keyID: String)
        /// The plan is of another kind than expected.
        case wrongKind(expected: String, found: String)
        /// The document is not a signed plan at all.
        case malformed(String)
    }

    /// Why.
    public var reason: Reason
    /// The plan file or name, for messages.
    public var source: String

    /// Creates an error.
    public init(_ reason: Reason, source: String) {
        self.reason = reason
        self.source = source
    }

    public var description: String {
        switch reason {
        case .unsigned:
            "\(source): the plan is unsigned; refusing it (sign it with `rowproof plan sign`)"
        case .unknownKey(let keyID, let trusted):
            "\(source): the plan is signed by unknown key \"\(keyID)\"; trusted keys: "
                + (trusted.isEmpty
                    ? "none (add <key_id>.pub.pem to the trusted-keys folder)" : trusted.joined(separator: ", "))
        case .contentAltered(let expected, let actual):
            "\(source): the plan's payload was altered: it hashes to \(actual.prefix(16))… but payload_sha256 says \(expected.prefix(16))…"
        case .badSignature(let keyID):
            "\(source): the signature does not verify under key \"\(keyID)\": the plan was altered after signing or the signature belongs to another plan"
        case .wrongKind(let expected, let found):
            "\(source): expected a \(expected) but the plan is a \(found)"
        case .malformed(let why):
            "\(source): not a signed plan: \(why)"
        }
    }
}

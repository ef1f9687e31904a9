/// An Ed25519 signature over the RFC 8785 canonical JSON of the signed content.
public struct SignatureBlock: ContractModel {
    /// Signature algorithms RowProof accepts.
    public enum Algorithm: String, ContractEnum {
        /// Ed25519 (RFC 8032).
        case ed25519
    }

    /// The algorithm; always Ed25519.
    public var algorithm: Algorithm
    /// The signing key's identifier.
    public var keyID: String
    /// The 64-byte signature as 128 lowercase hex digits or padded base64.
    public var signature: String
    /// When the content was signed (RFC 3339).
    public var signedAt: String

    /// Creates a signature block.
    public init(algorithm: Algorithm = .ed25519, keyID: String, signature: String, signedAt: String) {
        self.algorithm = algorithm
        self.keyID = keyID
        self.signature = signature
        self.signedAt = signedAt
    }

    enum CodingKeys: String, CodingKey {
        case algorithm
        case keyID = "key_id"
        case signature
        case signedAt = "signed_at"
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["key_id"].check(keyID, matches: .identifier)
        try path["signature"].check(signature, matches: .signature)
        try path["signed_at"].check(signedAt, matches: .timestamp)
    }
}

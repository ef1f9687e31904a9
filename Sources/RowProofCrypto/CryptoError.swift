/// An error from the cryptographic layer, with OpenSSL's own reason when it gave one.
public struct CryptoError: Error, CustomStringConvertible, Sendable {
    /// What the caller was doing, for example `"loading the Ed25519 private key"`.
    public let operation: String
    /// OpenSSL's error queue at the time of failure, or a RowProof explanation.
    public let reason: String

    /// Creates an error for `operation` with `reason`.
    public init(operation: String, reason: String) {
        self.operation = operation
        self.reason = reason
    }

    public var description: String { "\(operation) failed: \(reason)" }
}

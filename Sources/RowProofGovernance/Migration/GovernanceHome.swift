public import Foundation

/// The folder holding a team's governance state.
///
/// - `rowproof-governance.sqlite`: the migration registry (migrations, artifacts, approvals,
///   gate verdicts, state history).
/// - `rowproof-audit.sqlite`: the audit log, unless it lives on Postgres.
/// - `trusted-keys/<key_id>.pub.pem`: the keys trusted to sign plans.
public struct GovernanceHome: Sendable, Equatable {
    /// The folder.
    public let url: URL

    /// A home at `path` (created by ``prepare()``).
    public init(path: String) {
        self.url = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    }

    /// The registry database.
    public var registryPath: String { url.appendingPathComponent("rowproof-governance.sqlite").path }
    /// The default audit log database.
    public var auditPath: String { url.appendingPathComponent("rowproof-audit.sqlite").path }
    /// The trusted public keys.
    public var trustedKeysDirectory: URL { url.appendingPathComponent("trusted-keys", isDirectory: true) }

    /// Creates the folder and `trusted-keys/` if needed.
    ///
    /// - Throws: ``GovernanceError/Code-swift.struct/storage`` when they cannot be created.
    public func prepare() throws(GovernanceError) {
        do {
            try FileManager.default.createDirectory(at: trustedKeysDirectory, withIntermediateDirectories: true)
        } catch {
            throw GovernanceError(
                .storage,
                "cannot create the governance home \(url.path): \(error.localizedDescription)"
            )
        }
    }

    /// The trusted keys in `trusted-keys/`.
    public func keyRing() throws(GovernanceError) -> KeyRing {
        try KeyRing.load(directory: trustedKeysDirectory)
    }
}

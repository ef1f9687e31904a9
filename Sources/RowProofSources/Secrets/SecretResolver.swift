import Foundation

/// Turns ``SecretReference``s into their values at connect time.
///
/// Values are returned to the connector and never logged; every error names the reference
/// (which is not secret) and never the value.
public struct SecretResolver: Sendable {
    /// The environment `env://` references and the Vault settings are read from.
    public var environment: [String: String]
    /// How long a Vault request may take.
    public var vaultTimeout: Duration

    /// Creates a resolver over `environment` (`nil`: the process environment).
    public init(environment: [String: String]? = nil, vaultTimeout: Duration = .seconds(10)) {
        self.environment = environment ?? ProcessInfo.processInfo.environment
        self.vaultTimeout = vaultTimeout
    }

    /// Returns the secret `reference` points to.
    ///
    /// - Throws: ``SourceError/Kind/connection`` naming the reference and what is missing.
    public func resolve(_ reference: SecretReference) throws(SourceError) -> String {
        switch reference {
        case .environment(let name):
            guard let value = environment[name] else {
                throw SourceError(
                    .connection,
                    "secret \(reference) cannot be resolved: the environment variable \(name) is not set",
                    hint: "export \(name) before running, or reference the secret another way (file://, vault://)"
                )
            }
            return value
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw SourceError(
                    .connection,
                    "secret \(reference) cannot be resolved: the file \(path) does not exist or is not readable",
                    hint: "create the file (mode 0600) with the secret as its only line"
                )
            }
            var text = String(decoding: data, as: UTF8.self)
            while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
            return text
        case .vault(let mount, let path, let key):
            return try VaultClient(environment: environment, timeout: vaultTimeout)
                .read(mount: mount, path: path, key: key, reference: reference)
        }
    }
}

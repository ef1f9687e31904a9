import Foundation
import RowProofContracts
import RowProofCrypto
public import RowProofSources

/// The bearer tokens the server accepts, kept only as SHA-256 digests and compared in constant time.
///
/// The tokens file (YAML or JSON) lists one entry per token:
///
/// ```yaml
/// tokens:
///   - name: ci-pipeline
///     role: submitter                 # submitter, approver or admin
///     sha256: 9f86d081884c7d65…        # hex SHA-256 of the token (printf %s "$TOKEN" | sha256sum)
///   - name: ops
///     role: admin
///     token: env://ROWPROOF_ADMIN_TOKEN   # or file:///run/secrets/token, vault://path#key
/// ```
public struct TokenStore: Sendable {
    private struct Entry: Sendable {
        var digest: [UInt8]
        var identity: TokenIdentity
    }

    private let entries: [Entry]

    /// Creates a store from `(token, identity)` pairs; the tokens are hashed at once.
    public init(tokens: [(token: String, identity: TokenIdentity)]) {
        entries = tokens.map { Entry(digest: SHA256.hash(Array($0.token.utf8)), identity: $0.identity) }
    }

    private init(entries: [Entry]) {
        self.entries = entries
    }

    /// Loads the tokens file at `path`, resolving `token:` references with `resolver`.
    ///
    /// - Throws: ``ServerError`` naming the entry and the field that is wrong.
    public static func load(path: String, resolver: SecretResolver = SecretResolver()) throws -> TokenStore {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ServerError(.configuration, "cannot read the tokens file \(path): \(error.localizedDescription)")
        }
        let tree: JSONValue
        do {
            tree = try ContractDecoder().parse(data, format: ContractDecoder.Format(fileName: path))
        } catch {
            throw ServerError(.configuration, "tokens file \(path): \(error)")
        }
        guard case .object(let root) = tree, case .array(let list)? = root["tokens"] else {
            throw ServerError(.configuration, "tokens file \(path): expected an object with a \"tokens\" array")
        }
        var entries: [Entry] = []
        for (index, item) in list.enumerated() {
            let at = "tokens file \(path): tokens[\(index)]"
            guard case .object(let fields) = item else {
                throw ServerError(.configuration, "\(at): expected an object")
            }
            guard case .string(let name)? = fields["name"], !name.isEmpty else {
                throw ServerError(
                    .configuration,
                    "\(at).name: give the token a name (it appears in logs and job records)"
                )
            }
            guard case .string(let roleName)? = fields["role"], let role = Role(rawValue: roleName) else {
                throw ServerError(.configuration, "\(at).role: use submitter, approver or admin")
            }
            let digest: [UInt8]
            switch (fields["sha256"], fields["token"]) {
            case (.string(let hex)?, nil):
                guard let bytes = Hex.decode(hex.lowercased()), bytes.count == SHA256.byteCount else {
                    throw ServerError(.configuration, "\(at).sha256: expected 64 hex digits (the SHA-256 of the token)")
                }
                digest = bytes
            case (nil, .string(let text)?):
                guard let reference = SecretReference(parsing: text) else {
                    throw ServerError(
                        .configuration,
                        "\(at).token: expected a reference (env://NAME, file:///path, vault://path#key), never the token itself"
                    )
                }
                let secret: String
                do {
                    secret = try resolver.resolve(reference).trimmingCharacters(in: .whitespacesAndNewlines)
                } catch {
                    throw ServerError(.configuration, "\(at).token: \(error)")
                }
                guard !secret.isEmpty else { throw ServerError(.configuration, "\(at).token: \(reference) is empty") }
                digest = SHA256.hash(Array(secret.utf8))
            default:
                throw ServerError(
                    .configuration,
                    "\(at): give exactly one of sha256 (hex digest) or token (a secret reference)"
                )
            }
            entries.append(Entry(digest: digest, identity: TokenIdentity(name: name, role: role)))
        }
        guard !entries.isEmpty else { throw ServerError(.configuration, "tokens file \(path): no tokens listed") }
        return TokenStore(entries: entries)
    }

    /// The identity of `token`, or `nil` when no entry matches.
    ///
    /// Every entry is compared, each in constant time, so timing reveals neither which entry
    /// nor how many leading bytes matched.
    public func identity(of token: String) -> TokenIdentity? {
        let digest = SHA256.hash(Array(token.utf8))
        var match: TokenIdentity?
        for entry in entries {
            var difference: UInt8 = 0
            for index in 0..<SHA256.byteCount { difference |= entry.digest[index] ^ digest[index] }
            if difference == 0 && match == nil { match = entry.identity }
        }
        return match
    }
}

/// Where a secret (a password or a whole connection URL) is kept, instead of writing it down.
///
/// - `env://NAME`: the environment variable `NAME`.
/// - `file:///path`: the file's contents, without a trailing newline.
/// - `vault://mount/path#key`: HashiCorp Vault KV v2, the field `key` of the secret at
///   `mount/path`, read from `$VAULT_ADDR` with the token in `$VAULT_TOKEN`.
///
/// References are not secret themselves, so ``description`` may appear in messages.
public enum SecretReference: Sendable, Hashable, CustomStringConvertible {
    /// An environment variable.
    case environment(name: String)
    /// A file; its contents without the trailing newline.
    case file(path: String)
    /// A field of a Vault KV v2 secret: `mount` is the secrets engine's mount, `path` the secret below it.
    case vault(mount: String, path: String, key: String)

    /// Parses `env://…`, `file://…` or `vault://…`; returns `nil` for any other text.
    public init?(parsing text: String) {
        if text.hasPrefix("env://") {
            let name = String(text.dropFirst(6))
            guard !name.isEmpty else { return nil }
            self = .environment(name: name)
        } else if text.hasPrefix("file://") {
            let path = String(text.dropFirst(7))
            guard path.hasPrefix("/") else { return nil }
            self = .file(path: path.removingPercentEscapes())
        } else if text.hasPrefix("vault://") {
            let rest = text.dropFirst(8)
            guard let hash = rest.lastIndex(of: "#") else { return nil }
            let location = rest[..<hash].split(separator: "/", maxSplits: 1).map(String.init)
            let key = String(rest[rest.index(after: hash)...])
            guard location.count == 2, !location[1].isEmpty, !key.isEmpty else { return nil }
            self = .vault(mount: location[0], path: location[1], key: key)
        } else {
            return nil
        }
    }

    /// Whether `text` starts like a secret reference (`env://`, `file://`, `vault://`).
    public static func looksLikeReference(_ text: String) -> Bool {
        text.hasPrefix("env://") || text.hasPrefix("file://") || text.hasPrefix("vault://")
    }

    /// The reference as written: `env://PGPASSWORD_PROD`, `vault://secret/app/db#password`.
    public var description: String {
        switch self {
        case .environment(let name): "env://\(name)"
        case .file(let path): "file://\(path)"
        case .vault(let mount, let path, let key): "vault://\(mount)/\(path)#\(key)"
        }
    }
}

extension String {
    /// Decodes `%XX` escapes; leaves malformed escapes as they are.
    func removingPercentEscapes() -> String {
        guard contains("%") else { return self }
        var out: [UInt8] = []
        let bytes = Array(utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let value = UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                out.append(value)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

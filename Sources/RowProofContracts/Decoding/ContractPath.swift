/// A location inside a contract document, such as `tables[2].key_columns`.
///
/// Paths are rendered the way users read them: object members joined with `.`, array elements
/// as `[index]`, and member names that are not plain identifiers (a column mapping's
/// `"public.orders"`) quoted in brackets.
public struct ContractPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path.
    public enum Component: Sendable, Hashable {
        /// An object member.
        case key(String)
        /// An array element.
        case index(Int)
    }

    /// The steps from the document root; empty for the root itself.
    public var components: [Component]

    /// Creates a path from its components; the root when `components` is empty.
    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// Whether this is the document root.
    public var isRoot: Bool { components.isEmpty }

    /// The path of the member `key` of the object at this path.
    public subscript(key: String) -> ContractPath {
        ContractPath(components + [.key(key)])
    }

    /// The path of element `index` of the array at this path.
    public subscript(index: Int) -> ContractPath {
        ContractPath(components + [.index(index)])
    }

    /// The rendered path, for example `tables[2].key_columns`; `<root>` for the root.
    public var description: String {
        if components.isEmpty { return "<root>" }
        var text = ""
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key) where Self.isPlain(key):
                text += text.isEmpty ? key : ".\(key)"
            case .key(let key):
                text += "[\"\(key)\"]"
            }
        }
        return text
    }

    private static func isPlain(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return key.unicodeScalars.allSatisfy {
            $0 == "_" || $0 == "-" || $0.properties.isAlphabetic || ("0"..."9").contains($0)
        }
    }
}

extension ContractPath {
    /// Converts a `Decoder` coding path: keys with an integer value are array indices.
    init(codingPath: [any CodingKey]) {
        self.init(
            codingPath.map { key in
                if let index = key.intValue { return .index(index) }
                return .key(key.stringValue)
            }
        )
    }
}

/// A contract document that cannot be used, with where and why.
///
/// ```
/// job.yaml: tables[2].key_columns: expected an array of strings (got a string "order_id")
/// job.yaml: chunking.chunk_rows: must be >= 1 (got 0)
/// ```
public struct ContractError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file the document was read from, when known.
    public var file: String?
    /// Where in the document the problem is; the root for problems with the whole document.
    public var path: ContractPath
    /// What is wrong and, where it helps, what is expected.
    public var message: String

    /// Creates an error at `path`.
    public init(file: String? = nil, path: ContractPath, _ message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    /// `file: path: message`, leaving out what is unknown.
    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if !path.isRoot { parts.append(path.description) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}

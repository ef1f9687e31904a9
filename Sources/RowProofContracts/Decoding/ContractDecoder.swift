public import Foundation

/// Decodes contract documents (JSON or YAML) strictly and validates them.
///
/// Every problem comes back as a ``ContractError`` naming the file, the field path and what
/// was expected:
///
/// ```swift
/// let job = try ContractDecoder().decode(ReconJob.self, from: data, fileName: "orders.yaml")
/// // orders.yaml: tables[0]: unknown field "keyz"; known fields: source, target, key_columns, ...
/// ```
///
/// Decoding rejects wrong types, missing required fields, unknown enumeration values and
/// unknown fields; then the model's ``ContractModel/validate(at:)`` checks ranges, patterns
/// and cross-field rules.
public struct ContractDecoder: Sendable {
    /// The syntax of a document.
    public enum Format: Sendable, Hashable {
        /// JSON (RFC 8259).
        case json
        /// YAML 1.1, restricted to what JSON can express.
        case yaml

        /// `.yaml` for names ending in `.yaml` or `.yml`, `.json` otherwise.
        public init(fileName: String) {
            let lowered = fileName.lowercased()
            self = lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") ? .yaml : .json
        }
    }

    /// Creates a decoder.
    public init() {}

    /// Decodes and validates a document.
    ///
    /// - Parameters:
    ///   - type: The contract to decode.
    ///   - data: The document's bytes (UTF-8).
    ///   - fileName: The document's name, used in errors and to pick the format when `format`
    ///     is `nil`.
    ///   - format: The syntax; inferred from `fileName` when `nil`.
    /// - Returns: The decoded, validated value.
    /// - Throws: ``ContractError`` for a syntax error, a shape error or a broken rule.
    public func decode<T: ContractModel>(
        _ type: T.Type,
        from data: Data,
        fileName: String,
        format: Format? = nil
    ) throws(ContractError) -> T {
        do {
            let tree = try parse(data, format: format ?? Format(fileName: fileName))
            return try decode(type, from: tree)
        } catch {
            var located = error
            located.file = fileName
            throw located
        }
    }

    /// Reads, decodes and validates the document at `url`.
    ///
    /// - Throws: ``ContractError`` when the file cannot be read or the document is not valid.
    public func decode<T: ContractModel>(_ type: T.Type, contentsOf url: URL) throws(ContractError) -> T {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ContractError(
                file: url.path,
                path: ContractPath(),
                "cannot read the file: \(error.localizedDescription)"
            )
        }
        return try decode(type, from: data, fileName: url.path)
    }

    /// Decodes and validates a value from an already parsed tree.
    ///
    /// - Throws: ``ContractError`` for a shape error or a broken rule.
    public func decode<T: ContractModel>(_ type: T.Type, from tree: JSONValue) throws(ContractError) -> T {
        let usage = KeyUsage()
        let decoder = TreeDecoder(value: tree, codingPath: [], usage: usage)
        let value: T
        do {
            value = try decoder.unbox(type, from: tree, at: [])
        } catch let error as ContractError {
            throw error
        } catch let error as DecodingError {
            throw ContractError(error)
        } catch {
            throw ContractError(path: ContractPath(), "\(error)")
        }
        if let unknown = usage.firstUnknownField() { throw unknown }
        try value.validate()
        return value
    }

    /// Parses a document into a tree, without decoding it.
    ///
    /// - Throws: ``ContractError`` when the document is not well-formed.
    public func parse(_ data: Data, format: Format) throws(ContractError) -> JSONValue {
        switch format {
        case .json: try JSONTreeParser.parse(data)
        case .yaml: try YAMLTreeParser.parse(data)
        }
    }
}

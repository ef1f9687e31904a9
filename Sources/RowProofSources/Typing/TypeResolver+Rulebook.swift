public import Foundation
public import RowProofCore

extension TypeResolver {
    /// A resolver with `engine`'s table and the char-padding default from the rulebook's JSON.
    ///
    /// - Throws: ``SourceError/Kind/schema`` when the rulebook has no table for `engine`.
    public init(rulebook data: Data, engine: SourceLocation.Engine) throws(SourceError) {
        let mapping = try Self.mapping(fromRulebook: data, engine: engine)
        let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        let padding = (root?["defaults"] as? [String: Any])?["char_padding"] as? String
        self.init(engine: engine, mapping: mapping, trimsCharPadding: padding.map { $0 == "trim_trailing" } ?? true)
    }

    /// Reads `engine`'s type table from the type-coercion rulebook's JSON
    /// (`policy/type_coercion_rulebook.json`).
    ///
    /// The rulebook lists `mappings`, each with `engine`, `engine_type`, `aliases` and
    /// `logical_type`; every name and alias maps to the logical type. Entries whose logical type
    /// is a bare `array` are skipped: an array's type comes from its element. Per-engine objects
    /// (`{"postgres": {"int8": "decimal"}}`, also under `engines`) are accepted as well.
    ///
    /// - Throws: ``SourceError/Kind/schema`` naming what is missing or which entry is not understood.
    public static func mapping(
        fromRulebook data: Data,
        engine: SourceLocation.Engine
    ) throws(SourceError) -> [String: LogicalType] {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw SourceError(.schema, "the type-coercion rulebook is not a JSON object")
        }
        let names = engine == .postgres ? ["postgres", "postgresql"] : ["sqlite", "sqlite3"]
        var mapping: [String: LogicalType] = [:]
        func add(_ name: String, _ entry: Any) throws(SourceError) {
            let object = entry as? [String: Any]
            let text = (entry as? String) ?? ((object?["logical_type"] ?? object?["logical"]) as? String)
            if text == "array" { return }
            guard let text, let type = LogicalType(text) else {
                throw SourceError(
                    .schema,
                    "the rulebook's \(engine.rawValue) entry \"\(name)\" has no logical type RowProof knows"
                )
            }
            mapping[name] = type
            for alias in object?["aliases"] as? [String] ?? [] { mapping[alias] = type }
        }
        if let list = root["mappings"] as? [[String: Any]] {
            for entry in list where names.contains((entry["engine"] as? String ?? "").lowercased()) {
                guard let name = entry["engine_type"] as? String else { continue }
                try add(name, entry)
            }
        } else {
            let containers = [root, root["engines"] as? [String: Any]].compactMap { $0 }
            guard let section = names.lazy.compactMap({ name in containers.lazy.compactMap { $0[name] }.first }).first,
                let object = section as? [String: Any]
            else {
                throw SourceError(.schema, "the type-coercion rulebook has no \(engine.rawValue) section")
            }
            for (name, entry) in object { try add(name, entry) }
        }
        guard !mapping.isEmpty else {
            throw SourceError(.schema, "the type-coercion rulebook maps no \(engine.rawValue) types")
        }
        return mapping
    }
}

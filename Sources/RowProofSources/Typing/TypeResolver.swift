import Foundation
public import RowProofCore

/// Maps an engine's type names to logical types, mirroring the type-coercion rulebook
/// (`policy/type_coercion_rulebook.json`).
///
/// Each engine has a built-in table (``postgres``, ``sqlite``); a job may inject the rulebook's
/// own table instead with ``init(engine:mapping:trimsCharPadding:)``. Names are looked up
/// lowercased and without their modifiers (`numeric(12,2)` → `numeric`, `VARCHAR(20)` → `varchar`).
public struct TypeResolver: Sendable {
    /// The engine whose type names this resolver knows.
    public var engine: SourceLocation.Engine
    /// Lowercased engine type name (without modifiers) → logical type.
    public var mapping: [String: LogicalType]
    /// Whether `char(n)`/`bpchar` values lose their trailing blanks (the rulebook's default).
    public var trimsCharPadding: Bool

    /// Creates a resolver from a mapping, for example one read from the rulebook.
    public init(engine: SourceLocation.Engine, mapping: [String: LogicalType], trimsCharPadding: Bool = true) {
        self.engine = engine
        self.mapping = Dictionary(
            mapping.map { (Self.baseName($0.key), $0.value) },
            uniquingKeysWith: { first, _ in first }
        )
        self.trimsCharPadding = trimsCharPadding
    }

    /// The built-in resolver for `engine`.
    public static func builtIn(for engine: SourceLocation.Engine) -> TypeResolver {
        switch engine {
        case .postgres: .postgres
        case .sqlite: .sqlite
        }
    }

    /// The logical type of `engineType`, or `nil` when RowProof has no canonical form for it.
    ///
    /// Postgres arrays (`_int4`, `integer[]`) resolve to `array(of:)` their element's type.
    /// SQLite names not in the table follow SQLite's affinity rules (`INT` → decimal, `CHAR`,
    /// `CLOB`, `TEXT` → text, `BLOB` → bytes, `REAL`, `FLOA`, `DOUB` → float, else decimal).
    public func logicalType(forEngineType engineType: String) -> LogicalType? {
        let name = Self.baseName(engineType)
        if let type = mapping[name] { return type }
        switch engine {
        case .postgres:
            if name.hasSuffix("[]") {
                return logicalType(forEngineType: String(name.dropLast(2))).map { .array(of: $0) }
            }
            if name.hasPrefix("_") {
                return logicalType(forEngineType: String(name.dropFirst())).map { .array(of: $0) }
            }
            return nil
        case .sqlite:
            return Self.sqliteAffinity(name)
        }
    }

    /// `numeric(12,2)` → `numeric`, `TIMESTAMP(3) WITH TIME ZONE` → `timestamp with time zone`.
    static func baseName(_ engineType: String) -> String {
        var out = ""
        var depth = 0
        for character in engineType.lowercased() {
            if character == "(" { depth += 1; continue }
            if character == ")" { depth -= 1; continue }
            if depth == 0 { out.append(character) }
        }
        return out.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            .replacingOccurrences(of: " []", with: "[]")
    }

    /// SQLite's column affinity rules (https://sqlite.org/datatype3.html, section 3.1).
    static func sqliteAffinity(_ name: String) -> LogicalType {
        if name.contains("int") { return .decimal }
        if name.contains("char") || name.contains("clob") || name.contains("text") { return .text }
        if name.contains("blob") || name.isEmpty { return .bytes }
        if name.contains("real") || name.contains("floa") || name.contains("doub") { return .float }
        return .decimal
    }
}

import Foundation
import RowProofCore
import RowProofSources
import RowProofTestSupport
import Testing

@Suite struct TypeResolverTests {
    static let rulebook = TestEnvironment.repositoryRoot.appendingPathComponent("policy/type_coercion_rulebook.json")

    @Test(arguments: [
        ("numeric(12,2)", LogicalType.decimal), ("int4", .decimal), ("character varying(20)", .text), ("bpchar", .text),
        ("timestamp with time zone", .timestamp), ("jsonb", .json), ("_int4", .array(of: .decimal)),
        ("text[]", .array(of: .text)), ("enum", .text), ("bytea", .bytes),
    ])
    func postgresNames(name: String, type: LogicalType) {
        #expect(TypeResolver.postgres.logicalType(forEngineType: name) == type)
    }

    @Test func postgresUnknownTypeHasNoLogicalType() {
        #expect(TypeResolver.postgres.logicalType(forEngineType: "aclitem") == nil)
        #expect(TypeResolver.postgres.logicalType(forEngineType: "tid") == nil)
    }

    @Test(arguments: ["int4range", "tstzrange", "box", "point", "hstore", "varbit", "tsvector", "pg_lsn", "_inet"])
    func postgresTypesComparedAsTheirTextOutput(name: String) {
        let expected: LogicalType = name.hasPrefix("_") ? .array(of: .text) : .text
        #expect(TypeResolver.postgres.logicalType(forEngineType: name) == expected)
    }

    @Test(arguments: [
        ("INTEGER", LogicalType.decimal), ("DECIMAL(12,2)", .decimal), ("REAL", .float), ("VARCHAR(40)", .text),
        ("BLOB", .bytes), ("BOOLEAN", .bool), ("DATETIME", .timestamp), ("DATE", .date), ("UUID", .uuid),
        ("JSON", .json),
        ("UNSIGNED BIG INT", .decimal), ("NATIVE CHARACTER(70)", .text), ("DOUBLE PRECISION", .float), ("", .bytes),
        ("MONEYISH", .decimal),
    ])
    func sqliteNamesAndAffinity(name: String, type: LogicalType) {
        #expect(TypeResolver.sqlite.logicalType(forEngineType: name) == type)
    }

    @Test func injectedMappingWins() {
        let resolver = TypeResolver(engine: .postgres, mapping: ["money": .decimal])
        #expect(resolver.logicalType(forEngineType: "money") == .decimal)
        #expect(resolver.logicalType(forEngineType: "int4") == nil)
    }

    @Test func rulebookMappingShapesAreRead() throws {
        let json = Data(#"{"engines": {"postgres": {"int8": {"logical": "decimal"}, "jsonb": "json"}}}"#.utf8)
        let mapping = try TypeResolver.mapping(fromRulebook: json, engine: .postgres)
        #expect(mapping == ["int8": .decimal, "jsonb": .json])
        #expect(throws: SourceError.self) { try TypeResolver.mapping(fromRulebook: json, engine: .sqlite) }
    }

    /// The built-in tables agree with `policy/type_coercion_rulebook.json` for every type both know.
    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: rulebook.path),
            "policy/type_coercion_rulebook.json is not written yet"
        )
    )
    func builtInTablesAgreeWithTheRulebook() throws {
        let data = try Data(contentsOf: Self.rulebook)
        for engine in [SourceLocation.Engine.postgres, .sqlite] {
            let mapping = try TypeResolver.mapping(fromRulebook: data, engine: engine)
            #expect(!mapping.isEmpty)
            let builtIn = TypeResolver.builtIn(for: engine)
            for (name, type) in mapping {
                #expect(builtIn.logicalType(forEngineType: name) == type, "\(engine) type \(name)")
            }
        }
    }
}

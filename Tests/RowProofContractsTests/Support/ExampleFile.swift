/// One example document under `schemas/examples/<schema>/`.
struct ExampleFile: Sendable, CustomStringConvertible {
    let kind: ContractKind
    let name: String

    var relativePath: String { "schemas/examples/\(kind.rawValue)/\(name)" }
    var description: String { "\(kind.rawValue)/\(name)" }
    var isValid: Bool { name.hasPrefix("valid-") }
}

/// The example documents on disk.
enum ExampleCatalog {
    /// The folders under `schemas/examples`.
    static let folders: [String] = RepositoryFiles.names(in: "schemas/examples")

    static let all: [ExampleFile] = folders.flatMap { folder -> [ExampleFile] in
        guard let kind = ContractKind(rawValue: folder) else { return [] }
        return RepositoryFiles.names(in: "schemas/examples/\(folder)")
            .filter { $0.hasSuffix(".json") || $0.hasSuffix(".yaml") }
            .map { ExampleFile(kind: kind, name: $0) }
    }

    static let valid: [ExampleFile] = all.filter { $0.name.hasPrefix("valid-") }
    static let invalid: [ExampleFile] = all.filter { $0.name.hasPrefix("invalid-") }

    /// The instance files that must validate: (file, contract).
    static let instances: [(path: String, kind: ContractKind)] = [
        ("policy/policy.json", .policy),
        ("policy/type_coercion_rulebook.json", .typeCoercionRulebook),
        ("policy/type_rules/postgres_parquet.json", .typeCoercionRulebook),
        ("schemas/state_machine.json", .stateMachine),
        ("archetypes/postgres_to_postgres.json", .archetype),
        ("archetypes/sqlite_to_postgres.json", .archetype),
    ]
}

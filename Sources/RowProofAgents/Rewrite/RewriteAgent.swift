import Foundation
import RowProofContracts

/// The rewrite agent: turns a column mapping into a dbt model (`models/<table>.sql`, a `select`
/// casting each column to its target type, plus `models/schema.yml` with not_null and unique
/// tests on the key and accepted ranges where the profile measured them) and a Spark SQL
/// variant (`spark/<table>.sql`).
public struct RewriteAgent: Sendable {
    /// Creates the agent.
    public init() {}

    /// Writes the models for `mappings` into `builder`; profiles give the accepted ranges.
    public func run(
        mappings: [TableMapping],
        profiles: [TableProfile],
        builder: inout AgentOutputBuilder
    ) {
        var schemaModels: [String] = []
        var sources: [String: [String]] = [:]
        for mapping in mappings {
            let (schema, table) = Self.split(mapping.source)
            sources[schema, default: []].append(table)
            let model = Self.modelName(mapping.target)
            let dbt = Self.select(
                mapping,
                dialect: .postgres,
                from: "{{ source('\(schema)', '\(table)') }}"
            )
            let spark = Self.select(mapping, dialect: .spark, from: "`\(schema)`.`\(table)`")
            builder.write(text: dbt, to: "models/\(model).sql")
            builder.write(text: spark, to: "spark/\(model).sql")
            let profile = profiles.first { $0.table == mapping.source }
            schemaModels.append(Self.schemaEntry(mapping, model: model, profile: profile))
            let lossy = mapping.columns.filter(\.isLossy)
            builder.claim(
                AgentClaim(
                    id: "model-" + String(model.prefix(50)),
                    statement:
                        "models/\(model).sql selects \(mapping.columns.filter { $0.target != nil }.count) columns of \(mapping.source) "
                        + "cast to the types of \(mapping.target)"
                        + (lossy.isEmpty
                            ? "."
                            : "; lossy casts are marked: "
                                + lossy.map { "\($0.source) (\($0.losses.map(\.kind).joined(separator: ", ")))" }
                                .joined(separator: ", ") + "."),
                    confidence: 1,
                    evidence: [.file("models/\(model).sql"), .file("spark/\(model).sql")]
                        + lossy.flatMap { column in
                            column.losses.map {
                                ClaimEvidence.rule(
                                    $0.rule ?? "mapping:\($0.kind)",
                                    shows: "\(column.source): \($0.detail)"
                                )
                            }
                        }
                )
            )
            if !mapping.keyColumns.isEmpty {
                builder.claim(
                    AgentClaim(
                        id: "tests-" + String(model.prefix(50)),
                        statement:
                            "models/schema.yml tests \(mapping.keyColumns.joined(separator: ", ")) of \(model) for not_null and unique "
                            + "(the source's primary key)"
                            + (profile == nil
                                ? "." : ", and numeric columns for the ranges profiled on the source."),
                        confidence: 1,
                        evidence: [
                            .file("models/schema.yml"),
                            .metric(
                                "primary key of \(mapping.source)",
                                shows: mapping.keyColumns.joined(separator: ", ")
                            ),
                        ]
                            + (profile.map { [.file("profile.json", shows: "\($0.profiledRows) rows profiled")] }
                                ?? [])
                    )
                )
            }
        }
        var yaml = ["version: 2", "", "sources:"]
        for schema in sources.keys.sorted() {
            yaml +=
                ["  - name: \(schema)", "    schema: \(schema)", "    tables:"]
                + sources[schema]!.map { "      - name: \($0)" }
        }
        yaml += ["", "models:"] + schemaModels
        builder.write(text: yaml.joined(separator: "\n") + "\n", to: "models/schema.yml")
        builder.write(
            text: "packages:\n  - package: dbt-labs/dbt_utils\n    version: [\">=1.0.0\", \"<2.0.0\"]\n",
            to: "packages.yml"
        )
    }

    /// `schema.table` → (`schema`, `table`); `public` when unqualified.
    static func split(_ name: String) -> (String, String) {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        return parts.count == 2 ? (parts[0], parts[1]) : ("public", name)
    }

    static func modelName(_ target: String) -> String {
        split(target).1.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" }.reduce(into: "") {
            $0.append($1)
        }
    }

    static func select(_ mapping: TableMapping, dialect: TargetDialect, from: String) -> String {
        var lines = [
            "-- \(mapping.source) -> \(mapping.target), written by rowproof rewrite from the column mapping.",
            "select",
        ]
        let columns = mapping.columns.filter { $0.target != nil }
        for (index, column) in columns.enumerated() {
            let comma = index == columns.count - 1 ? "" : ","
            let cast =
                "cast(\(dialect.quoted(column.source)) as \(dialect.castType(column.targetType ?? column.sourceType))) as \(dialect.quoted(column.target!))"
            let note =
                column.losses.isEmpty
                ? ""
                : "  -- lossy: "
                    + column.losses.map(\.detail).joined(separator: "; ").replacingOccurrences(
                        of: "\n",
                        with: " "
                    )
            lines.append("    \(cast)\(comma)\(note)")
        }
        for column in mapping.columns where column.target == nil {
            lines.append("    -- \(column.source) is not in the target and is dropped")
        }
        lines.append("from \(from)")
        return lines.joined(separator: "\n") + "\n"
    }

    static func schemaEntry(_ mapping: TableMapping, model: String, profile: TableProfile?) -> String {
        var lines = [
            "  - name: \(model)", "    description: \"\(mapping.source) migrated to \(mapping.target)\"",
            "    columns:",
        ]
        for column in mapping.columns {
            guard let target = column.target else { continue }
            var tests: [String] = []
            if mapping.keyColumns.contains(column.source) { tests += ["not_null", "unique"] }
            if let profiled = profile?.column(column.source),
                column.logicalType == "decimal" || column.logicalType == "float",
                let minimum = profiled.min, let maximum = profiled.max, Double(minimum) != nil,
                Double(maximum) != nil
            {
                tests.append(
                    "dbt_utils.accepted_range:\n              min_value: \(minimum)\n              max_value: \(maximum)"
                )
            }
            guard !tests.isEmpty else { continue }
            lines += ["      - name: \(target)", "        tests:"] + tests.map { "          - \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    /// `sql` with dbt's `{{ source('s', 't') }}` and `{{ ref('m') }}` replaced by quoted names, to
    /// run a model directly on Postgres.
    public static func renderingDbtReferences(_ sql: String) -> String {
        var out = sql
        while let open = out.range(of: "{{"),
            let close = out.range(of: "}}", range: open.upperBound..<out.endIndex)
        {
            let inner = out[open.upperBound..<close.lowerBound]
            let arguments = inner.split(separator: "'").enumerated().filter { $0.offset % 2 == 1 }.map {
                String($0.element)
            }
            let rendered = arguments.map { "\"" + $0 + "\"" }.joined(separator: ".")
            out.replaceSubrange(open.lowerBound..<close.upperBound, with: rendered)
        }
        return out
    }
}

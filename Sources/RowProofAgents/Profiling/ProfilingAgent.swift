import Foundation
import RowProofContracts
import RowProofCore
import RowProofSources

/// The profiling agent: per column of a table, the nulls, distinct values, range, length
/// distribution, top values, decimal scale used and time zone offsets, by SQL on the source.
///
/// Tables above ``sampleThreshold`` rows are profiled on a sample (`TABLESAMPLE SYSTEM … REPEATABLE`
/// on Postgres, a row limit on SQLite); the output says so and gives the sample size.
public struct ProfilingAgent: Sendable {
    /// Tables with more rows than this are sampled down to about this many rows.
    public var sampleThreshold: Int

    /// Creates the agent.
    public init(sampleThreshold: Int = 100_000) {
        self.sampleThreshold = max(1, sampleThreshold)
    }

    /// Profiles `table` (from discovery) through `connection`; records queries and one claim per
    /// column in `builder`.
    ///
    /// - Throws: ``AgentError/Code/source`` when a query fails.
    public func run(
        _ connection: CatalogConnection,
        table: InventoryTable,
        builder: inout AgentOutputBuilder
    ) throws(AgentError) -> TableProfile {
        let quoted =
            "\(connection.engine == .postgres ? connection.quoted(table.schema) + "." : "")\(connection.quoted(table.name))"
        let estimate = table.rowEstimate ?? 0
        var method: String? = nil
        var from = quoted
        if estimate > sampleThreshold {
            if connection.engine == .postgres {
                let percent = max(0.0001, min(100, 100 * Double(sampleThreshold) / Double(estimate)))
                method = "TABLESAMPLE SYSTEM (\(String(format: "%.4f", percent))) REPEATABLE (42)"
                from = "\(quoted) \(method!)"
            } else {
                method = "LIMIT \(sampleThreshold)"
                from = "(SELECT * FROM \(quoted) LIMIT \(sampleThreshold)) AS sampled"
            }
        }
        let queries = ProfileQueries(engine: connection.engine, from: from)
        let resolver = TypeResolver.builtIn(for: connection.engine)
        var columns: [ColumnProfile] = []
        var profiled = 0
        for column in table.columns {
            let logical = resolver.logicalType(forEngineType: column.type)
            let profile = try ColumnProfiler(
                connection: connection,
                queries: queries,
                column: column,
                logical: logical
            ).run()
            profiled = profile.rows
            columns.append(profile.profile)
            for query in profile.profile.queries { builder.ran(query) }
            builder.claim(
                Self.claim(profile.profile, rows: profile.rows, table: table.qualifiedName, sampled: method)
            )
        }
        let result = TableProfile(
            table: table.qualifiedName,
            profiledRows: profiled,
            isSampled: method != nil,
            sampleMethod: method,
            tableRows: table.rowEstimate,
            columns: columns
        )
        if let method {
            builder.warn(
                "\(table.qualifiedName) has about \(estimate) rows: profiled a sample of \(profiled) rows (\(method)); "
                    + "counts are for the sample"
            )
        }
        return result
    }

    static func claim(
        _ column: ColumnProfile,
        rows: Int,
        table: String,
        sampled: String?
    )
        -> AgentClaim
    {
        var parts = ["\(column.nulls) of \(rows) rows NULL", "\(column.distinct) distinct"]
        if let min = column.min, let max = column.max { parts.append("range \(min) … \(max)") }
        if let minLength = column.minLength, let maxLength = column.maxLength {
            parts.append(
                "length \(minLength)…\(maxLength)"
                    + (column.lengthPercentiles?["p95"].map { " (p95 \($0))" } ?? "")
            )
        }
        if let scale = column.maxScale {
            parts.append(
                "up to \(column.maxIntegerDigits ?? 0) integer digits and \(scale) decimals used"
            )
        }
        if let offsets = column.offsets {
            parts.append(
                "offsets " + offsets.map { "\($0.value ?? "NULL"): \($0.count)" }.joined(separator: ", ")
            )
        }
        if let note = column.offsetNote { parts.append(note) }
        if !column.topValues.isEmpty {
            parts.append(
                "top values "
                    + column.topValues.prefix(3).map { "\($0.value ?? "NULL") (\($0.count))" }.joined(
                        separator: ", "
                    )
            )
        }
        let scope = sampled.map { " (sample: \($0))" } ?? ""
        let id =
            "profile-"
            + String("\(table).\(column.name)".map { $0.isLetter || $0.isNumber ? $0 : "-" }.prefix(55))
        return AgentClaim(
            id: id,
            statement: "\(table).\(column.name) \(column.type)\(scope): " + parts.joined(separator: "; ")
                + ".",
            confidence: sampled == nil ? 1 : 0.8,
            evidence: column.queries.map { .query($0) }
                + (column.offsetNote.map { [.rule("column type \(column.type)", shows: $0)] } ?? [])
        )
    }
}

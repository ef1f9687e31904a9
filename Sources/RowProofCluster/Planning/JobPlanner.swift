import Foundation
public import RowProofContracts
import RowProofCore
import RowProofCrypto
public import RowProofSources

/// Turns a recon job into chunk plans: discovers both sides, fixes each table's column plan and
/// key, checks that paired columns have the same logical type, and plans key ranges on the source.
public struct JobPlanner: Sendable {
    /// Defaults for what the job leaves out.
    public struct Defaults: Sendable {
        /// Rows per chunk.
        public var chunkRows: Int
        /// Differences of each kind kept per chunk.
        public var differenceLimit: Int

        /// Creates defaults.
        public init(chunkRows: Int = 100_000, differenceLimit: Int = 100) {
            self.chunkRows = chunkRows
            self.differenceLimit = differenceLimit
        }
    }

    let job: ReconJob
    private let defaults: Defaults
    private let secrets: SecretResolver

    /// Creates a planner for `job`.
    public init(job: ReconJob, defaults: Defaults = .init(), secrets: SecretResolver = SecretResolver()) {
        self.job = job
        self.defaults = defaults
        self.secrets = secrets
    }

    /// SHA-256 of the job's canonical JSON: the same job always gets the same id.
    public static func specificationBytes(of job: ReconJob) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try encoder.encode(job)
        return try json.withUnsafeBytes { try JSONCanonicalizer.canonicalize(utf8: $0) }
    }

    /// Rows per planned chunk. With a target chunk time, chunks start small (at most 20,000 rows)
    /// and the coordinator merges them as it learns how fast they go.
    public var plannedChunkRows: Int {
        let rows = job.chunking?.chunkRows ?? defaults.chunkRows
        return job.chunking?.targetChunkSeconds == nil ? rows : min(rows, 20_000)
    }

    /// Plans the job. Blocking: run it off the cooperative pool.
    public func plan() throws -> PlannedJob {

        let specification = try Self.specificationBytes(of: job)
        let specSHA = SHA256.hexDigest(specification)
        let jobID = "\(Self.slug(job.name))-\(specSHA.prefix(12))"
        let sourceSession = try SourceAccess.openSession(location(job.source), secrets: secrets)
        let targetSession = try SourceAccess.openSession(location(job.target), secrets: secrets)
        // Every table's column plan first, so a mistake in any of them (or in the tolerances)
        // is reported before the key ranges of large tables are sampled.
        let planned = try job.tables.enumerated().map { index, selection in
            try planTable(
                index: index,
                selection: selection,
                strategy: job.strategy(for: selection),
                source: sourceSession,
                target: targetSession
            )
        }
        try checkTolerancesApply(to: planned)
        var tables: [PlannedTable] = []
        var plans: [ChunkPlan] = []
        for (index, var table) in planned.enumerated() {
            let strategy = table.strategy
            let ranges: [KeyRange] =
                table.isKeyless
                ? [.all]
                : try sourceSession.planRanges(
                    table: table.source,
                    keyColumns: table.keyColumns,
                    chunkRows: plannedChunkRows
                )
            for range in ranges {
                let chunkID = plans.count
                table.chunkIDs.append(chunkID)
                plans.append(
                    ChunkPlan(
                        jobID: jobID,
                        chunkID: chunkID,
                        tableIndex: index,
                        source: .init(
                            location: location(job.source),
                            table: table.source,
                            columns: table.sourceColumns,
                            keyColumns: table.keyColumns,
                            filter: table.rowFilter
                        ),
                        target: .init(
                            location: location(job.target),
                            table: table.target,
                            columns: table.targetColumns,
                            keyColumns: table.targetKeyColumns,
                            filter: table.rowFilter
                        ),
                        columnTypes: table.columnTypes,
                        columnNames: table.sourceColumns,
                        range: range,
                        isKeyless: table.isKeyless,
                        strategy: strategy,
                        sampleModulus: UInt64(job.sampling?.modulus ?? 10_000),
                        sampleThreshold: UInt64(job.sampling?.threshold ?? 100),
                        differenceLimit: defaults.differenceLimit,
                        tolerance: tolerancePolicy(for: table.source)
                    )
                )
            }
            tables.append(table)
        }
        return PlannedJob(jobID: jobID, specSHA256: specSHA, tables: tables, plans: plans)
    }

    /// The endpoint as one location string: a separate `password` reference is folded into it
    /// (still unresolved; the reader resolves it when it connects).
    static func location(_ endpoint: ConnectionEndpoint) -> String {
        guard let password = endpoint.password else { return endpoint.url }
        switch endpoint.kind {
        case .postgresURL:
            return endpoint.url + (endpoint.url.contains("?") ? "&" : "?") + "password=" + password
        case .conninfo:
            return endpoint.url + " password='" + password.replacingOccurrences(of: "'", with: "\\'") + "'"
        case .sqlite, .secretReference:
            return endpoint.url
        }
    }

    private func location(_ endpoint: ConnectionEndpoint) -> String { Self.location(endpoint) }

    /// `table` qualified with the endpoint's default schema when it has none.
    private func qualified(_ table: String, _ endpoint: ConnectionEndpoint) -> TableName {
        var name = TableName(parsing: table)
        if name.schema == nil, let schema = endpoint.schema { name.schema = schema }
        return name
    }

    private func planTable(
        index: Int,
        selection: TableSelection,
        strategy: ReconStrategy,
        source: any SourceSession,
        target: any SourceSession
    ) throws -> PlannedTable {
        let sourceTable = try source.describe(table: qualified(selection.source, job.source))
        let targetTable = try target.describe(table: qualified(selection.targetTable, job.target))
        // A row filter runs as written on both sides: checked on each before any work.
        if let filter = selection.where {
            try source.checkFilter(filter, on: sourceTable.tableName)
            try target.checkFilter(filter, on: targetTable.tableName)
        }
        let sourceName = sourceTable.tableName
        let targetName = targetTable.tableName

        // The key: the job's, else the source's primary key or unique NOT NULL columns, else keyless.
        var keyColumns = selection.keyColumns ?? []
        if keyColumns.isEmpty {
            keyColumns = (try? source.keyColumns(of: sourceName)) ?? []
        }
        for key in keyColumns {
            guard let column = sourceTable.column(named: key) else {
                throw PlanningError(
                    "key column \"\(key)\" does not exist in source table \(sourceName)",
                    hint: "columns of \(sourceName): \(sourceTable.columns.map(\.name).joined(separator: ", "))"
                )
            }
            if let type = column.logicalType, !type.canBeKey {
                throw PlanningError(
                    "key column \"\(key)\" of \(sourceName) has type \(column.engineType), which cannot be a key",
                    hint: "use integer, numeric, text, uuid, date, time, timestamp, bytea or boolean key columns"
                )
            }
        }

        // Names the job gives that the source table lacks are typos: refused, never silently ignored
        // (an exclusion that excludes nothing compares a column the job meant to leave out).
        let unknown =
            (selection.excludeColumns ?? []).map { ("exclude_columns", $0) }
            + (selection.columnMapping ?? [:]).keys.sorted().map { ("column_mapping", $0) }
        for (field, name) in unknown where sourceTable.column(named: name) == nil {
            throw PlanningError(
                "table \(selection.source): \(field) names column \"\(name)\", which does not exist in source table \(sourceName)",
                hint: "use the source table's column names; columns of \(sourceName): "
                    + sourceTable.columns.map(\.name).joined(separator: ", ")
            )
        }

        // The column plan: explicit, or every column minus exclusions; keys first, then by name bytes.
        let excluded = Set(selection.excludeColumns ?? [])
        var names = selection.columns ?? sourceTable.columns.map(\.name).filter { !excluded.contains($0) }
        for name in names where sourceTable.column(named: name) == nil {
            throw PlanningError(
                "column \"\(name)\" does not exist in source table \(sourceName)",
                hint: "columns of \(sourceName): \(sourceTable.columns.map(\.name).joined(separator: ", "))"
            )
        }
        if selection.columns == nil {
            let rest = names.filter { !keyColumns.contains($0) }.sorted {
                Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8))
            }
            names = keyColumns + rest
        }
        var targetColumns: [String] = []
        var types: [RowProofCore.LogicalType] = []
        var sourceEngineTypes: [String] = []
        var targetEngineTypes: [String] = []
        for name in names {
            let sourceColumn = sourceTable.column(named: name)!
            let targetColumnName = selection.targetColumn(for: name)
            guard let targetColumn = targetTable.column(named: targetColumnName) else {
                throw PlanningError(
                    "column \"\(name)\" of \(sourceName) has no counterpart \"\(targetColumnName)\" in target table \(targetName)",
                    hint:
                        "map it with column_mapping, exclude it with exclude_columns (-x on the command line), or add it to the target; "
                        + "columns of \(targetName): \(targetTable.columns.map(\.name).joined(separator: ", "))"
                )
            }
            guard let sourceType = sourceColumn.logicalType else {
                throw PlanningError(
                    "column \"\(name)\" of \(sourceName) has type \(sourceColumn.engineType), which RowProof cannot compare yet",
                    hint: "exclude the column, or compare a view that casts it to text"
                )
            }
            guard let targetType = targetColumn.logicalType else {
                throw PlanningError(
                    "column \"\(targetColumnName)\" of \(targetName) has type \(targetColumn.engineType), which RowProof cannot compare yet",
                    hint: "exclude the column, or compare a view that casts it to text"
                )
            }
            guard sourceType == targetType else {
                throw PlanningError(
                    "column \"\(name)\" is \(sourceColumn.engineType) (\(sourceType)) in \(sourceName) but \(targetColumn.engineType) (\(targetType)) in \(targetName): "
                        + "values of different logical types never compare equal",
                    hint:
                        "compare views that cast both sides to one type, or exclude the column; see policy/type_coercion_rulebook.json"
                )
            }
            targetColumns.append(targetColumnName)
            types.append(sourceType)
            sourceEngineTypes.append(sourceColumn.engineType)
            targetEngineTypes.append(targetColumn.engineType)
        }
        let targetKeyColumns = keyColumns.map { selection.targetColumn(for: $0) }
        let planned = Set(targetColumns + targetKeyColumns)
        let targetOnly = targetTable.columns.map(\.name).filter { !planned.contains($0) }
        return PlannedTable(
            index: index,
            source: sourceName,
            target: targetName,
            sourceColumns: names,
            targetColumns: targetColumns,
            columnTypes: types,
            keyColumns: keyColumns,
            targetKeyColumns: targetKeyColumns,
            strategy: strategy,
            estimatedRows: sourceTable.estimatedRows ?? 0,
            chunkIDs: [],
            sourceEngineTypes: sourceEngineTypes,
            targetEngineTypes: targetEngineTypes,
            targetOnlyColumns: targetOnly.isEmpty ? nil : targetOnly,
            rowFilter: selection.where
        )
    }

    static func slug(_ name: String) -> String {
        let allowed = name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return String(String(allowed).split(separator: "-").joined(separator: "-").prefix(40))
    }
}

public import RowProofContracts
import RowProofCore
public import RowProofSources

/// The reconciliation planning agent (dataset classifier): picks each table's strategy, chunk
/// size and tolerances from its inventory entry, its profile and the policy, and writes a
/// runnable recon job.
///
/// - No key: compared as a multiset of rows (rowhash without key columns), and the claim says so.
/// - More than ``hugeRows`` rows and low criticality: `sample` with the policy's sampling.
/// - Binary floating-point columns: the policy's column tolerance, or none and a warning.
/// - Chunks of about ``targetChunkRows`` rows, at least ``minimumChunks`` per table when it is big enough.
public struct ReconciliationPlanner: Sendable {
    /// Tables with more rows than this count as huge.
    public var hugeRows: Int
    /// Rows per chunk to aim for.
    public var targetChunkRows: Int
    /// Fewest chunks for a table large enough to split.
    public var minimumChunks: Int

    /// Creates a planner.
    public init(hugeRows: Int = 50_000_000, targetChunkRows: Int = 100_000, minimumChunks: Int = 8) {
        self.hugeRows = hugeRows
        self.targetChunkRows = targetChunkRows
        self.minimumChunks = minimumChunks
    }

    /// Plans `table`.
    public func plan(
        _ table: InventoryTable,
        profile: TableProfile?,
        policy: Policy,
        policyName: String,
        criticality: TableCriticality,
        engine: SourceLocation.Engine
    ) -> TablePlan {
        let slug = String(table.qualifiedName.map { $0.isLetter || $0.isNumber ? $0 : "-" }.prefix(40))
        let rows = table.rowEstimate ?? 0
        let sizeEvidence = ClaimEvidence.metric(
            "\(table.qualifiedName) rows",
            shows: "\(rows) rows (\(table.isRowCountExact ? "counted" : "estimated") by discovery)"
        )
        var reasons: [AgentClaim] = []
        var strategy = ReconStrategy.rowhash
        if rows > hugeRows, criticality == .low {
            strategy = .sample
            reasons.append(
                AgentClaim(
                    id: "strategy-\(slug)",
                    statement:
                        "\(table.qualifiedName): sample (\(rows) rows > \(hugeRows), criticality low): only rows selected by "
                        + "the policy's deterministic sampling (\(policy.sampling.threshold) in \(policy.sampling.modulus)) are compared.",
                    confidence: 0.9,
                    evidence: [
                        sizeEvidence,
                        .rule(
                            "\(policyName)#sampling",
                            shows: "M \(policy.sampling.modulus), K \(policy.sampling.threshold)"
                        ),
                        .metric("criticality", shows: criticality.rawValue),
                    ]
                )
            )
        } else {
            reasons.append(
                AgentClaim(
                    id: "strategy-\(slug)",
                    statement:
                        "\(table.qualifiedName): rowhash, every row hashed and compared (\(rows) rows, criticality \(criticality.rawValue)).",
                    confidence: 1,
                    evidence: [sizeEvidence, .metric("criticality", shows: criticality.rawValue)]
                )
            )
        }
        if table.primaryKey.isEmpty {
            reasons.append(
                AgentClaim(
                    id: "multiset-\(slug)",
                    statement:
                        "\(table.qualifiedName) has no primary key: it is compared as a multiset of rows, which proves the same "
                        + "rows exist the same number of times but cannot say which row changed.",
                    confidence: 1,
                    evidence: [
                        .query("primary key of \(table.qualifiedName)", shows: "none found by discovery")
                    ]
                )
            )
        }
        let chunkRows =
            rows <= targetChunkRows
            ? max(1, rows) : max(1_000, min(targetChunkRows, rows / minimumChunks))
        reasons.append(
            AgentClaim(
                id: "chunks-\(slug)",
                statement:
                    "\(table.qualifiedName): chunks of \(chunkRows) rows (about \(max(1, (rows + chunkRows - 1) / chunkRows)) chunks).",
                confidence: 0.9,
                evidence: [sizeEvidence, .metric("target_chunk_rows", shows: "\(targetChunkRows)")]
            )
        )

        let resolver = TypeResolver.builtIn(for: engine)
        var tolerances: [RowProofContracts.ColumnTolerance] = []
        for column in table.columns where resolver.logicalType(forEngineType: column.type) == .float {
            let configured =
                (policy.tolerances.tables?.first {
                    $0.table == table.qualifiedName || $0.table == table.name
                }?.columns ?? [])
                + (policy.tolerances.columns ?? [])
            if let tolerance = configured.first(where: { Self.glob($0.column, matches: column.name) }) {
                tolerances.append(
                    RowProofContracts.ColumnTolerance(
                        column: column.name,
                        absolute: tolerance.absolute,
                        relative: tolerance.relative
                    )
                )
                reasons.append(
                    AgentClaim(
                        id: String("tolerance-\(slug)-\(column.name)".prefix(64)),
                        statement:
                            "\(table.qualifiedName).\(column.name) is binary floating point (\(column.type)): compared with the policy's "
                            + "tolerance (absolute \(tolerance.absolute.map { "\($0)" } ?? "none"), relative \(tolerance.relative.map { "\($0)" } ?? "none")).",
                        confidence: 1,
                        evidence: [.rule("\(policyName)#tolerances.columns[\(tolerance.column)]")]
                    )
                )
            } else {
                reasons.append(
                    AgentClaim(
                        id: String("tolerance-\(slug)-\(column.name)".prefix(64)),
                        statement:
                            "\(table.qualifiedName).\(column.name) is binary floating point (\(column.type)) and the policy sets no "
                            + "tolerance for it: values must match exactly; add one under tolerances.columns if the target recomputes it.",
                        confidence: 0.8,
                        evidence: [
                            .rule("\(policyName)#tolerances.columns", shows: "no entry matches \(column.name)")
                        ]
                    )
                )
            }
        }
        let sensitive = table.columns.map(\.name).filter { name in
            policy.redaction.contains {
                ($0.table.map { $0 == table.qualifiedName || $0 == table.name } ?? true)
                    && Self.glob($0.column, matches: name)
            }
        }
        if !sensitive.isEmpty {
            reasons.append(
                AgentClaim(
                    id: "sensitive-\(slug)",
                    statement:
                        "\(table.qualifiedName): \(sensitive.joined(separator: ", ")) are sensitive per the policy; they are compared by "
                        + "hash like every column, and their values are redacted in reports.",
                    confidence: 1,
                    evidence: sensitive.compactMap { name in
                        policy.redaction.first { Self.glob($0.column, matches: name) }.map {
                            .rule("\(policyName)#redaction[\($0.column)]", shows: "mode \($0.mode.rawValue)")
                        }
                    }
                )
            )
        }
        _ = profile
        return TablePlan(
            table: table.qualifiedName,
            strategy: strategy,
            keyColumns: table.primaryKey,
            chunkRows: chunkRows,
            tolerances: tolerances,
            sensitiveColumns: sensitive,
            reasons: reasons
        )
    }

    /// Case-insensitive glob with `*` and `?`.
    static func glob(_ pattern: String, matches name: String) -> Bool {
        let pattern = Array(pattern.lowercased())
        let text = Array(name.lowercased())
        func match(_ p: Int, _ t: Int) -> Bool {
            if p == pattern.count { return t == text.count }
            if pattern[p] == "*" { return match(p + 1, t) || (t < text.count && match(p, t + 1)) }
            return t < text.count && (pattern[p] == "?" || pattern[p] == text[t]) && match(p + 1, t + 1)
        }
        return match(0, 0)
    }

    /// A runnable recon job for `plans`.
    public func job(
        name: String,
        source: String,
        target: String,
        plans: [TablePlan],
        policyPath: String?
    ) -> ReconJob {
        let tolerances = plans.flatMap { plan in
            plan.tolerances.map { TableTolerance(table: plan.table, columns: [$0]) }
        }
        return ReconJob(
            name: name,
            source: ConnectionEndpoint(url: source),
            target: ConnectionEndpoint(url: target),
            tables: plans.map { plan in
                TableSelection(
                    source: plan.table,
                    keyColumns: plan.keyColumns.isEmpty ? nil : plan.keyColumns,
                    strategy: plan.strategy == .rowhash ? nil : plan.strategy
                )
            },
            chunking: ChunkingOptions(chunkRows: plans.map(\.chunkRows).max() ?? targetChunkRows),
            tolerances: tolerances.isEmpty ? nil : Tolerances(tables: Self.merged(tolerances)),
            policy: policyPath
        )
    }

    private static func merged(_ tolerances: [TableTolerance]) -> [TableTolerance] {
        var byTable: [String: [RowProofContracts.ColumnTolerance]] = [:]
        var order: [String] = []
        for tolerance in tolerances {
            if byTable[tolerance.table] == nil { order.append(tolerance.table) }
            byTable[tolerance.table, default: []] += tolerance.columns ?? []
        }
        return order.map { TableTolerance(table: $0, columns: byTable[$0]) }
    }
}

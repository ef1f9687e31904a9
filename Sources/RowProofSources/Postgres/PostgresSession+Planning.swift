import Foundation
public import RowProofCore

extension PostgresSession {
    /// The largest table (in pages, 8 KiB each) whose missing statistics planning gathers with `ANALYZE`.
    static let analyzePageLimit: Int64 = 12_800

    /// Plans key ranges of about `chunkRows` rows from statistics and samples, never a full scan.
    ///
    /// A single integer key uses `min`/`max` (index lookups) and the `pg_stats` histogram, so
    /// skewed keys still give even chunks. Text, UUID, other and composite keys use boundaries
    /// sampled with `TABLESAMPLE SYSTEM`, sorted in key order. The ranges tile the key space: the
    /// first is open below, the last open above, and consecutive ranges share their bound.
    ///
    /// - Throws: ``SourceError/Kind/schema`` for a missing key column or one that cannot be a key.
    public func planRanges(table: TableName, keyColumns: [String], chunkRows: Int) throws(SourceError) -> [KeyRange] {
        guard chunkRows > 0 else {
            throw SourceError(
                .schema,
                "chunk size \(chunkRows) for \(table) must be positive",
                hint: "use for example 1000000"
            )
        }
        let info = try tableInfo(table)
        let plan = try PostgresScanPlan(
            request: ScanRequest(table: table, columns: [], keyColumns: keyColumns),
            table: info,
            trimsCharPadding: types.trimsCharPadding
        )
        let estimate = try estimatedRows(info)
        let chunks = Int((estimate + Double(chunkRows) - 1) / Double(chunkRows))
        guard chunks > 1 else { return [.all] }
        let boundaries: [[CanonicalValue]]
        if keyColumns.count == 1, case .int2 = plan.fields[0].decoder {
            boundaries = try integerBoundaries(info, plan: plan, chunks: chunks).map { [.decimal(.init(integer: $0))] }
        } else if keyColumns.count == 1, case .int4 = plan.fields[0].decoder {
            boundaries = try integerBoundaries(info, plan: plan, chunks: chunks).map { [.decimal(.init(integer: $0))] }
        } else if keyColumns.count == 1, case .int8 = plan.fields[0].decoder {
            boundaries = try integerBoundaries(info, plan: plan, chunks: chunks).map { [.decimal(.init(integer: $0))] }
        } else {
            boundaries = try sampledBoundaries(info, plan: plan, chunks: chunks, estimate: estimate)
        }
        return KeyRangeTiling.ranges(between: boundaries)
    }

    /// The planner's row estimate; gathers statistics for a small table that has none.
    func estimatedRows(_ info: PostgresTableInfo) throws(SourceError) -> Double {
        let oid = String(info.oid)
        var row = try connection.query(
            "SELECT reltuples::float8::text, (pg_relation_size($1::oid) / current_setting('block_size')::int8)::text FROM pg_class WHERE oid = $1::oid",
            [oid]
        ).first
        var tuples = row?[0].flatMap { Double($0) } ?? -1
        let pages = row?[1].flatMap { Int64($0) } ?? 0
        if tuples < 0, pages <= Self.analyzePageLimit {
            _ = try? connection.query("ANALYZE " + info.qualifiedName)
            row = try connection.query("SELECT reltuples::float8::text FROM pg_class WHERE oid = $1::oid", [oid]).first
            tuples = row?[0].flatMap { Double($0) } ?? -1
            if tuples < 0 {
                tuples =
                    try connection.query("SELECT count(*)::text FROM " + info.qualifiedName).first?[0].flatMap {
                        Double($0)
                    } ?? 0
            }
        } else if tuples < 0 {
            // A large table never analyzed: count a 1% page sample.
            let sampled = try connection.query(
                "SELECT count(*)::text FROM \(info.qualifiedName) TABLESAMPLE SYSTEM (1)"
            )
            tuples = (sampled.first?[0].flatMap { Double($0) } ?? 0) * 100
        }
        return max(tuples, 0)
    }

    /// Chunk boundaries of a single integer key from min/max and the histogram.
    private func integerBoundaries(
        _ info: PostgresTableInfo,
        plan: PostgresScanPlan,
        chunks: Int
    ) throws(SourceError) -> [Int64] {
        let column = PostgresSQL.identifier(plan.fields[0].name)
        let extremes = try connection.query(
            "SELECT min(\(column))::text, max(\(column))::text FROM \(info.qualifiedName)"
        )
        guard let low = extremes.first?[0].flatMap({ Int64($0) }), let high = extremes.first?[1].flatMap({ Int64($0) }),
            low < high
        else { return [] }
        var bounds = try histogram(info, column: plan.fields[0].name)
        if bounds.count < 2, info.pages <= Self.analyzePageLimit {
            _ = try? connection.query("ANALYZE " + info.qualifiedName)
            bounds = try histogram(info, column: plan.fields[0].name)
        }
        let points: [Double] =
            bounds.count >= 2 ? [Double(low)] + bounds.map(Double.init) + [Double(high)] : [Double(low), Double(high)]
        // With the histogram, every inner bucket holds about the same number of rows; the two
        // outer pieces (min → first bound, last bound → max) are about empty.
        let buckets = bounds.count >= 2 ? bounds.count - 1 : 1
        var result: [Int64] = []
        for index in 1..<chunks {
            let position = Double(index) / Double(chunks) * Double(buckets)
            let bucket = min(Int(position), buckets - 1)
            let fraction = position - Double(bucket)
            let (start, end) = bounds.count >= 2 ? (points[bucket + 1], points[bucket + 2]) : (points[0], points[1])
            let value = Int64((start + fraction * (end - start)).rounded())
            if value > low, value <= high, value > (result.last ?? .min) { result.append(value) }
        }
        return result
    }

    /// `pg_stats.histogram_bounds` of an integer column, ascending; empty when there are none.
    private func histogram(_ info: PostgresTableInfo, column: String) throws(SourceError) -> [Int64] {
        let rows = try connection.query(
            "SELECT histogram_bounds::text FROM pg_stats WHERE schemaname = $1 AND tablename = $2 AND attname = $3",
            [info.description.schema, info.description.name, column]
        )
        guard let text = rows.first?[0] else { return [] }
        return text.trimmingCharacters(in: ["{", "}"]).split(separator: ",").compactMap { Int64($0) }.sorted()
    }

    /// Chunk boundaries from a page sample of the key columns, sorted in key order.
    private func sampledBoundaries(
        _ info: PostgresTableInfo,
        plan: PostgresScanPlan,
        chunks: Int,
        estimate: Double
    ) throws(SourceError) -> [[CanonicalValue]] {
        let target = Double(min(max(chunks * 32, 2_000), 200_000))
        let percent = min(100, max(0.0001, target / max(estimate, 1) * 100 * 1.5))
        let transports = plan.keyFields.indices.map { PostgresKeyTransport(plan.fields[plan.keyFields[$0]].decoder) }
        let names = plan.keyFields.map { PostgresSQL.identifier(plan.fields[$0].name) }
        // Each output gets an alias no column has: ORDER BY resolves a bare name to an output
        // column first, so `ORDER BY "d"` next to `SELECT "d"::text` sorted an integer key
        // component as text (1, 10, 2) and the boundaries came out of key order.
        let columnNames = Set(info.description.columns.map(\.name))
        var alias = "rowproof_key"
        while columnNames.contains(where: { $0.hasPrefix(alias) }) { alias += "_" }
        let selects = zip(transports, names).enumerated().map { index, pair in
            pair.0.expression(pair.1) + " AS " + PostgresSQL.identifier("\(alias)\(index)")
        }
        let filters = zip(transports, names).map { $0.filter($1) }
        let order = plan.keyFields.indices.map(plan.orderExpression)
        let sample = percent >= 100 ? "" : " TABLESAMPLE SYSTEM (\(percent)) REPEATABLE (20240301)"
        let rows = try connection.query(
            "SELECT \(selects.joined(separator: ", ")) FROM \(info.qualifiedName)\(sample) WHERE \(filters.joined(separator: " AND ")) "
                + "ORDER BY \(order.joined(separator: ", "))"
        )
        guard rows.count > 1 else { return [] }
        var result: [[CanonicalValue]] = []
        var previous: [String?]? = nil
        for index in 1..<chunks {
            let row = rows[min(rows.count - 1, index * rows.count / chunks)]
            if row == previous || row == rows[0] { continue }
            previous = row
            var bound: [CanonicalValue] = []
            for (transport, text) in zip(transports, row) {
                guard let text else { break }
                bound.append(try transport.value(text, table: info.description.tableName))
            }
            result.append(bound)
        }
        return result
    }
}

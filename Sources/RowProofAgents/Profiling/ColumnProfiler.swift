import RowProofCore
import RowProofSources

/// Runs the profiling queries of one column and assembles its ``ColumnProfile``.
struct ColumnProfiler {
    let connection: CatalogConnection
    let queries: ProfileQueries
    let column: InventoryColumn
    let logical: LogicalType?

    func run() throws(AgentError) -> (profile: ColumnProfile, rows: Int) {
        let name = connection.quoted(column.name)
        let isText = logical == .text
        let isOrdered: Bool =
            switch logical {
            case .decimal?, .float?, .text?, .date?, .time?, .timestamp?, .interval?: true
            default: false
            }
        let statsSQL = queries.stats(name, ordered: isOrdered, measuresLength: isText)
        var used = [statsSQL]
        let stats = try connection.rows(statsSQL).first ?? []
        func int(_ index: Int) -> Int? { index < stats.count ? stats[index].flatMap { Int($0) } : nil }
        let rows = int(0) ?? 0
        var profile = ColumnProfile(
            name: column.name,
            type: column.type,
            logicalType: logical?.description,
            nulls: rows - (int(1) ?? 0),
            distinct: int(2) ?? 0,
            min: stats.count > 3 ? stats[3] : nil,
            max: stats.count > 4 ? stats[4] : nil,
            minLength: int(5),
            maxLength: int(6)
        )

        let topSQL = queries.topValues(name)
        used.append(topSQL)
        profile.topValues = try connection.rows(topSQL).map {
            ColumnProfile.ValueCount(value: $0[0], count: Int($0[1] ?? "") ?? 0)
        }

        if isText {
            let lengthSQL = queries.lengths(name)
            used.append(lengthSQL)
            let histogram = try connection.rows(lengthSQL).compactMap { row -> (Int, Int)? in
                guard let length = row[0].flatMap({ Int($0) }), let count = row[1].flatMap({ Int($0) })
                else { return nil }
                return (length, count)
            }
            profile.lengthPercentiles = Self.percentiles(histogram)
        }
        if logical == .decimal {
            let scaleSQL = queries.scale(name)
            used.append(scaleSQL)
            let row = try connection.rows(scaleSQL).first ?? []
            profile.maxScale = row.first.flatMap { $0.flatMap { Int($0) } }
            profile.maxIntegerDigits = row.count > 1 ? row[1].flatMap { Int($0) } : nil
        }
        if logical == .timestamp {
            let type = column.type.lowercased()
            if connection.engine == .postgres {
                profile.offsetNote =
                    type.contains("with time zone") || type == "timestamptz"
                    ? "stored as UTC instants; the offsets they were written with are not kept"
                    : "timestamp without time zone: no offsets stored"
            } else {
                let offsetSQL = queries.offsets(name)
                used.append(offsetSQL)
                profile.offsets = try connection.rows(offsetSQL).map {
                    ColumnProfile.ValueCount(value: $0[0], count: Int($0[1] ?? "") ?? 0)
                }
            }
        }
        profile.queries = used
        return (profile, rows)
    }

    /// p50, p95 and p99 of a length histogram (length -> rows).
    static func percentiles(_ histogram: [(Int, Int)]) -> [String: Int]? {
        let total = histogram.reduce(0) { $0 + $1.1 }
        guard total > 0 else { return nil }
        var result: [String: Int] = [:]
        for (label, share) in [("p50", 0.5), ("p95", 0.95), ("p99", 0.99)] {
            let wanted = Int((Double(total) * share).rounded(.up))
            var seen = 0
            for (length, count) in histogram {
                seen += count
                if seen >= wanted {
                    result[label] = length
                    break
                }
            }
        }
        return result
    }
}

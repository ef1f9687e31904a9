import RowProofContracts
import RowProofCore

/// The chunk results of one table, merged in key order.
struct TableMerge {
    var sourceRows = 0
    var targetRows = 0
    var matched = 0
    var missing = 0
    var extra = 0
    var changed = 0
    var withinTolerance = 0
    var duplicates = 0
    var statistics: [ColumnMismatchStatistics]
    var sourceAggregate: TableAggregate
    var targetAggregate: TableAggregate
    var sourceMultiset = MultisetDigest.empty
    var targetMultiset = MultisetDigest.empty
    var differences: [DifferenceRecord] = []
    var truncated = false

    init(table: PlannedTable, columnNames: [String]) {
        statistics = columnNames.map { ColumnMismatchStatistics(column: $0) }
        sourceAggregate = TableAggregate(columnNames: columnNames)
        targetAggregate = TableAggregate(columnNames: columnNames)
    }

    /// Adds one chunk's result; keeps at most `limit` differences of each kind over the table.
    mutating func add(_ result: ChunkResult, limit: Int) throws {
        sourceRows += result.sourceRows
        targetRows += result.targetRows
        matched += result.matchedRows
        missing += result.missingRows
        extra += result.extraRows
        changed += result.changedRows
        withinTolerance += result.withinToleranceRows
        duplicates += result.sourceDuplicateRows + result.targetDuplicateRows
        for (index, stats) in result.columnStatistics.enumerated() where index < statistics.count {
            statistics[index].merge(stats)
        }
        if result.sourceAggregate.columnNames == sourceAggregate.columnNames {
            try sourceAggregate.merge(result.sourceAggregate)
            try targetAggregate.merge(result.targetAggregate)
        }
        sourceMultiset = sourceMultiset.combined(with: result.sourceDigest.multiset)
        targetMultiset = targetMultiset.combined(with: result.targetDigest.multiset)
        for record in result.differences {
            if differences.lazy.filter({ $0.kind == record.kind }).count < limit {
                differences.append(record)
            } else {
                truncated = true
            }
        }
        let found = [
            result.missingRows, result.extraRows, result.changedRows, result.withinToleranceRows,
            result.sourceDuplicateRows + result.targetDuplicateRows,
        ].reduce(0, +)
        if found > result.differences.count { truncated = true }
    }
}

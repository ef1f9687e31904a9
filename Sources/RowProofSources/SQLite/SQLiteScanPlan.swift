import RowProofCore

/// The fields, key positions and SQL of one SQLite scan, checked against the table's columns.
struct SQLiteScanPlan {
    var fields: [(name: String, decoder: SQLiteValueDecoder)] = []
    var keyFields: [Int] = []
    let tableName: TableName
    private let request: ScanRequest
    private let qualified: String
    /// Key columns that may hold NULL (see ``selectStatement()``).
    private let nullableKeys: [String]

    init(request: ScanRequest, table: TableDescription) throws(SourceError) {
        self.request = request
        self.tableName = table.tableName
        self.qualified = SQLiteSQL.qualified(table.schema, table.name)
        let nullable = Set(table.columns.filter(\.isNullable).map(\.name))
        self.nullableKeys = request.isKeyless ? [] : request.keyColumns.filter(nullable.contains)
        if request.isKeyless, !request.range.isUnbounded {
            throw SourceError(
                .schema,
                "a keyless scan of \(tableName) cannot have a key range",
                hint: "scan keyless tables whole"
            )
        }
        if !request.isKeyless, request.keyColumns.isEmpty {
            throw SourceError(
                .schema,
                "the scan of \(tableName) names no key columns",
                hint: "name the key columns, or scan in keyless multiset mode"
            )
        }
        for column in request.columns {
            let (description, decoder) = try Self.column(column.name, in: table)
            guard description.logicalType == column.logicalType else {
                throw SourceError(
                    .schema,
                    "column \"\(column.name)\" of \(tableName) is declared \(description.engineType) (\(description.logicalType.map { "\($0)" } ?? "no logical type")), "
                        + "but the column plan asks for \(column.logicalType)",
                    hint:
                        "use the column's logical type in the plan, or change its declared type through the type-coercion rulebook"
                )
            }
            fields.append((column.name, decoder))
        }
        let keys = request.isKeyless ? [] : request.keyColumns
        for key in keys {
            let (description, decoder) = try Self.column(key, in: table)
            guard description.logicalType?.canBeKey == true else {
                throw SourceError(
                    .schema,
                    "column \"\(key)\" of \(tableName) is declared \(description.engineType), which cannot be a key",
                    hint: "key on integer, text, bytes, date, time, timestamp, uuid or bool columns"
                )
            }
            fields.append((key, decoder))
            keyFields.append(fields.count - 1)
        }
        for bound in [request.range.lower, request.range.upper].compactMap({ $0 }) where bound.count != keys.count {
            throw SourceError(
                .schema,
                "a key range bound of \(tableName) has \(bound.count) value(s) but the key has \(keys.count) column(s)",
                hint: "plan ranges with the same key columns as the scan"
            )
        }
    }

    private static func column(
        _ name: String,
        in table: TableDescription
    ) throws(SourceError) -> (ColumnDescription, SQLiteValueDecoder) {
        guard let column = table.column(named: name) else {
            let all = table.columns.map(\.name)
            let similar = SimilarNames.closest(to: name, among: all)
            throw SourceError(
                .schema,
                "table \(table.tableName) has no column \"\(name)\"",
                hint: similar.isEmpty
                    ? "its columns are: \(all.joined(separator: ", "))"
                    : "did you mean: \(similar.joined(separator: ", "))"
            )
        }
        guard let type = column.logicalType, let decoder = SQLiteValueDecoder(type) else {
            throw SourceError(
                .schema,
                "column \"\(name)\" of table \(table.tableName) is declared \(column.engineType), which RowProof cannot compare",
                hint: "exclude the column from the job, or cast it in a view and compare the view"
            )
        }
        return (column, decoder)
    }

    func selectStatement() -> String {
        let keys = keyFields.map { SQLiteSQL.identifier(fields[$0].name) + " COLLATE BINARY" }
        func tuple(_ items: [String]) -> String {
            items.count == 1 ? items[0] : "(" + items.joined(separator: ", ") + ")"
        }
        var sql =
            "SELECT " + fields.map { SQLiteSQL.identifier($0.name) }.joined(separator: ", ") + " FROM " + qualified
        var predicates: [String] = []
        var parameter = 1
        for (bound, op) in [(request.range.lower, ">="), (request.range.upper, "<")] {
            guard let bound else { continue }
            let placeholders = bound.indices.map { "?\(parameter + $0)" }
            parameter += bound.count
            var predicate = "\(tuple(keys)) \(op) \(tuple(placeholders))"
            // The first chunk also reads rows with a NULL key, so they fail the scan (NULL_KEY)
            // instead of falling outside every range and silently out of the comparison.
            if op == "<", request.range.lower == nil, !nullableKeys.isEmpty {
                let tests = nullableKeys.map { SQLiteSQL.identifier($0) + " IS NULL" }
                predicate = "(" + ([predicate] + tests).joined(separator: " OR ") + ")"
            }
            predicates.append(predicate)
        }
        if let filter = request.filter { predicates.append("(\(filter))") }
        if !predicates.isEmpty { sql += " WHERE " + predicates.joined(separator: " AND ") }
        if !keys.isEmpty { sql += " ORDER BY " + keys.joined(separator: ", ") }
        return sql
    }
}

public import RowProofCore

extension SQLiteSession {
    /// Streams one key range: `SELECT … WHERE (k…) >= (?…) AND (k…) < (?…) ORDER BY k… COLLATE BINARY`.
    ///
    /// - Throws: ``SourceError/Kind/schema`` for a missing column or a type with no canonical form.
    public func scan(_ request: ScanRequest) throws(SourceError) -> SQLiteRowStream {
        let plan = try SQLiteScanPlan(request: request, table: try describe(table: request.table))
        let statement = try connection.prepare(plan.selectStatement())
        var parameter = 1
        for bound in [request.range.lower, request.range.upper].compactMap({ $0 }) {
            for (position, value) in bound.enumerated() {
                plan.fields[plan.keyFields[position]].decoder.bind(value, to: statement, at: parameter)
                parameter += 1
            }
        }
        return SQLiteRowStream(
            statement: statement,
            table: plan.tableName,
            fields: plan.fields,
            planCount: request.columns.count,
            keyFields: plan.keyFields,
            rowEncoder: RowEncoder(columnNames: request.columnNames),
            keyEncoder: KeyEncoder(columnNames: request.keyColumns)
        )
    }

    /// Plans ranges of `chunkRows` rows by walking the key in order (on its index when there is one)
    /// and taking every `chunkRows`-th key as a boundary; a table that fits one chunk gets one range.
    public func planRanges(table: TableName, keyColumns: [String], chunkRows: Int) throws(SourceError) -> [KeyRange] {
        guard chunkRows > 0 else {
            throw SourceError(
                .schema,
                "chunk size \(chunkRows) for \(table) must be positive",
                hint: "use for example 1000000"
            )
        }
        let description = try describe(table: table)
        guard (description.estimatedRows ?? 0) > chunkRows else { return [.all] }
        let plan = try SQLiteScanPlan(
            request: ScanRequest(table: table, columns: [], keyColumns: keyColumns),
            table: description
        )
        let statement = try connection.prepare(plan.selectStatement())
        var boundaries: [[CanonicalValue]] = []
        var position = 0
        while try statement.step() {
            position += 1
            guard position % chunkRows == 1, position > 1 else { continue }
            var bound: [CanonicalValue] = []
            for (index, field) in plan.fields.enumerated() {
                do {
                    bound.append(try field.decoder.keyValue(statement, index, column: field.name))
                } catch {
                    throw SourceError(error, table: plan.tableName)
                }
            }
            if bound != boundaries.last { boundaries.append(bound) }
        }
        return KeyRangeTiling.ranges(between: boundaries)
    }
}

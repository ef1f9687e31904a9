import RowProofCore

extension PostgresSession {
    /// Streams one key range with `COPY (SELECT … WHERE <range> ORDER BY <key>) TO STDOUT (FORMAT binary)`.
    ///
    /// Text keys are ordered `COLLATE "C"` (byte order, as the key encoding), whatever the
    /// database's locale. Bounds are written into the statement as escaped, typed literals, since
    /// COPY takes no bind parameters.
    ///
    /// - Throws: ``SourceError/Kind/schema`` for a missing or unsupported column (naming the
    ///   table, the column, its type and what to do), ``SourceError/Kind/query`` for a refused
    ///   statement (permission denied).
    ///
    /// Columns are selected in the table's order, or in `fieldOrder` when given: pass the
    /// source stream's ``PostgresRowStream/fieldOrder`` when scanning the target of a pair, so
    /// equal rows arrive as equal bytes on both sides (see ``PostgresRowPair``).
    public func scan(_ request: ScanRequest) throws(SourceError) -> PostgresRowStream {
        try scan(request, fieldOrder: nil)
    }

    /// ``scan(_:)``, selecting the columns in `fieldOrder` (another stream's
    /// ``PostgresRowStream/fieldOrder``) instead of the table's order when it fits this scan.
    public func scan(_ request: ScanRequest, fieldOrder: [Int]?) throws(SourceError) -> PostgresRowStream {
        let info = try tableInfo(request.table)
        let plan = try PostgresScanPlan(
            request: request,
            table: info,
            trimsCharPadding: types.trimsCharPadding,
            fieldOrder: fieldOrder
        )
        try connection.startCopyOut(plan.copyStatement(), [])
        return PostgresRowStream(
            connection: connection,
            table: TableName(schema: info.description.schema, info.description.name),
            plan: plan
        )
    }
}

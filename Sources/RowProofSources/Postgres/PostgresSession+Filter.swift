public import RowProofCore

extension PostgresSession {
    /// Checks that `filter` is a condition Postgres accepts on `table`, without reading a row.
    ///
    /// - Throws: ``SourceError/Kind/query`` with the server's message (an unknown column, a
    ///   type mismatch, a syntax error).
    public func checkFilter(_ filter: String, on table: TableName) throws(SourceError) {
        let info = try tableInfo(table)
        do throws(SourceError) {
            _ = try connection.query("SELECT 1 FROM \(info.qualifiedName) WHERE (\(filter)) LIMIT 0")
        } catch {
            throw .rowFilterRefused(filter, on: info.description.tableName, error)
        }
    }
}

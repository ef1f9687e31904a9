public import RowProofCore

extension SQLiteSession {
    /// Checks that `filter` is a condition SQLite accepts on `table`, without reading a row.
    ///
    /// - Throws: ``SourceError/Kind/query`` with SQLite's message.
    public func checkFilter(_ filter: String, on table: TableName) throws(SourceError) {
        let description = try describe(table: table)
        let name = SQLiteSQL.qualified(table.schema ?? "main", table.name)
        do throws(SourceError) {
            _ = try connection.query("SELECT 1 FROM \(name) WHERE (\(filter)) LIMIT 0")
        } catch {
            throw .rowFilterRefused(filter, on: description.tableName, error)
        }
    }
}

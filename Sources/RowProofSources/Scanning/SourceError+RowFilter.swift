import RowProofCore

extension SourceError {
    /// A row filter the engine refused on `table` (checked before any work), with its reason.
    static func rowFilterRefused(_ filter: String, on table: TableName, _ reason: SourceError) -> SourceError {
        SourceError(
            .query,
            "the row filter (where: \(filter)) does not run on \(table): \(reason.message)",
            hint: "the filter is applied as written to both sides; use columns both tables have"
        )
    }
}

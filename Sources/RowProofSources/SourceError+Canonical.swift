public import RowProofCore

extension SourceError {
    /// A value that has no canonical form, attributed to the table (and column) it came from.
    public init(_ error: CanonicalError, table: TableName) {
        let column = error.column.map { " column \"\($0)\"" } ?? ""
        self.init(
            .data,
            "table \(table)\(column): \(error.code.rawValue): \(error.detail)",
            hint: Self.hint(for: error.code)
        )
    }

    private static func hint(for code: CanonicalError.Code) -> String? {
        switch code {
        case .decimalOutOfRange:
            "round the column in a view, or compare it as float or text through the type-coercion rulebook"
        case .invalidUTF8:
            "the database holds bytes that are not UTF-8 text; compare the column as bytes or fix the data"
        case .nullKey: "a key column holds NULL; key on NOT NULL columns, or compare the table in keyless mode"
        case .unsupportedKeyType: "key on integer, text, bytes, date, time, timestamp, uuid or bool columns"
        case .unsupportedType: "exclude the column from the job, or cast it in a view"
        case .invalidJSON, .invalidTemporal, .invalidUUID, .invalidDecimal, .keyArity, .malformedEncoding: nil
        }
    }
}

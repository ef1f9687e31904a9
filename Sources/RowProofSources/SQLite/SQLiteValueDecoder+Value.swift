import RowProofCore

extension SQLiteValueDecoder {
    /// Column `index` of the current row as a materialized key value (for planned range bounds).
    func keyValue(_ statement: SQLiteStatement, _ index: Int, column: String) throws(CanonicalError) -> CanonicalValue {
        let storage = statement.storage(at: index)
        switch (self, storage) {
        case (_, .null):
            throw CanonicalError(
                .nullKey,
                "a key column is NULL; every key component must have a value",
                column: column
            )
        case (.decimal, .integer):
            return .decimal(CanonicalDecimal(integer: statement.int64(at: index)))
        case (.decimal, _):
            do {
                return .decimal(try CanonicalDecimal(parsingUTF8: statement.textBytes(at: index)))
            } catch {
                throw error.inColumn(column)
            }
        case (.bytes, .blob):
            return .bytes(Array(statement.blobBytes(at: index)))
        case (.uuid, .blob):
            guard let uuid = UUIDBytes(Array(statement.blobBytes(at: index))) else {
                throw CanonicalError(.invalidUUID, "a UUID blob must have 16 bytes", column: column)
            }
            return .uuid(uuid)
        case (.bool, .integer):
            return .bool(statement.int64(at: index) != 0)
        default:
            let text = String(
                decoding: storage == .blob ? statement.blobBytes(at: index) : statement.textBytes(at: index),
                as: UTF8.self
            )
            switch self {
            case .text: return .text(text)
            case .bytes: return .bytes(Array(text.utf8))
            case .date: return .date(days: try TemporalParser.parseDate(text))
            case .time: return .time(micros: try TemporalParser.parseTime(text))
            case .timestamp: return .timestamp(micros: try TemporalParser.parseTimestamp(text))
            case .uuid: return .uuid(try UUIDBytes(parsing: text))
            case .bool: return .bool(["true", "t", "1", "yes"].contains(text.lowercased()))
            case .decimal, .float, .json:
                throw CanonicalError(.unsupportedKeyType, "a \(self) value cannot be a key component", column: column)
            }
        }
    }

    /// Binds a bound component as the storage class SQLite compares it with.
    func bind(_ value: CanonicalValue, to statement: SQLiteStatement, at index: Int) {
        switch value {
        case .decimal(let decimal):
            if let integer = decimal.int64Value {
                statement.bind(int64: integer, at: index)
            } else {
                statement.bind(text: decimal.description, at: index)
            }
        case .bool(let flag):
            statement.bind(int64: flag ? 1 : 0, at: index)
        case .bytes(let bytes):
            statement.bind(blob: bytes, at: index)
        case .timestamp:
            // SQLite's own datetime() form: a space, no zone (naive values are UTC).
            var text = KeyRange.boundText(value)
            if text.hasSuffix("Z") { text.removeLast() }
            statement.bind(text: String(text.map { $0 == "T" ? " " : $0 }), at: index)
        case .float(let double):
            statement.bind(double: double, at: index)
        default:
            statement.bind(text: KeyRange.boundText(value), at: index)
        }
    }
}

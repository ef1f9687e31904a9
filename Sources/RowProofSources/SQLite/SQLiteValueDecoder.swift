import RowProofCore

/// How one SQLite value (whatever its storage class) becomes a canonical value of a logical type.
///
/// SQLite stores values by storage class, not by declared type, so each logical type accepts the
/// storage classes that can represent it exactly: decimals from INTEGER, TEXT, or REAL read back
/// as SQLite's text rendering (never through a binary double); temporal values from ISO 8601 text.
enum SQLiteValueDecoder: Sendable {
    case decimal, float, text, bytes, bool, date, time, timestamp, uuid, json

    init?(_ type: LogicalType) {
        switch type {
        case .decimal: self = .decimal
        case .float: self = .float
        case .text: self = .text
        case .bytes: self = .bytes
        case .bool: self = .bool
        case .date: self = .date
        case .time: self = .time
        case .timestamp: self = .timestamp
        case .uuid: self = .uuid
        case .json: self = .json
        case .null, .interval, .array: return nil
        }
    }

    /// Appends column `index` of the current row to `encoder`.
    @inline(__always)
    func append(
        _ statement: SQLiteStatement,
        _ index: Int,
        to encoder: inout RowEncoder,
        column: String
    ) throws(CanonicalError) {
        let storage = statement.storage(at: index)
        if storage == .null {
            encoder.appendNull()
            return
        }
        switch self {
        case .decimal:
            if storage == .integer {
                encoder.appendInteger(statement.int64(at: index))
            } else {
                encoder.appendDecimal(try decimal(statement, index, storage, column))
            }
        case .float:
            switch storage {
            case .real, .integer: encoder.appendFloat(statement.double(at: index))
            case .text, .blob, .null: throw mismatch(storage, column, "a float")
            }
        case .text:
            if storage == .blob {
                try encoder.appendText(utf8: statement.blobBytes(at: index))
            } else {
                try encoder.appendText(utf8: statement.textBytes(at: index))
            }
        case .bytes:
            encoder.appendBytes(storage == .blob ? statement.blobBytes(at: index) : statement.textBytes(at: index))
        case .bool:
            encoder.appendBool(try bool(statement, index, storage, column))
        case .date:
            encoder.appendDate(
                days: try TemporalParser.parseDate(try text(statement, index, storage, column, "a date"))
            )
        case .time:
            encoder.appendTime(
                micros: try TemporalParser.parseTime(try text(statement, index, storage, column, "a time"))
            )
        case .timestamp:
            encoder.appendTimestamp(
                micros: try TemporalParser.parseTimestamp(try text(statement, index, storage, column, "a timestamp"))
            )
        case .uuid:
            if storage == .blob, statement.blobBytes(at: index).count == 16 {
                encoder.appendUUID(statement.blobBytes(at: index))
            } else {
                encoder.appendUUID(try UUIDBytes(parsing: try text(statement, index, storage, column, "a UUID")))
            }
        case .json:
            guard storage == .text else { throw mismatch(storage, column, "JSON text") }
            try encoder.appendJSON(utf8: statement.textBytes(at: index))
        }
    }

    /// Appends column `index` of the current row to `encoder` as a key component.
    @inline(__always)
    func appendKey(
        _ statement: SQLiteStatement,
        _ index: Int,
        to encoder: inout KeyEncoder,
        column: String
    ) throws(CanonicalError) {
        let storage = statement.storage(at: index)
        guard storage != .null else {
            throw CanonicalError(
                .nullKey,
                "a key column is NULL; every key component must have a value",
                column: column
            )
        }
        switch self {
        case .decimal:
            if storage == .integer {
                encoder.appendInteger(statement.int64(at: index))
            } else {
                try encoder.appendDecimal(try decimal(statement, index, storage, column))
            }
        case .text:
            try encoder.appendText(
                utf8: storage == .blob ? statement.blobBytes(at: index) : statement.textBytes(at: index)
            )
        case .bytes:
            encoder.appendBytes(storage == .blob ? statement.blobBytes(at: index) : statement.textBytes(at: index))
        case .bool:
            encoder.appendBool(try bool(statement, index, storage, column))
        case .date:
            encoder.appendDate(
                days: try TemporalParser.parseDate(try text(statement, index, storage, column, "a date"))
            )
        case .time:
            encoder.appendTime(
                micros: try TemporalParser.parseTime(try text(statement, index, storage, column, "a time"))
            )
        case .timestamp:
            encoder.appendTimestamp(
                micros: try TemporalParser.parseTimestamp(try text(statement, index, storage, column, "a timestamp"))
            )
        case .uuid:
            if storage == .blob, statement.blobBytes(at: index).count == 16 {
                encoder.appendUUID(statement.blobBytes(at: index))
            } else {
                encoder.appendUUID(try UUIDBytes(parsing: try text(statement, index, storage, column, "a UUID")))
            }
        case .float, .json:
            throw CanonicalError(
                .unsupportedKeyType,
                "a \(self) value cannot be a key component; key on integer, text, bytes, date, "
                    + "time, timestamp, uuid or bool columns",
                column: column
            )
        }
    }

    private func decimal(
        _ statement: SQLiteStatement,
        _ index: Int,
        _ storage: SQLiteStorage,
        _ column: String
    ) throws(CanonicalError) -> CanonicalDecimal {
        guard storage != .blob else { throw mismatch(storage, column, "a decimal") }
        do {
            return try CanonicalDecimal(parsingUTF8: statement.textBytes(at: index))
        } catch {
            throw error.inColumn(column)
        }
    }

    private func bool(
        _ statement: SQLiteStatement,
        _ index: Int,
        _ storage: SQLiteStorage,
        _ column: String
    ) throws(CanonicalError) -> Bool {
        switch storage {
        case .integer:
            return statement.int64(at: index) != 0
        case .text:
            switch String(decoding: statement.textBytes(at: index), as: UTF8.self).lowercased() {
            case "true", "t", "1", "yes": return true
            case "false", "f", "0", "no": return false
            default: throw mismatch(storage, column, "a boolean (0/1, true/false)")
            }
        case .real, .blob, .null:
            throw mismatch(storage, column, "a boolean (0/1, true/false)")
        }
    }

    private func text(
        _ statement: SQLiteStatement,
        _ index: Int,
        _ storage: SQLiteStorage,
        _ column: String,
        _ what: String
    ) throws(CanonicalError) -> String {
        guard storage == .text else { throw mismatch(storage, column, what) }
        return String(decoding: statement.textBytes(at: index), as: UTF8.self)
    }

    private func mismatch(_ storage: SQLiteStorage, _ column: String, _ expected: String) -> CanonicalError {
        let code: CanonicalError.Code =
            switch self {
            case .date, .time, .timestamp: .invalidTemporal
            case .uuid: .invalidUUID
            case .json: .invalidJSON
            case .decimal: .invalidDecimal
            case .float, .text, .bytes, .bool: .unsupportedType
            }
        return CanonicalError(
            code,
            "a value stored as \(storage) cannot be read as \(expected); fix the value or change the column's declared type",
            column: column
        )
    }
}

import RowProofCore
import RowProofCrypto

/// How a key column's sampled values travel from SQL to ``CanonicalValue`` as exact text.
///
/// Temporal values travel as their canonical numbers (days, microseconds) so no date parsing
/// or time zone is involved; bytes as hex; everything else as its text output.
enum PostgresKeyTransport {
    case decimal, text, bytes, date, time, timestamp, uuid, bool, unsupported
    /// A `timetz`: its UTC time of day, as microseconds.
    case zonedTime

    init(_ decoder: PostgresFieldDecoder) {
        switch decoder {
        case .int2, .int4, .int8, .oid, .numeric: self = .decimal
        case .text, .bpchar, .char: self = .text
        case .bytea: self = .bytes
        case .date: self = .date
        case .time: self = .time
        case .timetz: self = .zonedTime
        case .timestamp: self = .timestamp
        case .uuid: self = .uuid
        case .bool: self = .bool
        case .float4, .float8, .interval, .json, .jsonb, .array: self = .unsupported
        }
    }

    /// The SELECT expression for `column`.
    func expression(_ column: String) -> String {
        switch self {
        case .bytes: "encode(\(column), 'hex')"
        case .date: "(\(column) - DATE '1970-01-01')::text"
        case .time: "(extract(epoch FROM \(column)) * 1000000)::int8::text"
        case .zonedTime: "(extract(epoch FROM \(PostgresSQL.utcTimeOfDay(column))) * 1000000)::int8::text"
        case .timestamp: "(extract(epoch FROM \(column)) * 1000000)::int8::text"
        case .text: "\(column)::text"
        case .decimal, .uuid, .bool, .unsupported: "\(column)::text"
        }
    }

    /// The WHERE condition that keeps values with a transport (no NULLs, no infinities).
    func filter(_ column: String) -> String {
        switch self {
        case .date, .timestamp: "\(column) IS NOT NULL AND isfinite(\(column))"
        default: "\(column) IS NOT NULL"
        }
    }

    /// The value `text` stands for.
    func value(_ text: String, table: TableName) throws(SourceError) -> CanonicalValue {
        let value: CanonicalValue? =
            switch self {
            case .decimal: try? .decimal(CanonicalDecimal(parsing: text))
            case .text: .text(text)
            case .bytes: Hex.decode(text).map(CanonicalValue.bytes)
            case .date: Int32(text).map { .date(days: $0) }
            case .time, .zonedTime: Int64(text).map { .time(micros: $0) }
            case .timestamp: Int64(text).map { .timestamp(micros: $0) }
            case .uuid: Hex.decode(String(text.filter { $0 != "-" })).flatMap(UUIDBytes.init).map(CanonicalValue.uuid)
            case .bool: .bool(text == "true" || text == "t")
            case .unsupported: nil
            }
        guard let value else {
            throw SourceError(.data, "planning \(table): the sampled key value \"\(text)\" cannot be read back")
        }
        return value
    }
}

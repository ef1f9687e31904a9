import RowProofCore

/// How one column's binary COPY value becomes a canonical value.
///
/// Chosen once per scan from the column's base type (domains resolved, enums as text), then
/// switched on per value: no existential call on the per-row path.
enum PostgresFieldDecoder: Sendable, Hashable {
    case int2, int4, int8, oid
    case numeric
    case float4, float8
    /// text, varchar, name, citext, enums: UTF-8 text.
    case text
    /// `char(n)`: text, trailing blanks trimmed when the rulebook says so.
    case bpchar(trimsPadding: Bool)
    /// The one-byte internal `"char"` type.
    case char
    case bool
    case date, time, timetz, timestamp, interval
    case uuid
    case json, jsonb
    case bytea
    /// One-dimensional arrays of `element`.
    indirect case array(PostgresFieldDecoder)

    /// The decoder for a base type name (`pg_type.typname`), or `nil` when it has no canonical form.
    static func forBaseType(_ name: String, isEnum: Bool, trimsCharPadding: Bool) -> PostgresFieldDecoder? {
        if isEnum { return .text }
        switch name {
        case "int2": return .int2
        case "int4": return .int4
        case "int8": return .int8
        case "oid": return .oid
        case "numeric": return .numeric
        case "float4": return .float4
        case "float8": return .float8
        case "text", "varchar", "name", "citext": return .text
        case "bpchar": return .bpchar(trimsPadding: trimsCharPadding)
        case "char": return .char
        case "bool": return .bool
        case "date": return .date
        case "time": return .time
        case "timetz": return .timetz
        case "timestamp", "timestamptz": return .timestamp
        case "interval": return .interval
        case "uuid": return .uuid
        case "json": return .json
        case "jsonb": return .jsonb
        case "bytea": return .bytea
        case "money": return .numeric
        case _ where textRendered.contains(name): return .text
        default: return nil
        }
    }

    /// Types compared through Postgres's own text output: network addresses, XML, bit strings,
    /// text search, geometric types, ranges and multiranges, `hstore`, `ltree`, `pg_lsn`.
    ///
    /// Their output is canonical for equal values (ranges normalized, `hstore` keys sorted,
    /// `tsvector` lexemes sorted) and fixed by the session's pinned settings (`TimeZone` UTC,
    /// `DateStyle` ISO, `extra_float_digits` 3), so equal values read as equal text.
    static let textRendered: Set<String> = [
        "inet", "cidr", "macaddr", "macaddr8", "xml",
        "bit", "varbit", "tsvector", "tsquery",
        "point", "line", "lseg", "box", "path", "polygon", "circle",
        "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange",
        "int4multirange", "int8multirange", "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange",
        "hstore", "ltree", "pg_lsn",
    ]

    /// The cast the SELECT applies so the binary value arrives in the decoder's form: `money`
    /// as numeric (never its locale-dependent text), ``textRendered`` types as text; arrays of
    /// them element by element (`_inet` as `text[]`).
    static func selectCast(forBaseType name: String) -> String? {
        if name.hasPrefix("_") { return selectCast(forBaseType: String(name.dropFirst())).map { $0 + "[]" } }
        if name == "money" { return "numeric" }
        return textRendered.contains(name) ? "text" : nil
    }

    /// The logical type the decoder produces.
    var logicalType: LogicalType {
        switch self {
        case .int2, .int4, .int8, .oid, .numeric: .decimal
        case .float4, .float8: .float
        case .text, .bpchar, .char: .text
        case .bool: .bool
        case .date: .date
        case .time, .timetz: .time
        case .timestamp: .timestamp
        case .interval: .interval
        case .uuid: .uuid
        case .json, .jsonb: .json
        case .bytea: .bytes
        case .array(let element): .array(of: element.logicalType)
        }
    }

    /// Whether key order needs the value cast to text (`citext`, enums and `char(n)` sort differently otherwise).
    var isTextLike: Bool {
        switch self {
        case .text, .bpchar, .char: true
        default: false
        }
    }
}

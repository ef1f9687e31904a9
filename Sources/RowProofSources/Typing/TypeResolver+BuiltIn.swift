import RowProofCore

extension TypeResolver {
    /// Postgres base type names (`pg_type.typname`) and their SQL spellings → logical types.
    ///
    /// Domains and enums are resolved to their base before lookup; enums are `enum` → text.
    public static let postgres = TypeResolver(
        engine: .postgres,
        mapping: [
            "bool": .bool, "boolean": .bool,
            "int2": .decimal, "smallint": .decimal, "int4": .decimal, "integer": .decimal, "int": .decimal,
            "int8": .decimal, "bigint": .decimal, "oid": .decimal,
            "numeric": .decimal, "decimal": .decimal,
            "float4": .float, "real": .float, "float8": .float, "double precision": .float,
            "text": .text, "varchar": .text, "character varying": .text, "bpchar": .text, "character": .text,
            "char": .text, "name": .text, "citext": .text, "enum": .text,
            "bytea": .bytes,
            "date": .date,
            "time": .time, "time without time zone": .time, "timetz": .time, "time with time zone": .time,
            "timestamp": .timestamp, "timestamp without time zone": .timestamp,
            "timestamptz": .timestamp, "timestamp with time zone": .timestamp,
            "interval": .interval,
            "uuid": .uuid,
            "json": .json, "jsonb": .json,
            "money": .decimal, "bit varying": .text,
        ].merging(
            // Types compared as Postgres's own text output: inet, ranges, geometric types, …
            PostgresFieldDecoder.textRendered.map { ($0, LogicalType.text) },
            uniquingKeysWith: { first, _ in first }
        )
    )

    /// SQLite declared type names → logical types; other names follow SQLite's affinity rules.
    ///
    /// `NUMERIC`/`DECIMAL` values stored as REAL are read as text so they render exactly;
    /// `DATE`/`DATETIME`/`TIMESTAMP` hold ISO 8601 text.
    public static let sqlite = TypeResolver(
        engine: .sqlite,
        mapping: [
            "integer": .decimal, "int": .decimal, "bigint": .decimal, "smallint": .decimal, "tinyint": .decimal,
            "mediumint": .decimal, "int2": .decimal, "int8": .decimal,
            "real": .float, "double": .float, "double precision": .float, "float": .float,
            "text": .text, "varchar": .text, "character": .text, "nvarchar": .text, "nchar": .text, "clob": .text,
            "blob": .bytes,
            "numeric": .decimal, "decimal": .decimal,
            "boolean": .bool, "bool": .bool,
            "date": .date,
            "time": .time,
            "datetime": .timestamp, "timestamp": .timestamp, "timestamptz": .timestamp,
            "timestamp with time zone": .timestamp,
            "uuid": .uuid,
            "json": .json, "jsonb": .json,
        ]
    )
}

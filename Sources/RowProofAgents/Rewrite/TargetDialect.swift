/// Type spellings of the SQL the rewrite agent writes: Postgres (dbt models) and Spark SQL.
enum TargetDialect {
    case postgres
    case spark

    /// The type to cast to for a target column declared as `type`.
    func castType(_ type: String) -> String {
        switch self {
        case .postgres:
            return type
        case .spark:
            let parsed = EngineType(type)
            if let (precision, scale) = parsed.precisionScale { return "DECIMAL(\(precision),\(scale))" }
            if let length = parsed.length {
                return ["char", "character", "bpchar", "nchar"].contains(parsed.base)
                    ? "CHAR(\(length))" : "VARCHAR(\(length))"
            }
            switch parsed.base {
            case "smallint", "int2": return "SMALLINT"
            case "integer", "int", "int4": return "INT"
            case "bigint", "int8": return "BIGINT"
            case "real", "float4": return "FLOAT"
            case "double precision", "float8", "float", "double": return "DOUBLE"
            case "numeric", "decimal": return "DECIMAL(38,18)"
            case "boolean", "bool": return "BOOLEAN"
            case "date": return "DATE"
            case "timestamp", "timestamp without time zone", "datetime": return "TIMESTAMP_NTZ"
            case "timestamptz", "timestamp with time zone": return "TIMESTAMP"
            case "bytea", "blob": return "BINARY"
            default: return "STRING"
            }
        }
    }

    /// Quotes an identifier.
    func quoted(_ identifier: String) -> String {
        switch self {
        case .postgres: "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        case .spark: "`" + identifier.replacingOccurrences(of: "`", with: "``") + "`"
        }
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(
            separator: replacement
        )
    }
}

import RowProofSources

/// The SQL profiling runs, written for the source's engine.
struct ProfileQueries {
    let engine: SourceLocation.Engine
    /// The FROM item: the table, or a sample of it.
    let from: String

    private var isPostgres: Bool { engine == .postgres }

    /// `c` as text.
    func text(_ column: String) -> String {
        isPostgres ? "\(column)::text" : "CAST(\(column) AS TEXT)"
    }

    /// rows, non-null, distinct, min, max (text), min length, max length.
    func stats(_ column: String, ordered: Bool, measuresLength: Bool) -> String {
        let range =
            ordered
            ? "min(\(column))\(isPostgres ? "::text" : ""), max(\(column))\(isPostgres ? "::text" : "")"
            : "NULL, NULL"
        let lengths =
            measuresLength ? "min(length(\(text(column)))), max(length(\(text(column))))" : "NULL, NULL"
        return
            "SELECT count(*), count(\(column)), count(DISTINCT \(text(column))), \(range), \(lengths) FROM \(from)"
    }

    /// The five most frequent values.
    func topValues(_ column: String) -> String {
        "SELECT \(text(column)), count(*) FROM \(from) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5"
    }

    /// length, rows with that length.
    func lengths(_ column: String) -> String {
        "SELECT length(\(text(column))), count(*) FROM \(from) WHERE \(column) IS NOT NULL GROUP BY 1 ORDER BY 1"
    }

    /// Largest scale and largest count of integer digits actually used (trailing zeros of the
    /// fraction do not count: 1.3700 uses 2 decimals).
    func scale(_ column: String) -> String {
        if isPostgres {
            return
                "SELECT max(min_scale(\(column)::numeric)), max(length(trunc(abs(\(column)::numeric))::text)) FROM \(from)"
        }
        let raw = "CAST(\(column) AS TEXT)"
        let value =
            "(CASE WHEN instr(\(raw), '.') > 0 THEN rtrim(rtrim(\(raw), '0'), '.') ELSE \(raw) END)"
        return
            "SELECT max(CASE WHEN instr(\(value), '.') > 0 THEN length(\(value)) - instr(\(value), '.') ELSE 0 END), "
            + "max(CASE WHEN instr(\(value), '.') > 0 THEN instr(ltrim(\(value), '-'), '.') - 1 ELSE length(ltrim(\(value), '-')) END) "
            + "FROM \(from) WHERE \(column) IS NOT NULL"
    }

    /// Offsets written in timestamp text (SQLite stores timestamps as text).
    func offsets(_ column: String) -> String {
        "SELECT CASE WHEN \(column) LIKE '%Z' THEN 'Z' "
            + "WHEN substr(\(column), length(\(column)) - 5, 1) IN ('+', '-') AND substr(\(column), length(\(column)) - 2, 1) = ':' "
            + "THEN substr(\(column), length(\(column)) - 5) ELSE 'none' END, count(*) FROM \(from) WHERE \(column) IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1"
    }
}

public import RowProofCore

/// One read-only SQLite session: discovery, key-range planning and ordered scans.
///
/// Not `Sendable`: the SQLite handle is owned by the thread that opened the session.
public final class SQLiteSession: SourceSession {
    let connection: SQLiteConnection
    /// How declared types map to logical types.
    public let types: TypeResolver
    var tables: [TableName: TableDescription] = [:]

    init(connection: SQLiteConnection, types: TypeResolver) {
        self.connection = connection
        self.types = types
    }

    /// Discovers a table from `pragma table_info` and `pragma index_list`; the row estimate is
    /// `sqlite_stat1`'s when the database was analyzed, else an exact count.
    ///
    /// - Throws: ``SourceError/Kind/schema`` for a missing table, listing similar names.
    public func describe(table: TableName) throws(SourceError) -> TableDescription {
        if let cached = tables[table] { return cached }
        let schema = table.schema ?? "main"
        let info = try connection.query(
            "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?1, ?2) ORDER BY cid",
            [table.name, schema]
        )
        guard !info.isEmpty else {
            let names = try connection.query(
                "SELECT name FROM \(SQLiteSQL.identifier(schema)).sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"
            ).compactMap { $0[0] }
            let similar = SimilarNames.closest(to: table.name, among: names)
            throw SourceError(
                .schema,
                "table \(table) does not exist in SQLite database \(connection.path)",
                hint: similar.isEmpty
                    ? "check the table name; the database has no similar tables"
                    : "similar tables: \(similar.joined(separator: ", "))"
            )
        }
        var columns: [ColumnDescription] = []
        var primary: [(Int, String)] = []
        for (index, row) in info.enumerated() {
            let name = row[0] ?? ""
            let declared = row[1] ?? ""
            columns.append(
                ColumnDescription(
                    name: name,
                    engineType: declared,
                    logicalType: types.logicalType(forEngineType: declared),
                    isNullable: row[2] == "0" && !(row[3].flatMap(Int.init).map { $0 > 0 } ?? false),
                    ordinal: index + 1
                )
            )
            if let position = row[3].flatMap(Int.init), position > 0 { primary.append((position, name)) }
        }
        var unique: [[String]] = []
        let indexes = try connection.query(
            "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?1, ?2) ORDER BY seq DESC",
            [table.name, schema]
        )
        for index in indexes where index[1] == "1" && index[2] != "pk" && index[3] == "0" {
            let names = try connection.query(
                "SELECT name FROM pragma_index_info(?1, ?2) ORDER BY seqno",
                [index[0] ?? "", schema]
            ).map { $0[0] }
            if names.allSatisfy({ $0 != nil }) { unique.append(names.compactMap { $0 }) }
        }
        let qualified = SQLiteSQL.qualified(schema, table.name)
        var estimate: Int? = nil
        if let stat = try? connection.query(
            "SELECT stat FROM \(SQLiteSQL.identifier(schema)).sqlite_stat1 WHERE tbl = ?1 LIMIT 1",
            [table.name]
        ), let first = stat.first?[0]?.split(separator: " ").first {
            estimate = Int(first)
        }
        if estimate == nil {
            estimate = try connection.query("SELECT count(*) FROM \(qualified)").first?[0].flatMap { Int($0) }
        }
        let description = TableDescription(
            schema: schema,
            name: table.name,
            columns: columns,
            primaryKey: primary.sorted { $0.0 < $1.0 }.map(\.1),
            uniqueConstraints: unique,
            estimatedRows: estimate
        )
        tables[table] = description
        return description
    }
}

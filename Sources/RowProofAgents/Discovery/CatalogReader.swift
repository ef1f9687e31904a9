import RowProofContracts
import RowProofSources

/// Reads a source's catalog into a ``SourceInventory``, remembering the queries it ran.
struct CatalogReader {
    let connection: CatalogConnection
    let exactCountLimitBytes: Int
    private(set) var queries: [String] = []
    private(set) var warnings: [String] = []
    private var countQueries: [String: String] = [:]

    init(connection: CatalogConnection, exactCountLimitBytes: Int) {
        self.connection = connection
        self.exactCountLimitBytes = exactCountLimitBytes
    }

    var isPostgres: Bool { connection.engine == .postgres }

    private mutating func run(
        _ sql: String,
        _ parameters: [String?] = []
    ) throws(AgentError)
        -> [[String?]]
    {
        if !queries.contains(sql) { queries.append(sql) }
        return try connection.rows(sql, parameters)
    }

    mutating func read() throws(AgentError) -> SourceInventory {
        let tables = isPostgres ? try readPostgres() : try readSQLite()
        return SourceInventory(
            engine: connection.engine.rawValue,
            location: connection.redactedLocation,
            tables: tables
        )
    }

    // MARK: Postgres

    private mutating func readPostgres() throws(AgentError) -> [InventoryTable] {
        let kinds = ["r": "table", "p": "partitioned_table", "v": "view", "m": "materialized_view"]
        var columns: [String: [InventoryColumn]] = [:]
        for row in try run(CatalogQueries.postgresColumns) {
            columns["\(row[0] ?? "").\(row[1] ?? "")", default: []].append(
                InventoryColumn(name: row[2] ?? "", type: row[3] ?? "", isNullable: row[4] == "true")
            )
        }
        var keys: [String: [String]] = [:]
        for row in try run(CatalogQueries.postgresPrimaryKeys) {
            keys["\(row[0] ?? "").\(row[1] ?? "")", default: []].append(row[2] ?? "")
        }
        var foreignKeys: [String: [InventoryForeignKey]] = [:]
        for row in try run(CatalogQueries.postgresForeignKeys) {
            let split = { (text: String?) in (text ?? "").split(separator: "\u{1F}").map(String.init) }
            foreignKeys["\(row[0] ?? "").\(row[1] ?? "")", default: []].append(
                InventoryForeignKey(
                    name: row[2] ?? "",
                    columns: split(row[5]),
                    references: "\(row[3] ?? "").\(row[4] ?? "")",
                    referencedColumns: split(row[6])
                )
            )
        }
        var dependencies: [String: [String]] = [:]
        for row in try run(CatalogQueries.postgresViewDependencies) {
            dependencies["\(row[0] ?? "").\(row[1] ?? "")", default: []].append(
                "\(row[2] ?? "").\(row[3] ?? "")"
            )
        }
        var tables: [InventoryTable] = []
        for row in try run(CatalogQueries.postgresTables) {
            let schema = row[0] ?? ""
            let name = row[1] ?? ""
            let qualified = "\(schema).\(name)"
            let kind = kinds[row[2] ?? ""] ?? "table"
            var estimate = row[3].flatMap { Int($0) }.flatMap { $0 >= 0 ? $0 : nil }
            let bytes = row[4].flatMap { Int($0) }
            var exact = false
            if estimate == nil, kind != "view", (bytes ?? 0) <= exactCountLimitBytes {
                let sql = CatalogQueries.count("\(connection.quoted(schema)).\(connection.quoted(name))")
                estimate = Self.integer(try run(sql))
                countQueries[qualified] = sql
                exact = true
            } else if estimate == nil, kind != "view" {
                warnings.append(
                    "\(qualified) has never been analyzed and is too large to count; run ANALYZE \(qualified) for a row estimate"
                )
            }
            tables.append(
                InventoryTable(
                    schema: schema,
                    name: name,
                    kind: kind,
                    rowEstimate: estimate,
                    isRowCountExact: exact,
                    bytes: bytes,
                    columns: columns[qualified] ?? [],
                    primaryKey: keys[qualified] ?? [],
                    foreignKeys: foreignKeys[qualified] ?? [],
                    dependsOn: dependencies[qualified] ?? []
                )
            )
        }
        return tables
    }

    // MARK: SQLite

    private mutating func readSQLite() throws(AgentError) -> [InventoryTable] {
        let objects = try run(CatalogQueries.sqliteObjects)
        let tableNames = objects.filter { $0[1] == "table" }.compactMap { $0[0] }
        var tables: [InventoryTable] = []
        for object in objects {
            let name = object[0] ?? ""
            let kind = object[1] ?? "table"
            let quoted = connection.quoted(name)
            var columns: [InventoryColumn] = []
            var keyed: [(Int, String)] = []
            for row in try run(CatalogQueries.sqliteTableInfo(quoted)) {
                let column = row[1] ?? ""
                columns.append(InventoryColumn(name: column, type: row[2] ?? "", isNullable: row[3] == "0"))
                if let position = row[5].flatMap({ Int($0) }), position > 0 {
                    keyed.append((position, column))
                }
            }
            var foreignKeys: [Int: InventoryForeignKey] = [:]
            if kind == "table" {
                for row in try run(CatalogQueries.sqliteForeignKeys(quoted)) {
                    let id = row[0].flatMap { Int($0) } ?? 0
                    var key =
                        foreignKeys[id]
                        ?? InventoryForeignKey(
                            name: "fk\(id)",
                            columns: [],
                            references: "main.\(row[2] ?? "")",
                            referencedColumns: []
                        )
                    key.columns.append(row[3] ?? "")
                    key.referencedColumns.append(row[4] ?? "")
                    foreignKeys[id] = key
                }
            }
            var rows: Int? = nil
            var bytes: Int? = nil
            if kind == "table" {
                let sql = CatalogQueries.count(quoted)
                rows = Self.integer(try run(sql))
                countQueries["main.\(name)"] = sql
                bytes = (try? connection.rows(CatalogQueries.sqliteTableBytes, [name])).flatMap(
                    Self.integer
                )
                if bytes != nil, !queries.contains(CatalogQueries.sqliteTableBytes) {
                    queries.append(CatalogQueries.sqliteTableBytes)
                }
            }
            let dependsOn =
                kind == "view"
                ? Self.referencedTables(in: object[2] ?? "", among: tableNames).map { "main.\($0)" } : []
            tables.append(
                InventoryTable(
                    schema: "main",
                    name: name,
                    kind: kind,
                    rowEstimate: rows,
                    isRowCountExact: rows != nil,
                    bytes: bytes,
                    columns: columns,
                    primaryKey: keyed.sorted { $0.0 < $1.0 }.map(\.1),
                    foreignKeys: foreignKeys.keys.sorted().compactMap { foreignKeys[$0] },
                    dependsOn: dependsOn
                )
            )
        }
        if tables.contains(where: { $0.kind == "table" && $0.bytes == nil }) {
            warnings.append("this SQLite build has no dbstat table: sizes in bytes are not reported")
        }
        return tables
    }

    /// Table names that appear as words in a view's SQL (SQLite keeps no dependency catalog).
    static func referencedTables(in sql: String, among names: [String]) -> [String] {
        let words = Set(
            sql.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
        )
        return names.filter { words.contains($0.lowercased()) }.sorted()
    }

    /// The first value of the first row as an integer.
    static func integer(_ rows: [[String?]]) -> Int? {
        guard let first = rows.first, let value = first.first, let text = value else { return nil }
        return Int(text)
    }

    // MARK: Citations

    func sizeEvidence(for table: InventoryTable) -> [ClaimEvidence] {
        if let count = countQueries[table.qualifiedName] {
            return [.query(count, shows: "exact row count of \(table.qualifiedName)")]
        }
        if isPostgres {
            return [
                .query(
                    CatalogQueries.postgresTables,
                    shows: "pg_class.reltuples (planner estimate) and pg_total_relation_size"
                )
            ]
        }
        return [
            .query(CatalogQueries.sqliteObjects, shows: "\(table.qualifiedName) is a \(table.kind)")
        ]
    }

    func columnsQuery(for table: InventoryTable) -> String {
        isPostgres
            ? CatalogQueries.postgresColumns
            : CatalogQueries.sqliteTableInfo(connection.quoted(table.name))
    }

    func keysQuery(for table: InventoryTable) -> String {
        isPostgres
            ? CatalogQueries.postgresPrimaryKeys
            : CatalogQueries.sqliteTableInfo(connection.quoted(table.name))
    }

    func foreignKeysQuery(for table: InventoryTable) -> String {
        isPostgres
            ? CatalogQueries.postgresForeignKeys
            : CatalogQueries.sqliteForeignKeys(connection.quoted(table.name))
    }

    func viewDependencyQuery(for table: InventoryTable) -> String {
        isPostgres ? CatalogQueries.postgresViewDependencies : CatalogQueries.sqliteObjects
    }
}

import Foundation
public import RowProofCore

extension PostgresSession {
    /// Discovers a table from the catalogs: columns (domains and enums resolved to their base
    /// type), primary key, unique constraints and the planner's row estimate.
    ///
    /// - Throws: ``SourceError/Kind/schema`` for a missing table, listing the most similar names.
    public func describe(table: TableName) throws(SourceError) -> TableDescription {
        try tableInfo(table).description
    }

    func tableInfo(_ table: TableName) throws(SourceError) -> PostgresTableInfo {
        if let cached = tables[table] { return cached }
        let rows = try connection.query(
            """
            SELECT c.oid::int8::text, n.nspname, c.relname, c.reltuples::int8::text, c.relpages::int8::text
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
              AND CASE WHEN $2::text IS NULL THEN pg_table_is_visible(c.oid) ELSE n.nspname = $2::text END
            """,
            [table.name, table.schema]
        )
        guard let row = rows.first, let oid = row[0].flatMap({ Int64($0) }) else {
            throw try missingTable(table)
        }
        let schema = row[1] ?? "public"
        let estimate = row[3].flatMap { Int($0) }
        let pages = row[4].flatMap { Int64($0) } ?? 0

        let columnRows = try connection.query(
            """
            SELECT a.attname, a.attnum::text, (NOT a.attnotnull)::text, a.atttypid::int8::text
            FROM pg_attribute a
            WHERE a.attrelid = $1::oid AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
            """,
            [String(oid)]
        )
        var columns: [ColumnDescription] = []
        var columnTypes: [String: PostgresTypeInfo] = [:]
        for (index, column) in columnRows.enumerated() {
            let name = column[0] ?? ""
            let type = try typeInfo(oid: Int64(column[3] ?? "0") ?? 0)
            columnTypes[name] = type
            let logical = types.logicalType(forEngineType: type.resolverName)
            columns.append(
                ColumnDescription(
                    name: name,
                    engineType: type.formatted,
                    logicalType: logical,
                    isNullable: column[2] == "true",
                    ordinal: index + 1
                )
            )
        }

        let keyRows = try connection.query(
            """
            SELECT i.indisprimary::text,
                   (SELECT json_agg(a.attname ORDER BY k.ord)
                    FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                    WHERE k.ord <= i.indnkeyatts)::text
            FROM pg_index i
            WHERE i.indrelid = $1::oid AND i.indisunique AND i.indexprs IS NULL AND i.indpred IS NULL
            ORDER BY i.indisprimary DESC, i.indexrelid
            """,
            [String(oid)]
        )
        var primaryKey: [String] = []
        var unique: [[String]] = []
        for key in keyRows {
            guard let json = key[1], let names = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
            else {
                continue
            }
            if key[0] == "true" { primaryKey = names } else { unique.append(names) }
        }

        let info = PostgresTableInfo(
            description: TableDescription(
                schema: schema,
                name: row[2] ?? table.name,
                columns: columns,
                primaryKey: primaryKey,
                uniqueConstraints: unique,
                estimatedRows: estimate.flatMap { $0 >= 0 ? $0 : nil }
            ),
            oid: oid,
            pages: pages,
            columnTypes: columnTypes
        )
        tables[table] = info
        return info
    }

    /// Resolves a type oid through domains to its base type, and arrays to their element.
    func typeInfo(oid: Int64) throws(SourceError) -> PostgresTypeInfo {
        if let cached = typeCache[oid] { return cached }
        var current = oid
        var formatted: String? = nil
        for _ in 0..<32 {
            let rows = try connection.query(
                """
                SELECT t.typname, t.typtype::text, t.typbasetype::int8::text, t.typelem::int8::text, t.typcategory::text,
                       format_type(t.typbasetype, NULLIF(t.typtypmod, -1)), format_type(t.oid, NULL)
                FROM pg_type t WHERE t.oid = $1::oid
                """,
                [String(current)]
            )
            guard let row = rows.first else { break }
            let typtype = row[1] ?? "b"
            if typtype == "d", let base = row[2].flatMap({ Int64($0) }) {
                if formatted == nil { formatted = row[5] }
                current = base
                continue
            }
            var info = PostgresTypeInfo(
                baseName: row[0] ?? "unknown",
                formatted: formatted ?? row[6] ?? "unknown",
                isEnum: typtype == "e",
                element: []
            )
            if row[4] == "A", let element = row[3].flatMap({ Int64($0) }), element != 0 {
                info.element = [try typeInfo(oid: element)]
            }
            typeCache[oid] = info
            return info
        }
        let unknown = PostgresTypeInfo(baseName: "unknown", formatted: "unknown", isEnum: false, element: [])
        typeCache[oid] = unknown
        return unknown
    }

    /// The error for a table that does not exist, naming up to five similar tables.
    private func missingTable(_ table: TableName) throws(SourceError) -> SourceError {
        let rows = try connection.query(
            """
            SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
            LIMIT 10000
            """
        )
        let candidates = rows.compactMap { row -> (String, String)? in
            guard let schema = row[0], let name = row[1] else { return nil }
            return (schema, name)
        }
        let similar = SimilarNames.closest(
            to: table.name,
            among: candidates.map { "\($0.0).\($0.1)" },
            key: { name in
                String(name.split(separator: ".", maxSplits: 1).last ?? "")
            }
        )
        let where_ = table.schema.map { "in schema \($0)" } ?? "on the search_path"
        return SourceError(
            .schema,
            "table \(table) does not exist \(where_) on \(connection.redactedTarget)",
            hint: similar.isEmpty
                ? "check the table name and schema; the database has no similar tables"
                : "similar tables: \(similar.joined(separator: ", "))"
        )
    }
}

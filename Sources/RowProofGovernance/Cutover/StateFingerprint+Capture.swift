import Foundation
import RowProofCrypto

extension StateFingerprint {
    /// Takes the fingerprint of `plan`'s schemas, tables and files.
    ///
    /// - Throws: ``CutoverError/Code-swift.struct/database`` naming the query that failed.
    public static func capture(
        plan: CutoverPlan,
        database: any CutoverDatabase,
        files: CutoverFiles
    ) throws(CutoverError) -> StateFingerprint {
        let schemas =
            "{"
            + plan.schemas.map {
                "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                    + "\""
            }.joined(separator: ",") + "}"
        let catalogSQL = """
            SELECT line FROM (
              SELECT 'relation ' || table_schema || '.' || table_name || ' ' || table_type AS line
                FROM information_schema.tables WHERE table_schema = ANY($1::text[])
              UNION ALL
              SELECT 'column ' || table_schema || '.' || table_name || '.' || column_name || ' #' || ordinal_position
                     || ' ' || data_type || ' nullable=' || is_nullable || ' default=' || coalesce(column_default, '')
                FROM information_schema.columns WHERE table_schema = ANY($1::text[])
              UNION ALL
              SELECT 'view ' || schemaname || '.' || viewname || ' ' || definition
                FROM pg_catalog.pg_views WHERE schemaname = ANY($1::text[])
              UNION ALL
              SELECT 'index ' || schemaname || '.' || indexname || ' ' || indexdef
                FROM pg_catalog.pg_indexes WHERE schemaname = ANY($1::text[])
            ) catalog ORDER BY line COLLATE "C"
            """
        let catalog = try run(
            catalogSQL,
            [schemas],
            on: database,
            doing: "reading the catalog of schemas \(plan.schemas.joined(separator: ", "))"
        )
        .compactMap { $0.first ?? nil }
        var tables: [TableData] = []
        for table in plan.tables {
            let exists = try run(
                "SELECT to_regclass($1) IS NOT NULL",
                [quoted(table)],
                on: database,
                doing: "looking up table \(table)"
            )
            guard exists.first?.first == "t" else {
                tables.append(TableData(table: table, exists: false, rows: nil, md5: nil))
                continue
            }
            let rows = try run(
                "SELECT count(*)::text, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text COLLATE \"C\"), '')) FROM \(quoted(table)) t",
                [],
                on: database,
                doing: "hashing the data of \(table)"
            )
            tables.append(
                TableData(
                    table: table,
                    exists: true,
                    rows: rows.first?[0].flatMap { Int($0) },
                    md5: rows.first?[1] ?? nil
                )
            )
        }
        var fileStates: [FileState] = []
        for path in plan.writtenFiles {
            fileStates.append(FileState(path: path, sha256: try files.sha256(of: path)))
        }
        let joined = catalog.joined(separator: "\n")
        return StateFingerprint(
            catalog: catalog,
            catalogSHA256: SHA256.hexDigest(Array(joined.utf8)),
            tables: tables,
            files: fileStates
        )
    }

    /// `schema.table` with each part double-quoted.
    static func quoted(_ table: String) -> String {
        table.split(separator: ".", maxSplits: 1).map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            .joined(separator: ".")
    }

    private static func run(
        _ sql: String,
        _ parameters: [String?],
        on database: any CutoverDatabase,
        doing what: String
    ) throws(CutoverError) -> [[String?]] {
        do { return try database.query(sql, parameters) } catch {
            throw CutoverError(.database, "\(what) failed: \(error)")
        }
    }
}

extension CutoverPlan {
    /// Every file a step writes or restores, in plan order, without repeats.
    var writtenFiles: [String] {
        var seen = Set<String>()
        return steps.flatMap {
            [$0.action.writeFile?.path, $0.rollback.writeFile?.path, $0.rollback.restoreFile].compactMap { $0 }
        }
        .filter { seen.insert($0).inserted }
    }
}

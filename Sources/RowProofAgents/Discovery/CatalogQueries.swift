/// The catalog queries discovery runs, one per fact; outputs cite them verbatim.
enum CatalogQueries {
    static let postgresSystemSchemas =
        "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'"

    /// schema, name, relkind, reltuples, total bytes.
    static let postgresTables = """
        SELECT n.nspname, c.relname, c.relkind::text, c.reltuples::bigint, pg_total_relation_size(c.oid)
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm') AND \(postgresSystemSchemas)
        ORDER BY 1, 2
        """

    /// schema, table, column, type with modifiers, nullable.
    static let postgresColumns = """
        SELECT n.nspname, c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), (NOT a.attnotnull)::text
        FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm') AND \(postgresSystemSchemas)
        ORDER BY 1, 2, a.attnum
        """

    /// schema, table, key column, in key order.
    static let postgresPrimaryKeys = """
        SELECT n.nspname, c.relname, a.attname
        FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(num, ord)
        JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.num
        WHERE i.indisprimary AND \(postgresSystemSchemas)
        ORDER BY 1, 2, k.ord
        """

    /// schema, table, constraint, referenced schema, referenced table, columns, referenced columns (chr(31)-separated).
    static let postgresForeignKeys = """
        SELECT n.nspname, c.relname, con.conname, fn.nspname, f.relname,
          (SELECT string_agg(a.attname, chr(31) ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY AS k(num, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num),
          (SELECT string_agg(a.attname, chr(31) ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY AS k(num, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num)
        FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_class f ON f.oid = con.confrelid JOIN pg_catalog.pg_namespace fn ON fn.oid = f.relnamespace
        WHERE con.contype = 'f' AND \(postgresSystemSchemas)
        ORDER BY 1, 2, 3
        """

    /// view schema, view, referenced schema, referenced table.
    static let postgresViewDependencies = """
        SELECT DISTINCT n.nspname, v.relname, tn.nspname, t.relname
        FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_rewrite r ON r.oid = d.objid
        JOIN pg_catalog.pg_class v ON v.oid = r.ev_class JOIN pg_catalog.pg_namespace n ON n.oid = v.relnamespace
        JOIN pg_catalog.pg_class t ON t.oid = d.refobjid JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
        WHERE d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.refclassid = 'pg_catalog.pg_class'::regclass
          AND t.oid <> v.oid AND \(postgresSystemSchemas)
        ORDER BY 1, 2, 3, 4
        """

    /// name, type, sql.
    static let sqliteObjects = """
        SELECT name, type, sql FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name
        """

    static func sqliteTableInfo(_ quoted: String) -> String { "PRAGMA table_info(\(quoted))" }
    static func sqliteForeignKeys(_ quoted: String) -> String { "PRAGMA foreign_key_list(\(quoted))" }
    static func count(_ quotedTable: String) -> String { "SELECT count(*) FROM \(quotedTable)" }
    static let sqliteTableBytes = "SELECT sum(pgsize) FROM dbstat WHERE name = ?"
}

/// SQL text building for SQLite.
enum SQLiteSQL {
    /// `"name"` with embedded quotes doubled.
    static func identifier(_ name: String) -> String {
        "\"" + name.replacingAll("\"", with: "\"\"") + "\""
    }

    /// `"schema"."table"`.
    static func qualified(_ schema: String, _ table: String) -> String {
        identifier(schema) + "." + identifier(table)
    }
}

import RowProofSources

/// Reads a count from a job store while a coordinator writes it.
enum SQLiteProbe {
    static func count(_ path: String, _ sql: String) throws -> Int {
        let database = try SQLiteDatabase(path: path)
        return Int(try database.query(sql).first?.first?.integer ?? 0)
    }
}

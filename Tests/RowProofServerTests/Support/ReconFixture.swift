import Foundation
import RowProofSources

/// A pair of small SQLite tables with a known number of planted differences, and a job over them.
struct ReconFixture {
    let folder: URL
    let name: String
    let rows: Int
    let changed: Int
    let missing: Int

    /// Creates `source.sqlite` and `target.sqlite` in `folder`: `rows` rows in `items`, the target
    /// with `changed` rows altered and `missing` rows deleted.
    init(folder: URL, name: String, rows: Int, changed: Int, missing: Int) throws {
        self.folder = folder
        self.name = name
        self.rows = rows
        self.changed = changed
        self.missing = missing
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for side in ["source", "target"] {
            let database = try SQLiteDatabase(path: folder.appendingPathComponent("\(side).sqlite").path)
            try database.execute(
                "DROP TABLE IF EXISTS items; CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT NOT NULL, amount INTEGER NOT NULL)"
            )
            try database.transaction {
                for id in 1...rows {
                    try database.query(
                        "INSERT INTO items VALUES (?, ?, ?)",
                        [.integer(Int64(id)), .text("item \(id)"), .integer(Int64(id * 10))]
                    )
                }
            }
            if side == "target" {
                if changed > 0 { try database.execute("UPDATE items SET amount = amount + 1 WHERE id <= \(changed)") }
                if missing > 0 { try database.execute("DELETE FROM items WHERE id > \(rows - missing)") }
            }
        }
    }

    /// The job document as JSON.
    func jobJSON(chunkRows: Int = 1000) -> Data {
        let job: [String: Any] = [
            "name": name,
            "source": ["url": "sqlite://" + folder.appendingPathComponent("source.sqlite").path],
            "target": ["url": "sqlite://" + folder.appendingPathComponent("target.sqlite").path],
            "tables": [["source": "items", "key_columns": ["id"]]],
            "chunking": ["chunk_rows": chunkRows],
        ]
        return (try? JSONSerialization.data(withJSONObject: job, options: [.sortedKeys])) ?? Data()
    }
}

import Foundation
import RowProofContracts
import RowProofSources
import RowProofTestSupport
import Testing

/// Two SQLite databases holding the same `items` table, the target with one planted root cause,
/// compared by the real `rowproof recon`; the report it writes is what the explanation reads.
struct ReconFixture {
    /// Rows in the source table.
    static let rowCount = 300

    /// One source row: id, a naive timestamp, a 4-decimal amount, a note, a code.
    struct Row {
        var id: Int
        var createdAt: String
        var amount: String
        var note: String?
        var code: String

        static func source(_ id: Int) -> Row {
            let minute = id % 60
            return Row(
                id: id,
                createdAt: "2024-03-\(10 + id % 15) 08:\(minute < 10 ? "0" : "")\(minute):00",
                amount: "\(id * 3).\(1000 + id % 9000)",
                note: id % 7 == 0 ? "" : "note \(id)",
                code: "c\(id % 13)"
            )
        }
    }

    /// Runs recon on the source rows against `plant(source rows)`; returns the report's bytes.
    static func report(named name: String, plant: (inout [Row]) -> Void) throws -> Data {
        let folder = TemporaryFolder.make("recon-\(name)")
        let source = (1...rowCount).map(Row.source)
        var target = source
        plant(&target)
        try write(source, to: folder.appendingPathComponent("source.db"))
        try write(target, to: folder.appendingPathComponent("target.db"))
        let output = folder.appendingPathComponent("out")
        let process = Process()
        process.executableURL = TestEnvironment.rowproofExecutable
        process.arguments = [
            "recon", "sqlite://" + folder.appendingPathComponent("source.db").path,
            "sqlite://" + folder.appendingPathComponent("target.db").path,
            "--table", "items", "--output", output.path, "--workers", "1", "--chunk-rows", "100",
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let log = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(
            process.terminationStatus == 1,
            "recon should find the planted differences (exit 1): \(log)"
        )
        return try Data(contentsOf: output.appendingPathComponent("report.json"))
    }

    private static func write(_ rows: [Row], to url: URL) throws {
        let database = try SQLiteDatabase(path: url.path)
        try database.execute(
            """
            CREATE TABLE items (id INTEGER PRIMARY KEY, created_at TIMESTAMP NOT NULL, amount NUMERIC(12,4) NOT NULL,
                note TEXT, code TEXT NOT NULL)
            """
        )
        try database.transaction {
            for row in rows {
                try database.query(
                    "INSERT INTO items VALUES (?,?,?,?,?)",
                    [
                        .integer(Int64(row.id)), .text(row.createdAt), .text(row.amount),
                        row.note.map(SQLiteValue.text) ?? .null, .text(row.code),
                    ]
                )
            }
        }
    }
}

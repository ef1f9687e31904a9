import Foundation
import RowProofSources
import Testing

/// Inspecting a user's SQLite file (discovery, profiling) must leave it byte for byte as it was.
@Suite struct SQLiteDatabaseReadOnlyTests {
    @Test func readOnlyOpenChangesNothingAndRefusesWrites() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rowproof-ro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("app.db").path
        do {
            let setup = try SQLiteDatabase(path: path)
            try setup.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT); INSERT INTO t VALUES (1, 'a'), (2, 'b')")
            try setup.execute("PRAGMA journal_mode = DELETE")  // as most applications leave their files
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let namesBefore = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()

        do {
            let database = try SQLiteDatabase(path: path, readOnly: true)
            let rows = try database.query("SELECT count(*) FROM t")
            #expect(rows.first?.first?.integer == 2)
            let mode = try database.query("PRAGMA journal_mode")
            #expect(mode.first?.first?.text == "delete")
            #expect(throws: SourceError.self) { try database.execute("INSERT INTO t VALUES (3, 'c')") }
            #expect(throws: SourceError.self) { try database.execute("PRAGMA journal_mode = WAL; CREATE TABLE u(x)") }
        }

        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the file's bytes changed")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == namesBefore,
            "files appeared beside it"
        )
    }

    @Test func readOnlyOpenOfAMissingFileSaysSoAndCreatesNothing() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rowproof-missing-\(UUID().uuidString).db"
        ).path
        let error = try #require(throws: SourceError.self) { _ = try SQLiteDatabase(path: path, readOnly: true) }
        #expect("\(error)".contains(path))
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}

import Foundation
import RowProofCluster
import RowProofSources
import Testing

/// A job store file that cannot be used is refused up front, naming the file and what to do.
@Suite struct SQLiteJobStoreTests {
    static func scratch(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("store-\(name)-\(UUID().uuidString).sqlite").path
    }

    static func expectRefused(_ path: String) {
        let error = #expect(throws: JobStoreError.self) { _ = try SQLiteJobStore(path: path) }
        #expect(error?.description.contains(path) == true, "\(String(describing: error))")
        #expect(error?.description.contains("move it aside") == true, "\(String(describing: error))")
    }

    @Test func aFileThatIsNotADatabaseIsRefused() throws {
        let path = Self.scratch("garbage")
        try Data(repeating: 0x41, count: 8_192).write(to: URL(fileURLWithPath: path))
        Self.expectRefused(path)
    }

    @Test func aTruncatedStoreIsRefused() throws {
        let path = Self.scratch("truncated")
        do {
            let store = try SQLiteJobStore(path: path)
            try store.finish(jobID: "none", status: "passed")
        }
        // Fold the write-ahead log in, then cut the file in the middle of its header page.
        try SQLiteDatabase(path: path).execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 50)
        try handle.close()
        Self.expectRefused(path)
    }

    @Test func anotherDatabaseWithAJobsTableIsRefused() throws {
        let path = Self.scratch("foreign")
        try SQLiteDatabase(path: path).execute("CREATE TABLE jobs (id INTEGER PRIMARY KEY, title TEXT)")
        Self.expectRefused(path)
    }
}

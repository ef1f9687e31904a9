import Foundation
import RowProofSources
import RowProofTestSupport

/// Runs the built `rowproof` as a user would, in a scratch folder of its own.
struct CLIRun {
    /// The scratch folder (the command's working directory).
    let folder: URL

    init(_ name: String) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rowproof-cli-\(name)-\(UUID().uuidString.prefix(8))"
        )
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// `folder/name`.
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Writes `text` to `folder/name`.
    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    /// Creates the SQLite database `folder/name` with table `t` (`id` key, `v` text) of `rows` rows.
    func database(_ name: String, rows: Int) throws {
        let database = try SQLiteDatabase(path: path(name))
        try database.execute(
            """
            CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL);
            WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < \(rows))
            INSERT INTO t SELECT i, 'v' || i FROM g;
            """
        )
    }

    /// Writes `job.yaml` and returns its path: job `name` compares table `t` of `a.db` and `b.db`
    /// (created with `rows` rows each when they do not exist yet). `tableFields` go into the table
    /// entry beside `source: t`, `extra` lines at the top level.
    func sqliteJob(name: String, rows: Int, tableFields: String = "", extra: String = "") throws -> String {
        for file in ["a.db", "b.db"] where !FileManager.default.fileExists(atPath: path(file)) {
            try database(file, rows: rows)
        }
        try write(
            "job.yaml",
            """
            name: \(name)
            source: {url: "sqlite://\(path("a.db"))"}
            target: {url: "sqlite://\(path("b.db"))"}
            tables:
              - {source: t\(tableFields.isEmpty ? "" : ", " + tableFields)}
            \(extra)
            """
        )
        return path("job.yaml")
    }

    /// Runs `rowproof arguments`; returns the exit status, standard output and standard error.
    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let out = try scratchFile("stdout")
        let err = try scratchFile("stderr")
        let status = try run(arguments, standardOutput: out, standardError: err)
        return (status, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
    }

    /// Runs `rowproof arguments` with both streams into one file, as a CI log captures them;
    /// returns the exit status and that log, its lines in the order they were written.
    func runLogged(_ arguments: [String]) throws -> (status: Int32, log: String) {
        let log = try scratchFile("log")
        let status = try run(arguments, standardOutput: log, standardError: log)
        return (status, try String(contentsOf: log, encoding: .utf8))
    }

    private func scratchFile(_ name: String) throws -> URL {
        let url = folder.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(6)).txt")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        return url
    }

    private func run(_ arguments: [String], standardOutput: URL, standardError: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = TestEnvironment.rowproofExecutable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let output = try FileHandle(forWritingTo: standardOutput)
        process.standardOutput = output
        process.standardError = standardError == standardOutput ? output : try FileHandle(forWritingTo: standardError)
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

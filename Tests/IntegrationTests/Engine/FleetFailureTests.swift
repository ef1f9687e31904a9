import Foundation
import Logging
import RowProofCluster
import RowProofContracts
import RowProofSources
import RowProofTestSupport
import Testing

/// A job whose workers cannot run must end with an error (exit code 2), never wait forever.
@Suite struct FleetFailureTests {
    @Test(.timeLimit(.minutes(1)))
    func jobFailsWhenEveryLocalWorkerExits() async throws {
        let folder = EngineFixture.temporaryFolder("dead-fleet")
        for name in ["a.db", "b.db"] {
            let database = try SQLiteDatabase(path: folder.appendingPathComponent(name).path)
            try database.execute(
                "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); INSERT INTO t VALUES (1, 'x'), (2, 'y');"
            )
        }
        let job = ReconJob(
            name: "dead-fleet",
            source: ConnectionEndpoint(url: "sqlite://" + folder.appendingPathComponent("a.db").path),
            target: ConnectionEndpoint(url: "sqlite://" + folder.appendingPathComponent("b.db").path),
            tables: [TableSelection(source: "t")]
        )
        // "Workers" that exit at once, as a crashing binary would.
        let options = ReconRunner.Options(
            outputDirectory: folder,
            workers: 2,
            workerExecutable: URL(fileURLWithPath: "/bin/false")
        )
        let error = await #expect(throws: JobFailure.self) {
            _ = try await ReconRunner(job: job, options: options).run(logger: Logger(label: "dead-fleet"))
        }
        #expect(error?.lastError.contains("every local worker has exited") == true)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.json").path))
    }
}

import Foundation
import Logging
import RowProofCluster
import RowProofContracts
import RowProofSources
import RowProofTestSupport
import Synchronization
import Testing

@Suite(.enabled(if: TestEnvironment.postgresURL != nil, "set ROWPROOF_TEST_POSTGRES_URL to run"), .serialized)
struct BackoffTests {
    @Test(.timeLimit(.minutes(2)))
    func noChunkStartsWhileTheSourceIsBusy() async throws {
        let fixture = try EngineFixture()
        // Another client keeps one statement running on the source for a while.
        let busyFinished = Atomic<Bool>(false)
        let busyStarted = DispatchSemaphore(value: 0)
        let sourceURL = fixture.source.url
        Thread {
            guard let connection = try? PostgresConnection(conninfo: sourceURL, redactedTarget: "busy client") else {
                return
            }
            busyStarted.signal()
            _ = try? connection.query("SELECT pg_sleep(3)")
            busyFinished.store(true, ordering: .releasing)
        }.start()
        busyStarted.wait()
        let admin = try fixture.source.writer()
        for _ in 0..<100 {
            let active = try admin.query(
                "SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(3)' AND state = 'active'"
            )
            if active.first?.first == "1" { break }
            try await Task.sleep(for: .milliseconds(20))
        }

        let chunkBeforeBusyEnded = Atomic<Bool>(false)
        var options = ReconRunner.Options(
            outputDirectory: EngineFixture.temporaryFolder("backoff"),
            workers: 1,
            workerExecutable: TestEnvironment.rowproofExecutable,
            planning: .init(chunkRows: 1_000)
        )
        options.maximumActiveSourceSessions = 0
        let report = try await ReconRunner(job: fixture.job(name: "backoff"), options: options).run(
            logger: Logger(label: "backoff-test"),
            progress: { progress in
                if progress.chunksDone > 0, !busyFinished.load(ordering: .acquiring) {
                    chunkBeforeBusyEnded.store(true, ordering: .relaxed)
                }
            }
        ).report
        let startedTooEarly = chunkBeforeBusyEnded.load(ordering: .relaxed)
        #expect(!startedTooEarly, "a chunk finished while the source was busy")
        #expect(report.tables.count == 5)
        #expect(report.totals.missing == 12)
    }
}

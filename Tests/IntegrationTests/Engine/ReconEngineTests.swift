import Foundation
import Logging
import RowProofCluster
import RowProofContracts
import RowProofCrypto
import RowProofSources
import RowProofTestSupport
import RowProofWire
import Synchronization
import Testing

/// The whole engine against the real Postgres: a coordinator in this process, worker processes
/// of the built `rowproof` binary, ZeroMQ between them.
@Suite(.enabled(if: TestEnvironment.postgresURL != nil, "set ROWPROOF_TEST_POSTGRES_URL to run"), .serialized)
struct ReconEngineTests {
    let fixture: EngineFixture

    init() throws {
        fixture = try EngineFixture()
    }

    @Test(.timeLimit(.minutes(3)))
    func findsExactlyTheSeededDifferencesAndNothingMore() async throws {
        let report = try await EngineFixture.run(
            fixture.job(),
            workers: 2,
            output: EngineFixture.temporaryFolder("exact")
        )
        #expect(report.verdict == .fail)
        #expect(report.exitCode == 1)
        for table in report.tables {
            let expected = try #require(
                EngineFixture.expected[table.sourceTable],
                "unexpected table \(table.sourceTable)"
            )
            #expect(table.counts.changed == expected.changed, "\(table.sourceTable) changed")
            #expect(table.counts.missing == expected.missing, "\(table.sourceTable) missing")
            #expect(table.counts.extra == expected.extra, "\(table.sourceTable) extra")
            #expect(table.counts.duplicateKeys == expected.duplicates, "\(table.sourceTable) duplicate keys")
            #expect(table.counts.withinTolerance == 0)
        }
        let orders = try #require(report.tables.first { $0.sourceTable == "public.orders" })
        #expect(orders.counts.rowsSource == 3_990 && orders.counts.rowsTarget == 3_990)
        #expect(orders.columns.first { $0.column == "amount" }?.mismatches == 20)
        #expect(orders.columns.first { $0.column == "note" }?.mismatches == 5)
        // NULL against '' is shown as such, not as two empty strings.
        let noteChange = try #require(orders.differences.first { $0.columns == ["note"] })
        #expect(noteChange.source?["note"] == .string("NULL") && noteChange.target?["note"] == .string("''"))
        // Text keys compare in byte order even though both databases collate en-US.
        let products = try #require(report.tables.first { $0.sourceTable == "public.products" })
        #expect(products.differences.contains { $0.kind == .missing && $0.key["code"] == .string("'É'") })
        #expect(products.counts.matched == 10)
        #expect(report.snapshot?.source?.snapshotID != nil)
    }

    @Test(.timeLimit(.minutes(5)))
    func oneTwoAndFourWorkersGiveIdenticalReports() async throws {
        var reports: [String] = []
        for workers in [1, 2, 4] {
            let report = try await EngineFixture.run(
                fixture.job(),
                workers: workers,
                output: EngineFixture.temporaryFolder("w\(workers)")
            )
            reports.append(try EngineFixture.normalized(report))
        }
        #expect(reports[0] == reports[1])
        #expect(reports[0] == reports[2])
        #expect(reports[0].contains("\"multiset_mix\""))
    }

    @Test(.timeLimit(.minutes(5)))
    func killingAWorkerMidJobLeavesTheReportUnchanged() async throws {
        let job = fixture.job(name: "kill-worker", chunkRows: 150)
        let baseline = try EngineFixture.normalized(
            try await EngineFixture.run(job, workers: 2, output: EngineFixture.temporaryFolder("kill-base"))
        )

        // Same job, fresh store: this time the test starts the workers itself and kills one with SIGKILL.
        let key = try Ed25519PrivateKey.generate()
        let folder = EngineFixture.temporaryFolder("kill")
        let keyFile = folder.appendingPathComponent("coordinator.pub")
        try Data(try key.publicKey.pemRepresentation.utf8).write(to: keyFile)
        let workers = Mutex<[Process]>([])
        let killed = Atomic<Bool>(false)
        let report = try await EngineFixture.run(
            job,
            workers: 0,
            output: folder,
            signingKey: key,
            leaseSeconds: 3,
            onEndpoint: { endpoint, _ in
                for index in 0..<2 {
                    let process = Process()
                    process.executableURL = TestEnvironment.rowproofExecutable
                    process.arguments = [
                        "worker", "--connect", endpoint, "--trust-key", "coordinator=\(keyFile.path)",
                        "--worker-id", "victim-\(index)", "--coordinator-timeout", "30",
                    ]
                    process.standardOutput = FileHandle.nullDevice
                    process.standardError = FileHandle.nullDevice
                    try? process.run()
                    workers.withLock { $0.append(process) }
                }
            },
            progress: { progress in
                if progress.chunksDone >= 3, !killed.exchange(true, ordering: .relaxed) {
                    let victim = workers.withLock { $0[0] }
                    kill(victim.processIdentifier, SIGKILL)
                }
            }
        )
        let fleet = workers.withLock { $0 }
        for process in fleet where process.isRunning { process.terminate() }
        for process in fleet { process.waitUntilExit() }
        let victimWasKilled = killed.load(ordering: .relaxed)
        #expect(victimWasKilled)
        #expect(fleet[0].terminationReason == .uncaughtSignal)
        #expect(try EngineFixture.normalized(report) == baseline)
    }

    @Test(.timeLimit(.minutes(5)))
    func aKilledCoordinatorRestartedOnTheSameStoreResumes() async throws {
        let job = fixture.job(name: "restart", chunkRows: 150)
        let folder = EngineFixture.temporaryFolder("restart")
        let jobFile = folder.appendingPathComponent("job.json")
        let encoder = JSONEncoder()
        try encoder.encode(job).write(to: jobFile)
        let baseline = try EngineFixture.normalized(
            try await EngineFixture.run(job, workers: 2, output: EngineFixture.temporaryFolder("restart-base"))
        )

        func coordinator() throws -> Process {
            let process = Process()
            process.executableURL = TestEnvironment.rowproofExecutable
            process.arguments = ["recon", "--job", jobFile.path, "--output", folder.path, "--workers", "2"]
            process.standardOutput = try FileHandle(
                forWritingTo: { () -> URL in
                    let log = folder.appendingPathComponent("out-\(UUID().uuidString.prefix(6)).log")
                    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
                    return log
                }()
            )
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        let first = try coordinator()
        // Wait until some, not all, chunks are stored, then kill -9 the coordinator.
        let store = folder.appendingPathComponent("rowproof-jobs.sqlite").path
        var done = 0
        for _ in 0..<600 {
            try await Task.sleep(for: .milliseconds(50))
            done = (try? SQLiteProbe.count(store, "SELECT count(*) FROM chunks WHERE result IS NOT NULL")) ?? 0
            if done >= 3 { break }
        }
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        let total = try SQLiteProbe.count(store, "SELECT count(*) FROM chunks")
        #expect(done >= 3 && done < total, "the coordinator was killed after \(done) of \(total) chunks")

        let second = try coordinator()
        second.waitUntilExit()
        #expect(second.terminationStatus == 1)  // differences beyond tolerance
        let report = try ContractDecoder().decode(
            ReconReport.self,
            contentsOf: folder.appendingPathComponent("report.json")
        )
        // The same job specification gives the same job id, so the reports compare whole.
        #expect(try EngineFixture.normalized(report) == baseline)
        #expect((report.resumedChunks ?? 0) >= done, "the report names the chunks the killed run read")
        let logs = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("out-") }
        let outputs = try logs.map {
            try String(contentsOfFile: folder.appendingPathComponent($0).path, encoding: .utf8)
        }
        #expect(outputs.contains { $0.contains("resumed:") })
    }
}

@Suite(.enabled(if: TestEnvironment.postgresURL != nil, "set ROWPROOF_TEST_POSTGRES_URL to run"), .serialized)
struct ChunkTimeAdaptationTests {
    @Test(.timeLimit(.minutes(3)))
    func chunksGrowTowardTheTargetTimeAndTheReportStaysExact() async throws {
        let fixture = try EngineFixture()
        var job = fixture.job(name: "adaptive", chunkRows: 100)
        // A long target: after the first chunks of a table, its remaining small chunks are merged.
        job.chunking = ChunkingOptions(chunkRows: 100, targetChunkSeconds: 600)
        let report = try await EngineFixture.run(job, workers: 2, output: EngineFixture.temporaryFolder("adaptive"))
        let orders = try #require(report.tables.first { $0.sourceTable == "public.orders" })
        #expect(orders.chunks.count < 35, "orders kept \(orders.chunks.count) chunks of ~100 rows; none were merged")
        #expect(orders.chunks.reduce(0) { $0 + $1.source.count } == orders.counts.rowsSource)
        for table in report.tables {
            let expected = try #require(EngineFixture.expected[table.sourceTable])
            #expect(
                table.counts.changed == expected.changed && table.counts.missing == expected.missing
                    && table.counts.extra == expected.extra && table.counts.duplicateKeys == expected.duplicates,
                "\(table.sourceTable)"
            )
        }
        // Merged chunks tile the key range: each one starts where the previous ended.
        for (previous, next) in zip(orders.chunks, orders.chunks.dropFirst()) {
            #expect(previous.range.upper == next.range.lower)
        }
    }
}

@Suite(.enabled(if: TestEnvironment.postgresURL != nil, "set ROWPROOF_TEST_POSTGRES_URL to run"), .serialized)
struct RecheckTests {
    @Test(.timeLimit(.minutes(3)))
    func differencesFixedDuringTheDelayAreInFlightTheRestPersistent() async throws {
        let fixture = try EngineFixture()
        var job = fixture.job(name: "recheck")
        job.recheck = RecheckOptions(enabled: true, delaySeconds: 2)
        // Replication "catches up" during the delay: the five NULL-vs-'' notes are fixed on the target
        // once the first read's snapshot is taken (the endpoint is announced after it), before the re-check.
        let targetURL = fixture.target.url
        let fixed = DispatchSemaphore(value: 0)
        let report = try await EngineFixture.run(
            job,
            workers: 2,
            output: EngineFixture.temporaryFolder("recheck"),
            onEndpoint: { _, _ in
                Thread {
                    defer { fixed.signal() }
                    guard let writer = try? PostgresConnection(conninfo: targetURL, redactedTarget: "target") else {
                        return
                    }
                    _ = try? writer.query("UPDATE orders SET note = NULL WHERE id % 800 = 21")
                }.start()
            }
        )
        fixed.wait()
        let orders = try #require(report.tables.first { $0.sourceTable == "public.orders" })
        let recheck = try #require(orders.recheck)
        #expect(recheck.inFlight == 5)
        #expect(recheck.persistent == 40)  // 20 amounts + 10 missing + 10 extra
        #expect(orders.counts.changed == 20)  // the report shows what persists
        #expect(recheck.inFlightKeys.count == 5)
        #expect(recheck.inFlightKeys.contains { $0["id"] == .string("21") })
        let products = try #require(report.tables.first { $0.sourceTable == "public.products" })
        #expect(products.recheck?.inFlight == 0 && products.recheck?.persistent == 2)
    }
}

@Suite(.enabled(if: TestEnvironment.postgresURL != nil, "set ROWPROOF_TEST_POSTGRES_URL to run"), .serialized)
struct PostgresJobStoreTests {
    @Test(.timeLimit(.minutes(3)))
    func aJobStoredInPostgresGivesTheSameReportAndResumes() async throws {
        let fixture = try EngineFixture()
        let storeDatabase = try TestDatabase("jobstore")
        let job = fixture.job(name: "pg-store")
        let baseline = try EngineFixture.normalized(
            try await EngineFixture.run(job, workers: 2, output: EngineFixture.temporaryFolder("pg-base"))
        )
        func run() async throws -> ReconRunner.Outcome {
            let options = ReconRunner.Options(
                outputDirectory: EngineFixture.temporaryFolder("pg-store"),
                storePath: storeDatabase.url,
                workers: 2,
                workerExecutable: TestEnvironment.rowproofExecutable,
                planning: .init(chunkRows: 700)
            )
            return try await ReconRunner(job: job, options: options).run(logger: Logger(label: "pg-store"))
        }
        let first = try await run()
        #expect(first.resumedChunks == 0)
        #expect(try EngineFixture.normalized(first.report) == baseline)
        let stored = try storeDatabase.writer().query("SELECT count(*) FROM rowproof.chunks WHERE result IS NOT NULL")
        #expect(
            Int(stored.first?.first.flatMap { $0 } ?? "0") == first.report.tables.reduce(0) { $0 + $1.chunks.count }
        )
        // A run stopped after its last result but before its verdict (as a killed coordinator would):
        // every chunk is already done, nothing is read again.
        try storeDatabase.writer().query("UPDATE rowproof.jobs SET status = 'running'")
        let second = try await run()
        #expect(second.resumedChunks == first.report.tables.reduce(0) { $0 + $1.chunks.count })
        #expect(second.report.resumedChunks == second.resumedChunks)
        #expect(try EngineFixture.normalized(second.report) == baseline)
        // The same job after a finished run is run again in full: the data may have changed since.
        let third = try await run()
        #expect(third.resumedChunks == 0)
        #expect(third.report.resumedChunks == nil)
        #expect(try EngineFixture.normalized(third.report) == baseline)
    }
}

@Suite(.enabled(if: TestEnvironment.postgresURL != nil, "set ROWPROOF_TEST_POSTGRES_URL to run"), .serialized)
struct StrategyTests {
    @Test(.timeLimit(.minutes(3)))
    func keysAggregateAndSampleStrategiesReportWhatTheyCanProve() async throws {
        let fixture = try EngineFixture()
        let job = ReconJob(
            name: "strategies",
            source: ConnectionEndpoint(url: fixture.source.url),
            target: ConnectionEndpoint(url: fixture.target.url),
            tables: [
                TableSelection(source: "public.orders", strategy: .keys),
                TableSelection(source: "public.prices", strategy: .aggregate),
                TableSelection(source: "public.line_items", strategy: .sample),
            ],
            sampling: SamplingParameters(modulus: 1, threshold: 1)
        )  // K = M: the sample is every row
        let report = try await EngineFixture.run(job, workers: 2, output: EngineFixture.temporaryFolder("strategies"))
        let orders = try #require(report.tables.first { $0.sourceTable == "public.orders" })
        #expect(orders.guarantee == .keysOnly)
        #expect(orders.counts.missing == 10 && orders.counts.extra == 10 && orders.counts.changed == 0)
        let prices = try #require(report.tables.first { $0.sourceTable == "public.prices" })
        #expect(prices.guarantee == .aggregate)
        #expect(prices.counts.rowsSource == 300 && prices.counts.rowsTarget == 300)
        #expect(prices.verdict == .fail)  // the rounded values change the exact sum of `value`
        let value = try #require(prices.aggregates.source.first { $0.column == "value" })
        let rounded = try #require(prices.aggregates.target.first { $0.column == "value" })
        #expect(value.sum != rounded.sum)
        let lines = try #require(report.tables.first { $0.sourceTable == "public.line_items" })
        #expect(lines.guarantee == .sample)
        #expect(lines.counts.changed == 2 && lines.counts.missing == 1)
    }
}

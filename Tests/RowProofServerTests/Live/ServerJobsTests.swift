import Foundation
import RowProofTestSupport
import Testing

/// The real server on loopback: real HTTP, real worker processes, SQLite sources.
@Suite(.serialized) struct ServerJobsTests {
    @Test(.timeLimit(.minutes(4)))
    func twentyJobsSubmittedAtOnceAllCompleteWithTheirOwnCounts() async throws {
        let server = try ServerProcess(workers: 1, maxConcurrentJobs: 4)
        defer { server.stop() }
        try await server.start()
        let fixtures = try (0..<20).map { index in
            try ReconFixture(
                folder: server.folder.appendingPathComponent("fixture-\(index)"),
                name: "concurrent-\(index)",
                rows: 40,
                changed: index % 4,
                missing: index % 3
            )
        }
        let token = ServerProcess.tokens["submitter"]
        let submitURL = server.url("/v1/jobs")
        let ids = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for (index, fixture) in fixtures.enumerated() {
                group.addTask {
                    let answer = try await HTTPCall.send(
                        "POST",
                        submitURL,
                        token: token,
                        body: fixture.jobJSON(chunkRows: 15),
                        contentType: "application/json"
                    )
                    guard answer.status == 202, let id = answer.json?["id"] as? String else {
                        throw TestFailure("submit \(index): \(answer.status) \(answer.text)")
                    }
                    return (index, id)
                }
            }
            var ids: [Int: String] = [:]
            for try await (index, id) in group { ids[index] = id }
            return ids
        }
        #expect(Set(ids.values).count == 20)
        for (index, fixture) in fixtures.enumerated() {
            let id = try #require(ids[index])
            let record = try await server.waitForJob(id, timeout: 150)
            #expect(record["state"] as? String == "succeeded", "\(fixture.name): \(record)")
            let expectedExit = fixture.changed + fixture.missing == 0 ? 0 : 1
            #expect(record["exit_code"] as? Int == expectedExit, "\(fixture.name)")
            let report = try await HTTPCall.send(
                "GET",
                server.url("/v1/jobs/\(id)/report?format=json"),
                token: ServerProcess.tokens["approver"]
            )
            #expect(report.status == 200)
            let totals = try #require(report.json?["totals"] as? [String: Any])
            #expect(report.json?["job"].flatMap { ($0 as? [String: Any])?["name"] as? String } == fixture.name)
            #expect(totals["changed"] as? Int == fixture.changed, "\(fixture.name)")
            #expect(totals["missing"] as? Int == fixture.missing, "\(fixture.name)")
            #expect(totals["extra"] as? Int == 0)
            #expect(totals["rows_source"] as? Int == fixture.rows)
            #expect(totals["rows_target"] as? Int == fixture.rows - fixture.missing)
        }
        let list = try await HTTPCall.send("GET", server.url("/v1/jobs"), token: ServerProcess.tokens["approver"])
        #expect((list.json?["jobs"] as? [Any])?.count == 20)
        let metrics = try await HTTPCall.send("GET", server.url("/metrics"), token: ServerProcess.tokens["admin"])
        #expect(metrics.text.contains("rowproof_jobs_finished_total{state=\"succeeded\"} 20"))
        #expect(metrics.text.contains("# TYPE rowproof_lease_expiries_total counter"))
    }

    @Test(.timeLimit(.minutes(3)))
    func aKilledServerResumesTheJobAndTheWaitingClientGetsTheResult() async throws {
        let server = try ServerProcess(workers: 1, maxConcurrentJobs: 1)
        defer { server.stop() }
        try await server.start()
        let fixture = try ReconFixture(
            folder: server.folder.appendingPathComponent("big"),
            name: "restarted",
            // 200 chunks: a window of seconds to kill the server in, even when a poll is slow.
            rows: 20_000,
            changed: 7,
            missing: 3
        )
        let jobFile = server.folder.appendingPathComponent("job.json")
        try fixture.jobJSON(chunkRows: 100).write(to: jobFile)
        let output = server.folder.appendingPathComponent("ci-out")

        let client = Process()
        client.executableURL = TestEnvironment.rowproofExecutable
        client.arguments = [
            "submit", jobFile.path, "--server", server.baseURL.absoluteString, "--wait", "--wait-timeout", "150",
            "--output", output.path,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["ROWPROOF_TOKEN"] = ServerProcess.tokens["submitter"]
        environment["GITHUB_STEP_SUMMARY"] = nil
        client.environment = environment
        let clientLog = server.folder.appendingPathComponent("client.log")
        _ = FileManager.default.createFile(atPath: clientLog.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: clientLog)
        client.standardOutput = logHandle
        client.standardError = logHandle
        try client.run()

        // Kill the server once some, but not all, chunks are done.
        var killedMidJob = false
        var polls = 0
        while polls < 1_500, !killedMidJob {
            polls += 1
            let list = try await HTTPCall.send("GET", server.url("/v1/jobs"), token: ServerProcess.tokens["approver"])
            if let job = (list.json?["jobs"] as? [[String: Any]])?.first,
                let progress = job["progress"] as? [String: Any],
                let done = progress["chunks_done"] as? Int, let total = progress["chunks_total"] as? Int
            {
                if job["state"] as? String != "running", job["state"] as? String != "queued" { break }
                if done >= 3 && done < total {
                    server.kill()
                    killedMidJob = true
                }
            }
            if !killedMidJob { try await Task.sleep(for: .milliseconds(40)) }
        }
        #expect(killedMidJob, "the job finished before the server could be killed")
        try await Task.sleep(for: .seconds(1))
        try await server.start()

        let exited = try await Self.wait(for: client, seconds: 150)
        let log = (try? String(contentsOf: clientLog, encoding: .utf8)) ?? ""
        #expect(exited == 1, "client log: \(log)")
        #expect(log.contains("retrying"), "the client never saw the server down: \(log)")
        let report =
            try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("report.json")))
            as? [String: Any]
        let totals = try #require(report?["totals"] as? [String: Any])
        #expect(totals["changed"] as? Int == 7)
        #expect(totals["missing"] as? Int == 3)
        #expect(totals["rows_source"] as? Int == 20_000)
        let junit = try JUnitParser.parse(Data(contentsOf: output.appendingPathComponent("junit.xml")))
        #expect(junit.cases.count == 1)
        #expect(junit.cases.first?.failure?.contains("7 changed, 3 missing") == true)
        for name in ["report.md", "report.html", "summary.md"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(name).path), "\(name)")
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func cancellingARunningJobEndsItCancelledWithExitCodeTwo() async throws {
        let server = try ServerProcess(workers: 1, maxConcurrentJobs: 1)
        defer { server.stop() }
        try await server.start()
        let fixture = try ReconFixture(
            folder: server.folder.appendingPathComponent("cancel"),
            name: "cancelled",
            rows: 20_000,
            changed: 0,
            missing: 0
        )
        let submitted = try await HTTPCall.send(
            "POST",
            server.url("/v1/jobs"),
            token: ServerProcess.tokens["submitter"],
            body: fixture.jobJSON(chunkRows: 50)
        )
        let id = try #require(submitted.json?["id"] as? String)
        let queued = try await HTTPCall.send(
            "POST",
            server.url("/v1/jobs"),
            token: ServerProcess.tokens["admin"],
            body: fixture.jobJSON(chunkRows: 40)
        )
        let queuedID = try #require(queued.json?["id"] as? String)
        let cancelQueued = try await HTTPCall.send(
            "POST",
            server.url("/v1/jobs/\(queuedID)/cancel"),
            token: ServerProcess.tokens["submitter"]
        )
        #expect(cancelQueued.status == 202)
        #expect(cancelQueued.json?["state"] as? String == "cancelled")
        let cancel = try await HTTPCall.send(
            "POST",
            server.url("/v1/jobs/\(id)/cancel"),
            token: ServerProcess.tokens["submitter"]
        )
        #expect(cancel.status == 202)
        let record = try await server.waitForJob(id, timeout: 60)
        #expect(record["state"] as? String == "cancelled")
        #expect(record["exit_code"] as? Int == 2)
        let again = try await HTTPCall.send(
            "POST",
            server.url("/v1/jobs/\(id)/cancel"),
            token: ServerProcess.tokens["admin"]
        )
        #expect(again.status == 409)
        let report = try await HTTPCall.send(
            "GET",
            server.url("/v1/jobs/\(id)/report"),
            token: ServerProcess.tokens["admin"]
        )
        #expect(report.status == 409)
    }

    /// Waits for `process` to exit, polling every 100 ms for up to `seconds` of polling.
    static func wait(for process: Process, seconds: Double) async throws -> Int32 {
        var polls = 0
        while process.isRunning {
            polls += 1
            guard polls <= Int(seconds * 10) else {
                process.terminate()
                throw TestFailure("the process did not exit within \(seconds) s")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return process.terminationStatus
    }
}

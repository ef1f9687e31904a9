import Foundation
import RowProofSources
import RowProofTestSupport
import Testing

/// `rowproof recon` stopped with SIGTERM or SIGINT mid-job: exit code 2 with a message, no worker
/// left behind, no report written, and the same command resumes.
@Suite struct InterruptionCLITests {
    /// The pids of `parent`'s children.
    static func children(of parent: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == parent
        }
    }

    /// Whether `pid` is a live process (not gone, not a zombie).
    static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return stat[stat.index(after: close)...].split(separator: " ").first != "Z"
    }

    @Test(.timeLimit(.minutes(3)), arguments: [SIGTERM, SIGINT])
    func anInterruptedRunExitsTwoStopsItsWorkersAndResumes(signal: Int32) async throws {
        let cli = try CLIRun("interrupt-\(signal)")
        let job = try cli.sqliteJob(name: "interrupted", rows: 300_000, extra: "chunking: {chunk_rows: 500}")
        let process = Process()
        process.executableURL = TestEnvironment.rowproofExecutable
        process.arguments = ["recon", "--job", job, "-o", cli.path("out"), "--workers", "2"]
        // Standard error to a file, not a pipe: nothing the command writes can block it.
        let log = cli.path("stderr.txt")
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let store = cli.path("out/rowproof-jobs.sqlite")
        // Read-only, so the probe never creates the store or changes its journal mode.
        @Sendable func finishedChunks() -> Int {
            guard let database = try? SQLiteDatabase(path: store, readOnly: true),
                let rows = try? database.query("SELECT count(*) FROM chunks WHERE result IS NOT NULL")
            else { return -1 }
            return Int(rows.first?.first?.integer ?? 0)
        }
        // Polls until two workers run and some, not all, chunks are stored, then sends the signal,
        // all on a thread of its own: when the suite is busy, a test task may wait seconds for the
        // cooperative pool, long enough for the job to end between the poll and the signal.
        let (workers, seen, interrupted) = await withCheckedContinuation {
            (continuation: CheckedContinuation<([Int32], String, Bool), Never>) in
            Thread {
                var workers: [Int32] = []
                var finished = 0
                var polls = 0
                var interrupted = false
                while polls < 2_400, process.isRunning {
                    workers = Self.children(of: process.processIdentifier)
                    finished = finishedChunks()
                    // 600 small chunks, so a loaded machine still catches the run in the middle.
                    if finished >= 2, finished < 600, workers.count >= 2, process.isRunning {
                        interrupted = kill(process.processIdentifier, signal) == 0
                        break
                    }
                    usleep(50_000)
                    polls += 1
                }
                let seen = "after \(polls) polls: \(finished) chunks stored, workers \(workers)"
                continuation.resume(returning: (workers, seen, interrupted))
            }.start()
        }
        guard interrupted else {
            process.waitUntilExit()
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            Issue.record(
                "the run ended (status \(process.terminationStatus)) before it could be interrupted (\(seen)): \(output)"
            )
            return
        }
        #expect(workers.count == 2, "\(seen)")
        process.waitUntilExit()
        let message = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        try await Task.sleep(for: .milliseconds(300))
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 2)
        #expect(message.contains("interrupted by SIG"), "\(message)")
        #expect(message.contains("run the same command again to resume"), "\(message)")
        #expect(workers.allSatisfy { !Self.isAlive($0) }, "workers \(workers) outlived the command")
        #expect(!FileManager.default.fileExists(atPath: cli.path("out/report.json")))

        let resumed = try cli.run(["recon", "--job", job, "-o", cli.path("out"), "--workers", "2"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("resumed:"), "\(resumed.stdout)")
        // The report says which chunks an earlier run read, at its own snapshots.
        let report = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: cli.path("out/report.json")))
        )
        let kept = (report as? [String: Any])?["resumed_chunks"] as? Int ?? 0
        #expect(kept >= 2 && kept < 600, "resumed_chunks \(kept)")
        let markdown = try String(contentsOfFile: cli.path("out/report.md"), encoding: .utf8)
        #expect(markdown.contains("Resumed: \(kept) of 600 chunks were read by an earlier, interrupted run"))
    }
}

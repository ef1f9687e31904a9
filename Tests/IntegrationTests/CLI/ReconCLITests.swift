import Foundation
import RowProofContracts
import RowProofSources
import RowProofTestSupport
import Testing

/// `rowproof recon`, `coordinator` and `demo` as a CI job runs them: what the command line says
/// wins over the job file, and every failure to run is exit code 2 with a message naming the
/// file or option and what to do.
@Suite struct ReconCLITests {
    /// A job over two identical SQLite tables of 100 rows in `cli`'s folder.
    static func job(in cli: CLIRun, extra: String = "") throws -> String {
        try cli.sqliteJob(name: "cli-job", rows: 100, extra: extra)
    }

    @Test(.timeLimit(.minutes(2)))
    func commandLineOutputWorkersAndChunkRowsWinOverTheJobFile() throws {
        let cli = try CLIRun("precedence")
        let job = try Self.job(
            in: cli,
            extra: "output_dir: job-out\nworkers: 1\nchunking: {chunk_rows: 50}"
        )
        let run = try cli.run(["recon", "--job", job, "--output", "cli-out", "--workers", "2", "--chunk-rows", "10"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("job-out")))
        let report = try ContractDecoder().decode(
            ReconReport.self,
            contentsOf: URL(fileURLWithPath: cli.path("cli-out/report.json"))
        )
        #expect(report.tables.first?.chunks.count == 10)
        let logs = try FileManager.default.contentsOfDirectory(atPath: cli.path("cli-out/logs"))
        #expect(logs.sorted() == ["worker-1.log", "worker-2.log"])
    }

    @Test(.timeLimit(.minutes(2)))
    func theJobFileAnswersWhatTheCommandLineLeavesOut() throws {
        let cli = try CLIRun("job-defaults")
        let job = try Self.job(in: cli, extra: "output_dir: job-out\nworkers: 1")
        let run = try cli.run(["recon", "--job", job])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: cli.path("job-out/report.json")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.path("job-out/logs")) == ["worker-1.log"])
    }

    @Test(.timeLimit(.minutes(1)))
    func comparisonOptionsBesideAJobFileAreRefused() throws {
        let cli = try CLIRun("job-options")
        let job = try Self.job(in: cli)
        for (arguments, option) in [
            (["--strategy", "keys"], "--strategy"), (["-x", "v"], "--exclude"), (["-k", "id"], "--key"),
            (["-c", "v"], "--column"), (["--target-table", "u"], "--target-table"),
        ] {
            let run = try cli.run(["recon", "--job", job] + arguments)
            #expect(run.status == 2)
            #expect(run.stderr.contains("\(option) does not apply with --job"), "\(run.stderr)")
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func aRunThatCannotFinishLeavesNoEarlierReportInTheFolder() throws {
        let cli = try CLIRun("stale")
        let job = try Self.job(in: cli, extra: "workers: 1")
        #expect(try cli.run(["recon", "--job", job, "-o", "out"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.path("out/report.json")))
        try FileManager.default.removeItem(atPath: cli.path("b.db"))
        let failed = try cli.run(["recon", "--job", job, "-o", "out"])
        #expect(failed.status == 2)
        #expect(failed.stderr.contains(cli.path("b.db")), "\(failed.stderr)")
        for name in ["report.json", "report.md", "report.html"] {
            #expect(!FileManager.default.fileExists(atPath: cli.path("out/\(name)")), "\(name) of the earlier run")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func columnsTheSourceLacksInExcludeOrMappingAreRefused() throws {
        let cli = try CLIRun("typos")
        for (entry, field) in [
            ("exclude_columns: [vv]", "exclude_columns"), ("column_mapping: {vv: v}", "column_mapping"),
        ] {
            let job = try cli.sqliteJob(name: "typo", rows: 10, tableFields: entry)
            let run = try cli.run(["recon", "--job", job, "--workers", "1"])
            #expect(run.status == 2)
            #expect(run.stderr.contains("\(field) names column \"vv\", which does not exist"), "\(run.stderr)")
            #expect(run.stderr.contains("columns of main.t: id, v"), "\(run.stderr)")
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func tolerancesThatApplyToNothingAreRefusedAndOnesThatApplyRun() throws {
        let cli = try CLIRun("tolerance-typos")
        let refused = [
            (
                "{columns: [{column: vv, absolute: 1}]}",
                "tolerances.columns[0].column \"vv\" matches no compared column"
            ),
            (
                "{tables: [{table: orders, row_count: {absolute: 1}}]}",
                "tolerances.tables[0].table \"orders\" matches none of the job's tables",
            ),
            (
                "{tables: [{table: t, columns: [{column: \"x*\", relative: 0.1}]}]}",
                "tolerances.tables[0].columns[0].column \"x*\" matches no compared column",
            ),
        ]
        for (index, (tolerances, message)) in refused.enumerated() {
            let job = try Self.job(in: cli, extra: "tolerances: \(tolerances)")
            let run = try cli.run(["recon", "--job", job, "--workers", "1", "-o", cli.path("out-\(index)")])
            #expect(run.status == 2, "\(tolerances): \(run.stdout) \(run.stderr)")
            #expect(run.stderr.contains(message), "\(run.stderr)")
            #expect(run.stderr.contains(index == 1 ? "tables: main.t" : "compared columns: id, v"), "\(run.stderr)")
        }
        let job = try Self.job(
            in: cli,
            extra:
                "tolerances: {columns: [{column: \"v*\", absolute: 1}], tables: [{table: \"main.*\", row_count: {absolute: 1}}]}"
        )
        let run = try cli.run(["recon", "--job", job, "--workers", "1", "-o", cli.path("out-ok")])
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test(.timeLimit(.minutes(2)))
    func aRowFilterLimitsTheComparisonAndTheReportSaysSo() throws {
        let cli = try CLIRun("where")
        try cli.database("a.db", rows: 1_000)
        try cli.database("b.db", rows: 1_000)
        let target = try SQLiteDatabase(path: cli.path("b.db"))
        try target.execute("UPDATE t SET v = 'changed' WHERE id IN (10, 900); DELETE FROM t WHERE id = 950")
        let base = [
            "recon", "sqlite://\(cli.path("a.db"))", "sqlite://\(cli.path("b.db"))", "--table", "t", "--workers", "1",
        ]

        let filtered = try cli.run(base + ["--chunk-rows", "100", "--where", "id <= 500", "-o", cli.path("low")])
        #expect(filtered.status == 1, "\(filtered.stderr)")
        #expect(filtered.stdout.contains("500 source rows, 500 target rows: 499 matched, 1 changed, 0 missing"))
        let report = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: cli.path("low/report.json")))
        )
        let table = ((report as? [String: Any])?["tables"] as? [[String: Any]])?.first
        #expect(table?["row_filter"] as? String == "id <= 500")
        let markdown = try String(contentsOfFile: cli.path("low/report.md"), encoding: .utf8)
        #expect(markdown.contains("only rows where `id <= 500` were compared, on both sides"))

        let clean = try cli.run(base + ["--where", "id > 10 AND id < 900", "-o", cli.path("mid")])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stdout.contains("889 source rows, 889 target rows: 889 matched"), "\(clean.stdout)")

        let unknown = try cli.run(base + ["--where", "amount > 1", "-o", cli.path("bad")])
        #expect(unknown.status == 2)
        #expect(
            unknown.stderr.contains("the row filter (where: amount > 1) does not run on main.t"),
            "\(unknown.stderr)"
        )
        #expect(unknown.stderr.contains("no such column: amount"), "\(unknown.stderr)")

        let escape = try cli.run(base + ["--where", "id > 1) OR (1 = 1", "-o", cli.path("escape")])
        #expect(escape.status == 2)
        #expect(escape.stderr.contains("tables[0].where"), "\(escape.stderr)")
    }

    @Test(.timeLimit(.minutes(1)))
    func aDemoOrRunFolderThatCannotBeCreatedIsExitTwoWithTheReason() throws {
        let cli = try CLIRun("folders")
        let job = try Self.job(in: cli)
        let demo = try cli.run(["demo", "--output", cli.path("a.db/demo")])
        #expect(demo.status == 2)
        #expect(demo.stderr.contains("cannot build the demo databases in \(cli.path("a.db/demo")): Not a directory"))
        let recon = try cli.run(["recon", "--job", job, "--output", cli.path("a.db"), "--workers", "1"])
        #expect(recon.status == 2)
        #expect(
            recon.stderr.contains("cannot use the output folder \(cli.path("a.db")): File exists"),
            "\(recon.stderr)"
        )
    }

    @Test(.timeLimit(.minutes(2)))
    func reRunningAFinishedJobReadsTheDataAgain() throws {
        let cli = try CLIRun("rerun")
        let job = try Self.job(in: cli, extra: "workers: 1\nchunking: {chunk_rows: 20}")
        let first = try cli.run(["recon", "--job", job, "-o", "out"])
        #expect(first.status == 0, "\(first.stderr)")
        // The target loses rows after the passing run; the same command must see it.
        try SQLiteDatabase(path: cli.path("b.db")).execute("DELETE FROM t WHERE id > 90")
        let second = try cli.run(["recon", "--job", job, "-o", "out"])
        #expect(second.status == 1, "\(second.stdout)")
        #expect(second.stdout.contains("10 missing"), "\(second.stdout)")
        #expect(!second.stdout.contains("resumed:"), "\(second.stdout)")
    }

    @Test(.timeLimit(.minutes(1)))
    func anUnreadablePolicyIsExitTwoNamingTheFile() throws {
        let cli = try CLIRun("policy")
        let job = try Self.job(in: cli, extra: "policy: missing-policy.json")
        let run = try cli.run(["recon", "--job", job])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains(cli.path("missing-policy.json")), "\(run.stderr)")
    }

    @Test(.timeLimit(.minutes(1)))
    func workerCountsOutOfRangeAreRefusedBeforeAnyWork() throws {
        let cli = try CLIRun("workers")
        let job = try Self.job(in: cli)
        try cli.write("key.pem", "not used")
        for arguments in [
            ["recon", "--job", job, "--workers", "5000"],
            ["recon", "--job", job, "--workers=-1"],
            ["coordinator", "--job", job, "--signing-key", cli.path("key.pem"), "--workers=-1"],
            ["coordinator", "--job", job, "--signing-key", cli.path("key.pem"), "--lease-seconds", "0"],
            ["demo", "--output", cli.path("demo"), "--workers", "0"],
        ] {
            let run = try cli.run(arguments)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("--workers") || run.stderr.contains("--lease-seconds"), "\(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: cli.path("demo")))
    }

    @Test(.timeLimit(.minutes(1)))
    func curveFilesThatCannotBeUsedAreRefusedWithTheFileAndTheFix() throws {
        let cli = try CLIRun("curve")
        let job = try Self.job(in: cli)
        #expect(try cli.run(["keygen", "--out", cli.path("keys")]).status == 0)
        #expect(try cli.run(["keygen", "--curve", "--out", cli.path("keys")]).status == 0)
        try cli.write("allow.txt", "# no workers yet\n\n")
        try cli.write("broken.json", "{\"publicKey\": 1}")
        let coordinator = ["coordinator", "--job", job, "--signing-key", cli.path("keys/signing-key.pem")]

        let empty = try cli.run(
            coordinator + ["--curve-keys", cli.path("keys/curve-keys.json"), "--curve-allow", cli.path("allow.txt")]
        )
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("allow.txt: the file lists no worker key"), "\(empty.stderr)")

        let broken = try cli.run(coordinator + ["--curve-keys", cli.path("broken.json")])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("broken.json: not a CURVE key pair"), "\(broken.stderr)")

        let worker = try cli.run([
            "worker", "--connect", "tcp://127.0.0.1:1", "--trust-key", "c=\(cli.path("broken.json"))",
        ])
        #expect(worker.status == 2)
        #expect(worker.stderr.contains("is not an Ed25519 public key"), "\(worker.stderr)")
    }

    @Test(.timeLimit(.minutes(2)))
    func aCoordinatorWithoutLocalWorkersPrintsAWorkerCommandThatWorks() async throws {
        let cli = try CLIRun("invitation")
        let job = try Self.job(in: cli)
        let log = cli.path("coordinator.log")
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let coordinator = Process()
        coordinator.executableURL = TestEnvironment.rowproofExecutable
        coordinator.arguments = ["recon", "--job", job, "--workers", "0", "--bind", "tcp://*:*", "-o", cli.path("out")]
        coordinator.standardOutput = FileHandle.nullDevice
        coordinator.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try coordinator.run()
        defer { if coordinator.isRunning { coordinator.terminate() } }
        var command: [String] = []
        for _ in 0..<600 where command.isEmpty {
            try await Task.sleep(for: .milliseconds(50))
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.contains("rowproof worker --connect") }) {
                command = line.split(separator: " ").map(String.init)
            }
        }
        try #require(
            command.count == 6,
            "no worker command in: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")"
        )
        // A wildcard bind is not an address to connect to: the command names this host instead.
        let endpoint = command[3]
        #expect(endpoint.hasPrefix("tcp://\(ProcessInfo.processInfo.hostName):"), "\(command)")
        #expect(!endpoint.contains("0.0.0.0") && !endpoint.contains("*"), "\(command)")
        let trust = command[5]
        #expect(trust.hasPrefix("coordinator=/") && !trust.contains("*"), "\(command)")
        #expect(FileManager.default.fileExists(atPath: String(trust.dropFirst("coordinator=".count))))
        // The printed command, connecting over loopback (this host's name may not resolve here).
        let port = endpoint.split(separator: ":").last.map(String.init) ?? ""
        let worker = try cli.run([
            "worker", "--connect", "tcp://127.0.0.1:\(port)", "--trust-key", trust, "--coordinator-timeout", "5",
        ])
        coordinator.waitUntilExit()
        #expect(coordinator.terminationStatus == 0, "\((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        #expect(worker.status == 0, "\(worker.stderr)")
        #expect(FileManager.default.fileExists(atPath: cli.path("out/report.json")))
    }
}

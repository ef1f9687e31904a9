import Foundation
import RowProofSources
import RowProofTestSupport
import Testing

/// The `rowproof migration|audit|plan` commands, run as a user would, with the audit log on Postgres.
@Suite struct GovernanceCLITests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "rowproof-gov-cli-\(UUID().uuidString)"
    )

    /// Runs `rowproof` with `arguments` in the test folder; returns the exit status and the combined output.
    private func rowproof(_ arguments: [String], audit: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = TestEnvironment.rowproofExecutable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["ROWPROOF_HOME"] = folder.appendingPathComponent("home").path
        environment["ROWPROOF_ACTOR"] = "bob"
        environment["ROWPROOF_AUDIT"] = audit
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.timeLimit(.minutes(2)))
    func exitCodesAreZeroOkOneRefusedTwoBadInput() throws {
        let url = try #require(
            TestEnvironment.postgresURL,
            "ROWPROOF_TEST_POSTGRES_URL is not set: start Postgres with scripts/postgres.sh"
        )
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let id = "cli-\(UUID().uuidString.prefix(8).lowercased())"

        let created = try rowproof(
            [
                "migration", "create", id, "--source", "postgres://old/db", "--target", "postgres://new/db", "-t",
                "orders",
            ],
            audit: url
        )
        #expect(created.status == 0, "\(created.output)")

        let invalid = try rowproof(["migration", "advance", id, "--to", "CUTOVER_DONE"], audit: url)
        #expect(invalid.status == 1)
        #expect(invalid.output.contains("Allowed from CREATED: DISCOVERED"))

        let blocked = try rowproof(["migration", "advance", id, "--to", "DISCOVERED"], audit: url)
        #expect(blocked.status == 1)
        #expect(blocked.output.contains("artifact_present:discovery_report"))

        let badState = try rowproof(["migration", "advance", id, "--to", "SOMEWHERE"], audit: url)
        #expect(badState.status == 2)

        try Data(#"{"tables":1}"#.utf8).write(to: folder.appendingPathComponent("discovery.json"))
        #expect(
            try rowproof(["migration", "artifact", id, "discovery_report", "discovery.json"], audit: url).status == 0
        )
        let advanced = try rowproof(["migration", "advance", id, "--to", "DISCOVERED"], audit: url)
        #expect(advanced.status == 0, "\(advanced.output)")

        let history = try rowproof(["migration", "history", id], audit: url)
        #expect(history.output.contains("CREATED -> DISCOVERED"))
        #expect(history.output.contains("migration.transition_refused"))

        let verified = try rowproof(["audit", "verify"], audit: url)
        #expect(verified.status == 0, "\(verified.output)")
        #expect(verified.output.contains("intact"))

        let export = try rowproof(["audit", "export", "-o", "audit.jsonl"], audit: url)
        #expect(export.status == 0, "\(export.output)")
        let exported = try rowproof(["audit", "verify", "--file", "audit.jsonl"], audit: url)
        #expect(exported.status == 0, "\(exported.output)")

        var lines = try String(contentsOf: folder.appendingPathComponent("audit.jsonl"), encoding: .utf8).split(
            separator: "\n"
        ).map(String.init)
        let last = lines.count - 1
        lines[last] = lines[last].replacingOccurrences(of: "\"actor\":\"bob\"", with: "\"actor\":\"bib\"")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("tampered.jsonl"))
        let tampered = try rowproof(["audit", "verify", "--file", "tampered.jsonl"], audit: url)
        #expect(tampered.status == 1)
        #expect(tampered.output.contains("broken at seq"))
    }

    @Test(.timeLimit(.minutes(2)))
    func planSignAndVerifyRefuseAlteredPlans() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let audit = folder.appendingPathComponent("audit.sqlite").path
        #expect(try rowproof(["keygen", "--out", "keys"], audit: audit).status == 0)
        #expect(
            try rowproof(["plan", "trust", "keys/signing-key.pub.pem", "--key-id", "ops"], audit: audit).status == 0
        )
        try Data(#"{"steps":["swap view orders"]}"#.utf8).write(to: folder.appendingPathComponent("cutover.json"))
        let signed = try rowproof(
            [
                "plan", "sign", "cutover.json", "--kind", "cutover_plan", "--key", "keys/signing-key.pem", "--key-id",
                "ops",
            ],
            audit: audit
        )
        #expect(signed.status == 0, "\(signed.output)")
        let valid = try rowproof(["plan", "verify", "cutover.signed.json", "--kind", "cutover_plan"], audit: audit)
        #expect(valid.status == 0, "\(valid.output)")

        let path = folder.appendingPathComponent("cutover.signed.json")
        let text = try String(contentsOf: path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "swap view orders", with: "drop table orders").utf8).write(to: path)
        let altered = try rowproof(["plan", "verify", "cutover.signed.json"], audit: audit)
        #expect(altered.status == 1)
        #expect(altered.output.contains("altered"))

        let missing = try rowproof(["plan", "verify", "nothing-here.json"], audit: audit)
        #expect(missing.status == 2)
    }

    @Test(.timeLimit(.minutes(3)))
    func reconWithAMigrationRecordsItsReportGateAndAuditEntry() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let audit = folder.appendingPathComponent("audit.sqlite").path
        for (name, changed) in [("src.db", false), ("dst.db", true)] {
            let database = try SQLiteDatabase(path: folder.appendingPathComponent(name).path)
            try database.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)")
            for id in 1...300 {
                try database.query(
                    "INSERT INTO t VALUES (?, ?)",
                    [.integer(Int64(id)), .text(changed && id % 100 == 0 ? "changed" : "v\(id)")]
                )
            }
        }
        let source = "sqlite://" + folder.appendingPathComponent("src.db").path
        let target = "sqlite://" + folder.appendingPathComponent("dst.db").path
        let policy = TestEnvironment.repositoryRoot.appendingPathComponent("policy/policy.json").path

        let unknown = try rowproof(
            ["recon", source, target, "-t", "t", "--migration", "nope", "-o", "out0"],
            audit: audit
        )
        #expect(unknown.status == 2, "\(unknown.output)")
        #expect(
            !FileManager.default.fileExists(atPath: folder.appendingPathComponent("out0/report.json").path),
            "no work before the migration is known"
        )

        // Usage errors are "could not run" (2), like every failure before work starts.
        let wrongArtifact = try rowproof(
            ["recon", source, target, "-t", "t", "--migration", "m1", "--artifact", "evidence_pack"],
            audit: audit
        )
        #expect(
            wrongArtifact.status == 2 && wrongArtifact.output.contains("ends in recon_report"),
            "\(wrongArtifact.output)"
        )
        #expect(try rowproof(["recon", source, target, "--no-such-option"], audit: audit).status == 2)

        #expect(
            try rowproof(
                ["migration", "create", "m1", "--source", source, "--target", target, "-t", "t", "--policy", policy],
                audit: audit
            ).status == 0
        )
        let failing = try rowproof(
            ["recon", source, target, "-t", "t", "--migration", "m1", "-o", "out1", "--workers", "1"],
            audit: audit
        )
        #expect(failing.status == 1, "\(failing.output)")
        #expect(failing.output.contains("recorded: recon_report of migration m1; gate failed"), "\(failing.output)")

        try SQLiteDatabase(path: folder.appendingPathComponent("dst.db").path).execute("UPDATE t SET v = 'v' || id")
        let passing = try rowproof(
            ["recon", source, target, "-t", "t", "--migration", "m1", "-o", "out2", "--workers", "1"],
            audit: audit
        )
        #expect(passing.status == 0, "\(passing.output)")
        #expect(passing.output.contains("gate passed"), "\(passing.output)")

        let status = try rowproof(["migration", "status", "m1"], audit: audit)
        #expect(status.output.contains("out2/report.json"), "the latest report is the registered one: \(status.output)")
        let history = try rowproof(["migration", "history", "m1"], audit: audit)
        #expect(history.output.components(separatedBy: "recon.completed").count - 1 == 2, "\(history.output)")
        #expect(try rowproof(["audit", "verify"], audit: audit).status == 0)

        // The gate is the migration's policy's to decide: neither another policy nor a shorter interval.
        try Data(
            #"{"name":"t","source":{"url":"\#(source)"},"target":{"url":"\#(target)"},"tables":[{"source":"t"}]}"#.utf8
        )
        .write(to: folder.appendingPathComponent("job.json"))
        var lenient =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: policy))) as? [String: Any]
            ?? [:]
        lenient["parallel_run"] = ["runs": 1, "consecutive_passes": 1, "interval_seconds": 1]
        try JSONSerialization.data(withJSONObject: lenient).write(to: folder.appendingPathComponent("lenient.json"))
        let otherPolicy = try rowproof(
            ["parallel-run", "--migration", "m1", "--job", "job.json", "--policy", "lenient.json"],
            audit: audit
        )
        #expect(
            otherPolicy.status == 2 && otherPolicy.output.contains("is not the policy migration m1 is governed by"),
            "\(otherPolicy.output)"
        )
        let hurried = try rowproof(
            ["parallel-run", "--migration", "m1", "--job", "job.json", "--interval", "1"],
            audit: audit
        )
        #expect(hurried.status == 2 && hurried.output.contains("requires at least"), "\(hurried.output)")
    }
}

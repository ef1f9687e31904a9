import Foundation
import RowProofContracts
import RowProofCrypto
import RowProofGovernance
import RowProofSources
import Testing

/// Cutover and rollback against the real Postgres: the rollback must bring back the exact
/// catalog, data and routing file that were there before the cutover.
@Suite struct CutoverRollbackTests {
    let database: TestDatabase
    let folder: URL
    let key: Ed25519PrivateKey
    let keyRing: KeyRing
    let audit: SQLiteAuditLog

    init() throws {
        database = try TestDatabase(
            "cutover",
            setup: [
                "CREATE TABLE public.orders (id int PRIMARY KEY, amount numeric(10,2), note text)",
                "INSERT INTO public.orders SELECT g, g * 1.25, 'old ' || g FROM generate_series(1, 500) g",
                "CREATE TABLE public.orders_v2 (id bigint PRIMARY KEY, amount numeric(12,2), note text, migrated_at timestamptz DEFAULT now())",
                "INSERT INTO public.orders_v2 (id, amount, note) SELECT g, g * 1.25, 'old ' || g FROM generate_series(1, 500) g",
                "CREATE VIEW public.orders_current AS SELECT id, amount, note FROM public.orders",
            ]
        )
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rowproof-cutover-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("routing"),
            withIntermediateDirectories: true
        )
        try Data("{\"orders\": \"orders\"}\n".utf8).write(to: folder.appendingPathComponent("routing/app.json"))
        key = try Ed25519PrivateKey.generate()
        let publicKey = try key.publicKey
        keyRing = KeyRing([KeyRing.fingerprint(of: publicKey): publicKey])
        audit = try SQLiteAuditLog(path: folder.appendingPathComponent("audit.sqlite").path)
    }

    /// Swap the view to the new table, rename the tables, route the application; `extra` steps follow.
    func plan(extra: [CutoverStep] = []) -> CutoverPlan {
        CutoverPlan(
            migrationID: "orders-2025",
            schemas: ["public"],
            tables: ["public.orders", "public.orders_v2"],
            steps: [
                CutoverStep(
                    id: "swap-view",
                    description: "Serve orders_current from the migrated table",
                    preChecks: [CutoverCheck(sql: "SELECT count(*) FROM public.orders_v2", expect: "500")],
                    action: CutoverAction(sql: [
                        "CREATE OR REPLACE VIEW public.orders_current AS SELECT id::int AS id, amount::numeric(10,2) AS amount, note FROM public.orders_v2"
                    ]),
                    verify: [CutoverCheck(sql: "SELECT count(*) FROM public.orders_current", expect: "500")],
                    rollback: CutoverAction(sql: [
                        "CREATE OR REPLACE VIEW public.orders_current AS SELECT id, amount, note FROM public.orders"
                    ])
                ),
                CutoverStep(
                    id: "rename-tables",
                    action: CutoverAction(sql: [
                        "ALTER TABLE public.orders RENAME TO orders_legacy",
                        "ALTER TABLE public.orders_v2 RENAME TO orders",
                    ]),
                    verify: [CutoverCheck(sql: "SELECT to_regclass('public.orders_legacy') IS NOT NULL", expect: "t")],
                    rollback: CutoverAction(sql: [
                        "ALTER TABLE public.orders RENAME TO orders_v2",
                        "ALTER TABLE public.orders_legacy RENAME TO orders",
                    ])
                ),
                CutoverStep(
                    id: "route-app",
                    action: CutoverAction(
                        writeFile: .init(path: "routing/app.json", contents: "{\"orders\": \"orders_v2\"}\n")
                    ),
                    verify: [CutoverCheck(file: "routing/app.json", contains: "orders_v2")],
                    rollback: CutoverAction(restoreFile: "routing/app.json")
                ),
            ] + extra
        )
    }

    func runner(for plan: CutoverPlan, kind: SignedPlan.Kind = .cutoverPlan) throws -> CutoverRunner {
        let signed = try SignedPlanSigner(key: key).sign(
            kind: kind,
            planID: "orders-cutover",
            migrationID: plan.migrationID,
            createdBy: "alice",
            payload: try payload(plan)
        )
        let verified = try VerifiedCutoverPlan(
            verifying: try ContractEncoder().encode(signed),
            source: "cutover.json",
            verifier: SignedPlanVerifier(keyRing: keyRing),
            kinds: [.cutoverPlan, .rollbackPlan]
        )
        return CutoverRunner(
            plan: verified,
            database: PostgresCutoverDatabase(connection: try database.writer()),
            files: CutoverFiles(root: folder),
            journal: folder.appendingPathComponent("cutover-journal.json"),
            recorder: audit,
            actor: "alice"
        )
    }

    func payload(_ plan: CutoverPlan) throws -> [String: JSONValue] {
        guard case .object(let members) = try ContractDecoder().parse(try JSONEncoder().encode(plan), format: .json)
        else {
            throw SourceError(.connection, "the plan did not encode as an object")
        }
        return members
    }

    let cleared = CutoverClearance(state: .cutoverInProgress, gatePassed: true, gateSummary: "14 runs, last 3 passed")

    func fingerprint(_ plan: CutoverPlan) throws -> StateFingerprint {
        try StateFingerprint.capture(
            plan: plan,
            database: PostgresCutoverDatabase(connection: try database.writer()),
            files: CutoverFiles(root: folder)
        )
    }

    @Test func rollbackRestoresTheExactCatalogDataAndFiles() throws {
        let plan = plan()
        let before = try fingerprint(plan)
        let report = try runner(for: plan).run(clearance: cleared)
        #expect(report.outcome == .completed)
        #expect(report.steps.map(\.status) == [.done, .done, .done])
        let during = try fingerprint(plan)
        #expect(during.catalogSHA256 != before.catalogSHA256)
        #expect(!before.differences(from: during).isEmpty)
        #expect(
            try String(contentsOf: folder.appendingPathComponent("routing/app.json"), encoding: .utf8).contains(
                "orders_v2"
            )
        )

        // Roll back later, from the journal, with the same steps signed as the rollback plan.
        let rollback = try runner(for: plan, kind: .rollbackPlan).rollback()
        #expect(rollback.outcome == .rolledBack)
        #expect(rollback.differences == [])
        #expect(rollback.steps.map(\.status) == [.rolledBack, .rolledBack, .rolledBack])
        let after = try fingerprint(plan)
        #expect(after == before)
        #expect(after.catalog.contains { $0.hasPrefix("view public.orders_current") && $0.contains("FROM orders;") })
        #expect(after.tables.map(\.rows) == [500, 500])
        #expect(
            try String(contentsOf: folder.appendingPathComponent("routing/app.json"), encoding: .utf8)
                == "{\"orders\": \"orders\"}\n"
        )

        let actions = try audit.entries().map(\.action)
        #expect(actions.filter { $0 == "cutover.step_done" }.count == 3)
        #expect(actions.filter { $0 == "rollback.step_done" }.count == 3)
        #expect(actions.last == "rollback.verified")
        #expect(try audit.verify().isIntact)

        let files = try rollback.write(to: folder.appendingPathComponent("reports"), name: "rollback-report")
        #expect(try String(contentsOf: files[1], encoding: .utf8).contains("**Restored:**"))
    }

    @Test func aFailingStepRollsBackTheCompletedStepsAutomatically() throws {
        let failing = CutoverStep(
            id: "drop-legacy-grants",
            action: CutoverAction(sql: [
                "REVOKE ALL ON public.orders_legacy FROM PUBLIC", "ALTER TABLE public.no_such_table RENAME TO x",
            ]),
            rollback: CutoverAction(sql: ["GRANT SELECT ON public.orders_legacy TO PUBLIC"])
        )
        let plan = plan(extra: [failing])
        let before = try fingerprint(plan)
        let report = try runner(for: plan).run(clearance: cleared)

        #expect(report.outcome == .rolledBack)
        #expect(report.failedStep == "drop-legacy-grants")
        #expect(report.failureReason?.contains("no_such_table") == true)
        #expect(report.steps.map(\.status) == [.rolledBack, .rolledBack, .rolledBack, .failed])
        #expect(report.differences == [])
        #expect(try fingerprint(plan) == before)
        #expect(report.markdown.contains("Failed step: `drop-legacy-grants`"))
        let actions = try audit.entries().map(\.action)
        #expect(actions.contains("cutover.step_failed"))
        #expect(!actions.contains("cutover.completed"))
    }

    @Test func aFailedVerificationUndoesThatStepToo() throws {
        let wrongCount = CutoverStep(
            id: "check-counts",
            action: CutoverAction(sql: ["COMMENT ON TABLE public.orders IS 'migrated'"]),
            verify: [CutoverCheck(sql: "SELECT count(*) FROM public.orders", expect: "501")],
            rollback: CutoverAction(sql: ["COMMENT ON TABLE public.orders IS NULL"])
        )
        let plan = plan(extra: [wrongCount])
        let before = try fingerprint(plan)
        let report = try runner(for: plan).run(clearance: cleared)
        #expect(report.outcome == .rolledBack)
        #expect(report.steps.last?.status == .rolledBack)
        #expect(
            report.failureReason
                == "verification 1 failed: `SELECT count(*) FROM public.orders` returned \"500\", expected \"501\""
        )
        #expect(try fingerprint(plan) == before)
    }

    @Test func aDataChangeDuringTheCutoverIsCaughtByTheRollbackCheck() throws {
        let plan = plan()
        _ = try runner(for: plan).run(clearance: cleared)
        try database.writer().query("UPDATE public.orders_legacy SET note = 'changed' WHERE id = 7")
        let rollback = try runner(for: plan).rollback()
        #expect(rollback.outcome == .rollbackIncomplete)
        #expect(rollback.differences.count == 1)
        #expect(rollback.differences.first?.hasPrefix("table public.orders: was 500 rows") == true)
        #expect(try audit.entries().map(\.action).last == "rollback.not_restored")
    }
}

import Foundation
import RowProofContracts
import RowProofCrypto
import RowProofGovernance
import RowProofTestSupport
import Testing

/// A migration driven through its whole lifecycle with the audit log on the real Postgres.
@Suite struct GovernancePathTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "rowproof-gov-path-\(UUID().uuidString)"
    )
    private let schema = "gov_path_\(UUID().uuidString.prefix(8).lowercased())"

    private func attach(_ registry: MigrationRegistry, _ name: String, _ content: String) throws {
        let url = folder.appendingPathComponent("\(name).json")
        try Data(content.utf8).write(to: url)
        try registry.registerArtifact(migration: "orders-move", name: name, path: url.path, actor: "bob")
    }

    private func attachPlan(_ registry: MigrationRegistry, _ signer: SignedPlanSigner, _ kind: SignedPlan.Kind) throws {
        let plan = try signer.sign(
            kind: kind,
            planID: "orders-\(kind.rawValue)",
            migrationID: "orders-move",
            createdBy: "bob",
            payload: ["steps": .array([.string("\(kind.rawValue) step 1")])]
        )
        let url = folder.appendingPathComponent("\(kind.rawValue).signed.json")
        try ContractEncoder().encode(plan).write(to: url)
        try registry.registerArtifact(migration: "orders-move", name: kind.rawValue, path: url.path, actor: "bob")
    }

    @Test(.timeLimit(.minutes(2)))
    func createdToCutoverDoneWithTheAuditLogOnPostgres() throws {
        let url = try #require(
            TestEnvironment.postgresURL,
            "ROWPROOF_TEST_POSTGRES_URL is not set: start Postgres with scripts/postgres.sh"
        )
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let audit = try PostgresAuditLog(url: url, schema: schema)
        let key = try Ed25519PrivateKey.generate()
        let signer = try SignedPlanSigner(key: key, keyID: "ops")
        let registry = try MigrationRegistry(
            path: folder.appendingPathComponent("registry.sqlite").path,
            audit: audit,
            keyRing: KeyRing(["ops": try key.publicKey])
        )

        try registry.create(
            id: "orders-move",
            source: "postgres://app@old/shop",
            target: "postgres://app@new/shop",
            tables: ["public.orders", "public.order_items"],
            archetype: "lift_and_shift",
            policyPath: nil,
            actor: "bob"
        )
        try attach(registry, "discovery_report", #"{"tables":2}"#)
        try registry.advance(migration: "orders-move", to: .discovered, actor: "bob")
        try attach(registry, "profile_report", #"{"columns":14}"#)
        try registry.advance(migration: "orders-move", to: .profiled, actor: "bob")
        try attach(registry, "column_mapping", #"{"mapped":14}"#)
        try attach(registry, "type_coercion_check", #"{"lossy":0}"#)
        try registry.advance(migration: "orders-move", to: .mapped, actor: "bob")
        try attachPlan(registry, signer, .migrationPlan)
        try registry.approve(migration: "orders-move", to: .planned, role: "data_owner", identity: "dora")
        try registry.advance(migration: "orders-move", to: .planned, actor: "bob")
        try attach(registry, "replication_started", #"{"slot":"orders"}"#)
        try registry.advance(migration: "orders-move", to: .replicating, actor: "bob")
        try attach(registry, "recon_report", #"{"verdict":"match"}"#)
        try registry.recordGate(
            migration: "orders-move",
            name: MigrationRegistry.reconGate,
            passed: true,
            evidenceSHA256: SHA256.hexDigest(Array(#"{"verdict":"match"}"#.utf8)),
            actor: "rowproof"
        )
        try registry.advance(migration: "orders-move", to: .parallelRun, actor: "bob")
        try registry.recordGate(
            migration: "orders-move",
            name: MigrationRegistry.parallelRunsGate,
            passed: true,
            evidenceSHA256: nil,
            actor: "rowproof",
            details: ["consecutive_passes": "14"]
        )
        try attachPlan(registry, signer, .cutoverPlan)
        try attachPlan(registry, signer, .rollbackPlan)
        try registry.advance(migration: "orders-move", to: .readyForCutover, actor: "bob")
        try registry.requestTransition(
            migration: "orders-move",
            to: .cutoverInProgress,
            actor: "bob",
            reason: "Saturday window"
        )
        #expect(throws: GovernanceError.self) {
            try registry.approve(
                migration: "orders-move",
                to: .cutoverInProgress,
                role: "platform_owner",
                identity: "bob"
            )
        }
        try registry.approve(migration: "orders-move", to: .cutoverInProgress, role: "data_owner", identity: "dora")
        try registry.approve(migration: "orders-move", to: .cutoverInProgress, role: "platform_owner", identity: "pete")
        try registry.advance(migration: "orders-move", to: .cutoverInProgress, actor: "bob")
        try attach(registry, "post_cutover_recon_report", #"{"verdict":"match"}"#)
        try attach(registry, "evidence_pack", "sealed pack bytes")
        try registry.advance(migration: "orders-move", to: .cutoverDone, actor: "bob")

        #expect(try registry.migration("orders-move").state == .cutoverDone)
        let entries = try audit.entries()
        #expect(try audit.verify() == .intact(count: entries.count, headHash: entries.last?.hash ?? ""))
        let advanced = entries.filter { $0.action == "migration.advanced" }.map(\.subject)
        #expect(
            advanced == [
                "CREATED->DISCOVERED", "DISCOVERED->PROFILED", "PROFILED->MAPPED", "MAPPED->PLANNED",
                "PLANNED->REPLICATING",
                "REPLICATING->PARALLEL_RUN", "PARALLEL_RUN->READY_FOR_CUTOVER",
                "READY_FOR_CUTOVER->CUTOVER_IN_PROGRESS",
                "CUTOVER_IN_PROGRESS->CUTOVER_DONE",
            ]
        )
        #expect(entries.filter { $0.action == "approval.granted" }.count == 3)
        #expect(entries.contains { $0.action == "gate.recorded" && $0.subject == "parallel_runs" })
        let exported = try AuditEntry.parseJSONLines(try audit.exportJSONLines())
        #expect(AuditChainVerifier.verify(exported).isIntact)
    }
}

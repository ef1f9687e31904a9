import Foundation
import RowProofContracts
import RowProofCrypto

@testable import RowProofGovernance

/// A realistic migration's artifacts on disk: several tables with three report formats each,
/// 14 parallel-run reports and their history, plans, approvals, discovery, profiling, mappings,
/// generated models, diff explanations, cutover and rollback reports, policy and rulebook.
struct MigrationFolderFixture {
    let folder: URL
    let migrationID = "orders-2025"
    let tables = ["customers", "orders", "order_items", "payments", "shipments"]

    init() throws {
        folder = try temporaryFolder().appendingPathComponent("migration")
        for table in tables {
            try write("recon/\(table)/report.json", "{\"table\":\"\(table)\",\"verdict\":\"pass\"}")
            try write("recon/\(table)/report.md", "# \(table): PASS\n")
            try write("recon/\(table)/report.html", "<h1>\(table): PASS</h1>")
        }
        for run in 1...14 {
            try write(
                "parallel-run/run-\(String(format: "%02d", run))/report.json",
                "{\"run\":\(run),\"verdict\":\"pass\"}"
            )
        }
        try write("parallel-run/parallel_run_history.json", "{\"artifact\":\"parallel_run_history\"}")
        for plan in ["migration_plan", "cutover_plan", "rollback_plan"] {
            try write("plans/\(plan).signed.json", "{\"plan\":{\"kind\":\"\(plan)\"}}")
        }
        for (index, role) in ["data_owner", "platform_owner", "data_owner", "platform_owner"].enumerated() {
            try write("approvals/approval-\(index + 1)-\(role).json", "{\"role\":\"\(role)\"}")
        }
        try write("discovery/source.json", "{\"side\":\"source\"}")
        try write("discovery/target.json", "{\"side\":\"target\"}")
        try write("profiling/source-profile.json", "{}")
        try write("profiling/target-profile.json", "{}")
        try write("mapping/column_mapping.json", "{}")
        try write("models/orders.swift", "struct Order {}\n")
        try write("models/customers.swift", "struct Customer {}\n")
        try write("explanations/orders-diff.md", "Rounding in amount.\n")
        try write("explanations/payments-diff.md", "Time zone shift.\n")
        try write("cutover/cutover-report.json", "{\"outcome\":\"completed\"}")
        try write("cutover/cutover-report.md", "# Cutover\n")
        try write("cutover/rollback-report.json", "{\"outcome\":\"rolled_back\"}")
        try write("cutover/rollback-report.md", "# Rollback\n")
        try write("state-history.json", "[]")
        try write("policy.json", "{\"name\":\"default\"}")
        try write("type_coercion_rulebook.yaml", "rules: []\n")
    }

    func write(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// A real audit chain of six entries, exported as JSON Lines.
    func auditChain() throws -> AuditChainExport {
        let log = try SQLiteAuditLog(
            path: folder.deletingLastPathComponent().appendingPathComponent("audit.sqlite").path
        )
        for state in ["DISCOVERED", "PROFILED", "MAPPED", "PLANNED", "REPLICATING", "PARALLEL_RUN"] {
            try log.record(
                AuditEvent(migration: migrationID, actor: "alice", action: "migration.advanced", subject: state)
            )
        }
        let entries = try log.entries()
        return AuditChainExport(
            jsonLines: try log.exportJSONLines(),
            headSHA256: entries.last!.hash,
            entries: entries.count
        )
    }

    /// Builds the pack signed with `key`; returns its URL and the files it seals.
    func buildPack(
        key: Ed25519PrivateKey,
        recorder: EventCapturingRecorder,
        at name: String = "evidence.tar.gz"
    ) throws -> (URL, EvidencePackSummary) {
        let artifacts = try EvidenceCollector.collect(folder: folder, prefix: "artifacts")
        let destination = folder.deletingLastPathComponent().appendingPathComponent(name)
        let builder = try EvidencePackBuilder(
            signingKey: key,
            recorder: recorder,
            actor: "alice",
            now: { Date(timeIntervalSince1970: 1_750_000_000) }
        )
        let summary = try builder.build(
            migrationID: migrationID,
            artifacts: artifacts,
            auditChain: try auditChain(),
            to: destination
        )
        return (destination, summary)
    }
}

/// Reads a pack's entries, lets `change` edit them, and writes the pack back in the same format.
func rewritePack(_ url: URL, _ change: (inout [TarEntry]) throws -> Void) throws {
    var entries = try TarArchive.read(try Gzip.decompressStored(Array(try Data(contentsOf: url))))
    try change(&entries)
    try Data(Gzip.compressStored(try TarArchive.write(entries, modificationTime: 0))).write(to: url)
}

import Foundation
import RowProofContracts
import RowProofCrypto
import RowProofGovernance
import Synchronization

/// A clock tests move by hand.
final class RegistryTestClock: Sendable {
    private let current: Mutex<Date>
    init(_ start: Date = Date(timeIntervalSince1970: 1_790_000_000)) { current = Mutex(start) }
    var now: Date { current.withLock { $0 } }
    func advance(by seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
    var function: @Sendable () -> Date { { [self] in now } }
}

/// A registry in a fresh temporary folder, with a SQLite audit log and one trusted signing key.
struct RegistryFixture {
    let folder: URL
    let clock = RegistryTestClock()
    let audit: SQLiteAuditLog
    let registry: MigrationRegistry
    let signer: SignedPlanSigner

    init(audit custom: (any AuditRecorder)? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rowproof-gov-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        audit = try SQLiteAuditLog(path: folder.appendingPathComponent("audit.sqlite").path, clock: clock.function)
        let key = try Ed25519PrivateKey.generate()
        signer = try SignedPlanSigner(key: key, keyID: "test-key")
        registry = try MigrationRegistry(
            path: folder.appendingPathComponent("registry.sqlite").path,
            audit: custom ?? audit,
            keyRing: KeyRing(["test-key": try key.publicKey]),
            clock: clock.function
        )
    }

    /// Writes `text` to a file named `name` in the fixture folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Writes a file and registers it as artifact `name`.
    @discardableResult
    func attach(
        _ migration: String,
        _ name: String,
        content: String? = nil,
        actor: String = "bob"
    ) throws -> ArtifactRecord {
        let path = try write("\(migration)-\(name).json", content ?? #"{"artifact":"\#(name)"}"#)
        return try registry.registerArtifact(migration: migration, name: name, path: path, actor: actor)
    }

    /// Signs a plan of `kind` for `migration`, writes it and registers it under the kind's name.
    @discardableResult
    func attachSignedPlan(
        _ migration: String,
        _ kind: SignedPlan.Kind,
        steps: [String] = ["step one"]
    ) throws -> ArtifactRecord {
        let plan = try signer.sign(
            kind: kind,
            planID: "\(migration)-\(kind.rawValue)",
            migrationID: migration,
            createdBy: "bob",
            payload: ["steps": .array(steps.map(JSONValue.string))],
            at: clock.now
        )
        let path = folder.appendingPathComponent("\(migration)-\(kind.rawValue).signed.json")
        try ContractEncoder().encode(plan).write(to: path)
        return try registry.registerArtifact(migration: migration, name: kind.rawValue, path: path.path, actor: "bob")
    }

    /// Creates migration `id` owned by `bob`.
    @discardableResult
    func create(_ id: String = "orders-move") throws -> Migration {
        try registry.create(
            id: id,
            source: "postgres://app@old/db",
            target: "postgres://app@new/db",
            tables: ["public.orders"],
            archetype: "lift_and_shift",
            policyPath: nil,
            actor: "bob"
        )
    }

    /// Drives `id` from CREATED to READY_FOR_CUTOVER, meeting every guard on the way.
    func driveToReadyForCutover(_ id: String) throws {
        try attach(id, "discovery_report")
        try registry.advance(migration: id, to: .discovered, actor: "bob")
        try attach(id, "profile_report")
        try registry.advance(migration: id, to: .profiled, actor: "bob")
        try attach(id, "column_mapping")
        try attach(id, "type_coercion_check")
        try registry.advance(migration: id, to: .mapped, actor: "bob")
        try attachSignedPlan(id, .migrationPlan)
        try registry.approve(migration: id, to: .planned, role: "data_owner", identity: "dora")
        try registry.advance(migration: id, to: .planned, actor: "bob")
        try attach(id, "replication_started")
        try registry.advance(migration: id, to: .replicating, actor: "bob")
        try attach(id, "recon_report")
        try registry.recordGate(
            migration: id,
            name: MigrationRegistry.reconGate,
            passed: true,
            evidenceSHA256: nil,
            actor: "rowproof"
        )
        try registry.advance(migration: id, to: .parallelRun, actor: "bob")
        try registry.recordGate(
            migration: id,
            name: MigrationRegistry.parallelRunsGate,
            passed: true,
            evidenceSHA256: nil,
            actor: "rowproof"
        )
        try attachSignedPlan(id, .cutoverPlan)
        try attachSignedPlan(id, .rollbackPlan)
        try registry.advance(migration: id, to: .readyForCutover, actor: "bob")
    }
}

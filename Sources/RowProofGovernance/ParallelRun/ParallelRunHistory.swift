public import Foundation
public import RowProofContracts

/// The history of a parallel run (artifact `parallel_run_history`): one record per run, the trend
/// of the differences, and the readiness gate's decision.
public struct ParallelRunHistory: Codable, Sendable, Equatable {
    /// The artifact name this history is registered under.
    public static let artifactName = "parallel_run_history"

    /// Always ``artifactName``.
    public var artifact: String
    /// The migration.
    public var migrationID: String
    /// The policy requirement the gate applies.
    public var requirement: ParallelRunRequirement
    /// Every run, in order.
    public var runs: [ParallelRunRecord]
    /// Differences per run (`null` for a run without a report), in run order.
    public var differencesPerRun: [Int?]
    /// The trend of the differences.
    public var trend: ParallelRunTrend
    /// The gate's decision.
    public var gate: GateDecision

    /// Creates a history from `runs`, computing the trend and the gate.
    public init(migrationID: String, requirement: ParallelRunRequirement, runs: [ParallelRunRecord]) {
        self.artifact = Self.artifactName
        self.migrationID = migrationID
        self.requirement = requirement
        self.runs = runs
        self.differencesPerRun = runs.map(\.differences)
        self.trend = ParallelRunTrend(differences: differencesPerRun)
        self.gate = ReadinessGate(requirement: requirement).evaluate(runs)
    }

    enum CodingKeys: String, CodingKey {
        case artifact
        case migrationID = "migration_id"
        case requirement, runs
        case differencesPerRun = "differences_per_run"
        case trend, gate
    }

    /// Writes the history as JSON, atomically.
    public func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoder.encode(self).write(to: url, options: .atomic)
    }

    /// Reads a history written by ``write(to:)``.
    public static func read(from url: URL) throws -> ParallelRunHistory {
        try JSONDecoder().decode(ParallelRunHistory.self, from: Data(contentsOf: url))
    }
}

public import Foundation
public import RowProofContracts

/// The identity of one agent run: which agent, its version, the run id and when it ran.
public struct AgentRun: Sendable, Equatable {
    /// The version every RowProof agent reports.
    public static let agentVersion = "1.0.0"

    /// Which agent runs.
    public var agent: AgentOutput.Agent
    /// This run's identifier (`^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$`).
    public var runID: String
    /// The migration the run belongs to, if known.
    public var migrationID: String?
    /// When the run produced its output (RFC 3339, UTC).
    public var createdAt: String

    /// Creates a run identity; `runID` defaults to the agent name and the time, `createdAt` to now.
    public init(
        agent: AgentOutput.Agent,
        runID: String? = nil,
        migrationID: String? = nil,
        now: Date = Date()
    ) {
        let stamp = Self.timestamp(now)
        self.agent = agent
        self.createdAt = stamp
        self.migrationID = migrationID
        self.runID = runID ?? "\(agent.rawValue)-\(stamp.filter { $0.isNumber })"
    }

    /// `date` as `YYYY-MM-DDThh:mm:ssZ`.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

public import Foundation

/// The record of one cutover or rollback: every step with its result, the failure if any, and the
/// state fingerprints that prove a rollback.
public struct CutoverReport: Codable, Sendable, Equatable {
    /// Which operation the report is about.
    public enum Operation: String, Codable, Sendable {
        /// `rowproof cutover run` (with its automatic rollback, if a step failed).
        case cutover
        /// `rowproof cutover rollback`.
        case rollback
    }

    /// What happened to one step.
    public struct StepResult: Codable, Sendable, Equatable {
        /// What happened.
        public enum Status: String, Codable, Sendable {
            /// The action ran and verified.
            case done
            /// A pre-check, the action or a verification failed.
            case failed
            /// The action was undone.
            case rolledBack = "rolled_back"
            /// The undo failed.
            case rollbackFailed = "rollback_failed"
            /// The step never ran.
            case notRun = "not_run"
        }

        /// The step id.
        public var id: String
        /// What the step does.
        public var description: String?
        /// What happened.
        public var status: Status
        /// Details: the failed check or error.
        public var detail: String?

        /// Creates a step result.
        public init(id: String, description: String?, status: Status, detail: String? = nil) {
            self.id = id
            self.description = description
            self.status = status
            self.detail = detail
        }
    }

    /// Which operation.
    public var operation: Operation
    /// The migration.
    public var migrationID: String
    /// The plan.
    public var planID: String
    /// SHA-256 of the plan's canonical payload.
    public var payloadSHA256: String
    /// Who ran it.
    public var actor: String
    /// When it started (RFC 3339).
    public var startedAt: String
    /// When it ended (RFC 3339).
    public var finishedAt: String
    /// How it ended.
    public var outcome: CutoverOutcome
    /// The step that failed, if one did.
    public var failedStep: String?
    /// Why it failed.
    public var failureReason: String?
    /// Every step, in plan order.
    public var steps: [StepResult]
    /// The state before the cutover.
    public var before: StateFingerprint
    /// The state after a rollback, when there was one.
    public var after: StateFingerprint?
    /// How the state after the rollback differs from before; empty when restored.
    public var differences: [String]
    /// Problems that did not stop the operation (an audit entry that could not be written).
    public var warnings: [String]

    /// Creates a report.
    public init(
        operation: Operation,
        migrationID: String,
        planID: String,
        payloadSHA256: String,
        actor: String,
        startedAt: String,
        finishedAt: String,
        outcome: CutoverOutcome,
        failedStep: String?,
        failureReason: String?,
        steps: [StepResult],
        before: StateFingerprint,
        after: StateFingerprint?,
        differences: [String],
        warnings: [String] = []
    ) {
        self.operation = operation
        self.migrationID = migrationID
        self.planID = planID
        self.payloadSHA256 = payloadSHA256
        self.actor = actor
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.outcome = outcome
        self.failedStep = failedStep
        self.failureReason = failureReason
        self.steps = steps
        self.before = before
        self.after = after
        self.differences = differences
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case operation
        case migrationID = "migration_id"
        case planID = "plan_id"
        case payloadSHA256 = "payload_sha256"
        case actor
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case outcome
        case failedStep = "failed_step"
        case failureReason = "failure_reason"
        case steps, before, after, differences, warnings
    }

    /// Writes `<name>.json` and `<name>.md` into `folder` atomically and returns their URLs.
    public func write(to folder: URL, name: String) throws(CutoverError) -> [URL] {
        let json = folder.appendingPathComponent(name + ".json")
        let markdown = folder.appendingPathComponent(name + ".md")
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try encoder.encode(self).write(to: json, options: .atomic)
            try Data(self.markdown.utf8).write(to: markdown, options: .atomic)
        } catch {
            throw CutoverError(
                .io,
                "cannot write the \(operation.rawValue) report into \(folder.path): \(error.localizedDescription)"
            )
        }
        return [json, markdown]
    }
}

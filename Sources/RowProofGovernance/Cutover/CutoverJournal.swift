public import Foundation

/// What a cutover has done so far, saved after every step so a rollback knows what to undo even
/// if the process that ran the cutover died.
///
/// Holds the fingerprint taken before the first step, the steps whose actions were applied, and
/// the previous contents of every file a step wrote (for `restore_file`).
public struct CutoverJournal: Codable, Sendable, Equatable {
    /// The migration.
    public var migrationID: String
    /// The plan that ran.
    public var planID: String
    /// SHA-256 of the plan's canonical payload; a rollback must use the same steps.
    public var payloadSHA256: String
    /// The state before the cutover.
    public var before: StateFingerprint
    /// Ids of the steps whose action was applied and not undone, in the order they ran.
    public var appliedSteps: [String]
    /// Previous contents (base64) of each written file; `nil` when it did not exist.
    public var fileBackups: [String: String?]

    /// Creates a journal.
    public init(
        migrationID: String,
        planID: String,
        payloadSHA256: String,
        before: StateFingerprint,
        appliedSteps: [String] = [],
        fileBackups: [String: String?] = [:]
    ) {
        self.migrationID = migrationID
        self.planID = planID
        self.payloadSHA256 = payloadSHA256
        self.before = before
        self.appliedSteps = appliedSteps
        self.fileBackups = fileBackups
    }

    enum CodingKeys: String, CodingKey {
        case migrationID = "migration_id"
        case planID = "plan_id"
        case payloadSHA256 = "payload_sha256"
        case before
        case appliedSteps = "applied_steps"
        case fileBackups = "file_backups"
    }

    /// Writes the journal atomically.
    public func write(to url: URL) throws(CutoverError) {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try encoder.encode(self).write(to: url, options: .atomic)
        } catch {
            throw CutoverError(.io, "cannot write the cutover journal \(url.path): \(error.localizedDescription)")
        }
    }

    /// Reads a journal written by ``write(to:)``.
    public static func read(from url: URL) throws(CutoverError) -> CutoverJournal {
        do {
            return try JSONDecoder().decode(CutoverJournal.self, from: Data(contentsOf: url))
        } catch {
            throw CutoverError(
                .io,
                "cannot read the cutover journal \(url.path): \(error); it is written by `rowproof cutover run`"
            )
        }
    }
}

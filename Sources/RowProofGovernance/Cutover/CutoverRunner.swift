public import Foundation

/// Runs a verified cutover plan against a target, rolls it back when a step fails, and proves a
/// rollback by comparing the state with the one taken before the first step.
///
/// Every step is audited (`cutover.step_done`, `cutover.step_failed`, `rollback.step_done`, ...),
/// and the journal is saved after every step so `rollback` can undo a cutover later, even from
/// another process. Not `Sendable`: it drives one database connection from one thread.
public final class CutoverRunner {
    let verified: VerifiedCutoverPlan
    let database: any CutoverDatabase
    let files: CutoverFiles
    let journalURL: URL
    let recorder: any AuditRecorder
    let actor: String
    let now: @Sendable () -> Date
    var warnings: [String] = []

    /// Creates a runner.
    ///
    /// - Parameters:
    ///   - plan: The verified plan.
    ///   - database: The target database.
    ///   - files: The root that plan file paths are relative to.
    ///   - journal: Where the cutover journal is saved (and read by ``rollback()``).
    ///   - recorder: The audit log.
    ///   - actor: Who runs the cutover.
    ///   - now: The clock, injectable for tests.
    public init(
        plan: VerifiedCutoverPlan,
        database: any CutoverDatabase,
        files: CutoverFiles,
        journal: URL,
        recorder: any AuditRecorder,
        actor: String,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.verified = plan
        self.database = database
        self.files = files
        self.journalURL = journal
        self.recorder = recorder
        self.actor = actor
        self.now = now
    }

    var plan: CutoverPlan { verified.plan }
    var migration: String { plan.migrationID }

    /// Runs the cutover; a failed step stops it and rolls back every applied step.
    ///
    /// - Parameter clearance: The migration's state and gate; the cutover is refused unless the
    ///   migration is in `CUTOVER_IN_PROGRESS` and the gate passed.
    /// - Returns: The report: ``CutoverOutcome/completed``, or how the automatic rollback ended
    ///   with the failed step and why.
    /// - Throws: ``CutoverError`` when refused, or when the state before could not be taken
    ///   (nothing was changed then).
    public func run(clearance: CutoverClearance) throws(CutoverError) -> CutoverReport {
        do {
            try clearance.check(migration: migration)
        } catch {
            try? audit("cutover.refused", subject: verified.planID, ["reason": error.message])
            throw error
        }
        let startedAt = now()
        let before = try StateFingerprint.capture(plan: plan, database: database, files: files)
        var journal = CutoverJournal(
            migrationID: migration,
            planID: verified.planID,
            payloadSHA256: verified.payloadSHA256,
            before: before
        )
        try journal.write(to: journalURL)
        do {
            try audit(
                "cutover.started",
                subject: verified.planID,
                [
                    "payload_sha256": verified.payloadSHA256, "catalog_sha256": before.catalogSHA256,
                    "steps": String(plan.steps.count),
                ]
            )
        } catch {
            throw CutoverError(.io, "cannot write the audit log, so the cutover did not start: \(error)")
        }
        var machine = CutoverMachine(stepCount: plan.steps.count)
        return drive(&machine, action: machine.start(), journal: &journal, operation: .cutover, startedAt: startedAt)
    }

    /// Undoes every step the journal lists as applied, in reverse order, and checks that the state
    /// before the cutover is back.
    ///
    /// - Throws: ``CutoverError/Code-swift.struct/badPlan`` when the journal was written for other
    ///   steps than this plan's.
    public func rollback() throws(CutoverError) -> CutoverReport {
        var journal = try CutoverJournal.read(from: journalURL)
        guard journal.payloadSHA256 == verified.payloadSHA256, journal.migrationID == migration else {
            throw CutoverError(
                .badPlan,
                "the journal \(journalURL.path) is for plan \(journal.planID) (payload \(journal.payloadSHA256.prefix(16))…) of migration "
                    + "\(journal.migrationID); this plan is \(verified.planID) (payload \(verified.payloadSHA256.prefix(16))…): roll back with the plan that ran"
            )
        }
        var applied: [Int] = []
        for id in journal.appliedSteps {
            guard let index = plan.steps.firstIndex(where: { $0.id == id }) else {
                throw CutoverError(.badPlan, "the journal lists step \(id), which the plan does not have")
            }
            applied.append(index)
        }
        let startedAt = now()
        try? audit("rollback.started", subject: verified.planID, ["steps": journal.appliedSteps.joined(separator: ",")])
        var machine = CutoverMachine(stepCount: plan.steps.count, applied: applied)
        return drive(
            &machine,
            action: machine.startRollback(),
            journal: &journal,
            operation: .rollback,
            startedAt: startedAt
        )
    }
}

import Foundation

extension CutoverRunner {
    /// Executes the machine's actions until it finishes, and builds the report.
    func drive(
        _ machine: inout CutoverMachine,
        action first: CutoverMachine.Action,
        journal: inout CutoverJournal,
        operation: CutoverReport.Operation,
        startedAt: Date
    ) -> CutoverReport {
        var statuses: [Int: CutoverReport.StepResult.Status] = [:]
        var details: [Int: String] = [:]
        var failedStep: String?
        var failureReason: String?
        var after: StateFingerprint?
        var differences: [String] = []
        var action = first
        while true {
            switch action {
            case .runStep(let index):
                let step = plan.steps[index]
                do {
                    try perform(step, journal: &journal)
                    statuses[index] = .done
                    record("cutover.step_done", step: step)
                    action = machine.stepSucceeded()
                } catch {
                    let failure = error
                    statuses[index] = .failed
                    details[index] = failure.reason
                    failedStep = step.id
                    failureReason = failure.reason
                    record(
                        "cutover.step_failed",
                        step: step,
                        ["reason": failure.reason, "action_applied": String(failure.actionApplied)]
                    )
                    action = machine.stepFailed(actionApplied: failure.actionApplied)
                }
            case .undoStep(let index):
                let step = plan.steps[index]
                do {
                    try undo(step, journal: &journal)
                    statuses[index] = .rolledBack
                    record("rollback.step_done", step: step)
                    action = machine.undoFinished(succeeded: true)
                } catch {
                    statuses[index] = .rollbackFailed
                    details[index] = "\(error)"
                    record("rollback.step_failed", step: step, ["reason": "\(error)"])
                    action = machine.undoFinished(succeeded: false)
                }
            case .verifyRestored:
                do {
                    let now = try StateFingerprint.capture(plan: plan, database: database, files: files)
                    after = now
                    differences = journal.before.differences(from: now)
                } catch {
                    differences = ["the state after the rollback could not be read: \(error)"]
                }
                record(
                    differences.isEmpty ? "rollback.verified" : "rollback.not_restored",
                    subject: verified.planID,
                    [
                        "catalog_sha256": after?.catalogSHA256 ?? "-", "differences": String(differences.count),
                    ]
                )
                action = machine.restoreChecked(isRestored: differences.isEmpty)
            case .finish(let outcome):
                if operation == .cutover, outcome == .completed {
                    record("cutover.completed", subject: verified.planID, ["steps": String(plan.steps.count)])
                }
                let steps = plan.steps.enumerated().map { index, step in
                    CutoverReport.StepResult(
                        id: step.id,
                        description: step.description,
                        status: statuses[index] ?? .notRun,
                        detail: details[index]
                    )
                }
                return CutoverReport(
                    operation: operation,
                    migrationID: migration,
                    planID: verified.planID,
                    payloadSHA256: verified.payloadSHA256,
                    actor: actor,
                    startedAt: UTCTimestamp.string(from: startedAt),
                    finishedAt: UTCTimestamp.string(from: now()),
                    outcome: outcome,
                    failedStep: failedStep,
                    failureReason: failureReason,
                    steps: steps,
                    before: journal.before,
                    after: after,
                    differences: differences,
                    warnings: warnings
                )
            case .none:
                preconditionFailure("the cutover machine returned no action in state \(machine.state)")
            }
        }
    }

    /// A step that failed, and whether its action had changed anything.
    struct StepFailure: Error {
        var reason: String
        var actionApplied: Bool
    }

    /// Runs the pre-checks, the action and the verification of `step`.
    func perform(_ step: CutoverStep, journal: inout CutoverJournal) throws(StepFailure) {
        for (index, check) in step.preChecks.enumerated() {
            if let problem = evaluate(check) {
                throw StepFailure(reason: "pre-check \(index + 1) failed: \(problem)", actionApplied: false)
            }
        }
        do {
            try apply(step.action, journal: &journal)
        } catch {
            throw StepFailure(reason: "the action failed: \(error)", actionApplied: false)
        }
        journal.appliedSteps.append(step.id)
        saveJournal(journal)
        for (index, check) in step.verify.enumerated() {
            if let problem = evaluate(check) {
                throw StepFailure(reason: "verification \(index + 1) failed: \(problem)", actionApplied: true)
            }
        }
    }

    /// Runs `step`'s rollback action.
    func undo(_ step: CutoverStep, journal: inout CutoverJournal) throws {
        try apply(step.rollback, journal: &journal)
        journal.appliedSteps.removeAll { $0 == step.id }
        saveJournal(journal)
    }

    private func apply(_ action: CutoverAction, journal: inout CutoverJournal) throws {
        if let statements = action.sql {
            try database.executeInTransaction(statements)
        } else if let write = action.writeFile {
            if journal.fileBackups[write.path] == nil {
                journal.fileBackups[write.path] = .some(try files.contents(of: write.path)?.base64EncodedString())
                saveJournal(journal)
            }
            try files.write(Data(write.contents.utf8), to: write.path)
        } else if let path = action.restoreFile {
            guard let backup = journal.fileBackups[path] else {
                throw CutoverError(.io, "no earlier contents of \(path) were saved: no step of this cutover wrote it")
            }
            try files.write(backup.flatMap { Data(base64Encoded: $0) }, to: path)
        }
    }

    /// Returns why `check` does not hold, or `nil` when it does.
    func evaluate(_ check: CutoverCheck) -> String? {
        if let sql = check.sql {
            let value: String?
            do { value = try database.query(sql, []).first?.first ?? nil } catch {
                return "`\(sql)` failed: \(error)"
            }
            guard value == check.expect else {
                return
                    "`\(sql)` returned \(value.map { "\"\($0)\"" } ?? "NULL"), expected \(check.expect.map { "\"\($0)\"" } ?? "NULL")"
            }
            return nil
        }
        guard let path = check.file else { return "the check names neither sql nor file" }
        let contents: Data?
        do { contents = try files.contents(of: path) } catch { return "\(error)" }
        if check.absent == true {
            return contents == nil ? nil : "file \(path) exists but must be absent"
        }
        guard let contents else { return "file \(path) does not exist" }
        if let text = check.contains, !String(decoding: contents, as: UTF8.self).contains(text) {
            return "file \(path) does not contain \"\(text)\""
        }
        return nil
    }

    private func saveJournal(_ journal: CutoverJournal) {
        do { try journal.write(to: journalURL) } catch { warnings.append("\(error)") }
    }

    func record(_ action: String, step: CutoverStep, _ details: [String: String] = [:]) {
        record(action, subject: step.id, details.merging(["plan_id": verified.planID]) { $1 })
    }

    func record(_ action: String, subject: String, _ details: [String: String]) {
        do { try audit(action, subject: subject, details) } catch {
            warnings.append("audit entry \(action) \(subject) could not be written: \(error)")
        }
    }

    func audit(_ action: String, subject: String, _ details: [String: String]) throws {
        try recorder.record(
            AuditEvent(migration: migration, actor: actor, action: action, subject: subject, details: details)
        )
    }
}

public import Foundation
public import RowProofContracts

/// Runs a migration's reconciliation again and again on an interval, keeps the history, and
/// decides the readiness gate after every run.
///
/// The reconciliation itself is a closure (`rowproof parallel-run` passes one that runs a recon
/// with a local fleet), so this library needs no cluster. Run *n* starts at
/// `first start + (n - 1) × interval`, so a slow run does not push the schedule back. After each
/// run the history is written (atomically) and the run is audited as `parallel_run.completed`.
public struct ParallelRunScheduler: Sendable {
    /// The migration.
    public var migrationID: String
    /// The policy's parallel-run requirement.
    public var requirement: ParallelRunRequirement
    private let clock: any ParallelRunClock
    private let recorder: any AuditRecorder
    private let actor: String
    private let historyURL: URL

    /// Creates a scheduler.
    ///
    /// - Parameters:
    ///   - migrationID: The migration.
    ///   - requirement: Runs, consecutive passes, interval and severity from the policy.
    ///   - clock: The time source.
    ///   - recorder: The audit log.
    ///   - actor: Who runs it.
    ///   - historyURL: Where the history JSON is kept; an existing history there is continued.
    public init(
        migrationID: String,
        requirement: ParallelRunRequirement,
        clock: any ParallelRunClock,
        recorder: any AuditRecorder,
        actor: String,
        historyURL: URL
    ) {
        self.migrationID = migrationID
        self.requirement = requirement
        self.clock = clock
        self.recorder = recorder
        self.actor = actor
        self.historyURL = historyURL
    }

    /// Runs `count` more runs (by default until the policy's number of runs is reached).
    ///
    /// - Parameter reconcile: Runs one reconciliation; gets the run number (from 1), returns the
    ///   report and its verdict. A thrown error is recorded as a run with verdict `error`.
    /// - Returns: The history after the last run.
    /// - Throws: When the history cannot be read or written, the audit log cannot be written, or
    ///   the task is cancelled while waiting.
    public func run(
        count: Int? = nil,
        _ reconcile: @Sendable (Int) async throws -> RunOutcome
    ) async throws -> ParallelRunHistory {
        var records =
            FileManager.default.fileExists(atPath: historyURL.path)
            ? try ParallelRunHistory.read(from: historyURL).runs : []
        let planned = count ?? max(0, requirement.runs - records.count)
        let gate = ReadinessGate(requirement: requirement)
        let firstStart = clock.now()
        var history = ParallelRunHistory(migrationID: migrationID, requirement: requirement, runs: records)
        for offset in 0..<planned {
            if offset > 0 {
                try await clock.sleep(
                    until: firstStart.addingTimeInterval(Double(offset * requirement.intervalSeconds))
                )
            }
            let number = records.count + 1
            let started = clock.now()
            let record: ParallelRunRecord
            do {
                let outcome = try await reconcile(number)
                record = ParallelRunRecord(
                    run: number,
                    startedAt: UTCTimestamp.string(from: started),
                    finishedAt: UTCTimestamp.string(from: clock.now()),
                    reportPath: outcome.reportPath,
                    reportSHA256: outcome.reportSHA256,
                    verdict: outcome.verdict,
                    severity: outcome.severity,
                    differences: outcome.differences,
                    rows: outcome.rows,
                    error: nil,
                    passed: gate.passes(verdict: outcome.verdict, severity: outcome.severity)
                )
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                record = ParallelRunRecord(
                    run: number,
                    startedAt: UTCTimestamp.string(from: started),
                    finishedAt: UTCTimestamp.string(from: clock.now()),
                    reportPath: nil,
                    reportSHA256: nil,
                    verdict: .error,
                    severity: nil,
                    differences: nil,
                    rows: nil,
                    error: "\(error)",
                    passed: false
                )
            }
            records.append(record)
            history = ParallelRunHistory(migrationID: migrationID, requirement: requirement, runs: records)
            try history.write(to: historyURL)
            try recorder.record(
                AuditEvent(
                    migration: migrationID,
                    actor: actor,
                    action: "parallel_run.completed",
                    subject: record.reportSHA256 ?? "run-\(number)",
                    details: [
                        "run": String(number), "verdict": record.verdict.rawValue, "passed": String(record.passed),
                        "differences": record.differences.map(String.init) ?? "-",
                        "rows": record.rows.map(String.init) ?? "-",
                        "trend": history.trend.rawValue, "gate_passed": String(history.gate.passed),
                    ].merging(record.error.map { ["error": $0] } ?? [:]) { $1 }
                )
            )
        }
        try recorder.record(
            AuditEvent(
                migration: migrationID,
                actor: actor,
                action: "parallel_run.gate",
                subject: history.gate.passed ? "passed" : "not_passed",
                details: [
                    "summary": history.gate.summary, "runs": String(records.count), "trend": history.trend.rawValue,
                ]
            )
        )
        return history
    }
}

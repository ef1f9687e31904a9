import Foundation
import RowProofContracts
import RowProofGovernance
import Synchronization
import Testing

/// A clock that jumps to every deadline at once and remembers the deadlines it was asked for.
final class JumpingClock: ParallelRunClock {
    private let state: Mutex<(now: Date, sleeps: [Date])>

    init(start: Date) { state = Mutex((start, [])) }

    var sleeps: [Date] { state.withLock { $0.sleeps } }

    func now() -> Date { state.withLock { $0.now } }

    func advance(by seconds: Double) { state.withLock { $0.now.addTimeInterval(seconds) } }

    func sleep(until deadline: Date) async throws {
        state.withLock { state in
            state.sleeps.append(deadline)
            if deadline > state.now { state.now = deadline }
        }
    }
}

@Suite struct ParallelRunSchedulerTests {
    let requirement = ParallelRunRequirement(
        runs: 14,
        consecutivePasses: 3,
        intervalSeconds: 86_400,
        maxSeverity: .info
    )
    let start = Date(timeIntervalSince1970: 1_750_000_000)

    /// Differences per run: failures, an outage, a recovery, then clean runs.
    static let script: [Int?] = [40, 25, 12, 0, 0, nil, 6, 2, 0, 0, 0, 0, 0, 0]

    func outcome(_ run: Int, clock: JumpingClock) throws -> RunOutcome {
        clock.advance(by: 1_800)  // each recon takes half an hour of (simulated) time
        guard let differences = Self.script[run - 1] else { throw ToolFailure(description: "source unreachable") }
        return RunOutcome(
            reportPath: "runs/\(run)/report.json",
            reportSHA256: String(repeating: String(run % 10), count: 64),
            verdict: differences == 0 ? .pass : .fail,
            severity: differences == 0 ? .info : .critical,
            differences: differences,
            rows: 1_000_000
        )
    }

    @Test func fourteenDailyRunsCompleteInSecondsWithTheRightTrendAndGate() async throws {
        let clock = JumpingClock(start: start)
        let recorder = EventCapturingRecorder()
        let historyURL = try temporaryFolder().appendingPathComponent("parallel_run_history.json")
        let scheduler = ParallelRunScheduler(
            migrationID: "orders-2025",
            requirement: requirement,
            clock: clock,
            recorder: recorder,
            actor: "alice",
            historyURL: historyURL
        )
        let began = ContinuousClock.now
        let history = try await scheduler.run { run in try outcome(run, clock: clock) }
        #expect(ContinuousClock.now - began < .seconds(10))

        #expect(history.runs.count == 14)
        #expect(history.runs.map(\.run) == Array(1...14))
        #expect(history.differencesPerRun == Self.script)
        #expect(history.runs.map(\.passed) == Self.script.map { $0 == 0 })
        #expect(history.runs[5].verdict == .error)
        #expect(history.runs[5].error?.contains("source unreachable") == true)
        #expect(history.trend == .stable)
        #expect(history.gate.passed)
        #expect(history.gate.consecutivePasses == 6)
        // Run n starts n-1 days after run 1, whatever the runs took.
        #expect(clock.sleeps == (1..<14).map { start.addingTimeInterval(Double($0 * 86_400)) })
        #expect(history.runs[13].startedAt == "2025-06-28T15:06:40Z")

        #expect(recorder.actions("parallel_run.completed").count == 14)
        #expect(recorder.actions().last == "parallel_run.gate")
        #expect(recorder.events.last?.subject == "passed")
        #expect(try ParallelRunHistory.read(from: historyURL) == history)
    }

    @Test func theGateStaysClosedUntilEnoughRunsAndPassesInARow() async throws {
        let clock = JumpingClock(start: start)
        let recorder = EventCapturingRecorder()
        let historyURL = try temporaryFolder().appendingPathComponent("history.json")
        let scheduler = ParallelRunScheduler(
            migrationID: "orders-2025",
            requirement: requirement,
            clock: clock,
            recorder: recorder,
            actor: "alice",
            historyURL: historyURL
        )

        let firstFour = try await scheduler.run(count: 4) { run in try outcome(run, clock: clock) }
        #expect(!firstFour.gate.passed)
        #expect(firstFour.gate.summary.contains("4 of 14 runs completed"))
        #expect(firstFour.trend == .improving)

        // The outage at run 6 breaks the streak; runs continue from the saved history.
        let throughSeven = try await scheduler.run(count: 3) { run in try outcome(run, clock: clock) }
        #expect(throughSeven.runs.count == 7)
        #expect(throughSeven.gate.consecutivePasses == 0)
        #expect(throughSeven.gate.summary.contains("run 7 was fail"))
        // 6 differences against a mean of 4 over 12, 0, 0 (the outage has no count).
        #expect(throughSeven.trend == .worsening)

        let rest = try await scheduler.run { run in try outcome(run, clock: clock) }
        #expect(rest.runs.count == 14)
        #expect(rest.gate.passed)
    }

    @Test func aLateFailureClosesTheGateEvenAfterEnoughRuns() {
        let gate = ReadinessGate(requirement: requirement)
        let records = (1...14).map { run in
            ParallelRunRecord(
                run: run,
                startedAt: "2025-01-01T00:00:00Z",
                finishedAt: "2025-01-01T00:30:00Z",
                reportPath: nil,
                reportSHA256: nil,
                verdict: run == 13 ? .fail : .pass,
                severity: .info,
                differences: run == 13 ? 1 : 0,
                rows: 10,
                error: nil,
                passed: run != 13
            )
        }
        let decision = gate.evaluate(records)
        #expect(!decision.passed)
        #expect(decision.consecutivePasses == 1)
        #expect(decision.summary == "1 passing run(s) in a row, 3 required")
    }

    @Test func aPassWithAWarningFailsUnderAnInfoPolicyButPassesUnderAWarningPolicy() {
        #expect(!ReadinessGate(requirement: requirement).passes(verdict: .pass, severity: .warning))
        var lenient = requirement
        lenient.maxSeverity = .warning
        #expect(ReadinessGate(requirement: lenient).passes(verdict: .pass, severity: .warning))
        #expect(!ReadinessGate(requirement: lenient).passes(verdict: .fail, severity: .info))
    }

    @Test(arguments: [
        ([Int?](), ParallelRunTrend.notEnoughRuns),
        ([5], .notEnoughRuns),
        ([9, 6, 3, 1], .improving),
        ([0, 0, 0, 0], .stable),
        ([0, 0, 4], .worsening),
        ([10, nil, 2], .improving),
    ])
    func trend(differences: [Int?], expected: ParallelRunTrend) {
        #expect(ParallelRunTrend(differences: differences) == expected)
    }
}

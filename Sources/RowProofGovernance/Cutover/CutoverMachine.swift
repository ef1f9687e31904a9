/// The order of a cutover and of its rollback, as a pure state machine: it decides what to do
/// next; ``CutoverRunner`` does it and reports back.
///
/// Steps run in order; the first failure stops them and every step whose action was applied is
/// undone in reverse order; finally the restored state is compared with the state before.
struct CutoverMachine: Sendable {
    enum State: Equatable, Sendable {
        case idle
        case running(step: Int)
        case rollingBack(step: Int)
        case verifyingRestore
        case finished(CutoverOutcome)
    }

    enum Action: Equatable, Sendable {
        case runStep(Int)
        case undoStep(Int)
        case verifyRestored
        case finish(CutoverOutcome)
        case none
    }

    let stepCount: Int
    private(set) var state: State = .idle
    /// Steps whose action was applied and not yet undone, in the order they ran.
    private(set) var applied: [Int]
    /// Undo actions that failed, by step.
    private(set) var undoFailures: [Int] = []

    /// A machine for a cutover of `stepCount` steps; `applied` lists steps already applied (for a
    /// rollback of an earlier cutover).
    init(stepCount: Int, applied: [Int] = []) {
        self.stepCount = stepCount
        self.applied = applied
    }

    /// Starts the cutover.
    mutating func start() -> Action {
        switch state {
        case .idle:
            guard stepCount > 0 else {
                state = .finished(.completed)
                return .finish(.completed)
            }
            state = .running(step: 0)
            return .runStep(0)
        case .running, .rollingBack, .verifyingRestore, .finished:
            return .none
        }
    }

    /// Starts rolling back the applied steps (a rollback requested after a cutover).
    mutating func startRollback() -> Action {
        switch state {
        case .idle, .running: return nextUndo()
        case .rollingBack, .verifyingRestore, .finished: return .none
        }
    }

    /// The running step's action and verification succeeded.
    mutating func stepSucceeded() -> Action {
        switch state {
        case .running(let step):
            applied.append(step)
            if step + 1 < stepCount {
                state = .running(step: step + 1)
                return .runStep(step + 1)
            }
            state = .finished(.completed)
            return .finish(.completed)
        case .idle, .rollingBack, .verifyingRestore, .finished:
            return .none
        }
    }

    /// The running step failed; `actionApplied` says whether its action changed anything (it
    /// failed in verification) and so must be undone too.
    mutating func stepFailed(actionApplied: Bool) -> Action {
        switch state {
        case .running(let step):
            if actionApplied { applied.append(step) }
            return nextUndo()
        case .idle, .rollingBack, .verifyingRestore, .finished:
            return .none
        }
    }

    /// The step being undone was undone (`succeeded`) or its undo failed.
    mutating func undoFinished(succeeded: Bool) -> Action {
        switch state {
        case .rollingBack(let step):
            applied.removeAll { $0 == step }
            if !succeeded { undoFailures.append(step) }
            return nextUndo()
        case .idle, .running, .verifyingRestore, .finished:
            return .none
        }
    }

    /// The restored state was compared with the state before the cutover.
    mutating func restoreChecked(isRestored: Bool) -> Action {
        switch state {
        case .verifyingRestore:
            let outcome: CutoverOutcome = isRestored && undoFailures.isEmpty ? .rolledBack : .rollbackIncomplete
            state = .finished(outcome)
            return .finish(outcome)
        case .idle, .running, .rollingBack, .finished:
            return .none
        }
    }

    private mutating func nextUndo() -> Action {
        guard let last = applied.last else {
            state = .verifyingRestore
            return .verifyRestored
        }
        state = .rollingBack(step: last)
        return .undoStep(last)
    }
}

/// How a cutover or rollback ended.
public enum CutoverOutcome: String, Codable, Sendable, Equatable {
    /// Every step ran and verified.
    case completed
    /// Every applied step was undone and the state before the cutover is back, by catalog and data hashes.
    case rolledBack = "rolled_back"
    /// An undo failed or the state before the cutover is not back: needs a person now.
    case rollbackIncomplete = "rollback_incomplete"
}

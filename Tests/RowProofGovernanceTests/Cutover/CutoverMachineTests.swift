import Testing

@testable import RowProofGovernance

@Suite struct CutoverMachineTests {
    @Test func stepsRunInOrderAndComplete() {
        var machine = CutoverMachine(stepCount: 3)
        #expect(machine.start() == .runStep(0))
        #expect(machine.stepSucceeded() == .runStep(1))
        #expect(machine.stepSucceeded() == .runStep(2))
        #expect(machine.stepSucceeded() == .finish(.completed))
        #expect(machine.applied == [0, 1, 2])
    }

    @Test func aFailedActionUndoesOnlyTheEarlierStepsInReverse() {
        var machine = CutoverMachine(stepCount: 4)
        _ = machine.start()
        _ = machine.stepSucceeded()
        _ = machine.stepSucceeded()
        #expect(machine.stepFailed(actionApplied: false) == .undoStep(1))
        #expect(machine.undoFinished(succeeded: true) == .undoStep(0))
        #expect(machine.undoFinished(succeeded: true) == .verifyRestored)
        #expect(machine.restoreChecked(isRestored: true) == .finish(.rolledBack))
    }

    @Test func aFailedVerificationUndoesTheFailedStepToo() {
        var machine = CutoverMachine(stepCount: 2)
        _ = machine.start()
        _ = machine.stepSucceeded()
        #expect(machine.stepFailed(actionApplied: true) == .undoStep(1))
        #expect(machine.undoFinished(succeeded: true) == .undoStep(0))
    }

    @Test func aFailedUndoOrAStateNotBackIsAnIncompleteRollback() {
        var machine = CutoverMachine(stepCount: 2)
        _ = machine.start()
        _ = machine.stepSucceeded()
        _ = machine.stepFailed(actionApplied: false)
        #expect(machine.undoFinished(succeeded: false) == .verifyRestored)
        #expect(machine.restoreChecked(isRestored: true) == .finish(.rollbackIncomplete))

        var second = CutoverMachine(stepCount: 1)
        _ = second.start()
        _ = second.stepFailed(actionApplied: true)
        _ = second.undoFinished(succeeded: true)
        #expect(second.restoreChecked(isRestored: false) == .finish(.rollbackIncomplete))
    }

    @Test func aFirstStepFailingBeforeItsActionStillChecksTheState() {
        var machine = CutoverMachine(stepCount: 2)
        _ = machine.start()
        #expect(machine.stepFailed(actionApplied: false) == .verifyRestored)
    }

    @Test func aLaterRollbackUndoesTheJournaledStepsInReverse() {
        var machine = CutoverMachine(stepCount: 3, applied: [0, 1, 2])
        #expect(machine.startRollback() == .undoStep(2))
        #expect(machine.undoFinished(succeeded: true) == .undoStep(1))
        #expect(machine.undoFinished(succeeded: true) == .undoStep(0))
        #expect(machine.undoFinished(succeeded: true) == .verifyRestored)
    }

    @Test func inputsOutOfOrderDoNothing() {
        var machine = CutoverMachine(stepCount: 2)
        #expect(machine.stepSucceeded() == .none)
        #expect(machine.undoFinished(succeeded: true) == .none)
        _ = machine.start()
        #expect(machine.start() == .none)
        #expect(machine.restoreChecked(isRestored: true) == .none)
    }
}

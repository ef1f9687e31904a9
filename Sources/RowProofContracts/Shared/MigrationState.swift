/// The states of RowProof's migration state machine (`schemas/state_machine.json`).
public enum MigrationState: String, ContractEnum {
    /// Registered; nothing inspected yet.
    case created = "CREATED"
    /// Schemas, tables and keys of both sides recorded.
    case discovered = "DISCOVERED"
    /// Column profiles recorded.
    case profiled = "PROFILED"
    /// Every column paired and checked against the rulebook.
    case mapped = "MAPPED"
    /// The migration plan is written and signed.
    case planned = "PLANNED"
    /// Data is being copied or replicated.
    case replicating = "REPLICATING"
    /// Both sides run side by side and are reconciled on a schedule.
    case parallelRun = "PARALLEL_RUN"
    /// The parallel-run requirement is met; plans are signed.
    case readyForCutover = "READY_FOR_CUTOVER"
    /// Traffic is being switched to the target.
    case cutoverInProgress = "CUTOVER_IN_PROGRESS"
    /// The target serves traffic and was verified.
    case cutoverDone = "CUTOVER_DONE"
    /// Stopped before cutover.
    case failed = "FAILED"
    /// Traffic is being switched back to the source.
    case rollback = "ROLLBACK"
    /// The source serves traffic again and was verified.
    case rolledBack = "ROLLED_BACK"
}

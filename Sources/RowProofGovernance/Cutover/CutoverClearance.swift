public import RowProofContracts

/// What the governance side says about starting a cutover: the migration's state and the readiness gate.
///
/// The cutover starts only in ``MigrationState/cutoverInProgress`` (the registry has accepted the
/// transition from `READY_FOR_CUTOVER`, with its approvals) and with a passed gate.
public struct CutoverClearance: Sendable, Equatable {
    /// The migration's current state.
    public var state: MigrationState
    /// Whether the readiness gate passed.
    public var gatePassed: Bool
    /// Why the gate passed or not, for the refusal message and the report.
    public var gateSummary: String

    /// Creates a clearance.
    public init(state: MigrationState, gatePassed: Bool, gateSummary: String) {
        self.state = state
        self.gatePassed = gatePassed
        self.gateSummary = gateSummary
    }

    /// Throws ``CutoverError/Code-swift.struct/refused`` listing every reason the cutover may not start.
    public func check(migration: String) throws(CutoverError) {
        var reasons: [String] = []
        if state != .cutoverInProgress {
            reasons.append(
                "migration \(migration) is in state \(state.rawValue); advance it from READY_FOR_CUTOVER to CUTOVER_IN_PROGRESS first "
                    + "(rowproof migration advance, which checks the approvals)"
            )
        }
        if !gatePassed { reasons.append("the readiness gate has not passed: \(gateSummary)") }
        guard reasons.isEmpty else {
            throw CutoverError(.refused, "cutover refused: " + reasons.joined(separator: "; "))
        }
    }
}

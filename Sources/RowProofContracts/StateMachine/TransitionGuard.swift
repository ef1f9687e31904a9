/// A condition a transition needs before it may happen.
public enum TransitionGuard: Sendable, Hashable, CustomStringConvertible {
    /// An artifact of this kind is recorded (`artifact_present:<kind>`).
    case artifactPresent(String)
    /// A signed plan of this kind verifies (`plan_signed:<kind>`).
    case planSigned(SignedPlan.Kind)
    /// At least `count` people with `role` approved (`approvals:<role>x<N>`).
    case approvals(role: String, count: Int)
    /// The latest reconciliation passed the gate.
    case gatePassed
    /// The policy's parallel-run requirement is met.
    case parallelRunsPassed
    /// Nobody approved their own request.
    case requesterNotApprover
    /// The evidence pack is sealed and signed.
    case evidenceSealed
    /// A reason for the transition is recorded.
    case reasonRecorded

    /// The accepted forms, for error messages.
    static let forms =
        "artifact_present:<kind>, plan_signed:<plan kind>, approvals:<role>x<N>, gate_passed, "
        + "parallel_runs_passed, requester_not_approver, evidence_sealed or reason_recorded"

    /// Parses a guard as written in a definition; `nil` when it is not one of the forms.
    public init?(parsing text: String) {
        switch text {
        case "gate_passed": self = .gatePassed
        case "parallel_runs_passed": self = .parallelRunsPassed
        case "requester_not_approver": self = .requesterNotApprover
        case "evidence_sealed": self = .evidenceSealed
        case "reason_recorded": self = .reasonRecorded
        default:
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return nil }
            switch parts[0] {
            case "artifact_present" where ContractPattern.ruleID.matches(parts[1]):
                self = .artifactPresent(parts[1])
            case "plan_signed":
                guard let kind = SignedPlan.Kind(rawValue: parts[1]) else { return nil }
                self = .planSigned(kind)
            case "approvals":
                guard let x = parts[1].lastIndex(of: "x"),
                    case let role = String(parts[1][..<x]), ContractPattern.role.matches(role),
                    let count = Int(parts[1][parts[1].index(after: x)...]), (1...99).contains(count),
                    !parts[1][parts[1].index(after: x)...].hasPrefix("0")
                else { return nil }
                self = .approvals(role: role, count: count)
            default:
                return nil
            }
        }
    }

    /// The guard as written in a definition.
    public var description: String {
        switch self {
        case .artifactPresent(let kind): "artifact_present:\(kind)"
        case .planSigned(let kind): "plan_signed:\(kind.rawValue)"
        case .approvals(let role, let count): "approvals:\(role)x\(count)"
        case .gatePassed: "gate_passed"
        case .parallelRunsPassed: "parallel_runs_passed"
        case .requesterNotApprover: "requester_not_approver"
        case .evidenceSealed: "evidence_sealed"
        case .reasonRecorded: "reason_recorded"
        }
    }
}

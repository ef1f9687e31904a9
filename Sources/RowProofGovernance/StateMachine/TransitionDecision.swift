public import RowProofContracts

/// Whether one guard of a transition holds, and why not when it does not.
public enum GuardOutcome: Sendable, Equatable {
    /// The guard holds.
    case met
    /// The guard does not hold; the text says what is missing and what to do.
    case unmet(String)
}

/// A guard that does not hold, with the reason.
public struct UnmetGuard: Sendable, Equatable, CustomStringConvertible {
    /// The guard as written in the state machine (`approvals:data_ownerx1`).
    public var guardText: String
    /// What is missing and what to do.
    public var reason: String

    /// Creates an unmet guard.
    public init(guardText: String, reason: String) {
        self.guardText = guardText
        self.reason = reason
    }

    public var description: String { "\(guardText): \(reason)" }
}

/// What the state machine decides about a requested transition.
public enum TransitionDecision: Sendable, Equatable {
    /// Every guard holds; the transition may happen.
    case allowed(TransitionDefinition)
    /// No such transition from the current state; `allowed` lists the ones that exist.
    case invalid(from: String, to: String, allowed: [TransitionDefinition])
    /// The transition exists but these guards do not hold.
    case blocked(TransitionDefinition, unmet: [UnmetGuard])
}

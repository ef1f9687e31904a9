/// A governance operation that was refused or could not run, with what and where.
///
/// Refusals (``isRefusal``) are decisions: an invalid transition, an unmet guard, a self-approval,
/// a broken audit chain, a plan that does not verify. The other codes mean the operation could
/// not run at all (bad input, unreadable storage).
public struct GovernanceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The class of problem; extensible without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case invalidTransition, guardFailed, selfApproval, staleApproval, chainBroken, signature
            case notFound, badInput, storage
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The requested transition is not in the state machine.
        public static let invalidTransition = Self(.invalidTransition)
        /// The transition exists but one or more guards are not met.
        public static let guardFailed = Self(.guardFailed)
        /// The requester of a cutover tried to approve it.
        public static let selfApproval = Self(.selfApproval)
        /// An approval names an artifact version that is no longer the current one.
        public static let staleApproval = Self(.staleApproval)
        /// The audit chain does not verify.
        public static let chainBroken = Self(.chainBroken)
        /// A signed plan is unsigned, altered, or signed by an unknown key.
        public static let signature = Self(.signature)
        /// A migration, artifact or key that does not exist.
        public static let notFound = Self(.notFound)
        /// Input that cannot be used (a malformed name, date, file).
        public static let badInput = Self(.badInput)
        /// The registry or audit log could not be read or written.
        public static let storage = Self(.storage)

        public var description: String { base.rawValue }
    }

    /// The class of problem.
    public var code: Code
    /// What went wrong, naming the migration, state, artifact or entry.
    public var message: String
    /// What to do about it, when there is something to say.
    public var hint: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }

    /// Whether this is a decision to refuse (exit code 1) rather than a failure to run (exit code 2).
    public var isRefusal: Bool {
        [.invalidTransition, .guardFailed, .selfApproval, .staleApproval, .chainBroken, .signature].contains(code)
    }

    public var description: String {
        hint.map { "\(message)\nhint: \($0)" } ?? message
    }
}

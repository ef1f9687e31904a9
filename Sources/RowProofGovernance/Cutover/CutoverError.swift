/// Why a cutover or rollback was refused or could not run.
///
/// A step that fails during a cutover is not thrown: the cutover rolls back and its
/// ``CutoverReport`` says which step failed and why.
public struct CutoverError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable { case refused, badPlan, database, io }
        private let base: Base
        private init(_ base: Base) { self.base = base }
        /// The cutover may not start: wrong state, gate not passed, plan not signed or altered.
        public static let refused = Self(.refused)
        /// The plan cannot be used (not a cutover plan, wrong migration, invalid payload).
        public static let badPlan = Self(.badPlan)
        /// The target database could not be queried.
        public static let database = Self(.database)
        /// A file (routing config, report, journal) could not be read or written.
        public static let io = Self(.io)
        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong, naming the plan, step, state or file, and what to do.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Whether this is a refusal (exit 1) rather than a failure to run (exit 2).
    public var isRefusal: Bool { code == .refused }

    public var description: String { "\(code): \(message)" }
}

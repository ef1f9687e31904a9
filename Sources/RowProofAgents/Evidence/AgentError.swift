/// A failure of an agent, naming what was being read (table, column, file) and what to do.
public struct AgentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The class of failure; callers map ``Code/input`` and ``Code/source`` to exit code 2.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable { case input, source, unknownTable, output }
        private let base: Base
        private init(_ base: Base) { self.base = base }
        /// An input file (report, profile, policy, rulebook) is missing or not valid.
        public static let input = Self(.input)
        /// The source database could not be read.
        public static let source = Self(.source)
        /// A table named on the command line does not exist in the source.
        public static let unknownTable = Self(.unknownTable)
        /// An output file could not be written.
        public static let output = Self(.output)
        public var description: String {
            switch base {
            case .input: "input"
            case .source: "source"
            case .unknownTable: "unknown table"
            case .output: "output"
            }
        }
    }

    /// The class of failure.
    public var code: Code
    /// What went wrong and what to do about it.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

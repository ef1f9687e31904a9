/// An error from comparing two row streams: bad input order, malformed rows or a bad policy.
///
/// `message` names what went wrong and where (side, position, key, column) and what to do.
public struct CompareError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure; new codes may be added.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable {
            case unsortedInput, malformedRow, columnCountMismatch, hashMismatch, invalidConfiguration
            case invalidAggregate
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A stream delivered a key smaller than its predecessor.
        public static let unsortedInput = Self(.unsortedInput)
        /// A row's canonical bytes cannot be split into value encodings.
        public static let malformedRow = Self(.malformedRow)
        /// A row has a different number of columns than the column plan.
        public static let columnCountMismatch = Self(.columnCountMismatch)
        /// Two rows have different hashes but identical bytes: a hash was not computed from its row.
        public static let hashMismatch = Self(.hashMismatch)
        /// A differ, tolerance or severity setting is out of range.
        public static let invalidConfiguration = Self(.invalidConfiguration)
        /// A stored aggregate cannot be decoded or merged.
        public static let invalidAggregate = Self(.invalidAggregate)

        /// The code's name, as written in messages and reports.
        public var description: String { String(describing: base) }
    }

    /// What went wrong.
    public var code: Code
    /// A sentence naming where it went wrong and what to do.
    public var message: String
    /// The stream the error was found in, when it concerns one side.
    public var side: DiffSide?
    /// The 0-based position of the offending row in that stream, when known.
    public var position: Int?

    /// Creates an error.
    public init(_ code: Code, _ message: String, side: DiffSide? = nil, position: Int? = nil) {
        self.code = code
        self.message = message
        self.side = side
        self.position = position
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}

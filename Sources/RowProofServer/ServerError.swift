/// A server-side failure: bad configuration, a job that cannot be found or changed, storage.
public struct ServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable { case configuration, notFound, conflict, storage }
        private let base: Base
        private init(_ base: Base) { self.base = base }
        /// The server's options or files are wrong.
        public static let configuration = Self(.configuration)
        /// No such job.
        public static let notFound = Self(.notFound)
        /// The job is in a state that does not allow the request.
        public static let conflict = Self(.conflict)
        /// The job registry could not be read or written.
        public static let storage = Self(.storage)
        /// The code's name.
        public var description: String { String(describing: base) }
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong and what to do.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}

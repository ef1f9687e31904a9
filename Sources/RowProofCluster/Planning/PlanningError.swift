/// A job that cannot be planned: a column that does not exist on one side, types that cannot be
/// compared, a key that cannot be a key. Raised before any data is read.
public struct PlanningError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, naming the table and column.
    public var message: String
    /// What to do about it.
    public var hint: String?

    /// Creates an error.
    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    public var description: String { hint.map { "\(message)\nhint: \($0)" } ?? message }
}

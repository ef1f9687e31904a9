/// What the differ needs to know about a table: its column plan, how many differences of each
/// kind to keep in the summary, and the tolerance policy.
public struct DiffConfiguration: Sendable, Hashable {
    /// The column plan's names, in the order the canonical row bytes hold the values.
    public var columnNames: [String]
    /// How many differences of each kind the summary keeps (the first ones in key order); the
    /// sink still receives all of them.
    public var sampleLimit: Int
    /// The tolerances applied to changed values, row counts and the changed-row ratio.
    public var tolerance: TolerancePolicy

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - columnNames: The column plan's names, in row order.
    ///   - sampleLimit: Differences of each kind kept in the summary; 100 by default.
    ///   - tolerance: The tolerance policy; exact comparison by default.
    public init(columnNames: [String], sampleLimit: Int = 100, tolerance: TolerancePolicy = .exact) {
        self.columnNames = columnNames
        self.sampleLimit = sampleLimit
        self.tolerance = tolerance
    }
}

/// A ``DifferenceSink`` that calls a closure.
public struct ClosureDifferenceSink: DifferenceSink {
    private let body: (RowDifference) throws -> Void

    /// Creates a sink calling `body` for each difference.
    public init(_ body: @escaping (RowDifference) throws -> Void) {
        self.body = body
    }

    /// Calls the closure.
    public func receive(_ difference: RowDifference) throws {
        try body(difference)
    }
}

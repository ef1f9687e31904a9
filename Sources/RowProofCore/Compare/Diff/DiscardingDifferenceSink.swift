/// A ``DifferenceSink`` that drops everything, for callers that only need the summary.
public struct DiscardingDifferenceSink: DifferenceSink {
    /// Creates the sink.
    public init() {}

    /// Does nothing.
    public func receive(_ difference: RowDifference) {}
}

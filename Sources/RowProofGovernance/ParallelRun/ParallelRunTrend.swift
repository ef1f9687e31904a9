/// Where the differences of a parallel run are heading.
///
/// The latest run's differences are compared with the mean of the (up to) three runs before it;
/// runs that could not produce a report are left out.
public enum ParallelRunTrend: String, Codable, Sendable, Equatable {
    /// Fewer differences than before.
    case improving
    /// As many differences as before.
    case stable
    /// More differences than before.
    case worsening
    /// Fewer than two runs produced a report.
    case notEnoughRuns = "not_enough_runs"

    /// The trend of `differences`, one value per run (`nil` for a run without a report).
    public init(differences: [Int?]) {
        let known = differences.compactMap { $0 }
        guard let latest = known.last, known.count >= 2 else {
            self = .notEnoughRuns
            return
        }
        let window = known.dropLast().suffix(3)
        let mean = Double(window.reduce(0, +)) / Double(window.count)
        if Double(latest) < mean {
            self = .improving
        } else if Double(latest) > mean {
            self = .worsening
        } else {
            self = .stable
        }
    }
}

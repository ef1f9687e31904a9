/// The outcome of a comparison: pass, or fail because a finding reached the fail threshold.
public enum Verdict: String, Sendable, Hashable, Codable, CustomStringConvertible {
    /// No finding reached the threshold.
    case pass
    /// At least one finding reached the threshold.
    case fail

    /// Fails when `highest` is at or above `failThreshold` (default ``Severity/error``);
    /// passes when there is no finding at all (`highest == nil`).
    public init(highest: Severity?, failThreshold: Severity = .error) {
        if let highest, highest >= failThreshold {
            self = .fail
        } else {
            self = .pass
        }
    }

    /// `pass` or `fail`.
    public var description: String { rawValue }
}

/// How much a finding matters, from `info` (recorded, never blocks) to `critical`.
///
/// Ordered `info < warning < error < critical`; encoded as the lowercase name.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// Recorded for the report; never fails a comparison on its own with the default threshold.
    case info
    /// Worth a look; does not fail with the default threshold.
    case warning
    /// Fails the comparison with the default threshold.
    case error
    /// Data was lost, invented or duplicated.
    case critical

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        case .critical: 3
        }
    }

    /// Orders by rank: `info < warning < error < critical`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// The lowercase name.
    public var description: String { rawValue }
}

/// How serious a difference or a result is, from `info` to `critical`.
public enum Severity: String, ContractEnum, Comparable {
    /// Worth knowing; never fails a gate.
    case info
    /// Needs a look; fails a gate only when the policy says so.
    case warning
    /// A difference beyond tolerance.
    case error
    /// Data lost, added or duplicated.
    case critical

    /// Orders by seriousness: `info < warning < error < critical`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The outcome of a reconciliation, of a table or of the whole job.
public enum Verdict: String, ContractEnum {
    /// Everything within tolerance.
    case pass
    /// Differences beyond tolerance.
    case fail
    /// The job could not run.
    case error

    /// The process exit code: 0 pass, 1 fail, 2 error.
    public var exitCode: Int {
        switch self {
        case .pass: 0
        case .fail: 1
        case .error: 2
        }
    }
}

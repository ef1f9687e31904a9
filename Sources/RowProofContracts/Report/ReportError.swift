/// Why a job, or part of it, could not run.
public struct ReportError: ContractModel {
    /// The phase that failed.
    public var phase: String
    /// The table concerned, if any.
    public var table: String?
    /// What went wrong and what to do.
    public var message: String

    /// Creates an error entry.
    public init(phase: String, table: String? = nil, message: String) {
        self.phase = phase
        self.table = table
        self.message = message
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["phase"].checkNotEmpty(phase)
        try path["message"].checkNotEmpty(message)
    }
}

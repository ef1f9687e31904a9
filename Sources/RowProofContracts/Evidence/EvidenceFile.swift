/// One file of an evidence pack.
public struct EvidenceFile: ContractModel {
    /// What a file holds.
    public enum Kind: String, ContractEnum {
        /// A reconciliation report (JSON).
        case reconReport = "recon_report"
        /// A report rendered as Markdown.
        case reportMarkdown = "report_markdown"
        /// A report rendered as HTML.
        case reportHTML = "report_html"
        /// A reconciliation job.
        case reconJob = "recon_job"
        /// A policy.
        case policy
        /// A type-coercion rulebook.
        case rulebook
        /// A signed plan.
        case signedPlan = "signed_plan"
        /// An agent's output.
        case agentOutput = "agent_output"
        /// The audit chain export.
        case auditLog = "audit_log"
        /// The state history of the migration.
        case stateHistory = "state_history"
        /// A recorded approval.
        case approval
        /// A runbook.
        case runbook
        /// Anything else.
        case other
    }

    /// Path inside the pack (relative, `/` separators, no `..`).
    public var path: String
    /// SHA-256 of the file's bytes.
    public var sha256: String
    /// Size in bytes.
    public var bytes: Int
    /// What the file holds.
    public var kind: Kind

    /// Creates a file entry.
    public init(path: String, sha256: String, bytes: Int, kind: Kind) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
        self.kind = kind
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["path"].check(self.path, matches: .relativePath)
        try path["sha256"].check(sha256, matches: .sha256)
        try path["bytes"].check(bytes, atLeast: 0)
    }
}

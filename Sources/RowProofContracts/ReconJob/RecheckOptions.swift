/// Re-reading the rows that differ after a delay, to tell replication lag from real differences.
public struct RecheckOptions: ContractModel {
    /// Whether differing rows are re-read.
    public var enabled: Bool
    /// Seconds to wait before re-reading (0 ... 86400).
    public var delaySeconds: Int?

    /// Creates recheck options.
    public init(enabled: Bool, delaySeconds: Int? = nil) {
        self.enabled = enabled
        self.delaySeconds = delaySeconds
    }

    enum CodingKeys: String, CodingKey {
        case enabled
        case delaySeconds = "delay_seconds"
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        if let delaySeconds { try path["delay_seconds"].check(delaySeconds, in: 0...86_400) }
    }
}

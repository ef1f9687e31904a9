/// What re-reading a table's differing chunks after a delay showed (live migrations).
public struct RecheckSummary: ContractModel {
    /// Seconds waited before the re-check.
    public var delaySeconds: Double
    /// Chunks read again.
    public var chunks: Int
    /// Differences of the first read that were gone on the re-check (net count): in flight.
    public var inFlight: Int
    /// Differences still present on the re-check.
    public var persistent: Int
    /// Keys of sampled differences that were gone on the re-check.
    public var inFlightKeys: [[String: JSONValue]]

    /// Creates a summary.
    public init(delaySeconds: Double, chunks: Int, inFlight: Int, persistent: Int, inFlightKeys: [[String: JSONValue]])
    {
        self.delaySeconds = delaySeconds
        self.chunks = chunks
        self.inFlight = inFlight
        self.persistent = persistent
        self.inFlightKeys = inFlightKeys
    }

    enum CodingKeys: String, CodingKey {
        case delaySeconds = "delay_seconds"
        case chunks
        case inFlight = "in_flight"
        case persistent
        case inFlightKeys = "in_flight_keys"
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["delay_seconds"].check(delaySeconds, atLeast: 0)
        try path["chunks"].check(chunks, atLeast: 0)
        try path["in_flight"].check(inFlight, atLeast: 0)
        try path["persistent"].check(persistent, atLeast: 0)
    }
}

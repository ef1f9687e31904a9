/// Upper bounds on what a frame may carry. Anything larger is refused before it is allocated.
public struct WireLimits: Sendable, Equatable {
    /// The largest frame accepted at all (also set as the sockets' `ZMQ_MAXMSGSIZE`).
    public var maximumFrameBytes: Int
    /// The largest string field (worker ids, error messages).
    public var maximumStringBytes: Int
    /// The largest signed chunk plan.
    public var maximumPlanBytes: Int
    /// The largest decompressed chunk result.
    public var maximumResultBytes: Int
    /// The most lease ids one heartbeat may list.
    public var maximumLeaseIDs: Int

    /// Creates limits; the defaults suit chunks of a few million rows with capped differences.
    public init(
        maximumFrameBytes: Int = 64 << 20,
        maximumStringBytes: Int = 64 << 10,
        maximumPlanBytes: Int = 4 << 20,
        maximumResultBytes: Int = 256 << 20,
        maximumLeaseIDs: Int = 1024
    ) {
        self.maximumFrameBytes = maximumFrameBytes
        self.maximumStringBytes = maximumStringBytes
        self.maximumPlanBytes = maximumPlanBytes
        self.maximumResultBytes = maximumResultBytes
        self.maximumLeaseIDs = maximumLeaseIDs
    }

    /// The defaults.
    public static let standard = WireLimits()
}

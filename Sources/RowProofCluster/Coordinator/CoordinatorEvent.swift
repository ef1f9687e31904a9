/// What the coordinator's loop reacts to.
enum CoordinatorEvent: Sendable {
    /// A multipart message from a worker: identity frame, then the message frame.
    case frames([[UInt8]])
    /// The clock advanced.
    case tick
    /// A load probe of the source answered.
    case load(SourceLoad)
}

/// Which of the two compared streams something belongs to.
public enum DiffSide: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// The migration's source (the data as it was).
    case source
    /// The migration's target (the data as it arrived).
    case target

    /// `source` or `target`.
    public var description: String { rawValue }
}

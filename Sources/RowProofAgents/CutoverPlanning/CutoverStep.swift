/// One step of a cutover, with its time estimate and how to undo it.
public struct CutoverStep: Sendable, Equatable {
    /// Position in the runbook, from 1.
    public var number: Int
    /// What to do.
    public var title: String
    /// Commands or checks, one per line.
    public var commands: [String]
    /// Estimated seconds.
    public var estimatedSeconds: Double
    /// How to undo the step.
    public var rollback: String

    /// Creates a step.
    public init(
        number: Int,
        title: String,
        commands: [String],
        estimatedSeconds: Double,
        rollback: String
    ) {
        self.number = number
        self.title = title
        self.commands = commands
        self.estimatedSeconds = estimatedSeconds
        self.rollback = rollback
    }
}

public import Foundation

/// The time source of a parallel run, injectable so a 14-day sequence runs in a test in seconds.
public protocol ParallelRunClock: Sendable {
    /// The current time.
    func now() -> Date
    /// Returns at `deadline` (immediately if it has passed); throws when cancelled.
    func sleep(until deadline: Date) async throws
}

/// The wall clock.
public struct SystemParallelRunClock: ParallelRunClock {
    /// Creates the wall clock.
    public init() {}

    public func now() -> Date { Date() }

    public func sleep(until deadline: Date) async throws {
        let seconds = deadline.timeIntervalSinceNow
        if seconds > 0 { try await Task.sleep(for: .seconds(seconds)) }
    }
}

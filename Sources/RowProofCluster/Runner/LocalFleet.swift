public import Foundation
import Synchronization

/// Worker processes started on this machine for one job (`rowproof worker …`), stopped with it.
public final class LocalFleet: Sendable {
    private let processes: [Process]
    private let logDirectory: URL?
    /// The process ids of every local worker started and not yet stopped, in this process.
    private static let running = Mutex<Set<Int32>>([])

    /// Sends SIGTERM to every local worker this process started and has not stopped: for a
    /// command that is interrupted and exits at once, so no worker outlives it.
    public static func terminateAll() {
        for pid in running.withLock({ $0 }) { kill(pid, SIGTERM) }
    }

    /// Starts `count` workers running `executable` with `arguments(index)`.
    ///
    /// - Throws: when a process cannot be started (the executable is missing or not runnable).
    public init(count: Int, executable: URL, arguments: (Int) -> [String], logDirectory: URL?) throws {
        var started: [Process] = []
        for index in 0..<count {
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments(index)
            if let logDirectory {
                let log = logDirectory.appendingPathComponent("worker-\(index + 1).log")
                _ = FileManager.default.createFile(atPath: log.path, contents: nil)
                let handle = try FileHandle(forWritingTo: log)
                process.standardOutput = handle
                process.standardError = handle
            } else {
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
            }
            try process.run()
            started.append(process)
            _ = Self.running.withLock { $0.insert(process.processIdentifier) }
        }
        processes = started
        self.logDirectory = logDirectory
    }

    /// The workers' process ids.
    public var processIdentifiers: [Int32] { processes.map(\.processIdentifier) }

    /// When every worker has exited, says so with their exit statuses; `nil` while any runs.
    public func allExited() -> String? {
        guard !processes.isEmpty, processes.allSatisfy({ !$0.isRunning }) else { return nil }
        let statuses = processes.map { process in
            process.terminationReason == .uncaughtSignal
                ? "killed by signal \(process.terminationStatus)" : "exit \(process.terminationStatus)"
        }
        let logs = logDirectory.map { "see the worker logs in \($0.path)" } ?? "see the workers' standard error"
        return "every local worker has exited (\(statuses.joined(separator: ", "))); \(logs)"
    }

    /// Waits up to `seconds` for the workers to exit on their own, then terminates the rest.
    public func stop(waitingUpTo seconds: Double = 3) {
        let deadline = Date().addingTimeInterval(seconds)
        while processes.contains(where: \.isRunning) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        for process in processes where process.isRunning { process.terminate() }
        // A worker that ignores SIGTERM (signal masks can be inherited) is killed after 2 s.
        let killDeadline = Date().addingTimeInterval(2)
        while processes.contains(where: \.isRunning) && Date() < killDeadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        for process in processes where process.isRunning { kill(process.processIdentifier, SIGKILL) }
        for process in processes { process.waitUntilExit() }
        Self.running.withLock { running in
            for process in processes { running.remove(process.processIdentifier) }
        }
    }
}

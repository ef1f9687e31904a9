import Dispatch
import Foundation
import RowProofCluster

/// Ends a run that is interrupted (SIGINT, SIGTERM) the documented way: the local workers are
/// stopped, the reason and how to resume are printed, and the exit code is 2 ("the job could not
/// run"). The job store already holds every accepted chunk, so the same command resumes.
enum Interruption {
    /// Kept alive for the life of the process.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// Installs the handlers; `before` runs first (to end a progress line).
    static func install(before: @escaping @Sendable () -> Void = {}) {
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            // A signal ignored when the process started (a background job of a script) stays ignored.
            if let previous = signal(number, SIG_IGN), unsafeBitCast(previous, to: Int.self) == 1 { continue }
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                before()
                LocalFleet.terminateAll()
                FileHandle.standardError.write(
                    Data(
                        ("rowproof: interrupted by \(name); no report was written. The job store keeps the "
                            + "finished chunks: run the same command again to resume.\n").utf8
                    )
                )
                exit(2)
            }
            source.resume()
            sources.append(source)
        }
    }
}

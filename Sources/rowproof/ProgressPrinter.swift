import Foundation
import RowProofCluster
import Synchronization

/// Shows job progress on standard error: a redrawn bar with rows/s and ETA on a terminal, one
/// plain line every few seconds otherwise (CI logs), and the line of completion once.
///
/// Lines already printed on standard output are flushed first, so a log that captures both
/// streams shows them in the order they were written.
final class ProgressPrinter: Sendable {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    /// When the last plain line was written, and the chunk count it gave as complete, if it did.
    private let lastPlainLine = Mutex<(date: Date, completeAt: Int?)>((.distantPast, nil))
    private let drawn = Atomic<Bool>(false)

    func update(_ progress: JobProgress) {
        let rate = progress.rowsPerSecond
        let total = max(progress.rowsEstimated, progress.rowsDone)
        let fraction = progress.chunksTotal > 0 ? Double(progress.chunksDone) / Double(progress.chunksTotal) : 1
        let remaining = rate > 0 && total > progress.rowsDone ? Double(total - progress.rowsDone) / rate : 0
        let status =
            "\(progress.chunksDone)/\(progress.chunksTotal) chunks, \(Self.count(progress.rowsDone)) rows, "
            + "\(Self.count(Int(rate)))/s, \(progress.workers) workers, ETA \(Self.duration(remaining))"
        fflush(nil)
        if isTerminal {
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(bar) \(Int(fraction * 100))% \(status)".utf8))
            drawn.store(true, ordering: .relaxed)
        } else {
            let complete = progress.chunksDone == progress.chunksTotal
            let due = lastPlainLine.withLock { last -> Bool in
                // Every change to complete is shown at once, each only once.
                let news = complete && last.completeAt != progress.chunksDone
                guard news || Date().timeIntervalSince(last.date) >= 5 else { return false }
                last = (Date(), complete ? progress.chunksDone : nil)
                return true
            }
            if due { FileHandle.standardError.write(Data("progress: \(Int(fraction * 100))% \(status)\n".utf8)) }
        }
    }

    /// Ends the progress line.
    func finish() {
        if isTerminal, drawn.load(ordering: .relaxed) { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    static func count(_ value: Int) -> String {
        switch value {
        case 10_000_000...: String(format: "%.1fM", Double(value) / 1_000_000)
        case 10_000...: String(format: "%.1fk", Double(value) / 1_000)
        default: "\(value)"
        }
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}

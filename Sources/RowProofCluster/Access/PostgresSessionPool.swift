import Foundation
import RowProofSources

/// Postgres sessions a worker keeps open from one chunk of a job to the next.
///
/// Opening a session per chunk costs a connection, a server process, its settings, the
/// snapshot import and the table's catalog lookups, every time, on the server being read. A
/// session that finished a chunk cleanly goes back here, still inside the job's snapshot
/// transaction, and the next chunk of the same job, database and snapshot takes it.
///
/// Sessions never cross jobs: asking for another job's session closes the idle ones of every
/// other job. An idle session is closed after ``idleLimit`` so it does not hold the snapshot
/// (and the server's vacuum horizon) once the job is over.
///
/// `@unchecked Sendable`: `idle` and `sweeper` are only touched while `lock` is held, and a
/// session in the pool is used by no thread; the one that takes it owns it.
final class PostgresSessionPool: @unchecked Sendable {
    /// What a session may be reused for.
    struct Key: Hashable {
        var jobID: String
        var location: String
        var snapshot: String?
    }

    private struct Entry {
        var key: Key
        var session: PostgresSession
        var since: ContinuousClock.Instant
    }

    /// The worker process's pool.
    static let shared = PostgresSessionPool(idleLimit: .seconds(5), capacity: 8)

    /// How long a session may stay idle before it is closed.
    let idleLimit: Duration
    private let capacity: Int
    private let lock = NSLock()
    private var idle: [Entry] = []
    private var sweeper: (any DispatchSourceTimer)?

    init(idleLimit: Duration, capacity: Int) {
        self.idleLimit = idleLimit
        self.capacity = capacity
    }

    /// An idle session for `key`, or `nil`; idle sessions of other jobs are closed.
    func take(_ key: Key) -> PostgresSession? {
        var closing: [Entry] = []
        defer { closing.removeAll() }  // closed outside the lock
        lock.lock()
        defer { lock.unlock() }
        closing = idle.filter { $0.key.jobID != key.jobID }
        idle.removeAll { $0.key.jobID != key.jobID }
        guard let index = idle.lastIndex(where: { $0.key == key }) else { return nil }
        return idle.remove(at: index).session
    }

    /// Keeps `session`, which finished its work cleanly and is idle, for the next chunk of `key`.
    func give(_ session: PostgresSession, for key: Key) {
        var closing: [Entry] = []
        defer { closing.removeAll() }
        lock.lock()
        defer { lock.unlock() }
        idle.append(Entry(key: key, session: session, since: .now))
        if idle.count > capacity { closing.append(idle.removeFirst()) }
        if sweeper == nil { startSweeper() }
    }

    /// Every second, closes sessions idle past the limit; stops once the pool is empty. Called
    /// with `lock` held.
    private func startSweeper() {
        let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + .seconds(1), repeating: .seconds(1))
        timer.setEventHandler { [self] in sweep() }
        sweeper = timer
        timer.resume()
    }

    private func sweep() {
        var closing: [Entry] = []
        defer { closing.removeAll() }
        lock.lock()
        defer { lock.unlock() }
        let now = ContinuousClock.now
        closing = idle.filter { now - $0.since >= idleLimit }
        idle.removeAll { now - $0.since >= idleLimit }
        if idle.isEmpty {
            sweeper?.cancel()
            sweeper = nil
        }
    }
}

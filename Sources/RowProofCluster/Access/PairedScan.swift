public import RowProofSources

/// Both sides of one keyed chunk read from Postgres on the comparing thread, over sessions the
/// worker keeps from chunk to chunk (``PostgresSessionPool``).
///
/// Once both COPYs were read to their end, ``finish()`` gives the sessions back for the job's
/// next chunk; a pair dropped before that (a failure, a stopped chunk) cancels its COPYs and
/// closes its sessions.
///
/// Not `Sendable`: it belongs to the thread that compares the chunk.
public final class PairedScan {
    private let rows: PostgresRowPair
    private var sessions: [(session: PostgresSession, key: PostgresSessionPool.Key)]

    init(rows: PostgresRowPair, sessions: [(session: PostgresSession, key: PostgresSessionPool.Key)]) {
        self.rows = rows
        self.sessions = sessions
    }

    /// The source side's rows.
    public var sourceRows: PostgresRowPair.Side { rows.sourceRows }

    /// The target side's rows.
    public var targetRows: PostgresRowPair.Side { rows.targetRows }

    /// Gives the sessions back for the job's next chunk, if both sides were read to the end.
    public func finish() {
        guard rows.isComplete else { return }
        for entry in sessions { PostgresSessionPool.shared.give(entry.session, for: entry.key) }
        sessions.removeAll()
    }
}

/// Owns a running COPY on behalf of a ``PostgresRowStream``: if the stream is dropped before the
/// end, `deinit` cancels the COPY so the session's connection stays usable.
///
/// A class so that copies of the stream share one guard; not touched per row beyond reading
/// its `connection`.
final class PostgresCopyGuard {
    let connection: PostgresConnection
    var isDone = false
    var failure: SourceError?

    init(connection: PostgresConnection) {
        self.connection = connection
    }

    deinit {
        if !isDone { connection.cancelCopy() }
    }
}

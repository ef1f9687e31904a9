internal import CLibPQ

extension PostgresConnection {
    /// Starts `COPY … TO STDOUT` with text parameters; rows follow through ``nextCopyMessage()``.
    func startCopyOut(_ sql: String, _ parameters: [String?]) throws(SourceError) {
        let result = try execute(sql, parameters, expecting: [PGRES_COPY_OUT])
        PQclear(result)
        isCopying = true
    }

    /// The next COPY data message (one row, the first also carrying the header); `nil` once the
    /// COPY completed successfully.
    ///
    /// - Throws: ``SourceError/Kind/interrupted`` when the connection breaks, or the server's error
    ///   when the COPY fails part way; either way the rows read so far must be discarded.
    ///
    /// A message libpq already received is copied into the connection's copy buffer and lent
    /// out (valid until the next read on this connection); only when none is waiting does the
    /// read block in `PQgetCopyData`, which hands over a buffer of its own.
    @inline(__always)
    func nextCopyMessage() throws(SourceError) -> PostgresCopyMessage? {
        if let start = copyBufferStart {
            let length = PQgetlineAsync(handle, start, Int32.max)
            if length > 0 { return PostgresCopyMessage(lending: start, count: Int(length)) }
            if length < 0 {
                // CopyDone, or an error or a broken connection: the final result says which.
                isCopying = false
                try finishCommand()
                return nil
            }
        }
        var buffer: UnsafeMutablePointer<CChar>? = nil
        let length = PQgetCopyData(handle, &buffer, 0)
        if length > 0, let buffer { return PostgresCopyMessage(taking: buffer, count: Int(length)) }
        isCopying = false
        if length == -1 {
            try finishCommand()
            return nil
        }
        let error = resultError(nil, doing: "COPY")
        drainResults()
        throw PQstatus(handle) == CONNECTION_OK
            ? error
            : SourceError(
                .interrupted,
                "reading from \(redactedTarget) failed: the connection was lost (\(Self.message(PQerrorMessage(handle))))",
                hint: "retrying the chunk on a new connection is safe; nothing of it was kept"
            )
    }

    /// Cancels a running COPY and discards what is still in flight, leaving the connection usable.
    func cancelCopy() {
        guard isCopying else { return }
        isCopying = false
        if let cancel = PQgetCancel(handle) {
            var errorBuffer = [CChar](repeating: 0, count: 256)
            _ = PQcancel(cancel, &errorBuffer, Int32(errorBuffer.count))
            PQfreeCancel(cancel)
        }
        var buffer: UnsafeMutablePointer<CChar>? = nil
        while true {
            let length = PQgetCopyData(handle, &buffer, 0)
            if let pointer = buffer { PQfreemem(pointer); buffer = nil }
            if length < 0 { break }
        }
        drainResults()
    }

    /// Reads the COPY's final result; throws its error if the server reported one.
    private func finishCommand() throws(SourceError) {
        var failure: SourceError? = nil
        while let result = PQgetResult(handle) {
            if failure == nil, PQresultStatus(result) != PGRES_COMMAND_OK {
                failure = resultError(result, doing: "COPY")
            }
            PQclear(result)
        }
        if let failure { throw failure }
        if PQstatus(handle) != CONNECTION_OK {
            throw SourceError(
                .interrupted,
                "reading from \(redactedTarget) failed: the connection was lost at the end of the COPY",
                hint: "retrying the chunk on a new connection is safe; nothing of it was kept"
            )
        }
    }

    private func drainResults() {
        while let result = PQgetResult(handle) { PQclear(result) }
    }
}

extension RowEncoder {
    /// Encodes one row through a ``RowWriter`` and returns its row hash.
    ///
    /// Starts a new row (as ``reset()``), lets `body` append the row's values in column-plan
    /// order, and returns ``finish()``. The bytes stay available until the next row. This is
    /// the per-row hot path of the sources: the buffer's ownership is checked once here, not
    /// once per value.
    ///
    /// ```swift
    /// let hash = try encoder.encodeRow { (row) throws(CanonicalError) in
    ///     row.appendInteger(42)
    ///     try row.appendText(utf8: name)
    /// }
    /// ```
    /// - Throws: Whatever `body` throws; the row is then incomplete.
    @inlinable
    public mutating func encodeRow<E: Error>(_ body: (inout RowWriter) throws(E) -> Void) throws(E) -> UInt64 {
        reset()
        try withRowWriter(body)
        return finish()
    }

    /// Appends values through a ``RowWriter`` (after those already written, without starting a
    /// new row).
    ///
    /// - Throws: Whatever `body` throws.
    @inlinable
    public mutating func withRowWriter<E: Error>(_ body: (inout RowWriter) throws(E) -> Void) throws(E) {
        buffer.makeUnique()
        try withUnsafeMutablePointer(to: &self) { (encoder) throws(E) -> Void in
            var writer = RowWriter(encoder: encoder)
            try body(&writer)
        }
    }
}

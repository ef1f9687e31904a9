public import RowProofCore

/// Both sides of one chunk, two binary COPY streams from Postgres, read on the calling thread
/// for a merge-join that asks for source and target rows in key order.
///
/// When a target tuple arrives with exactly the bytes of the last source tuple, and both sides
/// decode their columns the same way, the target row is the source row: it is copied from the
/// source's encoders instead of being decoded, encoded and hashed a second time. In a migration
/// check nearly every row matches, so this about halves the work of reading. Decoding is a pure
/// function of a column's decoder and its bytes, so taking the shortcut cannot change a row,
/// a hash or a result; sides whose decoders differ (`text` against `char(n)`, `int4` against
/// `int8`) never take it.
///
/// Not `Sendable`: the two connections are used by the one thread that reads the pair.
public final class PostgresRowPair {
    /// One side's rows, in key order, as a ``RowStream`` for the merge-join.
    public struct Side: RowStream {
        let pair: PostgresRowPair
        let isSource: Bool

        public mutating func next() throws(SourceError) -> CanonicalRow? {
            var row = CanonicalRow(key: [], bytes: [], hash: 0)
            return try next(into: &row) ? row : nil
        }

        @inline(__always)
        public mutating func next(into row: inout CanonicalRow) throws(SourceError) -> Bool {
            isSource ? try pair.nextSource(into: &row) : try pair.nextTarget(into: &row)
        }
    }

    @exclusivity(unchecked) private var source: PostgresRowStream
    @exclusivity(unchecked) private var target: PostgresRowStream
    /// Each side's column layout, held apart from the streams so that decoding a row (which
    /// mutates a stream) borrows it instead of retaining its arrays.
    private let sourceLayout: PostgresRowStream.Layout
    private let targetLayout: PostgresRowStream.Layout
    /// Each side's connection, held apart for the same reason: reading a message borrows it.
    private let sourceConnection: PostgresConnection
    private let targetConnection: PostgresConnection
    /// The source's last tuple, whose decoding its encoders still hold (empty when they do not).
    @exclusivity(unchecked) private var lastSource = PostgresCopyMessage()
    @exclusivity(unchecked) private var lastSourceHash: UInt64 = 0
    /// Whether both sides read the same fields with the same decoders, so equal bytes mean equal rows.
    public let sharesDecoding: Bool
    /// How many target rows were taken from the source's decoding of the same bytes.
    @exclusivity(unchecked) public private(set) var sharedRows = 0

    /// Pairs two running scans (``PostgresSession/scan(_:)``), one per side, on different sessions.
    public init(source: PostgresRowStream, target: PostgresRowStream) {
        self.source = source
        self.target = target
        sourceLayout = source.layout
        targetLayout = target.layout
        sourceConnection = source.copy.connection
        targetConnection = target.copy.connection
        sharesDecoding = sourceLayout == targetLayout
    }

    /// The source side's rows.
    public var sourceRows: Side { Side(pair: self, isSource: true) }

    /// The target side's rows.
    public var targetRows: Side { Side(pair: self, isSource: false) }

    /// Whether both COPYs were read to their end without an error, so the sessions are idle.
    public var isComplete: Bool { source.isComplete && target.isComplete }

    @inline(__always)
    func nextSource(into row: inout CanonicalRow) throws(SourceError) -> Bool {
        try source.checkReadable()
        if source.copy.isDone { return false }
        lastSource = PostgresCopyMessage()  // the encoders are about to change
        do {
            guard let message = try source.nextTupleMessage(from: sourceConnection) else { return false }
            lastSourceHash = try source.decode(message, layout: sourceLayout)
            source.copyEncoded(into: &row, hash: lastSourceHash)
            lastSource = message
            return true
        } catch {
            throw source.fail(error)
        }
    }

    @inline(__always)
    func nextTarget(into row: inout CanonicalRow) throws(SourceError) -> Bool {
        try target.checkReadable()
        if target.copy.isDone { return false }
        do {
            guard let message = try target.nextTupleMessage(from: targetConnection) else { return false }
            if sharesDecoding && message.hasSameTuple(as: lastSource) {
                source.copyEncoded(into: &row, hash: lastSourceHash)
                sharedRows += 1
                return true
            }
            let hash = try target.decode(message, layout: targetLayout)
            target.copyEncoded(into: &row, hash: hash)
            return true
        } catch {
            throw target.fail(error)
        }
    }
}

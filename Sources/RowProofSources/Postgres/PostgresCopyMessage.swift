internal import CLibPQ
import Foundation

/// One COPY data message: either handed over by libpq and owned (its buffer is freed when the
/// message goes away, so a reader may keep it beyond the next read), or lent from the
/// connection's ``PostgresCopyBuffer`` (valid until the next read on the same connection).
struct PostgresCopyMessage: ~Copyable {
    /// The libpq buffer this message owns, if it owns one.
    private let start: UnsafeMutablePointer<CChar>?
    /// The message's bytes.
    let bytes: UnsafeRawBufferPointer
    /// Where the tuple starts: past the binary COPY header in the stream's first message, else 0.
    var tupleStart = 0

    /// Takes ownership of a buffer `PQgetCopyData` returned.
    init(taking start: UnsafeMutablePointer<CChar>, count: Int) {
        self.start = start
        self.bytes = UnsafeRawBufferPointer(start: start, count: count)
    }

    /// Lends `count` bytes at `start` in a connection's copy buffer; nothing is freed.
    init(lending start: UnsafeMutablePointer<CChar>, count: Int) {
        self.start = nil
        self.bytes = UnsafeRawBufferPointer(start: start, count: count)
    }

    /// No message: holds no buffer, and its tuple equals no message's.
    init() {
        start = nil
        bytes = UnsafeRawBufferPointer(start: nil, count: 0)
    }

    deinit { if let start { PQfreemem(start) } }

    /// Whether this is no message (``init()``).
    var isEmpty: Bool { bytes.baseAddress == nil }

    /// The tuple: the message without the header.
    var tuple: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[tupleStart...]) }

    /// Whether this message's tuple has the same bytes as `other`'s.
    func hasSameTuple(as other: borrowing PostgresCopyMessage) -> Bool {
        guard !isEmpty, !other.isEmpty else { return false }
        let a = tuple
        let b = other.tuple
        return a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }
}

import RowProofCrypto

/// One value in its canonical encoding (type tag and payload), kept without decoding.
///
/// Aggregates hold their minimum and maximum this way so the per-row path never builds a
/// ``CanonicalValue``; ``value()`` decodes on demand. Encoded as `{"tag": 2, "payload": "<hex>"}`.
public struct CanonicalCell: Sendable, Hashable, Codable {
    /// The type tag (see the hashing spec's `value_encoding`).
    public private(set) var tag: UInt8
    /// The payload bytes.
    public private(set) var payload: [UInt8]

    /// Creates a cell from a tag and payload.
    public init(tag: UInt8, payload: [UInt8]) {
        self.tag = tag
        self.payload = payload
    }

    init(tag: UInt8, payload: UnsafeRawBufferPointer) {
        self.tag = tag
        self.payload = Array(payload)
    }

    /// Overwrites the cell, reusing its storage (a copy in place for a payload of the same length,
    /// as when a column's values of one width keep raising its maximum).
    mutating func replace(tag: UInt8, payload bytes: UnsafeRawBufferPointer) {
        self.tag = tag
        payload.overwrite(with: bytes)
    }

    /// The full value encoding: tag, 4-byte big-endian length, payload.
    public var encoding: [UInt8] {
        var bytes: [UInt8] = [tag]
        withUnsafeBytes(of: UInt32(payload.count).bigEndian) { bytes.append(contentsOf: $0) }
        return bytes + payload
    }

    /// The value, decoded.
    ///
    /// - Throws: ``CanonicalError`` when the payload is not a valid encoding for its tag.
    public func value() throws -> CanonicalValue {
        try CanonicalValue.decode(tag: tag, payload: payload)
    }

    /// Compares with `tag`/`payload` in the aggregate order (see ``CellOrder``).
    func compare(tag other: UInt8, payload bytes: UnsafeRawBufferPointer) -> Int {
        payload.withUnsafeBytes { CellOrder.compare(tag, $0, other, bytes) }
    }

    private enum CodingKeys: String, CodingKey { case tag, payload }

    /// Reads `{"tag": n, "payload": "<hex>"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tag = try container.decode(UInt8.self, forKey: .tag)
        let hex = try container.decode(String.self, forKey: .payload)
        guard let bytes = Hex.decode(hex) else {
            throw CompareError(
                .invalidAggregate,
                "cell payload \"\(hex)\" is not hex; expected an even number of hex digits"
            )
        }
        payload = bytes
    }

    /// Writes `{"tag": n, "payload": "<hex>"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tag, forKey: .tag)
        try container.encode(Hex.encode(payload), forKey: .payload)
    }
}

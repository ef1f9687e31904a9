/// Summary statistics of one column: value count, NULL count, minimum, maximum, and sums for
/// decimals (exact) and floats (compensated).
///
/// Built from canonical value encodings (tag and payload), so the per-row path does not decode
/// values; mergeable across chunks, and ``merge(_:)`` of the parts equals the aggregate of the
/// whole (exactly for everything but the float sum, which may differ in the last bits).
public struct ColumnAggregate: Sendable, Equatable, Codable {
    /// Values seen, NULLs included.
    public private(set) var count = 0
    /// NULLs seen.
    public private(set) var nulls = 0
    /// The exact sum of the decimal values, or `nil` if there was none.
    public private(set) var decimalSum: ExactDecimalSum?
    /// The compensated sum of the float values, or `nil` if there was none.
    public private(set) var floatSum: CompensatedSum?

    /// The lower bound; see ``minimum``.
    private var lower = AggregateBound()
    /// The upper bound; see ``maximum``.
    private var upper = AggregateBound()

    private enum CodingKeys: String, CodingKey {
        case count, nulls, minimum, maximum, decimalSum, floatSum
    }

    /// An empty aggregate.
    public init() {}

    /// The smallest non-NULL value in the aggregate order, or `nil` if there was none.
    public var minimum: CanonicalCell? { lower.cell }

    /// The largest non-NULL value in the aggregate order, or `nil` if there was none.
    public var maximum: CanonicalCell? { upper.cell }

    /// Whether two aggregates hold the same counts, bounds and sums.
    public static func == (lhs: ColumnAggregate, rhs: ColumnAggregate) -> Bool {
        lhs.count == rhs.count && lhs.nulls == rhs.nulls && lhs.minimum == rhs.minimum && lhs.maximum == rhs.maximum
            && lhs.decimalSum == rhs.decimalSum && lhs.floatSum == rhs.floatSum
    }

    /// Reads `count`, `nulls`, and the optional `minimum`, `maximum`, `decimalSum`, `floatSum`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        count = try container.decode(Int.self, forKey: .count)
        nulls = try container.decode(Int.self, forKey: .nulls)
        lower = AggregateBound(try container.decodeIfPresent(CanonicalCell.self, forKey: .minimum))
        upper = AggregateBound(try container.decodeIfPresent(CanonicalCell.self, forKey: .maximum))
        decimalSum = try container.decodeIfPresent(ExactDecimalSum.self, forKey: .decimalSum)
        floatSum = try container.decodeIfPresent(CompensatedSum.self, forKey: .floatSum)
    }

    /// Writes the fields ``init(from:)`` reads; absent bounds and sums are left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(count, forKey: .count)
        try container.encode(nulls, forKey: .nulls)
        try container.encodeIfPresent(minimum, forKey: .minimum)
        try container.encodeIfPresent(maximum, forKey: .maximum)
        try container.encodeIfPresent(decimalSum, forKey: .decimalSum)
        try container.encodeIfPresent(floatSum, forKey: .floatSum)
    }

    /// Adds one value given as its canonical tag and payload.
    ///
    /// The common lanes (NULL, a decimal of up to 18 digits, a float, a value with an order key)
    /// stay small enough to inline into the row loop; rare forms and errors are out of line.
    ///
    /// - Throws: ``CanonicalError`` when a decimal or float payload is malformed.
    @inline(__always)
    public mutating func add(tag: UInt8, payload: UnsafeRawBufferPointer) throws {
        count += 1
        switch tag {
        case 0x00:
            nulls += 1
        case 0x02:
            if let small = SmallDecimal(canonicalText: payload) {
                add(decimal: small, payload: payload)
            } else {
                try add(wideDecimal: payload)
            }
        case 0x03:
            guard payload.count == 8 else { throw Self.malformedFloat(payloadCount: payload.count) }
            add(floatPayload: payload)
        default:
            add(ordered: tag, payload: payload)
        }
    }

    /// A decimal the fast path read.
    @inline(__always)
    private mutating func add(decimal small: SmallDecimal, payload: UnsafeRawBufferPointer) {
        lower.lower(toDecimal: small, payload: payload)
        upper.raise(toDecimal: small, payload: payload)
        if case .none = decimalSum { decimalSum = ExactDecimalSum() }
        decimalSum!.add(small: small)
    }

    /// A decimal beyond the fast path (more digits, specials): parsed in full.
    @inline(never)
    private mutating func add(wideDecimal payload: UnsafeRawBufferPointer) throws {
        lower.lower(to: 0x02, payload)
        upper.raise(to: 0x02, payload)
        let value = try CanonicalDecimal(parsingUTF8: payload)
        if case .none = decimalSum { decimalSum = ExactDecimalSum() }
        decimalSum!.add(value)
    }

    /// A float's 8-byte payload.
    @inline(__always)
    private mutating func add(floatPayload payload: UnsafeRawBufferPointer) {
        let key = OrderKey(tag: 0x03, payload: payload)
        lower.lower(to: 0x03, payload, key: key)
        upper.raise(to: 0x03, payload, key: key)
        if case .none = floatSum { floatSum = CompensatedSum() }
        floatSum!.add(Double(bitPattern: payload.loadUnaligned(as: UInt64.self).bigEndian))
    }

    /// A value of any other tag: most values of a long column lie strictly between its bounds,
    /// and one comparison of order keys settles that without comparing the encodings.
    @inline(__always)
    private mutating func add(ordered tag: UInt8, payload: UnsafeRawBufferPointer) {
        let key = OrderKey(tag: tag, payload: payload)
        if let key, lower.isBelow(key) {
            if !upper.isAbove(key) { upper.raise(to: tag, payload, key: key) }
        } else if let key, upper.isAbove(key) {
            lower.lower(to: tag, payload, key: key)
        } else {
            lower.lower(to: tag, payload, key: key)
            upper.raise(to: tag, payload, key: key)
        }
    }

    @inline(never)
    private static func malformedFloat(payloadCount: Int) -> CanonicalError {
        CanonicalError(.malformedEncoding, "a float payload has \(payloadCount) bytes instead of 8")
    }

    /// Adds the aggregate of another chunk of the same column.
    public mutating func merge(_ other: ColumnAggregate) {
        count += other.count
        nulls += other.nulls
        if let cell = other.minimum { cell.payload.withUnsafeBytes { lower.lower(to: cell.tag, $0) } }
        if let cell = other.maximum { cell.payload.withUnsafeBytes { upper.raise(to: cell.tag, $0) } }
        if let sum = other.decimalSum {
            if decimalSum == nil { decimalSum = ExactDecimalSum() }
            decimalSum!.merge(sum)
        }
        if let sum = other.floatSum {
            if floatSum == nil { floatSum = CompensatedSum() }
            floatSum!.merge(sum)
        }
    }
}

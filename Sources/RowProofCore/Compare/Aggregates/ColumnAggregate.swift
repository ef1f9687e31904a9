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
    /// The smallest non-NULL value in the aggregate order, or `nil` if there was none.
    public private(set) var minimum: CanonicalCell?
    /// The largest non-NULL value in the aggregate order, or `nil` if there was none.
    public private(set) var maximum: CanonicalCell?
    /// The exact sum of the decimal values, or `nil` if there was none.
    public private(set) var decimalSum: ExactDecimalSum?
    /// The compensated sum of the float values, or `nil` if there was none.
    public private(set) var floatSum: CompensatedSum?

    /// An empty aggregate.
    public init() {}

    /// Adds one value given as its canonical tag and payload.
    ///
    /// - Throws: ``CanonicalError`` when a decimal or float payload is malformed.
    public mutating func add(tag: UInt8, payload: UnsafeRawBufferPointer) throws {
        count += 1
        if tag == 0x00 {
            nulls += 1
            return
        }
        if let current = minimum {
            if current.compare(tag: tag, payload: payload) > 0 { minimum!.replace(tag: tag, payload: payload) }
        } else {
            minimum = CanonicalCell(tag: tag, payload: payload)
        }
        if let current = maximum {
            if current.compare(tag: tag, payload: payload) < 0 { maximum!.replace(tag: tag, payload: payload) }
        } else {
            maximum = CanonicalCell(tag: tag, payload: payload)
        }
        switch tag {
        case 0x02:
            let value = try CanonicalDecimal(parsingUTF8: payload)
            if decimalSum == nil { decimalSum = ExactDecimalSum() }
            decimalSum!.add(value)
        case 0x03:
            guard payload.count == 8 else {
                throw CanonicalError(.malformedEncoding, "a float payload has \(payload.count) bytes instead of 8")
            }
            if floatSum == nil { floatSum = CompensatedSum() }
            floatSum!.add(Double(bitPattern: payload.loadUnaligned(as: UInt64.self).bigEndian))
        default:
            break
        }
    }

    /// Adds the aggregate of another chunk of the same column.
    public mutating func merge(_ other: ColumnAggregate) {
        count += other.count
        nulls += other.nulls
        if let cell = other.minimum {
            if let current = minimum {
                if cell.payload.withUnsafeBytes({ current.compare(tag: cell.tag, payload: $0) }) > 0 { minimum = cell }
            } else {
                minimum = cell
            }
        }
        if let cell = other.maximum {
            if let current = maximum {
                if cell.payload.withUnsafeBytes({ current.compare(tag: cell.tag, payload: $0) }) < 0 { maximum = cell }
            } else {
                maximum = cell
            }
        }
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

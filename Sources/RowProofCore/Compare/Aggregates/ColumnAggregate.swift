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

    /// ``minimum`` as a number while it is a decimal the fast path reads (``SmallDecimal``), so
    /// the per-row comparison of decimals is numeric instead of textual. Derived state: not
    /// encoded and not compared; `nil` means "compare the cell".
    private var minimumKey: SmallDecimal?
    /// ``maximum`` as a number; see `minimumKey`.
    private var maximumKey: SmallDecimal?

    private enum CodingKeys: String, CodingKey {
        case count, nulls, minimum, maximum, decimalSum, floatSum
    }

    /// An empty aggregate.
    public init() {}

    /// Whether two aggregates hold the same counts, bounds and sums.
    public static func == (lhs: ColumnAggregate, rhs: ColumnAggregate) -> Bool {
        lhs.count == rhs.count && lhs.nulls == rhs.nulls && lhs.minimum == rhs.minimum && lhs.maximum == rhs.maximum
            && lhs.decimalSum == rhs.decimalSum && lhs.floatSum == rhs.floatSum
    }

    /// Adds one value given as its canonical tag and payload.
    ///
    /// - Throws: ``CanonicalError`` when a decimal or float payload is malformed.
    public mutating func add(tag: UInt8, payload: UnsafeRawBufferPointer) throws {
        count += 1
        switch tag {
        case 0x00:
            nulls += 1
        case 0x02:
            if let small = SmallDecimal(canonicalText: payload) {
                updateBounds(small, payload: payload)
                if case .none = decimalSum { decimalSum = ExactDecimalSum() }
                decimalSum!.add(small: small)
            } else {
                updateBounds(tag: tag, payload: payload)
                let value = try CanonicalDecimal(parsingUTF8: payload)
                if case .none = decimalSum { decimalSum = ExactDecimalSum() }
                decimalSum!.add(value)
            }
        case 0x03:
            updateBounds(tag: tag, payload: payload)
            guard payload.count == 8 else {
                throw CanonicalError(.malformedEncoding, "a float payload has \(payload.count) bytes instead of 8")
            }
            if case .none = floatSum { floatSum = CompensatedSum() }
            floatSum!.add(Double(bitPattern: payload.loadUnaligned(as: UInt64.self).bigEndian))
        default:
            updateBounds(tag: tag, payload: payload)
        }
    }

    /// Folds a decimal the fast path read into the bounds, numerically while the bound is one too.
    @inline(__always)
    private mutating func updateBounds(_ value: SmallDecimal, payload: UnsafeRawBufferPointer) {
        if let current = minimumKey {
            if value.compare(current) < 0 {
                minimum!.replace(tag: 0x02, payload: payload)
                minimumKey = value
            }
        } else if isMissing(minimum) || minimum!.compare(tag: 0x02, payload: payload) > 0 {
            setMinimum(tag: 0x02, payload: payload)
            minimumKey = value
        }
        if let current = maximumKey {
            if value.compare(current) > 0 {
                maximum!.replace(tag: 0x02, payload: payload)
                maximumKey = value
            }
        } else if isMissing(maximum) || maximum!.compare(tag: 0x02, payload: payload) < 0 {
            setMaximum(tag: 0x02, payload: payload)
            maximumKey = value
        }
    }

    /// Folds any value into the bounds by the aggregate order on its encoding.
    @inline(__always)
    private mutating func updateBounds(tag: UInt8, payload: UnsafeRawBufferPointer) {
        if isMissing(minimum) || minimum!.compare(tag: tag, payload: payload) > 0 {
            setMinimum(tag: tag, payload: payload)
            minimumKey = nil
        }
        if isMissing(maximum) || maximum!.compare(tag: tag, payload: payload) < 0 {
            setMaximum(tag: tag, payload: payload)
            maximumKey = nil
        }
    }

    /// Whether `cell` is absent, without the `Equatable` comparison `cell == nil` would make.
    @inline(__always)
    private func isMissing(_ cell: CanonicalCell?) -> Bool {
        if case .none = cell { return true }
        return false
    }

    /// Overwrites the minimum in place (its payload storage is reused).
    private mutating func setMinimum(tag: UInt8, payload: UnsafeRawBufferPointer) {
        if isMissing(minimum) {
            minimum = CanonicalCell(tag: tag, payload: payload)
        } else {
            minimum!.replace(tag: tag, payload: payload)
        }
    }

    /// Overwrites the maximum in place (its payload storage is reused).
    private mutating func setMaximum(tag: UInt8, payload: UnsafeRawBufferPointer) {
        if isMissing(maximum) {
            maximum = CanonicalCell(tag: tag, payload: payload)
        } else {
            maximum!.replace(tag: tag, payload: payload)
        }
    }

    /// Adds the aggregate of another chunk of the same column.
    public mutating func merge(_ other: ColumnAggregate) {
        count += other.count
        nulls += other.nulls
        if let cell = other.minimum {
            if let current = minimum {
                if cell.payload.withUnsafeBytes({ current.compare(tag: cell.tag, payload: $0) }) > 0 {
                    minimum = cell
                    minimumKey = other.minimumKey
                }
            } else {
                minimum = cell
                minimumKey = other.minimumKey
            }
        }
        if let cell = other.maximum {
            if let current = maximum {
                if cell.payload.withUnsafeBytes({ current.compare(tag: cell.tag, payload: $0) }) < 0 {
                    maximum = cell
                    maximumKey = other.maximumKey
                }
            } else {
                maximum = cell
                maximumKey = other.maximumKey
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

/// One bound (the minimum or the maximum) of a ``ColumnAggregate``, kept in the forms that make
/// the per-row comparison cheap.
///
/// A bound that is a decimal the fast path reads is compared as a ``SmallDecimal``, and one with
/// an exact ``OrderKey`` (dates, times, timestamps) by its key; either way its cell is only
/// rebuilt when read, since a column in key order moves its maximum on every row. Other tags
/// with an order key keep the bound's key too, so a value strictly inside the bounds is passed
/// over with one integer comparison per bound (see ``ColumnAggregate/add(tag:payload:)``).
struct AggregateBound: Sendable {
    /// The bound as a cell; behind `decimal` or `key` while `cellIsStale`.
    private var storedCell: CanonicalCell?
    /// The bound as a number while it is a decimal the fast path reads.
    private var decimal: SmallDecimal?
    /// The bound's order key, when its tag has one.
    private(set) var key: OrderKey?
    /// Whether the bound moved (by `decimal` or by an exact `key`) since `storedCell` was written.
    private var cellIsStale = false

    /// No bound yet.
    init() {}

    /// A bound of `cell`, or none.
    init(_ cell: CanonicalCell?) {
        if let cell { cell.payload.withUnsafeBytes { set(cell.tag, $0) } }
    }

    /// The bound as a cell, or `nil` when no value was added.
    var cell: CanonicalCell? {
        guard cellIsStale else { return storedCell }
        if let decimal { return CanonicalCell(tag: 0x02, payload: decimal.canonicalText) }
        if let key, let payload = key.exactPayload { return CanonicalCell(tag: key.tag, payload: payload) }
        return storedCell
    }

    /// Whether `key` sorts strictly after this bound (`false` when that is not known from keys).
    @inline(__always)
    func isBelow(_ key: OrderKey) -> Bool {
        guard let own = self.key else { return false }
        return own.tag == key.tag && own.value < key.value
    }

    /// Whether `key` sorts strictly before this bound (`false` when that is not known from keys).
    @inline(__always)
    func isAbove(_ key: OrderKey) -> Bool {
        guard let own = self.key else { return false }
        return own.tag == key.tag && own.value > key.value
    }

    /// As a minimum: takes the decimal `value` (whose canonical text is `payload`) if it is smaller.
    @inline(__always)
    mutating func lower(toDecimal value: SmallDecimal, payload: UnsafeRawBufferPointer) {
        if let current = decimal {
            if value.compare(current) < 0 { move(toDecimal: value) }
        } else if storedCell == nil || order(of: 0x02, payload) < 0 {
            set(0x02, payload, decimal: value)
        }
    }

    /// As a maximum: takes the decimal `value` (whose canonical text is `payload`) if it is larger.
    @inline(__always)
    mutating func raise(toDecimal value: SmallDecimal, payload: UnsafeRawBufferPointer) {
        if let current = decimal {
            if value.compare(current) > 0 { move(toDecimal: value) }
        } else if storedCell == nil || order(of: 0x02, payload) > 0 {
            set(0x02, payload, decimal: value)
        }
    }

    /// As a minimum: takes the value `tag`/`payload` (with order key `key`, if any) if it sorts first.
    @inline(__always)
    mutating func lower(to tag: UInt8, _ payload: UnsafeRawBufferPointer, key: OrderKey? = nil) {
        if tag == 0x02, let small = SmallDecimal(canonicalText: payload) {
            return lower(toDecimal: small, payload: payload)
        }
        if let key, let own = self.key, own.tag == key.tag {
            if key.isExact {
                if key.value < own.value { move(toExact: key) }
                return
            }
            // A smaller key of the first bytes: the value sorts strictly first.
            if key.value < own.value { return set(tag, payload) }
        }
        if storedCell == nil || order(of: tag, payload) < 0 { set(tag, payload) }
    }

    /// As a maximum: takes the value `tag`/`payload` (with order key `key`, if any) if it sorts last.
    @inline(__always)
    mutating func raise(to tag: UInt8, _ payload: UnsafeRawBufferPointer, key: OrderKey? = nil) {
        if tag == 0x02, let small = SmallDecimal(canonicalText: payload) {
            return raise(toDecimal: small, payload: payload)
        }
        if let key, let own = self.key, own.tag == key.tag {
            if key.isExact {
                if key.value > own.value { move(toExact: key) }
                return
            }
            // A larger key of the first bytes: the value sorts strictly last.
            if key.value > own.value { return set(tag, payload) }
        }
        if storedCell == nil || order(of: tag, payload) > 0 { set(tag, payload) }
    }

    /// The aggregate order of `tag`/`payload` against the bound (there must be one).
    private mutating func order(of tag: UInt8, _ payload: UnsafeRawBufferPointer) -> Int {
        if cellIsStale {
            storedCell = cell
            cellIsStale = false
        }
        return storedCell!.payload.withUnsafeBytes { CellOrder.compare(tag, payload, storedCell!.tag, $0) }
    }

    /// The bound moves to another fast-path decimal; its cell is rebuilt when read.
    @inline(__always)
    private mutating func move(toDecimal value: SmallDecimal) {
        decimal = value
        cellIsStale = true
    }

    /// The bound moves to another value of the same exact-key tag; its cell is rebuilt when read.
    @inline(__always)
    private mutating func move(toExact key: OrderKey) {
        self.key = key
        cellIsStale = true
    }

    /// Overwrites the bound (its cell's storage is reused).
    private mutating func set(_ tag: UInt8, _ payload: UnsafeRawBufferPointer, decimal value: SmallDecimal? = nil) {
        if case .none = storedCell {
            storedCell = CanonicalCell(tag: tag, payload: payload)
        } else {
            storedCell!.replace(tag: tag, payload: payload)
        }
        decimal = tag == 0x02 ? (value ?? SmallDecimal(canonicalText: payload)) : nil
        key = OrderKey(tag: tag, payload: payload)
        cellIsStale = false
    }
}

/// An order-preserving 64-bit key of a canonical value, for the tags whose aggregate order
/// (``CellOrder``) it follows.
///
/// Dates, times and timestamps of their usual width get an exact key (the signed value with its
/// sign bit flipped), and so do floats (their bits made to sort as the numbers do: negatives
/// inverted, the sign bit set on the rest, zero of either sign as +0, and every NaN as the
/// largest key, after +Infinity). Tags ordered by payload bytes get their first 16 bytes,
/// big-endian and zero-padded (enough to tell apart most text of a column in key order, such as
/// `order 1234567 …`): a key strictly greater than another's means the value sorts strictly later, so
/// only strict comparisons of keys may stand in for comparing the values.
struct OrderKey: Sendable, Equatable {
    /// The tag of the value the key was taken from; keys of different tags do not compare.
    let tag: UInt8
    /// The key; exact keys use the low 64 bits.
    let value: UInt128

    /// Whether the key is the whole value (floats, dates, times, timestamps of their usual width),
    /// not only its first bytes.
    var isExact: Bool { tag == 0x03 || tag == 0x06 || tag == 0x07 || tag == 0x08 }

    /// The sign bit of a binary64, and of the keys of floats.
    private static let signBit: UInt64 = 1 << 63

    /// The key of a float given as its bits.
    @inline(__always)
    static func floatKey(bits: UInt64) -> UInt64 {
        let magnitude = bits & ~signBit
        if magnitude > 0x7FF0_0000_0000_0000 { return .max }  // NaN, whatever its sign and payload
        if magnitude == 0 { return signBit }  // -0 sorts with +0
        return bits & signBit != 0 ? ~bits : bits | signBit
    }

    /// The payload of an exact key's value; `nil` for a key of the first bytes only.
    var exactPayload: [UInt8]? {
        let value = UInt64(truncatingIfNeeded: self.value)
        switch tag {
        case 0x03:
            // The canonical NaN for the NaN key; otherwise the inverse of `floatKey(bits:)`.
            let bits =
                value == .max ? 0x7FF8_0000_0000_0000 : (value & Self.signBit != 0 ? value ^ Self.signBit : ~value)
            return withUnsafeBytes(of: bits.bigEndian) { Array($0) }
        case 0x06: return withUnsafeBytes(of: (UInt32(truncatingIfNeeded: value) ^ 0x8000_0000).bigEndian) { Array($0) }
        case 0x07, 0x08: return withUnsafeBytes(of: (value ^ (1 << 63)).bigEndian) { Array($0) }
        default: return nil
        }
    }

    /// The key of `tag`/`payload`, or `nil` when the tag has none.
    @inline(__always)
    init?(tag: UInt8, payload: UnsafeRawBufferPointer) {
        switch tag {
        case 0x03 where payload.count == 8:
            value = UInt128(Self.floatKey(bits: payload.loadUnaligned(as: UInt64.self).bigEndian))
        case 0x06 where payload.count == 4:
            value = UInt128(payload.loadUnaligned(as: UInt32.self).bigEndian ^ 0x8000_0000)
        case 0x07 where payload.count == 8, 0x08 where payload.count == 8:
            value = UInt128(payload.loadUnaligned(as: UInt64.self).bigEndian ^ (1 << 63))
        case 0x01, 0x04, 0x05, 0x0A, 0x0B, 0x0C:
            // The first 16 bytes as a big-endian number, zero-padded; short payloads are read
            // byte by byte (no stack buffer whose address escapes).
            let count = payload.count
            var high: UInt64 = 0
            var low: UInt64 = 0
            if count >= 16 {
                high = UInt64(bigEndian: payload.loadUnaligned(as: UInt64.self))
                low = UInt64(bigEndian: payload.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            } else {
                var index = 0
                if count >= 8 {
                    high = UInt64(bigEndian: payload.loadUnaligned(as: UInt64.self))
                    index = 8
                }
                while index < count {
                    let byte = UInt64(payload[index])
                    if index < 8 {
                        high |= byte << (56 - 8 * UInt64(index))
                    } else {
                        low |= byte << (120 - 8 * UInt64(index))
                    }
                    index += 1
                }
            }
            value = UInt128(high) << 64 | UInt128(low)
        default:
            return nil
        }
        self.tag = tag
    }
}

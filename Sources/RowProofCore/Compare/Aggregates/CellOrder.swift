/// The total order aggregates use for minimum and maximum, on canonical encodings.
///
/// Values of different types order by tag. Within a type: decimals numerically with
/// `-Infinity < finite < Infinity < NaN`; floats numerically with NaN last; dates, times and
/// timestamps by value; intervals by their length with 1 month = 30 days (then field by field,
/// so the order stays total); text by UTF-8 bytes (`COLLATE "C"`); booleans false first;
/// everything else by payload bytes.
enum CellOrder {
    /// A negative number if `a` sorts first, 0 if equal, positive otherwise.
    static func compare(_ tagA: UInt8, _ a: UnsafeRawBufferPointer, _ tagB: UInt8, _ b: UnsafeRawBufferPointer) -> Int {
        guard tagA == tagB else { return tagA < tagB ? -1 : 1 }
        switch tagA {
        case 0x02:
            return compareDecimalText(a, b)
        case 0x03 where a.count == 8 && b.count == 8:
            let x = Double(bitPattern: a.loadUnaligned(as: UInt64.self).bigEndian)
            let y = Double(bitPattern: b.loadUnaligned(as: UInt64.self).bigEndian)
            if x.isNaN || y.isNaN { return x.isNaN == y.isNaN ? 0 : (x.isNaN ? 1 : -1) }
            return x < y ? -1 : (x > y ? 1 : 0)
        case 0x06 where a.count == 4 && b.count == 4:
            return sign(
                Int32(bitPattern: a.loadUnaligned(as: UInt32.self).bigEndian),
                Int32(bitPattern: b.loadUnaligned(as: UInt32.self).bigEndian)
            )
        case 0x07, 0x08:
            guard a.count == 8, b.count == 8 else { return bytes(a, b) }
            return sign(
                Int64(bitPattern: a.loadUnaligned(as: UInt64.self).bigEndian),
                Int64(bitPattern: b.loadUnaligned(as: UInt64.self).bigEndian)
            )
        case 0x09 where a.count == 16 && b.count == 16:
            let byLength = sign(intervalMicros(a), intervalMicros(b))
            guard byLength == 0 else { return byLength }
            for offset in [0, 4] {
                let order = sign(
                    Int32(bitPattern: a.loadUnaligned(fromByteOffset: offset, as: UInt32.self).bigEndian),
                    Int32(bitPattern: b.loadUnaligned(fromByteOffset: offset, as: UInt32.self).bigEndian)
                )
                if order != 0 { return order }
            }
            return 0
        default:
            return bytes(a, b)
        }
    }

    private static func intervalMicros(_ p: UnsafeRawBufferPointer) -> Int128 {
        let months = Int128(Int32(bitPattern: p.loadUnaligned(fromByteOffset: 0, as: UInt32.self).bigEndian))
        let days = Int128(Int32(bitPattern: p.loadUnaligned(fromByteOffset: 4, as: UInt32.self).bigEndian))
        let micros = Int128(Int64(bitPattern: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self).bigEndian))
        return (months * 30 + days) * 86_400_000_000 + micros
    }

    /// Orders normalized decimal text (`-12.5`, `0`, `NaN`, `Infinity`, `-Infinity`) numerically.
    ///
    /// For two finite values of the same sign with the same number of integer digits, byte order
    /// is numeric order (no leading zeros; a shorter fraction that is a prefix is smaller).
    static func compareDecimalText(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let rankA = decimalRank(a)
        let rankB = decimalRank(b)
        guard rankA == 1, rankB == 1 else { return sign(rankA, rankB) }
        let negativeA = a.first == UInt8(ascii: "-")
        let negativeB = b.first == UInt8(ascii: "-")
        guard negativeA == negativeB else { return negativeA ? -1 : 1 }
        let x = UnsafeRawBufferPointer(rebasing: a[(negativeA ? 1 : 0)...])
        let y = UnsafeRawBufferPointer(rebasing: b[(negativeB ? 1 : 0)...])
        var magnitude = sign(integerDigits(x), integerDigits(y))
        if magnitude == 0 { magnitude = bytes(x, y) }
        return negativeA ? -magnitude : magnitude
    }

    /// 0 for -Infinity, 1 for finite, 2 for Infinity, 3 for NaN.
    private static func decimalRank(_ p: UnsafeRawBufferPointer) -> Int {
        guard let first = p.first else { return 1 }
        switch first {
        case UInt8(ascii: "N"): return 3
        case UInt8(ascii: "I"): return 2
        case UInt8(ascii: "-") where p.count > 1 && p[1] == UInt8(ascii: "I"): return 0
        default: return 1
        }
    }

    private static func integerDigits(_ p: UnsafeRawBufferPointer) -> Int {
        p.firstIndex(of: UInt8(ascii: ".")) ?? p.count
    }

    /// memcmp order, a shorter prefix first; eight bytes at a time.
    private static func bytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let common = min(a.count, b.count)
        var index = 0
        while index + 8 <= common {
            let x = a.loadUnaligned(fromByteOffset: index, as: UInt64.self).bigEndian
            let y = b.loadUnaligned(fromByteOffset: index, as: UInt64.self).bigEndian
            if x != y { return x < y ? -1 : 1 }
            index += 8
        }
        while index < common {
            let x = a.load(fromByteOffset: index, as: UInt8.self)
            let y = b.load(fromByteOffset: index, as: UInt8.self)
            if x != y { return x < y ? -1 : 1 }
            index += 1
        }
        return sign(a.count, b.count)
    }

    private static func sign<T: Comparable>(_ x: T, _ y: T) -> Int {
        x < y ? -1 : (x > y ? 1 : 0)
    }
}

import Foundation
import RowProofCore
import Testing

/// The bounds' shortcuts (order keys that skip comparisons, decimal bounds whose text is
/// rebuilt only when read) must give exactly the bounds of the definitions.
@Suite struct AggregateBoundTests {
    private struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
    }

    private func column(_ values: [CanonicalValue]) throws -> ColumnAggregate {
        var table = TableAggregate(columnNames: ["c"])
        for value in values { try table.add(TestRows.row([value], keyArity: 0)) }
        return table.columns[0]
    }

    /// Bytes that share long prefixes, hold zero bytes and differ in length, so the 8-byte keys
    /// tie often and the full comparison has to decide.
    private func awkwardBytes(_ generator: inout Generator) -> [UInt8] {
        let length = Int(generator.next() % 12)
        return (0..<length).map { index in
            let draw = generator.next()
            return index < 6 && draw % 3 != 0 ? UInt8(ascii: "a") : UInt8(truncatingIfNeeded: draw % 4)
        }
    }

    @Test func byteOrderedBoundsEqualTheSmallestAndLargestBytes() throws {
        var generator = Generator(state: 17)
        let values = (0..<3_000).map { _ in awkwardBytes(&generator) }
        let result = try column(values.map(CanonicalValue.bytes))
        let sorted = values.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(try result.minimum?.value() == .bytes(sorted.first!))
        #expect(try result.maximum?.value() == .bytes(sorted.last!))
    }

    @Test func timestampAndDateBoundsAreNumericAcrossZero() throws {
        var generator = Generator(state: 29)
        let micros = (0..<3_000).map { _ in Int64(bitPattern: generator.next() << 11) / 3 }
        let stamps = try column(micros.map { .timestamp(micros: $0) })
        #expect(try stamps.minimum?.value() == .timestamp(micros: micros.min()!))
        #expect(try stamps.maximum?.value() == .timestamp(micros: micros.max()!))
        let days = (0..<3_000).map { _ in Int32(truncatingIfNeeded: Int64(generator.next() % 2_000_000) - 1_000_000) }
        let dates = try column(days.map { .date(days: $0) })
        #expect(try dates.minimum?.value() == .date(days: days.min()!))
        #expect(try dates.maximum?.value() == .date(days: days.max()!))
    }

    /// A column in key order moves its maximum on every row; the bound read back (directly,
    /// after encoding, after a merge) is the last value's exact text.
    @Test func aDecimalBoundThatMovesEveryRowReadsBackExactly() throws {
        let ascending = (1...5_000).map { CanonicalValue.decimal(CanonicalDecimal(integer: Int64($0) * 7 - 20_000)) }
        let result = try column(ascending + [try TestRows.decimal("-0.25")])
        #expect(try result.maximum?.value() == .decimal(CanonicalDecimal(integer: 15_000)))
        #expect(try result.minimum?.value() == .decimal(CanonicalDecimal(integer: -19_993)))
        let decoded = try JSONDecoder().decode(ColumnAggregate.self, from: JSONEncoder().encode(result))
        #expect(decoded == result)
        #expect(decoded.maximum?.payload == Array("15000".utf8))
        var merged = try column([try TestRows.decimal("15000.5")])
        merged.merge(result)
        #expect(try merged.maximum?.value() == TestRows.decimal("15000.5"))
        #expect(try merged.minimum?.value() == .decimal(CanonicalDecimal(integer: -19_993)))
    }

    /// Float bounds compare by an exact key: numeric across signs, zeros, subnormals and
    /// infinities, with NaN last; the bound read back is the value's own canonical payload.
    @Test func floatBoundsAreNumericWithNaNLast() throws {
        var generator = Generator(state: 41)
        var values = (0..<3_000).map { _ in Double(bitPattern: generator.next() << 11) }.filter { !$0.isNaN }
        values += [-.infinity, .infinity, -0.0, 0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, -1.5, 2.25]
        values.shuffle(using: &generator)
        let finite = try column(values.map(CanonicalValue.float))
        #expect(try finite.minimum?.value() == .float(-.infinity))
        #expect(try finite.maximum?.value() == .float(.infinity))
        let inside = values.filter(\.isFinite)
        let bounded = try column(inside.map(CanonicalValue.float))
        #expect(try bounded.minimum?.value() == .float(inside.min()!))
        #expect(try bounded.maximum?.value() == .float(inside.max()!))
        let withNaN = try column((inside + [.nan] + inside.reversed()).map(CanonicalValue.float))
        #expect(try withNaN.minimum?.value() == .float(inside.min()!))
        if case .float(let top)? = try withNaN.maximum?.value() {
            #expect(top.isNaN)
        } else {
            Issue.record("no NaN maximum")
        }
        let decoded = try JSONDecoder().decode(ColumnAggregate.self, from: JSONEncoder().encode(bounded))
        #expect(decoded == bounded)
        let zeros = try column([.float(0.0), .float(-0.0)])
        #expect(try zeros.minimum?.value() == .float(0.0))
        #expect(try zeros.maximum?.value() == .float(0.0))
    }

    /// Text whose first 16 bytes settle most comparisons (`order <id> <hex>`) mixed with text
    /// that ties on them and differs later: the bounds are the bytewise first and last.
    @Test func textBoundsAreBytewiseWhenTheFirstBytesTie() throws {
        var generator = Generator(state: 53)
        var texts = (0..<3_000).map { _ in
            let id = generator.next() % 2_000_000
            return "order \(id) \(String(generator.next() % 0xFFFF_FFFF, radix: 16))"
        }
        texts.shuffle(using: &generator)
        // The extremes tie with later values on their first 16 bytes and must stay.
        let z = String(repeating: "z", count: 16)
        let a = String(repeating: "a", count: 16)
        texts += [z + "10", z + "1", z, "order 1", a, a + "0", a + "9"]
        let result = try column(texts.map { .text($0) })
        let sorted = texts.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(try result.minimum?.value() == .text(String(decoding: sorted.first!, as: UTF8.self)))
        #expect(try result.maximum?.value() == .text(String(decoding: sorted.last!, as: UTF8.self)))
    }
}

import Foundation
import RowProofCore
import Testing

/// The per-row fast paths (decimals read without ``CanonicalDecimal``, numeric bounds, in-place
/// bound cells, word-wise text order) must give exactly what the definitions give.
@Suite struct ColumnAggregateFastPathTests {
    private func aggregate(_ values: [CanonicalValue]) throws -> ColumnAggregate {
        var table = TableAggregate(columnNames: ["c"])
        for value in values { try table.add(TestRows.row([value], keyArity: 0)) }
        return table.columns[0]
    }

    /// Decimals of every shape: small canonical ones (fast path), 19 to 38 digits and specials
    /// (full parser), mixed scales, in a fixed pseudo-random order.
    private func mixedDecimals(count: Int, seed: UInt64, specials: Bool) throws -> [CanonicalDecimal] {
        var state = seed
        var values: [CanonicalDecimal] = []
        for index in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let magnitude = Int64(bitPattern: state >> 2) % 1_000_000_000_000
            let unscaled = state & 1 == 0 ? magnitude : -magnitude
            let scale = Int32((state >> 50) % 6)
            switch index % 11 {
            case 3:
                values.append(try CanonicalDecimal(parsing: "\(unscaled)9876543210987654321.5"))
            case 7 where specials:
                values.append(.special([.nan, .positiveInfinity, .negativeInfinity][Int(state >> 60) % 3]))
            default:
                values.append(try CanonicalDecimal(unscaled: Int128(unscaled), scale: scale))
            }
        }
        return values
    }

    @Test(arguments: [false, true])
    func decimalBoundsAndSumEqualTheDefinitions(specials: Bool) throws {
        let values = try mixedDecimals(count: 2_000, seed: specials ? 11 : 5, specials: specials)
        let column = try aggregate(values.map(CanonicalValue.decimal))
        var sum = ExactDecimalSum()
        for value in values { sum.add(value) }
        let finite = values.filter { $0.kind == .finite }
        let hasNaN = values.contains { $0.kind == .nan }
        let expectedMinimum =
            values.contains { $0.kind == .negativeInfinity }
            ? CanonicalDecimal.special(.negativeInfinity) : finite.min()!
        let expectedMaximum =
            hasNaN
            ? CanonicalDecimal.special(.nan)
            : (values.contains { $0.kind == .positiveInfinity } ? .special(.positiveInfinity) : finite.max()!)
        #expect(try column.minimum?.value() == .decimal(expectedMinimum))
        #expect(try column.maximum?.value() == .decimal(expectedMaximum))
        #expect(column.decimalSum == sum)
        #expect(column.decimalSum?.description == sum.description)
        #expect(column.count == values.count && column.nulls == 0)
    }

    @Test func negativeZeroAndSignsKeepTheirOrder() throws {
        let column = try aggregate(try ["0", "-0.000", "0.5", "-0.5", "-0.05", "0.05"].map(TestRows.decimal))
        #expect(try column.minimum?.value() == TestRows.decimal("-0.5"))
        #expect(try column.maximum?.value() == TestRows.decimal("0.5"))
        #expect(column.decimalSum?.description == "0")
    }

    @Test func mergingChunksEqualsTheWhole() throws {
        let values = try mixedDecimals(count: 900, seed: 3, specials: false).map(CanonicalValue.decimal)
        let whole = try aggregate(values)
        var merged = try aggregate(Array(values[0..<300]))
        merged.merge(try aggregate(Array(values[300..<301])))
        merged.merge(try aggregate(Array(values[301...])))
        #expect(merged == whole)
        // A merged aggregate keeps adding correctly: its bounds still compare as the cells do.
        var table = TableAggregate(columnNames: ["c"])
        for value in values { try table.add(TestRows.row([value], keyArity: 0)) }
        try table.add(TestRows.row([TestRows.decimal("-1e36")], keyArity: 0))
        try table.add(TestRows.row([TestRows.decimal("1e36")], keyArity: 0))
        #expect(try table.columns[0].minimum?.value() == TestRows.decimal("-1e36"))
        #expect(try table.columns[0].maximum?.value() == TestRows.decimal("1e36"))
    }

    @Test func boundsSurviveAnEncodingRoundTrip() throws {
        let values = try mixedDecimals(count: 200, seed: 9, specials: false).map(CanonicalValue.decimal)
        let column = try aggregate(values)
        let data = try JSONEncoder().encode(column)
        var decoded = try JSONDecoder().decode(ColumnAggregate.self, from: data)
        #expect(decoded == column)
        decoded.merge(try aggregate([TestRows.decimal("-1e37"), TestRows.decimal("1e37")]))
        #expect(try decoded.minimum?.value() == TestRows.decimal("-1e37"))
        #expect(try decoded.maximum?.value() == TestRows.decimal("1e37"))
    }

    @Test func textBoundsUseByteOrderPastEightBytePrefixes() throws {
        let texts = [
            "abcdefgh", "abcdefghi", "abcdefgh\u{1}", "abcdefgg~~~~~~~~~", "abcdefghabcdefgz", "abcdefghabcdefga", "é",
            "",
        ]
        let column = try aggregate(texts.map(CanonicalValue.text))
        let sorted = texts.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        #expect(try column.minimum?.value() == .text(sorted.first!))
        #expect(try column.maximum?.value() == .text(sorted.last!))
    }

    @Test func integersOverEighteenDigitsStillSumExactly() throws {
        let values: [Int64] = [.max, .max, .min, 999_999_999_999_999_999, -1]
        let column = try aggregate(values.map { .decimal(CanonicalDecimal(integer: $0)) })
        let expected = values.reduce(Int128(0)) { $0 + Int128($1) }
        #expect(column.decimalSum?.description == String(expected))
        #expect(try column.maximum?.value() == .decimal(CanonicalDecimal(integer: .max)))
        #expect(try column.minimum?.value() == .decimal(CanonicalDecimal(integer: .min)))
    }
}

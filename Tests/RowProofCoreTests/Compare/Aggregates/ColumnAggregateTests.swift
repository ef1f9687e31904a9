import Foundation
import RowProofCore
import Testing

@Suite struct ColumnAggregateTests {
    private func aggregate(_ values: [CanonicalValue]) throws -> ColumnAggregate {
        var table = TableAggregate(columnNames: ["c"])
        for value in values { try table.add(TestRows.row([value], keyArity: 0)) }
        return table.columns[0]
    }

    @Test func countsValuesAndNulls() throws {
        let column = try aggregate([.text("a"), .null, .text(""), .null])
        #expect(column.count == 4)
        #expect(column.nulls == 2)
        #expect(try column.minimum?.value() == .text(""))
        #expect(try column.maximum?.value() == .text("a"))
        #expect(column.decimalSum == nil && column.floatSum == nil)
    }

    @Test func decimalMinMaxAreNumericNotTextual() throws {
        let values = try ["9", "10", "-2.5", "-10", "0.75", "Infinity", "-Infinity", "NaN", "100.001"].map(
            TestRows.decimal
        )
        let finite = try aggregate(Array(values.prefix(5)) + [values[8]])
        #expect(try finite.minimum?.value() == TestRows.decimal("-10"))
        #expect(try finite.maximum?.value() == TestRows.decimal("100.001"))
        let withSpecials = try aggregate(values)
        #expect(try withSpecials.minimum?.value() == TestRows.decimal("-Infinity"))
        #expect(try withSpecials.maximum?.value() == TestRows.decimal("NaN"))
        #expect(withSpecials.decimalSum?.description == "NaN")
        let negatives = try aggregate(try ["-1.5", "-1.25", "-12"].map(TestRows.decimal))
        #expect(try negatives.minimum?.value() == TestRows.decimal("-12"))
        #expect(try negatives.maximum?.value() == TestRows.decimal("-1.25"))
    }

    @Test func floatsOrderNumericallyWithNaNLast() throws {
        let column = try aggregate([.float(2.5), .float(.nan), .float(-7), .float(1e300), .float(-0.0)])
        #expect(try column.minimum?.value() == .float(-7))
        guard case .float(let maximum) = try column.maximum?.value() else {
            Issue.record("expected a float maximum")
            return
        }
        #expect(maximum.isNaN)
        #expect(column.floatSum?.value.isNaN == true)
        let finite = try aggregate([.float(2.5), .float(-7), .float(1e300)])
        #expect(try finite.maximum?.value() == .float(1e300))
    }

    @Test func temporalAndTextMinMax() throws {
        let timestamps = try aggregate([.timestamp(micros: 5), .timestamp(micros: -1_000), .timestamp(micros: 1 << 40)])
        #expect(try timestamps.minimum?.value() == .timestamp(micros: -1_000))
        #expect(try timestamps.maximum?.value() == .timestamp(micros: 1 << 40))
        let dates = try aggregate([.date(days: 3), .date(days: -400), .date(days: 20_000)])
        #expect(try dates.minimum?.value() == .date(days: -400))
        #expect(try dates.maximum?.value() == .date(days: 20_000))
        // Text orders by UTF-8 bytes (COLLATE "C"): uppercase before lowercase, "é" after "z".
        let text = try aggregate([.text("b"), .text("Z"), .text("é"), .text("z")])
        #expect(try text.minimum?.value() == .text("Z"))
        #expect(try text.maximum?.value() == .text("é"))
        let intervals = try aggregate([
            .interval(months: 1, days: 0, micros: 0), .interval(months: 0, days: 31, micros: 0),
            .interval(months: 0, days: 0, micros: -1),
        ])
        #expect(try intervals.minimum?.value() == .interval(months: 0, days: 0, micros: -1))
        #expect(try intervals.maximum?.value() == .interval(months: 0, days: 31, micros: 0))
    }

    @Test func decimalSumBeyondInt128IsExact() throws {
        let big = "9999999999999999999999999999999999999"  // 37 nines
        let max38 = "99999999999999999999999999999999999999"  // 38 nines, about 1e38
        let column = try aggregate(
            Array(repeating: try TestRows.decimal(max38), count: 1_000) + [try TestRows.decimal(big)]
        )
        // 1000 × (1e38 − 1) + (1e37 − 1): far beyond Int128's ~1.7e38.
        let thousand = "99999999999999999999999999999999999999000"  // 1000 × (1e38 − 1)
        #expect(column.decimalSum?.description == addDecimalStrings(thousand, big))
        let scaled = try aggregate([
            TestRows.decimal("0.00000000000000000000000000000000000001"), TestRows.decimal(max38),
        ])
        #expect(scaled.decimalSum?.description == max38 + ".00000000000000000000000000000000000001")
        #expect(scaled.decimalSum?.decimal == nil)  // 76 digits do not fit a canonical decimal
        let mixed = try aggregate(try ["1.25", "-3", "0.005", "-0.255"].map(TestRows.decimal))
        #expect(mixed.decimalSum?.description == "-2")
        #expect(mixed.decimalSum?.decimal == (try CanonicalDecimal(parsing: "-2")))
    }

    /// Adds two non-negative decimal integers given as text (schoolbook), for expected values.
    private func addDecimalStrings(_ a: String, _ b: String) -> String {
        let x = Array(a.reversed()).map { Int(String($0))! }
        let y = Array(b.reversed()).map { Int(String($0))! }
        var digits: [Int] = []
        var carry = 0
        for index in 0..<max(x.count, y.count) {
            let sum = (index < x.count ? x[index] : 0) + (index < y.count ? y[index] : 0) + carry
            digits.append(sum % 10)
            carry = sum / 10
        }
        if carry > 0 { digits.append(carry) }
        return String(digits.reversed().map { Character(String($0)) })
    }

    @Test func negativeOverflowingSumIsExact() throws {
        let min38 = "-99999999999999999999999999999999999999"
        let column = try aggregate(
            Array(repeating: try TestRows.decimal(min38), count: 5) + [try TestRows.decimal("4.5")]
        )
        // 5 × −(1e38 − 1) + 4.5 = −(5e38 − 5) + 4.5
        #expect(column.decimalSum?.description == "-4" + String(repeating: "9", count: 37) + "0.5")
    }

    @Test func mergeOfChunksEqualsTheWhole() throws {
        let columns = ["id", "amount", "ratio", "note"]
        let rows = try (0..<200).map { i in
            try TestRows.row([
                .decimal(.init(integer: Int64(i))),
                i % 17 == 0 ? .null : TestRows.decimal("\(i * 37 - 3000).\(i % 100)"),
                .float(Double(i) * 0.5 - 20),
                .text("n\(i * 7 % 13)"),
            ])
        }
        var whole = TableAggregate(columnNames: columns)
        for row in rows { try whole.add(row) }
        var merged = TableAggregate(columnNames: columns)
        for chunk in stride(from: 0, to: rows.count, by: 37) {
            var part = TableAggregate(columnNames: columns)
            for row in rows[chunk..<min(chunk + 37, rows.count)] { try part.add(row) }
            try merged.merge(part)
        }
        #expect(merged == whole)
        #expect(merged.rows == 200)
        #expect(whole.column(named: "amount")?.nulls == 12)
        var expectedRatioSum = 0.0
        for i in 0..<200 { expectedRatioSum += Double(i) * 0.5 - 20 }
        #expect(whole.column(named: "ratio")?.floatSum?.value == expectedRatioSum)
    }

    @Test func mergingDifferentPlansThrows() {
        var a = TableAggregate(columnNames: ["a"])
        #expect(throws: CompareError.self) { try a.merge(TableAggregate(columnNames: ["b"])) }
    }

    @Test func rowWithWrongColumnCountThrows() throws {
        var table = TableAggregate(columnNames: ["a", "b"])
        let error = try #require(throws: CompareError.self) { try table.add(TestRows.row([.text("x")], keyArity: 0)) }
        #expect(error.code == .columnCountMismatch)
        #expect(table.rows == 0)
    }

    @Test func aggregatesRoundTripThroughJSON() throws {
        var table = TableAggregate(columnNames: ["id", "amount", "x"])
        for i in 0..<5 {
            try table.add(
                TestRows.row([.decimal(.init(integer: Int64(i))), TestRows.decimal("1e37"), .float(Double(i) / 3)])
            )
        }
        let data = try JSONEncoder().encode(table)
        let decoded = try JSONDecoder().decode(TableAggregate.self, from: data)
        #expect(decoded == table)
        #expect(decoded.column(named: "amount")?.decimalSum?.description == "5" + String(repeating: "0", count: 37))
    }

    @Test func compensatedSumKeepsSmallTerms() {
        var sum = CompensatedSum()
        sum.add(1e16)
        for _ in 0..<1_000 { sum.add(1) }
        sum.add(-1e16)
        #expect(sum.value == 1_000)
    }
}

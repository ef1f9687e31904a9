import Foundation
import RowProofCore
import Testing

@testable import RowProofCluster

/// A column's sum in the report must match the schema's `^-?[0-9]+(\.[0-9]+)?$` (or be null):
/// float sums like 1e+16 or nan used to make the whole report invalid, so the job exited 2.
@Suite struct ReportBuilderSumTests {
    static let schemaPattern = try! NSRegularExpression(pattern: "^-?[0-9]+(\\.[0-9]+)?$")

    static func matchesSchema(_ text: String) -> Bool {
        schemaPattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test(arguments: [
        (1e16, "10000000000000000"),
        (1.5e-05, "0.000015"),
        (-0.0, "0"),
        (0.1, "0.1"),
        (-123.25, "-123.25"),
        (123456789.125, "123456789.125"),
        (1e308, "1" + String(repeating: "0", count: 308)),
        (-2.5e-7, "-0.00000025"),
        (Double.leastNonzeroMagnitude, "0." + String(repeating: "0", count: 323) + "5"),
    ])
    func finiteFloatsArePlainDecimals(value: Double, expected: String) {
        let text = ReportBuilder.plainDecimalText(value)
        #expect(text == expected)
        #expect(text.map(Self.matchesSchema) == true)
        #expect(text.flatMap(Double.init) == (value == 0 ? 0 : value))
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteFloatsHaveNoSum(value: Double) {
        #expect(ReportBuilder.plainDecimalText(value) == nil)
    }

    static func aggregate(floats: [Double]) throws -> RowProofCore.ColumnAggregate {
        var aggregate = RowProofCore.ColumnAggregate()
        for value in floats {
            let bytes = withUnsafeBytes(of: value.bitPattern.bigEndian) { Array($0) }
            try bytes.withUnsafeBytes { try aggregate.add(tag: 0x03, payload: $0) }
        }
        return aggregate
    }

    static func aggregate(decimals: [String]) throws -> RowProofCore.ColumnAggregate {
        var aggregate = RowProofCore.ColumnAggregate()
        for value in decimals {
            try Array(value.utf8).withUnsafeBytes { try aggregate.add(tag: 0x02, payload: $0) }
        }
        return aggregate
    }

    @Test func floatColumnWithNaNOrInfinityHasNoSum() throws {
        #expect(ReportBuilder.sumText(try Self.aggregate(floats: [1, .nan])) == nil)
        #expect(ReportBuilder.sumText(try Self.aggregate(floats: [1, .infinity])) == nil)
        #expect(ReportBuilder.sumText(try Self.aggregate(floats: [1, -.infinity])) == nil)
        let large = try Self.aggregate(floats: [1e300, 1e300])
        #expect(ReportBuilder.sumText(large) == "2" + String(repeating: "0", count: 300))
    }

    @Test func decimalColumnWithNaNOrInfinityHasNoSum() throws {
        #expect(ReportBuilder.sumText(try Self.aggregate(decimals: ["1.5", "NaN"])) == nil)
        #expect(ReportBuilder.sumText(try Self.aggregate(decimals: ["1.5", "Infinity"])) == nil)
        #expect(ReportBuilder.sumText(try Self.aggregate(decimals: ["1.5", "-Infinity"])) == nil)
        #expect(ReportBuilder.sumText(try Self.aggregate(decimals: ["1.5", "-4"])) == "-2.5")
    }
}

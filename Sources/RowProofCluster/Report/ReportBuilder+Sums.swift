import RowProofCore

extension ReportBuilder {
    /// A column's sum as the report writes it: a plain decimal number (`-12.5`, never `1e+16`),
    /// or `nil` when there is no sum or it is not a number (a NaN or an infinity was added).
    ///
    /// The report's schema allows only `^-?[0-9]+(\.[0-9]+)?$` or null; an exponent or `nan`
    /// there made every report of a float column with such values invalid, so the job exited 2.
    static func sumText(_ column: RowProofCore.ColumnAggregate) -> String? {
        if let decimal = column.decimalSum {
            let text = decimal.description
            return text.last?.isNumber == true ? text : nil  // not "NaN", "Infinity" or "-Infinity"
        }
        return column.floatSum.flatMap { plainDecimalText($0.value) }
    }

    /// `value` in positional notation with its shortest round-trip digits (`1e+16` →
    /// `10000000000000000`, `1.5e-05` → `0.000015`, `-0.0` → `0`), or `nil` for NaN and infinities.
    static func plainDecimalText(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if value == 0 { return "0" }
        let text = "\(value.magnitude)"
        let parts = text.split(separator: "e", maxSplits: 1)
        guard let exponent = parts.count == 2 ? Int(parts[1]) : 0 else { return nil }
        let mantissa = parts[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integerDigits = String(mantissa[0])
        let digits = Array(integerDigits + (mantissa.count == 2 ? String(mantissa[1]) : ""))
        // The decimal point sits after `point` digits (it may fall outside `digits`).
        let point = integerDigits.count + exponent
        var integer: String
        var fraction: String
        if point <= 0 {
            integer = "0"
            fraction = String(repeating: "0", count: -point) + String(digits)
        } else if point >= digits.count {
            integer = String(digits) + String(repeating: "0", count: point - digits.count)
            fraction = ""
        } else {
            integer = String(digits[..<point])
            fraction = String(digits[point...])
        }
        while integer.count > 1, integer.first == "0" { integer.removeFirst() }
        while fraction.last == "0" { fraction.removeLast() }
        let sign = value < 0 ? "-" : ""
        return sign + integer + (fraction.isEmpty ? "" : "." + fraction)
    }
}

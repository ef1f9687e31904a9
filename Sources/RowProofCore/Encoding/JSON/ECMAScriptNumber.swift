/// Writes a binary64 the way ECMAScript's `Number.prototype.toString` does (ECMA-262
/// Number::toString), as RFC 8785 requires for JSON numbers.
enum ECMAScriptNumber {
    /// The ECMAScript text of a finite `value`; `-0` is written `0`.
    static func format(_ value: Double) -> String {
        precondition(value.isFinite, "ECMAScriptNumber.format: JSON numbers are finite")
        if value == 0 { return "0" }
        let (digits, pointPosition) = shortestDigits(value.magnitude)
        let k = digits.count
        let n = pointPosition
        var text = value < 0 ? "-" : ""
        if k <= n, n <= 21 {
            text += digits + String(repeating: "0", count: n - k)
        } else if 0 < n, n <= 21 {
            text += digits.prefix(n) + "." + digits.dropFirst(n)
        } else if -6 < n, n <= 0 {
            text += "0." + String(repeating: "0", count: -n) + digits
        } else {
            let exponent = n - 1
            text += digits.prefix(1)
            if k > 1 { text += "." + digits.dropFirst() }
            text += exponent < 0 ? "e-\(-exponent)" : "e+\(exponent)"
        }
        return text
    }

    /// The shortest round-trip digits of a positive finite `value` (no leading or trailing
    /// zeros) and `n` such that `value = 0.digits × 10^n`.
    ///
    /// Swift's `description` already prints the shortest digits that round-trip, choosing the
    /// closest when several qualify (as ECMA-262 requires); only the layout differs.
    static func shortestDigits(_ value: Double) -> (digits: String, pointPosition: Int) {
        let description = value.description
        var mantissa = Substring(description)
        var exponent = 0
        if let e = description.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = description[..<e]
            exponent = Int(description[description.index(after: e)...])!
        }
        var digits = ""
        var pointPosition = 0
        var sawPoint = false
        for character in mantissa {
            if character == "." {
                sawPoint = true
            } else {
                digits.append(character)
                if !sawPoint { pointPosition += 1 }
            }
        }
        while digits.first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        return (digits, pointPosition + exponent)
    }
}

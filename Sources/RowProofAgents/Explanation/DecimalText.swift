import Foundation

/// An exact decimal read from its text (`-12.3400`), with the scale it was written with.
struct DecimalText: Sendable, Hashable {
    /// The value.
    var value: Decimal
    /// Digits written after the decimal point.
    var scale: Int

    /// Parses `[-+]digits[.digits]`; `nil` for anything else (exponents, NaN, text).
    init?(_ text: String) {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            !(parts[0].isEmpty && (parts.count == 1 || parts[1].isEmpty)),
            let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
        else { return nil }
        self.value = value
        self.scale = parts.count == 2 ? parts[1].count : 0
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Decimal {
    /// 10^-scale.
    static func unit(scale: Int) -> Decimal {
        var result = Decimal(1)
        for _ in 0..<max(0, scale) { result /= 10 }
        return result
    }

    /// The magnitude.
    var magnitude: Decimal { self < 0 ? -self : self }
}

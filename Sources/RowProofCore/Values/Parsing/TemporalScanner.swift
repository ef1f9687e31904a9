/// A cursor over temporal text, used by ``TemporalParser``.
struct TemporalScanner {
    private let text: String
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) {
        self.text = text
        self.bytes = Array(text.utf8)
    }

    func failure(_ problem: String) -> CanonicalError {
        CanonicalError(.invalidTemporal, "\"\(text)\" \(problem)")
    }

    /// `YYYY-MM-DD` as days since 1970-01-01.
    mutating func date() throws(CanonicalError) -> Int64 {
        guard let year = digits(4), literal("-"), let month = digits(2), literal("-"), let day = digits(2) else {
            throw failure("is not a YYYY-MM-DD date")
        }
        guard year >= 1, month >= 1, month <= 12, day >= 1, day <= TemporalParser.daysInMonth(year: year, month: month)
        else {
            throw failure("is not a calendar date (years 0001-9999)")
        }
        return TemporalParser.daysFromCivil(year: year, month: month, day: day)
    }

    /// `T` or a space between date and time.
    mutating func expectSeparator() throws(CanonicalError) {
        guard literal("T") || literal(" ") else { throw failure("needs 'T' between the date and the time") }
    }

    /// `HH:MM:SS[.f...]` as microseconds since midnight.
    mutating func clock(allowEndOfDay: Bool) throws(CanonicalError) -> Int64 {
        guard let hours = digits(2), literal(":"), let minutes = digits(2), literal(":"), let seconds = digits(2) else {
            throw failure("is not an HH:MM:SS[.ffffff] time")
        }
        var micros: Int64 = 0
        var fractionIsZero = true
        if literal(".") {
            var count = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                let digit = Int64(bytes[index] - 0x30)
                if count < 6 { micros = micros * 10 + digit }
                if digit != 0 { fractionIsZero = false }
                count += 1
                index += 1
            }
            guard count > 0 else { throw failure("has a '.' without fraction digits") }
            for _ in min(count, 6)..<6 { micros *= 10 }
        }
        guard minutes <= 59, seconds <= 59 else { throw failure("has minutes or seconds above 59") }
        if hours == 24, allowEndOfDay {
            guard minutes == 0, seconds == 0, fractionIsZero else { throw failure("is past 24:00:00") }
        } else if hours > 23 {
            throw failure("has hours above 23")
        }
        return ((hours * 60 + minutes) * 60 + seconds) * 1_000_000 + micros
    }

    /// An optional zone: `Z`, `+HH:MM`, `+HHMM` or `+HH` (or `-`); the offset in microseconds.
    mutating func zoneOffset() throws(CanonicalError) -> Int64? {
        guard index < bytes.count else { return nil }
        if literal("Z") { return 0 }
        let sign: Int64
        if literal("+") { sign = 1 } else if literal("-") { sign = -1 } else { return nil }
        guard let hours = digits(2) else { throw failure("has a zone offset that is not +HH:MM") }
        var minutes: Int64 = 0
        if literal(":") {
            guard let value = digits(2) else { throw failure("has a zone offset that is not +HH:MM") }
            minutes = value
        } else if let value = digits(2) {
            minutes = value
        }
        guard hours <= 23, minutes <= 59 else { throw failure("has an impossible zone offset") }
        return sign * (hours * 60 + minutes) * 60 * 1_000_000
    }

    func expectEnd() throws(CanonicalError) {
        guard index == bytes.count else { throw failure("has unexpected text at offset \(index)") }
    }

    private mutating func literal(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(character.value) else { return false }
        index += 1
        return true
    }

    private mutating func digits(_ count: Int) -> Int64? {
        guard index + count <= bytes.count else { return nil }
        var value: Int64 = 0
        for offset in 0..<count {
            let byte = bytes[index + offset]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int64(byte - 0x30)
        }
        index += count
        return value
    }
}

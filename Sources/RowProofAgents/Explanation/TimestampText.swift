/// A timestamp read from its ISO 8601 text (`2024-03-01T10:03:00Z`, `2024-03-01 10:03:00.5+02:00`),
/// as microseconds since 1970-01-01T00:00:00Z. Text without an offset is read as UTC.
struct TimestampText: Sendable, Hashable {
    /// Microseconds since the epoch, UTC.
    var micros: Int64

    init?(_ text: String) {
        let scalars = Array(text.utf8)
        guard scalars.count >= 19, scalars[4] == UInt8(ascii: "-"), scalars[7] == UInt8(ascii: "-"),
            scalars[10] == UInt8(ascii: "T") || scalars[10] == UInt8(ascii: " "),
            scalars[13] == UInt8(ascii: ":"), scalars[16] == UInt8(ascii: ":"),
            let year = Self.number(scalars, 0..<4), let month = Self.number(scalars, 5..<7),
            let day = Self.number(scalars, 8..<10),
            let hour = Self.number(scalars, 11..<13), let minute = Self.number(scalars, 14..<16),
            let second = Self.number(scalars, 17..<19), (1...12).contains(month), (1...31).contains(day),
            hour < 24, minute < 60,
            second < 61
        else { return nil }
        var index = 19
        var fraction: Int64 = 0
        if index < scalars.count, scalars[index] == UInt8(ascii: ".") {
            index += 1
            var digits = 0
            while index < scalars.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(scalars[index]) {
                if digits < 6 { fraction = fraction * 10 + Int64(scalars[index] - UInt8(ascii: "0")) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 6) { fraction *= 10 }
        }
        var offsetSeconds: Int64 = 0
        if index < scalars.count {
            let sign = scalars[index]
            if sign == UInt8(ascii: "Z"), index + 1 == scalars.count {
                offsetSeconds = 0
            } else if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                let rest = Array(scalars[(index + 1)...]).filter { $0 != UInt8(ascii: ":") }
                guard rest.count == 2 || rest.count == 4, let hours = Self.number(rest, 0..<2) else {
                    return nil
                }
                let minutes = rest.count == 4 ? Self.number(rest, 2..<4) ?? 0 : 0
                offsetSeconds = Int64(hours * 3_600 + minutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
            } else {
                return nil
            }
        }
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + Int64(hour * 3_600 + minute * 60 + second) - offsetSeconds
        micros = seconds * 1_000_000 + fraction
    }

    private static func number(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            let byte = bytes[index]
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// A duration in microseconds written for people: `+1h`, `-5h30m`, `+90s`.
enum DurationText {
    static func describe(micros: Int64) -> String {
        let sign = micros < 0 ? "-" : "+"
        var rest = micros.magnitude
        let hours = rest / 3_600_000_000
        rest %= 3_600_000_000
        let minutes = rest / 60_000_000
        rest %= 60_000_000
        let seconds = Double(rest) / 1_000_000
        var parts: [String] = []
        if hours > 0 { parts.append("\(hours)h") }
        if minutes > 0 { parts.append("\(minutes)m") }
        if seconds > 0 || parts.isEmpty {
            parts.append(seconds == seconds.rounded() ? "\(Int(seconds))s" : "\(seconds)s")
        }
        return sign + parts.joined()
    }

    /// `+01:00` for a whole-minute offset.
    static func offset(micros: Int64) -> String {
        let totalMinutes = Int(micros.magnitude / 60_000_000)
        let hours = totalMinutes / 60
        let minutes = totalMinutes % 60
        return (micros < 0 ? "-" : "+") + (hours < 10 ? "0" : "") + "\(hours):"
            + (minutes < 10 ? "0" : "") + "\(minutes)"
    }
}

/// Parses ISO 8601 dates, times and timestamps into the spec's numbers (days, microseconds).
///
/// Accepted forms (years 0001-9999, proleptic Gregorian):
/// - date: `YYYY-MM-DD`, `infinity`, `-infinity`
/// - time: `HH:MM:SS[.f...]` with an optional zone (`Z`, `+HH:MM`, `+HHMM`, `+HH`); `24:00:00`
///   is allowed; a zoned time is converted to UTC modulo one day
/// - timestamp: `YYYY-MM-DDTHH:MM:SS[.f...]` (a space instead of `T` is accepted, as SQLite
///   stores it) with an optional zone; `infinity`, `-infinity`
///
/// Fraction digits beyond the sixth are dropped (floored to the microsecond).
public enum TemporalParser {
    /// Microseconds in one day.
    public static let microsPerDay: Int64 = 86_400_000_000

    /// Days since 1970-01-01 of a `YYYY-MM-DD` date (`Int32.max`/`Int32.min` for +/-infinity).
    ///
    /// - Throws: ``CanonicalError/Code-swift.enum/invalidTemporal`` naming the text and the problem.
    public static func parseDate(_ text: String) throws(CanonicalError) -> Int32 {
        if text == "infinity" { return Int32.max }
        if text == "-infinity" { return Int32.min }
        var scanner = TemporalScanner(text)
        let days = try scanner.date()
        try scanner.expectEnd()
        return Int32(days)
    }

    /// Microseconds since midnight (0 through 86 400 000 000) of a time, converted to UTC
    /// modulo one day when it has a zone.
    ///
    /// - Throws: ``CanonicalError/Code-swift.enum/invalidTemporal`` naming the text and the problem.
    public static func parseTime(_ text: String) throws(CanonicalError) -> Int64 {
        var scanner = TemporalScanner(text)
        let micros = try scanner.clock(allowEndOfDay: true)
        let offset = try scanner.zoneOffset()
        try scanner.expectEnd()
        guard let offset else { return micros }
        let utc = (micros - offset) % microsPerDay
        return utc < 0 ? utc + microsPerDay : utc
    }

    /// UTC microseconds since the epoch of a timestamp (`Int64.max`/`Int64.min` for +/-infinity).
    ///
    /// - Parameters:
    ///   - text: The timestamp.
    ///   - naiveOffsetMicros: The UTC offset to assume for a timestamp without a zone (the
    ///     type-coercion rulebook's zone; 0 means UTC, the default).
    /// - Throws: ``CanonicalError/Code-swift.enum/invalidTemporal`` naming the text and the problem.
    public static func parseTimestamp(_ text: String, naiveOffsetMicros: Int64 = 0) throws(CanonicalError) -> Int64 {
        if text == "infinity" { return Int64.max }
        if text == "-infinity" { return Int64.min }
        var scanner = TemporalScanner(text)
        let days = try scanner.date()
        try scanner.expectSeparator()
        let clock = try scanner.clock(allowEndOfDay: false)
        let offset = try scanner.zoneOffset() ?? naiveOffsetMicros
        try scanner.expectEnd()
        // Years 0001-9999 keep this far inside Int64; only the infinity sentinels are excluded.
        let micros = days * microsPerDay + clock - offset
        guard micros != Int64.max, micros != Int64.min else {
            throw scanner.failure("is out of range")
        }
        return micros
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (no validation).
    public static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The number of days in `month` of `year`.
    public static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

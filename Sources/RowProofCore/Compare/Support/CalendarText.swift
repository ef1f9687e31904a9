/// Writes days and microseconds since the Unix epoch as ISO 8601 text (proleptic Gregorian, UTC).
///
/// Used to show keys and temporal differences to people; never part of any encoding.
enum CalendarText {
    static let microsPerDay: Int64 = 86_400_000_000

    /// `YYYY-MM-DD`, or `infinity` / `-infinity` for the spec's sentinels.
    static func date(days: Int64) -> String {
        if days == Int64(Int32.max) { return "infinity" }
        if days == Int64(Int32.min) { return "-infinity" }
        let (year, month, day) = civil(days: days)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `HH:MM:SS` with `.ffffff` when there are microseconds.
    static func time(micros: Int64) -> String {
        let seconds = micros / 1_000_000
        let fraction = micros % 1_000_000
        var text = "\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
        if fraction != 0 { text += "." + pad(fraction, 6) }
        return text
    }

    /// `YYYY-MM-DDTHH:MM:SS[.ffffff]Z`, or `infinity` / `-infinity`.
    static func timestamp(micros: Int64) -> String {
        if micros == Int64.max { return "infinity" }
        if micros == Int64.min { return "-infinity" }
        let days = micros >= 0 ? micros / microsPerDay : (micros + 1) / microsPerDay - 1
        return date(days: days) + "T" + time(micros: micros - days * microsPerDay) + "Z"
    }

    /// Howard Hinnant's `civil_from_days`.
    private static func civil(days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let padding = String(repeating: "0", count: max(0, width - digits.count))
        return (value < 0 ? "-" : "") + padding + digits
    }
}

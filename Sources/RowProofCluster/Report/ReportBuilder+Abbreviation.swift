extension ReportBuilder {
    /// Values whose text is longer than this many Unicode scalars are abbreviated in reports.
    ///
    /// A 5 MB text or bytea value used to be copied whole into every place the report shows it
    /// (minimum, maximum, both sides of a changed row): a 12-row table made a 70 MB report.json
    /// and report.html, and a report.md far beyond what a CI job summary accepts.
    static let displayLimit = 256

    /// `text`, or its first ``displayLimit`` scalars with `…` and its full length.
    static func abbreviated(_ text: String) -> String {
        abbreviated(text, from: 0)
    }

    /// A changed value's two sides, each abbreviated around their first difference, so the
    /// part that differs stays visible.
    static func abbreviated(source: String, target: String) -> (source: String, target: String) {
        let limit = displayLimit
        guard source.unicodeScalars.count > limit || target.unicodeScalars.count > limit else {
            return (source, target)
        }
        var offset = 0
        for (left, right) in zip(source.unicodeScalars, target.unicodeScalars) {
            guard left == right else { break }
            offset += 1
        }
        // Start a little before the first difference (at 0 when it comes early).
        let start = max(0, offset - limit / 4)
        return (abbreviated(source, from: start), abbreviated(target, from: start))
    }

    /// Up to ``displayLimit`` scalars of `text` from scalar `start`, marked with `…` where cut
    /// and followed by the full length; `text` itself when it is short enough.
    private static func abbreviated(_ text: String, from start: Int) -> String {
        let scalars = text.unicodeScalars
        let count = scalars.count
        guard count > displayLimit else { return text }
        let first = min(start, max(0, count - displayLimit))
        let lower = scalars.index(scalars.startIndex, offsetBy: first)
        let upper = scalars.index(lower, offsetBy: min(displayLimit, count - first))
        var shown = String(scalars[lower..<upper])
        if first > 0 { shown = "…" + shown }
        if upper < scalars.endIndex { shown += "…" }
        return shown + " [\(count) characters]"
    }
}

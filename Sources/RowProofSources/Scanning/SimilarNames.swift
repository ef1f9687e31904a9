/// Picks the names closest to a misspelled one, for "did you mean" hints.
enum SimilarNames {
    /// Up to `limit` of `candidates` closest to `name` (case-insensitive edit distance on `key`),
    /// keeping only plausible ones.
    static func closest(
        to name: String,
        among candidates: [String],
        key: (String) -> String = { $0 },
        limit: Int = 5
    ) -> [String] {
        let target = Array(name.lowercased())
        let scored = candidates.map { candidate -> (String, Int) in
            let other = Array(key(candidate).lowercased())
            var distance = editDistance(target, other)
            if other.contains(target.first ?? " "),
                String(other).contains(String(target)) || String(target).contains(String(other))
            {
                distance = min(distance, 1)
            }
            return (candidate, distance)
        }
        let threshold = max(2, target.count / 2)
        return scored.filter { $0.1 <= threshold }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

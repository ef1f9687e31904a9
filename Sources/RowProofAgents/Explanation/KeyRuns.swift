/// Contiguous runs of integer keys, for telling a truncated load (one block of consecutive keys
/// missing) from scattered losses.
enum KeyRuns {
    /// A run of consecutive keys `lower...upper`.
    struct Run: Sendable, Hashable {
        var lower: Int64
        var upper: Int64
        var count: Int { Int(upper - lower + 1) }
    }

    /// The runs of at least `minimumLength` consecutive values among `keys` (duplicates ignored).
    static func runs(in keys: [Int64], minimumLength: Int = 3) -> [Run] {
        let sorted = Array(Set(keys)).sorted()
        var runs: [Run] = []
        var current: Run? = nil
        for key in sorted {
            if let run = current, key == run.upper + 1 {
                current?.upper = key
            } else {
                if let run = current, run.count >= minimumLength { runs.append(run) }
                current = Run(lower: key, upper: key)
            }
        }
        if let run = current, run.count >= minimumLength { runs.append(run) }
        return runs
    }
}

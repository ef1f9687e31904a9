import RowProofContracts

extension TableAnalysis {
    /// Missing rows whose integer keys form contiguous ranges: a truncated load.
    func truncatedLoad(_ samples: [DifferenceSample]) -> [DiffHypothesis] {
        guard !samples.isEmpty else { return [] }
        var result: [DiffHypothesis] = []
        let keyColumns = Set(samples.flatMap(\.key.keys))
        if keyColumns.count == 1, let column = keyColumns.first {
            let keys = samples.compactMap { sample in sample.key[column].flatMap(Self.integer) }
            let runs = KeyRuns.runs(in: keys)
            if keys.count == samples.count, !runs.isEmpty {
                let inRuns = runs.reduce(0) { $0 + $1.count }
                let ranges = runs.map { "\(column) \($0.lower)…\($0.upper)" }
                let runKeys = keys.filter { key in runs.contains { ($0.lower...$0.upper).contains(key) } }
                    .map { "\(column)=\($0)" }
                var notes = chunkNotes()
                if table.differencesTruncated {
                    notes.append(
                        "the sample is truncated: the missing range may extend beyond the sampled keys"
                    )
                }
                result.append(
                    hypothesis(
                        .truncatedLoad,
                        column: nil,
                        finding:
                            "\(inRuns) of \(samples.count) sampled missing rows form \(runs.count) contiguous key range(s): "
                            + ranges.joined(separator: ", "),
                        keys: runKeys,
                        explained: Double(inRuns),
                        comparable: Double(samples.count),
                        fix: DiffFix.reload(table: table, keyColumn: column, runs: runs),
                        notes: notes
                    )
                )
            }
        }
        return result
    }

    /// Missing rows rejected or filtered by the load: fits every missing row, credited with those
    /// no contiguous range explains.
    func rejectedRows(_ samples: [DifferenceSample], residual: [DifferenceSample]) -> DiffHypothesis {
        let keys = samples.map(\.keyText)
        return hypothesis(
            .rejectedRows,
            column: nil,
            finding:
                "\(samples.count) sampled rows are missing from the target, \(residual.count) of them outside contiguous ranges",
            keys: keys,
            explained: Double(residual.count),
            comparable: Double(residual.count),
            fix: DiffFix.reloadKeys(table: table, keys: keys),
            notes: Self.explainedAway(samples.count - residual.count)
        )
    }

    /// Extra rows or duplicate keys: one generic hypothesis each.
    func rowHypotheses(_ samples: [DifferenceSample], pattern: DiffPattern) -> [DiffHypothesis] {
        guard !samples.isEmpty else { return [] }
        let keys = samples.map(\.keyText)
        let what =
            pattern == .duplicateLoad ? "keys appear more than once" : "rows are only in the target"
        let fix =
            pattern == .duplicateLoad
            ? DiffFix.deduplicate(table: table, keys: keys) : DiffFix.extra(table: table, keys: keys)
        return [
            hypothesis(
                pattern,
                column: nil,
                finding: "\(samples.count) sampled \(what)",
                keys: keys,
                explained: Double(samples.count),
                comparable: Double(samples.count),
                fix: fix
            )
        ]
    }

    /// Chunks whose target holds fewer rows than the source: where the rows went missing.
    private func chunkNotes() -> [String] {
        let short = table.chunks.filter { $0.target.count < $0.source.count }
        guard !short.isEmpty else { return [] }
        return short.prefix(10).map { chunk in
            "chunk \(chunk.chunkID) [\(Self.bound(chunk.range.lower)) … \(Self.bound(chunk.range.upper))): "
                + "\(chunk.source.count) source rows, \(chunk.target.count) target rows"
        }
    }

    private static func bound(_ bound: [String: JSONValue]?) -> String {
        guard let bound else { return "unbounded" }
        return bound.sorted { $0.key < $1.key }.map { "\($0.key)=\(SampleValue($0.value).display)" }
            .joined(separator: ", ")
    }

    static func integer(_ value: JSONValue) -> Int64? {
        switch value {
        case .integer(let number): number
        case .string(let text): Int64(text)
        case .null, .bool, .number, .array, .object: nil
        }
    }
}

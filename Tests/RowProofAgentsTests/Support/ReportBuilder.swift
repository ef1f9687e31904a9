import RowProofContracts

/// Small hand-built recon reports for ranking tests.
enum ReportBuilder {
    static func changed(id: Int, column: String, source: String, target: String) -> DifferenceSample {
        DifferenceSample(
            kind: .changed,
            key: ["id": .string(String(id))],
            columns: [column],
            source: [column: .string(source)],
            target: [column: .string(target)],
            isRedacted: false,
            severity: .error
        )
    }

    static func report(changed: [DifferenceSample], missing: [Int] = []) -> ReconReport {
        let missingSamples = missing.map {
            DifferenceSample(
                kind: .missing,
                key: ["id": .string(String($0))],
                isRedacted: false,
                severity: .critical
            )
        }
        let counts = RowCounts(
            rowsSource: 1_000,
            rowsTarget: 1_000 - missing.count,
            matched: 1_000 - changed.count - missing.count,
            changed: changed.count,
            missing: missing.count,
            extra: 0,
            duplicateKeys: 0,
            withinTolerance: 0
        )
        let table = TableReport(
            sourceTable: "public.t",
            targetTable: "public.t",
            strategy: .rowhash,
            guarantee: .full,
            counts: counts,
            columns: [],
            aggregates: AggregateSides(),
            differences: changed + missingSamples,
            differencesTruncated: false,
            chunks: [],
            severity: .error,
            verdict: .fail
        )
        let digest = String(repeating: "0", count: 64)
        return ReconReport(
            job: ReportJobReference(name: "hand-built", id: "hand-built-1"),
            rowproofVersion: "1.0.0",
            hashingSpecVersion: "1.0",
            startedAt: "2026-01-01T00:00:00Z",
            finishedAt: "2026-01-01T00:00:01Z",
            timings: [],
            specSHA256: digest,
            policySHA256: digest,
            jobSHA256: digest,
            columnPlan: [],
            totals: counts,
            tables: [table],
            severity: .error,
            verdict: .fail
        )
    }
}

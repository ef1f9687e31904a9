import Foundation
public import RowProofContracts

/// The cutover planning agent: from discovery's dependencies (foreign keys, views) and the
/// throughput measured by a reconciliation report, the ordered steps of a cutover with time
/// estimates, the pre-checks, the rollback procedure and a Markdown runbook.
public struct CutoverPlanner: Sendable {
    /// Rows per second assumed for copying and verifying when no report is given.
    public var defaultRowsPerSecond: Double

    /// Creates the planner.
    public init(defaultRowsPerSecond: Double = 10_000) {
        self.defaultRowsPerSecond = defaultRowsPerSecond
    }

    /// Plans the cutover of `inventory`; `report` (with its name) gives the measured throughput and
    /// the last verdict. Writes `runbook.md` into `builder`.
    public func run(
        inventory: SourceInventory,
        inventoryName: String,
        report: ReconReport?,
        reportName: String?,
        builder: inout AgentOutputBuilder
    ) -> [CutoverStep] {
        let (order, cycles) = DependencyOrder.order(inventory.tables)
        let tables = Dictionary(uniqueKeysWithValues: inventory.tables.map { ($0.qualifiedName, $0) })
        let throughput = report.flatMap(Self.rowsPerSecond)
        let rate = throughput ?? defaultRowsPerSecond
        let rateEvidence: ClaimEvidence =
            throughput.map {
                .metric(
                    "recon throughput",
                    shows:
                        "\(Int($0)) rows/s measured in \(reportName ?? "the report") (rows read on both sides / hash and diff seconds)"
                )
            }
            ?? .metric(
                "assumed throughput",
                shows: "\(Int(rate)) rows/s: no report given, pass --report to use a measured rate"
            )

        var steps: [CutoverStep] = []
        func add(_ title: String, _ commands: [String], seconds: Double, rollback: String) {
            steps.append(
                CutoverStep(
                    number: steps.count + 1,
                    title: title,
                    commands: commands,
                    estimatedSeconds: seconds,
                    rollback: rollback
                )
            )
        }
        var prechecks = ["Confirm a restorable backup of the source taken within the last 24 hours."]
        if let report {
            prechecks.append(
                "Last reconciliation \(report.job.name) verdict: \(report.verdict.rawValue) (exit code \(report.exitCode)); it must be pass."
            )
        } else {
            prechecks.append(
                "Run rowproof recon on every table and require verdict pass before starting."
            )
        }
        prechecks.append(
            "Target tables exist with their constraints; the application's target connection string is ready."
        )
        add(
            "Pre-checks",
            prechecks,
            seconds: 300,
            rollback: "Nothing to undo: stop here if a check fails."
        )
        add(
            "Freeze writes on the source",
            [
                "ALTER DATABASE <source_db> SET default_transaction_read_only = on;  -- then end open sessions",
                "SELECT pid, state, query FROM pg_stat_activity WHERE datname = '<source_db>' AND state <> 'idle';",
            ],
            seconds: 120,
            rollback: "ALTER DATABASE <source_db> SET default_transaction_read_only = off;"
        )
        for name in order {
            guard let table = tables[name] else { continue }
            let rows = Double(table.rowEstimate ?? 0)
            if table.kind == "view" {
                add(
                    "Create view \(name)",
                    ["-- create \(name) on the target after: \(table.dependsOn.joined(separator: ", "))"],
                    seconds: 5,
                    rollback: "DROP VIEW IF EXISTS \(name);"
                )
            } else {
                let after = table.foreignKeys.map(\.references).filter { $0 != name }
                add(
                    "Final sync of \(name)"
                        + (after.isEmpty ? "" : " (after \(after.joined(separator: ", ")))"),
                    ["-- copy rows changed since the last sync of \(name) (\(Int(rows)) rows in all)"],
                    seconds: max(1, rows / rate),
                    rollback:
                        "TRUNCATE \(name) on the target only if it was loaded in this window; the source is untouched."
                )
            }
        }
        let totalRows = inventory.tables.filter { $0.kind != "view" }.reduce(0.0) {
            $0 + Double($1.rowEstimate ?? 0)
        }
        add(
            "Verify with RowProof",
            ["rowproof recon --job recon_job.yaml --output cutover-verify/", "# require exit code 0"],
            seconds: max(1, 2 * totalRows / rate),
            rollback: "If the verdict is not pass: run the rollback procedure below."
        )
        add(
            "Switch the application to the target",
            ["-- point the application's connection string at the target; restart or reload it"],
            seconds: 300,
            rollback: "Point the application back at the source and lift the source freeze."
        )
        add(
            "Post-checks",
            [
                "rowproof explain cutover-verify/report.json  # only if differences appear",
                "-- watch error rates for 30 minutes",
            ],
            seconds: 1_800,
            rollback:
                "Run the rollback procedure below; writes taken by the target since the switch must be replayed on the source."
        )

        builder.read(inventoryName, kind: .file, bytes: inventory.jsonData)
        builder.claim(
            AgentClaim(
                id: "order",
                statement: "Load order (referenced tables first, views last): "
                    + order.joined(separator: " → ") + ".",
                confidence: cycles.isEmpty ? 1 : 0.6,
                evidence: inventory.tables.flatMap { table in
                    table.foreignKeys.map {
                        ClaimEvidence.metric(
                            "foreign key \($0.name)",
                            shows: "\(table.qualifiedName) references \($0.references)"
                        )
                    }
                        + table.dependsOn.map {
                            ClaimEvidence.metric("view dependency", shows: "\(table.qualifiedName) reads \($0)")
                        }
                } + [.file(inventoryName)]
            )
        )
        for cycle in cycles {
            builder.warn(
                "foreign keys form a cycle among \(cycle.joined(separator: ", ")): load them in one transaction with deferred constraints"
            )
        }
        let total = steps.reduce(0) { $0 + $1.estimatedSeconds }
        builder.claim(
            AgentClaim(
                id: "duration",
                statement: "The cutover takes about \(Int((total / 60).rounded(.up))) minutes, of which "
                    + "\(Int((steps.filter { $0.title.hasPrefix("Final sync") }.reduce(0) { $0 + $1.estimatedSeconds } / 60).rounded(.up))) "
                    + "copying and \(Int((2 * totalRows / rate / 60).rounded(.up))) verifying \(Int(totalRows)) rows.",
                confidence: throughput == nil ? 0.4 : 0.7,
                evidence: [rateEvidence, .file(inventoryName)]
            )
        )
        if let report, let reportName {
            builder.claim(
                AgentClaim(
                    id: "precheck-verdict",
                    statement:
                        "Pre-check: the last reconciliation's verdict is \(report.verdict.rawValue); cutover requires pass.",
                    confidence: 1,
                    evidence: [
                        .file(
                            reportName,
                            shows: "verdict \(report.verdict.rawValue), severity \(report.severity.rawValue)"
                        )
                    ]
                )
            )
        }
        builder.claim(
            AgentClaim(
                id: "rollback",
                statement:
                    "Rollback: switch the application back to the source, lift the source's write freeze, and replay "
                    + "or discard writes the target took after the switch; every step's own undo is in runbook.md.",
                confidence: 0.9,
                evidence: [.file("runbook.md")]
            )
        )
        builder.write(
            text: Self.runbook(steps, inventory: inventory, rate: rate, measured: throughput != nil),
            to: "runbook.md"
        )
        return steps
    }

    /// Rows read on both sides per second of hashing and diffing.
    static func rowsPerSecond(_ report: ReconReport) -> Double? {
        let seconds = report.timings.filter { $0.phase == .hash || $0.phase == .diff }.reduce(0) {
            $0 + $1.seconds
        }
        let rows = Double(report.totals.rowsSource + report.totals.rowsTarget)
        return seconds > 0 && rows > 0 ? rows / seconds : nil
    }

    static func runbook(
        _ steps: [CutoverStep],
        inventory: SourceInventory,
        rate: Double,
        measured: Bool
    ) -> String {
        var lines = [
            "# Cutover runbook", "",
            "Source: `\(inventory.location)`. Throughput: \(Int(rate)) rows/s (\(measured ? "measured by RowProof" : "assumed")).",
            "", "| # | Step | Estimate |", "|---:|---|---:|",
        ]
        for step in steps {
            lines.append("| \(step.number) | \(step.title) | \(Self.duration(step.estimatedSeconds)) |")
        }
        lines.append("")
        for step in steps {
            lines +=
                [
                    "## \(step.number). \(step.title)", "",
                    "Estimate: \(Self.duration(step.estimatedSeconds)).", "", "```",
                ] + step.commands
                + ["```", "", "Undo: \(step.rollback)", ""]
        }
        lines += [
            "## Rollback procedure", "",
            "1. Stop the application's writes to the target.",
            "2. Point the application back at the source.",
            "3. `ALTER DATABASE <source_db> SET default_transaction_read_only = off;`",
            "4. Replay on the source, or discard, the writes the target took after the switch.",
            "5. Run `rowproof recon` again before the next attempt.", "",
        ]
        return lines.joined(separator: "\n")
    }

    static func duration(_ seconds: Double) -> String {
        seconds < 90 ? "\(Int(seconds.rounded(.up))) s" : "\(Int((seconds / 60).rounded(.up))) min"
    }
}

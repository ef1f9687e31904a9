import ArgumentParser
import Foundation
import Logging
import RowProofCluster
import RowProofContracts

extension RowProofCommand {
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reconcile a demo migration on the embedded default (SQLite): no server needed.",
            discussion: """
                Builds a source and a "migrated" target SQLite database with differences planted at known keys \
                — changed amounts, lost and extra rows, NULL turned into '', a one-hour time zone shift, float \
                drift within tolerance, a changed e-mail (redacted in the report), a row loaded twice into a \
                table without a key — then reconciles them through real worker processes over ZeroMQ, writes \
                the reports, and checks that exactly the planted differences were found.
                """
        )

        @Option(name: [.customShort("o"), .long], help: "Folder for the demo databases and reports.")
        var output: String = "rowproof-demo"

        @Option(help: "Local worker processes, 1 to 1024.")
        var workers: Int = 2

        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            guard (1...1024).contains(workers) else {
                throw ValidationError("--workers \(workers): the demo starts its own workers; use 1 to 1024")
            }
        }

        func run() async throws {
            let logger = logging.bootstrap()
            let folder = URL(fileURLWithPath: output)
            print("demo: building source.db and target.db in \(folder.path) …")
            let planted: DemoDataSet.Planted
            do {
                planted = try DemoDataSet.create(in: folder)
            } catch {
                FileHandle.standardError.write(
                    Data(
                        ("demo: cannot build the demo databases in \(folder.path): \(CommandFailure.describe(error))\n"
                            + "hint: give --output a folder this user can create and write\n").utf8
                    )
                )
                throw ExitCode(2)
            }
            let job = ReconJob(
                name: "demo-migration",
                description: "The RowProof demo: a SQLite source and target with planted differences.",
                source: ConnectionEndpoint(url: "sqlite://" + folder.appendingPathComponent("source.db").path),
                target: ConnectionEndpoint(url: "sqlite://" + folder.appendingPathComponent("target.db").path),
                tables: [
                    TableSelection(source: "orders"),
                    TableSelection(source: "customers"),
                    TableSelection(source: "audit_events"),
                ],
                chunking: ChunkingOptions(chunkRows: 2_500),
                tolerances: Tolerances(columns: [ColumnTolerance(column: "price", absolute: 1e-6)])
            )
            try job.validate()
            // A fresh job store each time, so the demo always runs every chunk.
            let store = folder.appendingPathComponent("rowproof-jobs.sqlite")
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store.path + suffix) }
            let rules = ReportPolicy(
                classifier: ReportPolicy.standard.classifier,
                redaction: [RedactionRule(column: "*email*", mode: .mask)]
            )
            let options = ReconRunner.Options(
                outputDirectory: folder,
                storePath: store.path,
                workers: workers,
                workerExecutable: RunReport.selfExecutable,
                useSnapshots: false,
                planning: JobPlanner.Defaults(chunkRows: 2_500),
                policy: (rules, "")
            )
            print("demo: reconciling with \(workers) worker processes over ZeroMQ …")
            let code = await RunReport.run(job: job, options: options, logger: logger, quiet: false)
            guard code != 2 else { throw ExitCode(2) }
            let report = try JSONDecoder().decode(
                ReconReport.self,
                from: Data(contentsOf: folder.appendingPathComponent("report.json"))
            )
            let problems = Self.check(report, against: planted)
            if problems.isEmpty {
                print(
                    """
                    demo: the report names exactly the planted differences, so the verdict is FAIL as it should be:
                      orders: \(planted.ordersChanged) changed, \(planted.ordersMissing) missing, \(planted.ordersExtra) extra, \
                    \(planted.ordersWithinTolerance) within tolerance; customers: \(planted.customersChanged) changed, \
                    \(planted.customersMissing) missing; audit_events (no key): \(planted.eventsExtraRows) extra row.
                    Open \(folder.appendingPathComponent("report.html").path) in a browser.
                    """
                )
            } else {
                FileHandle.standardError.write(
                    Data(
                        ("demo: the report does not match what was planted:\n  "
                            + problems.joined(separator: "\n  ") + "\n").utf8
                    )
                )
                throw ExitCode(2)
            }
        }

        static func check(_ report: ReconReport, against planted: DemoDataSet.Planted) -> [String] {
            var problems: [String] = []
            func expect(_ table: String, _ what: String, _ found: Int?, _ wanted: Int) {
                if found != wanted {
                    problems.append("\(table): \(what) \(found.map(String.init) ?? "missing") instead of \(wanted)")
                }
            }
            let tables = Dictionary(uniqueKeysWithValues: report.tables.map { ($0.sourceTable, $0) })
            let orders = tables.first { $0.key.hasSuffix("orders") }?.value
            expect("orders", "changed", orders?.counts.changed, planted.ordersChanged)
            expect("orders", "missing", orders?.counts.missing, planted.ordersMissing)
            expect("orders", "extra", orders?.counts.extra, planted.ordersExtra)
            expect("orders", "within tolerance", orders?.counts.withinTolerance, planted.ordersWithinTolerance)
            let customers = tables.first { $0.key.hasSuffix("customers") }?.value
            expect("customers", "changed", customers?.counts.changed, planted.customersChanged)
            expect("customers", "missing", customers?.counts.missing, planted.customersMissing)
            let events = tables.first { $0.key.hasSuffix("audit_events") }?.value
            expect(
                "audit_events",
                "extra rows",
                events.map { $0.counts.rowsTarget - $0.counts.rowsSource },
                planted.eventsExtraRows
            )
            if report.verdict != .fail { problems.append("verdict \(report.verdict.rawValue) instead of fail") }
            if let sample = customers?.differences.first(where: { $0.kind == .changed }), !sample.isRedacted {
                problems.append("customers: e-mail values were not redacted")
            }
            return problems
        }
    }
}

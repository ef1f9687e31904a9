import ArgumentParser
import Foundation
import RowProofAgents
import RowProofContracts

extension RowProofCommand {
    struct ProfileCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "profile",
            abstract:
                "Profile columns: NULLs, distinct values, range, lengths, top values, decimals used, time zone offsets.",
            discussion: """
                Runs SQL on the source for each column and writes profiling.json (every claim cites its SQL), \
                profile.json (read by map and by reconciliation planning) and profile.md. Tables above \
                --sample-threshold rows are profiled on a sample (TABLESAMPLE SYSTEM … REPEATABLE on Postgres, \
                a row limit on SQLite); the output says so and gives the sample size.
                  rowproof profile postgresql://ro@old-db/shop --table public.orders --output out/
                Exit codes: 0 done, 2 the source could not be read or a table does not exist.
                """
        )

        @Argument(
            help:
                "Source connection string (postgres://…, libpq key=value, sqlite:///path.db, or a secret reference)."
        )
        var source: String

        @Option(
            name: [.customShort("t"), .long],
            help: "Table to profile (SCHEMA.TABLE or TABLE; repeatable). Default: every table."
        )
        var table: [String] = []

        @Option(
            name: .customLong("sample-threshold"),
            help: "Profile a sample of about this many rows when a table has more."
        )
        var sampleThreshold: Int = 100_000

        @OptionGroup var agent: AgentCommandOptions

        func validate() throws {
            guard sampleThreshold >= 1 else {
                throw ValidationError("--sample-threshold must be at least 1")
            }
        }

        func run() throws {
            let run = agent.run(.profiling)
            try AgentCommandRunner.run(
                "profile",
                {
                    let connection = try CatalogConnection(location: source)
                    var discovery = AgentOutputBuilder(run: AgentRun(agent: .discovery))
                    let inventory = try DiscoveryAgent().run(connection, tables: table, builder: &discovery)
                    var builder = AgentOutputBuilder(run: run)
                    var profiles: [TableProfile] = []
                    for entry in inventory.tables where entry.kind != "view" {
                        profiles.append(
                            try ProfilingAgent(sampleThreshold: sampleThreshold).run(
                                connection,
                                table: entry,
                                builder: &builder
                            )
                        )
                    }
                    builder.write(TableProfile.jsonData(profiles), to: "profile.json")
                    builder.write(text: TableProfile.markdown(profiles), to: "profile.md")
                    return try builder.writeAll(to: agent.outputDirectory)
                },
                outputDirectory: agent.outputDirectory,
                outputName: "profiling.json"
            )
        }
    }
}

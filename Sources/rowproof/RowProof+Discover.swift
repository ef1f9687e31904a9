import ArgumentParser
import Foundation
import RowProofAgents
import RowProofContracts

extension RowProofCommand {
    struct DiscoverCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "discover",
            abstract:
                "Inventory a source: tables, views, sizes, keys, column types, foreign keys and view dependencies.",
            discussion: """
                Reads the catalog (pg_catalog on Postgres; sqlite_master and PRAGMA table_info / foreign_key_list \
                on SQLite) and writes discovery.json (every claim cites the catalog query it came from), \
                inventory.json (read by profile, map and plan-cutover) and discovery.md.
                  rowproof discover postgresql://ro@old-db/shop --output out/
                  rowproof discover sqlite:///data/shop.db --table orders --output out/
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
            help: "Inventory only this table (SCHEMA.TABLE or TABLE; repeatable). Default: all."
        )
        var table: [String] = []

        @OptionGroup var agent: AgentCommandOptions

        func run() throws {
            let run = agent.run(.discovery)
            try AgentCommandRunner.run(
                "discover",
                {
                    let connection = try CatalogConnection(location: source)
                    var builder = AgentOutputBuilder(run: run)
                    _ = try DiscoveryAgent().run(connection, tables: table, builder: &builder)
                    return try builder.writeAll(to: agent.outputDirectory)
                },
                outputDirectory: agent.outputDirectory,
                outputName: "discovery.json"
            )
        }
    }
}

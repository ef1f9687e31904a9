import ArgumentParser
import Foundation
import RowProofAgents
import RowProofContracts

extension RowProofCommand {
    struct MapCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "map",
            abstract:
                "Map source columns to the target's through the type-coercion rulebook and flag every lossy coercion.",
            discussion: """
                Discovers both tables, profiles the source table (or reads --profile), and checks each column pair: \
                length (varchar(n) narrower than the data), scale and precision (numeric(p,s)), time zones, \
                exact-to-float, type changes, missing columns. Affected rows are counted on the source. Writes \
                mapping.json (agent output; every claim cites the rule, the query and the profile), \
                column_mapping.json (read by rewrite) and mapping.md.
                  rowproof map postgresql://ro@old/shop postgresql://ro@new/shop --table public.orders --output out/
                Exit codes: 0 done, 2 a source could not be read, a table does not exist or an input is invalid.
                """
        )

        @Argument(help: "Source connection string.")
        var source: String

        @Argument(help: "Target connection string.")
        var target: String

        @Option(name: [.customShort("t"), .long], help: "Source table (SCHEMA.TABLE or TABLE).")
        var table: String

        @Option(name: .customLong("target-table"), help: "Target table, when it is named differently.")
        var targetTable: String?

        @Option(
            help:
                "Type-coercion rulebook (JSON). Default: policy/type_coercion_rulebook.json, looked up in the current folder, above the rowproof executable, then in /usr/local/share/rowproof and /usr/share/rowproof."
        )
        var rulebook: String?

        @Option(
            help: "profile.json written by rowproof profile (default: profile the source table now)."
        )
        var profile: String?

        @OptionGroup var agent: AgentCommandOptions

        func run() throws {
            let run = agent.run(.mapping)
            try AgentCommandRunner.run(
                "map",
                {
                    let rulebook = try rulebook ?? InstalledFiles.rulebook()
                    let rulebookData = try AgentCommandRunner.readFile(rulebook, what: "the rulebook")
                    let sourceConnection = try CatalogConnection(location: source)
                    let targetConnection = try CatalogConnection(location: target)
                    var scratch = AgentOutputBuilder(run: AgentRun(agent: .discovery))
                    let sourceTable = try DiscoveryAgent().run(
                        sourceConnection,
                        tables: [table],
                        builder: &scratch
                    ).tables[0]
                    let targetEntry = try DiscoveryAgent().run(
                        targetConnection,
                        tables: [targetTable ?? table],
                        builder: &scratch
                    ).tables[0]
                    var builder = AgentOutputBuilder(run: run)
                    let tableProfile: TableProfile
                    if let profile {
                        let data = try AgentCommandRunner.readFile(profile, what: "the profile")
                        builder.read(profile, kind: .file, bytes: data)
                        guard
                            let found = try TableProfile.read(data, name: profile).first(where: {
                                $0.table == sourceTable.qualifiedName
                            })
                        else {
                            throw AgentError(
                                .input,
                                "\(profile) has no profile of \(sourceTable.qualifiedName); run rowproof profile --table \(table)"
                            )
                        }
                        tableProfile = found
                    } else {
                        var profiling = AgentOutputBuilder(run: AgentRun(agent: .profiling))
                        tableProfile = try ProfilingAgent().run(
                            sourceConnection,
                            table: sourceTable,
                            builder: &profiling
                        )
                        for input in profiling.inputs {
                            builder.read(input.name, kind: .query, bytes: Array(input.name.utf8))
                        }
                    }
                    let mapping = try MappingAgent(rulebookData: rulebookData, rulebookName: rulebook).run(
                        sourceConnection,
                        source: sourceTable,
                        target: targetEntry,
                        targetEngine: targetConnection.engine,
                        profile: tableProfile,
                        builder: &builder
                    )
                    builder.write(TableMapping.jsonData([mapping]), to: "column_mapping.json")
                    builder.write(text: TableMapping.markdown([mapping]), to: "mapping.md")
                    return try builder.writeAll(to: agent.outputDirectory)
                },
                outputDirectory: agent.outputDirectory,
                outputName: "mapping.json"
            )
        }
    }
}

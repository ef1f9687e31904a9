import ArgumentParser
import Foundation
import RowProofAgents
import RowProofContracts

extension RowProofCommand {
    struct RewriteCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rewrite",
            abstract:
                "Write dbt models and Spark SQL that cast each column to its target type, from a column mapping.",
            discussion: """
                Reads column_mapping.json (written by rowproof map) and, optionally, profile.json (rowproof profile), \
                and writes models/<table>.sql (a select casting per mapping from {{ source(...) }}), models/schema.yml \
                (not_null and unique on the key, dbt_utils.accepted_range where the profile measured a range), \
                packages.yml, spark/<table>.sql and rewrite.json. Lossy casts carry a comment saying what they lose.
                  rowproof rewrite --mapping out/column_mapping.json --profile out/profile.json --output dbt/
                Exit codes: 0 done, 2 an input could not be read.
                """
        )

        @Option(help: "column_mapping.json written by rowproof map.")
        var mapping: String

        @Option(help: "profile.json written by rowproof profile, for accepted ranges.")
        var profile: String?

        @OptionGroup var agent: AgentCommandOptions

        func run() throws {
            let run = agent.run(.rewrite)
            try AgentCommandRunner.run(
                "rewrite",
                {
                    let mappingData = try AgentCommandRunner.readFile(mapping, what: "the column mapping")
                    var builder = AgentOutputBuilder(run: run)
                    builder.read(mapping, kind: .file, bytes: mappingData)
                    let mappings = try TableMapping.read(mappingData, name: mapping)
                    var profiles: [TableProfile] = []
                    if let profile {
                        let data = try AgentCommandRunner.readFile(profile, what: "the profile")
                        builder.read(profile, kind: .file, bytes: data)
                        profiles = try TableProfile.read(data, name: profile)
                    }
                    RewriteAgent().run(mappings: mappings, profiles: profiles, builder: &builder)
                    return try builder.writeAll(to: agent.outputDirectory)
                },
                outputDirectory: agent.outputDirectory,
                outputName: "rewrite.json"
            )
        }
    }
}

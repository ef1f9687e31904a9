import ArgumentParser
import Foundation
import RowProofGovernance

extension RowProofCommand {
    struct AuditCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "audit",
            abstract: "Check or export the hash-chained audit log.",
            subcommands: [Verify.self, Export.self]
        )
    }
}

extension RowProofCommand.AuditCommand {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the whole chain; name the first broken entry. Exit 0 intact, 1 broken, 2 could not read."
        )

        @Option(help: "Check a JSON Lines export instead of the live log.")
        var file: String?
        @OptionGroup var governance: GovernanceOptions

        func run() throws {
            try runGoverned {
                let verification: AuditChainVerification
                let location: String
                if let file {
                    guard let data = FileManager.default.contents(atPath: file) else {
                        throw GovernanceError(.badInput, "audit export \(file) does not exist or is not readable")
                    }
                    verification = AuditChainVerifier.verify(try AuditEntry.parseJSONLines(data))
                    location = file
                } else {
                    let log = try governance.openAuditLog()
                    verification = try log.verify()
                    location = log.locationDescription
                }
                guard verification.isIntact else {
                    throw GovernanceError(
                        .chainBroken,
                        "\(location): \(verification)",
                        hint:
                            "the entry was changed, removed or reordered after it was written; investigate who had write access"
                    )
                }
                print("\(location): \(verification)")
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Write the whole chain as JSON Lines (one canonical JSON entry per line); check it later with `audit verify --file`."
        )

        @Option(name: [.customShort("o"), .long], help: "Output file (default: standard output).")
        var output: String?
        @Option(help: "Only export if the chain verifies (default: true).")
        var verifyFirst: Bool = true
        @OptionGroup var governance: GovernanceOptions

        func run() throws {
            try runGoverned {
                let log = try governance.openAuditLog()
                if verifyFirst {
                    let verification = try log.verify()
                    guard verification.isIntact else {
                        throw GovernanceError(.chainBroken, "\(log.locationDescription): \(verification)")
                    }
                }
                let data = try log.exportJSONLines()
                if let output {
                    try data.write(to: URL(fileURLWithPath: output), options: .atomic)
                    FileHandle.standardError.write(Data("wrote \(output)\n".utf8))
                } else {
                    FileHandle.standardOutput.write(data)
                }
            }
        }
    }
}

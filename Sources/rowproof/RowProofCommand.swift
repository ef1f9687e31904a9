import ArgumentParser

@main
struct RowProofCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rowproof",
        abstract: "Prove a data migration moved every row intact before you cut over."
    )
}

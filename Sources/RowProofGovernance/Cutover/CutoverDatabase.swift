/// The target database a cutover changes.
///
/// Not `Sendable`: a conformer owns one connection, used from one thread at a time.
public protocol CutoverDatabase {
    /// Runs a query and returns its rows as text (`nil` for NULL).
    func query(_ sql: String, _ parameters: [String?]) throws -> [[String?]]
    /// Runs `statements` in one transaction: all apply, or none does and the error is thrown.
    func executeInTransaction(_ statements: [String]) throws
}

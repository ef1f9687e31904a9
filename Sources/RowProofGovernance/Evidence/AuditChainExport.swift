public import Foundation

/// The audit chain of a migration as it goes into an evidence pack: the JSON Lines export and
/// where the chain ends.
public struct AuditChainExport: Sendable, Equatable {
    /// The export, one JSON entry per line.
    public var jsonLines: Data
    /// SHA-256 (hex) of the last entry.
    public var headSHA256: String
    /// How many entries the export holds.
    public var entries: Int

    /// Creates an export.
    public init(jsonLines: Data, headSHA256: String, entries: Int) {
        self.jsonLines = jsonLines
        self.headSHA256 = headSHA256
        self.entries = entries
    }
}

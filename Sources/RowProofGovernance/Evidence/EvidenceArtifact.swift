public import Foundation
public import RowProofContracts

/// One file to seal into an evidence pack: where it goes in the pack, what it is, and its bytes.
public struct EvidenceArtifact: Sendable, Equatable {
    /// The path inside the pack (relative, `/` separators, no `..`).
    public var path: String
    /// What the file holds.
    public var kind: EvidenceFile.Kind
    /// The file's bytes, exactly as they are sealed.
    public var contents: Data

    /// Creates an artifact from bytes already in memory.
    public init(path: String, kind: EvidenceFile.Kind, contents: Data) {
        self.path = path
        self.kind = kind
        self.contents = contents
    }

    /// Reads the file at `url` into an artifact stored at `path` in the pack.
    ///
    /// - Throws: ``EvidenceError`` naming the file when it cannot be read.
    public init(path: String, kind: EvidenceFile.Kind, contentsOf url: URL) throws(EvidenceError) {
        do {
            self.init(path: path, kind: kind, contents: try Data(contentsOf: url))
        } catch {
            throw EvidenceError(.io, "cannot read \(url.path) for the evidence pack: \(error.localizedDescription)")
        }
    }
}

public import Foundation
import RowProofCrypto

/// The files a cutover may write (routing configuration), under one root folder.
///
/// Paths in a plan are relative to ``root``; writes go to a temporary file that is renamed into
/// place, so a reader never sees half a routing file.
public struct CutoverFiles: Sendable {
    /// The folder plan paths are relative to.
    public var root: URL

    /// Creates a file root.
    public init(root: URL) {
        self.root = root
    }

    /// The absolute URL of `path`.
    public func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// The file's bytes, or `nil` when it does not exist.
    public func contents(of path: String) throws(CutoverError) -> Data? {
        let url = url(path)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do { return try Data(contentsOf: url) } catch {
            throw CutoverError(.io, "cannot read \(url.path): \(error.localizedDescription)")
        }
    }

    /// Replaces the file with `data` atomically, or removes it when `data` is `nil`.
    public func write(_ data: Data?, to path: String) throws(CutoverError) {
        let url = url(path)
        do {
            if let data {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(),
                    withIntermediateDirectories: true
                )
                try data.write(to: url, options: .atomic)
            } else if FileManager.default.fileExists(atPath: url.path) {
                try FileManager.default.removeItem(at: url)
            }
        } catch {
            throw CutoverError(
                .io,
                "cannot \(data == nil ? "remove" : "write") \(url.path): \(error.localizedDescription)"
            )
        }
    }

    /// SHA-256 of the file, or `nil` when it does not exist.
    public func sha256(of path: String) throws(CutoverError) -> String? {
        try contents(of: path).map { SHA256.hexDigest($0) }
    }
}

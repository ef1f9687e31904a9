import Foundation

/// Files of the repository the tests read, found from this source file's location.
enum RepositoryFiles {
    /// The repository root: the nearest directory above this file that holds `Package.swift`.
    static let root: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory = directory.deletingLastPathComponent()
        }
        preconditionFailure("no Package.swift above \(#filePath)")
    }()

    static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: url(relativePath))
    }

    /// The names in `relativeDirectory`, sorted; empty when it does not exist.
    static func names(in relativeDirectory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url(relativeDirectory).path)) ?? []
        return names.sorted()
    }
}

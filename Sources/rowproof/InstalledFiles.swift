import Foundation

/// Files that ship with RowProof (`policy/`, `archetypes/`), found wherever the tool runs from.
enum InstalledFiles {
    /// The first existing `relativePath` under: the current folder, the folders above this
    /// executable (a build inside a checkout), `/usr/local/share/rowproof` and `/usr/share/rowproof`.
    static func locate(_ relativePath: String) -> String? {
        var candidates = [FileManager.default.currentDirectoryPath]
        var folder = RunReport.selfExecutable.deletingLastPathComponent()
        while folder.pathComponents.count > 1 {
            candidates.append(folder.path)
            folder.deleteLastPathComponent()
        }
        candidates += ["/usr/local/share/rowproof", "/usr/share/rowproof"]
        return candidates.map { URL(fileURLWithPath: $0).appendingPathComponent(relativePath).path }
            .first { FileManager.default.isReadableFile(atPath: $0) }
    }

    /// The default type-coercion rulebook, or a message saying where it was looked for.
    static func rulebook() throws -> String {
        let relative = "policy/type_coercion_rulebook.json"
        guard let path = locate(relative) else {
            throw ValidationErrorText(
                "no type-coercion rulebook found (looked for \(relative) here, above the rowproof executable, and in "
                    + "/usr/local/share/rowproof and /usr/share/rowproof): pass --rulebook PATH"
            )
        }
        return path
    }
}

/// An error whose description is its message.
struct ValidationErrorText: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

public import Foundation

extension TableMapping {
    /// Mappings as stable JSON (an array, sorted keys); rewrite reads it back.
    public static func jsonData(_ mappings: [TableMapping]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(mappings)) ?? Data()
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Reads mappings written by ``jsonData(_:)``.
    ///
    /// - Throws: ``AgentError/Code/input`` naming the file.
    public static func read(_ data: Data, name: String) throws(AgentError) -> [TableMapping] {
        do {
            return try JSONDecoder().decode([TableMapping].self, from: data)
        } catch {
            throw AgentError(.input, "\(name) is not a column mapping written by rowproof map: \(error)")
        }
    }

    /// Mappings for people.
    public static func markdown(_ mappings: [TableMapping]) -> String {
        var lines = ["# Column mapping", ""]
        for mapping in mappings {
            lines += [
                "## \(mapping.source) → \(mapping.target)", "", "| Source | Type | Target | Type | Lossy |",
                "|---|---|---|---|---|",
            ]
            for column in mapping.columns {
                let lossy = column.losses.map { "**\($0.kind)**: \($0.detail)" }.joined(separator: "<br>")
                lines.append(
                    "| \(column.source) | \(column.sourceType) | \(column.target ?? "—") | \(column.targetType ?? "—") | \(lossy.isEmpty ? "no" : lossy) |"
                )
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}

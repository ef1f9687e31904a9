public import Foundation

extension SourceInventory {
    /// The inventory as stable JSON (sorted keys).
    public var jsonData: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(self)) ?? Data()
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// The inventory for people.
    public var markdown: String {
        var lines = [
            "# Source inventory", "",
            "Source: `\(location)` (\(engine)), \(tables.count) tables and views.", "",
            "| Table | Kind | Rows | Bytes | Primary key | Depends on |", "|---|---|---:|---:|---|---|",
        ]
        for table in tables {
            let rows = table.rowEstimate.map { (table.isRowCountExact ? "" : "~") + String($0) } ?? "?"
            let depends = (table.foreignKeys.map(\.references) + table.dependsOn).joined(separator: ", ")
            lines.append(
                "| \(table.qualifiedName) | \(table.kind) | \(rows) | \(table.bytes.map(String.init) ?? "?") | "
                    + "\(table.primaryKey.isEmpty ? "none" : table.primaryKey.joined(separator: ", ")) | \(depends) |"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

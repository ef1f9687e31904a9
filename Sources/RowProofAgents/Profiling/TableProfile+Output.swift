public import Foundation

extension TableProfile {
    /// Profiles as stable JSON (an array, sorted keys); ``MappingAgent`` and planning read it back.
    public static func jsonData(_ profiles: [TableProfile]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(profiles)) ?? Data()
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Reads profiles written by ``jsonData(_:)``.
    ///
    /// - Throws: ``AgentError/Code/input`` naming the file.
    public static func read(_ data: Data, name: String) throws(AgentError) -> [TableProfile] {
        do {
            return try JSONDecoder().decode([TableProfile].self, from: data)
        } catch {
            throw AgentError(.input, "\(name) is not a profile written by rowproof profile: \(error)")
        }
    }

    /// Profiles for people.
    public static func markdown(_ profiles: [TableProfile]) -> String {
        var lines = ["# Column profiles", ""]
        for profile in profiles {
            lines.append("## \(profile.table)")
            lines.append("")
            lines.append(
                profile.isSampled
                    ? "Sampled: \(profile.profiledRows) of about \(profile.tableRows ?? 0) rows (\(profile.sampleMethod ?? "sample"))."
                    : "All \(profile.profiledRows) rows profiled."
            )
            lines += [
                "", "| Column | Type | NULLs | Distinct | Min | Max | Length | Scale | Offsets |",
                "|---|---|---:|---:|---|---|---|---|---|",
            ]
            for column in profile.columns {
                let length = column.maxLength.map { "\(column.minLength ?? 0)…\($0)" } ?? ""
                let scale = column.maxScale.map { "\(column.maxIntegerDigits ?? 0).\($0)" } ?? ""
                let offsets =
                    column.offsets?.map { "\($0.value ?? "NULL") \($0.count)" }.joined(separator: ", ")
                    ?? (column.offsetNote ?? "")
                lines.append(
                    "| \(column.name) | \(column.type) | \(column.nulls) | \(column.distinct) | \(column.min ?? "") | "
                        + "\(column.max ?? "") | \(length) | \(scale) | \(offsets) |"
                )
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}

/// Records, per decoded object, which members the model asked for, so that members no model
/// knows (typos such as `keyz`) are reported instead of silently ignored.
///
/// Synthesized `Decodable` conformances ask for every key of their `CodingKeys`, optional
/// ones included, so the keys asked for are exactly the known fields.
final class KeyUsage {
    private struct Entry {
        var codingPath: [any CodingKey]
        var present: Set<String>
        var used: [String]
    }

    private var entries: [String: Entry] = [:]
    private var order: [String] = []

    func register(codingPath: [any CodingKey], present: some Sequence<String>) {
        let id = ContractPath(codingPath: codingPath).description
        if entries[id] == nil {
            entries[id] = Entry(codingPath: codingPath, present: Set(present), used: [])
            order.append(id)
        }
    }

    func use(_ key: String, codingPath: [any CodingKey]) {
        let id = ContractPath(codingPath: codingPath).description
        guard var entry = entries[id], !entry.used.contains(key) else { return }
        entry.used.append(key)
        entries[id] = entry
    }

    /// The first object, in decoding order, with a member nobody asked for.
    func firstUnknownField() -> ContractError? {
        for id in order {
            guard let entry = entries[id] else { continue }
            let unknown = entry.present.subtracting(entry.used).sorted()
            if let first = unknown.first {
                let known = entry.used.joined(separator: ", ")
                return ContractError(
                    path: ContractPath(codingPath: entry.codingPath),
                    "unknown field \"\(first)\"; known fields: \(known)"
                )
            }
        }
        return nil
    }
}

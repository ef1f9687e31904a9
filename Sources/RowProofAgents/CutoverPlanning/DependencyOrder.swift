/// Orders tables so every table comes after the tables it references (foreign keys) and views
/// after what they read; tables in a reference cycle are kept together and reported.
enum DependencyOrder {
    static func order(_ tables: [InventoryTable]) -> (order: [String], cycles: [[String]]) {
        let names = Set(tables.map(\.qualifiedName))
        var dependencies: [String: Set<String>] = [:]
        for table in tables {
            let referenced = table.foreignKeys.map(\.references) + table.dependsOn
            dependencies[table.qualifiedName] = Set(
                referenced.filter { names.contains($0) && $0 != table.qualifiedName }
            )
        }
        var order: [String] = []
        var placed = Set<String>()
        var remaining = tables.map(\.qualifiedName).sorted()
        var cycles: [[String]] = []
        while !remaining.isEmpty {
            let ready = remaining.filter { (dependencies[$0] ?? []).isSubset(of: placed) }
            if ready.isEmpty {
                cycles.append(remaining)
                order += remaining
                break
            }
            order += ready
            placed.formUnion(ready)
            remaining.removeAll { placed.contains($0) }
        }
        return (order, cycles)
    }
}

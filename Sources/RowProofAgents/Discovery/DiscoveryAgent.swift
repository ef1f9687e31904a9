import RowProofContracts

/// The discovery agent: inventories a source's tables and views (sizes, columns, keys, foreign
/// keys, view dependencies) from its catalog, citing the catalog query behind every claim.
public struct DiscoveryAgent: Sendable {
    /// Tables at most this large (bytes) get an exact `count(*)` when the catalog has no estimate.
    public var exactCountLimitBytes: Int

    /// Creates the agent.
    public init(exactCountLimitBytes: Int = 64 << 20) {
        self.exactCountLimitBytes = exactCountLimitBytes
    }

    /// Inventories the source behind `connection`; records queries and claims in `builder` and
    /// adds `inventory.json` and `discovery.md` to it.
    ///
    /// - Parameter tables: Restrict the inventory to these tables (`schema.table` or `table`);
    ///   all when empty.
    /// - Throws: ``AgentError/Code/source`` when a catalog query fails,
    ///   ``AgentError/Code/unknownTable`` when a named table does not exist.
    public func run(
        _ connection: CatalogConnection,
        tables names: [String] = [],
        builder: inout AgentOutputBuilder
    ) throws(AgentError) -> SourceInventory {
        var reader = CatalogReader(connection: connection, exactCountLimitBytes: exactCountLimitBytes)
        var inventory = try reader.read()
        for query in reader.queries { builder.ran(query) }
        for warning in reader.warnings { builder.warn(warning) }
        if !names.isEmpty {
            var kept: [InventoryTable] = []
            for name in names {
                guard let table = inventory.table(named: name) else {
                    let known = inventory.tables.map(\.qualifiedName).prefix(20).joined(separator: ", ")
                    throw AgentError(
                        .unknownTable,
                        "table \(name) does not exist in \(connection.redactedLocation); known tables: \(known)"
                    )
                }
                kept.append(table)
            }
            inventory.tables = kept
        }
        for table in inventory.tables { Self.claims(for: table, reader: reader, into: &builder) }
        builder.write(inventory.jsonData, to: "inventory.json")
        builder.write(text: inventory.markdown, to: "discovery.md")
        return inventory
    }

    private static func claims(
        for table: InventoryTable,
        reader: CatalogReader,
        into builder: inout AgentOutputBuilder
    ) {
        let slug = String(table.qualifiedName.map { $0.isLetter || $0.isNumber ? $0 : "-" }.prefix(40))
        let size =
            table.rowEstimate.map { "\(table.isRowCountExact ? "exactly" : "about") \($0) rows" }
            ?? "an unknown number of rows"
        let bytes = table.bytes.map { ", \($0) bytes" } ?? ""
        builder.claim(
            AgentClaim(
                id: "size-\(slug)",
                statement: "\(table.kind) \(table.qualifiedName) holds \(size)\(bytes).",
                confidence: table.isRowCountExact ? 1 : 0.8,
                evidence: reader.sizeEvidence(for: table)
            )
        )
        builder.claim(
            AgentClaim(
                id: "columns-\(slug)",
                statement: "\(table.qualifiedName) has \(table.columns.count) columns: "
                    + table.columns.map { "\($0.name) \($0.type)\($0.isNullable ? "" : " NOT NULL")" }.joined(
                        separator: ", "
                    ) + ".",
                confidence: 1,
                evidence: [
                    .query(
                        reader.columnsQuery(for: table),
                        shows: "one row per column of \(table.qualifiedName)"
                    )
                ]
            )
        )
        if table.kind != "view" {
            let key =
                table.primaryKey.isEmpty
                ? "\(table.qualifiedName) has no primary key: compare it as a multiset or name key columns."
                : "\(table.qualifiedName) has the primary key (\(table.primaryKey.joined(separator: ", ")))."
            builder.claim(
                AgentClaim(
                    id: "key-\(slug)",
                    statement: key,
                    confidence: 1,
                    evidence: [
                        .query(reader.keysQuery(for: table), shows: "key columns of \(table.qualifiedName)")
                    ]
                )
            )
        }
        for (index, foreignKey) in table.foreignKeys.enumerated() {
            builder.claim(
                AgentClaim(
                    id: String("fk\(index)-\(slug)".prefix(64)),
                    statement:
                        "\(table.qualifiedName)(\(foreignKey.columns.joined(separator: ", "))) references "
                        + "\(foreignKey.references)(\(foreignKey.referencedColumns.joined(separator: ", "))) "
                        + "(constraint \(foreignKey.name)): load \(foreignKey.references) first.",
                    confidence: 1,
                    evidence: [
                        .query(reader.foreignKeysQuery(for: table), shows: "constraint \(foreignKey.name)")
                    ]
                )
            )
        }
        if !table.dependsOn.isEmpty {
            builder.claim(
                AgentClaim(
                    id: "deps-\(slug)",
                    statement:
                        "view \(table.qualifiedName) reads \(table.dependsOn.joined(separator: ", ")): create it after them.",
                    confidence: reader.isPostgres ? 1 : 0.9,
                    evidence: [
                        .query(
                            reader.viewDependencyQuery(for: table),
                            shows: "tables view \(table.qualifiedName) reads"
                        )
                    ]
                )
            )
        }
    }
}

/// What discovery found in a source: its tables and views, their sizes, columns, keys and
/// dependencies. Written as `inventory.json`; profiling, mapping and planning read it.
public struct SourceInventory: Codable, Sendable, Equatable {
    /// `postgres` or `sqlite`.
    public var engine: String
    /// The source location, passwords redacted.
    public var location: String
    /// Tables and views, by qualified name.
    public var tables: [InventoryTable]

    /// Creates an inventory.
    public init(engine: String, location: String, tables: [InventoryTable]) {
        self.engine = engine
        self.location = location
        self.tables = tables
    }

    /// The table named `name` (`schema.table`, or `table` when unambiguous).
    public func table(named name: String) -> InventoryTable? {
        tables.first { $0.qualifiedName == name }
            ?? {
                let matches = tables.filter { $0.name == name }
                return matches.count == 1 ? matches[0] : nil
            }()
    }
}

/// One table or view of a ``SourceInventory``.
public struct InventoryTable: Codable, Sendable, Equatable {
    /// `schema.name`.
    public var qualifiedName: String
    /// The schema (`main` on SQLite).
    public var schema: String
    /// The table's name.
    public var name: String
    /// `table`, `view`, `materialized_view` or `partitioned_table`.
    public var kind: String
    /// Rows: the planner's estimate, or an exact count where ``isRowCountExact``.
    public var rowEstimate: Int?
    /// Whether ``rowEstimate`` was counted rather than estimated.
    public var isRowCountExact: Bool
    /// Bytes on disk including indexes and TOAST, when the engine says.
    public var bytes: Int?
    /// Columns in order.
    public var columns: [InventoryColumn]
    /// Primary key columns, in key order; empty when the table has none.
    public var primaryKey: [String]
    /// Foreign keys to other tables.
    public var foreignKeys: [InventoryForeignKey]
    /// Tables a view reads (empty for tables).
    public var dependsOn: [String]

    /// Creates a table entry.
    public init(
        schema: String,
        name: String,
        kind: String,
        rowEstimate: Int?,
        isRowCountExact: Bool,
        bytes: Int?,
        columns: [InventoryColumn],
        primaryKey: [String],
        foreignKeys: [InventoryForeignKey],
        dependsOn: [String]
    ) {
        self.qualifiedName = "\(schema).\(name)"
        self.schema = schema
        self.name = name
        self.kind = kind
        self.rowEstimate = rowEstimate
        self.isRowCountExact = isRowCountExact
        self.bytes = bytes
        self.columns = columns
        self.primaryKey = primaryKey
        self.foreignKeys = foreignKeys
        self.dependsOn = dependsOn
    }

    enum CodingKeys: String, CodingKey {
        case qualifiedName = "qualified_name"
        case schema, name, kind
        case rowEstimate = "row_estimate"
        case isRowCountExact = "row_count_exact"
        case bytes, columns
        case primaryKey = "primary_key"
        case foreignKeys = "foreign_keys"
        case dependsOn = "depends_on"
    }
}

/// A column of an ``InventoryTable``.
public struct InventoryColumn: Codable, Sendable, Equatable {
    /// The column's name.
    public var name: String
    /// The engine's type, with modifiers (`numeric(12,2)`, `character varying(255)`).
    public var type: String
    /// Whether NULL is allowed.
    public var isNullable: Bool

    /// Creates a column entry.
    public init(name: String, type: String, isNullable: Bool) {
        self.name = name
        self.type = type
        self.isNullable = isNullable
    }

    enum CodingKeys: String, CodingKey {
        case name, type
        case isNullable = "nullable"
    }
}

/// A foreign key: this table's columns reference another table.
public struct InventoryForeignKey: Codable, Sendable, Equatable {
    /// The constraint's name (SQLite: `fk<n>`).
    public var name: String
    /// The referencing columns.
    public var columns: [String]
    /// The referenced table, qualified.
    public var references: String
    /// The referenced columns.
    public var referencedColumns: [String]

    /// Creates a foreign key entry.
    public init(name: String, columns: [String], references: String, referencedColumns: [String]) {
        self.name = name
        self.columns = columns
        self.references = references
        self.referencedColumns = referencedColumns
    }

    enum CodingKeys: String, CodingKey {
        case name, columns, references
        case referencedColumns = "referenced_columns"
    }
}

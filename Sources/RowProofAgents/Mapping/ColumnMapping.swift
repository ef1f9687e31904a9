/// How one source column maps to its target column, and what the coercion can lose.
public struct ColumnMapping: Codable, Sendable, Equatable {
    /// One way the coercion loses information.
    public struct Loss: Codable, Sendable, Equatable {
        /// `length`, `scale`, `precision`, `time_zone`, `float`, `type` or `missing_column`.
        public var kind: String
        /// What is lost, with the evidence (`source max length 312 > target varchar(255): 17 rows would be cut`).
        public var detail: String
        /// Rows affected on the source, when counted.
        public var affectedRows: Int?
        /// The rulebook rule that governs it, when there is one.
        public var rule: String?
        /// The SQL that counted the affected rows.
        public var query: String?

        /// Creates a loss.
        public init(
            kind: String,
            detail: String,
            affectedRows: Int? = nil,
            rule: String? = nil,
            query: String? = nil
        ) {
            self.kind = kind
            self.detail = detail
            self.affectedRows = affectedRows
            self.rule = rule
            self.query = query
        }

        enum CodingKeys: String, CodingKey {
            case kind, detail
            case affectedRows = "affected_rows"
            case rule, query
        }
    }

    /// The source column.
    public var source: String
    /// The source type.
    public var sourceType: String
    /// The target column, `nil` when the target has none of that name.
    public var target: String?
    /// The target type.
    public var targetType: String?
    /// The logical type both sides compare as, per the rulebook.
    public var logicalType: String?
    /// Rulebook rules the coercion applies.
    public var rules: [String]
    /// What the coercion loses; empty when lossless.
    public var losses: [Loss]

    /// Creates a column mapping.
    public init(
        source: String,
        sourceType: String,
        target: String?,
        targetType: String?,
        logicalType: String?,
        rules: [String],
        losses: [Loss]
    ) {
        self.source = source
        self.sourceType = sourceType
        self.target = target
        self.targetType = targetType
        self.logicalType = logicalType
        self.rules = rules
        self.losses = losses
    }

    /// Whether the coercion can lose information.
    public var isLossy: Bool { !losses.isEmpty }

    enum CodingKeys: String, CodingKey {
        case source
        case sourceType = "source_type"
        case target
        case targetType = "target_type"
        case logicalType = "logical_type"
        case rules, losses
    }
}

/// The mapping of one source table onto its target table. Written as `mapping.json`.
public struct TableMapping: Codable, Sendable, Equatable {
    /// The source table.
    public var source: String
    /// The target table.
    public var target: String
    /// Source key columns.
    public var keyColumns: [String]
    /// One entry per source column.
    public var columns: [ColumnMapping]

    /// Creates a table mapping.
    public init(source: String, target: String, keyColumns: [String], columns: [ColumnMapping]) {
        self.source = source
        self.target = target
        self.keyColumns = keyColumns
        self.columns = columns
    }

    enum CodingKeys: String, CodingKey {
        case source, target
        case keyColumns = "key_columns"
        case columns
    }
}

/// One table pair of a job: what to compare and how.
public struct TableSelection: ContractModel {
    /// The source table, optionally schema-qualified.
    public var source: String
    /// The target table; ``source`` when `nil`.
    public var target: String?
    /// Key columns (source names) in key order; without a key the table compares as a multiset.
    public var keyColumns: [String]?
    /// Explicit column list (source names), in plan order; exclusive with ``excludeColumns``.
    public var columns: [String]?
    /// Columns not compared at all.
    public var excludeColumns: [String]?
    /// Source column name -> target column name, for renamed columns.
    public var columnMapping: [String: String]?
    /// Strategy for this table; the job's when `nil`.
    public var strategy: ReconStrategy?
    /// SQL filter applied to both sides, without the `WHERE` keyword.
    public var `where`: String?

    /// Creates a table selection.
    public init(
        source: String,
        target: String? = nil,
        keyColumns: [String]? = nil,
        columns: [String]? = nil,
        excludeColumns: [String]? = nil,
        columnMapping: [String: String]? = nil,
        strategy: ReconStrategy? = nil,
        where filter: String? = nil
    ) {
        self.source = source
        self.target = target
        self.keyColumns = keyColumns
        self.columns = columns
        self.excludeColumns = excludeColumns
        self.columnMapping = columnMapping
        self.strategy = strategy
        self.where = filter
    }

    enum CodingKeys: String, CodingKey {
        case source, target
        case keyColumns = "key_columns"
        case columns
        case excludeColumns = "exclude_columns"
        case columnMapping = "column_mapping"
        case strategy
        case `where`
    }

    /// The target table name.
    public var targetTable: String { target ?? source }

    /// The target column a source column is compared with.
    public func targetColumn(for sourceColumn: String) -> String {
        columnMapping?[sourceColumn] ?? sourceColumn
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try validate(at: path, strategy: strategy ?? .rowhash)
    }

    /// Validates the selection for the strategy it will actually run with.
    func validate(at path: ContractPath, strategy: ReconStrategy) throws(ContractError) {
        try path["source"].checkNotEmpty(source)
        if let target { try path["target"].checkNotEmpty(target) }
        if let keyColumns {
            try path["key_columns"].checkNotEmpty(keyColumns)
            try path["key_columns"].checkEachNotEmpty(keyColumns)
            try path["key_columns"].checkUnique(keyColumns) { "column \"\($0)\"" }
        } else if strategy == .keys || strategy == .sample {
            throw path["key_columns"].fail(
                "strategy \(strategy.rawValue) needs key columns; list them or use rowhash or aggregate"
            )
        }
        if columns != nil, excludeColumns != nil {
            throw path.fail(
                "columns and exclude_columns cannot both be set; list the columns to compare or the ones to leave out"
            )
        }
        if let columns {
            try path["columns"].checkNotEmpty(columns)
            try path["columns"].checkEachNotEmpty(columns)
            try path["columns"].checkUnique(columns) { "column \"\($0)\"" }
            for key in keyColumns ?? [] where !columns.contains(key) {
                throw path["columns"].fail("must include the key column \"\(key)\"")
            }
        }
        if let excludeColumns {
            try path["exclude_columns"].checkEachNotEmpty(excludeColumns)
            try path["exclude_columns"].checkUnique(excludeColumns) { "column \"\($0)\"" }
            for (index, column) in excludeColumns.enumerated() where keyColumns?.contains(column) == true {
                throw path["exclude_columns"][index].fail("\"\(column)\" is a key column and cannot be excluded")
            }
        }
        for (sourceColumn, targetColumn) in (columnMapping ?? [:]).sorted(by: { $0.key < $1.key }) {
            try path["column_mapping"].checkNotEmpty(sourceColumn)
            try path["column_mapping"][sourceColumn].checkNotEmpty(targetColumn)
        }
        if let filter = self.where {
            try path["where"].checkNotEmpty(filter)
            if let problem = Self.filterProblem(filter) { throw path["where"].fail(problem) }
        }
    }

    /// Why `filter` cannot be one condition added to a scan's own (`… AND (filter)`), or `nil`.
    ///
    /// Outside quotes it must balance its parentheses, and hold no `;` and no comment: any of
    /// these could end the scan's key-range condition early, and rows outside the chunk's range
    /// would be read (or rows inside it skipped) without an error.
    public static func filterProblem(_ filter: String) -> String? {
        var depth = 0
        var quote: Character?
        var previous: Character = " "
        for character in filter {
            defer { previous = character }
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "'", "\"": quote = character
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth < 0 {
                    return "closes a parenthesis it did not open; write one condition, such as status <> 'test'"
                }
            case ";": return "holds a ';'; write one condition, without a statement separator"
            case "-" where previous == "-", "*" where previous == "/":
                return "holds a comment; write the condition without one"
            default: break
            }
        }
        if quote != nil { return "leaves a quote open" }
        if depth != 0 { return "leaves a parenthesis open" }
        return nil
    }
}

/// What profiling measured on one table: per column nulls, distinct values, range, lengths,
/// top values, decimal scale used and time zone offsets. Written as `profile.json`.
public struct TableProfile: Codable, Sendable, Equatable {
    /// `schema.table`.
    public var table: String
    /// Rows the profile was computed on.
    public var profiledRows: Int
    /// Whether the profile was computed on a sample rather than the whole table.
    public var isSampled: Bool
    /// How the sample was drawn (`TABLESAMPLE SYSTEM (1.5) REPEATABLE (42)`, `LIMIT 100000`), when sampled.
    public var sampleMethod: String?
    /// The table's row estimate from discovery.
    public var tableRows: Int?
    /// One profile per column, in table order.
    public var columns: [ColumnProfile]

    /// Creates a table profile.
    public init(
        table: String,
        profiledRows: Int,
        isSampled: Bool,
        sampleMethod: String?,
        tableRows: Int?,
        columns: [ColumnProfile]
    ) {
        self.table = table
        self.profiledRows = profiledRows
        self.isSampled = isSampled
        self.sampleMethod = sampleMethod
        self.tableRows = tableRows
        self.columns = columns
    }

    /// The profile of `column`.
    public func column(_ name: String) -> ColumnProfile? {
        columns.first { $0.name == name }
    }

    enum CodingKeys: String, CodingKey {
        case table
        case profiledRows = "profiled_rows"
        case isSampled = "sampled"
        case sampleMethod = "sample_method"
        case tableRows = "table_rows"
        case columns
    }
}

/// What profiling measured on one column.
public struct ColumnProfile: Codable, Sendable, Equatable {
    /// A value and how often it occurs.
    public struct ValueCount: Codable, Sendable, Equatable {
        /// The value as text (`nil` for NULL).
        public var value: String?
        /// Rows holding it.
        public var count: Int

        /// Creates a value count.
        public init(value: String?, count: Int) {
            self.value = value
            self.count = count
        }
    }

    /// The column's name.
    public var name: String
    /// The engine's type.
    public var type: String
    /// The logical type it is compared as (`decimal`, `text`, …), when RowProof knows the type.
    public var logicalType: String?
    /// NULL values.
    public var nulls: Int
    /// Distinct non-NULL values (exact on the profiled rows).
    public var distinct: Int
    /// The smallest value, as text.
    public var min: String?
    /// The largest value, as text.
    public var max: String?
    /// Shortest text length, for text columns.
    public var minLength: Int?
    /// Longest text length, for text columns.
    public var maxLength: Int?
    /// Length percentiles, for text columns: 50, 95 and 99.
    public var lengthPercentiles: [String: Int]?
    /// The most frequent values, most frequent first.
    public var topValues: [ValueCount]
    /// Largest number of decimals used, for exact numeric columns.
    public var maxScale: Int?
    /// Largest number of digits before the decimal point, for exact numeric columns.
    public var maxIntegerDigits: Int?
    /// Time zone offsets present (`Z`, `+02:00`, `none`) and their counts, for timestamp columns.
    public var offsets: [ValueCount]?
    /// What the profile says about offsets when no query was needed (the type decides).
    public var offsetNote: String?
    /// The SQL behind every figure.
    public var queries: [String]

    /// Creates a column profile.
    public init(
        name: String,
        type: String,
        logicalType: String?,
        nulls: Int,
        distinct: Int,
        min: String?,
        max: String?,
        minLength: Int? = nil,
        maxLength: Int? = nil,
        lengthPercentiles: [String: Int]? = nil,
        topValues: [ValueCount] = [],
        maxScale: Int? = nil,
        maxIntegerDigits: Int? = nil,
        offsets: [ValueCount]? = nil,
        offsetNote: String? = nil,
        queries: [String] = []
    ) {
        self.name = name
        self.type = type
        self.logicalType = logicalType
        self.nulls = nulls
        self.distinct = distinct
        self.min = min
        self.max = max
        self.minLength = minLength
        self.maxLength = maxLength
        self.lengthPercentiles = lengthPercentiles
        self.topValues = topValues
        self.maxScale = maxScale
        self.maxIntegerDigits = maxIntegerDigits
        self.offsets = offsets
        self.offsetNote = offsetNote
        self.queries = queries
    }

    enum CodingKeys: String, CodingKey {
        case name, type
        case logicalType = "logical_type"
        case nulls, distinct, min, max
        case minLength = "min_length"
        case maxLength = "max_length"
        case lengthPercentiles = "length_percentiles"
        case topValues = "top_values"
        case maxScale = "max_scale"
        case maxIntegerDigits = "max_integer_digits"
        case offsets
        case offsetNote = "offset_note"
        case queries
    }
}

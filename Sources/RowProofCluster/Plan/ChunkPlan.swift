public import RowProofContracts
public import RowProofCore

/// Everything a worker needs to compare one key range of one table pair.
///
/// The coordinator signs the plan's RFC 8785 canonical JSON; a worker refuses a plan whose
/// signature does not verify under a trusted key. Locations are written as the job gave them:
/// secret references (`env://`, `file://`, `vault://`) are resolved by the worker itself.
public struct ChunkPlan: Sendable, Hashable, Codable {
    /// One side of the comparison.
    public struct Side: Sendable, Hashable, Codable {
        /// Where the data lives (URL or conninfo, possibly with secret references).
        public var location: String
        /// The table.
        public var table: TableName
        /// The column plan's columns as this side names them, in plan order.
        public var columns: [String]
        /// The key columns as this side names them, in key order (empty in keyless mode).
        public var keyColumns: [String]
        /// A Postgres snapshot to import, so every chunk reads the same instant.
        public var snapshot: String?
        /// The job's row filter (SQL, without `WHERE`): only rows it holds for are read.
        public var filter: String?

        /// Creates a side.
        public init(
            location: String,
            table: TableName,
            columns: [String],
            keyColumns: [String],
            snapshot: String? = nil,
            filter: String? = nil
        ) {
            self.location = location
            self.table = table
            self.columns = columns
            self.keyColumns = keyColumns
            self.snapshot = snapshot
            self.filter = filter
        }
    }

    /// The job this chunk belongs to.
    public var jobID: String
    /// The chunk's number within the job (chunks of all tables are numbered consecutively, in key order).
    public var chunkID: Int
    /// The table pair's index in the job.
    public var tableIndex: Int
    /// The source side.
    public var source: Side
    /// The target side.
    public var target: Side
    /// The logical type of each plan column, in plan order.
    public var columnTypes: [RowProofCore.LogicalType]
    /// The names used in the report for each plan column (the source's names).
    public var columnNames: [String]
    /// The key range this chunk covers.
    public var range: KeyRange
    /// Keyless multiset mode (tables without a key).
    public var isKeyless: Bool
    /// The comparison strategy.
    public var strategy: ReconStrategy
    /// Sampling modulus M.
    public var sampleModulus: UInt64
    /// Sampling threshold K.
    public var sampleThreshold: UInt64
    /// How many differences of each kind the result carries.
    public var differenceLimit: Int
    /// The tolerance policy for this table.
    public var tolerance: TolerancePolicy

    /// Creates a plan.
    public init(
        jobID: String,
        chunkID: Int,
        tableIndex: Int,
        source: Side,
        target: Side,
        columnTypes: [RowProofCore.LogicalType],
        columnNames: [String],
        range: KeyRange,
        isKeyless: Bool,
        strategy: ReconStrategy,
        sampleModulus: UInt64,
        sampleThreshold: UInt64,
        differenceLimit: Int,
        tolerance: TolerancePolicy
    ) {
        self.jobID = jobID
        self.chunkID = chunkID
        self.tableIndex = tableIndex
        self.source = source
        self.target = target
        self.columnTypes = columnTypes
        self.columnNames = columnNames
        self.range = range
        self.isKeyless = isKeyless
        self.strategy = strategy
        self.sampleModulus = sampleModulus
        self.sampleThreshold = sampleThreshold
        self.differenceLimit = differenceLimit
        self.tolerance = tolerance
    }
}

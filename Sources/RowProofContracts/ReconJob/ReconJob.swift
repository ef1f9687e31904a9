/// A reconciliation job as a user submits it (`schemas/recon_job.schema.json`), in JSON or YAML.
///
/// ```yaml
/// name: orders-nightly
/// source: {url: "postgresql://rowproof_ro@legacy-db:5432/shop", password: "env://LEGACY_DB_PASSWORD"}
/// target: {url: "sqlite:///var/lib/app/migrated.db"}
/// tables:
///   - {source: public.orders, key_columns: [order_id]}
/// ```
public struct ReconJob: ContractModel {
    /// The job's name, used in report file names and the audit log.
    public var name: String
    /// What the job proves, for people reading the report.
    public var description: String?
    /// Where the data was migrated from.
    public var source: ConnectionEndpoint
    /// Where the data was migrated to.
    public var target: ConnectionEndpoint
    /// Table pairs, in report order.
    public var tables: [TableSelection]
    /// Default strategy; ``ReconStrategy/rowhash`` when `nil`.
    public var strategy: ReconStrategy?
    /// How tables are split into key-range chunks.
    public var chunking: ChunkingOptions?
    /// Tolerances; the policy's when `nil`.
    public var tolerances: Tolerances?
    /// The deterministic sample; the policy's when `nil`.
    public var sampling: SamplingParameters?
    /// Path of the policy file, relative to the job file.
    public var policy: String?
    /// Number of workers (1 ... 1024).
    public var workers: Int?
    /// Re-reading differing rows after a delay.
    public var recheck: RecheckOptions?
    /// Directory the reports are written to.
    public var outputDir: String?

    /// Creates a job.
    public init(
        name: String,
        description: String? = nil,
        source: ConnectionEndpoint,
        target: ConnectionEndpoint,
        tables: [TableSelection],
        strategy: ReconStrategy? = nil,
        chunking: ChunkingOptions? = nil,
        tolerances: Tolerances? = nil,
        sampling: SamplingParameters? = nil,
        policy: String? = nil,
        workers: Int? = nil,
        recheck: RecheckOptions? = nil,
        outputDir: String? = nil
    ) {
        self.name = name
        self.description = description
        self.source = source
        self.target = target
        self.tables = tables
        self.strategy = strategy
        self.chunking = chunking
        self.tolerances = tolerances
        self.sampling = sampling
        self.policy = policy
        self.workers = workers
        self.recheck = recheck
        self.outputDir = outputDir
    }

    enum CodingKeys: String, CodingKey {
        case name, description, source, target, tables, strategy, chunking, tolerances, sampling, policy, workers,
            recheck
        case outputDir = "output_dir"
    }

    /// The strategy a table is compared with: its own, else the job's, else `rowhash`.
    public func strategy(for table: TableSelection) -> ReconStrategy {
        table.strategy ?? strategy ?? .rowhash
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["name"].check(name, matches: .name)
        if let description { try path["description"].check(description.count, in: 0...2000) }
        try source.validate(at: path["source"])
        try target.validate(at: path["target"])
        try path["tables"].checkNotEmpty(tables)
        for (index, table) in tables.enumerated() {
            try table.validate(at: path["tables"][index], strategy: strategy(for: table))
        }
        try path["tables"].checkUnique(tables.map { [$0.source, $0.targetTable] }) { "table pair \($0[0]) -> \($0[1])" }
        try chunking.validateIfPresent(at: path["chunking"])
        try tolerances.validateIfPresent(at: path["tolerances"])
        try sampling.validateIfPresent(at: path["sampling"])
        if let policy { try path["policy"].checkNotEmpty(policy) }
        if let workers { try path["workers"].check(workers, in: 1...1024) }
        try recheck.validateIfPresent(at: path["recheck"])
        if let outputDir { try path["output_dir"].checkNotEmpty(outputDir) }
    }
}

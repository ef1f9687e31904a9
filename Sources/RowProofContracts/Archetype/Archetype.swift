/// A template for one kind of migration (`schemas/archetype.schema.json`): the engine pair, the
/// rulebook and policy it starts from, the reconciliation defaults, and the steps that carry a
/// migration from `CREATED` to `CUTOVER_DONE`.
public struct Archetype: ContractModel {
    /// The archetype's name, such as `postgres_to_postgres`.
    public var archetype: String
    /// The template's version (semantic version).
    public var version: String
    /// A one-line title.
    public var title: String
    /// What kind of migration this is for.
    public var description: String
    /// The engine data moves from.
    public var sourceEngine: Engine
    /// The engine data moves to.
    public var targetEngine: Engine
    /// The type-coercion rulebook, relative to the installation root.
    public var rulebook: String
    /// The default policy, relative to the installation root.
    public var policy: String
    /// Reconciliation defaults.
    public var recon: ArchetypeReconDefaults
    /// The steps, in order.
    public var steps: [ArchetypeStep]
    /// The kinds of cutover step this archetype's cutover plans use.
    public var cutoverStepKinds: [CutoverStepKind]
    /// Advice for operators.
    public var notes: [String]?

    /// Creates an archetype.
    public init(
        archetype: String,
        version: String,
        title: String,
        description: String,
        sourceEngine: Engine,
        targetEngine: Engine,
        rulebook: String,
        policy: String,
        recon: ArchetypeReconDefaults,
        steps: [ArchetypeStep],
        cutoverStepKinds: [CutoverStepKind],
        notes: [String]? = nil
    ) {
        self.archetype = archetype
        self.version = version
        self.title = title
        self.description = description
        self.sourceEngine = sourceEngine
        self.targetEngine = targetEngine
        self.rulebook = rulebook
        self.policy = policy
        self.recon = recon
        self.steps = steps
        self.cutoverStepKinds = cutoverStepKinds
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey {
        case archetype, version, title, description
        case sourceEngine = "source_engine"
        case targetEngine = "target_engine"
        case rulebook, policy, recon, steps
        case cutoverStepKinds = "cutover_step_kinds"
        case notes
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["archetype"].check(archetype, matches: .ruleID)
        try path["version"].check(version, matches: .version)
        try path["title"].checkNotEmpty(title)
        try path["description"].checkNotEmpty(description)
        try path["rulebook"].check(rulebook, matches: .relativePath)
        try path["policy"].check(policy, matches: .relativePath)
        try recon.validate(at: path["recon"])
        try path["steps"].checkNotEmpty(steps)
        try steps.validateEach(at: path["steps"])
        try path["cutover_step_kinds"].checkNotEmpty(cutoverStepKinds)
        try path["cutover_step_kinds"].checkUnique(cutoverStepKinds.map(\.rawValue))
        if let notes { try path["notes"].checkEachNotEmpty(notes) }
    }
}

/// The reconciliation defaults of an archetype.
public struct ArchetypeReconDefaults: ContractModel {
    /// The comparison strategy.
    public var strategy: ReconStrategy
    /// Rows per chunk.
    public var chunkRows: Int
    /// Seconds after which differing keys are re-checked; nil: no re-check.
    public var recheckDelaySeconds: Int?
    /// Whether both sides are read at one exported snapshot.
    public var snapshot: Bool?

    /// Creates the defaults.
    public init(strategy: ReconStrategy, chunkRows: Int, recheckDelaySeconds: Int? = nil, snapshot: Bool? = nil) {
        self.strategy = strategy
        self.chunkRows = chunkRows
        self.recheckDelaySeconds = recheckDelaySeconds
        self.snapshot = snapshot
    }

    enum CodingKeys: String, CodingKey {
        case strategy
        case chunkRows = "chunk_rows"
        case recheckDelaySeconds = "recheck_delay_seconds"
        case snapshot
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["chunk_rows"].check(chunkRows, in: 1000...100_000_000)
        if let recheckDelaySeconds { try path["recheck_delay_seconds"].check(recheckDelaySeconds, atLeast: 1) }
    }
}

/// One step of an archetype: the command that records the artifact a state's guard asks for.
public struct ArchetypeStep: ContractModel {
    /// The state the migration can advance to once the artifact is recorded.
    public var reaches: MigrationState
    /// The artifact name, as the state machine's guards name it.
    public var artifact: String
    /// The rowproof command that produces it, with `{source}`, `{target}`, `{migration}` and `{out}` placeholders.
    public var command: String
    /// What the step does.
    public var description: String

    /// Creates a step.
    public init(reaches: MigrationState, artifact: String, command: String, description: String) {
        self.reaches = reaches
        self.artifact = artifact
        self.command = command
        self.description = description
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["artifact"].check(artifact, matches: .ruleID)
        guard command.hasPrefix("rowproof "), command.count > 9 else {
            throw path["command"].fail(
                "must be a rowproof command such as `rowproof discover {source}` (got \(command))"
            )
        }
        try path["description"].checkNotEmpty(description)
    }
}

/// The kinds of cutover step.
public enum CutoverStepKind: String, ContractEnum {
    /// SQL run against the target (swap a view, rename tables).
    case sql
    /// A routing configuration file written for the applications.
    case routingConfig = "routing_config"
}

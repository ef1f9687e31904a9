/// One possible root cause of a report's differences, the rows behind it, how well it fits and
/// what to do about it.
public struct DiffHypothesis: Sendable, Equatable {
    /// The cause.
    public var pattern: DiffPattern
    /// The source table.
    public var table: String
    /// The column, for column-level causes.
    public var column: String?
    /// What exactly was found (`target = source +01:00`, `kept 2 of 4 decimals`).
    public var finding: String
    /// Keys of the sampled rows the hypothesis explains (`id=3`), in report order.
    public var keys: [String]
    /// Sampled differing rows explained, counting a row whose k columns differ as 1/k per column.
    public var explainedSampleRows: Double
    /// Sampled differences of the kinds this cause could produce that it does not fit.
    public var contradictingSampleRows: Double
    /// Differing rows of the whole table this explains, extrapolated from the sample.
    public var estimatedRows: Int
    /// Share of all differing rows in the report explained (0…1).
    public var coverage: Double
    /// Share of the comparable differences (same column and value kind) that fit (0…1).
    public var consistency: Double
    /// `coverage × consistency × specificity`: the rank order.
    public var score: Double
    /// What to do.
    public var fix: DiffFix
    /// Report evidence beyond the rows: chunk ranges, column statistics.
    public var notes: [String]

    /// Creates a hypothesis.
    public init(
        pattern: DiffPattern,
        table: String,
        column: String?,
        finding: String,
        keys: [String],
        explainedSampleRows: Double,
        contradictingSampleRows: Double,
        estimatedRows: Int,
        coverage: Double,
        consistency: Double,
        fix: DiffFix,
        notes: [String] = []
    ) {
        self.pattern = pattern
        self.table = table
        self.column = column
        self.finding = finding
        self.keys = keys
        self.explainedSampleRows = explainedSampleRows
        self.contradictingSampleRows = contradictingSampleRows
        self.estimatedRows = estimatedRows
        self.coverage = coverage
        self.consistency = consistency
        self.score = coverage * consistency * pattern.specificity
        self.fix = fix
        self.notes = notes
    }

    /// Where the cause sits: `public.orders.created_at` or `public.orders`.
    public var location: String {
        column.map { "\(table).\($0)" } ?? table
    }
}

/// An actionable fix for a hypothesis.
public struct DiffFix: Sendable, Equatable {
    /// The kinds of fix.
    public enum Kind: String, Sendable, Hashable {
        /// A rule or default in the type-coercion rulebook.
        case rulebookEntry = "rulebook_entry"
        /// A tolerance in the policy.
        case policyTolerance = "policy_tolerance"
        /// A change to the load's transform (SQL).
        case transform
        /// Reload a key range or a set of keys.
        case reload
        /// Re-run the reconciliation to confirm.
        case recheck
    }

    /// The kind of fix.
    public var kind: Kind
    /// What to do, in plain words.
    public var action: String
    /// A ready-to-use snippet (rulebook JSON, SQL), when there is one.
    public var snippet: String?

    /// Creates a fix.
    public init(kind: Kind, action: String, snippet: String? = nil) {
        self.kind = kind
        self.action = action
        self.snippet = snippet
    }
}

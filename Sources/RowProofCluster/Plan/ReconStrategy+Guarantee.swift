public import RowProofContracts

extension ReconStrategy {
    /// The guarantee a passing comparison with this strategy gives, as `recon_report` names it.
    public var guarantee: String {
        switch self {
        case .rowhash: "full"
        case .keys: "keys_only"
        case .aggregate: "aggregate"
        case .sample: "sample"
        }
    }

    /// What that guarantee means, for people reading the report.
    public var guaranteeExplanation: String {
        switch self {
        case .rowhash: "every row and every compared column matched by key"
        case .keys: "the same keys on both sides; column values were not compared"
        case .aggregate: "equal counts and per-column aggregates; individual rows were not compared"
        case .sample: "the rows of the deterministic sample are identical; other rows were not compared"
        }
    }
}

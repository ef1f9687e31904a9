/// How a table is compared.
public enum ReconStrategy: String, ContractEnum {
    /// Every row is hashed and compared (the full guarantee).
    case rowhash
    /// Only the key sets are compared: missing and extra rows, not changed values.
    case keys
    /// Only column aggregates (count, nulls, min, max, sum) are compared.
    case aggregate
    /// Only the rows of the deterministic sample are hashed and compared.
    case sample
}

/// What a passing table proves.
public enum Guarantee: String, ContractEnum {
    /// Every row and every compared value is equal (or within tolerance).
    case full
    /// The same keys exist on both sides; values were not compared.
    case keysOnly = "keys_only"
    /// The column aggregates are equal.
    case aggregate
    /// The rows of the deterministic sample are equal.
    case sample
    /// Both sides hold the same multiset of rows (no key to pair them).
    case multiset
}

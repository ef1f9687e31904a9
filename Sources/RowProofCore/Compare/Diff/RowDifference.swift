/// One difference the differ found, delivered to a ``DifferenceSink`` as soon as it is found.
public enum RowDifference: Sendable, Hashable {
    /// A key present in the source only; `position` is the row's 0-based position in the source.
    case missing(CanonicalRow, position: Int)
    /// A key present in the target only; `position` is the row's 0-based position in the target.
    case extra(CanonicalRow, position: Int)
    /// A key on both sides whose values differ beyond tolerance in at least one column.
    case changed(ChangedRow)
    /// A key on both sides whose values differ, all within tolerance. Counted and reported,
    /// never hidden.
    case withinTolerance(ChangedRow)
    /// A key seen again right after itself on one side.
    case duplicateKey(DuplicateKeyRow)

    /// The kind of difference, for severity rules.
    public var kind: DifferenceKind {
        switch self {
        case .missing: .missing
        case .extra: .extra
        case .changed: .changed
        case .withinTolerance: .withinTolerance
        case .duplicateKey: .duplicateKey
        }
    }

    /// The key encoding of the row concerned.
    public var key: [UInt8] {
        switch self {
        case .missing(let row, _), .extra(let row, _): row.key
        case .changed(let row), .withinTolerance(let row): row.key
        case .duplicateKey(let row): row.key
        }
    }
}

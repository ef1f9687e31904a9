/// Row counts of a table or of a whole job.
public struct RowCounts: ContractModel, Hashable {
    /// Rows read from the source.
    public var rowsSource: Int
    /// Rows read from the target.
    public var rowsTarget: Int
    /// Rows present on both sides with equal hashes.
    public var matched: Int
    /// Rows present on both sides that differ beyond tolerance.
    public var changed: Int
    /// Rows in the source, not in the target.
    public var missing: Int
    /// Rows in the target, not in the source.
    public var extra: Int
    /// Keys seen more than once, on either side.
    public var duplicateKeys: Int
    /// Rows that differ only within tolerance.
    public var withinTolerance: Int

    /// All zero.
    public static let zero = RowCounts(
        rowsSource: 0,
        rowsTarget: 0,
        matched: 0,
        changed: 0,
        missing: 0,
        extra: 0,
        duplicateKeys: 0,
        withinTolerance: 0
    )

    /// Creates counts.
    public init(
        rowsSource: Int,
        rowsTarget: Int,
        matched: Int,
        changed: Int,
        missing: Int,
        extra: Int,
        duplicateKeys: Int,
        withinTolerance: Int
    ) {
        self.rowsSource = rowsSource
        self.rowsTarget = rowsTarget
        self.matched = matched
        self.changed = changed
        self.missing = missing
        self.extra = extra
        self.duplicateKeys = duplicateKeys
        self.withinTolerance = withinTolerance
    }

    enum CodingKeys: String, CodingKey {
        case rowsSource = "rows_source"
        case rowsTarget = "rows_target"
        case matched, changed, missing, extra
        case duplicateKeys = "duplicate_keys"
        case withinTolerance = "within_tolerance"
    }

    /// Adds counts field by field.
    public static func + (lhs: RowCounts, rhs: RowCounts) -> RowCounts {
        RowCounts(
            rowsSource: lhs.rowsSource + rhs.rowsSource,
            rowsTarget: lhs.rowsTarget + rhs.rowsTarget,
            matched: lhs.matched + rhs.matched,
            changed: lhs.changed + rhs.changed,
            missing: lhs.missing + rhs.missing,
            extra: lhs.extra + rhs.extra,
            duplicateKeys: lhs.duplicateKeys + rhs.duplicateKeys,
            withinTolerance: lhs.withinTolerance + rhs.withinTolerance
        )
    }

    /// The counts on one line, for error messages.
    var summary: String {
        "rows_source \(rowsSource), rows_target \(rowsTarget), matched \(matched), changed \(changed), "
            + "missing \(missing), extra \(extra), duplicate_keys \(duplicateKeys), within_tolerance \(withinTolerance)"
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        for (key, value) in [
            ("rows_source", rowsSource), ("rows_target", rowsTarget), ("matched", matched), ("changed", changed),
            ("missing", missing), ("extra", extra), ("duplicate_keys", duplicateKeys),
            ("within_tolerance", withinTolerance),
        ] {
            try path[key].check(value, atLeast: 0)
        }
    }
}

/// The accepted difference between the two sides' row counts.
public struct RowCountTolerance: ContractModel {
    /// Rows the counts may differ by.
    public var absolute: Int?
    /// Fraction of the source count the counts may differ by (0 ... 1).
    public var relative: Double?

    /// Creates a row-count tolerance; both `nil` means the counts must be equal.
    public init(absolute: Int? = nil, relative: Double? = nil) {
        self.absolute = absolute
        self.relative = relative
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        if let absolute { try path["absolute"].check(absolute, atLeast: 0) }
        if let relative { try path["relative"].check(relative, in: 0...1) }
    }
}

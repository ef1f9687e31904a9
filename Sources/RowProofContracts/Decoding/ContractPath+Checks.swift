/// Checks used by ``ContractModel/validate(at:)``; each throws a ``ContractError`` at this path.
extension ContractPath {
    /// Fails with `message` at this path.
    public func fail(_ message: String) -> ContractError {
        ContractError(path: self, message)
    }

    /// `value` must be at least `minimum`.
    public func check<T: Comparable & CustomStringConvertible>(_ value: T, atLeast minimum: T) throws(ContractError) {
        guard value >= minimum else { throw fail("must be >= \(minimum) (got \(value))") }
    }

    /// `value` must lie in `range`.
    public func check<T: Comparable & CustomStringConvertible>(
        _ value: T,
        in range: ClosedRange<T>
    ) throws(ContractError) {
        guard range.contains(value) else {
            throw fail("must be between \(range.lowerBound) and \(range.upperBound) (got \(value))")
        }
    }

    /// `value` must be finite and at least `minimum`.
    public func check(_ value: Double, atLeast minimum: Double) throws(ContractError) {
        guard value.isFinite, value >= minimum else {
            throw fail("must be a finite number >= \(minimum) (got \(value))")
        }
    }

    /// `value` must be finite and greater than `minimum`.
    public func check(_ value: Double, greaterThan minimum: Double) throws(ContractError) {
        guard value.isFinite, value > minimum else { throw fail("must be a finite number > \(minimum) (got \(value))") }
    }

    /// `value` must match `pattern`.
    public func check(_ value: String, matches pattern: ContractPattern) throws(ContractError) {
        guard pattern.matches(value) else {
            let shown = value.count <= 80 ? "\"\(value)\"" : "\"\(value.prefix(77))...\""
            throw fail("must be \(pattern.meaning) (got \(shown))")
        }
    }

    /// `value` must not be empty.
    public func checkNotEmpty(_ value: String) throws(ContractError) {
        guard !value.isEmpty else { throw fail("must not be empty") }
    }

    /// `values` must not be empty.
    public func checkNotEmpty<C: Collection>(_ values: C) throws(ContractError) {
        guard !values.isEmpty else { throw fail("must not be empty") }
    }

    /// `values` must not contain the same value twice; the error names the second occurrence.
    public func checkUnique<T: Hashable>(
        _ values: [T],
        describedAs describe: (T) -> String = { "\($0)" }
    ) throws(ContractError) {
        var seen: [T: Int] = [:]
        for (index, value) in values.enumerated() {
            if let first = seen[value] {
                throw self[index].fail("duplicate \(describe(value)); already at [\(first)]")
            }
            seen[value] = index
        }
    }

    /// Every string in `values` must match `pattern`.
    public func checkEach(_ values: [String], matches pattern: ContractPattern) throws(ContractError) {
        for (index, value) in values.enumerated() {
            try self[index].check(value, matches: pattern)
        }
    }

    /// Every string in `values` must be non-empty.
    public func checkEachNotEmpty(_ values: [String]) throws(ContractError) {
        for (index, value) in values.enumerated() {
            try self[index].checkNotEmpty(value)
        }
    }
}

/// Severity rules: the first rule matching a difference's kind (and table, column, logical
/// type when given) decides; otherwise ``default``.
public struct SeverityPolicy: ContractModel {
    /// The severity when no rule matches.
    public var `default`: Severity
    /// The rules, in order.
    public var rules: [SeverityRule]

    /// Creates severity rules.
    public init(default: Severity, rules: [SeverityRule]) {
        self.default = `default`
        self.rules = rules
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try rules.validateEach(at: path["rules"])
    }
}

import Foundation
public import RowProofContracts
public import RowProofCore
import RowProofCrypto

/// The parts of a policy a report needs: severity rules and the redaction of sensitive columns.
public struct ReportPolicy: Sendable {
    /// Severity by kind of difference, table and column.
    public var classifier: SeverityClassifier
    /// Columns whose values never appear in reports.
    public var redaction: [RedactionRule]

    /// The defaults: missing, extra, duplicate keys and count mismatches critical, changed values
    /// and aggregate mismatches errors, differences within tolerance info; fail from `error` up.
    public static let standard = ReportPolicy(classifier: SeverityClassifier(), redaction: [])

    /// Creates a report policy.
    public init(classifier: SeverityClassifier, redaction: [RedactionRule]) {
        self.classifier = classifier
        self.redaction = redaction
    }

    /// Builds the report policy of `policy`.
    public init(_ policy: Policy) {
        let rules = policy.severity.rules.map { rule in
            RowProofCore.SeverityRule(
                kind: DifferenceKind(rule.kind),
                table: rule.table.map(GlobPattern.init),
                column: rule.column.map(GlobPattern.init),
                severity: RowProofCore.Severity(rule.severity)
            )
        }
        self.init(classifier: SeverityClassifier(rules: rules), redaction: policy.redaction)
    }

    /// SHA-256 of these rules (canonical JSON), for reports of runs without a policy file.
    public var fingerprint: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let classifier = (try? encoder.encode(classifier)) ?? Data()
        let redaction = (try? encoder.encode(redaction)) ?? Data()
        return SHA256.hexDigest(Array(classifier) + [0x0A] + Array(redaction))
    }

    /// How `column` of `table` must be shown, or `nil` to show it as is.
    public func redaction(table: String, column: String) -> RedactionRule.Mode? {
        redaction.first { rule in
            GlobPattern(rule.column).matches(column) && (rule.table.map { GlobPattern($0).matches(table) } ?? true)
        }?.mode
    }
}

extension DifferenceKind {
    init(_ kind: RowProofContracts.SeverityRule.Kind) {
        switch kind {
        case .missing: self = .missing
        case .extra: self = .extra
        case .changed: self = .changed
        case .duplicateKey: self = .duplicateKey
        case .count: self = .count
        case .aggregate: self = .aggregate
        case .withinTolerance: self = .withinTolerance
        }
    }
}

extension RowProofCore.Severity {
    init(_ severity: RowProofContracts.Severity) {
        switch severity {
        case .info: self = .info
        case .warning: self = .warning
        case .error: self = .error
        case .critical: self = .critical
        }
    }
}

extension RowProofContracts.Severity {
    init(_ severity: RowProofCore.Severity) {
        switch severity {
        case .info: self = .info
        case .warning: self = .warning
        case .error: self = .error
        case .critical: self = .critical
        }
    }
}

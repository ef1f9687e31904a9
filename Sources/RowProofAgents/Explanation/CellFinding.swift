import Foundation

/// What one differing value pair looks like: which pattern it fits, with the pattern's parameter.
enum CellFinding: Sendable, Hashable {
    /// One side NULL, the other empty (or blank) text; `nullInTarget` says which side is NULL.
    case nullAgainstEmpty(nullInTarget: Bool)
    /// Equal once trailing blanks are removed.
    case trailingBlanks
    /// Equal once both are in Unicode NFC.
    case normalization
    /// Equal ignoring letter case.
    case caseOnly
    /// Numbers closer than one unit at `keptScale` digits.
    case precision(keptScale: Int)
    /// Binary floating-point values equal to about 7 significant digits (single precision).
    case floatNarrowing
    /// Timestamps `deltaMicros` apart (target minus source).
    case timeShift(deltaMicros: Int64)
    /// Both timestamps, both numbers, or both text, but no known pattern.
    case unexplained(family: ValueFamily)

    /// The kinds of value a column holds, for the consistency of a pattern within it.
    enum ValueFamily: Sendable, Hashable { case text, number, timestamp, other }

    /// The family the finding belongs to.
    var family: ValueFamily {
        switch self {
        case .nullAgainstEmpty, .trailingBlanks, .normalization, .caseOnly: .text
        case .precision, .floatNarrowing: .number
        case .timeShift: .timestamp
        case .unexplained(let family): family
        }
    }

    /// The pattern, when the finding fits one.
    var pattern: DiffPattern? {
        switch self {
        case .nullAgainstEmpty: .nullSemantics
        case .trailingBlanks: .charPadding
        case .normalization: .unicodeNormalization
        case .caseOnly: .caseOnly
        case .precision, .floatNarrowing: .precisionLoss
        case .timeShift: .timeZoneShift
        case .unexplained: nil
        }
    }

    /// Classifies a source/target pair that the report says differs.
    static func classify(source: SampleValue, target: SampleValue) -> CellFinding {
        switch (source, target) {
        case (.null, .null):
            return .unexplained(family: .other)
        case (.null, let other), (let other, .null):
            if let text = other.text, text.allSatisfy({ $0 == " " }) {
                return .nullAgainstEmpty(nullInTarget: target == .null)
            }
            return .unexplained(family: other.family)
        case (.number(let left), .number(let right)):
            return numbers(left, right)
        default:
            break
        }
        if let left = source.text, let right = target.text {
            if let from = TimestampText(left), let to = TimestampText(right) {
                return from.micros == to.micros
                    ? .unexplained(family: .timestamp) : .timeShift(deltaMicros: to.micros - from.micros)
            }
            return texts(left, right)
        }
        return .unexplained(family: source.family == target.family ? source.family : .other)
    }

    private static func texts(_ left: String, _ right: String) -> CellFinding {
        let leftScalars = Array(left.unicodeScalars)
        let rightScalars = Array(right.unicodeScalars)
        guard leftScalars != rightScalars else { return .unexplained(family: .text) }
        if trimmingTrailingBlanks(leftScalars) == trimmingTrailingBlanks(rightScalars) {
            return .trailingBlanks
        }
        let leftNFC = Array(left.precomposedStringWithCanonicalMapping.unicodeScalars)
        let rightNFC = Array(right.precomposedStringWithCanonicalMapping.unicodeScalars)
        if leftNFC == rightNFC { return .normalization }
        if Array(left.lowercased().precomposedStringWithCanonicalMapping.unicodeScalars)
            == Array(right.lowercased().precomposedStringWithCanonicalMapping.unicodeScalars)
        {
            return .caseOnly
        }
        return .unexplained(family: .text)
    }

    private static func trimmingTrailingBlanks(
        _ scalars: [Unicode.Scalar]
    ) -> ArraySlice<
        Unicode.Scalar
    > {
        var slice = scalars[...]
        while slice.last == " " { slice = slice.dropLast() }
        return slice
    }

    private static func numbers(_ left: String, _ right: String) -> CellFinding {
        if let from = DecimalText(left), let to = DecimalText(right), from.scale != to.scale {
            let kept = min(from.scale, to.scale)
            let difference = (from.value - to.value).magnitude
            if difference > 0, difference < Decimal.unit(scale: kept) {
                return .precision(keptScale: kept)
            }
            return .unexplained(family: .number)
        }
        if let from = Double(left), let to = Double(right), from != to, from.isFinite, to.isFinite {
            let scale = max(abs(from), abs(to))
            if abs(from - to) <= scale * 1e-6 { return .floatNarrowing }
        }
        return .unexplained(family: .number)
    }
}

extension SampleValue {
    /// The value family, for findings that fit no pattern.
    fileprivate var family: CellFinding.ValueFamily {
        switch self {
        case .null: .other
        case .number: .number
        case .text: .text
        case .other(let text): TimestampText(text) != nil ? .timestamp : .other
        }
    }
}

public import RowProofCore
import RowProofCrypto

/// One difference as reports show it: its kind, the key, and for changed rows each differing
/// column with both values, rendered as SQL tools show values.
public struct DifferenceRecord: Sendable, Hashable, Codable {
    /// One differing column of a changed row.
    public struct Column: Sendable, Hashable, Codable {
        /// The column's name in the column plan.
        public var name: String
        /// The source value as text (`NULL`, `42`, `'text'`, …), or a redaction marker.
        public var source: String
        /// The target value as text, or a redaction marker.
        public var target: String
        /// Whether this column's difference is within its tolerance.
        public var withinTolerance: Bool
        /// `|source - target|` for numeric and temporal values (timestamps in seconds).
        public var absoluteDifference: Double?

        /// Creates a column difference.
        public init(name: String, source: String, target: String, withinTolerance: Bool, absoluteDifference: Double?) {
            self.name = name
            self.source = source
            self.target = target
            self.withinTolerance = withinTolerance
            self.absoluteDifference = absoluteDifference
        }
    }

    /// What kind of difference.
    public var kind: DifferenceKind
    /// The key as `column = value` pairs, in key order (empty in keyless mode).
    public var key: [KeyPart]
    /// The side a duplicate key was found on.
    public var side: DiffSide?
    /// The differing columns (changed and within-tolerance rows).
    public var columns: [Column]
    /// The key encoding in hex, so the exact key can be looked up or re-checked.
    public var keyHex: String

    /// Creates a record.
    public init(kind: DifferenceKind, key: [KeyPart], side: DiffSide?, columns: [Column], keyHex: String) {
        self.kind = kind
        self.key = key
        self.side = side
        self.columns = columns
        self.keyHex = keyHex
    }

    /// One key column and its value as text.
    public struct KeyPart: Sendable, Hashable, Codable {
        /// The key column's name.
        public var column: String
        /// Its value as text.
        public var value: String

        /// Creates a key part.
        public init(column: String, value: String) {
            self.column = column
            self.value = value
        }
    }
}

extension DifferenceRecord {
    /// Builds the record of `difference`, naming key columns with `keyColumns`.
    public init(_ difference: RowDifference, keyColumns: [String]) {
        let keyBytes = difference.key
        let values = KeyDecoder.describeKey(keyBytes)
        let key = zip(keyColumns, values).map { KeyPart(column: $0, value: $1.displayText) }
        var side: DiffSide?
        var columns: [Column] = []
        switch difference {
        case .changed(let row), .withinTolerance(let row):
            columns = row.columns.map {
                Column(
                    name: $0.name,
                    source: $0.source.displayText,
                    target: $0.target.displayText,
                    withinTolerance: $0.comparison.isWithinTolerance,
                    absoluteDifference: $0.comparison.absoluteDifference
                )
            }
        case .duplicateKey(let row):
            side = row.side
        case .missing, .extra:
            break
        }
        self.init(kind: difference.kind, key: key, side: side, columns: columns, keyHex: Hex.encode(keyBytes))
    }
}

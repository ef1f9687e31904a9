/// The root causes the diff explanation recognizes, each with what it predicts and how much a
/// match says (``specificity``).
public enum DiffPattern: String, Sendable, Hashable, CaseIterable, Codable {
    /// Timestamps moved by one constant offset: a time zone applied on one side only.
    case timeZoneShift = "time_zone_shift"
    /// Numbers that differ by less than one unit of the smaller scale: rounded or truncated.
    case precisionLoss = "precision_loss"
    /// NULL on one side, the empty string on the other.
    case nullSemantics = "null_semantics"
    /// Text that differs only by trailing blanks: CHAR(n) padding.
    case charPadding = "char_padding"
    /// Text that differs only in letter case: a collation or an upper()/lower() in the load.
    case caseOnly = "case_only"
    /// The same text, composed on one side and decomposed on the other (NFC against NFD).
    case unicodeNormalization = "unicode_normalization"
    /// A contiguous range of keys is missing from the target: a load stopped early.
    case truncatedLoad = "truncated_load"
    /// Missing rows scattered over the key space: rows rejected or filtered by the load.
    case rejectedRows = "rejected_rows"
    /// Rows only in the target: written there after the load, or deleted from the source.
    case extraRows = "extra_rows"
    /// A key present twice: a batch loaded twice.
    case duplicateLoad = "duplicate_load"
    /// Values of one column rewritten by the load in no recognizable way.
    case columnTransform = "column_transform"
    /// Rows changed on the source while the migration ran.
    case sourceChangedDuringCopy = "source_changed_during_copy"

    /// How much a match of this pattern says, from 0 to 1.
    ///
    /// Patterns that predict the exact shape of every difference (a constant offset, a
    /// contiguous range, values equal after one normalization) are 1. Generic causes that would
    /// fit any difference of their kind rank below them: they explain without predicting.
    public var specificity: Double {
        switch self {
        case .timeZoneShift, .precisionLoss, .nullSemantics, .charPadding, .caseOnly,
            .unicodeNormalization, .truncatedLoad:
            1
        case .duplicateLoad: 0.8
        case .rejectedRows, .extraRows: 0.5
        case .columnTransform: 0.3
        case .sourceChangedDuringCopy: 0.2
        }
    }

    /// A title for people.
    public var title: String {
        switch self {
        case .timeZoneShift: "time zone shift"
        case .precisionLoss: "precision loss"
        case .nullSemantics: "NULL against empty string"
        case .charPadding: "CHAR padding (trailing blanks)"
        case .caseOnly: "case-only differences (collation)"
        case .unicodeNormalization: "Unicode normalization (NFC against NFD)"
        case .truncatedLoad: "truncated load (contiguous key range missing)"
        case .rejectedRows: "rows rejected or filtered by the load"
        case .extraRows: "rows only in the target"
        case .duplicateLoad: "batch loaded twice (duplicate keys)"
        case .columnTransform: "column rewritten by the load"
        case .sourceChangedDuringCopy: "source changed while the migration ran"
        }
    }
}

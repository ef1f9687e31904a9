/// The defaults a rulebook's rules refer to.
public struct CoercionDefaults: ContractModel {
    /// Decimal rounding modes.
    public enum Rounding: String, ContractEnum {
        /// To nearest, ties to even (banker's rounding).
        case halfEven = "half_even"
        /// To nearest, ties away from zero.
        case halfUp = "half_up"
        /// To nearest, ties toward zero.
        case halfDown = "half_down"
        /// Toward zero.
        case down
        /// Away from zero.
        case up
        /// Toward negative infinity.
        case floor
        /// Toward positive infinity.
        case ceiling
    }

    /// Text normalization forms.
    public enum TextNormalization: String, ContractEnum {
        /// Unicode Normalization Form C.
        case nfc
        /// Bytes as stored.
        case none
    }

    /// What happens to CHAR(n) padding.
    public enum CharPadding: String, ContractEnum {
        /// Trailing blanks are removed.
        case trimTrailing = "trim_trailing"
        /// Values are compared as stored.
        case keep
    }

    /// IANA zone naive timestamps are interpreted in; `UTC` by default.
    public var naiveTimestampZone: String
    /// Rounding for decimals brought to a smaller scale.
    public var decimalRounding: Rounding
    /// How text is normalized before it is compared.
    public var textNormalization: TextNormalization
    /// What happens to CHAR(n) padding.
    public var charPadding: CharPadding
    /// Whether the empty string is treated as NULL (Oracle-like engines).
    public var emptyStringIsNull: Bool
    /// Fractional second digits kept (0 ... 9; the hashing spec keeps 6).
    public var timestampPrecisionDigits: Int?

    /// Creates defaults.
    public init(
        naiveTimestampZone: String = "UTC",
        decimalRounding: Rounding = .halfEven,
        textNormalization: TextNormalization = .nfc,
        charPadding: CharPadding = .trimTrailing,
        emptyStringIsNull: Bool = false,
        timestampPrecisionDigits: Int? = nil
    ) {
        self.naiveTimestampZone = naiveTimestampZone
        self.decimalRounding = decimalRounding
        self.textNormalization = textNormalization
        self.charPadding = charPadding
        self.emptyStringIsNull = emptyStringIsNull
        self.timestampPrecisionDigits = timestampPrecisionDigits
    }

    enum CodingKeys: String, CodingKey {
        case naiveTimestampZone = "naive_timestamp_zone"
        case decimalRounding = "decimal_rounding"
        case textNormalization = "text_normalization"
        case charPadding = "char_padding"
        case emptyStringIsNull = "empty_string_is_null"
        case timestampPrecisionDigits = "timestamp_precision_digits"
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["naive_timestamp_zone"].check(naiveTimestampZone, matches: .timeZone)
        if let timestampPrecisionDigits {
            try path["timestamp_precision_digits"].check(timestampPrecisionDigits, in: 0...9)
        }
    }
}

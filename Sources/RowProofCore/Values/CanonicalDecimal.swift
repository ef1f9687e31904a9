/// An exact decimal of at most 38 significant digits, kept normalized, or one of numeric's specials.
///
/// A finite value is `unscaled × 10^-scale` with `scale >= 0`, and `unscaled` is never divisible
/// by 10 when `scale > 0` (trailing zeros are removed), so equal values have equal fields:
/// `5`, `5.0` and `5.00` are all `unscaled: 5, scale: 0`; zero is always `unscaled: 0, scale: 0`.
/// Integer digits plus fraction digits never exceed 38, so `unscaled` fits an `Int128`.
public struct CanonicalDecimal: Sendable, Hashable {
    /// Finite, or one of the specials Postgres `numeric` supports.
    public enum Kind: Sendable, Hashable {
        case finite
        case nan
        case positiveInfinity
        case negativeInfinity
    }

    /// Which kind of value this is.
    public let kind: Kind
    /// The digits without the decimal point (0 for the specials).
    public let unscaled: Int128
    /// How many of the digits are after the decimal point (0 for the specials).
    public let scale: Int32

    /// The largest number of significant digits a canonical decimal may have.
    public static let maximumDigits = 38

    /// Creates a special value (`.nan`, `.positiveInfinity`, `.negativeInfinity`).
    public static func special(_ kind: Kind) -> CanonicalDecimal {
        precondition(kind != .finite, "use init(integer:) or init(unscaled:scale:) for finite values")
        return CanonicalDecimal(uncheckedKind: kind, unscaled: 0, scale: 0)
    }

    /// Creates an integer value (always in range).
    public init(integer: Int64) {
        self.init(uncheckedKind: .finite, unscaled: Int128(integer), scale: 0)
    }

    /// Creates a value without checking the normalization invariants. Callers guarantee them.
    @usableFromInline
    init(uncheckedKind: Kind, unscaled: Int128, scale: Int32) {
        self.kind = uncheckedKind
        self.unscaled = unscaled
        self.scale = scale
    }
}

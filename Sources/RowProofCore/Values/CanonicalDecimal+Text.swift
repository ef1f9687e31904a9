extension CanonicalDecimal: CustomStringConvertible {
    /// The canonical payload text: `-12.5`, `0.5`, `1500`, `0`, `NaN`, `Infinity`, `-Infinity`.
    public var description: String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: canonicalTextLength) { buffer in
            let written = writeCanonicalText(to: buffer.baseAddress!)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<written]), as: UTF8.self)
        }
    }

    /// The number of bytes of ``description``.
    var canonicalTextLength: Int {
        switch kind {
        case .nan: 3
        case .positiveInfinity: 8
        case .negativeInfinity: 9
        case .finite:
            DecimalDigits.textLength(
                digitCount: DecimalDigits.count(unscaled.magnitude),
                scale: Int(scale),
                isNegative: unscaled < 0
            )
        }
    }

    /// Writes ``description``'s bytes at `start` and returns how many were written.
    func writeCanonicalText(to start: UnsafeMutablePointer<UInt8>) -> Int {
        let special: StaticString
        switch kind {
        case .nan: special = "NaN"
        case .positiveInfinity: special = "Infinity"
        case .negativeInfinity: special = "-Infinity"
        case .finite:
            let magnitude = unscaled.magnitude
            return DecimalDigits.writeText(
                magnitude: magnitude,
                digitCount: DecimalDigits.count(magnitude),
                scale: Int(scale),
                isNegative: unscaled < 0,
                to: start
            )
        }
        start.update(from: special.utf8Start, count: special.utf8CodeUnitCount)
        return special.utf8CodeUnitCount
    }
}
